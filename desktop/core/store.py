"""The store: the one place normalized state lives.

It applies events in arrival order, drops events whose vendor identity it has already applied
(duplicates and replays), keeps a short per-interaction history, and tells listeners what
changed. It is plain Python: the Qt bridge and the CLI printer are both just listeners.
"""
from __future__ import annotations

import logging
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, fields, replace
from typing import Any, Callable, Iterable, Mapping

from .events import (AgentChanged, CommandConfirmed, ConnectionChanged, Event, InteractionChanged,
                     InteractionRenamed, InteractionsSynced, MessageAdded, NoticeRaised, QueueChanged,
                     ReasonCodesChanged)
from .model import (Agent, ChatMessage, Connection, Interaction, Notice, Queue, ReasonCode,
                    agent_field_names, evolve, interaction_field_names)
from .vocabulary import InteractionState

log = logging.getLogger(__name__)

_INTERACTION_FIELDS = interaction_field_names()
_AGENT_FIELDS = agent_field_names()
_QUEUE_FIELDS = frozenset(Queue.__dataclass_fields__) - {"queue_id"}
_ENDED = InteractionState.ENDED


def _same(old: Any, changes: dict[str, Any]) -> bool:
    """``evolve(old, changes) == old`` without building the new snapshot: every other field is
    copied, so the snapshots are equal exactly when each changed field is (identity or ``==``,
    as the dataclass ``__eq__``'s tuple comparison does)."""
    for name, value in changes.items():
        current = getattr(old, name)
        if current is not value and not value == current:
            return False
    return True


@dataclass(frozen=True, slots=True)
class Change:
    """``kind`` is interaction|agent|message|queue|notice|connection|reason_codes|confirmation."""

    kind: str
    key: str | None
    old: Any
    new: Any


# -- building snapshots on the hot path ------------------------------------------------------------
# A frozen dataclass's __init__ stores every field through object.__setattr__ (looked up anew for
# each field), which makes a 22-field Interaction cost several microseconds. For the slotted,
# frozen classes of the model (no __post_init__, every field an __init__ argument) the functions
# below make the very same object (same class, same field values; == and hash as from __init__)
# by storing each field through its slot descriptor, in code generated once per class (as
# dataclasses generates __init__). Anything else (a class that is not slotted, has __post_init__
# or a field outside __init__) uses the ordinary way.
def _slot_setters(cls: type) -> dict[str, Callable[[Any, Any], None]] | None:
    """Field name → its slot descriptor's ``__set__``, in field order; None when not applicable."""
    names = [f.name for f in fields(cls)]
    descriptors = [next((k.__dict__[n] for k in cls.__mro__ if n in k.__dict__), None) for n in names]
    if (hasattr(cls, "__post_init__") or any(not f.init for f in fields(cls))
            or not all(n.isidentifier() for n in names)
            or not all(type(d).__name__ == "member_descriptor" for d in descriptors)):
        return None
    return {n: d.__set__ for n, d in zip(names, descriptors)}


def _generate(cls: type, signature: str, value_of: Callable[[str, int], str]) -> Callable[..., Any] | None:
    setters = _slot_setters(cls)
    if setters is None:
        return None
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    lines = [f"def build({signature}):", "    n = new(cls)"]
    for i, (name, setter) in enumerate(setters.items()):
        namespace[f"s{i}"] = setter
        lines.append(f"    s{i}(n, {value_of(name, i)})")
    lines.append("    return n")
    exec("\n".join(lines), namespace)
    return namespace["build"]


def _fast_evolver(cls: type) -> Callable[[Any, Mapping[str, Any]], Any]:
    """``evolve(old, changes)`` (= ``dataclasses.replace``) for names already checked to be fields."""
    return _generate(cls, "o, c", lambda name, i: f"c[{name!r}] if {name!r} in c else o.{name}") or evolve


def _fast_maker(cls: type) -> Callable[..., Any]:
    """``cls(**dict(zip(field names, values)))``, taking every field positionally in field order."""
    names = [f.name for f in fields(cls)]
    return _generate(cls, ", ".join(f"a{i}" for i in range(len(names))), lambda name, i: f"a{i}") or (
        lambda *values: cls(**dict(zip(names, values))))


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    at: float
    state: InteractionState


_change = _fast_maker(Change)
_history_entry = _fast_maker(HistoryEntry)
_evolve_interaction = _fast_evolver(Interaction)
_evolve_agent = _fast_evolver(Agent)
_evolve_queue = _fast_evolver(Queue)


Listener = Callable[[list[Change]], None]


