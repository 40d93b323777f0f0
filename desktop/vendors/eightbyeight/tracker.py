"""The stateful side of the 8x8 mapping: which records are replays, which interactions are the
desktop agent's work, and queue counts. Turns decoded records into normalized store events.

The stream is tenant-wide with no filter (S:13), so the desktop filters:

* **Agents**: every ``AgentStatusChange`` goes to the store; the profile's ``agent_id`` is the
  desktop's own agent (``is_self=True``), every other agent is ``is_self=False`` (the
  supervisor floor).
* **Interactions**: with an ``agent_id`` (an agent desktop) an interaction enters the store only
  once it is that agent's: a record whose ``agentId`` is the agent or whose
  ``participatingAgents`` include it (E:172-196). What came before (Created, Queued: caller, queue,
  attached data) is remembered and shown at once when the offer arrives (the screen pop). Other
  agents' interactions never appear as this agent's work. Records about another agent's leg
  (Assigned/Accepted/Deassigned/PostProcess/… with that agent's ``agentId``) change only the
  participants of an interaction the agent shares. When the agent's own leg ends (Deassigned,
  EndPostProcess, Rejected, Deleted) the interaction is ``ended`` for this desktop.
  With an empty ``agent_id`` (a supervisor profile) every interaction of the tenant enters the
  store, owned by the agent it was last assigned to.
* **Replays**: a record whose identity (:func:`mapper.event_key`) was already handled is dropped
  before it changes anything (the cache replays on reconnect, S:66; possibly records already
  delivered, digest §1.2 #5). The store also drops repeated ``event_id``\\ s.
* **Queues** (``QueueChanged``): the number of interactions waiting per ``queueId`` (and the
  longest wait), counted from Queued/Rejected (in) and Unqueued/Assigned/Accepted/Deleted/
  QueueTimeout/… (out), named by the attached ``tenantSkillName``.
"""
from __future__ import annotations

import logging
import time
from collections import OrderedDict
from dataclasses import fields
from typing import Any, Callable

from ...core.events import AgentChanged, Event, InteractionChanged, QueueChanged
from ...core.model import Agent, Interaction
from ...core.vocabulary import AgentState, InteractionState as S
from . import mapper
from .mapper import AGENT_PROV, AGENT_STATUS, CLIENT_CHECK, INTERACTION, IGNORED_EVENTS

log = logging.getLogger(__name__)

_LEAVE_QUEUE = frozenset({"InteractionUnqueued", "InteractionAssigned", "InteractionAccepted",
                          "InteractionCustomerAccepted", "InteractionDeleted", "InteractionQueueTimeout",
                          "InteractionPostProcess", "InteractionEndPostProcess", "InteractionDeassigned",
                          "GuestChatEnd"})
_ENTER_QUEUE = frozenset({"InteractionQueued", "InteractionRejected"})   # Rejected: back to the queue (E:20)
_PLAUSIBLE_AGE_S = 86_400.0
_UNKNOWN_STATE = (AgentState.UNKNOWN, None)
_none_word = mapper._none_word   # noqa: SLF001 - the mapper's own rule, on the fast path below


def _event_maker(cls: type) -> Callable[..., Any]:
    """``cls(**dict(zip(field names, values)))`` for a slotted, frozen event class, faster.

    A frozen dataclass's __init__ stores each field through ``object.__setattr__`` looked up
    anew; this stores them through the slot descriptors, in code generated once (the same
    object: class, fields, == and hash). Classes it cannot build that way get their __init__.
    """
    names = [f.name for f in fields(cls)]
    descriptors = [next((k.__dict__[n] for k in cls.__mro__ if n in k.__dict__), None) for n in names]
    if (hasattr(cls, "__post_init__") or any(not f.init for f in fields(cls))
            or not all(type(d).__name__ == "member_descriptor" for d in descriptors)
            or not all(n.isidentifier() for n in names)):
        return lambda *values: cls(**dict(zip(names, values)))
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    lines = [f"def make({', '.join(names)}):", "    n = new(cls)"]
    for i, (name, descriptor) in enumerate(zip(names, descriptors)):
        namespace[f"s{i}"] = descriptor.__set__
        lines.append(f"    s{i}(n, {name})")
    lines.append("    return n")
    exec("\n".join(lines), namespace)
    return namespace["make"]


