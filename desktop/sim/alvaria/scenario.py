"""Scenario engine of the Alvaria simulator: timelines of driving steps, and a floor generator.

A scenario file (``scenarios/*.json``)::

    {"agent": {"userId": "99b788f3000d99", "name": "cherylagt1"},
     "workTypes": [{"id": 191, "name": "Sales", "media": "InboundACD"}, ...],   # optional
     "floor": {"agents": 50, "event_rate": 1.0, "seed": 7,             # optional
               "work_types": 2, "statistics": true, "handled_before": 20, "login_rate": 200,
               "monitoring_every": 40},
     "timelines": [
        {"name": "desk", "trigger": "subscribed" | "start", "loop": true, "pause": 2,
         "steps": [
            {"after": 1, "do": "screen_pop", "args": {...}, "as": "c"},
            {"after": 2, "do": "active", "ref": "c"},
            {"after": 1, "do": "error", "args": {"fail_code": 31}, "every": 3},
            {"after": 1, "do": "error", "cycle": [{"fail_code": 31}, {"fail_code": 224}]}]}]}

``after`` is in scenario seconds (times the simulator's ``time_scale``). ``do`` names a driving
method of the simulator (``DRIVING``); ``user_id`` defaults to the scenario agent (a timeline or
step may set ``user``). ``ref`` passes a remembered interaction id as ``iid``; ``as`` remembers
the id a step returns (``transfer`` with ``as`` equal to ``ref`` follows the renamed id).
``every: n`` runs a step only on iterations n-1, 2n-1, ...; ``cycle`` picks the args of
iteration i as ``cycle[i % len]``. Trigger ``subscribed``: the timeline starts when a session
first subscribes to events that cover its user (so the desktop sees the login).

The floor generator moves ``agents`` other users through login, idle, screen pop, active, held,
wrap, disposition and not-ready at ``event_rate`` events per second (divided by ``time_scale``),
only while some session holds a subscription (nobody listening = nothing generated). With
``work_types: k`` each floor user is assigned k of the scenario's ``workTypes`` (in turn): its
login sends one NewWorkType per work type and then Idle (75 %) or NotReady ("followed by either
a not ready or idle", A:72); its screen pops come from one of them (a chat work type pops chats).
With ``statistics`` an AgentStatistics follows each login and each disposition of that user
(``handled_before: n``: each user starts with 0..n interactions handled per work type, as if the
statistics period had begun earlier). The first pass (everybody's login) runs at ``login_rate``
steps per second (default 200) when that is faster than ``event_rate``. With
``monitoring_every: n`` the scenario's own agent (the supervisor) is sent a MonitorState for a
floor user's live interaction every n steps (monitoring 1, or coaching 2), and MON_STOPPED (4)
n/2 steps later or when that interaction is disposed.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import random
from typing import Any

log = logging.getLogger("desktop.sim.alvaria.scenario")

DRIVING = frozenset({
    "agent_login", "agent_logout", "agent_idle", "agent_not_ready", "agent_park", "screen_pop", "active",
    "held", "wrap", "disposed", "clear", "transfer", "chat", "customer_says", "agent_says",
    "customer_leaves", "error", "play_agent_flow", "event", "new_work_type", "remove_work_type",
    "agent_statistics", "monitor_state",
})


def floor_user_ids(n: int, seed: int = 7) -> list[str]:
    """Stable 14-hex-digit user ids shaped like the samples' ``99b788f3000d99`` (A:1472)."""
    return [hashlib.sha1(f"alvaria-floor-{seed}-{i}".encode()).hexdigest()[:14] for i in range(n)]


