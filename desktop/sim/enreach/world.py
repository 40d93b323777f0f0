"""The simulated organization: users, queues, call lists, calls, callbacks, and the events
each change produces. Call sequences are the digest's inferred lifecycles (§2.5, "Inferred
call lifecycles"); R = vendor-docs/enreach-rte-signalr.md.
"""

from __future__ import annotations

import functools
import itertools
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

from . import catalogue as cat

NS = uuid.UUID("6f1d1f0e-3c5e-4b7a-9f55-7e6a9e1c0d21")  # stable ids across runs
NAMES = ["Aino Mäkelä", "Zoë Lindqvist", "Jürgen Öztürk", "Siobhán Ní Bhriain", "Łukasz Wróbel",
         "Åsa Nyström", "Chloé Dubois", "Mikko Häkkinen", "Renée O'Connor", "José Peña",
         "Noor Al-Hakim", "Björn Ekström", "Dương Thu", "Ingrid Sæther", "Tomás Ó Briain"]


@functools.lru_cache(maxsize=16384)
def stable_id(kind: str, name: str) -> str:
    return str(uuid.uuid5(NS, f"{kind}:{name}"))


@dataclass
class User:
    id: str
    email: str
    display: str
    number: str
    availability: str = "Available"
    availability_since: str = ""
    note: str = ""
    serving: bool = True
    fetch_mode: bool = False
    talking: bool = False
    talking_changed: str | None = None
    active_queue_id: str | None = None
    wrap_up_start: str | None = None
    wrap_up_end: str | None = None
    active_queues: int = 1
    login: bool = False
    queues: tuple[str, ...] | None = None  # the queues the user serves; None = every queue

    def status_fields(self) -> dict[str, Any]:
        """UserStatus (R:1075-1093). Available = AVA not DND/OffWork, Schedule = not OffWork,
        CanBeAllocatedTo = a best guess from the rest [inferred]."""
        available = self.availability not in ("DoNotDisturb", "OffWork")
        schedule = self.availability != "OffWork"
        can = (self.availability == "Available" and self.serving and not self.talking
               and self.wrap_up_end is None and not self.fetch_mode)
        return {"UserId": self.id, "CanBeAllocatedTo": can, "Talking": self.talking,
                "TalkingStatusChanged": self.talking_changed, "ActiveQueueId": self.active_queue_id,
                "Available": available, "Schedule": schedule, "Serving": self.serving, "ServiceTerminals": 1,
                "ActiveQueues": (len(self.queues) if self.queues is not None else self.active_queues)
                if self.serving else 0, "ParkedCalls": 0,
                "WrapUpStart": self.wrap_up_start, "WrapUpEnd": self.wrap_up_end, "ServingCallback": False,
                "FetchMode": self.fetch_mode}


@dataclass
class Queue:
    id: str
    name: str
    number: str
    counters: dict[str, int] = field(default_factory=lambda: {
        "NbrOfProviders": 0, "NbrOfRequesters": 0, "NbrOfServingAgentsEstimate": 0, "NbrOfAllocated": 0,
        "NbrOfConnected": 0, "NbrOfQueuingRequesters": 0, "NbrOfNotServedRequesters": 0,
        "NbrOfAgentsLongTermAway": 0, "NbrOfAgentsShortTermAway": 0, "NbrOfAgentsImmediatelyFree": 0,
        "NbrOfAgentsCheckedInQueue": 0, "NbrOfAgentsOnWrapUp": 0, "NbrOfAgentsOnFetchMode": 0,
        "MaxWaitTime": 0, "OpenStatus": 5})

    def fields(self) -> dict[str, Any]:
        return {"QueueId": self.id, "QueueName": self.name, **self.counters}


@dataclass
class CallList:
    id: str
    name: str