# (event_id, at, raw, <the event's own fields>): the field order of the event classes
_agent_changed = _event_maker(AgentChanged)
_interaction_changed = _event_maker(InteractionChanged)


class _Memo:
    __slots__ = ("state", "owner", "agents", "outbound", "accepted", "owned", "fields", "data", "queue_id", "e164",
                 "raw_attached", "parsed_attached", "static_key", "static")

    def __init__(self) -> None:
        self.state: S | None = None
        self.owner: str | None = None
        self.agents: frozenset[str] = frozenset()
        self.outbound: bool | None = None
        self.accepted = False
        self.owned = False
        self.fields: dict[str, Any] = {}
        self.data: dict[str, str] = {}
        self.queue_id: str | None = None
        self.e164 = False
        self.raw_attached: Any = None
        self.parsed_attached: dict[str, str] | None = None   # attached_data() of raw_attached
        self.static_key: Any = None                           # mapper.static_key() of the last record
        self.static: tuple | None = None                      # mapper.static_facts() of that record


class Tracker:
    def __init__(self, *, self_agent: str | None, agent_states: dict[str, tuple[AgentState, str | None]],
                 interactions: dict[str, Interaction] | None = None, agents: dict[str, Agent] | None = None,
                 clock: Callable[[], float] = time.time,
                 seen_capacity: int = 100_000, memo_capacity: int = 50_000):
        self.me = self_agent or None
        self.table = agent_states
        self._store_interactions = interactions if interactions is not None else {}
        self._store_agents = agents if agents is not None else {}
        self._clock = clock
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._seen_capacity = seen_capacity
        self._memos: dict[str, _Memo] = {}
        self._memo_capacity = memo_capacity
        self._ended: OrderedDict[str, None] = OrderedDict()
        self._queues: dict[str, dict[str, float]] = {}
        self._queue_names: dict[str, str] = {}
        self._queue_sent: dict[str, tuple[int, str | None]] = {}
        self._unknown_logged: set[str] = set()
        self._by_transaction: dict[str, str] = {}
        self.counts = {"records": 0, "heartbeats": 0, "duplicates": 0, "unknown": 0, "bad": 0}

    # -- entry ----------------------------------------------------------------------------------
    def handle(self, raw: Any) -> list[Event]:
        """Normalized events for one decoded event tree. Never raises for odd input: a record it
        cannot read is counted in ``counts["bad"]`` and logged."""
        out: list[Event] = []
        counts = self.counts
        seen = self._seen
        if type(raw) is dict and len(raw) == 1:
            body = raw.get(AGENT_STATUS)
            if type(body) is dict:
                # the floor's most frequent record: what the loop below does for it, minus envelopes()
                counts["records"] += 1
                ek = mapper.event_key(AGENT_STATUS, body)
                if ek in seen:
                    counts["duplicates"] += 1
                    return out
                seen[ek] = None
                if len(seen) > self._seen_capacity:
                    seen.popitem(last=False)
                self._agent_status(body, None if ek.startswith("c:") else "8x8:" + ek, out)
                return out
        for kind, key, body in mapper.envelopes(raw):
            if kind == CLIENT_CHECK:
                counts["heartbeats"] += 1
                continue
            if kind is None:
                self._unknown(key, body)
                continue
            if not isinstance(body, dict):
                self._bad(f"{key} is not an object", body)
                continue
            counts["records"] += 1
            ek = mapper.event_key(kind, body)
            if ek in seen:
                counts["duplicates"] += 1
                continue
            seen[ek] = None
            if len(seen) > self._seen_capacity:
                seen.popitem(last=False)
            event_id = None if ek.startswith("c:") else "8x8:" + ek
            if kind == INTERACTION:
                self._interaction(key, body, event_id, out)
            elif kind == AGENT_STATUS:
                self._agent_status(body, event_id, out)
            elif kind == AGENT_PROV:
                agent_id, changes = mapper.agent_prov_changes(body)
                if agent_id and changes:
                    out.append(AgentChanged(agent_id=agent_id, changes=changes, is_self=agent_id == self.me,
                                            event_id=event_id, at=self._at(body), raw=body))
            else:
                self._unknown(key, body)
        return out

    def self_event(self) -> list[Event]:
        """Announce the desktop's own agent before its first status record arrives."""
        return [AgentChanged(agent_id=self.me, changes={}, is_self=True)] if self.me else []

    # -- helpers ---------------------------------------------------------------------------------
    def _unknown(self, key: str, body: Any) -> None:
        self.counts["unknown"] += 1
        level = logging.INFO if key not in self._unknown_logged else logging.DEBUG
        self._unknown_logged.add(key)
        log.log(level, "8x8 stream: ignoring an unknown record type %r: %.200r", key, body)

    def _bad(self, why: str, body: Any) -> None:
        self.counts["bad"] += 1
        log.warning("8x8 stream: skipping a record (%s): %.200r", why, body)

    def _at(self, body: dict[str, Any]) -> float | None:
        """The platform's time for a record when plausible (replays are up to 2 h old, S:66)."""
        return self._plausible(mapper.event_time(body))

    def _plausible(self, at: float | None) -> float | None:
        if at is None:
            return None
        return at if abs(self._clock() - at) < _PLAUSIBLE_AGE_S else None

    # -- agents ----------------------------------------------------------------------------------
    def _agent_status(self, body: dict[str, Any], event_id: str | None, out: list[Event]) -> None:
        get = body.get
        agent_id = get("agentId")
        code = get("newState")
        old = self._store_agents.get(agent_id) if type(agent_id) is str and agent_id else None
        if (old is not None and type(code) is int and "agentName" not in body and "displayName" not in body
                and "name" not in body):
            # the documented shape (S:284-296, E:52-67) for an agent already known: what
            # mapper.agent_status_changes + the diff below give, without building what is equal
            vendor_state = str(code)
            state, label = self.table.get(vendor_state, _UNKNOWN_STATE)
            reason = label or _none_word(get("newSubStateReason")) or _none_word(get("newSubState"))
            reason_code = _none_word(get("newReasonCodeUser"))
            changes: dict[str, Any] = {}
            if old.state != state:
                changes["state"] = state
            if old.vendor_state != vendor_state:
                changes["vendor_state"] = vendor_state
            if old.reason != reason:
                changes["reason"] = reason
            if old.reason_code != reason_code:
                changes["reason_code"] = reason_code
            if not changes:
                return
            ts = get("statusEventTS")
            now = self._clock()
            if type(ts) is int and 900_000_000 < ts < 10_000_000_000 and "interactionEventTS" not in body \
                    and "eventTS" not in body:
                at: float | None = float(ts)           # mapper.event_time's answer for this shape
            else:
                at = mapper.event_time(body)
            if at is not None and not abs(now - at) < _PLAUSIBLE_AGE_S:
                at = None
            if "state" in changes or "reason" in changes:
                changes["since"] = at if at is not None else now
            out.append(_agent_changed(event_id, at, body, agent_id, changes, agent_id == self.me))
            return
        agent_id, changes = mapper.agent_status_changes(body, self.table)
        if not agent_id:
            self._bad("AgentStatusChange without agentId", body)
            return
        at = self._at(body)
        old = self._store_agents.get(agent_id)
        if old is not None:
            changes = {k: v for k, v in changes.items() if getattr(old, k) != v}
            if not changes:
                return
            if ("state" in changes or "reason" in changes):
                changes["since"] = at if at is not None else self._clock()
        else:
            changes["since"] = at if at is not None else self._clock()
        out.append(_agent_changed(event_id, at, body, agent_id, changes, agent_id == self.me))

    # -- interactions ----------------------------------------------------------------------------
    def _memo(self, guid: str) -> _Memo:
        memo = self._memos.get(guid)
        if memo is None:
            if len(self._memos) >= self._memo_capacity:
                for old in list(self._memos)[: self._memo_capacity // 10]:
                    del self._memos[old]
            memo = self._memos[guid] = _Memo()
        return memo

    def _interaction(self, key: str, body: dict[str, Any], event_id: str | None, out: list[Event]) -> None:
        name = mapper.interaction_event_name(key, body)
        if name is None:
            self._unknown(f"Interaction.event={body.get('event')!r}", body)
            return
        if name in IGNORED_EVENTS:
            return
        guid = body.get("interactionGUID")
        if type(guid) is str:
            if guid in self._ended:
                return   # late or replayed records about finished work never revive it (checked again below)
            memo = self._memos.get(guid)
        else:
            memo = None
        # the records of one interaction repeat its attached data and its own fields: what was read
        # from them last time is kept (memo) and used again while they are equal
        raw_attached = body.get("attachedData")
        static_key = mapper.static_key(body)
        if memo is not None and memo.parsed_attached is not None and raw_attached == memo.raw_attached:
            parsed = memo.parsed_attached
            fresh = False
            static = memo.static if static_key == memo.static_key else None
        else:
            parsed = mapper.attached_data(body)
            fresh = True
            static = None
        if static is None:
            static = mapper.static_facts(body, parsed)
        facts = mapper.interaction_facts(body, name, parsed, static)
        guid = facts.guid
        if not guid:
            self._bad(f"{name} without interactionGUID", body)
            return
        if guid in self._ended:
            return   # late or replayed records about finished work never revive it
        new = guid not in self._memos
        memo = self._memo(guid)
        if fresh:
            memo.raw_attached, memo.parsed_attached = raw_attached, parsed
        memo.static_key, memo.static = static_key, static
        data = facts.data
        tok = data.get("transactionNum") or data.get("tok")
        if tok:
            parent = self._by_transaction.get(tok)
            if new and parent and parent != guid and "parent_id" not in memo.fields:
                # a transfer to a queue creates a new interaction (S:212) with the same transaction
                memo.fields["parent_id"] = parent
            elif parent is None:
                self._by_transaction[tok] = guid
                if len(self._by_transaction) > self._memo_capacity:
                    self._by_transaction.pop(next(iter(self._by_transaction)))
        at = self._plausible(facts.at)   # facts.at is mapper.event_time(body)
        prior = memo.state
        tr = mapper.transition(name, facts, prior, accepted=memo.accepted, outbound=memo.outbound)
        if facts.outbound is not None:
            memo.outbound = facts.outbound
        elif memo.outbound is None and name == "InteractionCreated":
            memo.outbound = facts.call_state == "CS_IDLE"
        actor = facts.agent_id
        # participants: participatingAgents adds (one id per record in E:196); a ParticipantChange
        # states the whole list (S:98); an agent whose leg ends (wrap-up, deassigned, rejected) leaves
        agents = set(memo.agents)
        if facts.participants is not None:
            if name == "InteractionParticipantChange":
                agents = set(facts.participants)
            else:
                agents.update(facts.participants)
        if actor and name in ("InteractionAssigned", "InteractionAccepted"):
            agents.add(actor)
        if actor and (tr.leaves or name in ("InteractionPostProcess", "InteractionEndPostProcess")):
            agents.discard(actor)
        state = tr.state
        me = self.me
        newly_owned = False
        # Accepted/CS_CONNECTED by the other party of a line this side already accepted: the line is
        # connected for both (conference/transfer rows S:152-154, S:182-184)
        line_up = name == "InteractionAccepted" and state is S.CONNECTED and memo.accepted
        if me is not None:
            if not memo.owned and not tr.leaves and (actor == me or (facts.participants and me in facts.participants)):
                memo.owned = newly_owned = True
            if tr.leg and actor and actor != me:
                if not (line_up and memo.owned):
                    state = None       # another agent's leg: participants only
            elif tr.leaves:
                state = S.ENDED if memo.owned else None
            elif name == "InteractionDeleted" and actor and actor != me and memo.owned:
                state = None           # another agent's leg left a conference (S:87)
            owner = me if memo.owned else None
        else:
            owner = memo.owner
            if actor and name in ("InteractionAssigned", "InteractionAccepted") and (
                    owner is None or (prior in (None, S.QUEUED, S.DIALING, S.OFFERED) and not memo.accepted)):
                owner = actor
            elif tr.leg and actor and owner and actor != owner:
                if not line_up:
                    state = None
            elif name == "InteractionDeleted" and actor and owner and actor != owner:
                state = None
            if (actor and actor == owner and state in (S.WRAP_UP, S.ENDED) and agents
                    and prior in (S.CONNECTED, S.HELD, S.DIALING)):
                # the owner left a call others are still on (transfer to agent, conference, S:171-200):
                # the call stays up with the remaining agent
                owner = sorted(agents)[0]
                state = None
            if tr.leaves and state is not None and name == "InteractionRejected":
                owner = None
                memo.accepted = False
            memo.owner = owner
        if name == "InteractionAccepted" and state is not None:
            memo.accepted = True
        if prior is S.ENDED:
            state = None
        # -- the fields this record states
        fields = mapper.interaction_fields(facts, known_e164=memo.e164)
        if facts.remote_e164:
            memo.e164 = True
        if owner is not None or (me is None and name == "InteractionRejected" and state is not None):
            fields["agent_id"] = owner
        if agents != memo.agents or "participants" not in memo.fields:   # set == frozenset compares members
            fields["participants"] = tuple(sorted(agents))
        memo.agents = frozenset(agents)
        if state is not None:
            fields["state"] = state
            memo.state = state
            if state is S.HELD:
                fields["held"] = True
            elif state is S.CONNECTED and tr.held is False:
                fields["held"] = False
        if tr.held is not None and "held" not in fields and (state is not None or tr.held is False):
            fields["held"] = tr.held
        if tr.muted is not None:
            fields["muted"] = tr.muted
        if tr.recording is not None:
            fields["recording"] = tr.recording
        if data:
            # (values are text, never None: "every key already there with that value")
            if not memo.data.items() >= data.items():
                memo.data = {**memo.data, **data}
                fields["data"] = memo.data
        memo.fields.update(fields)
        # -- queue counts
        self._queue(name, guid, facts, memo, out)
        # -- to the store
        if me is not None and not memo.owned:
            if memo.state is S.ENDED:
                self._finish(guid)
            return
        if memo.state is None and "state" not in memo.fields:
            # first sight of an interaction in the middle of its life (e.g. a hold record): a state is needed
            memo.state = S.CONNECTED if name in ("LineHoldStatus", "LineMuteStatus", "RecordingStatus",
                                                 "InteractionRecordingStarted") else S.QUEUED
            if fields.get("held"):
                memo.state = S.HELD
            memo.fields["state"] = fields["state"] = memo.state
        first = newly_owned or guid not in self._store_interactions
        changes = memo.fields if first else fields
        changes = self._diff(guid, changes)
        if "state" in changes:
            changes["state_since"] = at if at is not None else self._clock()
        if memo.state is S.ENDED:
            self._finish(guid)
        if changes:
            out.append(_interaction_changed(event_id, at, body, guid, changes))

    def _diff(self, guid: str, changes: dict[str, Any]) -> dict[str, Any]:
        old = self._store_interactions.get(guid)
        if old is None:
            return dict(changes)
        return {k: v for k, v in changes.items() if getattr(old, k) != v}

    def _finish(self, guid: str) -> None:
        self._memos.pop(guid, None)
        self._ended[guid] = None
        if len(self._ended) > self._memo_capacity:
            self._ended.popitem(last=False)
        for members in self._queues.values():
            members.pop(guid, None)

    def _queue(self, name: str, guid: str, facts: mapper.Facts, memo: _Memo, out: list[Event]) -> None:
        qid = facts.queue_id or memo.queue_id
        if qid is None:
            return
        memo.queue_id = qid
        if facts.queue_name:
            self._queue_names[qid] = facts.queue_name
        members = self._queues.setdefault(qid, {})
        if name in _ENTER_QUEUE:
            if guid not in members:
                members[guid] = facts.queue_time or facts.at or self._clock()
        elif name in _LEAVE_QUEUE:
            members.pop(guid, None)
        state = (len(members), self._queue_names.get(qid))
        if self._queue_sent.get(qid) == state:
            return
        self._queue_sent[qid] = state
        now = self._clock()
        longest = max(0.0, round(now - min(members.values()), 1)) if members else 0.0
        out.append(QueueChanged(queue_id=qid, changes={"name": state[1], "waiting": state[0],
                                                       "longest_wait_s": longest}))
