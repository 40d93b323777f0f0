"""Pure 8x8 mapping: one event tree (from JSON or XML) → normalized facts and fields.

No I/O, no clock, no state: everything an answer depends on is an argument. The stateful part
(which interactions are the desktop agent's, queue counts, replay de-duplication) is in
``tracker.py``. Line references: ``S:n`` = 8x8-streaming-api-sapi.md, ``E:n`` =
8x8-event-streaming-reference.md, "digest" = streaming-vendors-digest.md.

Tolerance rules (digest §6.1, §6.2):

* the record type is the single top-level key (``ClientCheck``, ``AgentStatusChange``,
  ``AgentProvChange``, ``Interaction``; S:266, S:284, S:305, S:325), the interaction's type is
  ``Interaction.event`` (S:364). Event names match case-insensitively, ignoring spaces, ``-`` and
  ``_``, and through an alias table (``InteractionDeAssigned`` S:127; ``Interaction Hold/Unhold``
  S:88 = ``LineHoldStatus`` E:22; skill events top-level E:10-11 or as ``AgentProvChange.event``
  S:308). An unknown top-level key whose body has a known ``event`` is dispatched on that.
* ``callState`` is advisory: the event type decides; callState only breaks the one tie the
  tables agree on (``InteractionAccepted``: CS_INPROGRESS = ringing at the far end,
  CS_CONNECTED = talking, S:92, E:18). Unknown callStates (``CEC_DISCONNECT_NORMAL``,
  ``CUSTOMER`` in the callState column, S:160, S:200) are ignored.
* numbers may arrive as strings and strings as numbers (``callingName`` 447799147855 at E:110,
  phone numbers as JSON numbers S:347); booleans as ``true``/``"true"``/``"yes"`` (§6.2).
  Every value kept is text. ``msgInfo`` may be ``{}`` (E:75) or missing.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from ...core.vocabulary import AgentState, Direction, InteractionState as S, Media, Recording

# -- coercion -------------------------------------------------------------------------------------


def text(value: Any) -> str | None:
    """Any scalar as text (None/"" → None); booleans as true/false; 5515557212.0 → "5515557212"."""
    if value is None:
        return None
    t = type(value)
    if t is str:
        return value or None
    if t is bool:
        return "true" if value else "false"
    if t is int:
        return str(value)
    if t is float:
        return str(int(value)) if value.is_integer() and abs(value) < 1e18 else repr(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value) or None


_TRUE = frozenset({"true", "yes", "y", "1", "on"})
_FALSE = frozenset({"false", "no", "n", "0", "off", "none"})


def flag(value: Any) -> bool | None:
    """true/false/"yes"/"no"/"true"/1/0 → bool; anything else → None (digest §6.2)."""
    if type(value) is bool:
        return value
    if isinstance(value, (int, float)):
        return bool(value)
    if isinstance(value, str):
        v = value.strip().lower()
        if v in _TRUE:
            return True
        if v in _FALSE:
            return False
    return None


def number(value: Any) -> float | None:
    if type(value) is bool or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def epoch_s(value: Any) -> float | None:
    """A plausible epoch timestamp in seconds; milliseconds (msgInfo.timestamp, S:271) are scaled."""
    if type(value) is int and 900_000_000 < value < 10_000_000_000:
        return float(value)      # the usual case: epoch seconds as a JSON number (E:67, E:141)
    v = number(value)
    if v is None or v <= 0:
        return None
    if v > 1e11:
        v /= 1000.0
    return v if 9e8 < v < 1e10 else None


# -- names ----------------------------------------------------------------------------------------
CLIENT_CHECK = "ClientCheck"
AGENT_STATUS = "AgentStatusChange"
AGENT_PROV = "AgentProvChange"
INTERACTION = "Interaction"

INTERACTION_EVENTS = (
    "InteractionCreated", "InteractionQueued", "InteractionAssigned", "InteractionAccepted",
    "InteractionCustomerAccepted", "InteractionRejected", "InteractionUnqueued", "LineHoldStatus",
    "LineMuteStatus", "InteractionRecordingStarted", "RecordingStatus", "InteractionPostProcess",
    "InteractionRecordingReady", "InteractionEndPostProcess", "InteractionDeassigned",
    "InteractionTransferRequest", "InteractionReconnect", "InteractionParticipantChange",
    "InteractionParticipantRemovedByHost", "InteractionJoinLinesRequest", "InteractionJoined",
    "InteractionChanged", "InteractionQueueTimeout", "InteractionDeleted", "GuestChatEnd",
    "MediaProxyAdded", "MediaProxyRemoved",
)  # digest §1.5 = S:84-98 ∪ E:8-47
AGENT_EVENTS = (AGENT_STATUS, AGENT_PROV, "AgentSkillCreated", "AgentSkillChanged")
IGNORED_EVENTS = frozenset({"MediaProxyAdded", "MediaProxyRemoved"})  # E:46-47, nothing for a desktop


def _fold(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name).lower()


_NAMES: dict[str, str] = {_fold(n): n for n in (*INTERACTION_EVENTS, *AGENT_EVENTS, CLIENT_CHECK, INTERACTION)}
_NAMES.update({
    _fold("Interaction Hold/Unhold"): "LineHoldStatus",   # S:88 vs E:22
    "interactionhold": "LineHoldStatus", "interactionunhold": "LineHoldStatus",
    "holdstatus": "LineHoldStatus", "linehold": "LineHoldStatus", "lineunhold": "LineHoldStatus",
    "mutestatus": "LineMuteStatus", "linemute": "LineMuteStatus", "lineunmute": "LineMuteStatus",
    "interactionmute": "LineMuteStatus", "interactionunmute": "LineMuteStatus",
    "interactionrecordingstatus": "RecordingStatus",
    "interactiondeassign": "InteractionDeassigned",       # DeAssigned S:127 folds here anyway
    "heartbeat": CLIENT_CHECK,
})
_HOLD_VERB = {"interactionhold": True, "interactionunhold": False, "linehold": True, "lineunhold": False}
_MUTE_VERB = {"linemute": True, "lineunmute": False, "interactionmute": True, "interactionunmute": False}


_TOP_EXACT = {CLIENT_CHECK: CLIENT_CHECK, AGENT_STATUS: AGENT_STATUS, AGENT_PROV: AGENT_PROV, INTERACTION: INTERACTION}


_SPELLED: dict[str, str] = {n: n for n in _NAMES.values()}   # already the document's spelling


def canonical(name: Any) -> str | None:
    """The document's spelling of an event or record name, matched loosely; None if unknown."""
    if not isinstance(name, str) or not name:
        return None
    return _SPELLED.get(name) or _NAMES.get(name.lower()) or _NAMES.get(_fold(name))


