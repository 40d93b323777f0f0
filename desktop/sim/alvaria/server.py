"""AlvariaSimulator: the Alvaria Cloud Streaming Client REST API v2/v3 on loopback (aiohttp).

Serves the OAuth2 client-credentials token endpoint and the streaming API on one server, plus
an unauthenticated control surface under ``/sim/``. ``A:n`` = line n of
``vendor-docs/alvaria-cloud-streaming-rest-v2-v3.md``; the digest is
``vendor-docs/digests/streaming-vendors-digest.md`` §3. Choices made where the document is
silent are listed in ``README.md``.

Never imports Qt or the client side of the project (``desktop.core``, ``desktop.vendors``,
``desktop.transports``).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import itertools
import json
import logging
import re
import secrets
import time
import uuid
from collections import deque
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote

from aiohttp import web

from . import events as ev
from .faults import Faults
from .scenario import DRIVING, ScenarioRunner, floor_user_ids
from .templates import FAIL_REASONS, TEMPLATES

log = logging.getLogger("desktop.sim.alvaria")

SCENARIO_DIR = Path(__file__).with_name("scenarios")
TOKEN_PATH = "/tokenservice/oauth2/access_token"  # A:198: https://myaspect.{region}.id.aspect-cloud.net/tokenservice/oauth2/access_token
SCOPE = "streamingapi"  # A:201
INVALID_SESSION = "Invalid or expired session"  # A:20, the document's own words
MAX_EVENTS_CAP = 200  # A:500, A:567 (default 1, max 200)
DELAY_MIN, DELAY_MAX, DELAY_DEFAULT = 60, 600, 60  # A:1170, A:1183

_ORG = r"/organizations/(?P<org>[^/]+)/streaming"
ROUTES: list[tuple[re.Pattern, str, tuple[str, ...]]] = [
    (re.compile(r"^/via/v(?P<v>[23])" + _ORG + r"/session$"), "session", ("POST", "DELETE")),  # A:204-458
    (re.compile(r"^/via/v(?P<v>[23])" + _ORG + r"/events$"), "events", ("GET",)),  # A:460-594
    (re.compile(r"^/via/v(?P<v>3)" + _ORG + r"/acknowledge$"), "acknowledge", ("POST",)),  # A:595-675
    (re.compile(r"^/via/v(?P<v>2)" + _ORG + r"/subscriptions$"), "subscriptions", ("GET", "POST")),  # A:677-875
    (re.compile(r"^/via/v(?P<v>2)" + _ORG + r"/subscriptions/(?P<sub>[^/]+)$"), "subscription",
     ("GET", "PUT", "DELETE")),  # A:876-1136
]
# Subscriptions are documented only under /via/v2/ (digest 6.4 #1); v3 twins are served only
# with ``v3_subscription_paths=True``.
V3_SUB_ROUTES = [
    (re.compile(r"^/via/v(?P<v>3)" + _ORG + r"/subscriptions$"), "subscriptions", ("GET", "POST")),
    (re.compile(r"^/via/v(?P<v>3)" + _ORG + r"/subscriptions/(?P<sub>[^/]+)$"), "subscription",
     ("GET", "PUT", "DELETE")),
]


class ApiError(Exception):
    def __init__(self, status: int, message: str, *, reason: str = "", scope: str = "", headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.reason, self.scope, self.headers = status, message, reason, scope, headers


def error_body(status: int, message: str, reason: str = "", scope: str = "") -> dict:
    """ErrorResponse (A:1138-1167): ``{code, message, errors: [{scope, reason, message}]}``."""
    return {"code": status, "message": message,
            "errors": [{"scope": scope or "request", "reason": reason or "badRequest", "message": message}]}


def _json(status: int, body: Any, headers: dict | None = None) -> web.Response:
    return web.Response(status=status, text=json.dumps(body, ensure_ascii=False),
                        content_type="application/json", charset="utf-8", headers=headers)


def load_scenario(scenario: str | dict | None) -> dict:
    if isinstance(scenario, dict):
        return scenario
    name = scenario or "idle"
    p = Path(name)
    if not p.suffix and (SCENARIO_DIR / f"{name}.json").exists():
        p = SCENARIO_DIR / f"{name}.json"
    if not p.exists():
        known = sorted(x.stem for x in SCENARIO_DIR.glob("*.json"))
        raise FileNotFoundError(f"Unknown scenario {scenario!r} (built-in: {', '.join(known)}; or a JSON path)")
    return json.loads(p.read_text(encoding="utf-8"))


def _now_iso() -> str:
    return ev.iso_now()


class Session:
    """One streaming session and its event queue."""

    def __init__(self, sid: str, version: int, client_id: str, delay: int, require_ack: bool, max_queue: int):
        self.id = sid
        self.version = version
        self.client_id = client_id
        self.inactivity_delay = delay
        self.require_ack = require_ack
        self.creation_time = _now_iso()
        self.last_poll = time.monotonic()
        self.subscriptions: dict[str, dict] = {}
        # engagementCenterThirdParty filters: (event names or None = all, user ids or None = all)
        self.filters: list[tuple[frozenset | None, frozenset | None]] = []
        self.inherited_filters = False  # filters carried over from an expired predecessor
        self.queue: dict[int, ev.Event] = {}  # seq -> event, oldest first
        self.sent: set[int] = set()  # seqs delivered at least once and not acknowledged (ack mode)
        self.by_ack_id: dict[str, list[int]] = {}
        self.max_queue = max_queue
        self.in_flight = 0
        self.expired = False
        self.expired_reason = ""
        self.deleted = False
        self.wake = asyncio.Event()
        self.delivered = 0
        self.redelivered = 0
        self.acknowledged = 0
        self.dropped = 0
        self.polls = 0
        self.overlaps = 0
        self._sub_seq = itertools.count(1)

    @property
    def dead(self) -> bool:
        return self.expired or self.deleted

    def covers(self, user_id: str | None) -> bool:
        if user_id is None:
            return bool(self.filters)
        return any(users is None or user_id in users for _events, users in self.filters)

    def matches(self, e: ev.Event) -> bool:
        if e.target_session is not None:
            return e.target_session == self.id
        if e.category == "engagementCenter":
            for names, users in self.filters:
                if (names is None or e.name in names) and (users is None or e.user_id in users):
                    return True
            return False
        if e.category == "outreach" or e.user_id is None:
            return True  # no catalogType exists for outreach (digest §3.5): every session gets it
        return self.covers(e.user_id)  # messaging.* and other categories: by user

    def push(self, e: ev.Event) -> None:
        if len(self.queue) >= self.max_queue:
            oldest = next(iter(self.queue))
            self._forget(oldest)
            self.dropped += 1
        self.queue[e.seq] = e
        if self.require_ack:
            self.by_ack_id.setdefault(e.ack_id(self.version), []).append(e.seq)
        self.wake.set()

    def _forget(self, seq: int) -> None:
        e = self.queue.pop(seq, None)
        self.sent.discard(seq)
        if e is not None and self.require_ack:
            lst = self.by_ack_id.get(e.ack_id(self.version))
            if lst and seq in lst:
                lst.remove(seq)
                if not lst:
                    del self.by_ack_id[e.ack_id(self.version)]

    def take(self, n: int, newest_first: bool) -> list[ev.Event]:
        seqs = list(itertools.islice(reversed(self.queue) if newest_first else iter(self.queue), n))
        out = [self.queue[s] for s in seqs]
        if self.require_ack:  # stays queued until acknowledged: redelivered on later polls (A:19)
            for s in seqs:
                if s in self.sent:
                    self.redelivered += 1
                else:
                    self.sent.add(s)
        else:
            for s in seqs:
                del self.queue[s]
        self.delivered += len(out)
        return out

    def acknowledge(self, event_ids: list[str]) -> tuple[list[str], list[str]]:
        done, missing = [], []
        for eid in event_ids:
            seqs = self.by_ack_id.pop(eid, None)
            if not seqs:
                missing.append(eid)
                continue
            for s in seqs:
                self.queue.pop(s, None)
                self.sent.discard(s)
            self.acknowledged += 1
            done.append(eid)
        return done, missing

    def set_filters_from_subscriptions(self) -> None:
        filters = []
        for sub in self.subscriptions.values():
            fc = sub["filterCriteria"]
            if fc["catalogType"] != "engagementCenterThirdParty":
                continue  # changeNotification user/team payloads are undocumented: never produced
            names = fc["catalogTypeEvents"]
            res = fc["resources"]
            ids = res.get("resourceIds")
            if isinstance(ids, str):  # A:1394 shows a bare string
                ids = [ids]
            users = None if (res["resourceType"] == "*" or not ids or "*" in ids) else frozenset(ids)
            filters.append((None if "all" in names else frozenset(names), users))
        self.filters = filters
        self.inherited_filters = False

    def truth(self, now: float, scale: float) -> dict:
        return {
            "id": self.id, "version": self.version, "client_id": self.client_id,
            "inactivityDelay": self.inactivity_delay, "requireAcknowledgement": self.require_ack,
            "creationTime": self.creation_time, "expired": self.expired, "expired_reason": self.expired_reason,
            "deleted": self.deleted, "idle_s": round(now - self.last_poll, 3),
            "expires_in_s": None if self.dead else round(self.inactivity_delay * scale - (now - self.last_poll), 3),
            "subscriptions": [dict(s) for s in self.subscriptions.values()],
            "inherited_filters": self.inherited_filters,
            "queued": len(self.queue), "unacknowledged": len(self.queue) if self.require_ack else 0,
            "sent_unacknowledged": len(self.sent), "delivered": self.delivered, "redelivered": self.redelivered,
            "acknowledged": self.acknowledged, "dropped": self.dropped, "polls": self.polls,
            "polls_in_flight": self.in_flight, "overlaps": self.overlaps,
        }


class Parked:
    """Unacknowledged events of an expired acknowledgement session, kept for its client's next one."""

    def __init__(self, filters: list, version: int):
        self.queue: dict[int, ev.Event] = {}
        self.filters = filters
        self.version = version

    def matches(self, e: ev.Event) -> bool:
        probe = Session.__new__(Session)
        probe.filters = self.filters
        probe.id = ""
        return Session.matches(probe, e)


