"""Scenario engine: timelines of driving actions (``demo``), and the floor generator (``floor``).

A scenario file (``scenarios/*.json``) may hold::

    {"agents": 50,                      # default agent count (the constructor's agents= wins)
     "queues": [{"id": 591, "name": "Test Sales"}], "channels": [{"number": ..., "name": ...}],
     "status_cycle": [{"state": 4}, {"state": 3, "reason": "801=1720"}, ...],
     "timelines": [
        {"name": "calls", "trigger": "start" | "subscribed", "loop": true, "pause": 1,
         "steps": [{"after": 4, "do": "inbound_call", "args": {...}, "cycle": [{...}, ...]}, ...]}],
     "floor": {"agents": 5000, "event_rate": 200, "call_share": 0.35}}

``after`` is in scenario seconds (times the simulator's ``time_scale``). ``cycle`` picks the
args of iteration i as ``cycle[i % len]``. ``subscribed`` starts the timeline when the first
subscription connects (SAPI has no snapshot: a subscriber only sees what happens after it
subscribed, S:66-68), so the demo's first call is seen whole.
"""

from __future__ import annotations

import asyncio
import logging
import random
from typing import Any

from . import sequences as seqs

log = logging.getLogger("desktop.sim.eightbyeight.scenario")

ACTIONS = {
    "inbound_call": "inbound_call",
    "outbound_call": "outbound_call",
    "conference": "conference",
    "transfer_to_agent": "transfer_to_agent",
    "transfer_to_queue": "transfer_to_queue",
    "abandoned_call": "abandoned_call",
    "agent_status": "agent_status",
    "random_status": "random_status",
    "agent_prov_change": "agent_prov_change",
}

DEFAULT_STATUS_CYCLE = [
    {"state": seqs.WAIT_TRANSACT}, {"state": seqs.ON_BREAK, "reason": "801=1720"},
    {"state": seqs.WAIT_TRANSACT}, {"state": seqs.WORK_OFFLINE, "reason": "801=1722"},
    {"state": seqs.WAIT_TRANSACT}, {"state": seqs.LOGGED_IN}, {"state": seqs.LOGGED_OUT},
]


class ScenarioRunner:
    def __init__(self, sim: Any, spec: dict):
        self.sim = sim
        self.timelines: list[dict] = list(spec.get("timelines", []))
        self.floor: dict | None = spec.get("floor")
        self._tasks: set[asyncio.Task] = set()
        self._started: set[int] = set()
        self.errors: list[str] = []

    def start(self) -> None:
        for i, tl in enumerate(self.timelines):
            if tl.get("trigger", "start") == "start":
                self._launch(i)
        if self.floor is not None:
            self._spawn(self._floor(), "floor")

    def on_subscribed(self, subscription_id: str, resumed: bool) -> None:
        for i, tl in enumerate(self.timelines):
            if tl.get("trigger") == "subscribed":
                self._launch(i)

    def _spawn(self, coro: Any, name: str) -> None:
        t = asyncio.get_running_loop().create_task(coro, name=f"8x8-sim-{name}")
        self._tasks.add(t)
        t.add_done_callback(self._tasks.discard)

    def _launch(self, i: int) -> None:
        if i in self._started or self.sim._stopping:  # noqa: SLF001
            return
        self._started.add(i)
        self._spawn(self._run(self.timelines[i]), f"timeline-{i}")

    async def stop(self) -> None:
        tasks = list(self._tasks)
        for t in tasks:
            t.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _run(self, tl: dict) -> None:
        iteration = 0
        while True:
            for step in tl.get("steps", []):
                await self.sim.sleep(float(step.get("after", 0)))
                try:
                    self._step(step, iteration)
                except (KeyError, ValueError, TypeError) as e:
                    self.errors.append(f"{step.get('do')}: {e!r}")
                    log.warning("scenario step %s failed: %r", step.get("do"), e)
            if not tl.get("loop"):
                return
            iteration += 1
            await asyncio.sleep(max(0.05, float(tl.get("pause", 0)) * self.sim.time_scale))

    def _step(self, step: dict, iteration: int) -> None:
        do = step.get("do")
        if do == "sleep":
            return
        if do not in ACTIONS:
            raise ValueError(f"unknown scenario action {do!r}")
        args = dict(step.get("args", {}))
        cycle = step.get("cycle")
        if cycle:
            args.update(cycle[iteration % len(cycle)])
        getattr(self.sim, ACTIONS[do])(**args)

    # ------------------------------------------------------------------ floor
    async def _floor(self) -> None:
        """``event_rate`` records/s across all agents: status changes, and inbound calls
        advanced one row at a time (the inbound table, S:104-115)."""
        rate = float(self.sim.event_rate or self.floor.get("event_rate", 200))  # type: ignore[union-attr]
        if rate <= 0:
            return
        loop = asyncio.get_running_loop()
        start = loop.time()
        emitted = 0
        tick = 0.02
        while True:
            await asyncio.sleep(tick)
            due = int((loop.time() - start) * rate) - emitted
            if due > rate:  # fell more than a second behind: do not try to catch up
                start = loop.time() - emitted / rate
                due = int(rate * tick) or 1
            if due > 0:
                emitted += self.sim.floor_records(due)


class FloorState:
    """Active floor calls (one Play per call, advanced a row at a time)."""

    def __init__(self, sim: Any, call_share: float, max_calls: int, seed: int = 88):
        self.sim = sim
        self.call_share = call_share
        self.max_calls = max_calls
        self.rng = random.Random(seed)
        self.plays: list = []

    def next_records(self) -> int:
        """Publish one floor record (two when a call row carries a status change)."""
        sim = self.sim
        if self.rng.random() < self.call_share:
            if self.plays and (len(self.plays) >= self.max_calls or self.rng.random() < 0.85):
                i = self.rng.randrange(len(self.plays))
                play = self.plays[i]
                n = sim._emit_row(play)  # noqa: SLF001
                if play.done:
                    sim._release(play)  # noqa: SLF001
                    self.plays[i] = self.plays[-1]
                    self.plays.pop()
                return n
            play = sim._new_play("inbound", agent_id="*", caller_name=None,  # noqa: SLF001
                                 caller_number=f"+1{self.rng.randrange(2012000000, 9899999999)}")
            self.plays.append(play)
            return sim._emit_row(play)  # noqa: SLF001
        return sim.random_status()
