"""The GWS supervisor floor, polled: GWS pushes only the agent's own events (DESIGN.md), and the
reference documents no statistics or users topic (digest §3.12: "A stats CometD topic is NOT IN
SOURCE"), so other agents and the queues are read over REST once a period.

Each period: one ``GET /api/v2/users?subresources=*`` (every user with devices and skills,
L3642-3646) → an ``AgentChanged(is_self=False)`` for every other user whose fields changed, and
``logged_out`` for users gone from the listing; then ``GET /api/v1/stats/{objectId}`` (L5063-5093)
for each configured statistics object, at most ``concurrency`` requests in flight → a
``QueueChanged`` per configured queue whose figures changed. The period defaults to the
statistics' documented PERIODICAL 10 s notification frequency (e.g. L5169-5170, L5301-5302). Every
event of a poll carries the poll's time in ``at``; ``last_poll_at`` and ``period_s`` say when the
floor was last read, for the "polled every 10 s, last at hh:mm:ss" label.

A failed read (HTTP error, timeout, refusal, unreadable answer) is logged and retried next
period; only AuthError (HTTP 401/403) escapes, as everywhere else.
"""
from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, Callable, Iterable, Mapping
from urllib.parse import quote

from ...core.errors import AuthError, CtiError
from ...core.events import AgentChanged, Event, QueueChanged
from ...core.vocabulary import AgentState
from . import floor_mapper, mapper
from .client import GwsRest
from .floor_mapper import FloorQueue

log = logging.getLogger(__name__)

DOCUMENTED_PERIOD_S = 10.0  # notificationFrequency: 10, notificationMode: PERIODICAL (L5301-5302)
CHUNK = 500  # users mapped between two yields to the event loop
_GONE = {"state": AgentState.LOGGED_OUT, "capabilities": frozenset(), "monitored": None}