class Store:
    def __init__(self, *, clock: Callable[[], float] = time.time, seen_capacity: int = 50_000,
                 history_length: int = 50, ended_capacity: int = 200):
        self._clock = clock
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._seen_capacity = seen_capacity
        self._history_length = history_length
        self._ended_capacity = ended_capacity
        self._listeners: list[Listener] = []
        self._listeners_now: tuple[Listener, ...] = ()   # a snapshot: a listener may (un)subscribe meanwhile
        self.interactions: dict[str, Interaction] = {}
        self.history: dict[str, deque[HistoryEntry]] = {}
        self.messages: dict[str, list[ChatMessage]] = {}
        self.agents: dict[str, Agent] = {}
        self.self_agent_id: str | None = None
        self.reason_codes: tuple[ReasonCode, ...] = ()
        self.queues: dict[str, Queue] = {}
        self.notices: deque[Notice] = deque(maxlen=100)
        self.confirmations: deque[CommandConfirmed] = deque(maxlen=100)
        self.confirmation_count = 0  # confirmations ever applied; indexes confirmations_since
        self.connection = Connection()
        self.renamed: dict[str, str] = {}  # old id -> new id
        self._ended: OrderedDict[str, None] = OrderedDict()  # ended interactions, oldest first
        self._handlers: dict[type, Callable[[Any], list[Change]]] = {
            InteractionChanged: self._interaction_changed, AgentChanged: self._agent_changed,
            QueueChanged: self._queue_changed}

    # -- listeners -------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        self._listeners_now = tuple(self._listeners)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)
                self._listeners_now = tuple(self._listeners)
        return unsubscribe

    # -- reading ---------------------------------------------------------------------------
    @property
    def me(self) -> Agent | None:
        return self.agents.get(self.self_agent_id) if self.self_agent_id else None

    def is_own(self, interaction: Interaction) -> bool:
        """Whether ``interaction`` is this desktop's agent's work (its workspace, ringing, screen
        pops) rather than another agent's seen on a supervisor's floor. Work not yet assigned to
        anyone is the desktop's own unless the store follows a floor without an agent of its own
        (a tenant-wide 8x8 supervisor profile sees every queued call)."""
        owner = interaction.agent_id
        if owner is None:
            return self.self_agent_id is not None or not self.agents
        return owner == self.self_agent_id

    def active_interactions(self) -> list[Interaction]:
        return [i for i in self.interactions.values() if i.active]

    def find_reason(self, state: str, text: str) -> ReasonCode | None:
        """The platform's reason code for ``state`` that ``text`` names (code, label or alias)."""
        return next((r for r in self.reason_codes if r.state == state and r.code and r.matches(text)), None)

    def confirmations_since(self, count: int) -> list[CommandConfirmed]:
        """The confirmations applied after ``confirmation_count`` was ``count`` (those still kept)."""
        missed = self.confirmation_count - count
        return list(self.confirmations)[-missed:] if missed > 0 else []

    def resolve_id(self, interaction_id: str) -> str:
        while interaction_id in self.renamed:
            interaction_id = self.renamed[interaction_id]
        return interaction_id

    # -- applying --------------------------------------------------------------------------
    def apply(self, event: Event) -> list[Change]:
        event_id = event.event_id
        if event_id is not None:
            seen = self._seen
            if event_id in seen:
                log.debug("dropping duplicate event %s", event_id)
                return []
            seen[event_id] = None
            if len(seen) > self._seen_capacity:
                seen.popitem(last=False)
        handler = self._handlers.get(type(event))   # the frequent events, without the match below
        changes = handler(event) if handler is not None else self._dispatch(event)
        if changes:
            for listener in self._listeners_now:
                try:
                    listener(changes)
                except Exception:  # a broken view must not stop the data flow
                    log.exception("store listener %r failed", listener)
        return changes

    def apply_all(self, events: Iterable[Event]) -> list[Change]:
        out: list[Change] = []
        for event in events:
            out.extend(self.apply(event))
        return out

    def _dispatch(self, event: Event) -> list[Change]:
        match event:
            case InteractionChanged():
                return self._interaction_changed(event)
            case InteractionRenamed():
                return self._renamed(event)
            case InteractionsSynced():
                return self._synced(event)
            case AgentChanged():
                return self._agent_changed(event)
            case MessageAdded():
                return self._message_added(event)
            case QueueChanged():
                return self._queue_changed(event)
            case ReasonCodesChanged():
                old = self.reason_codes
                self.reason_codes = event.reason_codes
                return [] if old == event.reason_codes else [Change("reason_codes", None, old, event.reason_codes)]
            case NoticeRaised():
                self.notices.append(event.notice)
                return [Change("notice", event.notice.interaction_id, None, event.notice)]
            case ConnectionChanged():
                old_conn = self.connection
                self.connection = event.connection
                return [Change("connection", None, old_conn, event.connection)]
            case CommandConfirmed():
                self.confirmations.append(event)
                self.confirmation_count += 1
                return [Change("confirmation", event.interaction_id, None, event)]
        raise TypeError(f"not a store event: {event!r}")

    def _interaction_changed(self, event: InteractionChanged) -> list[Change]:
        changes = event.changes
        if not _INTERACTION_FIELDS.issuperset(changes):
            unknown = set(changes) - _INTERACTION_FIELDS
            raise ValueError(f"unknown interaction fields {sorted(unknown)} in {type(event).__name__}")
        iid = event.interaction_id
        if iid in self.renamed:
            iid = self.resolve_id(iid)
        old = self.interactions.get(iid)
        now = event.at
        if now is None:
            now = self._clock()
        if old is None:
            changes = dict(changes)
            if "state_since" not in changes:
                changes["state_since"] = now
            new = Interaction(interaction_id=iid, **changes)
        else:
            old_state = old.state
            state = changes.get("state", old_state)
            if state is not old_state:
                changes = dict(changes)   # (the event's own mapping is never modified)
                if old_state is _ENDED:
                    # a late or reordered update for work that already ended must not revive it
                    del changes["state"]
                elif "state_since" not in changes:
                    changes["state_since"] = now
            if _same(old, changes):
                return []
            new = _evolve_interaction(old, changes)
        self.interactions[iid] = new
        state = new.state
        if old is None or state is not old.state:
            history = self.history.get(iid)
            if history is None:
                history = self.history[iid] = deque(maxlen=self._history_length)
            history.append(_history_entry(now, state))
            if state is _ENDED:   # not new.active
                self._ended_now(iid)
        elif state is _ENDED:
            self._ended_now(iid)
        return [_change("interaction", iid, old, new)]

    def _renamed(self, event: InteractionRenamed) -> list[Change]:
        old = self.interactions.pop(event.old_id, None)
        self.renamed[event.old_id] = event.new_id
        if old is None:
            return []
        new = replace(old, interaction_id=event.new_id, previous_id=event.old_id)
        self.interactions[event.new_id] = new
        if self._ended.pop(event.old_id, 0) is None:
            self._ended[event.new_id] = None
        if event.old_id in self.history:
            self.history[event.new_id] = self.history.pop(event.old_id)
        if event.old_id in self.messages:
            self.messages[event.new_id] = [replace(m, interaction_id=event.new_id) for m in self.messages.pop(event.old_id)]
        return [Change("interaction", event.new_id, old, new)]

    def _synced(self, event: InteractionsSynced) -> list[Change]:
        out: list[Change] = []
        now = event.at if event.at is not None else self._clock()
        for iid, old in list(self.interactions.items()):
            if old.active and iid not in event.present:
                new = replace(old, state=InteractionState.ENDED, state_since=now, capabilities=frozenset())
                self.interactions[iid] = new
                self._ended_now(iid)
                self.history.setdefault(iid, deque(maxlen=self._history_length)).append(HistoryEntry(now, new.state))
                out.append(Change("interaction", iid, old, new))
        return out

    def _agent_changed(self, event: AgentChanged) -> list[Change]:
        changes = event.changes
        if not _AGENT_FIELDS.issuperset(changes):
            unknown = set(changes) - _AGENT_FIELDS
            raise ValueError(f"unknown agent fields {sorted(unknown)}")
        agent_id = event.agent_id
        if event.is_self:
            self.self_agent_id = agent_id
        old = self.agents.get(agent_id)
        if old is None:
            changes = dict(changes)
            if "since" not in changes:
                changes["since"] = event.at if event.at is not None else self._clock()
            new = Agent(agent_id=agent_id, **changes)
        else:
            if "since" not in changes and (changes.get("state", old.state), changes.get("reason", old.reason)) != (
                    old.state, old.reason):
                changes = dict(changes)   # (the event's own mapping is never modified)
                changes["since"] = event.at if event.at is not None else self._clock()
            if _same(old, changes):
                return []
            new = _evolve_agent(old, changes)
        self.agents[agent_id] = new
        return [_change("agent", agent_id, old, new)]

    def _message_added(self, event: MessageAdded) -> list[Change]:
        message = event.message
        iid = self.resolve_id(message.interaction_id)
        if iid != message.interaction_id:
            message = replace(message, interaction_id=iid)
        self.messages.setdefault(iid, []).append(message)
        return [Change("message", iid, None, message)]

    def _queue_changed(self, event: QueueChanged) -> list[Change]:
        changes = event.changes
        if not _QUEUE_FIELDS.issuperset(changes):
            unknown = set(changes) - _QUEUE_FIELDS
            raise ValueError(f"unknown queue fields {sorted(unknown)}")
        old = self.queues.get(event.queue_id)
        if old is None:
            new = Queue(queue_id=event.queue_id, **changes)
        elif _same(old, changes):
            return []
        else:
            new = _evolve_queue(old, changes)
        self.queues[event.queue_id] = new
        return [_change("queue", event.queue_id, old, new)]

    def _ended_now(self, iid: str) -> None:
        """Keep the last ``ended_capacity`` ended interactions; forget older ones (O(1) per event)."""
        self._ended[iid] = None
        while len(self._ended) > self._ended_capacity:
            gone, _ = self._ended.popitem(last=False)
            self.interactions.pop(gone, None)
            self.history.pop(gone, None)
            self.messages.pop(gone, None)