def envelopes(raw: Any) -> list[tuple[str | None, str, Any]]:
    """The records in one decoded event: ``(canonical kind or None, key as sent, body)``.

    One top-level key per record (digest §1.4); several keys are read as several records. A flat
    object with ``event`` + ``interactionGUID`` (no wrapper) is read as an Interaction.
    """
    if type(raw) is not dict:
        if not isinstance(raw, dict):
            return [(None, type(raw).__name__, raw)]
    if len(raw) == 1:
        for key, body in raw.items():
            kind = _TOP_EXACT.get(key)
            if kind is not None and type(body) is dict:
                return [(kind, key, body)]
    if "event" in raw and ("interactionGUID" in raw or "agentId" in raw) and not any(
            isinstance(v, dict) and k not in ("msgInfo", "attachedData") for k, v in raw.items()):
        kind = INTERACTION if "interactionGUID" in raw else canonical(raw.get("event"))
        return [(kind, "(flat)", raw)]
    out: list[tuple[str | None, str, Any]] = []
    for key, body in raw.items():
        kind = canonical(key)
        if kind is None and isinstance(body, dict):
            inner = canonical(body.get("event"))
            if inner in AGENT_EVENTS:
                kind = AGENT_PROV if inner != AGENT_STATUS else AGENT_STATUS
            elif inner is not None and inner != CLIENT_CHECK:
                kind = INTERACTION
        elif kind in INTERACTION_EVENTS:
            kind = INTERACTION      # GuestChatEnd / MediaProxy* as their own wrapper (E:42-47): same body
        elif kind in ("AgentSkillCreated", "AgentSkillChanged"):
            kind = AGENT_PROV       # E:10-11 list them as types; S:308 shows them as AgentProvChange.event
        out.append((kind, str(key), body))
    return out


