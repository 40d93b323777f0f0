"""What a supervisor watches: every agent with its current work and recent history, per-state
counts and per-queue waiting trends, kept up to date from store changes.

The floor is a store listener doing O(1) work per change (dict and set updates, no scans), and
it remembers *what* changed since a view last looked (:meth:`Floor.take_changes`), so a view can
repaint at its own bounded rate however fast events arrive. It is plain Python: the Qt grid
model reads it on a timer, a benchmark or a test can read it directly.

Agents get a row number when first seen and keep it: a view maps rows to agents through
``order`` and never has to move rows when data changes (sorting and filtering are a proxy's job).
"""
from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass
from typing import Callable, NamedTuple

from .model import Agent, Interaction, Notice, Queue
from .store import Change, Store
from .vocabulary import AgentState


class FloorEntry(NamedTuple):
    """One line of an agent's recent history: a state change, or work that started or ended.

    Plain values only (enum values as their text), no snapshots: a floor keeps tens of thousands
    of these, and each would otherwise keep an old Agent or Interaction alive.
    """

    at: float
    kind: str                   # "state" | "work"
    state: str                  # AgentState value, or the interaction's InteractionState value
    detail: str | None = None   # the reason, or the party (name or number)
    media: str | None = None    # the interaction's Media value


@dataclass(frozen=True, slots=True)
class FloorChanges:
    """What changed since the previous :meth:`Floor.take_changes`."""

    new_rows: int                 # agents appended at the end of ``order``
    rows: frozenset[int]          # rows (existing before this batch) whose agent or work changed
    queues: frozenset[str]        # queue ids whose figures changed
    new_queues: tuple[str, ...]   # queue ids seen for the first time, in arrival order
    alerts: tuple[Notice, ...]    # platform alerts (e.g. Enreach UserAlert) raised meanwhile


ALERT_CODES = frozenset({"UserAlert"})  # notices that are a supervisor's alert, not an agent's error