# AgentStatistics seconds counters (A:1612-1622) by the simulator's agent state (ours)
STAT_SECONDS = {"Idle": "idleSeconds", "NotReady": "notReadySeconds", "Park": "parkSeconds",
                "ScreenPop": "activeSeconds", "Active": "activeSeconds", "Held": "activeSeconds",
                "Wrap": "wrapSeconds", "Connected": "otherSeconds"}
# AgentStatistics interaction counters (A:1602-1611) by media type (ours)
STAT_COUNTER = {"InboundChat": "chatInteractions", "InboundIM": "chatInteractions", "InboundSMS": "smsInteractions",
                "InboundDID": "didInteractions", "OutboundManual": "manualInteractions",
                "InternalManual": "internalInteractions", "OutboundAOD": "outreachInteractions"}


class Agent:
    def __init__(self, user_id: str, name: str = ""):
        self.user_id = user_id
        self.name = name or user_id
        self.ehub: int | None = None
        self._state = "LoggedOut"
        self._since = time.monotonic()
        self.seconds: dict[str, float] = {}  # time spent per state (AgentStatistics)
        self.reason: int | None = None
        self.interactions: dict[str, dict] = {}  # iid -> {"media", "state", "workType"}
        self.pending_not_ready: int | None = None
        self.work_types: list[int] = []  # the work types the agent is assigned to (NewWorkType)
        self.handled: dict[int, dict[str, int]] = {}  # work type -> AgentStatistics counter -> count

    @property
    def state(self) -> str:
        return self._state

    @state.setter
    def state(self, value: str) -> None:
        now = time.monotonic()
        self.seconds[self._state] = self.seconds.get(self._state, 0.0) + now - self._since
        self._state, self._since = value, now