def interaction_event_name(kind_key: str, body: Mapping[str, Any]) -> str | None:
    """``Interaction.event`` (S:364); for a wrapper named after the event (GuestChatEnd), the key."""
    name = canonical(body.get("event"))
    if name is None:
        name = canonical(kind_key)
        if name == INTERACTION:
            return None
    return name


def msg_info(body: Mapping[str, Any]) -> tuple[str | None, str | None, Any]:
    info = body.get("msgInfo")
    if not isinstance(info, dict):
        return None, None, None
    return text(info.get("instanceId")), text(info.get("sequenceId")), info.get("timestamp")


_CONTENT_SKIP = frozenset({"msgInfo"})
# json.dumps(..., sort_keys=True, ensure_ascii=False, default=str) without building an encoder per call
_content_json = json.JSONEncoder(sort_keys=True, ensure_ascii=False, default=str).encode
try:   # optional accelerator for content keys (see _content_bytes)
    from orjson import OPT_SORT_KEYS as _ORJSON_SORTED, dumps as _orjson_dumps
except ImportError:  # pragma: no cover - orjson is in the project's dependencies
    _orjson_dumps = None
    _ORJSON_SORTED = 0


def _content_bytes(value: Any) -> bytes:
    """A canonical serialization of a decoded record (sorted keys): equal values give equal bytes,
    different values different bytes. orjson when it can (ten times faster than the json module
    here); but orjson writes NaN/Infinity as ``null``, so a text with ``null`` in it, and whatever
    orjson refuses (integers beyond 64 bits, non-text keys, other types), is made by the json module."""
    if _orjson_dumps is not None:
        try:
            data = _orjson_dumps(value, option=_ORJSON_SORTED)
        except TypeError:
            pass
        else:
            if b"null" not in data:
                return data
    return _content_json(value).encode("utf-8", "surrogatepass")


def event_key(kind: str, body: Any) -> str:
    """The identity of one record, for de-duplicating cache replays (S:66-67, digest §1.2 #5).

    ``msgInfo.instanceId`` + ``sequenceId`` when both are present (S:268-271), qualified by the
    record type and its subject (interaction GUID / agent id), so that a server whose counter
    restarts is not mistaken for a replay as long as its events differ; otherwise a content key:
    the whole record without ``msgInfo`` (``{}`` on every Event Streaming sample, E:75, E:194),
    canonically serialized and hashed (BLAKE2b, 128 bits: identical payloads are the same event;
    the key stays short, whatever the record's size).
    """
    if type(body) is dict:
        info = body.get("msgInfo")
        if type(info) is dict and info:
            instance, sequence = info.get("instanceId"), info.get("sequenceId")
            if instance is not None and sequence is not None and instance != "" and sequence != "":
                subject = body.get("interactionGUID") or body.get("agentId") or ""
                return f"{instance}#{sequence}#{kind}#{body.get('event') or ''}#{subject}"
        content = {k: v for k, v in body.items() if k not in _CONTENT_SKIP} if "msgInfo" in body else body
    else:
        content = body
    return "c:" + hashlib.blake2b(_content_bytes([kind, content]), digest_size=16).hexdigest()


def event_time(body: Mapping[str, Any]) -> float | None:
    """When the platform says it happened: interactionEventTS / eventTS / statusEventTS (epoch s,
    E:67, E:141) or msgInfo.timestamp (epoch ms, S:271)."""
    for key in ("interactionEventTS", "eventTS", "statusEventTS"):
        value = body.get(key)
        if value is not None:
            if type(value) is int and 900_000_000 < value < 10_000_000_000:
                return float(value)
            at = epoch_s(value)
            if at is not None:
                return at
    info = body.get("msgInfo")
    if isinstance(info, dict):
        return epoch_s(info.get("timestamp"))
    return None


