"""EnreachSimulator: the Enreach REST token endpoint and the RTE SignalR hub on loopback.

R = vendor-docs/enreach-rte-signalr.md; digest = vendor-docs/digests/streaming-vendors-digest.md
§2 and §6.3. Decisions where the document is silent are listed in README.md. Qt-free, and it
never imports the client side (desktop.core, desktop.vendors, desktop.transports).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import logging
import time
import uuid
from pathlib import Path
from typing import Any, Callable

from aiohttp import web

from . import catalogue as cat
from .faults import Faults
from .hub import Connection, Hub, Subscription
from .jwt import Issuer, TokenError
from .scenario import ScenarioRunner, validate_event_rate
from .world import Call, World, stable_id

log = logging.getLogger("desktop.sim.enreach")

SCENARIO_DIR = Path(__file__).with_name("scenarios")
HUB_PATH = "/rte"  # R:49 wss://rte-silox.enreachvoice.com/rte
# The document's own sample ids (R:145, R:150) for the organization and the demo user.
ORGANIZATION_ID = "29f6e823-b484-e611-80c9-00505689257e"
DEMO_USER_ID = "aa9730c4-ce86-e611-80c9-00505689257e"
DEMO_SECRET = "demo-secret"


def load_scenario(scenario: str | dict | None) -> dict:
    if isinstance(scenario, dict):
        return scenario
    name = scenario or "idle"
    path = Path(name)
    if not path.suffix and (SCENARIO_DIR / f"{name}.json").exists():
        path = SCENARIO_DIR / f"{name}.json"
    if not path.exists():
        known = sorted(p.stem for p in SCENARIO_DIR.glob("*.json"))
        raise FileNotFoundError(f"Unknown scenario {scenario!r} (built-in: {', '.join(known)}; or a JSON path)")
    return json.loads(path.read_text(encoding="utf-8"))


def _is_guid(text: str) -> bool:
    try:
        uuid.UUID(str(text))
    except ValueError:
        return False
    return True


def _json(status: int, body: Any, headers: dict | None = None) -> web.Response:
    return web.Response(status=status, text=json.dumps(body, ensure_ascii=False), content_type="application/json",
                        headers=headers)


class EnreachSimulator:
    """See README.md. Driving methods are synchronous and run on the simulator's event loop."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, scenario: str | dict = "idle",
                 users: dict[str, str] | None = None, time_scale: float = 1.0, agents: int | None = None,
                 event_rate: float | None = None, token_ttl_s: float = 3600, ping_interval_s: float = 15.0,
                 client_timeout_s: float | None = 30.0, handshake_timeout_s: float = 15.0,
                 payload_case: str | None = None, snapshot_on_subscribe: bool | None = None,
                 detailed_errors: bool = False, wrap_up_s: float | None = None) -> None:
        self.host = host
        self._port = int(port)
        self.spec = load_scenario(scenario)
        self.time_scale = float(time_scale)
        self.token_ttl_s = float(token_ttl_s)
        self.payload_case = payload_case or self.spec.get("payload_case", "documented")
        if self.payload_case not in cat.PAYLOAD_CASES:
            raise ValueError(f"payload_case must be one of {cat.PAYLOAD_CASES}")
        self.snapshot_on_subscribe = bool(self.spec.get("snapshot_on_subscribe", False)
                                          if snapshot_on_subscribe is None else snapshot_on_subscribe)
        self.organization_id = str(self.spec.get("organization_id", ORGANIZATION_ID)).lower()
        # logins: user id (GUID) -> secret; a key that is not a GUID is a login name whose user
        # id is a stable GUID derived from it (the runner's default login is "agent1").
        given = users if users is not None else self.spec.get("users") or {DEMO_USER_ID: DEMO_SECRET}
        if not given:
            raise ValueError("at least one user is needed")
        self.secrets: dict[str, str] = {}
        self.aliases: dict[str, str] = {}
        logins: list[tuple[str, str]] = []
        for i, (key, secret) in enumerate(given.items()):
            if _is_guid(key):
                uid, name = key.lower(), ("demo.agent" if i == 0 else f"user{i + 1}")
            else:
                uid, name = stable_id("user", key), key
                self.aliases[key.lower()] = uid
            self.secrets[uid] = secret
            logins.append((uid, name))
        self.demo_user_id = logins[0][0]
        self.faults = Faults()
        self.jwt = Issuer(self.organization_id)
        self.hub = Hub(self, ping_interval_s=ping_interval_s, client_timeout_s=client_timeout_s,
                       handshake_timeout_s=handshake_timeout_s, detailed_errors=detailed_errors)
        self.faults._drop_hook = self.hub.drop_all  # noqa: SLF001
        self.faults._close_hook = self.hub.close_all  # noqa: SLF001
        self.faults._expire_hook = self.jwt.expire_all  # noqa: SLF001
        self.world = World(
            organization_id=self.organization_id, logins=logins,
            agents=int(agents if agents is not None else self.spec.get("agents", 50)),
            queues=self.spec.get("queues", [{"name": "Support", "number": "+358101001001"}]),
            call_lists=self.spec.get("call_lists", [{"name": "Callback requests"}]),
            wrap_up_s=float(wrap_up_s if wrap_up_s is not None else self.spec.get("wrap_up_s", 0)),
            emit=self._emit_event, schedule=self._schedule, agent_queues=self.spec.get("agent_queues"))
        self.scenario = ScenarioRunner(self, self.spec, validate_event_rate(event_rate))
        self.emitted: dict[str, int] = {}
        self.token_requests: list[dict] = []
        self._handles: set[asyncio.TimerHandle] = set()
        self._runner: web.AppRunner | None = None
        self._site: web.TCPSite | None = None
        self._stopping = False

    # ------------------------------------------------------------------ addresses
    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        """The REST ``api_url`` (the token endpoint is ``/token/{user_id}/rte/`` under it)."""
        return f"http://{self.host}:{self._port}"

    @property
    def hub_url(self) -> str:
        """What the token answer's ``WssEndpoint`` holds: ``ws://`` like R:49's ``wss://``."""
        return f"ws://{self.host}:{self._port}{HUB_PATH}"

    def profile_options(self, supervisor: bool = False) -> dict:
        """The [enreach] profile section that points at this simulator. ``supervisor``: the
        section a supervisor uses: the demo user (the supervisor, who receives the
        UserCallAvailableForMonitoring offers and the UserAlerts), every queue and every floor agent
        as ``supervised_user_ids``; no call lists."""
        if supervisor:
            return {"api_url": self.base_url, "user_id": self.demo_user_id, "queue_ids": list(self.world.queues),
                    "call_list_ids": [], "supervised_user_ids": list(self.world.floor_ids)}
        return {"api_url": self.base_url, "user_id": self.demo_user_id,
                "queue_ids": list(self.world.queues), "call_list_ids": list(self.world.call_lists),
                "supervised_user_ids": list(self.world.floor_ids)}

    def credentials(self) -> dict:
        return {"user": self.demo_user_id, "secret": self.secrets[self.demo_user_id]}

    # ------------------------------------------------------------------ lifecycle
    async def start(self) -> None:
        app = web.Application(client_max_size=8 * 1024 * 1024)
        r = app.router
        r.add_get("/token/{user_id}/rte/", self.h_token)
        r.add_get("/token/{user_id}/rte", self.h_token)
        r.add_post(HUB_PATH + "/negotiate", self.hub.negotiate)
        r.add_post(HUB_PATH + "/negotiate/", self.hub.negotiate)
        r.add_get(HUB_PATH, self.hub.websocket)
        r.add_get(HUB_PATH + "/", self.hub.websocket)
        r.add_post("/sim/do", self.s_do)
        r.add_post("/sim/faults", self.s_faults)
        r.add_get("/sim/truth", self.s_truth)
        self._runner = web.AppRunner(app, handler_cancellation=True, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        self._site = web.TCPSite(self._runner, self.host, self._port)
        await self._site.start()
        server = self._site._server  # noqa: SLF001 - aiohttp has no public accessor for the bound port
        if server is not None and server.sockets:
            self._port = server.sockets[0].getsockname()[1]
        self.hub.start()
        self.scenario.start()

    async def stop(self) -> None:
        if self._stopping:
            return
        self._stopping = True
        await self.scenario.stop()
        for h in list(self._handles):
            h.cancel()
        self._handles.clear()
        await self.hub.stop()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> "EnreachSimulator":
        await self.start()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.stop()

    def _schedule(self, delay_s: float, fn: Callable, *args: Any) -> None:
        if self._stopping:
            return
        loop = asyncio.get_running_loop()

        def run() -> None:
            self._handles.discard(handle)
            if not self._stopping:
                try:
                    fn(*args)
                except Exception:  # pragma: no cover - logged, never kills the loop
                    log.exception("scheduled simulator action failed")

        handle = loop.call_later(max(0.0, delay_s * self.time_scale), run)
        self._handles.add(handle)

    # ------------------------------------------------------------------ authentication
    def _basic_user(self, request: web.Request) -> str | None:
        header = request.headers.get("Authorization", "")
        if not header.lower().startswith("basic "):
            return None
        try:
            name, _, secret = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return None
        uid = self.resolve_user(name)
        if uid is None or uid not in self.secrets or self.secrets[uid] != secret:
            return None
        return uid

    def resolve_user(self, name: str | None) -> str | None:
        if not name:
            return None
        low = name.strip().lower()
        if low in self.secrets:
            return low
        return self.aliases.get(low)

    async def h_token(self, request: web.Request) -> web.Response:
        """GET /token/{user_id}/rte/ (R:16, R:41-51). HTTP Basic ``user_id:secret`` (the document
        shows only ``headers``); ``me`` = the authenticated user (R:41)."""
        path_user = request.match_info["user_id"]
        entry: dict[str, Any] = {"path_user": path_user, "at": time.time()}
        self.token_requests.append(entry)
        if self.faults.token_error_remaining > 0:
            self.faults.token_error_remaining -= 1
            status = self.faults.token_error_status
            entry["status"] = status
            return _json(status, {"message": f"Simulated HTTP {status} (token_errors fault)"})
        user = self._basic_user(request)
        if user is None:
            entry["status"] = 401
            return _json(401, {"message": "Authorization has been denied for this request."},
                         headers={"WWW-Authenticate": 'Basic realm="Enreach API"'})
        target = user if path_user.lower() == "me" else self.resolve_user(path_user)
        if target != user:
            entry["status"] = 403
            return _json(403, {"message": f"User {user} may not request an RTE token for {path_user}."})
        token = self.jwt.issue(user, self.token_ttl_s)
        entry.update(status=200, user=user)
        return _json(200, {"WssEndpoint": self.hub_url, "Token": token})

    def _authenticate_hub(self, request: web.Request, stage: str) -> str | web.Response:
        """The user of a valid JWT from query ``access_token`` (browsers) or ``Authorization:
        Bearer`` (Node/.NET clients), else 401 like ASP.NET Core's JwtBearer (R:18)."""
        token = request.query.get("access_token")
        source = "query"
        if not token:
            header = request.headers.get("Authorization", "")
            if header.lower().startswith("bearer "):
                token, source = header[7:].strip(), "header"
        problem: str | None = None
        user: str | None = None
        if not token:
            problem = None
        elif self.faults.bad_token_on:
            problem = "The signature is invalid"
        else:
            try:
                claims = self.jwt.validate(token)
                user = str(claims.get("sub", "")).lower()
                if user not in self.secrets:
                    user, problem = None, "The token's user is unknown"
            except TokenError as exc:
                problem = str(exc)
        if user is not None:
            return user
        self.hub.rejected.append({"stage": stage, "status": 401, "reason": problem or "no token",
                                  "tokenSource": source if token else None, "at": time.time()})
        challenge = "Bearer" if problem is None else f'Bearer error="invalid_token", error_description="{problem}"'
        return web.Response(status=401, headers={"WWW-Authenticate": challenge})

    # ------------------------------------------------------------------ event plumbing
    def _emit_event(self, name: str, entity_id: str, fields: dict, extra: dict | None = None) -> int:
        self.emitted[name] = self.emitted.get(name, 0) + 1
        if not self.hub.subscribers(entity_id, name):
            return 0  # nobody listens: skip building the payload (floor scenario)
        data = cat.build_data(name, fields, case=self.payload_case, organization_id=self.organization_id,
                              entity_id=entity_id, extra=extra)
        return self.hub.publish(name, entity_id, data)

    def _snapshot(self, conn: Connection, sub: Subscription) -> None:
        """snapshot_on_subscribe: the current state of a stateful subscription, to this connection."""
        if not self.snapshot_on_subscribe:
            return
        w = self.world
        eid = sub.entity_id.lower()
        if sub.event == "UserAvailability" and eid in w.users:
            u = w.users[eid]
            fields = {"UserId": u.id, "UserName": u.email, "ProfileId": stable_id("profile", u.availability),
                      "Availability": u.availability, "StartTime": u.availability_since or cat.local_time(),
                      "EndTime": cat.DATETIME_MAX, "Note": u.note, "EventSource": "Snapshot", "TransferNumber": ""}
        elif sub.event == "UserStatus" and eid in w.users:
            fields = w.users[eid].status_fields()
        elif sub.event == "QueueStatus" and eid in w.queues:
            fields = w.queues[eid].fields()
        else:
            return
        data = cat.build_data(sub.event, fields, case=self.payload_case, organization_id=self.organization_id,
                              entity_id=sub.entity_id)
        self.hub.publish(sub.event, sub.entity_id, data, targets=[conn.id])

    def entity_kind(self, entity_id: str) -> str | None:
        return self.world.kind(entity_id)

    # ------------------------------------------------------------------ driving API
    def _user(self, user_id: str | None):
        uid = self.resolve_user(user_id) if user_id else None
        return self.world.user(uid or user_id, self.demo_user_id)

    def call_offered(self, user_id: str | None = None, queue_id: str | None = None,
                     caller_number: str = "+358401234567", caller_name: str | None = None,
                     target_number: str | None = None) -> str:
        """An inbound call offered to a user (default: the demo user). With ``queue_id``:
        QueueCallInComing, QueueCallInArrived, QueueStatus, UserCallInUserAllocated; without:
        UserCallInComing, UserCallInArrived, UserCallInUserAllocated. Then UserStatus (Talking).
        ``caller_name`` has no field in any RTE call event: it is kept in ``truth()`` only."""
        return self.world.call_offered(self._user(user_id), queue_id, caller_number, caller_name, target_number)

    def call_connected(self, call_id: str) -> None:
        self.world.call_connected(call_id)

    def call_transferred(self, call_id: str, to: str = "+358101002000", outcome: str = "connected") -> None:
        self.world.call_transferred(call_id, to, outcome)

    def call_overflowed(self, call_id: str, reason: str = "NoAnswer", target: str | None = None) -> None:
        self.world.call_overflowed(call_id, reason, target)

    def call_disconnected(self, call_id: str, reason: str = "remote", tech_reason: str | None = None) -> None:
        self.world.call_disconnected(call_id, reason, tech_reason)

    def call_outbound(self, user_id: str | None = None, target_number: str = "+358401112223") -> str:
        return self.world.call_outbound(self._user(user_id), target_number)

    def availability(self, user_id: str | None, state: str, note: str = "", end_time: str | None = None,
                     transfer_number: str | None = None, event_source: str = "User") -> None:
        """UserAvailability (R:401-438), then UserStatus when its fields changed."""
        self.world.availability(self._user(user_id), state, note, end_time, transfer_number, event_source)

    def user_status(self, user_id: str | None = None, **changes: Any) -> None:
        """UserStatus with ``serving``, ``fetch_mode``, ``talking`` or ``active_queues`` changed."""
        self.world.user_status(self._user(user_id), **changes)

    def wrap_up(self, user_id: str | None, call_id: str | None, phase: str = "started", *,
                max_s: float | None = None, reason: str = "manual", elapsed_s: float | None = None,
                queue_id: str | None = None) -> None:
        """``phase``: ``enabled`` (UserWrapUpEnabled), ``started`` (UserWrapUpStarted + UserStatus
        WrapUpStart/End), ``terminated`` (UserWrapUpTerminated with ``reason`` manual|timer +
        UserStatus)."""
        call: Call | None = self.world.calls.get(call_id) if call_id else None
        self.world.wrap_up(self._user(user_id), call, phase, max_s=max_s, reason=reason, elapsed_s=elapsed_s,
                           queue_id=queue_id)

    def queue_status(self, queue_id: str, waiting: int | None = None, longest_wait_s: int | None = None,
                     open_status: int | None = None, **counters: Any) -> None:
        """QueueStatus (R:1524-1577). ``waiting`` = NbrOfQueuingRequesters, ``longest_wait_s`` =
        MaxWaitTime, ``open_status`` = OpenStatus; other counters by their R names."""
        self.world.queue_status(self.world.queue(queue_id), waiting, longest_wait_s, open_status, **counters)

    def callback_changed(self, list_id: str, callback_id: str | None = None, **fields: Any) -> str:
        """CallbackChanged (R:1581-1660); returns the CallBackId (``Created`` true when new)."""
        return self.world.callback_changed(list_id, callback_id, **fields)

    def user_alert(self, user_id: str | None, text: str, **fields: Any) -> str:
        """UserAlert (R:368-399): ``text`` is the ConditionName; returns the AlertId."""
        return self.world.user_alert(self._user(user_id), text, **fields)

    def monitoring_available(self, supervisor_id: str | None = None, target_user_id: str | None = None,
                             call_id: str | None = None, **fields: Any) -> None:
        """UserCallAvailableForMonitoring (R:440-487) on the supervisor's User entity
        (default: the demo user); target = the call's user, or the first floor agent."""
        call = self.world.calls.get(call_id) if call_id else None
        target_id = target_user_id or (call.user_id if call else None) or (self.world.floor_ids or [None])[0]
        self.world.supervision("UserCallAvailableForMonitoring", self._user(supervisor_id), self._user(target_id),
                               call, fields)

    def supervision_status(self, supervisor_id: str | None = None, target_user_id: str | None = None,
                           call_id: str | None = None, state: int = 1, **fields: Any) -> None:
        """UserSupervisionStatus (R:1095-1134) on the supervisor's entity; ``State`` values are
        undocumented (R:1129): 0 in the sample."""
        call = self.world.calls.get(call_id) if call_id else None
        target_id = target_user_id or (call.user_id if call else None) or (self.world.floor_ids or [None])[0]
        self.world.supervision("UserSupervisionStatus", self._user(supervisor_id), self._user(target_id), call,
                               {"State": int(state), **fields})

    def user_setting(self, user_id: str | None, keyword: str, value: str | None, deleted: bool = False) -> None:
        self.world.user_setting(self._user(user_id), keyword, value, deleted)

    def emit(self, event_name: str, payload: dict, targets: list[str] | None = None) -> int:
        """Any event, ``payload`` sent verbatim as ``data``: to the connections subscribed to
        (payload's EntityId, event), or to ``targets`` (connection ids) whatever they
        subscribed. Returns the number of connections reached."""
        name = cat.canonical(event_name) or event_name
        entity_id = str(cat.get_ci(payload, "EntityId", ""))
        self.emitted[name] = self.emitted.get(name, 0) + 1
        return self.hub.publish(name, entity_id, payload, targets)

    def send_raw(self, text: str, targets: list[str] | None = None) -> int:
        """A raw hub record (``text`` + 0x1E), e.g. malformed JSON, to every connection."""
        return self.hub.send_raw(text, targets)

    def truth(self) -> dict:
        t = self.world.truth()
        t.update(self.hub.truth())
        t["emitted"] = dict(self.emitted)
        t["tokenRequests"] = list(self.token_requests)
        t["tokensIssued"] = self.jwt.issued
        t["faults"] = self.faults.as_dict()
        t["scenarioErrors"] = list(self.scenario.errors)
        return t

    # ------------------------------------------------------------------ control surface (no auth)
    async def s_do(self, request: web.Request) -> web.Response:
        """POST /sim/do {"action": "<driving method>", "args": {...}} -> {"ok": true, "result": ...}."""
        body = await request.json()
        action = body.get("action")
        allowed = {"call_offered", "call_connected", "call_transferred", "call_overflowed", "call_disconnected",
                   "call_outbound", "availability", "user_status", "wrap_up", "queue_status", "callback_changed",
                   "user_alert", "monitoring_available", "supervision_status", "user_setting", "emit", "send_raw"}
        if action not in allowed:
            return _json(400, {"ok": False, "error": f"unknown action {action!r}"})
        try:
            result = getattr(self, action)(**body.get("args", {}))
        except (KeyError, ValueError, TypeError) as exc:
            return _json(400, {"ok": False, "error": str(exc)})
        return _json(200, {"ok": True, "result": result})

    async def s_faults(self, request: web.Request) -> web.Response:
        """POST /sim/faults {"name": "<fault method>", "args": {...}}."""
        body = await request.json()
        name = body.get("name")
        allowed = {"drop_connections", "close", "partial_subscribe_failure", "invocation_error", "token_errors",
                   "stop_pings", "duplicate_next", "late_next", "bad_token", "expire_tokens", "reset"}
        if name not in allowed:
            return _json(400, {"ok": False, "error": f"unknown fault {name!r}"})
        result = getattr(self.faults, name)(**body.get("args", {}))
        return _json(200, {"ok": True, "result": result})

    async def s_truth(self, request: web.Request) -> web.Response:
        return _json(200, self.truth())
