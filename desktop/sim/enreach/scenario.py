"""Scenario activity for the Enreach simulator: built-in generators and explicit timelines.

A scenario file (``scenarios/*.json`` or any path) may hold, besides the organization
(``agents``, ``queues``, ``call_lists``, ``users``, ``agent_queues``) and options (``payload_case``,
``snapshot_on_subscribe``, ``wrap_up_s``, ``seed``, ``initial_availability: "mixed"``)::

    "activities": [
      {"kind": "calls", "every_s": 8, "ring_s": 3, "talk_s": 15, "overflow_every": 5,
       "transfer_every": 4, "callers": [{"number": "+35840...", "name": "Aino"}]},
                                                                  # to the demo user, via the queues in turn
      {"kind": "colleague_calls", "every_s": 12, "users": 50, "monitoring": true, "monitoring_share": 1.0,
       "talk_jitter": false},
                                                                  # floor agents' queue calls (each to an
                                                                  # agent who is Available and not talking,
                                                                  # via one of its queues), a share of them
                                                                  # offered for monitoring; "users" absent =
                                                                  # every floor agent
      {"kind": "availability", "every_s": 1.5, "users": 50},      # random floor agents change availability
      {"kind": "queue_status", "every_s": 5, "around": 4},        # waiting counts random-walk (towards 4)
      {"kind": "callbacks", "every_s": 40},
      {"kind": "alerts", "every_s": 90, "texts": ["..."]},        # or "queues": true: about the queue with
                                                                  # the most callers waiting, real figures
      {"kind": "floor", "rate": 500, "talking": true}             # events/s over all floor agents; "talking":
                                                                  # false = availability changes only, and
                                                                  # never for an agent on a call
    ],
    "timelines": [
      {"loop": false, "steps": [
        {"after": 1, "do": "call_offered", "args": {"caller_number": "+358..."}, "as": "c"},
        {"after": 2, "do": "call_connected", "ref": "c"},
        {"after": 5, "do": "call_disconnected", "ref": "c", "args": {"reason": "local"}}]}]

``agent_queues: k`` (an organization option) makes each floor agent serve k of the queues (in
turn) instead of every queue: QueueStatus agent counters and the calls' queues follow it.

Every delay is in scenario seconds, multiplied by the simulator's ``time_scale`` (with a floor
of 10 ms so a scale of 0 never spins). ``ref`` passes an id named by ``as`` as the step's first
argument. Steps on calls that already ended are skipped.
"""

from __future__ import annotations

import asyncio
import logging
import random
from typing import TYPE_CHECKING, Any

from . import catalogue as cat

if TYPE_CHECKING:  # pragma: no cover
    from .server import EnreachSimulator

log = logging.getLogger("desktop.sim.enreach.scenario")

STEP_ACTIONS = {"call_offered", "call_connected", "call_transferred", "call_overflowed", "call_disconnected",
                "call_outbound", "availability", "wrap_up", "queue_status", "callback_changed", "user_alert",
                "monitoring_available", "supervision_status", "user_setting", "emit"}
DEFAULT_CALLERS = [{"number": "+358401234567", "name": "Aino Mäkelä"}, {"number": "+46701234567", "name": "Åsa Nyström"},
                   {"number": "+4915112345678", "name": "Jürgen Öztürk"}, {"number": "+33612345678", "name": "Chloé Dubois"},
                   {"number": "+353871234567", "name": "Siobhán Ní Bhriain"}]
ALERT_TEXTS = ["Support: more than 5 callers waiting", "Sales: longest wait over 2 minutes",
               "Billing: service level under 80 %"]
# weights of the availability states a floor agent moves to (R:429)
AVAILABILITY_WEIGHTS = [("Available", 6), ("Busy", 2), ("BRB", 1), ("Away", 1), ("DoNotDisturb", 1), ("OffWork", 1)]