# -- agents ---------------------------------------------------------------------------------------
# 8x8 publishes one numeric agent-status list for its Contact Center Agent Status API
# (developer.8x8.com "Contact Center Agent Status API": 0 UNKNOWN, 1 LOGGED_OUT, 2 LOGGED_IN,
# 3 ON_BREAK, 4 WAIT_TRANSACT, 5 WORK_OFFLINE, 6 TRANSACT_OFFERED, 7 PROCESS_TRANSACT,
# 8 POST_PROCESS, 9 BUSY, 10 DIRECT_CALL, 11 ON_EMAIL). SAPI's own documents publish no table
# and warn that codes can differ per status-code list (S:228), so this is only the default:
# the profile's [8x8.agent_states] overrides any code.
STATUS_NAMES: Mapping[str, str] = {
    "0": "UNKNOWN", "1": "LOGGED_OUT", "2": "LOGGED_IN", "3": "ON_BREAK", "4": "WAIT_TRANSACT", "5": "WORK_OFFLINE",
    "6": "TRANSACT_OFFERED", "7": "PROCESS_TRANSACT", "8": "POST_PROCESS", "9": "BUSY", "10": "DIRECT_CALL",
    "11": "ON_EMAIL",
}
DEFAULT_AGENT_STATES: Mapping[str, tuple[AgentState, str | None]] = {
    "0": (AgentState.UNKNOWN, None),
    "1": (AgentState.LOGGED_OUT, None),
    "2": (AgentState.NOT_READY, None),          # LOGGED_IN: logged in, not yet available
    "3": (AgentState.AWAY, None),               # ON_BREAK
    "4": (AgentState.READY, None),              # WAIT_TRANSACT: available, waiting for work
    "5": (AgentState.NOT_READY, None),          # WORK_OFFLINE (the S:292 sample: 5 with reason code 801=1722)
    "6": (AgentState.BUSY, None),               # TRANSACT_OFFERED
    "7": (AgentState.BUSY, None),               # PROCESS_TRANSACT
    "8": (AgentState.AFTER_CALL_WORK, None),    # POST_PROCESS
    "9": (AgentState.BUSY, None),               # BUSY
    "10": (AgentState.BUSY, None),              # DIRECT_CALL
    "11": (AgentState.BUSY, None),              # ON_EMAIL
}


def agent_state_table(configured: Mapping[str, Any] | None) -> dict[str, tuple[AgentState, str | None]]:
    """The default table with the profile's ``[8x8.agent_states]`` entries over it.

    Profile values are state names (``"ready"``) or ``"state:label"`` (``"not_ready:Lunch"``,
    the label becomes the agent's reason). Raises ValueError naming a bad entry.
    """
    table: dict[str, tuple[AgentState, str | None]] = dict(DEFAULT_AGENT_STATES)
    for code, value in (configured or {}).items():
        if not isinstance(value, str):
            raise ValueError(f"[8x8.agent_states] {code!r} must be a state name, not {type(value).__name__}")
        state, _, label = value.partition(":")
        try:
            table[str(code).strip()] = (AgentState(state.strip().lower()), label.strip() or None)
        except ValueError:
            raise ValueError(f"[8x8.agent_states] {code!r} = {value!r}: not one of "
                             f"{', '.join(s.value for s in AgentState)}") from None
    return table


_UNKNOWN_STATE = (AgentState.UNKNOWN, None)
_NONE_WORDS = frozenset({"none", "null", ""})


def _none_word(value: Any) -> str | None:
    if type(value) is str:
        return None if value in _NONE_WORDS or value.strip().lower() in _NONE_WORDS else value
    t = text(value)
    return None if t is None or t.strip().lower() in ("none", "null", "") else t


