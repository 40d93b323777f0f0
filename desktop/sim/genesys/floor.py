"""The ``floor`` of the GWS simulator: many users changing state, and the statistics a
supervisor polls (README "Floor" and "Statistics").

GWS shows other users only through ``/users?subresources=*`` (L3620-3655) and the contact
center's figures only through ``/api/v1/stats`` (L5055-5204): there is no push for either. So
this module only changes the world; what a client sees is whatever it polls.

Per skill there are two statistics objects (an ``objectId`` is "the id of skill or queue",
L5201): the skill's own id carries the SKILL_AG agent counts and the SKILL_Q ServiceLevel
(L5414-5520), and one QUEUE object per skill carries the queue figures (L5293-5410).
Deterministic: the same seed gives the same users and the same sequence of changes.
"""

from __future__ import annotations

import random
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from .world import Agent, World

FIRST_NAMES = ["Alice", "Bruno", "Chiara", "Dmitri", "Elif", "Farid", "Greta", "Hiro", "Inès", "Jonas", "Kaja",
               "Luis", "Maëlle", "Nuno", "Olga", "Pål", "Quentin", "Rosa", "Søren", "Tomás", "Uma", "Viktor",
               "Wiebke", "Xavier", "Yara", "Zoë", "Ana", "Ben", "Clara", "David"]
LAST_NAMES = ["Andersson", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hansen", "Ivanova",
              "Jäger", "Kowalski", "López", "Müller", "Novak", "Olsen", "Petit", "Quinn", "Rossi", "Schmidt",
              "Tanaka", "Ünal", "Virtanen", "Weber", "Young", "Zimmermann"]
DEFAULT_SKILLS = ["Sales", "Support", "Billing", "VIP"]
NOT_READY_REASONS = ["Lunch", "Break", "Meeting", "Training"]  # the scenario's custom agentStates

# statistic names per object type, as statistics.yaml names them
QUEUE_STATISTICS = ("Total_Answered", "Total_Abandoned", "Current_In_Queue", "CurrMaxCallWaitingTime",
                    "ServiceLevel", "AverageWaitingTime")  # L5293-5410
SKILL_STATISTICS = ("CurrentNotReadyAgents", "CurrentReadyAgents", "CurrNumberInCall", "LongestIdleTime",
                    "AverageHandlingTime", "CurrentNumberLoggedInAgents", "ServiceLevel")  # L5414-5520, L5782


def _now_ms() -> int:
    return int(time.time() * 1000)


@dataclass
class SkillQueue:
    """One skill: its skill object, its QUEUE object and the customers waiting for it."""

    name: str
    skill_id: str
    queue_id: str
    waiting: deque = field(default_factory=deque)  # (arrived at, patience s), oldest first
    answered: int = 0
    answered_in_time: int = 0
    abandoned: int = 0
    total_wait_s: float = 0.0
    handled: int = 0
    total_handle_s: float = 0.0


