"""Supervisor thresholds: which agents and queues are in breach, and one notification per new
batch of breaches (never one per agent, never repeated while a breach lasts).

A breach starts when a rule first holds and ends when it stops holding; only the start is
announced. Breaches that start while the last notification is younger than ``quiet_s`` wait and
are announced together in the next one. Evaluation costs O(agents not ready + queues), not
O(floor).
"""
from __future__ import annotations

from dataclasses import dataclass

from .floor import Floor
from .model import Notice
from .vocabulary import AgentState


@dataclass(frozen=True, slots=True)
class Thresholds:
    not_ready_max_s: float | None = 15 * 60   # None = off
    queue_wait_max_s: float | None = 60
    platform_alerts: bool = True              # e.g. Enreach UserAlert


@dataclass(frozen=True, slots=True)
class Breach:
    kind: str   # not_ready | queue_wait | alert
    key: str    # agent id, queue id, or the alert's text
    label: str  # the agent's or queue's name as shown


class ThresholdWatch:
    def __init__(self, floor: Floor, thresholds: Thresholds, *, quiet_s: float = 60.0):
        self.floor = floor
        self.thresholds = thresholds
        self.quiet_s = quiet_s
        self.active: dict[tuple[str, str], Breach] = {}
        self._unannounced: list[Breach] = []
        self._last_notified_at: float | None = None

    def breached_agent(self, agent_id: str) -> bool:
        return ("not_ready", agent_id) in self.active

    def breached_queue(self, queue_id: str) -> bool:
        return ("queue_wait", queue_id) in self.active

    def evaluate(self, now: float, alerts: tuple[Notice, ...] = ()) -> list[Breach]:
        """Update the active breaches; returns the ones that started now."""
        current: dict[tuple[str, str], Breach] = {}
        agents = self.floor.store.agents
        limit = self.thresholds.not_ready_max_s
        if limit is not None:
            for agent_id in self.floor.by_state[AgentState.NOT_READY]:
                agent = agents[agent_id]
                if agent.since is not None and now - agent.since > limit:
                    current[("not_ready", agent_id)] = Breach("not_ready", agent_id, agent.name or agent_id)
        wait = self.thresholds.queue_wait_max_s
        if wait is not None:
            for queue in self.floor.store.queues.values():
                if queue.longest_wait_s is not None and queue.longest_wait_s > wait:
                    current[("queue_wait", queue.queue_id)] = Breach("queue_wait", queue.queue_id,
                                                                      queue.name or queue.queue_id)
        started = [b for key, b in current.items() if key not in self.active]
        if self.thresholds.platform_alerts:
            started += [Breach("alert", notice.text, notice.text) for notice in alerts]
        self.active = current
        self._unannounced.extend(started)
        return started

    def notification(self, now: float) -> list[Breach] | None:
        """The breaches to announce in one notification now, or None (nothing new, or too soon)."""
        if not self._unannounced:
            return None
        if self._last_notified_at is not None and now - self._last_notified_at < self.quiet_s:
            return None
        batch, self._unannounced = self._unannounced, []
        self._last_notified_at = now
        return batch