class ScenarioRunner:
    def __init__(self, sim: "EnreachSimulator", spec: dict, event_rate: float | None) -> None:
        self.sim = sim
        self.spec = spec
        self.event_rate = event_rate
        self.rng = random.Random(spec.get("seed", 7))
        self._tasks: set[asyncio.Task] = set()
        self.errors: list[str] = []
        self.calls_started = 0

    def start(self) -> None:
        if self.spec.get("initial_availability") == "mixed":
            self._mix_availability()
        for i, act in enumerate(self.spec.get("activities", [])):
            kind = act.get("kind")
            fn = getattr(self, f"_act_{kind}", None)
            if fn is None:
                raise ValueError(f"unknown scenario activity {kind!r}")
            self._spawn(fn(act), f"enreach-sim-{kind}-{i}")
        for i, tl in enumerate(self.spec.get("timelines", [])):
            self._spawn(self._timeline(tl), f"enreach-sim-timeline-{i}")

    def _spawn(self, coro, name: str) -> None:
        task = asyncio.get_running_loop().create_task(self._guard(coro), name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _guard(self, coro) -> None:
        try:
            await coro
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # pragma: no cover - recorded, never kills the loop
            self.errors.append(repr(exc))
            log.exception("scenario activity failed")

    async def stop(self) -> None:
        tasks = list(self._tasks)
        for t in tasks:
            t.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.01, float(seconds) * self.sim.time_scale))

    # ------------------------------------------------------------------ activities
    async def _act_calls(self, act: dict) -> None:
        callers = act.get("callers") or DEFAULT_CALLERS
        queues = list(self.sim.world.queues) if act.get("via_queues", True) else []
        n = 0
        await self.sleep(act.get("first_after_s", 2))
        while True:
            caller = callers[n % len(callers)]
            queue_id = queues[n % len(queues)] if queues else None
            n += 1
            self.calls_started += 1
            overflow = act.get("overflow_every") and n % int(act["overflow_every"]) == 0
            transfer = act.get("transfer_every") and n % int(act["transfer_every"]) == 0
            self._spawn(self._one_call(act, caller, queue_id, bool(overflow), bool(transfer)), f"enreach-sim-call-{n}")
            await self.sleep(float(act.get("every_s", 8)) * self.rng.uniform(0.7, 1.3))

    async def _one_call(self, act: dict, caller: dict, queue_id: str | None, overflow: bool, transfer: bool) -> None:
        sim = self.sim
        call_id = sim.call_offered(user_id=act.get("user_id"), queue_id=queue_id, caller_number=caller["number"],
                                   caller_name=caller.get("name"))
        await self.sleep(act.get("ring_s", 3))
        if sim.world.calls[call_id].state != "offered":
            return
        if overflow:
            sim.call_overflowed(call_id, reason="NoAnswer")
            return
        sim.call_connected(call_id)
        if act.get("monitoring") and act.get("user_id") and act.get("supervisor_id", "") != act.get("user_id") \
                and self.rng.random() < float(act.get("monitoring_share", 1.0)):
            sim.monitoring_available(supervisor_id=act.get("supervisor_id"), call_id=call_id)
        await self.sleep(act.get("talk_s", 15))
        if sim.world.calls[call_id].state != "connected":
            return
        if transfer and sim.world.floor_ids:
            sim.call_transferred(call_id, to=self.rng.choice(sim.world.floor_ids))
            await self.sleep(act.get("talk_s", 15))
            if sim.world.calls[call_id].state == "connected":
                sim.call_disconnected(call_id, reason="remote")
            return
        sim.call_disconnected(call_id, reason=self.rng.choice(["remote", "remote", "local"]))

    async def _act_colleague_calls(self, act: dict) -> None:
        """Queue calls to random floor agents who can take one (Available, not talking, not in
        wrap-up; a few tries per call); each connected one is offered to the demo user (the
        supervisor) for monitoring (UserCallAvailableForMonitoring) with ``monitoring_share``."""
        limit = act.get("users")
        ids = self.sim.world.floor_ids if limit is None else self.sim.world.floor_ids[: int(limit)]
        queues = list(self.sim.world.queues)
        if not ids:
            return
        users = self.sim.world.users
        n = 0
        while True:
            await self.sleep(float(act.get("every_s", 12)) * self.rng.uniform(0.7, 1.3))
            caller = DEFAULT_CALLERS[n % len(DEFAULT_CALLERS)]
            n += 1
            agent = None
            for _ in range(20):
                uid = ids[self.rng.randrange(len(ids))]
                user = users[uid]
                if not user.talking and user.wrap_up_end is None and user.availability == "Available":
                    agent = uid
                    break
            if agent is None:
                continue
            served = users[agent].queues or queues
            queue_id = served[self.rng.randrange(len(served))] if served else None
            sub = {**act, "user_id": agent, "monitoring": act.get("monitoring", True), "supervisor_id": None}
            if act.get("talk_jitter"):
                sub["talk_s"] = float(act.get("talk_s", 15)) * self.rng.uniform(0.5, 1.5)
            self._spawn(self._one_call(sub, caller, queue_id, False, False), f"enreach-sim-colleague-call-{n}")

    def _mix_availability(self) -> None:
        """``initial_availability: "mixed"``: floor agents start in random states (the weights
        below), each since a random time in the last hour, without events: a subscriber sees them
        in the snapshots (``snapshot_on_subscribe``) or the next change."""
        states = [s for s, _ in AVAILABILITY_WEIGHTS]
        weights = [w for _, w in AVAILABILITY_WEIGHTS]
        for uid in self.sim.world.floor_ids:
            user = self.sim.world.users[uid]
            user.availability = self.rng.choices(states, weights)[0]
            user.availability_since = cat.local_time(cat.ago(self.rng.uniform(0, 3600)))
        self.sim.world._agents_dirty = True  # noqa: SLF001

    def _random_state(self, current: str) -> str:
        states = [s for s, _ in AVAILABILITY_WEIGHTS if s != current]
        weights = [w for s, w in AVAILABILITY_WEIGHTS if s != current]
        return self.rng.choices(states, weights)[0]

    async def _act_availability(self, act: dict) -> None:
        ids = self.sim.world.floor_ids[: int(act.get("users", 50))]
        if not ids:
            return
        while True:
            await self.sleep(float(act.get("every_s", 1.5)) * self.rng.uniform(0.5, 1.5))
            uid = self.rng.choice(ids)
            user = self.sim.world.users[uid]
            self.sim.availability(uid, self._random_state(user.availability))

    async def _act_queue_status(self, act: dict) -> None:
        """Every ``every_s``: each queue's waiting count moves by -1/0/+1 (drawn towards ``around``
        when given) and a QueueStatus goes out."""
        around = act.get("around")
        while True:
            await self.sleep(float(act.get("every_s", 5)))
            for qid, q in self.sim.world.queues.items():
                now = q.counters["NbrOfQueuingRequesters"]
                steps = [-1, 0, 0, 1]
                if around is not None:
                    steps = [-1, -1, 0, 1] if now > float(around) else [-1, 0, 1, 1]
                waiting = max(0, now + self.rng.choice(steps))
                self.sim.queue_status(qid, waiting=waiting,
                                      longest_wait_s=self.rng.randint(5, 180) if waiting else 0)

    async def _act_callbacks(self, act: dict) -> None:
        lists = list(self.sim.world.call_lists)
        if not lists:
            return
        open_items: list[tuple[str, str]] = []
        while True:
            await self.sleep(float(act.get("every_s", 40)))
            if open_items and self.rng.random() < 0.4:
                list_id, cb = open_items.pop(0)
                self.sim.callback_changed(list_id, callback_id=cb, closed=True, note="Called back")
            else:
                caller = self.rng.choice(DEFAULT_CALLERS)
                list_id = self.rng.choice(lists)
                cb = self.sim.callback_changed(list_id, contact_number=caller["number"], contact_name=caller["name"],
                                               contact_message="Please call me back")
                open_items.append((list_id, cb))

    async def _act_alerts(self, act: dict) -> None:
        """UserAlert to the demo user: the ``texts`` in turn, or (``queues``) about the queue with
        the most callers waiting, with its real figure (ConditionValue = ``threshold``)."""
        texts = act.get("texts") or ALERT_TEXTS
        n = 0
        while True:
            await self.sleep(float(act.get("every_s", 90)))
            if act.get("queues") and self.sim.world.queues:
                q = max(self.sim.world.queues.values(), key=lambda x: x.counters["NbrOfQueuingRequesters"])
                threshold = int(act.get("threshold", 3))
                if q.counters["NbrOfQueuingRequesters"] > threshold:  # the condition holds: it triggers
                    self.sim.user_alert(None, f"{q.name}: callers waiting", condition_expression=">",
                                        condition_value=str(threshold),
                                        value=str(q.counters["NbrOfQueuingRequesters"]))
            else:
                self.sim.user_alert(None, texts[n % len(texts)])
            n += 1

    async def _act_floor(self, act: dict) -> None:
        """``rate`` events/s (``event_rate`` overrides) over every floor agent: availability
        changes and talking on/off (UserStatus), in ticks of 50 ms."""
        rate = float(self.event_rate if self.event_rate is not None else act.get("rate", 200))
        ids = self.sim.world.floor_ids
        if rate <= 0 or not ids:
            return
        tick = 0.05
        credit = 0.0
        loop = asyncio.get_running_loop()
        last = loop.time()
        while True:
            await asyncio.sleep(tick)
            now = loop.time()
            credit += rate * (now - last)
            last = now
            n = int(credit)
            credit -= n
            talking = act.get("talking", True)
            for _ in range(n):
                uid = ids[self.rng.randrange(len(ids))]
                user = self.sim.world.users[uid]
                if not talking:
                    if not user.talking:  # an agent on a call keeps its state
                        self.sim.availability(uid, self._random_state(user.availability))
                elif self.rng.random() < 0.5:
                    self.sim.availability(uid, self._random_state(user.availability))
                else:
                    self.sim.world.user_status(user, talking=not user.talking)

    # ------------------------------------------------------------------ timelines
    async def _timeline(self, tl: dict) -> None:
        while True:
            refs: dict[str, Any] = {}
            for step in tl.get("steps", []):
                await self.sleep(float(step.get("after", 0)))
                do = step.get("do")
                if do not in STEP_ACTIONS:
                    raise ValueError(f"unknown scenario action {do!r}")
                args = dict(step.get("args", {}))
                if "ref" in step:
                    if step["ref"] not in refs:
                        continue
                    first = "call_id" if do.startswith("call_") or do == "monitoring_available" else "user_id"
                    args[first] = refs[step["ref"]]
                try:
                    result = getattr(self.sim, do)(**args)
                except (KeyError, ValueError) as exc:  # the call ended already, or a bad step: go on
                    log.debug("scenario step %s skipped: %r", do, exc)
                    continue
                if step.get("as") and isinstance(result, str):
                    refs[step["as"]] = result
            if not tl.get("loop"):
                return
            await self.sleep(float(tl.get("pause", 1)))


def validate_event_rate(value: Any) -> float | None:
    if value is None:
        return None
    rate = float(value)
    if rate < 0:
        raise ValueError("event_rate must be >= 0")
    return rate


__all__ = ["ScenarioRunner", "STEP_ACTIONS"]
