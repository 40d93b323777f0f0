"""The store: the one place normalized state lives.

It applies events in arrival order, drops events whose vendor identity it has already applied
(duplicates and replays), keeps a short per-interaction history, and tells listeners what
changed. It is plain Python: the Qt bridge and the CLI printer are both just listeners.
"""
from __future__ import annotations

import logging
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable

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


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    at: float
    state: InteractionState


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
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

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
            for listener in list(self._listeners):
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
        now = event.at if event.at is not None else self._clock()
        changes = dict(changes)
        if old is None:
            if "state_since" not in changes:
                changes["state_since"] = now
            new = Interaction(interaction_id=iid, **changes)
        else:
            old_state = old.state
            if old_state is _ENDED and changes.get("state", old_state) is not _ENDED:
                # a late or reordered update for work that already ended must not revive it
                changes.pop("state", None)
            if "state_since" not in changes and changes.get("state", old_state) is not old_state:
                changes["state_since"] = now
            if _same(old, changes):
                return []
            new = evolve(old, changes)
        self.interactions[iid] = new
        if old is None or new.state is not old.state:
            self.history.setdefault(iid, deque(maxlen=self._history_length)).append(HistoryEntry(now, new.state))
        if new.state is _ENDED:   # not new.active
            self._ended_now(iid)
        return [Change("interaction", iid, old, new)]

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
        changes = dict(changes)
        now = event.at if event.at is not None else self._clock()
        if old is None:
            if "since" not in changes:
                changes["since"] = now
            new = Agent(agent_id=agent_id, **changes)
        else:
            if "since" not in changes and (changes.get("state", old.state), changes.get("reason", old.reason)) != (
                    old.state, old.reason):
                changes["since"] = now
            if _same(old, changes):
                return []
            new = evolve(old, changes)
        self.agents[agent_id] = new
        return [Change("agent", agent_id, old, new)]

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
            new = evolve(old, changes)
        self.queues[event.queue_id] = new
        return [Change("queue", event.queue_id, old, new)]

    def _ended_now(self, iid: str) -> None:
        """Keep the last ``ended_capacity`` ended interactions; forget older ones (O(1) per event)."""
        self._ended[iid] = None
        while len(self._ended) > self._ended_capacity:
            gone, _ = self._ended.popitem(last=False)
            self.interactions.pop(gone, None)
            self.history.pop(gone, None)
            self.messages.pop(gone, None)