@dataclass
class Call:
    id: str
    leg_id: str
    agent_leg_id: str
    user_id: str | None
    queue_id: str | None
    caller_number: str
    caller_name: str | None
    target_number: str
    direction: str  # "in" | "out"
    state: str = "offered"  # offered, connected, ended, overflowed, transferred
    wrap_up: bool = False
    ever_connected: bool = False
    history: list[str] = field(default_factory=list)


class World:
    def __init__(self, *, organization_id: str, logins: list[tuple[str, str]], agents: int, queues: list[dict],
                 call_lists: list[dict], wrap_up_s: float, emit: Callable[[str, str, dict], int],
                 schedule: Callable[..., None], agent_queues: int | None = None) -> None:
        self.organization_id = organization_id
        self.emit = emit
        self.schedule = schedule
        self.wrap_up_s = float(wrap_up_s)
        self.users: dict[str, User] = {}
        self._leg = itertools.count(1001)
        for i, (uid, name) in enumerate(logins):
            display = "Demo Agent" if i == 0 else f"User {i + 1}"
            self.users[uid] = User(uid, f"{name}@example.com" if name else f"user{i + 1}@example.com",
                                   display, f"+35840100{i:04d}", login=True)
        for i in range(int(agents)):
            uid = stable_id("agent", str(i))
            if uid in self.users:
                continue
            display = NAMES[i % len(NAMES)] + ("" if i < len(NAMES) else f" {i // len(NAMES) + 1}")
            self.users[uid] = User(uid, f"agent{i:04d}@example.com", display, f"+35840200{i:04d}")
        self.floor_ids = [u for u, rec in self.users.items() if not rec.login]
        self.queues: dict[str, Queue] = {}
        for q in queues:
            qid = (q.get("id") or stable_id("queue", q["name"])).lower()
            self.queues[qid] = Queue(qid, q["name"], q.get("number", "+358101000000"))
        self.call_lists: dict[str, CallList] = {}
        for c in call_lists:
            cid = (c.get("id") or stable_id("calllist", c["name"])).lower()
            self.call_lists[cid] = CallList(cid, c["name"])
        if agent_queues:  # each floor agent serves ``agent_queues`` of the queues, in turn (ours)
            qids = list(self.queues)
            k = max(1, min(int(agent_queues), len(qids))) if qids else 0
            for i, uid in enumerate(self.floor_ids):
                self.users[uid].queues = tuple(qids[(i + j) % len(qids)] for j in range(k))
        self.calls: dict[str, Call] = {}
        self.callbacks: dict[str, dict] = {}
        self._agents_dirty = True
        self._recount_agents()

    # ------------------------------------------------------------------ lookups
    def kind(self, entity_id: str) -> str | None:
        low = entity_id.lower()
        if low in self.users:
            return "User"
        if low in self.queues:
            return "Queue"
        if low in self.call_lists:
            return "CallList"
        return None

    def user(self, user_id: str | None, default: str) -> User:
        uid = (user_id or default).lower()
        if uid not in self.users:
            raise KeyError(f"unknown user {user_id!r}")
        return self.users[uid]

    def queue(self, queue_id: str) -> Queue:
        if queue_id.lower() not in self.queues:
            raise KeyError(f"unknown queue {queue_id!r}")
        return self.queues[queue_id.lower()]

    def call(self, call_id: str) -> Call:
        if call_id not in self.calls:
            raise KeyError(f"unknown call {call_id!r}")
        return self.calls[call_id]

    # ------------------------------------------------------------------ event helpers
    def _call_fields(self, call: Call, user: User | None = None) -> dict[str, Any]:
        q = self.queues.get(call.queue_id or "")
        f: dict[str, Any] = {"CallId": call.id, "LegId": call.leg_id, "AgentLegId": call.agent_leg_id,
                             "CallerNumber": call.caller_number, "TargetNumber": call.target_number,
                             "TechSource": "Queue" if q else "User", "TechType": "Queue" if q else "User",
                             "TechNumber": q.number if q else call.target_number, "TechEvent": "Overflow"}
        if q is not None:
            f.update({"QueueId": q.id, "QueueName": q.name, "QueueNumber": q.number,
                      "TechQueueId": q.id, "TechQueueName": q.name})
        else:
            f.update({"QueueId": None, "QueueName": None, "TechQueueId": None, "TechQueueName": None})
        if user is not None:
            f.update({"UserId": user.id, "UserName": user.email, "UserNumber": user.number})
        return f

    def _user_event(self, name: str, user: User, fields: dict) -> int:
        return self.emit(name, user.id, fields)

    def _status(self, user: User) -> int:
        return self.emit("UserStatus", user.id, user.status_fields())

    def _queue_status(self, q: Queue) -> int:
        self._recount_agents()
        return self.emit("QueueStatus", q.id, q.fields())

    def _recount_agents(self) -> None:
        """Agent counters of every queue from the users serving in it (every user serves every
        queue unless the scenario gives floor agents ``agent_queues``). O(users): done lazily, when
        a QueueStatus is built after a user changed."""
        if not self._agents_dirty:
            return
        self._agents_dirty = False
        keys = ("providers", "free", "away_long", "away_short", "wrap")
        counts = {qid: dict.fromkeys(keys, 0) for qid in self.queues}
        every = tuple(self.queues)
        for u in self.users.values():
            long_away = u.availability in ("DoNotDisturb", "OffWork")
            free = (u.availability == "Available" and u.serving and not u.talking and u.wrap_up_end is None
                    and not u.fetch_mode)  # CanBeAllocatedTo, as status_fields()
            short_away = u.talking or u.availability in ("Busy", "BRB", "Away")
            wrap = u.wrap_up_end is not None
            for qid in (u.queues if u.queues is not None else every):
                c = counts.get(qid)
                if c is None:
                    continue
                c["providers"] += 1
                c["free"] += free
                c["away_long"] += long_away
                c["away_short"] += short_away
                c["wrap"] += wrap
        for qid, q in self.queues.items():
            n = counts[qid]
            q.counters.update({"NbrOfProviders": n["providers"], "NbrOfAgentsCheckedInQueue": n["providers"],
                               "NbrOfAgentsImmediatelyFree": n["free"], "NbrOfAgentsLongTermAway": n["away_long"],
                               "NbrOfAgentsShortTermAway": n["away_short"], "NbrOfAgentsOnWrapUp": n["wrap"],
                               "NbrOfServingAgentsEstimate": n["providers"] - n["away_long"]})

    def _set_talking(self, user: User, talking: bool, queue_id: str | None) -> None:
        if user.talking != talking:
            user.talking = talking
            user.talking_changed = cat.local_time()
        user.active_queue_id = queue_id if talking else None
        self._agents_dirty = True
        self._status(user)

    def _queue_delta(self, q: Queue | None, **delta: int) -> None:
        if q is None:
            return
        for key, d in delta.items():
            q.counters[key] = max(0, q.counters[key] + d)
        self._agents_dirty = True
        self._queue_status(q)

    # ------------------------------------------------------------------ calls
    def call_offered(self, user: User, queue_id: str | None, caller_number: str, caller_name: str | None,
                     target_number: str | None) -> str:
        q = self.queue(queue_id) if queue_id else None
        call = Call(str(uuid.uuid4()), f"{next(self._leg):08x}-in", f"{next(self._leg):08x}-agent", user.id,
                    q.id if q else None, caller_number, caller_name,
                    target_number or (q.number if q else user.number), "in",
                    wrap_up=bool(q) and self.wrap_up_s > 0)
        self.calls[call.id] = call
        f = self._call_fields(call, user)
        if q is not None:  # QueueCallInComing -> QueueCallInArrived -> UserCallInUserAllocated
            self.emit("QueueCallInComing", q.id, f)
            self.emit("QueueCallInArrived", q.id, f)
            self._queue_delta(q, NbrOfRequesters=1, NbrOfQueuingRequesters=1, NbrOfNotServedRequesters=1,
                              NbrOfAllocated=1)
        else:  # direct call: UserCallInComing -> UserCallInArrived -> UserCallInUserAllocated
            self._user_event("UserCallInComing", user, f)
            self._user_event("UserCallInArrived", user, f)
        self._user_event("UserCallInUserAllocated", user, {**f, "DetailedReason": "Allocated"})
        call.history.append("offered")
        self._set_talking(user, True, call.queue_id)  # R:1089: talking before connected
        return call.id

    def call_connected(self, call_id: str) -> None:
        call = self.call(call_id)
        if call.state != "offered" or call.user_id is None:
            raise ValueError(f"call {call_id} is {call.state}, not offered")
        user = self.users[call.user_id]
        q = self.queues.get(call.queue_id or "")
        call.state, call.ever_connected = "connected", True
        call.history.append("connected")
        f = self._call_fields(call, user)
        self._user_event("UserCallInUserConnected", user, f)
        self._queue_delta(q, NbrOfQueuingRequesters=-1, NbrOfNotServedRequesters=-1, NbrOfAllocated=-1,
                          NbrOfConnected=1)
        if call.wrap_up:  # R:1157: after a service call connects
            self._user_event("UserWrapUpEnabled", user, {**f, "MaxWrapUpDurationSec": int(self.wrap_up_s)})

    def call_outbound(self, user: User, target_number: str) -> str:
        call = Call(str(uuid.uuid4()), f"{next(self._leg):08x}-out", f"{next(self._leg):08x}-agent", user.id, None,
                    user.number, None, target_number, "out", state="connected", ever_connected=True)
        self.calls[call.id] = call
        self._user_event("UserCallOutConnected", user, self._call_fields(call, user))
        call.history.append("connected")
        self._set_talking(user, True, None)
        return call.id

    def call_transferred(self, call_id: str, to: str, outcome: str = "connected") -> None:
        call = self.call(call_id)
        if call.state not in ("offered", "connected") or call.user_id is None:
            raise ValueError(f"call {call_id} is {call.state}")
        user = self.users[call.user_id]
        q = self.queues.get(call.queue_id or "")
        f = {**self._call_fields(call, user), "TransferTarget": to, "TransferSource": user.id,
             "ConnectedTarget": to, "TransferApplet": "UserTransfer"}
        self._user_event("UserCallInTransferStarted", user, f)
        if q is not None:
            self.emit("QueueCallInTransferStarted", q.id, f)
        if outcome == "cancelled":
            f = {**f, "Reason": "Cancelled", "DetailedReason": "Transfer target did not answer"}
            self._user_event("UserCallInTransferCancelled", user, f)
            if q is not None:
                self.emit("QueueCallInTransferCancelled", q.id, f)
            call.history.append("transfer-cancelled")
            return
        self._user_event("UserCallInTransferConnected", user, f)
        if q is not None:
            self.emit("QueueCallInTransferConnected", q.id, f)
        call.history.append(f"transferred:{to}")
        self._set_talking(user, False, None)
        target = self.users.get(to.lower()) if isinstance(to, str) else None
        if target is None:
            call.state, call.user_id = "transferred", None
            self._queue_delta(q, NbrOfRequesters=-1,
                              **({"NbrOfConnected": -1} if call.ever_connected else
                                 {"NbrOfQueuingRequesters": -1, "NbrOfNotServedRequesters": -1,
                                  "NbrOfAllocated": -1}))
            return
        # transferred to another user of the organization: offered and connected there
        call.user_id, call.state = target.id, "connected"
        tf = self._call_fields(call, target)
        self._user_event("UserCallInUserAllocated", target, {**tf, "DetailedReason": "Transfer"})
        self._user_event("UserCallInUserConnected", target, tf)
        self._set_talking(target, True, call.queue_id)

    def call_overflowed(self, call_id: str, reason: str = "NoAnswer", target: str | None = None) -> None:
        call = self.call(call_id)
        if call.state != "offered" or call.user_id is None:
            raise ValueError(f"call {call_id} is {call.state}, not offered")
        user = self.users[call.user_id]
        q = self.queues.get(call.queue_id or "")
        f = {**self._call_fields(call, user), "Reason": reason, "DetailedReason": reason,
             "Target": target or "voicemail", "ConnectedTarget": target or "voicemail",
             "OverflowApplet": "QueueOverflowDefault" if q else "UserTransferAll"}
        self._user_event("UserCallInUserCancelled", user, f)  # the offer is withdrawn
        if q is not None:
            self.emit("QueueCallInOverflow", q.id, f)
            self._queue_delta(q, NbrOfRequesters=-1, NbrOfQueuingRequesters=-1, NbrOfNotServedRequesters=-1,
                              NbrOfAllocated=-1)
        else:
            self._user_event("UserCallInUserOverflow", user, f)  # R:931 reasons
            self._user_event("UserCallInOverflow", user, f)
        call.state = "overflowed"
        call.history.append(f"overflowed:{reason}")
        self._set_talking(user, False, None)

    def call_disconnected(self, call_id: str, reason: str = "remote", tech_reason: str | None = None) -> None:
        call = self.call(call_id)
        if call.state not in ("offered", "connected"):
            raise ValueError(f"call {call_id} is {call.state}")
        user = self.users.get(call.user_id or "")
        q = self.queues.get(call.queue_id or "")
        f = {**self._call_fields(call, user), "Reason": reason,
             "TechReason": tech_reason or ("normal_clearing" if call.ever_connected else "caller_abandoned")}
        if call.direction == "out" and user is not None:
            self._user_event("UserCallOutDisconnected", user, f)
        else:
            if user is not None:
                self._user_event("UserCallInDisconnected", user, f)
            if q is not None:
                self.emit("QueueCallInDisconnected", q.id, f)
        if q is not None:
            if call.ever_connected:
                self._queue_delta(q, NbrOfRequesters=-1, NbrOfConnected=-1)
            else:
                self._queue_delta(q, NbrOfRequesters=-1, NbrOfQueuingRequesters=-1, NbrOfNotServedRequesters=-1,
                                  NbrOfAllocated=-1)
        call.state = "ended"
        call.history.append(f"disconnected:{reason}")
        if user is None:
            return
        if call.wrap_up and call.ever_connected:  # R:1190: wrap-up starts when the call disconnects
            user.talking = False
            user.talking_changed = cat.local_time()
            user.active_queue_id = None
            self.wrap_up(user, call, "started")
            self.schedule(self.wrap_up_s, self._wrap_timer, user.id, call.id)
        else:
            self._set_talking(user, False, None)

    def _wrap_timer(self, user_id: str, call_id: str) -> None:
        user = self.users.get(user_id)
        call = self.calls.get(call_id)
        if user is not None and call is not None and "wrap:started" in call.history \
                and "wrap:terminated" not in call.history:
            self.wrap_up(user, call, "terminated", reason="timer")

    def wrap_up(self, user: User, call: Call | None, phase: str = "started", *, max_s: float | None = None,
                reason: str = "manual", elapsed_s: float | None = None, queue_id: str | None = None) -> None:
        """UserWrapUpEnabled / UserWrapUpStarted / UserWrapUpTerminated (R:1136-1231)."""
        phase = phase.lower()
        max_s = self.wrap_up_s if max_s is None else float(max_s)
        f: dict[str, Any] = {"UserId": user.id, "MaxWrapUpDurationSec": int(max_s)}
        if call is not None:
            f.update(self._call_fields(call, user))
        else:
            f.update({"CallId": None, "LegId": None})
        if queue_id:
            f["QueueId"] = queue_id
        if phase == "enabled":
            self._user_event("UserWrapUpEnabled", user, f)
        elif phase == "started":
            user.wrap_up_start = cat.local_time()
            user.wrap_up_end = cat.local_time(cat.ago(-max_s))
            self._user_event("UserWrapUpStarted", user, f)
            self._agents_dirty = True
            self._status(user)
        elif phase == "terminated":
            started = user.wrap_up_start
            user.wrap_up_start = user.wrap_up_end = None
            if elapsed_s is None:
                elapsed_s = max_s if reason == "timer" else 0
                if started and reason != "timer":
                    from datetime import datetime, timezone
                    t0 = datetime.fromisoformat(started).replace(tzinfo=timezone.utc)
                    elapsed_s = (datetime.now(timezone.utc) - t0).total_seconds()
            self._user_event("UserWrapUpTerminated", user, {**f, "Reason": reason, "ElapsedTimeSec": int(elapsed_s)})
            self._agents_dirty = True
            self._status(user)
        else:
            raise ValueError("phase must be enabled, started or terminated")
        if call is not None:
            call.history.append(f"wrap:{phase}")

    # ------------------------------------------------------------------ users
    def availability(self, user: User, state: str, note: str = "", end_time: str | None = None,
                     transfer_number: str | None = None, event_source: str = "User") -> None:
        canonical = {a.lower(): a for a in cat.AVAILABILITIES}.get(str(state).lower())
        if canonical is None:
            raise ValueError(f"availability must be one of {', '.join(cat.AVAILABILITIES)} (R:429)")
        before = user.status_fields()
        user.availability, user.note = canonical, note or ""
        user.availability_since = cat.local_time()
        self._user_event("UserAvailability", user, {
            "UserId": user.id, "UserName": user.email, "ProfileId": stable_id("profile", canonical),
            "Availability": canonical, "StartTime": user.availability_since, "EndTime": end_time or cat.DATETIME_MAX,
            "Note": user.note, "EventSource": event_source, "TransferNumber": transfer_number or ""})
        if user.status_fields() != before:  # R:1557-style: status sent when it changed
            self._agents_dirty = True
            self._status(user)

    def user_status(self, user: User, **changes: Any) -> None:
        mapping = {"serving": "serving", "fetch_mode": "fetch_mode", "talking": "talking",
                   "active_queues": "active_queues"}
        for key, value in changes.items():
            if key not in mapping:
                raise ValueError(f"unknown status field {key!r}")
            setattr(user, mapping[key], value)
            if key == "talking":
                user.talking_changed = cat.local_time()
        self._agents_dirty = True
        self._status(user)

    # ------------------------------------------------------------------ queues, callbacks, alerts
    def queue_status(self, q: Queue, waiting: int | None = None, longest_wait_s: int | None = None,
                     open_status: int | None = None, **counters: Any) -> None:
        if waiting is not None:
            delta = int(waiting) - q.counters["NbrOfQueuingRequesters"]
            q.counters["NbrOfQueuingRequesters"] = int(waiting)
            q.counters["NbrOfRequesters"] = max(0, q.counters["NbrOfRequesters"] + delta)
            q.counters["NbrOfNotServedRequesters"] = max(0, q.counters["NbrOfNotServedRequesters"] + delta)
        if longest_wait_s is not None:
            q.counters["MaxWaitTime"] = int(longest_wait_s)
        if open_status is not None:
            q.counters["OpenStatus"] = int(open_status)
        lower = {k.lower(): k for k in q.counters}
        for key, value in counters.items():
            k = lower.get(key.lower())
            if k is None:
                raise ValueError(f"unknown QueueStatus counter {key!r} (R:1559-1577)")
            q.counters[k] = int(value)
        self._queue_status(q)

    def callback_changed(self, list_id: str, callback_id: str | None = None, *, contact_number: str = "+358401234567",
                         contact_name: str = "", contact_message: str = "", note: str = "", closed: bool = False,
                         assigned_user_id: str | None = None, type_id: int = 1, queue_id: str | None = None,
                         due_date: str | None = None) -> str:
        if list_id.lower() not in self.call_lists:
            raise KeyError(f"unknown call list {list_id!r}")
        created = callback_id is None or callback_id not in self.callbacks
        cb_id = callback_id or str(uuid.uuid4())
        prior = self.callbacks.get(cb_id, {})
        now = cat.local_time()
        item = {"CallBackId": cb_id, "CallListId": self.call_lists[list_id.lower()].id, "Modified": now,
                "AssignedUserId": assigned_user_id, "ContactName": contact_name or prior.get("ContactName", ""),
                "ContactNumber": contact_number, "ContactMessage": contact_message, "Note": note,
                "QueueId": queue_id, "ChannelIn": self.call_lists[list_id.lower()].name,
                "CreationTime": prior.get("CreationTime", now), "Created": created, "IsClosed": bool(closed),
                "TypeId": int(type_id), "DueDate": due_date, "LastAttemptNote": "", "CalculatedPriority": "Normal",
                "CallbackAttempts": [], "CallbackExtras": [], "CallbackRelatedItems": []}
        self.callbacks[cb_id] = item
        self.emit("CallbackChanged", item["CallListId"], item)
        return cb_id

    def user_alert(self, user: User, text: str, condition_value: str = "", condition_expression: str = "",
                   value: str = "") -> str:
        alert_id = str(uuid.uuid4())
        self._user_event("UserAlert", user, {"AlertId": alert_id, "UserId": user.id, "ConditionName": text,
                                             "ConditionValue": condition_value,
                                             "ConditionExpression": condition_expression, "Value": value})
        return alert_id

    def supervision(self, name: str, supervisor: User, target: User, call: Call | None, extra: dict) -> None:
        """UserCallAvailableForMonitoring / UserSupervisionStatus on the supervisor's entity."""
        f: dict[str, Any] = {"TargetUserId": target.id, "TargetUserName": target.email,
                             "SupervisorUserId": supervisor.id, "SupervisorUserName": supervisor.email,
                             "SupervisorTerminalNumber": supervisor.number,
                             "SupervisionCallInNumber": "+358101009999", "SupervisorLegId": None}
        if call is not None:
            q = self.queues.get(call.queue_id or "")
            f.update({"CallId": call.id, "LegId": call.leg_id, "AgentLegId": call.agent_leg_id,
                      "CallerNumber": call.caller_number, "QueueId": q.id if q else None,
                      "QueueName": q.name if q else None,
                      "CallType": "servicecall" if q else ("callout" if call.direction == "out" else "directcall"),
                      "ConnectedToAgentTime": cat.local_time()})
        f.update(extra)
        self.emit(name, supervisor.id, f)

    def user_setting(self, user: User, keyword: str, value: str | None, deleted: bool = False) -> None:
        self._user_event("UserSetting", user, {"UserId": user.id, "Keyword": keyword, "Value": value,
                                               "Deleted": bool(deleted)})

    # ------------------------------------------------------------------ truth
    def truth(self) -> dict:
        return {
            "organizationId": self.organization_id,
            "users": {u.id: {"name": u.email, "display": u.display, "availability": u.availability,
                             "note": u.note, "login": u.login, "status": u.status_fields(),
                             "queues": list(u.queues) if u.queues is not None else list(self.queues)}
                      for u in self.users.values()},
            "userCount": len(self.users),
            "queues": {q.id: {"name": q.name, "number": q.number, **q.counters} for q in self.queues.values()},
            "callLists": {c.id: {"name": c.name} for c in self.call_lists.values()},
            "calls": {c.id: {"user": c.user_id, "queue": c.queue_id, "state": c.state, "direction": c.direction,
                             "callerNumber": c.caller_number, "callerName": c.caller_name,
                             "targetNumber": c.target_number, "legId": c.leg_id, "history": list(c.history)}
                      for c in self.calls.values()},
            "callbacks": dict(self.callbacks),
        }
