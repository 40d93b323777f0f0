"""Pure Enreach RTE → normalized mapping. No I/O, nothing mutated: every function takes the raw
``MessageReceived`` payload (and the context it needs as plain arguments) and returns
normalized events. ``R:n`` = line n of vendor-docs/enreach-rte-signalr.md; the digest is
vendor-docs/digests/streaming-vendors-digest.md §2.5 and §6.3.

Tolerant on input (digest §6.3):
* property names are matched case-insensitively: the MessageReceived sample is camelCase
  (R:141-177), every per-event sample PascalCase (R:372+); ``UserName``/``Username`` both occur;
* event names too: ``UserCallInComing`` (heading R:523) vs ``UserCallIncoming`` (prose R:260),
  ``queuestatus`` echoed lower-case (R:126);
* the envelope is ``{subscription, data}`` (R:179-183) in either casing; a bare event object is
  accepted as its own ``data``;
* DateTimes come with a zone (``Timestamp``, "…Z") or without (``StartTime``, read as UTC);
  ``0001-01-01T00:00:00`` and .NET ``DateTime.MaxValue`` mean "none" (R:416-417, R:430).

Agent state (DESIGN: one mapping table per vendor; also docs/enreach-mapping.md):

| Enreach (R:429 ``UserAvailability.Availability``) | normalized | dnd |
|---|---|---|
| Available | ready | false |
| Busy | busy | false |
| DoNotDisturb | do_not_disturb | true |
| OffWork | logged_out | false |
| BRB | away | false |
| Away | away | false |
| anything else | unknown (``vendor_state`` keeps the text) | false |
| wrap-up active (``UserWrapUpStarted`` R:1169 until ``UserWrapUpTerminated`` R:1200, or ``UserStatus.WrapUpStart/WrapUpEnd`` not null R:1092-1093) | after_call_work, over the availability state; when it ends the availability state returns | unchanged |
| only ``UserStatus`` seen, no ``UserAvailability`` (fallback, [inferred] from R:1080, R:1085) | ``Schedule`` false → logged_out, ``Available`` false → do_not_disturb, else ready | as state |

``vendor_state`` is always the Availability text; ``reason`` is its ``Note`` (R:432); ``since`` is
``StartTime`` when given, else the event's ``Timestamp``. ``UserStatus.Talking`` is not turned into
a state (DESIGN: the platform's own state, not inferred from calls).

Calls (``CallId`` is the interaction id, R:475 etc.; media voice; no hold/mute/recording in RTE):

| event | state |
|---|---|
| UserCallInComing, UserCallInArrived, QueueCallInComing, QueueCallInArrived | queued |
| UserCallInUserAllocated | offered (``agent_id`` = UserId) |
| UserCallInUserConnected | connected |
| UserCallOutConnected | connected, outbound (dialled-or-answered is unclear, §6.3 #17) |
| UserCallInUserCancelled, UserCallInOverflow, UserCallInUserOverflow, UserCallInTransferConnected | ended for that user (the offer was withdrawn / the call left for another target); ``data`` says why |
| UserCallInTransferStarted / …Cancelled | no state change; ``data`` keeps transfer target / reason |
| QueueCallInTransferStarted | offered (to ``TransferTarget``), if no user's view owns the call |
| QueueCallInTransferConnected | connected (to ``ConnectedTarget``), same condition |
| QueueCallInTransferCancelled | queued again, same condition |
| QueueCallInOverflow | no state change; ``data`` keeps the overflow |
| UserCallInDisconnected, UserCallOutDisconnected, QueueCallInDisconnected | ended, or wrap_up when ``UserWrapUpEnabled`` was seen for the call (R:1157-1159) |
| UserWrapUpEnabled | ``data.wrap_up_max_s`` |
| UserWrapUpStarted | wrap_up (and the user's agent state after_call_work) |
| UserWrapUpTerminated | ended (and the agent state returns to the availability state) |
| UserCallAvailableForMonitoring, UserSupervisionStatus | supervision ``data`` on the call (+ an info notice for the first) |

Ordering rules ([inferred]; RTE promises no order, §6.3 #18): a call a user's view owns
(``agent_id`` set) takes no state from Queue* events except the disconnect; states never move
back (queued < offered < connected < wrap_up < ended) except QueueCallInTransferCancelled
(back to the queue); a disconnect never ends a running wrap-up (only UserWrapUpTerminated does).

Every other field of a call event lands in ``data`` (snake_case keys, values as text) for screen
pops: caller and called numbers, queue name/number, reasons, overflow and transfer details.

A supervisor's floor (the profile's ``supervised_user_ids``; agents with ``is_self`` false):

| Agent field | from |
|---|---|
| ``team`` | never set: no RTE event names a user's team (R:366-1231) |
| ``queues`` | the service queues the user is seen serving, in first-seen order (at most 16): ``UserStatus.ActiveQueueId`` ("the service queue the user can be presumed be talking right now", R:1078), ``QueueId`` of ``UserWrapUpEnabled/Started/Terminated`` (R:1166 [the table calls it "Id of target user", digest §6.3 #11], R:1197, R:1229), ``QueueId``/``QueueName`` of ``UserCallAvailableForMonitoring``/``UserSupervisionStatus`` for the target user (R:480-481, R:1127-1128). [inferred] RTE has no membership list (``UserStatus.ActiveQueues`` is only a count, R:1079). Each queue is named by its ``QueueName`` when an event or a ``QueueStatus`` (R:1577) gave one, else by its id; an id is replaced by its name at the agent's next event that names a queue. Not filled for the desktop's own agent. |
| ``capabilities`` | always empty: RTE has no supervision command; the supervisor calls the ``SupervisionCallInNumber`` of ``UserCallAvailableForMonitoring`` (R:482) |
| ``monitored`` | never set: ``UserSupervisionStatus.State`` values are undocumented (R:1129); the raw value stays in the call's ``data.supervision_state`` |

Calls of supervised users carry ``agent_id`` = the user (User* events, ``UserId``); a
``UserCallAvailableForMonitoring`` puts ``agent_id`` = ``TargetUserId`` (R:486) on the call and keeps
the supervision facts in its ``data`` (``supervision_call_in_number`` = "where to call for the
supervision call", R:482, the number a supervisor dials). ``UserCallInTransferConnected`` whose
``ConnectedTarget`` (R:726) is another followed user moves the call to that user (``agent_id``,
still connected) instead of ending it: the call goes on with a colleague on the floor.

Queues (``QueueStatus``, R:1524-1577): ``waiting`` = NbrOfQueuingRequesters (R:1571),
``longest_wait_s`` = MaxWaitTime (R:1560; unit undocumented, read as seconds), ``agents_ready`` =
NbrOfAgentsImmediatelyFree (R:1562), ``agents_not_ready`` = NbrOfAgentsLongTermAway ("not
currently available for service in long term (e.g DND state)", R:1563; the short-term away of
R:1566 are agents already talking, i.e. busy, not "not ready"). RTE gives no answered, abandoned
or service-level figure: those stay unknown (None).

``UserAlert`` (R:368-399, "a service pool alert defined by the user is triggered") → a warning
notice ``code="UserAlert"``: ``<ConditionName>: <Value> (<ConditionExpression> <ConditionValue>)``,
plus ``for <user>`` when the alert's ``UserId`` is not the desktop's own user. The event names no
queue; the condition's name is the only place a queue can appear.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Mapping

from ...core.events import AgentChanged, Event, InteractionChanged, NoticeRaised, QueueChanged
from ...core.model import Agent, Interaction, Notice, Queue
from ...core.vocabulary import AgentState, Direction, InteractionState, Media

log = logging.getLogger(__name__)


class MalformedMessage(ValueError):
    """A message the mapper cannot read; the controller logs it with context and skips it."""


# -- the catalogue (digest §2.5): canonical spelling = the document's headings ------------------
USER_EVENTS = (
    "UserAlert", "UserAvailability", "UserCallAvailableForMonitoring", "UserCallInArrived", "UserCallInComing",
    "UserCallInDisconnected", "UserCallInOverflow", "UserCallInTransferCancelled", "UserCallInTransferConnected",
    "UserCallInTransferStarted", "UserCallInUserAllocated", "UserCallInUserCancelled", "UserCallInUserConnected",
    "UserCallInUserOverflow", "UserCallOutConnected", "UserCallOutDisconnected", "UserSetting", "UserStatus",
    "UserSupervisionStatus", "UserWrapUpEnabled", "UserWrapUpStarted", "UserWrapUpTerminated",
)
QUEUE_EVENTS = (
    "QueueCallInArrived", "QueueCallInComing", "QueueCallInDisconnected", "QueueCallInOverflow",
    "QueueCallInTransferCancelled", "QueueCallInTransferConnected", "QueueCallInTransferStarted", "QueueStatus",
)
CALL_LIST_EVENTS = ("CallbackChanged",)
ALL_EVENTS = USER_EVENTS + QUEUE_EVENTS + CALL_LIST_EVENTS
CANONICAL = {name.lower(): name for name in ALL_EVENTS}

# What a desktop subscribes to (controller): its own user gets every User* event but UserSetting
# (nothing in the normalized model shows settings); a supervised user also drops UserAlert
# (alerts are defined by and for that user, R:390).
OWN_USER_EVENTS = tuple(e for e in USER_EVENTS if e != "UserSetting")
SUPERVISED_USER_EVENTS = tuple(e for e in OWN_USER_EVENTS if e != "UserAlert")

AVAILABILITY = {  # R:429
    "available": AgentState.READY, "busy": AgentState.BUSY, "donotdisturb": AgentState.DO_NOT_DISTURB,
    "offwork": AgentState.LOGGED_OUT, "brb": AgentState.AWAY, "away": AgentState.AWAY,
}

_QUEUED, _OFFERED, _CONNECTED, _WRAP, _ENDED = (InteractionState.QUEUED, InteractionState.OFFERED,
                                                 InteractionState.CONNECTED, InteractionState.WRAP_UP,
                                                 InteractionState.ENDED)
_RANK = {_QUEUED: 0, _OFFERED: 1, InteractionState.DIALING: 1, _CONNECTED: 2, InteractionState.HELD: 2,
         _WRAP: 3, _ENDED: 4}

# event (lower-case) -> state it sets (None: none); "disconnect" = ended or wrap_up
_CALL_STATES: dict[str, InteractionState | str | None] = {
    "usercallincoming": _QUEUED, "usercallinarrived": _QUEUED, "usercallinuserallocated": _OFFERED,
    "usercallinuserconnected": _CONNECTED, "usercallinusercancelled": _ENDED, "usercallinoverflow": _ENDED,
    "usercallinuseroverflow": _ENDED, "usercallintransferconnected": _ENDED, "usercallintransferstarted": None,
    "usercallintransfercancelled": None, "usercallindisconnected": "disconnect", "usercalloutconnected": _CONNECTED,
    "usercalloutdisconnected": "disconnect",
    "queuecallincoming": _QUEUED, "queuecallinarrived": _QUEUED, "queuecallintransferstarted": _OFFERED,
    "queuecallintransferconnected": _CONNECTED, "queuecallintransfercancelled": _QUEUED,
    "queuecallinoverflow": None, "queuecallindisconnected": "disconnect",
}

# keys never copied into an interaction's data (envelope, identities kept elsewhere)
_NOT_DATA = frozenset({
    "rootentitytype", "rootentityid", "eventtype", "entitytype", "entityid", "organizationid", "id", "timestamp",
    "messagettlseconds", "callid", "userid",
})
_CALLBACK_TYPES = {1: "explicit callback request", 2: "overflown call", 3: "call list item created manually"}  # R:1660


# -- the envelope ---------------------------------------------------------------------------------
_MISSING = object()


class RteEvent:
    """One MessageReceived, read. ``name`` is canonical; :meth:`get` reads a property whatever
    its casing (PascalCase, camelCase, or anything else through a lower-cased copy made only
    when the two usual spellings miss)."""

    __slots__ = ("name", "event_id", "at", "ttl_s", "entity_id", "source", "raw", "_lower")

    def __init__(self, *, name: str, event_id: str | None, at: float | None, ttl_s: float | None,
                 entity_id: str | None, source: Mapping[str, Any], raw: Any = None):
        self.name = name              # canonical event name (the wire text when unknown)
        self.event_id = event_id      # data.Id (digest §2.3 #7), lower-cased
        self.at = at                  # data.Timestamp as epoch seconds
        self.ttl_s = ttl_s            # MessageTTLSeconds; None when <= 0 (no expiry)
        self.entity_id = entity_id    # data.EntityId or subscription.entityId
        self.source = source          # the data object as sent
        self.raw = raw
        self._lower: dict[str, Any] | None = None

    def __repr__(self) -> str:
        return f"RteEvent({self.name}, id={self.event_id})"

    @property
    def key(self) -> str:
        return self.name.lower()

    def get(self, name: str, default: Any = None) -> Any:
        source = self.source
        value = source.get(name, _MISSING)
        if value is _MISSING:
            value = source.get(name[:1].lower() + name[1:], _MISSING)
            if value is _MISSING:
                if self._lower is None:
                    self._lower = _lower_keys(source)
                value = self._lower.get(name.lower(), default)
        return value


def _lower_keys(obj: Mapping[str, Any]) -> dict[str, Any]:
    return {k.lower() if isinstance(k, str) else k: v for k, v in obj.items()}


def _ci(obj: Mapping[str, Any], name: str) -> Any:
    value = obj.get(name, _MISSING)
    if value is _MISSING:
        value = obj.get(name[:1].lower() + name[1:], _MISSING)
        if value is _MISSING:
            low = name.lower()
            value = next((v for k, v in obj.items() if isinstance(k, str) and k.lower() == low), None)
    return value


def read_message(arguments: Any) -> RteEvent:
    """The first argument of a ``MessageReceived`` invocation (R:137-183) → :class:`RteEvent`."""
    message = arguments[0] if isinstance(arguments, list) and arguments else arguments
    if not isinstance(message, dict):
        raise MalformedMessage(f"MessageReceived argument is not an object: {type(message).__name__}")
    data = _ci(message, "Data")
    subscription = _ci(message, "Subscription")
    if data is None and _ci(message, "EventType") is not None:
        data = message  # a bare event object
    if not isinstance(data, dict):
        raise MalformedMessage("MessageReceived without a data object")
    sub = subscription if isinstance(subscription, dict) else {}
    name_raw = _ci(data, "EventType") or _ci(sub, "EventType")
    if not isinstance(name_raw, str) or not name_raw:
        raise MalformedMessage("event without EventType")
    name = CANONICAL.get(name_raw.strip().lower(), "")
    event_id = _ci(data, "Id")
    ttl = _ci(data, "MessageTTLSeconds")
    ttl_s = float(ttl) if isinstance(ttl, (int, float)) and not isinstance(ttl, bool) and ttl > 0 else None
    entity = _ci(data, "EntityId") or _ci(sub, "EntityId")
    return RteEvent(name=name or name_raw, event_id=str(event_id).lower() if event_id else None,
                    at=parse_time(_ci(data, "Timestamp")), ttl_s=ttl_s, entity_id=str(entity) if entity else None,
                    source=data, raw=message)


def parse_time(value: Any) -> float | None:
    """ISO-8601 (7 fractional digits, ``Z`` or none: read as UTC) → epoch seconds; the .NET
    sentinels ``0001-01-01…`` (default) and ``9999-12-31…`` (MaxValue, "continuous") → None."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    if value.startswith(("0001-01-01", "9999-12-31")):
        return None
    try:
        moment = datetime.fromisoformat(value)  # 3.11 reads "Z" and 7 fractional digits
    except ValueError:
        moment = _parse_time_slow(value)
        if moment is None:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def _parse_time_slow(value: str) -> datetime | None:
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    match = re.match(r"^(.*?\.\d{6})\d+(.*)$", text)  # more fractional digits than Python reads
    if match:
        text = match.group(1) + match.group(2)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def is_stale(event: RteEvent, now: float) -> bool:
    """Older than its ``MessageTTLSeconds`` ([inferred], digest §2.3 #6: -1 = never expires)."""
    return event.ttl_s is not None and event.at is not None and now - event.at > event.ttl_s


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return str(value)