def agent_status_changes(body: Mapping[str, Any], table: Mapping[str, tuple[AgentState, str | None]]
                         ) -> tuple[str | None, dict[str, Any]]:
    """AgentStatusChange (S:284-296, E:52-67) → (agentId, Agent field changes).

    ``newState`` goes through ``table``; an unknown code gives ``unknown`` with ``vendor_state``
    kept. ``newReasonCodeUser`` ("801=1722", "user-defined reason code", E:67) is the
    reason_code; the reason is the table's label, else ``newSubStateReason``/``newSubState``
    unless they say "none" (S:293-294).
    """
    get = body.get
    agent_id = get("agentId")
    if type(agent_id) is not str:
        agent_id = text(agent_id)
    code = get("newState")
    code = str(code) if type(code) is int else text(code)
    if code is not None and code.endswith(".0"):
        code = code[:-2]
    changes: dict[str, Any] = {}
    if code is not None:
        code = code.strip()
        state, label = table.get(code, _UNKNOWN_STATE)
        changes["state"] = state
        changes["vendor_state"] = code
        changes["reason"] = label or _none_word(get("newSubStateReason")) or _none_word(get("newSubState"))
        changes["reason_code"] = _none_word(get("newReasonCodeUser"))
    name = get("agentName")
    if type(name) is not str or not name:
        name = text(name) or text(get("displayName")) or text(get("name"))
    if name:
        changes["name"] = name
    return agent_id, changes


def agent_prov_changes(body: Mapping[str, Any]) -> tuple[str | None, dict[str, Any]]:
    """AgentProvChange (S:305-316, E:71-82): skills only in the samples; a display name when sent (S:85)."""
    agent_id = text(body.get("agentId"))
    changes: dict[str, Any] = {}
    first, last = text(body.get("firstName")), text(body.get("lastName"))
    name = text(body.get("agentName")) or text(body.get("displayName")) or text(body.get("name")) or (
        " ".join(x for x in (first, last) if x) or None)
    if name:
        changes["name"] = name
    return agent_id, changes


# -- interactions ---------------------------------------------------------------------------------
MEDIA = {"phone": Media.VOICE, "voice": Media.VOICE, "call": Media.VOICE, "chat": Media.CHAT,
         "email": Media.EMAIL, "sms": Media.SMS, "text": Media.SMS, "callback": Media.CALLBACK,
         "t": Media.VOICE}  # attachedData med "T" = telephony [inferred, digest §1.7]
_GUID_MEDIA = re.compile(r"-(phone|chat|email|sms|voice)-", re.I)   # int-…-phone-00-tenant (S:367)
CALL_STATES = frozenset({"CS_IDLE", "CS_QUEUED", "CS_INPROGRESS", "CS_CONNECTED", "CS_HOLD", "CS_DISCONNECTED"})
# Top-level fields kept in ``data`` beside the attached data (hang-up reason and initiator:
# S:87, E:165-167; the rest are ids a screen pop or a supervisor may want).
DATA_FIELDS = ("callHangupReason", "hangupInitiator", "dispositionCode", "rejectReason", "transactionNum")


@dataclass(slots=True)
class Facts:
    """What one Interaction record says, typed and coerced; None = not said."""

    guid: str | None
    event: str | None
    agent_id: str | None = None
    participants: tuple[str, ...] | None = None
    call_state: str | None = None
    media: Media | None = None
    direction: Direction | None = None
    outbound: bool | None = None
    remote: str | None = None
    remote_e164: bool = False      # from remotePhoneNum (digest §1.7: prefer it)
    remote_name: str | None = None
    queue_name: str | None = None
    queue_id: str | None = None
    channel: str | None = None
    status: Any = None
    queue_time: float | None = None
    at: float | None = None
    data: dict[str, str] = field(default_factory=dict)


def attached_data(body: Mapping[str, Any]) -> dict[str, str]:
    """``attachedData.attachedDatum[]`` (S:326-362) as text; one datum or a list; XML attributes too."""
    container = body.get("attachedData")
    if not isinstance(container, dict):
        return {}
    items = container.get("attachedDatum")
    if isinstance(items, dict):
        items = [items]
    elif not isinstance(items, list):
        return {}
    out: dict[str, str] = {}
    for item in items:
        if type(item) is not dict:
            continue
        key = item.get("attachedDataKey")
        if type(key) is not str:
            key = text(key)
            if key is None:
                continue
        value = item.get("attachedDataValue")
        if type(value) is not str:
            value = str(value) if type(value) is int else (text(value) or "")
        out[key] = value
    return out


_AGENT_LIST_SEP = re.compile(r"[,;\s]+")