class Floor:
    def __init__(self, store: Store, *, history_length: int = 20, trend_length: int = 240,
                 clock: Callable[[], float] | None = None):
        self.store = store
        self._clock = clock or time.time
        self._history_length = history_length
        self._trend_length = trend_length
        self.order: list[str] = []              # row -> agent id
        self.row_of: dict[str, int] = {}        # agent id -> row
        self.by_state: dict[AgentState, set[str]] = {state: set() for state in AgentState}
        self.work: dict[str, dict[str, None]] = {}   # agent id -> its active interaction ids, oldest first
        self._owner: dict[str, str] = {}             # interaction id -> agent id it is counted for
        self.history: dict[str, deque[FloorEntry]] = {}
        self.queue_order: list[str] = []
        self.trends: dict[str, deque[tuple[float, int]]] = {}  # queue id -> (at, waiting) samples
        self.last_change_at: float | None = None
        self._dirty_rows: set[int] = set()
        self._seen_rows = 0          # rows a view already knows about
        self._seen_queues = 0
        self._dirty_queues: set[str] = set()
        self._alerts: list[Notice] = []
        for agent in store.agents.values():
            self._agent(None, agent, agent.since or self._clock())
        for interaction in store.interactions.values():
            self._interaction(None, interaction, interaction.state_since or self._clock())
        for queue in store.queues.values():
            self._queue(queue, self._clock())
        self._unsubscribe = store.subscribe(self._on_changes)

    def close(self) -> None:
        self._unsubscribe()

    # -- reading -------------------------------------------------------------------------
    def agent_at(self, row: int) -> Agent:
        return self.store.agents[self.order[row]]

    def current_work(self, agent_id: str) -> Interaction | None:
        """The agent's most recent active interaction (a consult leg over the call it came from)."""
        ids = self.work.get(agent_id)
        if not ids:
            return None
        return self.store.interactions.get(next(reversed(ids)))

    def count(self, state: AgentState) -> int:
        return len(self.by_state[state])

    def take_changes(self) -> FloorChanges:
        new_rows = len(self.order) - self._seen_rows
        rows = frozenset(r for r in self._dirty_rows if r < self._seen_rows)
        new_queues = tuple(self.queue_order[self._seen_queues:])
        changes = FloorChanges(new_rows, rows, frozenset(self._dirty_queues), new_queues, tuple(self._alerts))
        self._seen_rows = len(self.order)
        self._seen_queues = len(self.queue_order)
        self._dirty_rows.clear()
        self._dirty_queues.clear()
        self._alerts.clear()
        return changes

    # -- applying ------------------------------------------------------------------------
    def _on_changes(self, changes: list[Change]) -> None:
        now = self._clock()
        for change in changes:
            kind = change.kind
            if kind == "agent":
                self._agent(change.old, change.new, now)
            elif kind == "interaction":
                self._interaction(change.old, change.new, now)
            elif kind == "queue":
                self._queue(change.new, now)
            elif kind == "notice" and change.new.code in ALERT_CODES:
                self._alerts.append(change.new)
            else:
                continue
            self.last_change_at = now

    def _row(self, agent_id: str) -> int:
        row = self.row_of.get(agent_id)
        if row is None:
            row = self.row_of[agent_id] = len(self.order)
            self.order.append(agent_id)
        return row

    def _agent(self, old: Agent | None, new: Agent, now: float) -> None:
        agent_id = new.agent_id
        self._dirty_rows.add(self._row(agent_id))
        if old is not None and old.state is new.state and old.reason == new.reason:
            return
        if old is not None:
            self.by_state[old.state].discard(agent_id)
        self.by_state[new.state].add(agent_id)
        self._remember(agent_id, FloorEntry(new.since or now, "state", new.state.value, new.reason))

    def _interaction(self, old: Interaction | None, new: Interaction, now: float) -> None:
        iid = new.interaction_id
        if old is not None and old.interaction_id != iid:     # renamed: follow the new id
            self._drop_work(old.interaction_id)
        owner = new.agent_id if new.active else None
        counted = self._owner.get(iid)
        if counted != owner:
            if counted is not None:
                self._drop_work(iid)
                if not new.active:
                    self._remember(counted, _work_entry(new, now))
            if owner is not None:
                self._owner[iid] = owner
                self.work.setdefault(owner, {})[iid] = None
                if counted is None and (old is None or old.interaction_id == iid):   # not a rename
                    self._remember(owner, _work_entry(new, now))
        for agent_id in (counted, owner):
            self._touch(agent_id)

    def _drop_work(self, iid: str) -> None:
        agent_id = self._owner.pop(iid, None)
        if agent_id is not None:
            ids = self.work.get(agent_id)
            if ids is not None:
                ids.pop(iid, None)
                if not ids:
                    del self.work[agent_id]
            self._touch(agent_id)

    def _touch(self, agent_id: str | None) -> None:
        """Repaint an agent's row; an agent the store does not know yet has none (its work is
        kept and shows when the agent arrives)."""
        row = self.row_of.get(agent_id) if agent_id is not None else None
        if row is not None:
            self._dirty_rows.add(row)

    def _remember(self, agent_id: str, entry: FloorEntry) -> None:
        history = self.history.get(agent_id)
        if history is None:
            history = self.history[agent_id] = deque(maxlen=self._history_length)
        history.append(entry)

    def _queue(self, queue: Queue, now: float) -> None:
        qid = queue.queue_id
        trend = self.trends.get(qid)
        if trend is None:
            trend = self.trends[qid] = deque(maxlen=self._trend_length)
            self.queue_order.append(qid)
        if queue.waiting is not None and (not trend or trend[-1][1] != queue.waiting):
            trend.append((now, queue.waiting))
        self._dirty_queues.add(qid)


def _work_entry(interaction: Interaction, now: float) -> FloorEntry:
    return FloorEntry(interaction.state_since or now, "work", interaction.state.value,
                      interaction.remote_name or interaction.remote, interaction.media.value)