class Floor:
    """Little per-agent state machines, one event per step (plus NewWorkType/AgentStatistics)."""

    REASONS = (1, 2, 3, 15)

    def __init__(self, sim: Any, user_ids: list[str], seed: int, options: dict | None = None):
        options = options or {}
        self.sim = sim
        self.user_ids = user_ids
        self.rng = random.Random(seed)
        self.phase: dict[str, tuple[str, str | None]] = {u: ("out", None) for u in user_ids}
        self._login_cursor = 0
        self.statistics = bool(options.get("statistics", False))
        self.handled_before = int(options.get("handled_before", 0) or 0)
        self.monitoring_every = int(options.get("monitoring_every", 0) or 0)
        self._steps = 0
        self._monitored: tuple[str, int] | None = None  # (interaction id, step it started)
        k = int(options.get("work_types", 0) or 0)
        types = list(getattr(sim, "work_types", {}) or [])
        self.work_types: dict[str, list[int]] = {}
        if k and types:
            k = min(k, len(types))
            for i, uid in enumerate(user_ids):
                self.work_types[uid] = [types[(i + j) % len(types)] for j in range(k)]

    @property
    def logging_in(self) -> bool:
        return self._login_cursor < len(self.user_ids)

    def _pop(self, uid: str, r: float) -> str:
        """A screen pop for ``uid`` from one of its work types (a chat work type pops a chat)."""
        types = self.work_types.get(uid)
        ani = f"603555{self.rng.randrange(10000):04d}"
        if not types:
            return self.sim.screen_pop(uid, media="InboundChat" if r < 0.1 else "InboundACD", ani=ani)
        wt = types[self.rng.randrange(len(types))]
        media = self.sim.work_types.get(wt, {}).get("media", "InboundACD")
        return self.sim.screen_pop(uid, media=media, ani=ani, work_type_id=wt)

    def _seed_handled(self, uid: str) -> None:
        agent = self.sim._agent(uid)  # noqa: SLF001
        for wt in self.work_types.get(uid) or []:
            media = self.sim.work_types.get(wt, {}).get("media", "InboundACD")
            counter = "chatInteractions" if "Chat" in media else "inboundInteractions"
            row = agent.handled.setdefault(wt, {})
            row[counter] = row.get(counter, 0) + self.rng.randint(0, self.handled_before)

    def _monitor(self) -> None:
        """The scenario's own agent (a supervisor) monitors a floor user's live interaction."""
        sim = self.sim
        if self._monitored is not None:
            iid, since = self._monitored
            if self._steps - since >= max(1, self.monitoring_every // 2):
                sim.monitor_state(sim.agent_id, iid, 4)  # MON_STOPPED
                self._monitored = None
            return
        if self._steps % self.monitoring_every:
            return
        live = [iid for phase, iid in self.phase.values() if phase in ("active", "held") and iid]
        if live:
            iid = live[self.rng.randrange(len(live))]
            sim.monitor_state(sim.agent_id, iid, self.rng.choice((1, 1, 2)))  # monitoring or coaching
            self._monitored = (iid, self._steps)

    def step(self) -> None:
        if not self.user_ids:
            return
        self._steps += 1
        if self.monitoring_every and not self.logging_in:
            self._monitor()
        if self._login_cursor < len(self.user_ids):  # first pass: log everybody in
            uid = self.user_ids[self._login_cursor]
            self._login_cursor += 1
        else:
            uid = self.rng.choice(self.user_ids)
        phase, iid = self.phase[uid]
        r = self.rng.random()
        sim = self.sim
        if phase == "out":
            sim._login_quiet(uid, self.work_types.get(uid))  # noqa: SLF001 - Connected (+ NewWorkType)
            nxt: tuple[str, str | None] = ("connected", None)
            if self.work_types:  # the floor scenario: "followed by either a not ready or idle" (A:72)
                if r < 0.75:
                    sim.agent_idle(uid)
                    nxt = ("idle", None)
                else:
                    sim.agent_not_ready(uid, reason=self.rng.choice(self.REASONS))
                    nxt = ("notready", None)
            if self.statistics:
                if self.handled_before:  # work handled earlier in the statistics period (ours)
                    self._seed_handled(uid)
                sim.agent_statistics(uid)
        elif phase in ("connected", "notready"):
            if phase == "notready" and r < 0.03:
                sim.agent_logout(uid)
                nxt = ("out", None)
            elif r < 0.75:
                sim.agent_idle(uid)
                nxt = ("idle", None)
            else:
                sim.agent_not_ready(uid, reason=self.rng.choice(self.REASONS))
                nxt = ("notready", None)
        elif phase == "idle":
            if r < 0.7:
                nxt = ("popped", self._pop(uid, r))
            else:
                sim.agent_not_ready(uid, reason=self.rng.choice(self.REASONS))
                nxt = ("notready", None)
        elif phase == "popped":
            sim.active(uid, iid)
            nxt = ("active", iid)
        elif phase == "active":
            if r < 0.2:
                sim.held(uid, iid)
                nxt = ("held", iid)
            else:
                sim.wrap(uid, iid)
                nxt = ("wrap", iid)
        elif phase == "held":
            sim.active(uid, iid)
            nxt = ("active", iid)
        elif phase == "wrap":
            sim.disposed(uid, iid, with_disposition_event=False)
            if self.statistics:
                sim.agent_statistics(uid)
            if self._monitored is not None and self._monitored[0] == iid:
                sim.monitor_state(sim.agent_id, iid, 4)  # the monitored interaction is over
                self._monitored = None
            nxt = ("disposed", None)
        else:  # disposed
            if r < 0.8:
                sim.agent_idle(uid)
                nxt = ("idle", None)
            else:
                sim.agent_not_ready(uid, reason=self.rng.choice(self.REASONS))
                nxt = ("notready", None)
        self.phase[uid] = nxt


class ScenarioRunner:
    def __init__(self, sim: Any, spec: dict, floor_ids: list[str], event_rate: float | None, seed: int):
        self.sim = sim
        self.timelines: list[dict] = list(spec.get("timelines", []))
        floor = spec.get("floor") or {}
        self.floor = Floor(sim, floor_ids, seed, floor) if floor_ids else None
        self.event_rate = float(event_rate or 0.0)
        self.login_rate = float(floor.get("login_rate", 200))
        self._tasks: set[asyncio.Task] = set()
        self._started: set[int] = set()
        self.errors: list[str] = []

    def start(self) -> None:
        for i, tl in enumerate(self.timelines):
            if tl.get("trigger", "start") == "start":
                self._launch(i)
        if self.floor is not None and self.event_rate > 0:
            self._spawn(self._floor_loop(), "alvaria-sim-floor")

    def on_subscribed(self, covers: Any) -> None:
        """A session created a subscription; ``covers(user_id)`` tells whether it sees that user."""
        for i, tl in enumerate(self.timelines):
            if tl.get("trigger") == "subscribed" and i not in self._started:
                if covers(tl.get("user") or self.sim.agent_id):
                    self._launch(i)

    def _launch(self, i: int) -> None:
        if i in self._started or self.sim._stopping:  # noqa: SLF001
            return
        self._started.add(i)
        self._spawn(self._run(self.timelines[i]), f"alvaria-sim-timeline-{i}")

    def _spawn(self, coro: Any, name: str) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            coro.close()
            return
        t = loop.create_task(coro, name=name)
        self._tasks.add(t)
        t.add_done_callback(self._tasks.discard)

    async def stop(self) -> None:
        tasks = list(self._tasks)
        for t in tasks:
            t.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _run(self, tl: dict) -> None:
        iteration = 0
        while True:
            refs: dict[str, str] = {}
            for step in tl.get("steps", []):
                await self.sim.sleep(float(step.get("after", 0)))
                every = int(step.get("every", 1) or 1)
                if iteration % every != every - 1:
                    continue
                try:
                    self._step(tl, step, refs, iteration)
                except (KeyError, ValueError, TypeError) as e:  # bad step or gone object: go on
                    self.errors.append(f"{step.get('do')}: {e!r}")
                    log.debug("scenario step %s skipped: %r", step.get("do"), e)
            if not tl.get("loop"):
                return
            iteration += 1
            await asyncio.sleep(max(0.05, float(tl.get("pause", 0)) * self.sim.time_scale))

    def _step(self, tl: dict, step: dict, refs: dict, iteration: int) -> None:
        do = step.get("do")
        if do not in DRIVING:
            raise ValueError(f"unknown scenario action {do!r}")
        args = dict(step.get("args", {}))
        cycle = step.get("cycle")
        if cycle:
            args.update(cycle[iteration % len(cycle)])
        if do != "event":
            args.setdefault("user_id", step.get("user") or tl.get("user") or self.sim.agent_id)
        if step.get("ref"):
            if step["ref"] not in refs:
                return
            args["iid"] = refs[step["ref"]]
        result = getattr(self.sim, do)(**args)
        if step.get("as") and isinstance(result, str):
            refs[step["as"]] = result

    async def _floor_loop(self) -> None:
        assert self.floor is not None
        loop = asyncio.get_running_loop()
        steady = self.event_rate / max(self.sim.time_scale, 1e-3)
        credit, last = 0.0, loop.time()
        while True:
            # the first pass (logins) may go faster than the steady rate
            rate = max(steady, self.login_rate) if self.floor.logging_in else steady
            tick = min(0.05, max(0.005, 1.0 / rate))
            await asyncio.sleep(tick)
            now = loop.time()
            credit += (now - last) * rate
            last = now
            n = int(credit)
            credit -= n
            if not self.sim.has_listeners():
                credit = 0.0
                continue
            for _ in range(min(n, int(rate) + 1)):  # never a burst larger than one second's worth
                try:
                    self.floor.step()
                except (KeyError, ValueError) as e:  # pragma: no cover - defensive
                    self.errors.append(f"floor: {e!r}")