def _participants(value: Any) -> tuple[str, ...] | None:
    """``participatingAgents`` is one id in the samples (E:196); a list or a comma list is accepted."""
    if value is None:
        return None
    if type(value) is str and value and _AGENT_LIST_SEP.search(value) is None:
        return (value,)          # the samples' shape: one agent id (E:196)
    if isinstance(value, list):
        items = [text(v) for v in value]
    elif isinstance(value, dict):
        inner = value.get("agentId") or value.get("participatingAgent") or list(value.values())
        return _participants(inner)
    else:
        items = _AGENT_LIST_SEP.split(text(value) or "")
    return tuple(sorted({i for i in items if i}))


def _queue_from_key(que: str | None) -> str | None:
    """``que`` = "acmecorp01~~queue~~phone~~591" (S:423): the last part is the queue id."""
    if not que or "~~" not in que:
        return None
    return que.rsplit("~~", 1)[-1] or None


def _text_fast(value: Any) -> str | None:
    """:func:`text`, with the two usual types first (a str as is, an int as digits)."""
    t = type(value)
    if t is str:
        return value or None
    if t is int:
        return str(value)
    return text(value)


# The top-level fields the per-interaction facts (static_facts) are read from, besides the
# attached data: records of one interaction repeat them, so a caller may keep the answer.
STATIC_KEYS = ("interactionGUID", "interactionGuid", "interactionId", "mediaType", "direction", "isOutboundCall",
               "queueId", "inboundChannelid", "queueTime")


def static_key(body: Mapping[str, Any]) -> tuple[tuple[Any, ...], tuple[type, ...]]:
    """What :func:`static_facts` reads from ``body`` besides the attached data: the values of
    STATIC_KEYS and their types (1 == 1.0 == True, but their texts differ)."""
    values = tuple(map(body.get, STATIC_KEYS))
    return values, tuple(map(type, values))


StaticFacts = tuple   # (guid, media, direction, outbound, remote, remote_e164, remote_name, queue_name,
#                        queue_id, channel, queue_time): see static_facts


def static_facts(body: Mapping[str, Any], data: Mapping[str, str]) -> StaticFacts:
    """The facts of an Interaction record that depend only on STATIC_KEYS and the attached data
    ``data`` (before DATA_FIELDS are added): the interaction itself, not the event."""
    get = body.get
    guid = get("interactionGUID")
    if type(guid) is not str or not guid:
        guid = text(guid) or text(get("interactionGuid")) or text(get("interactionId"))
    media_type = get("mediaType")
    media = MEDIA.get(media_type.lower() if type(media_type) is str else (text(media_type) or "").lower())
    if media is None and guid:
        m = _GUID_MEDIA.search(guid)
        media = MEDIA.get(m.group(1).lower()) if m else None
    if media is None and "med" in data:
        media = MEDIA.get(data["med"].lower())
    direction_value = get("direction")
    direction = (direction_value.lower() if type(direction_value) is str
                 else (text(direction_value) or "").lower())
    if direction == "in" or direction == "inbound":
        facts_direction, outbound = Direction.INBOUND, False
    elif direction == "out" or direction == "outbound":
        facts_direction, outbound = Direction.OUTBOUND, True
    else:
        outbound = flag(get("isOutboundCall"))
        facts_direction = None if outbound is None else (Direction.OUTBOUND if outbound else Direction.INBOUND)
    # caller: the E.164 string first, never a number that lost its + (digest §1.7)
    e164 = data.get("remotePhoneNum")
    queue_time = get("queueTime")
    queue_time = epoch_s(queue_time) if queue_time is not None else None
    return (guid, media, facts_direction, outbound,
            e164 or data.get("phoneNum") or data.get("pho") or None,                  # remote
            bool(e164),                                                                # remote_e164
            data.get("remoteCallingName") or data.get("callingName") or None,         # remote_name
            data.get("tenantSkillName") or None,                                       # queue_name
            _text_fast(get("queueId")) or _queue_from_key(data.get("que")),            # queue_id
            _text_fast(get("inboundChannelid")) or data.get("cha") or None,            # channel
            queue_time or epoch_s(data.get("tim")))                                    # queue_time