class FloorSim:
    def __init__(self, world: World, spec: dict, agents: int, seed: int = 8):
        self.world = world
        self.rng = random.Random(seed)
        self.skill_names = list(spec.get("skills") or DEFAULT_SKILLS)
        self.service_level_s = float(spec.get("service_level_s", 20))   # answered within → in service level
        patience = spec.get("patience_s", [45, 180])
        self.patience_s = (float(patience[0]), float(patience[1]))
        self.arrival_share = float(spec.get("arrival_share", 0.45))      # chance a change also brings a caller
        self.max_waiting = int(spec.get("max_waiting", 30))
        self.values_as_text = bool(spec.get("values_as_text", False))    # stats values as JSON strings
        history = int(spec.get("history", 100))
        self.queues: dict[str, SkillQueue] = {}
        for name in self.skill_names:
            skill = world.skill(name)
            queue_id = str(uuid.uuid5(uuid.NAMESPACE_DNS, f"queue.{name}.gws-sim"))
            q = SkillQueue(name, skill["id"], queue_id)
            q.answered = self.rng.randint(40, 120)
            q.answered_in_time = int(q.answered * self.rng.uniform(0.75, 0.95))
            q.abandoned = self.rng.randint(1, 8)
            q.total_wait_s = q.answered * self.rng.uniform(8, 25)
            q.handled = q.answered
            q.total_handle_s = q.handled * self.rng.uniform(180, 320)
            self.queues[name] = q
        self.by_object: dict[str, tuple[str, SkillQueue]] = {}
        for q in self.queues.values():
            self.by_object[q.skill_id] = ("SKILL", q)
            self.by_object[q.queue_id] = ("QUEUE", q)
        self.history: dict[str, deque] = {oid: deque(maxlen=max(1, history)) for oid in self.by_object}
        self.agents: list[Agent] = []
        self._call_started: dict[str, float] = {}
        self.changes = 0
        self._populate(int(agents))

    # ---------------------------------------------------------------- users
    def _populate(self, n: int) -> None:
        rng = self.rng
        special = self.skill_names[-1] if len(self.skill_names) > 3 else None
        main = self.skill_names[:-1] if special is not None else self.skill_names
        for i in range(n):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            user_name = f"floor{i + 1:05d}@example.com"  # userName is the user's e-mail address (L3626)
            skills = rng.sample(main, k=min(len(main), rng.choice((1, 1, 2))))
            if special is not None and rng.random() < 0.15:
                skills.append(special)  # e.g. VIP: a few agents only
            ag = Agent(user_name=user_name, user_id=uuid.uuid5(uuid.NAMESPACE_DNS, f"user.{user_name}.gws-sim").hex,
                       first_name=first, last_name=last, phone=str(60000 + i + 1),
                       device_id=str(uuid.uuid5(uuid.NAMESPACE_DNS, f"device.{user_name}.gws-sim")),
                       roles=["ROLE_AGENT"], skills=skills)
            roll = rng.random()
            if roll < 0.45:
                us = {"state": "Ready"}
                ag.on_call = rng.random() < 0.45
            elif roll < 0.55:
                us = {"state": "NotReady", "workMode": "AfterCallWork"}
            elif roll < 0.92:
                us = {"state": "NotReady", "workMode": "AuxWork", "reason": rng.choice(NOT_READY_REASONS)}
            else:
                us = {"state": "Logout"}
            self.world.add_agent(ag, us)
            ag.state_since = time.time() - rng.uniform(0, 900)
            if ag.on_call:
                self._call_started[ag.user_name] = time.time() - rng.uniform(0, 300)
            self.agents.append(ag)

    def find(self, ref: str) -> Agent:
        ag = self.world.device_index.get(ref) or self.world.find_agent(ref)
        if ag is None:
            raise KeyError(ref)
        return ag

    def set_state(self, ref: str, state: str, reason: str | None = None, work_mode: str | None = None) -> None:
        """Driving method: put one user in a state (``Ready``, ``NotReady`` [+reason|workMode], ``Logout``)."""
        us: dict[str, Any] = {"state": state}
        if state == "NotReady":
            if reason:
                us["reason"] = reason
                us["workMode"] = work_mode or "AuxWork"
            elif work_mode:
                us["workMode"] = work_mode
        self.world.set_floor_state(self.find(ref), us)
        self.changes += 1

    def step(self, n: int = 1) -> int:
        """``n`` state changes of random floor users (and callers arriving); returns how many."""
        done = 0
        for _ in range(max(0, int(n))):
            if not self.agents:
                break
            if self.rng.random() < self.arrival_share:
                self._arrive(self.queues[self.rng.choice(self.skill_names)])
            self._change(self.rng.choice(self.agents))
            done += 1
        self.changes += done
        return done

    def _change(self, ag: Agent) -> None:
        rng, now = self.rng, time.time()
        voice = ag.channels["voice"]
        state, work_mode = voice.get("state"), voice.get("workMode")
        if state == "Logout":
            self.world.set_floor_state(ag, {"state": "NotReady"})  # a new session starts NotReady (L1374-1382)
        elif state == "Ready" and ag.on_call:
            self._end_call(ag, now)
            if rng.random() < 0.7:
                self.world.set_floor_state(ag, {"state": "NotReady", "workMode": "AfterCallWork"})
            else:
                ag.state_since = now
        elif state == "Ready":
            waiting = [self.queues[s] for s in ag.skills if s in self.queues and self.queues[s].waiting]
            if waiting or rng.random() < 0.5:
                self._start_call(ag, max(waiting, key=lambda q: now - q.waiting[0][0]) if waiting else None, now)
            else:
                self.world.set_floor_state(ag, {"state": "NotReady", "workMode": "AuxWork",
                                                "reason": rng.choice(NOT_READY_REASONS)})
        elif state == "NotReady" and work_mode == "AfterCallWork":
            self.world.set_floor_state(ag, {"state": "Ready"})
        elif rng.random() < 0.88:
            self.world.set_floor_state(ag, {"state": "Ready"})
        else:
            self.world.set_floor_state(ag, {"state": "Logout"})

    def _start_call(self, ag: Agent, q: SkillQueue | None, now: float) -> None:
        """The user's userState stays Ready during a call: GWS has no busy state (L1128-1133)."""
        if q is not None and q.waiting:
            arrived, _ = q.waiting.popleft()
            wait = now - arrived
            q.answered += 1
            q.total_wait_s += wait
            if wait <= self.service_level_s:
                q.answered_in_time += 1
        ag.on_call = True
        ag.state_since = now
        self._call_started[ag.user_name] = now

    def _end_call(self, ag: Agent, now: float) -> None:
        ag.on_call = False
        started = self._call_started.pop(ag.user_name, now)
        for name in ag.skills[:1]:
            q = self.queues.get(name)
            if q is not None:
                q.handled += 1
                q.total_handle_s += now - started

    def _arrive(self, q: SkillQueue) -> None:
        if len(q.waiting) < self.max_waiting:
            q.waiting.append((time.time(), self.rng.uniform(*self.patience_s)))

    def tick(self) -> None:
        """Callers who waited longer than their patience hang up (Total_Abandoned)."""
        now = time.time()
        for q in self.queues.values():
            kept = deque(w for w in q.waiting if now - w[0] <= w[1])
            q.abandoned += len(q.waiting) - len(kept)
            q.waiting = kept

    # ---------------------------------------------------------------- statistics
    def _agents_with(self, name: str):
        return (a for a in self.world.agents.values() if name in a.skills)

    def values(self, object_id: str) -> dict[str, float] | None:
        """The current statistic values of a statistics object, or None if it is unknown."""
        found = self.by_object.get(object_id)
        if found is None:
            return None
        kind, q = found
        now = time.time()
        decided = q.answered + q.abandoned
        service_level = round(100.0 * q.answered_in_time / decided, 1) if decided else 100.0
        if kind == "QUEUE":
            return {"Total_Answered": q.answered, "Total_Abandoned": q.abandoned,
                    "Current_In_Queue": len(q.waiting),
                    "CurrMaxCallWaitingTime": int(now - q.waiting[0][0]) if q.waiting else 0,
                    "ServiceLevel": service_level,
                    "AverageWaitingTime": round(q.total_wait_s / q.answered, 1) if q.answered else 0}
        ready = not_ready = in_call = logged_in = 0
        longest_idle = 0.0
        for a in self._agents_with(q.name):
            state = a.channels["voice"].get("state")
            if state == "Logout":
                continue
            logged_in += 1
            if a.on_call:
                in_call += 1
            elif state == "Ready":
                ready += 1  # WaitForNextCall (L5434-5440)
                longest_idle = max(longest_idle, now - a.state_since)
            elif a.channels["voice"].get("workMode") != "AfterCallWork":
                not_ready += 1  # NotReadyForNextCall (L5422-5428); after-call work is its own status
        return {"CurrentNotReadyAgents": not_ready, "CurrentReadyAgents": ready, "CurrNumberInCall": in_call,
                "LongestIdleTime": int(longest_idle), "CurrentNumberLoggedInAgents": logged_in,
                "AverageHandlingTime": round(q.total_handle_s / q.handled, 1) if q.handled else 0,
                "ServiceLevel": service_level}

    def _value(self, v: float) -> Any:
        return str(v) if self.values_as_text else v

    def current(self, object_id: str) -> dict | None:
        """``GET /api/v1/stats/{objectId}`` (shape L5073-5092), or None for an unknown object."""
        values = self.values(object_id)
        if values is None:
            return None
        at = _now_ms()
        return {"objectId": object_id, "statusCode": 0,
                "statistics": [{"statistic": k, "value": self._value(v), "time": at} for k, v in values.items()]}

    def sample(self) -> None:
        """Record every object's values (the PERIODICAL notification, every 10 s by default)."""
        at = _now_ms()
        for object_id in self.by_object:
            self.history[object_id].appendleft((at, self.values(object_id) or {}))

    def series(self, object_id: str, statistic: str, num_values: int, start: int | None, end: int | None) -> dict | None:
        """``GET /api/v1/stats/{objectId}/{statisticName}`` (shape L5128-5148: newest first).
        None when the object or the statistic is unknown."""
        values = self.values(object_id)
        if values is None or statistic not in values:
            return None
        samples = [(_now_ms(), values), *self.history[object_id]]
        points = [{"value": self._value(v[statistic]), "time": t} for t, v in samples if statistic in v
                  and (start is None or t >= start) and (end is None or t <= end)]
        return {"statusCode": 0, "objectId": object_id,
                "statistics": [{"statistic": statistic, "values": points[:max(1, num_values)]}]}

    def floor_queues(self) -> list[str]:
        """The ``floor_queues`` profile entries for these objects: ``<queueId>+<skillId>``."""
        return [f"{q.queue_id}+{q.skill_id}" for q in self.queues.values()]