def _snake(key: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", key).lower()


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else (str(value) if value not in (None, "") else None)


# -- the context ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Context:
    """What the mapping reads besides the event: the store's current snapshots (read only)."""

    self_user_id: str | None = None
    supervised: frozenset[str] = frozenset()
    agents: Mapping[str, Agent] = field(default_factory=dict)
    interactions: Mapping[str, Interaction] = field(default_factory=dict)
    queues: Mapping[str, Queue] = field(default_factory=dict)

    def is_followed(self, user_id: str | None) -> bool:
        return user_id is not None and (_same(user_id, self.self_user_id) or user_id.lower() in self.supervised)

    def is_self(self, user_id: str | None) -> bool:
        return _same(user_id, self.self_user_id)

    def is_floor(self, user_id: str | None) -> bool:
        """A supervised user other than the desktop's own (a row of the supervisor's floor)."""
        return user_id is not None and not self.is_self(user_id) and user_id.lower() in self.supervised

    def queue_name(self, queue_id: str | None) -> str | None:
        """The name a ``QueueStatus`` gave this queue id (R:1577), if one did."""
        if not queue_id:
            return None
        queue = self.queues.get(queue_id) or self.queues.get(queue_id.lower()) or self.queues.get(queue_id.upper())
        return queue.name if queue is not None else None


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.lower() == b.lower()


class _Ids:
    """Event ids for the normalized events of one RTE event: ``enreach:<Id>``, then ``…:2``, ``…:3``."""

    def __init__(self, event_id: str | None):
        self.base = f"enreach:{event_id}" if event_id else None
        self.n = 0

    def next(self) -> str | None:
        if self.base is None:
            return None
        self.n += 1
        return self.base if self.n == 1 else f"{self.base}:{self.n}"


# -- the entry point -------------------------------------------------------------------------------
def map_event(event: RteEvent, ctx: Context) -> list[Event]:
    """Normalized events for one RTE event (empty for events with nothing to show, e.g. UserSetting)."""
    key = event.key
    ids = _Ids(event.event_id)
    if key == "useravailability":
        return _availability(event, ctx, ids)
    if key == "userstatus":
        return _user_status(event, ctx, ids)
    if key in ("userwrapupenabled", "userwrapupstarted", "userwrapupterminated"):
        return _wrap_up(event, ctx, ids)
    if key in _CALL_STATES:
        return _call(event, ctx, ids)
    if key in ("usercallavailableformonitoring", "usersupervisionstatus"):
        return _supervision(event, ctx, ids)
    if key == "queuestatus":
        return [queue_event(event, ids.next())]
    if key == "callbackchanged":
        return [callback_event(event, ids.next())]
    if key == "useralert":
        return [NoticeRaised(notice=alert_notice(event, ctx), event_id=ids.next(), at=event.at, raw=event.raw)]
    if key == "usersetting":
        return []  # a user setting changed (R:1032): nothing in the normalized model shows it
    log.info("ignoring an RTE event of unknown type %r", event.name)
    return []


# -- agents -------------------------------------------------------------------------------------
def availability_state(value: Any) -> AgentState:
    return AVAILABILITY.get(value.strip().lower(), AgentState.UNKNOWN) if isinstance(value, str) else AgentState.UNKNOWN


def _user_of(event: RteEvent) -> str | None:
    user = event.get("UserId") or event.entity_id
    return str(user) if user else None


def _availability(event: RteEvent, ctx: Context, ids: _Ids) -> list[Event]:
    user = _user_of(event)
    if not ctx.is_followed(user):
        return []
    assert user is not None
    availability = event.get("Availability")
    state = availability_state(availability)
    current = ctx.agents.get(user)
    changes: dict[str, Any] = {"vendor_state": _str(availability), "reason": _str(event.get("Note")),
                               "dnd": state == AgentState.DO_NOT_DISTURB}
    name = event.get("UserName") or event.get("Username")
    if name:
        changes["name"] = str(name)
    if current is None or current.state != AgentState.AFTER_CALL_WORK:  # wrap-up stays on top
        changes["state"] = state
        start = parse_time(event.get("StartTime"))
        if start is not None and (current is None or current.state != state):
            changes["since"] = start
    return [AgentChanged(agent_id=user, changes=changes, is_self=ctx.is_self(user), event_id=ids.next(),
                         at=event.at, raw=event.raw)]


def _resting_state(agent: Agent | None, status: RteEvent | None = None) -> AgentState:
    """The state under a wrap-up: the availability, or the UserStatus fallback."""
    if agent is not None and agent.vendor_state is not None:
        return availability_state(agent.vendor_state)
    if status is not None:
        if status.get("Schedule") is False:
            return AgentState.LOGGED_OUT
        if status.get("Available") is False:
            return AgentState.DO_NOT_DISTURB
        if status.get("Available") is True:
            return AgentState.READY
    return AgentState.UNKNOWN if agent is None or agent.state == AgentState.AFTER_CALL_WORK else agent.state


MAX_AGENT_QUEUES = 16


def served_queues(agent: Agent | None, queue_id: str | None, ctx: Context,
                  queue_name: str | None = None) -> tuple[str, ...] | None:
    """A floor agent's ``queues`` with the queue ``queue_id`` added (named by ``queue_name`` or a
    ``QueueStatus`` name when known, else by its id); entries that are ids whose name is known by
    now are renamed. None when nothing changes. See the module table ([inferred]: RTE has no
    membership list)."""
    current = agent.queues if agent is not None else ()
    label = queue_name or ctx.queue_name(queue_id) or queue_id
    if label is None and not current:
        return None
    out: list[str] = []
    for item in current:
        named = queue_name if (queue_id is not None and item.lower() == queue_id.lower() and queue_name) \
            else (ctx.queue_name(item) or item)
        if named not in out:
            out.append(named)
    if label is not None and label not in out:
        out.append(label)
    result = tuple(out[-MAX_AGENT_QUEUES:])
    return None if result == current else result


def _queues_change(user: str | None, queue_id: str | None, ctx: Context, queue_name: str | None = None,
                   ) -> dict[str, Any]:
    """``{"queues": ...}`` for a floor agent when they change, else ``{}``."""
    if not ctx.is_floor(user) or not (queue_id or queue_name):
        return {}
    assert user is not None
    queues = served_queues(ctx.agents.get(user), queue_id, ctx, queue_name)
    return {} if queues is None else {"queues": queues}


def wrap_up_active(event: RteEvent) -> bool:
    """UserStatus: WrapUpStart/WrapUpEnd are set only while wrap-up is active (R:1092-1093)."""
    return event.get("WrapUpStart") is not None or event.get("WrapUpEnd") is not None


def _user_status(event: RteEvent, ctx: Context, ids: _Ids) -> list[Event]:
    user = _user_of(event)
    if not ctx.is_followed(user):
        return []
    assert user is not None
    current = ctx.agents.get(user)
    changes: dict[str, Any] = {}
    if wrap_up_active(event):
        if current is None or current.state != AgentState.AFTER_CALL_WORK:
            changes["state"] = AgentState.AFTER_CALL_WORK
            start = parse_time(event.get("WrapUpStart"))
            if start is not None:
                changes["since"] = start
    else:
        state = _resting_state(current, event)
        if current is None or current.state != state:
            changes["state"] = state
            if current is None or current.vendor_state is None:
                changes["dnd"] = state == AgentState.DO_NOT_DISTURB
    changes.update(_queues_change(user, _str(event.get("ActiveQueueId")), ctx))  # R:1078
    if not changes:
        return []
    return [AgentChanged(agent_id=user, changes=changes, is_self=ctx.is_self(user), event_id=ids.next(),
                         at=event.at, raw=event.raw)]


# -- calls --------------------------------------------------------------------------------------
def call_data(event: RteEvent) -> dict[str, str]:
    """Every field of a call event but the envelope and identities, as text (screen-pop data),
    under snake_case keys whatever the wire casing (``CallerNumber``/``callerNumber`` →
    ``caller_number``; ``UserName``/``Username`` → ``user_name``)."""
    out: dict[str, str] = {}
    names = _DATA_NAMES
    for key, value in event.source.items():
        if value is None or value == "":
            continue
        name = names.get(key, _MISSING)
        if name is _MISSING:
            name = _data_name(key)
            if len(names) < 4096:  # the document names ~150 properties; a server cannot grow it further
                names[key] = name
        if name is not None:
            out[name] = value if type(value) is str else (_text(value) or "")
    return out


def _data_name(key: Any) -> str | None:
    """The data key for a wire property name, or None for the envelope and identities."""
    if not isinstance(key, str) or key.lower() in _NOT_DATA:
        return None
    return "user_name" if key.lower() == "username" else _snake(key[:1].upper() + key[1:])


_DATA_NAMES: dict[Any, Any] = {}  # wire property name -> data key (bounded by the document's names)


def _direction(key: str) -> Direction:
    return Direction.OUTBOUND if "callout" in key else Direction.INBOUND


def _call(event: RteEvent, ctx: Context, ids: _Ids) -> list[Event]:
    call_id = _str(event.get("CallId"))
    if call_id is None:
        raise MalformedMessage(f"{event.name} without CallId")
    key = event.key
    user_level = key.startswith("user")
    user = _user_of(event) if user_level else None
    if user_level and not ctx.is_followed(user):
        return []
    current = ctx.interactions.get(call_id)
    changes = _call_fields(event, current, user=user)
    target = _CALL_STATES[key]
    state: InteractionState | None
    if target == "disconnect":
        wrap_enabled = current is not None and "wrap_up_max_s" in current.data
        state = _WRAP if wrap_enabled else _ENDED
        if current is not None and current.state == _WRAP:
            state = None  # only UserWrapUpTerminated ends a running wrap-up
    else:
        state = target  # type: ignore[assignment]
    owned = current is not None and current.agent_id is not None
    if not user_level and owned and target != "disconnect":
        state = None  # a user's view owns the call: queue events add data only
    allowed_back = key == "queuecallintransfercancelled"  # back to the queue
    if state is not None and current is not None and _RANK[state] < _RANK[current.state] and not allowed_back:
        state = None
    if state is not None:
        changes["state"] = state
    elif current is None:
        changes["state"] = _QUEUED if not user_level else _OFFERED
    if key == "usercallintransferconnected":
        colleague = _str(event.get("ConnectedTarget"))  # R:726; a GUID or a number (R:781)
        if colleague and ctx.is_followed(colleague) and not _same(colleague, user):
            # the call goes on with another user this desktop follows: it is theirs now, still connected
            changes["agent_id"] = colleague
            changes.pop("state", None)
            if current is None:
                changes["state"] = _CONNECTED
    if key == "queuecallintransferconnected" and state is not None:
        changes["to"] = _str(event.get("ConnectedTarget")) or changes.get("to")
    if key == "queuecallintransferstarted" and state is not None:
        changes["to"] = _str(event.get("TransferTarget")) or changes.get("to")
    return [InteractionChanged(interaction_id=call_id, changes=changes, event_id=ids.next(), at=event.at,
                               raw=event.raw)]


def _call_fields(event: RteEvent, current: Interaction | None, *, user: str | None) -> dict[str, Any]:
    key = event.key
    direction = _direction(key)
    caller = _str(event.get("CallerNumber"))
    called = _str(event.get("TargetNumber"))
    changes: dict[str, Any] = {"data": {**(current.data if current else {}), **call_data(event)}}
    if current is None:
        changes.update(media=Media.VOICE, direction=direction, capabilities=frozenset())
    if caller:
        changes["from_"] = caller
    if called:
        changes["to"] = called
    remote = called if direction == Direction.OUTBOUND else caller
    if remote:
        changes["remote"] = remote
    queue = _str(event.get("QueueName")) or _str(event.get("QueueId"))
    if queue and (current is None or current.queue is None or event.get("QueueName")):
        changes["queue"] = queue
    if user is not None:
        changes["agent_id"] = user
    return changes


def _wrap_up(event: RteEvent, ctx: Context, ids: _Ids) -> list[Event]:
    user = _user_of(event)
    if not ctx.is_followed(user):
        return []
    assert user is not None
    call_id = _str(event.get("CallId"))
    if call_id is None:
        raise MalformedMessage(f"{event.name} without CallId")
    key = event.key
    current = ctx.interactions.get(call_id)
    data = dict(current.data) if current else {}
    changes: dict[str, Any] = {"agent_id": user}
    if current is None:
        changes.update(media=Media.VOICE, direction=Direction.INBOUND, capabilities=frozenset())
    queue = _str(event.get("QueueId"))
    if queue and (current is None or current.queue is None):
        changes["queue"] = queue
    agent = ctx.agents.get(user)
    agent_state: AgentState | None = None
    if key == "userwrapupenabled":  # R:1157: wrap-up will follow this (service) call
        data["wrap_up_max_s"] = _text(event.get("MaxWrapUpDurationSec")) or ""
        if current is None:
            changes["state"] = _CONNECTED  # "emitted after a service call connects"
    elif key == "userwrapupstarted":  # R:1190: the call disconnected, wrap-up runs
        data["wrap_up_max_s"] = _text(event.get("MaxWrapUpDurationSec")) or ""
        changes["state"] = _WRAP
        if agent is None or agent.state != AgentState.AFTER_CALL_WORK:
            agent_state = AgentState.AFTER_CALL_WORK
    else:  # userwrapupterminated, R:1222: timer or explicit request
        data["wrap_up_end_reason"] = _text(event.get("Reason")) or ""
        data["wrap_up_elapsed_s"] = _text(event.get("ElapsedTimeSec")) or ""
        changes["state"] = _ENDED
        if agent is not None and agent.state == AgentState.AFTER_CALL_WORK:
            agent_state = _resting_state(agent)
    changes["data"] = {k: v for k, v in data.items() if v != ""}
    events: list[Event] = [InteractionChanged(interaction_id=call_id, changes=changes, event_id=ids.next(),
                                              at=event.at, raw=event.raw)]
    agent_changes: dict[str, Any] = {} if agent_state is None else {"state": agent_state}
    agent_changes.update(_queues_change(user, queue, ctx))  # R:1197, R:1229 (R:1166 mislabelled)
    if agent_changes:
        events.append(AgentChanged(agent_id=user, changes=agent_changes, is_self=ctx.is_self(user),
                                   event_id=ids.next(), at=event.at, raw=event.raw))
    return events


# -- supervision --------------------------------------------------------------------------------
def _supervision(event: RteEvent, ctx: Context, ids: _Ids) -> list[Event]:
    """Supervision facts go on the call's data (and, for a new supervisable call, an info notice):
    the documents give no supervision command, so nothing else can act on them."""
    call_id = _str(event.get("CallId"))
    if call_id is None:
        raise MalformedMessage(f"{event.name} without CallId")
    current = ctx.interactions.get(call_id)
    target = _str(event.get("TargetUserId"))
    data = dict(current.data) if current else {}
    prefix = "supervision_"
    for name in ("TargetUserName", "SupervisorUserId", "SupervisorUserName", "LegId", "AgentLegId",
                 "SupervisorLegId", "SupervisorTerminalNumber", "SupervisionCallInNumber", "CallType",
                 "ConnectedToAgentTime", "State", "CallerNumber"):
        value = event.get(name)
        if value is None or value == "" or (name == "ConnectedToAgentTime" and parse_time(value) is None):
            continue
        data[prefix + _snake(name).removeprefix("supervision_")] = _text(value) or ""
    if event.key == "usercallavailableformonitoring":
        data["monitoring_available"] = "true"
    changes: dict[str, Any] = {"data": data}
    if current is None:
        changes.update(media=Media.VOICE, direction=Direction.INBOUND, capabilities=frozenset(), state=_CONNECTED)
        caller = _str(event.get("CallerNumber"))
        if caller:
            changes.update(remote=caller, from_=caller)
    if target:  # R:486: the call is the target user's (the supervisor's view shows it as that agent's work)
        changes["agent_id"] = target
    queue = _str(event.get("QueueName")) or _str(event.get("QueueId"))
    if queue and (current is None or current.queue is None):
        changes["queue"] = queue
    events: list[Event] = [InteractionChanged(interaction_id=call_id, changes=changes, event_id=ids.next(),
                                              at=event.at, raw=event.raw)]
    served = _queues_change(target, _str(event.get("QueueId")), ctx, _str(event.get("QueueName")))  # R:480-481
    if served:
        events.append(AgentChanged(agent_id=target, changes=served, is_self=False, event_id=ids.next(),
                                   at=event.at, raw=event.raw))
    if event.key == "usercallavailableformonitoring":
        who = _str(event.get("TargetUserName")) or target or "an agent"
        caller = _str(event.get("CallerNumber"))
        number = _str(event.get("SupervisionCallInNumber"))
        text = f"{who}'s call{' from ' + caller if caller else ''} can be supervised"
        if number:
            text += f" (call {number})"
        events.append(NoticeRaised(notice=Notice("info", text, code="UserCallAvailableForMonitoring",
                                                 interaction_id=call_id), event_id=ids.next(), at=event.at,
                                   raw=event.raw))
    return events


# -- queues, callbacks, alerts ------------------------------------------------------------------
def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def queue_event(event: RteEvent, event_id: str | None) -> QueueChanged:
    """QueueStatus (R:1524-1577) → queue counters. ``waiting`` = NbrOfQueuingRequesters,
    ``longest_wait_s`` = MaxWaitTime (unit undocumented, read as seconds), ``agents_ready`` =
    NbrOfAgentsImmediatelyFree, ``agents_not_ready`` = NbrOfAgentsLongTermAway (e.g. DND, R:1563).
    RTE has no answered/abandoned/service-level figures."""
    queue_id = _str(event.get("QueueId")) or event.entity_id
    if not queue_id:
        raise MalformedMessage("QueueStatus without QueueId")
    changes: dict[str, Any] = {}
    name = _str(event.get("QueueName"))
    if name:
        changes["name"] = name
    for field_name, key in (("waiting", "NbrOfQueuingRequesters"), ("agents_ready", "NbrOfAgentsImmediatelyFree"),
                            ("agents_not_ready", "NbrOfAgentsLongTermAway")):
        value = _int(event.get(key))
        if value is not None:
            changes[field_name] = value
    wait = event.get("MaxWaitTime")
    if isinstance(wait, (int, float)) and not isinstance(wait, bool):
        changes["longest_wait_s"] = float(wait)
    return QueueChanged(queue_id=queue_id, changes=changes, event_id=event_id, at=event.at, raw=event.raw)


def callback_event(event: RteEvent, event_id: str | None) -> InteractionChanged:
    """CallbackChanged (R:1581-1660) → an interaction of media ``callback`` keyed by CallBackId:
    closed → ended; assigned to a user → offered (``agent_id`` = AssignedUserId); else queued."""
    callback_id = _str(event.get("CallBackId"))
    if callback_id is None:
        raise MalformedMessage("CallbackChanged without CallBackId")
    assigned = _str(event.get("AssignedUserId"))
    if event.get("IsClosed") is True:
        state = _ENDED
    elif assigned:
        state = _OFFERED
    else:
        state = _QUEUED
    data: dict[str, str] = {}
    for name in ("CallListId", "ContactMessage", "Note", "ChannelIn", "CalculatedPriority", "LastAttemptNote",
                 "CallId", "RecordingId", "TranscriptId", "ClassificationId", "LastAttemptUserId",
                 "LastModifiedUserId", "LastAttemptTypeId"):
        value = _text(event.get(name))
        if value:
            data[_snake(name)] = value
    for name in ("DueDate", "ExpiryDate", "NotBefore", "CreationTime", "Modified", "LastAttemptTimestamp"):
        value = event.get(name)
        if parse_time(value) is not None:
            data[_snake(name)] = str(value)
    type_id = _int(event.get("TypeId"))
    if type_id is not None:
        data["type"] = _CALLBACK_TYPES.get(type_id, str(type_id))
    attempts = event.get("CallbackAttempts")
    if isinstance(attempts, list):
        data["attempts"] = str(len(attempts))
    extras = event.get("CallbackExtras")
    if isinstance(extras, list):  # "Extra name-value fields" (R:1633); item shape undocumented
        for item in extras:
            if isinstance(item, dict):
                low = _lower_keys(item)
                name, value = low.get("name") or low.get("key"), low.get("value")
                if name:
                    data[f"extra.{name}"] = _text(value) or ""
    elif extras is not None:
        data["extras"] = _text(extras) or ""
    changes: dict[str, Any] = {"media": Media.CALLBACK, "state": state, "direction": Direction.OUTBOUND,
                               "agent_id": assigned, "data": data, "capabilities": frozenset()}
    number = _str(event.get("ContactNumber"))
    if number:
        changes.update(remote=number, to=number)
    name = _str(event.get("ContactName"))
    if name:
        changes["remote_name"] = name
    queue = _str(event.get("ChannelIn")) or _str(event.get("QueueId"))
    if queue:
        changes["queue"] = queue
    return InteractionChanged(interaction_id=callback_id, changes=changes, event_id=event_id, at=event.at,
                              raw=event.raw)


def alert_notice(event: RteEvent, ctx: Context | None = None) -> Notice:
    """UserAlert (R:368-399): a service-pool alert the user defined was triggered. The text names
    the alert (``ConditionName``, R:395), its actual value (R:399) and condition (R:394, R:396),
    and the user (R:398) when that is not the desktop's own; RTE gives no queue field."""
    name = _str(event.get("ConditionName")) or "alert"
    value = _str(event.get("Value"))
    expression = _str(event.get("ConditionExpression"))
    threshold = _str(event.get("ConditionValue"))
    text = f"{name}: {value}" if value else name
    condition = " ".join(x for x in (expression, threshold) if x)
    if condition:
        text += f" ({condition})"
    user = _str(event.get("UserId")) or event.entity_id
    if ctx is not None and user and not ctx.is_self(user):
        agent = ctx.agents.get(user)
        text += f" for {agent.name if agent is not None and agent.name else user}"
    return Notice("warning", text, code="UserAlert")