def interaction_facts(body: Mapping[str, Any], event: str | None = None,
                      data: dict[str, str] | None = None, static: StaticFacts | None = None) -> Facts:
    """One Interaction record (S:323-544, E:84-261) → :class:`Facts`. ``data``: the record's
    attached data when the caller already has it parsed (the same ``attachedData`` as before);
    ``static``: :func:`static_facts` of a record with the same :func:`static_key` and attached data."""
    get = body.get
    data = dict(data) if data is not None else attached_data(body)
    if static is None:
        static = static_facts(body, data)
    guid, media, direction, outbound, remote, remote_e164, remote_name, queue_name, queue_id, channel, queue_time \
        = static
    agent_id = get("agentId")
    if type(agent_id) is not str or not agent_id:
        agent_id = text(agent_id)
    cs = get("callState")
    if type(cs) is str and cs in CALL_STATES:
        call_state: str | None = cs
    else:
        cs = text(cs)
        call_state = cs.upper() if cs and cs.upper() in CALL_STATES else None
    facts = Facts(guid, event or canonical(get("event")), agent_id, _participants(get("participatingAgents")),
                  call_state, media, direction, outbound, remote, remote_e164, remote_name, queue_name, queue_id,
                  channel, get("status"), queue_time, event_time(body), data)
    for key in DATA_FIELDS:
        if key in body:
            value = _text_fast(get(key))
            if value is not None:
                data[key] = value
    return facts


@dataclass(frozen=True, slots=True)
class Transition:
    state: S | None = None
    held: bool | None = None
    muted: bool | None = None
    recording: Recording | None = None
    leaves: bool = False        # the record removes the interaction from its agent (Deassigned, Rejected)
    leg: bool = False           # the record is about one agent's leg (apply it only for the owner)


_TRANSITIONS: dict[tuple[Any, ...], Transition] = {}


def _t(state: S | None = None, held: bool | None = None, muted: bool | None = None,
       recording: Recording | None = None, leaves: bool = False, leg: bool = False) -> Transition:
    """``Transition(...)``, one shared (immutable) instance per distinct value."""
    key = (state, held, muted, recording, leaves, leg)
    made = _TRANSITIONS.get(key)
    if made is None:
        made = _TRANSITIONS[key] = Transition(state, held, muted, recording, leaves, leg)
    return made


_EARLY = frozenset({None, S.QUEUED, S.DIALING, S.OFFERED})
LEG_EVENTS = frozenset({"InteractionAssigned", "InteractionAccepted", "InteractionRejected",
                        "InteractionDeassigned", "InteractionPostProcess", "InteractionEndPostProcess"})