class FloorPoller:
    def __init__(self, rest: GwsRest, *, apply: Callable[[list[Event]], None], self_id: Callable[[], str | None],
                 descriptors: Callable[[], Iterable[Mapping[str, Any]]], stats_root: str,
                 queues: Iterable[FloorQueue] = (), period_s: float = DOCUMENTED_PERIOD_S, concurrency: int = 4,
                 clock: Callable[[], float] = time.time):
        if period_s <= 0:
            raise ValueError("the floor period must be positive")
        if concurrency < 1:
            raise ValueError("the floor concurrency must be at least 1")
        self._rest = rest
        self._apply = apply
        self._self_id = self_id
        self._descriptors = descriptors
        self.stats_root = stats_root.rstrip("/")
        self.queues = tuple(queues)
        self.period_s = float(period_s)
        self.concurrency = int(concurrency)
        self._clock = clock
        self._last: dict[str, dict[str, Any]] = {}      # agent id → the fields last applied
        self._seen: dict[str, tuple] = {}               # agent id → fingerprint of the user last mapped
        self._devices: dict[str, str] = {}              # agent id → its device id (supervision target)
        self._refreshed: dict[str, float] = {}          # agent id → monotonic time of its last single read
        self._queue_last: dict[str, dict[str, Any]] = {}
        self._skill_names: dict[str, str] = {}          # skill id → name, learnt from the users' skills
        self._last_started = float("-inf")              # monotonic time the last poll was sent
        self.last_poll_at: float | None = None          # wall-clock time of the last poll (also each event's ``at``)
        self.polls = 0
        self.failures = 0
        self.last_error: str | None = None               # what failed in the latest poll

    # -- reading -----------------------------------------------------------------------------------
    def device_of(self, agent_id: str) -> str | None:
        """The device of a floor agent as the last listing gave it (the target of ListenIn...)."""
        return self._devices.get(agent_id)

    @property
    def agent_ids(self) -> frozenset[str]:
        return frozenset(self._last)

    # -- polling -----------------------------------------------------------------------------------
    async def run(self) -> None:
        """Poll once a period until cancelled (the first poll is the controller's, at connect)."""
        while True:
            since = time.monotonic() - self._last_started
            await asyncio.sleep(max(0.0, self.period_s - since))
            try:
                await self.poll()
            except AuthError:
                raise
            except Exception:  # a bug in one poll must not end the session: the next period retries
                self._last_started = time.monotonic()
                self.failures += 1
                log.exception("floor poll failed")

    async def poll(self) -> None:
        """One period: the users, then the statistics. Raises only AuthError."""
        self._last_started = time.monotonic()
        self.last_error = None   # what failed in this poll, if anything
        at = self._clock()
        await self._poll_users(at, self._last_started)
        await self._poll_queues(at)
        self.last_poll_at = at
        self.polls += 1

    async def _poll_users(self, at: float, started: float) -> None:
        try:
            body = await self._rest.get_listing("/users", {"subresources": "*"}, "users")
            users = floor_mapper.users_of(body)
        except AuthError:
            raise
        except (CtiError, mapper.MalformedMessage) as exc:
            self._failed("GET /users?subresources=*", exc)
            return
        del body
        me = self._self_id()
        events: list[Event] = []
        listed: set[str] = set()
        for n, user in enumerate(users, 1):
            agent_id = str(user["id"])
            if me is not None and (agent_id == me or user.get("userName") == me):
                continue  # the desktop's own agent comes from /me and its push topics (is_self)
            listed.add(agent_id)
            if self._refreshed.get(agent_id, 0.0) > started:
                continue  # read on its own after this poll was sent: that answer is newer
            event = self._agent_event(agent_id, user, at)
            if event is not None:
                events.append(event)
            if n % CHUNK == 0:  # a floor of thousands: let the event loop breathe between chunks
                self._apply(events)
                events = []
                await asyncio.sleep(0)
        for gone in [agent_id for agent_id in self._last if agent_id not in listed]:
            del self._last[gone]
            self._seen.pop(gone, None)
            self._devices.pop(gone, None)
            events.append(AgentChanged(agent_id=gone, changes=dict(_GONE), is_self=False, at=at))
        self._apply(events)

    def _agent_event(self, agent_id: str, user: Mapping[str, Any], at: float) -> AgentChanged | None:
        key = floor_mapper.fingerprint(user)
        if agent_id in self._last and self._seen.get(agent_id) == key:
            return None  # unchanged since the last read: neither mapped nor applied
        try:
            fields = floor_mapper.floor_agent(user, self._descriptors())
        except (ValueError, TypeError, AttributeError) as exc:
            log.warning("floor: skipping unreadable user %s (%s): %.200r", agent_id, exc, user)
            return None
        self._seen[agent_id] = key
        for skill_id, name in floor_mapper.skills_of(user):
            if skill_id:
                self._skill_names[skill_id] = name
        device = floor_mapper.device_id(user)
        if device:
            self._devices[agent_id] = device
        if self._last.get(agent_id) == fields:
            return None
        self._last[agent_id] = fields
        return AgentChanged(agent_id=agent_id, changes=fields, is_self=False, at=at, raw=user)

    async def refresh_user(self, agent_id: str) -> None:
        """Read one user now (after a supervision command, so its confirmation does not wait a period)."""
        self._refreshed[agent_id] = time.monotonic()
        body = await self._rest.get(f"/users/{quote(agent_id, safe='')}", {"subresources": "*"})
        users = floor_mapper.users_of(body)
        event = self._agent_event(agent_id, users[0], self._clock())
        if event is not None:
            self._apply([event])

    async def _poll_queues(self, at: float) -> None:
        if not self.queues:
            return
        objects = list(dict.fromkeys(oid for q in self.queues for oid in q.object_ids))
        results: dict[str, dict[str, float]] = {}
        auth: list[AuthError] = []
        pending = iter(objects)

        async def worker() -> None:  # ``concurrency`` workers: never more requests in flight
            for object_id in pending:
                if auth:
                    return
                try:
                    body = await self._rest.get(f"{self.stats_root}/{quote(object_id, safe='')}")
                    results[object_id] = floor_mapper.stat_values(body)
                except AuthError as exc:
                    auth.append(exc)
                except (CtiError, mapper.MalformedMessage) as exc:
                    self._failed(f"GET /api/v1/stats/{object_id}", exc)

        await asyncio.gather(*(worker() for _ in range(min(self.concurrency, len(objects)))))
        if auth:
            raise auth[0]
        events: list[Event] = []
        for queue in self.queues:
            answered = [results[oid] for oid in queue.object_ids if oid in results]
            if not answered:
                continue  # nothing read this period: keep what the panel shows
            merged: dict[str, float] = {}
            for values in answered:  # the first object of the entry wins a statistic both carry
                for name, value in values.items():
                    merged.setdefault(name, value)
            fields = floor_mapper.queue_fields(merged)
            fields["name"] = queue.label or next(
                (self._skill_names[oid] for oid in queue.object_ids if oid in self._skill_names), queue.queue_id)
            if self._queue_last.get(queue.queue_id) == fields:
                continue
            self._queue_last[queue.queue_id] = fields
            events.append(QueueChanged(queue_id=queue.queue_id, changes=fields, at=at, raw=answered))
        self._apply(events)

    def _failed(self, what: str, exc: Exception) -> None:
        self.failures += 1
        detail = exc.message if isinstance(exc, CtiError) else str(exc)
        self.last_error = f"{what}: {detail}"
        log.warning("floor poll: %s failed (%s); retried in %g s", what, detail, self.period_s)