class AlvariaSimulator:
    def __init__(self, host: str = "127.0.0.1", port: int = 0, scenario: str | dict = "idle",
                 users: dict[str, str] | None = None, api_key: str = "demo-api-key", org_id: str = "acme",
                 long_poll_wait_s: float = 15.0, token_ttl_s: float = 3600, time_scale: float = 1.0,
                 agents: int | None = None, event_rate: float | None = None, *, seed: int = 7,
                 durable_ack_queue: bool = True, v3_subscription_paths: bool = False,
                 third_party_enabled: bool = True, type_drift: bool = True, max_queue: int = 100_000):
        self.host = host
        self._port = int(port)
        self.spec = load_scenario(scenario)
        self.users: dict[str, str] = dict(users if users is not None else
                                          self.spec.get("clients", {"ctidesk": "demo-secret"}))
        if not self.users:
            raise ValueError("at least one OAuth client (users={client_id: client_secret}) is needed")
        self.api_key = api_key
        self.org_id = org_id
        self.long_poll_wait_s = float(long_poll_wait_s)  # A:492, A:559: "up to 15 seconds"
        self.token_ttl_s = float(token_ttl_s)
        self.time_scale = float(time_scale)
        self.durable_ack_queue = durable_ack_queue
        self.v3_subscription_paths = v3_subscription_paths
        self.third_party_enabled = third_party_enabled
        self.type_drift = type_drift
        self.max_queue = int(max_queue)
        self.faults = Faults()
        self.faults._expire_sessions_hook = self._expire_all_sessions  # noqa: SLF001
        self.faults._expire_tokens_hook = self._expire_all_tokens  # noqa: SLF001

        agent = self.spec.get("agent", {"userId": "99b788f3000d99", "name": "cherylagt1"})
        self.agent_id: str = agent["userId"]
        self.agents: dict[str, Agent] = {self.agent_id: Agent(self.agent_id, agent.get("name", ""))}
        self.work_type_id = int(self.spec.get("workTypeId", 191))  # ScreenPop sample worktypeId (A:2842)
        # work types of the floor: [{"id", "name", "media"}]; the first is the scenario's workTypeId
        self.work_types: dict[int, dict] = {int(w["id"]): {"id": int(w["id"]), "name": str(w.get("name", w["id"])),
                                                           "media": w.get("media", "InboundACD")}
                                            for w in self.spec.get("workTypes", [])}
        self.work_types.setdefault(self.work_type_id, {"id": self.work_type_id, "name": f"WorkType {self.work_type_id}",
                                                       "media": "InboundACD"})
        self.login_reason = int(self.spec.get("loginReasonId", 1))
        floor = self.spec.get("floor")
        if floor:
            n = int(agents if agents is not None else floor.get("agents", 50))
            self.floor_ids = floor_user_ids(n, int(floor.get("seed", seed)))
            rate = event_rate if event_rate is not None else floor.get("event_rate", 1.0)
        else:
            self.floor_ids, rate = [], 0.0
        self.scenario = ScenarioRunner(self, self.spec, self.floor_ids, rate, seed)

        self.sessions: dict[str, Session] = {}
        self._live: dict[str, Session] = {}
        self._parked: dict[str, Parked] = {}
        self._tokens: dict[str, tuple[str, float]] = {}  # token -> (client id, expiry monotonic)
        self._seq = itertools.count(1)
        self._event_ids = ev.EventIds()
        self._iids = itertools.count(1001)
        self._ehubs = itertools.count(14)  # the samples' ehubSessionId 14 (A:1473)
        self.published = 0
        self.poll_overlap_violations: deque[dict] = deque(maxlen=200)
        self._poll_overlaps = 0
        self.requests: deque[tuple[str, str, int]] = deque(maxlen=500)  # (method, path, status)
        self._runner: web.AppRunner | None = None
        self._site: web.TCPSite | None = None
        self._stopping = False
        self._routes = ROUTES + (V3_SUB_ROUTES if v3_subscription_paths else [])

    # ------------------------------------------------------------------ lifecycle
    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self._port}"

    @property
    def token_url(self) -> str:
        return self.base_url + TOKEN_PATH

    @property
    def poll_overlaps(self) -> int:
        return self._poll_overlaps

    def profile_options(self, supervisor: bool = False) -> dict:
        """The [alvaria] profile section pointing at this simulator. ``user_ids[0]`` is the
        desktop's own agent; the rest are the floor users. ``supervisor``: the section a
        supervisor uses, which is the same here: the scenario's agent (the supervisor) first, then
        every floor user, every event (AgentStatistics, NewWorkType, MonitorState included)."""
        return {"base_url": self.base_url, "org_id": self.org_id, "token_url": self.token_url, "api_version": 3,
                "require_acknowledgement": True, "inactivity_delay": 120,
                "user_ids": [self.agent_id, *self.floor_ids], "events": ["all"]}

    def credentials(self) -> dict:
        user, secret = next(iter(self.users.items()))
        return {"user": user, "secret": secret, "api_key": self.api_key}

    async def start(self) -> None:
        app = web.Application(client_max_size=4 * 1024 * 1024)
        app.router.add_route("*", TOKEN_PATH, self.h_token)
        app.router.add_route("*", "/via/{tail:.*}", self.h_api)
        app.router.add_get("/sim/truth", self.s_truth)
        app.router.add_post("/sim/faults", self.s_faults)
        app.router.add_post("/sim/drive", self.s_drive)
        app.router.add_post("/sim/emit", self.s_emit)
        self._runner = web.AppRunner(app, handler_cancellation=True, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        self._site = web.TCPSite(self._runner, self.host, self._port)
        await self._site.start()
        server = self._site._server  # noqa: SLF001 - aiohttp has no public accessor for the bound port
        if server is not None and server.sockets:
            self._port = server.sockets[0].getsockname()[1]
        self.scenario.start()

    async def stop(self) -> None:
        if self._stopping:
            return
        self._stopping = True
        await self.scenario.stop()
        for s in self.sessions.values():
            s.wake.set()  # held polls answer at once
        await asyncio.sleep(0)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> "AlvariaSimulator":
        await self.start()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.stop()

    async def sleep(self, seconds: float) -> None:
        """Scenario time: seconds times time_scale."""
        await asyncio.sleep(max(0.0, seconds * self.time_scale))

    # ------------------------------------------------------------------ sessions
    def _alive(self, s: Session, now: float | None = None) -> bool:
        """Expire a session not polled within inactivityDelay (A:5), scaled by time_scale.
        A poll being held keeps it alive."""
        if s.dead:
            return False
        now = time.monotonic() if now is None else now
        if s.in_flight == 0 and now - s.last_poll > s.inactivity_delay * self.time_scale:
            self._expire(s, "inactivity")
            return False
        return True

    def _expire(self, s: Session, reason: str) -> None:
        if s.dead:
            return
        s.expired, s.expired_reason = True, reason
        self._live.pop(s.id, None)
        s.wake.set()
        if self.durable_ack_queue and s.version == 3 and s.require_ack:
            parked = self._parked.get(s.client_id)
            if parked is None:
                parked = self._parked[s.client_id] = Parked(list(s.filters), s.version)
            else:
                parked.filters = list(s.filters) or parked.filters
            for seq, e in s.queue.items():
                parked.queue.setdefault(seq, e)
            while len(parked.queue) > self.max_queue:
                del parked.queue[next(iter(parked.queue))]
        s.queue.clear()
        s.sent.clear()
        s.by_ack_id.clear()

    def _expire_all_sessions(self) -> int:
        live = list(self._live.values())
        for s in live:
            self._expire(s, "fault")
        return len(live)

    def _expire_all_tokens(self) -> int:
        n = len(self._tokens)
        self._tokens.clear()
        return n

    def has_listeners(self) -> bool:
        now = time.monotonic()
        return any(self._alive(s, now) and s.filters for s in list(self._live.values())) or bool(self._parked)

    def _prune(self) -> None:
        dead = [sid for sid, s in self.sessions.items() if s.dead]
        for sid in dead[:-200]:  # keep the last 200 dead sessions for truth()
            del self.sessions[sid]

    # ------------------------------------------------------------------ publishing
    def _publish(self, e: ev.Event) -> ev.Event:
        self.published += 1
        now = time.monotonic()
        for s in list(self._live.values()):
            if self._alive(s, now) and s.matches(e):
                s.push(e)
        for parked in self._parked.values():
            if parked.matches(e) and len(parked.queue) < self.max_queue:
                parked.queue[e.seq] = e
        return e

    def _make(self, event_type: str, inner: dict | str, user_id: str | None, target_session: str | None = None) -> ev.Event:
        malformed = self.faults.take_malformed()
        if isinstance(inner, str):
            payload = inner[: max(1, len(inner) // 2)] if malformed else inner
        else:
            payload = ev.encode(inner, malformed)
        return ev.Event(next(self._seq), self._event_ids.next(), event_type, payload, user_id=user_id,
                        target_session=target_session)

    def _drift(self) -> bool:
        """Digest 6.4 #4: every fourth engagementCenter/messaging event sends its …Rev ids as numbers."""
        return self.type_drift and self.published % 4 == 3

    def _agent(self, user_id: str) -> Agent:
        a = self.agents.get(user_id)
        if a is None:
            a = self.agents[user_id] = Agent(user_id)
        return a

    def _ec(self, user_id: str, event_type: str, fields: dict | None = None) -> ev.Event:
        if "." not in event_type:
            event_type = "engagementCenter." + event_type
        if event_type not in TEMPLATES:
            raise ValueError(f"unknown event type {event_type!r}")
        a = self._agent(user_id)
        if a.ehub is None and not event_type.startswith("outreach."):
            a.ehub = next(self._ehubs)
        inner = ev.fill(event_type, user_id=user_id, ehub=a.ehub, fields=fields, revs_as_numbers=self._drift())
        return self._publish(self._make(event_type, inner, None if event_type.startswith("outreach.") else user_id))

    def _iid(self, iid: Any | None = None) -> str:
        return str(iid) if iid is not None else str(next(self._iids))

    # ------------------------------------------------------------------ driving API (synchronous)
    def event(self, event_type: str, user_id: str | None = None, fields: dict | None = None) -> dict:
        """Publish any of the document's 67 events from its sample, with ``fields`` overriding the
        inner payload (engagementCenter/messaging) or the flat object (outreach). Returns the v3 envelope."""
        if event_type.startswith("outreach."):
            fields = dict(fields or {})
            out = None
            for s in list(self._live.values()):  # outreach payloads name the session (A:3394)
                if self._alive(s):
                    inner = ev.fill(event_type, user_id=None, ehub=None, fields={"sessionId": s.id, **fields})
                    out = self._publish(self._make(event_type, inner, None, target_session=s.id))
            if out is None:
                out = self._make(event_type, ev.fill(event_type, user_id=None, ehub=None, fields=fields), None)
            return out.render(3)
        return self._ec(user_id or self.agent_id, event_type, fields).render(3)

    def emit(self, event: dict, user_id: str | None = None) -> dict:
        """Publish ``event`` verbatim (an envelope: eventType/type, payload as dict or string, any
        other keys kept). Missing envelope fields are filled; a given eventId/id is kept (so a
        test can send duplicates). Routed to ``user_id``, else the payload's userId."""
        event_type = event.get("eventType") or event.get("type") or "engagementCenter.Unknown"
        payload = event.get("payload", {})
        if user_id is None:
            inner = payload
            if isinstance(inner, str):
                try:
                    inner = json.loads(inner)
                except ValueError:
                    inner = {}
            if isinstance(inner, dict) and isinstance(inner.get("userId"), str):
                user_id = inner["userId"]
        malformed = self.faults.take_malformed()
        text = payload if isinstance(payload, str) else ev.encode(payload)
        if malformed:
            text = text[: max(1, len(text) // 2)]
        known = {"kind", "eventId", "id", "correlationId", "eventType", "type", "publishedTime", "schemaVersion",
                 "payload"}
        e = ev.Event(next(self._seq), str(event.get("eventId") or self._event_ids.next()), event_type, text,
                     user_id=user_id, kind=event.get("kind"), correlation_id=event.get("correlationId"),
                     published=event.get("publishedTime"), schema_version=event.get("schemaVersion", "1"),
                     uuid_=event.get("id"), extra={k: v for k, v in event.items() if k not in known} or None)
        return self._publish(e).render(3)

    def agent_login(self, user_id: str, ready: bool = False) -> None:
        """Connecting, ConnectConfirm, Connected (A:1716-1757), NewWorkType, then NotReady with the
        login reason (or Idle 0 with ``ready``): "followed by either a not ready or idle" (A:1743)."""
        a = self._agent(user_id)
        a.ehub = next(self._ehubs)
        self._ec(user_id, "Connecting")
        self._ec(user_id, "ConnectConfirm")
        self._ec(user_id, "Connected")
        # NewWorkType sample: id a string, idRev a number (A:2453-2454); kept that way
        if self.work_type_id not in a.work_types:
            a.work_types.append(self.work_type_id)
        self._ec(user_id, "NewWorkType", {"id": str(self.work_type_id), "idRev": self.work_type_id})
        if ready:
            self.agent_idle(user_id)
        else:
            self._not_ready_now(a, self.login_reason)

    def _login_quiet(self, user_id: str, work_types: list[int] | None = None) -> None:
        """A floor login: Connected, then (with ``work_types``) one NewWorkType per work type."""
        a = self._agent(user_id)
        a.ehub = next(self._ehubs)
        a.state = "Connected"
        self._ec(user_id, "Connected")
        for wt in work_types or []:
            self.new_work_type(user_id, wt)

    def new_work_type(self, user_id: str, work_type_id: int) -> None:
        """NewWorkType (A:2447-2466): the user was assigned to this work type. ``id`` a string and
        ``idRev`` a number, as the sample (A:2453-2454)."""
        a = self._agent(user_id)
        wt = int(work_type_id)
        if wt not in a.work_types:
            a.work_types.append(wt)
        self._ec(user_id, "NewWorkType", {"id": str(wt), "idRev": wt})

    def remove_work_type(self, user_id: str, work_type_id: int) -> None:
        """RemoveWorkType (A:2779-2798): the user no longer serves this work type."""
        a = self._agent(user_id)
        wt = int(work_type_id)
        if wt in a.work_types:
            a.work_types.remove(wt)
        self._ec(user_id, "RemoveWorkType", ev.ids("id", wt))

    def agent_statistics(self, user_id: str) -> None:
        """AgentStatistics (A:1553-1625) for the user: one row per assigned work type (or the
        scenario's work type), the interactions the user handled per work type and media, and the
        seconds per state since the simulator first saw the user (ours: the same seconds on each
        row; real seconds, not scaled by ``time_scale``). The document sends it "in response to a
        request for agent statistics" (A:60), a request this API does not carry: the scenario (or
        a test) decides when."""
        a = self._agent(user_id)
        a.state = a.state  # bring the seconds up to now
        seconds = {k: 0 for k in set(STAT_SECONDS.values())}
        for state, spent in a.seconds.items():
            key = STAT_SECONDS.get(state)
            if key:
                seconds[key] += int(spent)
        logged_in = int(sum(v for k, v in a.seconds.items() if k != "LoggedOut"))
        _schema, _line, sample = TEMPLATES["engagementCenter.AgentStatistics"]
        template = sample["payload"]["agentStatistics"][0]
        rows = []
        for wt in a.work_types or [self.work_type_id]:
            row = {k: 0 for k in template}
            row.update({"workTypeId": wt, "workTypeName": self.work_types.get(wt, {}).get("name", str(wt)),
                        **seconds, "loggedInSeconds": logged_in, "statusSeconds": 0})
            row.update(a.handled.get(wt, {}))
            rows.append(row)
        self._ec(user_id, "AgentStatistics", {"agentStatistics": rows})

    def monitor_state(self, user_id: str, interaction_id: Any, state: int = 1) -> None:
        """MonitorState (A:2350-2375) to ``user_id`` (the one who sent the monitor request):
        ``monitoringInteractionId`` = the monitored interaction, ``monitoringState`` as A:2373
        (1 monitoring, 2 coaching, 3 barged in, 4 stopped, …)."""
        self._ec(user_id, "MonitorState", ev.ids("monitoringInteractionId", interaction_id)
                 | {"monitoringState": int(state), "portNum": 0, "ipAddress": ""})

    def agent_logout(self, user_id: str) -> None:
        """Disconnected (A:1937): the agent's engagement-center session ended."""
        a = self._agent(user_id)
        a.state, a.interactions = "LoggedOut", {}
        self._ec(user_id, "Disconnected")
        a.ehub = None

    def agent_idle(self, user_id: str) -> None:
        """Idle with interactionId 0 = the agent is idle (A:2246)."""
        a = self._agent(user_id)
        a.state, a.reason, a.pending_not_ready = "Idle", None, None
        self._ec(user_id, "Idle", ev.ids("interactionId", 0))

    def _not_ready_now(self, a: Agent, reason: int) -> None:
        a.state, a.reason, a.pending_not_ready = "NotReady", reason, None
        self._ec(a.user_id, "NotReady", ev.ids("reasonId", reason))

    def agent_not_ready(self, user_id: str, reason: int | str = 15) -> None:
        """NotReady with reasonId (A:2467); NotReadyPending while an interaction is open (A:2487)."""
        a = self._agent(user_id)
        if a.interactions:
            a.pending_not_ready = int(reason)
            self._ec(user_id, "NotReadyPending")
        else:
            self._not_ready_now(a, int(reason))

    def agent_park(self, user_id: str, reason: int | str = 15) -> None:
        a = self._agent(user_id)
        a.state, a.reason = "Park", int(reason)
        self._ec(user_id, "Park", ev.ids("reasonId", reason))

    def screen_pop(self, user_id: str, interaction_id: Any = None, data: dict | list | None = None, *,
                   media: str = "InboundACD", ani: str = "6035551212", dnis: str = "6035550100",
                   first_name: str = "ELLEN", last_name: str = "FROST", caller_id: str = "Caller Id",
                   timeout_for_accept_s: int = 15, work_type_id: int | None = None) -> str:
        """ScreenPop (A:2799-2860) for a new interaction; returns its id (the ``interactionIdRev`` text).
        ``data`` → interactionData as ``[{key, value, isMasked}]`` (A:2857); without it the
        sample's ``" "`` string is sent (digest 6.4 #5)."""
        if media not in ev.MEDIA_CATEGORY:
            raise ValueError(f"unknown mediaType {media!r}")
        iid = self._iid(interaction_id)
        a = self._agent(user_id)
        wt = int(work_type_id) if work_type_id is not None else self.work_type_id
        a.interactions[iid] = {"media": media, "state": "ScreenPop", "workType": wt}
        a.state = "ScreenPop"
        info = ev.fill("engagementCenter.ScreenPop", user_id=None, ehub=None)["payload"]["interactionInfo"]
        other = info["otherData"]
        other.update({"interactionCategory": ev.interaction_category(media),
                      "interactionType": ev.INTERACTION_TYPE.get(media, "UNDEFINED"), "screenpopType": 31})
        other.update(ev.ids("worktypeId", wt))
        other["workTypeIdRev"] = other.pop("worktypeIdRev")
        other.update(ev.ids("originalWorktypeId", wt))
        info["screenData"].update({"ani": ani, "callerId": caller_id, "dnis": dnis, "firstName": first_name,
                                   "lastName": last_name, "phoneNumber": ani,
                                   "umid": f"01-0010010000-{time.strftime('%y%m%d-%H%M%S')}-{iid}"})
        if data is not None:
            items = data.items() if isinstance(data, dict) else [(d["key"], d["value"]) for d in data]
            info["interactionData"] = [{"key": str(k), "value": str(v), "isMasked": False} for k, v in items]
        fields = ev.ids("interactionId", iid) | {"mediaType": media, "timeoutForAcceptCall": timeout_for_accept_s,
                                                 "interactionInfo": info}
        self._ec(user_id, "ScreenPop", fields)
        return iid

    def _ix(self, user_id: str, iid: Any, state: str) -> tuple[Agent, str, dict]:
        a = self._agent(user_id)
        iid = str(iid)
        ix = a.interactions.setdefault(iid, {"media": "InboundACD", "state": state})
        ix["state"] = state
        return a, iid, ix

    def active(self, user_id: str, iid: Any) -> None:
        """Active with category (media, integer form) and statusReason AgActive 2 (A:1514-1537)."""
        a, iid, ix = self._ix(user_id, iid, "Active")
        a.state = "Active"
        self._ec(user_id, "Active", ev.ids("interactionId", iid) | {"category": ev.MEDIA_CATEGORY[ix["media"]],
                                                                      "statusReason": 2})

    def held(self, user_id: str, iid: Any) -> None:
        a, iid, _ = self._ix(user_id, iid, "Held")
        self._ec(user_id, "Held", ev.ids("interactionId", iid))

    def wrap(self, user_id: str, iid: Any) -> None:
        a, iid, _ = self._ix(user_id, iid, "Wrap")
        a.state = "Wrap"
        self._ec(user_id, "Wrap", ev.ids("interactionId", iid))

    def disposed(self, user_id: str, iid: Any, disposition_id: str = "123", *,
                 with_disposition_event: bool = True) -> None:
        """DispositionInitiated (A:1967) then Idle with the interaction's id = disposed (A:2246).
        A NotReady requested meanwhile follows when no interaction is left (A:2487)."""
        a = self._agent(user_id)
        iid = str(iid)
        if with_disposition_event:
            self._ec(user_id, "DispositionInitiated", {"dispositionId": str(disposition_id), "interactionId": iid,
                                                       "interactionIdTo": "0"})
        done = a.interactions.pop(iid, None)
        if done is not None:  # handled: counted for AgentStatistics
            counter = STAT_COUNTER.get(done.get("media", ""), "emailInteractions" if "Email" in done.get("media", "")
                                       else "inboundInteractions")
            row = a.handled.setdefault(int(done.get("workType", self.work_type_id)), {})
            row[counter] = row.get(counter, 0) + 1
        a.state = "Idle"
        self._ec(user_id, "Idle", ev.ids("interactionId", iid))
        if a.pending_not_ready is not None and not a.interactions:
            self._not_ready_now(a, a.pending_not_ready)

    def clear(self, user_id: str, iid: Any, state: int = 14) -> None:
        """InteractionClear (A:2256): the interaction ended; ``state`` as in the sample (values undocumented)."""
        self._agent(user_id).interactions.pop(str(iid), None)
        self._ec(user_id, "InteractionClear", ev.ids("interactionId", iid) | {"state": int(state)})

    def transfer(self, user_id: str, iid: Any) -> str:
        """InteractionTransferred (A:2278-2292): the user now handles the original interaction under
        ``newInteractionId`` (A:100). Returns the new id."""
        a = self._agent(user_id)
        iid = str(iid)
        consult, new = self._iid(), self._iid()
        ix = a.interactions.pop(iid, {"media": "InboundACD", "state": "Active"})
        a.interactions[new] = ix
        self._ec(user_id, "InteractionTransferred",
                 ev.ids("interactionId", iid) | ev.ids("consultInteractionId", consult)
                 | ev.ids("newInteractionId", new) | {"originalEhubSessionId": str(a.ehub)})
        return new

    def chat(self, user_id: str, customer_text: list[str] | tuple[str, ...] = ("Hello, I need help with my order.",),
             customer_name: str = "customerDave", media: str = "InboundChat") -> str:
        """A chat: ScreenPop (InboundChat), messaging.EntityAdded (customer 3, agent 1, A:3240),
        messaging.EntityList, Active (category 23), then one messaging.EntitySendText per
        customer line (entityType 3, A:3366). Returns the interaction id."""
        iid = self.screen_pop(user_id, media=media, ani="", first_name=customer_name, last_name="")
        a = self._agent(user_id)
        a.interactions[iid]["customer"] = customer_name
        base = ev.ids("interactionId", iid)
        self._ec(user_id, "messaging.EntityAdded", base | {"entityType": 3, "entityId": "CO", "entityName": customer_name})
        self._ec(user_id, "messaging.EntityAdded", base | {"entityType": 1, "entityId": user_id, "entityName": a.name})
        self._ec(user_id, "messaging.EntityList", base | {"entityType": 3, "entityId": "CO", "entityName": customer_name})
        self.active(user_id, iid)
        for text in customer_text:
            self.customer_says(user_id, iid, text)
        return iid

    def customer_says(self, user_id: str, iid: Any, text: str) -> None:
        name = self._agent(user_id).interactions.get(str(iid), {}).get("customer", "customerDave")
        self._ec(user_id, "messaging.EntitySendText",
                 ev.ids("interactionId", iid) | {"entityType": 3, "entityName": name, "text": text})

    def agent_says(self, user_id: str, iid: Any, text: str) -> None:
        self._ec(user_id, "messaging.EntitySendText",
                 ev.ids("interactionId", iid) | {"entityType": 1, "entityName": self._agent(user_id).name, "text": text})

    def customer_leaves(self, user_id: str, iid: Any) -> None:
        name = self._agent(user_id).interactions.get(str(iid), {}).get("customer", "customerDave")
        self._ec(user_id, "messaging.EntityRemoved",
                 ev.ids("interactionId", iid) | {"entityType": 3, "entityId": "CO", "entityName": name})

    def error(self, user_id: str, fail_code: int, interaction_id: Any = None) -> None:
        """engagementCenter.Error (A:2014-2028) with a failCode of appendix A; eventCode 225 for the
        informational code 225, else 10 (A:2038). failReason without the "(code) " prefix."""
        code = int(fail_code)
        if code not in FAIL_REASONS:
            raise ValueError(f"failCode {code} is not in the document's table (A:2047-2215)")
        reason = FAIL_REASONS[code]
        self._ec(user_id, "Error", {"interactionId": str(interaction_id or 0), "eventCode": 225 if code == 225 else 10,
                                    "failCode": code, "failReason": reason, "localizedFailReason": reason})

    def play_agent_flow(self, user_id: str) -> str:
        """login, idle, screen pop, active, held, active, wrap, disposition: all at once."""
        self.agent_login(user_id)
        self.agent_idle(user_id)
        iid = self.screen_pop(user_id, data={"AccountNumber": "12345"})
        self.active(user_id, iid)
        self.held(user_id, iid)
        self.active(user_id, iid)
        self.wrap(user_id, iid)
        self.disposed(user_id, iid)
        return iid

    # ------------------------------------------------------------------ truth
    def truth(self) -> dict:
        now = time.monotonic()
        for s in list(self._live.values()):
            self._alive(s, now)
        return {
            "org_id": self.org_id,
            "sessions": [s.truth(now, self.time_scale) for s in self.sessions.values()],
            "live_sessions": sorted(self._live),
            "events_delivered": {sid: s.delivered for sid, s in self.sessions.items()},
            "events_published": self.published,
            "poll_overlaps": self._poll_overlaps,
            "poll_overlap_violations": list(self.poll_overlap_violations),
            "parked": {cid: len(p.queue) for cid, p in self._parked.items()},
            "tokens_live": len(self._tokens),
            "agents": {uid: {"state": a.state, "reason": a.reason, "ehubSessionId": a.ehub,
                             "interactions": {i: dict(x) for i, x in a.interactions.items()},
                             "workTypes": list(a.work_types),
                             "handled": {str(k): dict(v) for k, v in a.handled.items()}}
                       for uid, a in self.agents.items() if uid == self.agent_id or a.ehub is not None},
            "faults": self.faults.as_dict(),
            "scenario_errors": list(self.scenario.errors),
        }

    # ------------------------------------------------------------------ HTTP: token endpoint
    async def h_token(self, request: web.Request) -> web.Response:
        """OAuth2 client credentials (A:195-202; request format per RFC 6749 §4.4, the document gives none)."""
        if self.faults.slow_s:
            await asyncio.sleep(self.faults.slow_s)
        resp = await self._token(request)
        self.requests.append((request.method, request.path, resp.status))
        return resp

    async def _token(self, request: web.Request) -> web.Response:
        no_store = {"Cache-Control": "no-store", "Pragma": "no-cache"}

        def oauth_error(status: int, code: str, text: str, extra: dict | None = None) -> web.Response:
            return _json(status, {"error": code, "error_description": text}, {**no_store, **(extra or {})})

        if request.method != "POST":
            return oauth_error(405, "invalid_request", "use POST", {"Allow": "POST"})
        ctype = request.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if ctype != "application/x-www-form-urlencoded":
            return oauth_error(400, "invalid_request", "the token request must be application/x-www-form-urlencoded")
        form = {k: v[0] for k, v in parse_qs(await request.text(), keep_blank_values=True).items()}
        basic_id = basic_secret = None
        header = request.headers.get("Authorization", "")
        if header:
            if not header.lower().startswith("basic "):
                return oauth_error(401, "invalid_client", "client authentication failed",
                                   {"WWW-Authenticate": 'Basic realm="tokenservice"'})
            try:
                raw = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                return oauth_error(401, "invalid_client", "client authentication failed",
                                   {"WWW-Authenticate": 'Basic realm="tokenservice"'})
            user, _, pw = raw.partition(":")
            basic_id, basic_secret = unquote(user), unquote(pw)  # RFC 6749 §2.3.1 form-encodes both
        body_id, body_secret = form.get("client_id"), form.get("client_secret")
        if basic_id is not None and body_secret is not None:
            return oauth_error(400, "invalid_request", "use one client authentication method, not two")
        if form.get("grant_type") != "client_credentials":
            return oauth_error(400, "unsupported_grant_type", "grant_type must be client_credentials")
        client_id = basic_id if basic_id is not None else body_id
        secret = basic_secret if basic_id is not None else body_secret
        if not client_id or secret is None or self.users.get(client_id) != secret:
            extra = {"WWW-Authenticate": 'Basic realm="tokenservice"'} if basic_id is not None else None
            return oauth_error(401, "invalid_client", "client authentication failed", extra)
        scopes = (form.get("scope") or SCOPE).split()
        if scopes != [SCOPE] and set(scopes) != {SCOPE}:
            return oauth_error(400, "invalid_scope", f"the only scope offered is {SCOPE!r}")
        token = secrets.token_urlsafe(32)
        self._tokens[token] = (client_id, time.monotonic() + self.token_ttl_s)
        expires_in = int(self.token_ttl_s) if self.token_ttl_s >= 1 else self.token_ttl_s
        return _json(200, {"access_token": token, "token_type": "Bearer", "expires_in": expires_in, "scope": SCOPE},
                     no_store)

    # ------------------------------------------------------------------ HTTP: streaming API
    async def h_api(self, request: web.Request) -> web.Response:
        if self.faults.slow_s:
            await asyncio.sleep(self.faults.slow_s)
        try:
            resp = await self._api(request)
        except ApiError as e:
            resp = _json(e.status, error_body(e.status, e.message, e.reason, e.scope), e.headers)
        self.requests.append((request.method, request.path, resp.status))
        return resp

    def _client_of(self, request: web.Request) -> str:
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        entry = self._tokens.get(token.strip()) if scheme.lower() == "bearer" else None
        if entry is not None and entry[1] < time.monotonic():
            del self._tokens[token.strip()]
            entry = None
        if entry is None:
            # A:259: 401 with no documented body; API-gateway style {"message": "Unauthorized"}.
            raise _Plain(401, {"message": "Unauthorized"},
                         {"WWW-Authenticate": 'Bearer realm="via", error="invalid_token"'})
        return entry[0]

    async def _api(self, request: web.Request) -> web.Response:
        path = request.path
        for pattern, op, methods in self._routes:
            m = pattern.match(path)
            if m:
                break
        else:
            raise ApiError(404, "not found", reason="notFound", scope="path")
        try:
            client_id = self._client_of(request)
            key = request.headers.get("x-api-key")
            if key != self.api_key:  # A:246; gateway style 403 {"message": "Forbidden"}
                raise _Plain(403, {"message": "Forbidden"})
        except _Plain as p:
            return _json(p.status, p.body, p.headers)
        fault = self.faults.take_http_fault()
        if fault is not None:
            status, retry_after = fault
            headers = None
            if status == 429 and retry_after is not None:
                headers = {"Retry-After": f"{retry_after:g}"}
            raise ApiError(status, "Too Many Requests" if status == 429 else "Service Unavailable"
                           if status == 503 else "Internal Server Error", reason="fault", scope="server",
                           headers=headers)
        if m["org"] != self.org_id:
            raise ApiError(404, f"organization {m['org']!r} not found", reason="notFound", scope="orgId")
        if request.method not in methods:
            raise ApiError(405, f"method {request.method} not allowed", reason="methodNotAllowed", scope="method",
                           headers={"Allow": ", ".join(methods)})
        version = int(m["v"])
        if op == "session" and request.method == "POST":
            return await self._create_session(request, version, client_id)
        session = self._session_of(request, client_id, version if op in ("session", "events", "acknowledge") else None)
        if op == "session":
            session.deleted = True
            self._live.pop(session.id, None)
            session.queue.clear()
            session.wake.set()
            return web.Response(status=204)  # A:314
        if op == "events":
            return await self._events(request, session, version)
        if op == "acknowledge":
            return await self._acknowledge(request, session)
        if op == "subscriptions":
            if request.method == "GET":  # A:826-866
                return _json(200, {"kind": "via#subscriptionsCollection",
                                   "subscriptions": list(session.subscriptions.values())})
            return await self._put_subscription(request, session, None)
        sub_id = m["sub"]
        if request.method == "PUT":
            return await self._put_subscription(request, session, sub_id)
        if sub_id not in session.subscriptions:
            raise ApiError(404, f"subscription {sub_id!r} not found", reason="notFound", scope="subscriptionId")
        if request.method == "GET":
            return _json(200, session.subscriptions[sub_id])
        del session.subscriptions[sub_id]
        session.set_filters_from_subscriptions()
        return web.Response(status=204)  # A:906

    def _session_of(self, request: web.Request, client_id: str, version: int | None) -> Session:
        sid = request.headers.get("via-client-sessionid")  # A:302: every call but Create Session
        if not sid:
            raise ApiError(400, "missing required header via-client-sessionid", reason="required",
                           scope="via-client-sessionid")
        s = self.sessions.get(sid)
        if s is None or s.client_id != client_id or not self._alive(s):
            raise ApiError(400, INVALID_SESSION, reason="invalidSession", scope="via-client-sessionid")
        if version is not None and version != s.version:  # A:29: v2 and v3 cannot be combined
            raise ApiError(400, f"session {sid} was created with streaming API v{s.version}; "
                                "v2 and v3 cannot be used in combination", reason="versionMismatch", scope="version")
        return s

    async def _body(self, request: web.Request, required: bool) -> Any:
        text = await request.text()
        if not text.strip():
            if required:
                raise ApiError(400, "request body required", reason="required", scope="body")
            return None
        try:
            return json.loads(text)
        except ValueError:
            raise ApiError(400, "request body is not valid JSON", reason="parseError", scope="body") from None

    async def _create_session(self, request: web.Request, version: int, client_id: str) -> web.Response:
        body = await self._body(request, required=False)
        delay, require_ack = DELAY_DEFAULT, False
        if version == 2:
            # NewSession: [{propertyName, propertyValue}] (A:1168-1174); the sample is that array
            # JSON-encoded once more as a string (A:240, digest 6.4 #19): both are accepted.
            if isinstance(body, str):
                try:
                    body = json.loads(body)
                except ValueError:
                    raise ApiError(400, "NewSession must be an array of {propertyName, propertyValue}",
                                   reason="invalidValue", scope="body") from None
            if body is not None and not isinstance(body, list):
                raise ApiError(400, "NewSession must be an array of {propertyName, propertyValue}",
                               reason="invalidValue", scope="body")
            for prop in body or []:
                if not isinstance(prop, dict):
                    raise ApiError(400, "NewSession items must be objects", reason="invalidValue", scope="body")
                if prop.get("propertyName") == "inactivityDelay":
                    try:
                        delay = int(str(prop.get("propertyValue")))
                    except ValueError:
                        raise ApiError(400, "inactivityDelay must be an integer between 60 and 600",
                                       reason="invalidValue", scope="inactivityDelay") from None
        else:
            if body is not None and not isinstance(body, dict):
                raise ApiError(400, "NewSessionV3 must be an object", reason="invalidValue", scope="body")
            body = body or {}
            if "inactivityDelay" in body:
                delay = body["inactivityDelay"]
                if not isinstance(delay, int) or isinstance(delay, bool):
                    raise ApiError(400, "inactivityDelay must be an integer between 60 and 600",
                                   reason="invalidValue", scope="inactivityDelay")
            if "requireAcknowledgement" in body:
                require_ack = body["requireAcknowledgement"]
                if not isinstance(require_ack, bool):
                    raise ApiError(400, "requireAcknowledgement must be a boolean", reason="invalidValue",
                                   scope="requireAcknowledgement")
        if not DELAY_MIN <= delay <= DELAY_MAX:  # A:1183: default 60, min 60, max 600
            raise ApiError(400, "inactivityDelay must be an integer between 60 and 600", reason="invalidValue",
                           scope="inactivityDelay")
        s = Session(str(uuid.uuid4()), version, client_id, delay, require_ack, self.max_queue)
        parked = self._parked.get(client_id)
        if parked is not None and version == 3 and require_ack:
            del self._parked[client_id]
            for e in parked.queue.values():
                s.push(e)
            s.filters, s.inherited_filters = list(parked.filters), True
        self.sessions[s.id] = s
        self._live[s.id] = s
        self._prune()
        out = {"sessionId": s.id, "creationTime": s.creation_time, "inactivityDelay": delay}
        if version == 3:
            out["requireAcknowledgement"] = require_ack  # SessionResponseV3 (A:1207-1220)
        return _json(200, out)

    async def _events(self, request: web.Request, s: Session, version: int) -> web.Response:
        raw = request.query.get("maxEvents")
        if raw is None:
            n = 1  # A:567: default 1
        else:
            try:
                n = int(raw)
            except ValueError:
                n = 0
            if not 1 <= n <= MAX_EVENTS_CAP:
                raise ApiError(400, "maxEvents must be an integer between 1 and 200", reason="invalidValue",
                               scope="maxEvents")
        loop = asyncio.get_running_loop()
        s.last_poll = time.monotonic()
        s.polls += 1
        overlap = s.in_flight > 0
        if overlap:  # A:16: concurrent GET /events on one session
            s.overlaps += 1
            self._poll_overlaps += 1
            self.poll_overlap_violations.append({"session": s.id, "at": _now_iso(), "in_flight": s.in_flight + 1})
            log.warning("concurrent GET /events on session %s: delivering out of order", s.id)
        s.in_flight += 1
        try:
            deadline = loop.time() + self.long_poll_wait_s
            while True:
                if self._stopping:
                    break
                if s.dead:
                    raise ApiError(400, INVALID_SESSION, reason="invalidSession", scope="via-client-sessionid")
                if s.queue:
                    break
                remaining = deadline - loop.time()
                if remaining <= 0:
                    break
                s.wake.clear()
                try:
                    await asyncio.wait_for(s.wake.wait(), remaining)
                except asyncio.TimeoutError:
                    pass
            # While polls overlap, the queue is split between them newest first: out of order,
            # as the document warns (A:16).
            batch = s.take(n, newest_first=overlap)
            return _json(200, {"kind": "via#streamingEventCollection", "totalItems": len(batch),
                               "events": [e.render(version) for e in batch]})
        finally:
            s.in_flight -= 1
            s.last_poll = time.monotonic()

    async def _acknowledge(self, request: web.Request, s: Session) -> web.Response:
        if not s.require_ack:  # A:639: "only if requireAcknowledgement ... is set to true"
            raise ApiError(400, "acknowledgement is not enabled for this session (requireAcknowledgement is false)",
                           reason="invalidOperation", scope="requireAcknowledgement")
        body = await self._body(request, required=True)
        items = body.get("events") if isinstance(body, dict) else None
        if not isinstance(items, list) or not items or not all(
                isinstance(i, dict) and isinstance(i.get("eventId"), str) for i in items):
            raise ApiError(400, "events must be a non-empty array of {eventId}", reason="invalidValue", scope="events")
        done, missing = s.acknowledge([i["eventId"] for i in items])
        return _json(200, {"eventIdsAcknowledged": done, "eventIdsNotFound": missing})  # A:1302-1336

    async def _put_subscription(self, request: web.Request, s: Session, sub_id: str | None) -> web.Response:
        body = await self._body(request, required=True)
        fc = self._validate_subscription(body)
        now = _now_iso()
        created = sub_id is None or sub_id not in s.subscriptions
        if sub_id is None:
            sub_id = f"{secrets.token_hex(4)}"  # the sample's "ab7dbcbc" shape (A:1411)
            while sub_id in s.subscriptions:
                sub_id = secrets.token_hex(4)
        old = s.subscriptions.get(sub_id)
        s.subscriptions[sub_id] = {
            "kind": "via#subscription", "subscriptionId": sub_id, "description": body.get("description", ""),
            "filterCriteria": fc, "creationTime": old["creationTime"] if old else now, "lastModifiedTime": now}
        s.set_filters_from_subscriptions()
        self.scenario.on_subscribed(s.covers)
        # POST answers 200 (A:790); PUT answers 200 when updated, 201 when created (A:1016-1136)
        status = 201 if (created and request.method == "PUT") else 200
        return _json(status, s.subscriptions[sub_id])

    def _validate_subscription(self, body: Any) -> dict:
        def bad(msg: str, scope: str) -> ApiError:
            return ApiError(400, msg, reason="invalidValue", scope=scope)

        if not isinstance(body, dict) or not isinstance(body.get("filterCriteria"), dict):
            raise bad("filterCriteria is required", "filterCriteria")
        if "description" in body and not isinstance(body["description"], str):
            raise bad("description must be a string", "description")
        fc = body["filterCriteria"]
        cat = fc.get("catalogType")
        if cat not in ev.CATALOG_TYPES:  # A:1386-1390
            raise bad(f"catalogType must be one of {', '.join(ev.CATALOG_TYPES)}", "filterCriteria.catalogType")
        if cat == "engagementCenterThirdParty" and not self.third_party_enabled:  # A:1383
            raise ApiError(403, "catalogType engagementCenterThirdParty is not enabled for this organization; "
                                "contact Alvaria Customer Care", reason="forbidden", scope="filterCriteria.catalogType")
        names = fc.get("catalogTypeEvents")
        if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
            raise bad("catalogTypeEvents must list one or more event names", "filterCriteria.catalogTypeEvents")
        allowed = ev.SUBSCRIBABLE_EVENTS if cat == "engagementCenterThirdParty" else ev.CHANGE_NOTIFICATION_EVENTS
        unknown = [n for n in names if n != "all" and n not in allowed]
        if unknown:
            raise bad(f"unknown {cat} events: {', '.join(unknown)}", "filterCriteria.catalogTypeEvents")
        res = fc.get("resources")
        if not isinstance(res, dict):
            raise bad("resources is required", "filterCriteria.resources")
        rtype = res.get("resourceType")
        if rtype not in ("users", "teams", "*") or (rtype == "teams" and cat != "changeNotification"):
            raise bad("resourceType must be users, teams (changeNotification only) or *",
                      "filterCriteria.resources.resourceType")  # A:1399
        ids = res.get("resourceIds")
        if rtype != "*":
            if ids is None:
                raise bad("resourceIds is required", "filterCriteria.resources.resourceIds")
            if isinstance(ids, str):  # the schema sample's bare string (A:1394)
                ids = [ids]
            if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
                raise bad("resourceIds must be an array of strings", "filterCriteria.resources.resourceIds")
        out = {"catalogType": cat, "catalogTypeEvents": list(names), "resources": {"resourceType": rtype}}
        if ids is not None:
            out["resources"]["resourceIds"] = list(ids) if isinstance(ids, list) else [ids]
        return out

    # ------------------------------------------------------------------ control surface (no auth)
    async def s_truth(self, request: web.Request) -> web.Response:
        return _json(200, self.truth())

    async def s_faults(self, request: web.Request) -> web.Response:
        """``{"name": "expire_sessions"|"too_many_requests"|"server_errors"|"slow"|"malformed_payload_next"|
        "expire_tokens"|"reset", "args": {...}}``"""
        body = await request.json()
        name = body.get("name")
        if name not in ("expire_sessions", "too_many_requests", "server_errors", "slow", "malformed_payload_next",
                        "expire_tokens", "reset"):
            return _json(400, {"ok": False, "error": f"unknown fault {name!r}"})
        try:
            result = getattr(self.faults, name)(**body.get("args", {}))
        except (TypeError, ValueError) as e:
            return _json(400, {"ok": False, "error": str(e)})
        return _json(200, {"ok": True, "result": result})

    async def s_drive(self, request: web.Request) -> web.Response:
        """``{"do": "<driving method>", "args": {...}}``"""
        body = await request.json()
        do = body.get("do")
        if do not in DRIVING:
            return _json(400, {"ok": False, "error": f"unknown action {do!r}"})
        try:
            result = getattr(self, do)(**body.get("args", {}))
        except (TypeError, ValueError, KeyError) as e:
            return _json(400, {"ok": False, "error": str(e)})
        return _json(200, {"ok": True, "result": result})

    async def s_emit(self, request: web.Request) -> web.Response:
        body = await request.json()
        return _json(200, {"ok": True, "event": self.emit(body.get("event", {}), body.get("user_id"))})


class _Plain(Exception):
    """A response with a non-ErrorResponse body (gateway-style 401/403)."""

    def __init__(self, status: int, body: dict, headers: dict | None = None):
        super().__init__(status)
        self.status, self.body, self.headers = status, body, headers

