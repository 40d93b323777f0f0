"""A small data-driven scenario engine: timelines of steps with delays.

A scenario file (``scenarios/*.json``) may hold::

    {"timelines": [
        {"name": "calls", "trigger": "agent_ready" | "start", "loop": true,
         "steps": [
            {"after": 4, "do": "inbound_call", "cycle": [{...args...}, ...], "as": "c"},
            {"after": 30, "do": "remote_hangup", "ref": "c"},
            {"do": "wait_accepted", "ref": "chat", "timeout": 120},
            ...]}]}

``after`` is in scenario seconds (multiplied by the simulator's ``time_scale``). ``args`` are
passed as keyword arguments; ``cycle`` picks the args of iteration i as ``cycle[i % len]``.
``as`` names the id a step returns; ``ref`` passes a named id as the step's first argument.
Actions on objects that no longer exist are skipped silently (the agent may already have
hung up before the caller does).
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

log = logging.getLogger("desktop.sim.genesys.scenario")

ACTIONS = {
    "inbound_call": ("inbound_call", None),
    "remote_answer": ("remote_answer", "call_id"),
    "remote_hangup": ("remote_hangup", "call_id"),
    "inbound_chat": ("inbound_chat", None),
    "customer_typing": ("customer_typing", "interaction_id"),
    "customer_says": ("customer_says", "interaction_id"),
    "customer_leaves": ("customer_leaves", "interaction_id"),
    "inbound_email": ("inbound_email", None),
    "revoke": ("revoke", "interaction_id"),
}


class ScenarioRunner:
    def __init__(self, sim: Any, spec: dict):
        self.sim = sim
        self.timelines: list[dict] = list(spec.get("timelines", []))
        self._tasks: set[asyncio.Task] = set()
        self._started: set[int] = set()
        self.errors: list[str] = []

    def start(self) -> None:
        for i, tl in enumerate(self.timelines):
            if tl.get("trigger", "start") == "start":
                self._launch(i)

    def on_event(self, kind: str, info: dict) -> None:
        if kind == "agent_state" and info.get("state") == "Ready":
            for i, tl in enumerate(self.timelines):
                if tl.get("trigger") == "agent_ready" and (tl.get("user") in (None, info.get("user"))):
                    self._launch(i)

    def _launch(self, i: int) -> None:
        if i in self._started or self.sim._stopping:  # noqa: SLF001
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._started.add(i)
        t = loop.create_task(self._run(self.timelines[i]), name=f"gws-sim-timeline-{i}")
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
                try:
                    await self._step(step, refs, iteration)
                except asyncio.CancelledError:
                    raise
                except (KeyError, ValueError) as e:  # object gone, or a bad step: go on
                    log.debug("scenario step %s skipped: %r", step.get("do"), e)
                except Exception as e:  # pragma: no cover
                    self.errors.append(f"{step.get('do')}: {e!r}")
                    log.exception("scenario step failed")
            if not tl.get("loop"):
                return
            iteration += 1
            # never spin, even at time_scale 0
            await asyncio.sleep(max(0.05, float(tl.get("pause", 0)) * self.sim.time_scale))

    async def _step(self, step: dict, refs: dict, iteration: int) -> None:
        do = step.get("do")
        if do == "wait_accepted":
            await self._wait(refs.get(step.get("ref", "")), float(step.get("timeout", 120)))
            return
        if do == "sleep":
            return
        if do not in ACTIONS:
            raise ValueError(f"unknown scenario action {do!r}")
        method, ref_arg = ACTIONS[do]
        args = dict(step.get("args", {}))
        cycle = step.get("cycle")
        if cycle:
            args.update(cycle[iteration % len(cycle)])
        if ref_arg:
            target = refs.get(step.get("ref", ""))
            if target is None:
                return
            args[ref_arg] = target
        result = getattr(self.sim, method)(**args)
        if step.get("as") and isinstance(result, str):
            refs[step["as"]] = result

    async def _wait(self, iid: str | None, timeout_s: float) -> None:
        """Wait (bounded, in scenario seconds) until the agent accepted the interaction."""
        if iid is None:
            return
        deadline = time.monotonic() + max(0.5, timeout_s * max(self.sim.time_scale, 0.01))
        world = self.sim.world
        while time.monotonic() < deadline:
            ix = world.interactions.get(iid)
            if ix is None or ix.phase in ("accepted", "ended"):
                return
            await asyncio.sleep(0.1)