def transition(event: str | None, facts: Facts, prior: S | None, *, accepted: bool = False,
               outbound: bool | None = None) -> Transition:
    """The normalized effect of one Interaction record, given the interaction's prior state.

    The event type decides (digest §1.8 "client state-machine guidance"); never a fixed order
    (digest §6.1 #15):

    ========================================  =========================================================
    InteractionCreated (S:86)                 dialing when outbound, else queued (only as a first state)
    InteractionQueued (S:89)                  queued (while not yet answered)
    InteractionAssigned (S:90, E:169)         offered: assigned, before the agent accepts (not after an accept)
    InteractionAccepted (S:92)                dialing when CS_INPROGRESS or outbound (ringing far end), else connected
    InteractionCustomerAccepted (S:93)        connected
    LineHoldStatus / Interaction Hold (E:22)  held when status true (E:245) / CS_HOLD, else connected
    LineMuteStatus (E:23)                     muted = status
    InteractionRecordingStarted (S:91)        recording on
    RecordingStatus (E:258, E:263)            "pause" → paused, "resume" → on, "stop" → off
    InteractionPostProcess (S:94)             wrap_up
    InteractionEndPostProcess (S:96)          ended (wrap-up concluded)
    InteractionDeassigned (S:97)              ended for that agent (leaves)
    InteractionRejected (E:20)                leaves the agent; the call goes back to the queue
    InteractionDeleted (S:87), GuestChatEnd   ended
    anything else                             no state change (data and participants only)
    ========================================  =========================================================
    """
    if event == "InteractionCreated":
        if prior is None or prior in (S.QUEUED, S.DIALING):
            is_out = facts.outbound if facts.outbound is not None else outbound
            if is_out is None:
                is_out = facts.call_state == "CS_IDLE"   # outbound rows of S:117-216 are CS_IDLE; inbound CS_QUEUED
            return _t(state=S.DIALING if is_out else S.QUEUED)
        return _t()
    if event == "InteractionQueued":
        return _t(state=S.QUEUED if prior in _EARLY and not accepted else None)
    if event == "InteractionUnqueued" or event == "InteractionQueueTimeout":
        return _t()
    if event == "InteractionAssigned":
        return _t(state=S.OFFERED if prior in _EARLY and not accepted else None, leg=True)
    if event == "InteractionAccepted":
        is_out = facts.outbound if facts.outbound is not None else outbound
        if facts.call_state == "CS_INPROGRESS" or (facts.call_state != "CS_CONNECTED" and is_out):
            state = S.DIALING if prior in _EARLY or prior is S.DIALING else None
        else:
            state = S.CONNECTED if prior is not S.HELD else None
        return _t(state=state, leg=True)
    if event == "InteractionCustomerAccepted":
        return _t(state=S.CONNECTED if prior is not S.HELD else None)
    if event == "LineHoldStatus":
        held = flag(facts.status)
        if held is None:
            verb = _fold(str(facts.event or ""))
            held = _HOLD_VERB.get(verb)
        if held is None and facts.call_state in ("CS_HOLD", "CS_CONNECTED"):
            held = facts.call_state == "CS_HOLD"
        if held is None:
            return _t()
        if held:
            return _t(state=S.HELD, held=True)
        return _t(state=S.CONNECTED if prior in (S.HELD, S.CONNECTED, None) else None, held=False)
    if event == "LineMuteStatus":
        muted = flag(facts.status)
        return _t(muted=muted) if muted is not None else _t()
    if event == "InteractionRecordingStarted":
        return _t(recording=Recording.ON)
    if event == "RecordingStatus":
        status = (text(facts.status) or "").strip().lower()
        if status in ("pause", "paused"):
            return _t(recording=Recording.PAUSED)
        if status in ("resume", "resumed", "start", "started", "on"):
            return _t(recording=Recording.ON)
        if status in ("stop", "stopped", "off"):
            return _t(recording=Recording.OFF)
        return _t()
    if event == "InteractionPostProcess":
        return _t(state=S.WRAP_UP, leg=True)
    if event == "InteractionEndPostProcess":
        return _t(state=S.ENDED, leg=True)
    if event == "InteractionDeassigned":
        return _t(state=S.ENDED, leaves=True, leg=True)
    if event == "InteractionRejected":
        return _t(state=S.QUEUED, leaves=True, leg=True)
    if event in ("InteractionDeleted", "GuestChatEnd"):
        return _t(state=S.ENDED)
    return _t()


def interaction_fields(facts: Facts, *, known_e164: bool = False) -> dict[str, Any]:
    """The Interaction snapshot fields a record states (partial; data merged by the caller).

    With ``known_e164`` (the interaction's number already came from ``remotePhoneNum``), a
    number from ``phoneNum``/``pho`` (a JSON number that lost its +, S:347) does not replace it.
    """
    fields: dict[str, Any] = {}
    if known_e164 and not facts.remote_e164 and facts.remote is not None:
        facts.remote = None
    if facts.media is not None:
        fields["media"] = facts.media
    if facts.direction is not None:
        fields["direction"] = facts.direction
    if facts.remote is not None:
        fields["remote"] = facts.remote
    if facts.remote_name is not None:
        fields["remote_name"] = facts.remote_name
    queue = facts.queue_name or facts.queue_id
    if queue is not None:
        fields["queue"] = queue
    if facts.direction is Direction.INBOUND:
        if facts.remote is not None:
            fields["from_"] = facts.remote
        if facts.channel is not None:
            fields["to"] = facts.channel
    elif facts.direction is Direction.OUTBOUND and facts.remote is not None:
        fields["to"] = facts.remote
    return fields
