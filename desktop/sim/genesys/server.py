"""GwsSimulator: a stateful Genesys Web Services 8.5 peer on loopback (aiohttp + asyncio).

REST under ``/api/v2`` (Basic auth, L527-529), statistics under ``/api/v1/stats`` (L5063-5150),
Bayeux long polling under ``/api/v2/notifications`` (digest §9), and an unauthenticated control surface under
``/sim/`` for tests and ``ctidesk sim``. ``Lnnn`` is a line of
``vendor-docs/genesys-gws-8.5.1-api-reference.md``. Choices made where the reference is
silent are listed in ``README.md``.

Never imports Qt or the client side of the project (``desktop.core``, ``desktop.vendors``,
``desktop.transports``).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import logging
import secrets
from pathlib import Path
from typing import Any, Callable

from aiohttp import web

from .bayeux import BayeuxServer
from .faults import Faults
from .floor import FloorSim
from .scenario import ScenarioRunner
from .world import OpError, World

log = logging.getLogger("desktop.sim.genesys")

_RequestKey = getattr(web, "RequestKey", None)  # aiohttp >= 3.12 wants typed request keys
K_USER: Any = _RequestKey("gws_user", str) if _RequestKey else "gws_user"
K_SID: Any = _RequestKey("gws_sid", object) if _RequestKey else "gws_sid"
K_END: Any = _RequestKey("gws_end_session", bool) if _RequestKey else "gws_end_session"

SCENARIO_DIR = Path(__file__).with_name("scenarios")
COOKIE = "GWS_SESSIONID"
API = "/api/v2"
STATS = "/api/v1/stats"  # the statistics API is v1 (L5067, L5101, L5199)

# Envelope variant each interaction operation documents (digest §1.6).
#  A: {"statusCode":0} / {"statusCode":n,"statusMessage":m}   (L556-571)
#  B: {"status":"ok"} / {"status":"error","errorDescription":m}
#  C: {"status":0} / {"statusCode":n,"statusMessage":m}
IXN_ENVELOPE = {
    "Accept": "B",  # generic Accept L2005-2017; chat Accept is A (L2725-2737), see _ixn_variant
    "Reject": "B",  # L2038-2050
    "Cancel": "C",  # L2071-2083
    "Complete": "A",  # L2104-2116
    "PlaceInQueue": "B",  # L2144-2156
    "UpdateUserData": "B",  # L2187-2199
    "AttachUserData": "B",  # L2230-2242
    "DeleteUserData": "B",  # L2273-2285
    "PlaceInWorkbin": "B",  # L2305-2317
    "GetWorkbinContent": "B",  # L2337-2349
    "Transfer": "A",  # L2373-2385
    "SingleStepTransfer": "A",
    "Reply": "B",  # L2449-2461
    "ReplyAll": "B",  # L2518-2531
    "Send": "B",  # L2595-2608
    "InviteUser": "B",  # L2761-2773
    "EndChatSession": "B",  # L2797-2809
    "SendMessage": "A",  # L2831-2843
    "SendStartTypingNotification": "A",  # L2866-2878
    "SendStopTypingNotification": "A",  # L2901-2918
    "RequestChatHistory": "A",  # L2941-2944
    "LeaveConference": "B",  # L2968-2980
}
ME_VARIANT_A = {"StartContactCenterSession", "EndContactCenterSession", "ChangePassword"}  # L690, L4573


def envelope(variant: str, error: OpError | None = None, extra: dict | None = None) -> tuple[int, dict]:
    """(HTTP status, body). Refusals: HTTP 404 for statusCode 6, 400 otherwise (our choice)."""
    if error is None:
        body: dict = {"A": {"statusCode": 0}, "B": {"status": "ok"}, "C": {"status": 0}}[variant]
        body = dict(body)
        if extra:
            body.update(extra)
        return 200, body
    http = 404 if error.code == 6 else 400
    if variant == "B":
        return http, {"status": "error", "errorDescription": error.message}
    return http, {"statusCode": error.code, "statusMessage": error.message}


def _json(status: int, body: Any, headers: dict | None = None) -> web.Response:
    return web.Response(status=status, text=json.dumps(body, ensure_ascii=False),
                        content_type="application/json", charset="utf-8", headers=headers)


def select_fields(obj: dict, fields: str | None) -> dict:
    """``fields=*`` or ``fields=a,b`` (L64-214)."""
    if not fields or fields.strip() == "*":
        return obj
    wanted = {f.strip() for f in fields.split(",") if f.strip()}
    return {k: v for k, v in obj.items() if k in wanted}


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


class GwsSimulator:
    def __init__(self, host: str = "127.0.0.1", port: int = 0, scenario: str | dict = "idle",
                 users: dict[str, str] | None = None, long_poll_timeout_s: float = 30.0,
                 time_scale: float = 1.0, bayeux_max_idle_s: float | None = None, agents: int | None = None,
                 event_rate: float | None = None, seed: int | None = None, floor_period_s: float | None = None):
        self.host = host
        self._port = port
        self.time_scale = float(time_scale)
        self.spec = load_scenario(scenario)
        self.users: dict[str, str] = dict(users if users is not None else self.spec.get("users", {"agent1": "secret"}))
        if not self.users:
            raise ValueError("at least one user is needed")
        self.faults = Faults()
        self.bayeux = BayeuxServer(self.faults, long_poll_timeout_s, bayeux_max_idle_s)
        self.faults._forget_hook = self.bayeux.forget_all
        self.faults._flush_hook = self._flush_reorder
        options = {"after_call_work": False, "recording_enabled": True, "far_end_answer_s": 1.0,
                   "interaction_envelope": "nested"}
        options.update(self.spec.get("options", {}))
        self.world = World(
            agents=self.spec.get("agents", []), users=self.users, options=options,
            custom_agent_states=self.spec.get("agentStates", []),
            workbins=self.spec.get("workbins", ["EmailWorkbinInProgress", "EmailWorkbinDraft"]),
            base_url=lambda: self.base_url, publish=self.bayeux.publish, schedule=self._schedule,
        )
        self.world.listeners.append(self._on_world_event)
        self.faults._supervisor_hook = self.world.set_other_supervisor
        self.faults._clear_supervisors_hook = self.world.clear_other_supervisors
        # the supervisor floor (README "Floor"): a ``floor`` section in the scenario, or agents=N
        floor = self.spec.get("floor")
        if floor is not None or agents is not None:
            floor = dict(floor or {})
            n_agents = int(agents if agents is not None else floor.get("agents", 500))
            self.event_rate = float(event_rate if event_rate is not None else floor.get("event_rate", 30.0))
            self.stat_sample_s = float(floor.get("stat_sample_s", 10.0))  # notificationFrequency (L5301-5302)
            self.floor: FloorSim | None = FloorSim(self.world, floor, n_agents, seed if seed is not None
                                                   else int(floor.get("seed", 8)))
            self.world.primary.roles = list(dict.fromkeys([*self.world.primary.roles, "ROLE_SUPERVISOR"]))
        else:
            self.floor = None
            self.event_rate = 0.0
            self.stat_sample_s = 10.0
        self.floor_period_s = floor_period_s  # given: the supervisor profile polls this often (demos, tests)
        self.stats_in_flight = 0  # /api/v1/stats requests being answered now
        self.stats_max_in_flight = 0  # the most ever at once (a client's bounded concurrency shows here)
        self._floor_task: asyncio.Task | None = None
        self.recorded_operations: list[tuple[str, str, Any]] = []
        self._sessions: dict[str, str] = {}  # session id -> user
        self._csrf: dict[str, str] = {}
        self._handles: set[asyncio.TimerHandle] = set()
        self._runner: web.AppRunner | None = None
        self._site: web.TCPSite | None = None
        self._stopping = False
        self.scenario = ScenarioRunner(self, self.spec)

    # ------------------------------------------------------------------ lifecycle
    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self._port}{API}"

    @property
    def notifications_url(self) -> str:
        return self.base_url + "/notifications"

    # -- what a client needs to connect (the embedded demo builds its profile from these) --
    def profile_options(self, supervisor: bool = False) -> dict:
        """The [genesys] profile section that points at this simulator; a supervisor's also
        polls the floor: the users, and one QUEUE + skill statistics pair per skill."""
        options = {"base_url": self.base_url, "channels": ["voice", "chat", "email"], "place": "Place_5001"}
        if supervisor:
            options["floor"] = True
            options["floor_queues"] = self.floor.floor_queues() if self.floor is not None else []
            if self.floor_period_s is not None:
                options["floor_period_s"] = float(self.floor_period_s)
        return options

    def credentials(self) -> dict:
        """``user`` and ``secret`` of the first agent (``api_key`` where a platform has one)."""
        user, secret = next(iter(self.users.items()))
        return {"user": user, "secret": secret}

    async def start(self) -> None:
        app = web.Application(middlewares=[self._api_middleware], client_max_size=8 * 1024 * 1024)
        self._routes(app)
        self._runner = web.AppRunner(app, handler_cancellation=True, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        self._site = web.TCPSite(self._runner, self.host, self._port)
        await self._site.start()
        server = self._site._server  # noqa: SLF001 - aiohttp exposes no public accessor for the bound port
        if server is not None and server.sockets:
            self._port = server.sockets[0].getsockname()[1]
        self.scenario.start()
        if self.floor is not None:
            self._floor_task = asyncio.get_running_loop().create_task(self._run_floor(), name="gws-sim-floor")

    async def stop(self) -> None:
        if self._stopping:
            return
        self._stopping = True
        await self.scenario.stop()
        if self._floor_task is not None:
            self._floor_task.cancel()
            await asyncio.gather(self._floor_task, return_exceptions=True)
        for h in list(self._handles):
            h.cancel()
        self._handles.clear()
        self.bayeux.close()  # releases held long polls
        await asyncio.sleep(0)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> "GwsSimulator":
        await self.start()
        return self

    async def __aexit__(self, *exc) -> None:
        await self.stop()

    def _schedule(self, delay_s: float, fn: Callable, *args) -> None:
        if self._stopping:
            return
        loop = asyncio.get_running_loop()

        def run() -> None:
            self._handles.discard(handle)
            if self._stopping:
                return
            try:
                fn(*args)
            except Exception:  # pragma: no cover - logged, never kills the loop
                log.exception("scheduled simulator action failed")

        handle = loop.call_later(max(0.0, delay_s * self.time_scale), run)
        self._handles.add(handle)

    async def sleep(self, seconds: float) -> None:
        """Scenario time: seconds scaled by time_scale."""
        await asyncio.sleep(max(0.0, seconds * self.time_scale))

    async def _run_floor(self) -> None:
        """``event_rate`` floor changes per (real) second, impatient callers, and a statistics
        sample every ``stat_sample_s``."""
        assert self.floor is not None
        loop = asyncio.get_running_loop()
        last = last_sample = loop.time()
        due = 0.0
        self.floor.sample()
        while True:
            await asyncio.sleep(0.05)
            now = loop.time()
            due += max(0.0, self.event_rate) * (now - last)
            last = now
            if due >= 1:
                self.floor.step(int(due))
                due -= int(due)
            self.floor.tick()
            if now - last_sample >= self.stat_sample_s:
                last_sample = now
                self.floor.sample()

    def floor_step(self, n: int = 1) -> int:
        """Driving method: ``n`` random floor changes now (tests use ``event_rate=0`` and this)."""
        if self.floor is None:
            raise ValueError("this simulator has no floor (scenario 'floor' or agents=N)")
        return self.floor.step(n)

    def floor_state(self, user: str, state: str, reason: str | None = None, work_mode: str | None = None) -> None:
        """Driving method: one floor user (name, id or device id) to Ready / NotReady [reason] / Logout."""
        if self.floor is None:
            raise ValueError("this simulator has no floor (scenario 'floor' or agents=N)")
        self.floor.set_state(user, state, reason, work_mode)

    def _flush_reorder(self, buffered: list) -> None:
        for user, msg in buffered:
            self.bayeux._deliver(user, msg)  # noqa: SLF001

    def _on_world_event(self, kind: str, info: dict) -> None:
        if kind == "password":
            self.users[info["user"]] = info["password"]
        self.scenario.on_event(kind, info)

    # ------------------------------------------------------------------ driving API
    def inbound_call(self, ani: str = "+15551234567", user_data: dict | None = None,
                     caller_name: str | None = None, user: str | None = None) -> str:
        return self.world.inbound_call(ani, user_data, caller_name, user)

    def remote_answer(self, call_id: str) -> None:
        self.world.remote_answer(call_id)

    def remote_hangup(self, call_id: str) -> None:
        self.world.remote_hangup(call_id)

    def inbound_chat(self, nickname: str = "Ann", first_text: str | None = None, user_data: dict | None = None,
                     user: str | None = None, subject: str = "Customer support") -> str:
        return self.world.inbound_chat(nickname, first_text, user_data, user, subject)

    def customer_typing(self, interaction_id: str, on: bool) -> None:
        self.world.customer_typing(interaction_id, on)

    def customer_says(self, interaction_id: str, text: str) -> None:
        self.world.customer_says(interaction_id, text)

    def customer_leaves(self, interaction_id: str) -> None:
        self.world.customer_leaves(interaction_id)

    def inbound_email(self, from_addr: str, subject: str, body: str, to_addr: str = "support@example.com",
                      user_data: dict | None = None, user: str | None = None, cc_addr: str = "") -> str:
        return self.world.inbound_email(from_addr, subject, body, to_addr, user_data, user, cc_addr)

    def revoke(self, interaction_id: str) -> None:
        self.world.revoke(interaction_id)

    def truth(self) -> dict:
        t = self.world.truth()
        t["faults"] = self.faults.as_dict()
        if self.floor is not None:
            t["floor"] = {"agents": len(self.floor.agents), "changes": self.floor.changes,
                          "eventRate": self.event_rate, "statsMaxInFlight": self.stats_max_in_flight,
                          "queues": {q.name: {"queueId": q.queue_id, "skillId": q.skill_id,
                                              "waiting": len(q.waiting), "answered": q.answered,
                                              "abandoned": q.abandoned} for q in self.floor.queues.values()}}
        t["bayeuxClients"] = [
            {"clientId": c.id, "user": c.user, "subscriptions": sorted(c.subscriptions), "queued": len(c.queue),
             "holding": c.waiter is not None} for c in self.bayeux.clients.values()]
        return t

    # ------------------------------------------------------------------ HTTP plumbing
    def _routes(self, app: web.Application) -> None:
        r = app.router
        r.add_route("*", API + "/notifications", self.h_notifications)
        r.add_route("*", API + "/notifications/{tail:.*}", self.h_notifications)
        r.add_get(API + "/me", self.h_get_me)
        r.add_post(API + "/me", self.h_post_me)
        r.add_get(API + "/me/devices", self.h_get_devices)
        r.add_get(API + "/me/devices/{id}", self.h_get_device)
        r.add_get(API + "/devices/{id}", self.h_get_device)
        r.add_post(API + "/devices/{id}", self.h_post_device)
        r.add_post(API + "/devices/{id}/calls", self.h_dial)
        r.add_get(API + "/me/channels", self.h_get_channels)
        r.add_get(API + "/me/channels/{ch}", self.h_get_channel)
        r.add_post(API + "/me/channels/{ch}", self.h_post_me_channel)
        r.add_post(API + "/channels/{ch}", self.h_post_channel)
        r.add_get(API + "/me/calls", self.h_get_calls)
        r.add_get(API + "/me/calls/{id}", self.h_get_call)
        r.add_post(API + "/me/calls/{id}", self.h_post_call)
        r.add_post(API + "/me/call/{id}", self.h_post_call)  # the misprinted URI of L4530
        r.add_get(API + "/me/interactions", self.h_get_interactions)
        r.add_post(API + "/me/interactions", self.h_post_interactions)
        r.add_get(API + "/me/interactions/{id}", self.h_get_interaction)
        r.add_get(API + "/interactions/{id}", self.h_get_interaction)
        r.add_post(API + "/me/interactions/{id}", self.h_post_interaction)
        r.add_get(API + "/settings/agent-states", self.h_agent_states)
        r.add_get(API + "/me/workbins", self.h_get_workbins)
        r.add_post(API + "/me/workbins", self.h_post_workbins)
        r.add_get(API + "/me/workbins/{wid}/interactions", self.h_get_workbin_content)
        r.add_post(API + "/me/workbins/{wid}/interactions", self.h_add_to_workbin)
        r.add_get(API + "/contacts", self.h_get_contacts)
        r.add_get(API + "/users", self.h_get_users)
        r.add_get(API + "/users/{id}", self.h_get_user)
        r.add_get(API + "/skills", self.h_get_skills)
        r.add_route("*", API + "/{tail:.*}", self.h_not_found)
        r.add_get(STATS + "/{oid}", self.h_stats)
        r.add_get(STATS + "/{oid}/{statistic}", self.h_stats_range)
        r.add_route("*", "/api/v1/{tail:.*}", self.h_not_found)
        # control surface
        r.add_post("/sim/inbound-call", self.s_inbound_call)
        r.add_post("/sim/inbound-chat", self.s_inbound_chat)
        r.add_post("/sim/customer-says", self.s_customer_says)
        r.add_post("/sim/customer-typing", self.s_customer_typing)
        r.add_post("/sim/customer-leaves", self.s_customer_leaves)
        r.add_post("/sim/inbound-email", self.s_inbound_email)
        r.add_post("/sim/remote-answer", self.s_remote_answer)
        r.add_post("/sim/remote-hangup", self.s_remote_hangup)
        r.add_post("/sim/revoke", self.s_revoke)
        r.add_post("/sim/faults", self.s_faults)
        r.add_post("/sim/floor-step", self.s_floor_step)
        r.add_post("/sim/floor-state", self.s_floor_state)
        r.add_get("/sim/truth", self.s_truth)
        r.add_get("/sim/operations", self.s_operations)
        r.add_delete("/sim/operations", self.s_clear_operations)

    def _auth(self, request: web.Request) -> tuple[str | None, str | None, bool]:
        """(user, session id, new session?). Basic credentials win; without an Authorization
        header a live session cookie is enough (the HTTP session of L4631)."""
        header = request.headers.get("Authorization", "")
        sid = request.cookies.get(COOKIE)
        if header:
            if not header.lower().startswith("basic "):
                return None, None, False
            try:
                raw = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                return None, None, False
            name, _, pw = raw.partition(":")
            if name not in self.users or self.users[name] != pw:
                return None, None, False
            if sid and self._sessions.get(sid) == name:
                return name, sid, False
            sid = secrets.token_hex(16)
            self._sessions[sid] = name
            self._csrf[sid] = secrets.token_urlsafe(16)
            return name, sid, True
        if sid and sid in self._sessions:
            return self._sessions[sid], sid, False
        return None, None, False

    @web.middleware
    async def _api_middleware(self, request: web.Request, handler):
        if not request.path.startswith("/api/"):
            return await handler(request)
        is_bayeux = request.path.startswith(API + "/notifications")
        if not is_bayeux:
            body: Any = None
            raw = await request.read()
            if raw:
                text = raw.decode("utf-8", "replace")
                try:
                    body = json.loads(text)
                except json.JSONDecodeError:
                    body = text
            self.recorded_operations.append((request.method, request.path, body))
            if self.faults.rest_error_applies(request.path):
                self.faults.rest_error_remaining -= 1
                st = self.faults.rest_error_status
                eb = self.faults.rest_error_body or {
                    "statusCode": 4, "statusMessage": f"Simulated HTTP {st} (rest_errors fault)"}
                return _json(st, eb)
        user, sid, new = self._auth(request)
        if user is None:
            return _json(401, {"statusCode": 5,
                               "statusMessage": "Unauthorized: missing or invalid Basic credentials"},
                         headers={"WWW-Authenticate": 'Basic realm="GWS"'})
        request[K_USER] = user
        request[K_SID] = sid
        is_stats = request.path.startswith(STATS + "/")
        if is_stats:
            self.stats_in_flight += 1
            self.stats_max_in_flight = max(self.stats_max_in_flight, self.stats_in_flight)
        try:
            resp = await handler(request)
            if not is_bayeux and self.faults.slow_rest_s > 0:
                await asyncio.sleep(self.faults.slow_rest_s)
        finally:
            if is_stats:
                self.stats_in_flight -= 1
        ended = request.get(K_END)
        if ended:
            resp.del_cookie(COOKIE, path="/api")
        elif new and sid:
            resp.set_cookie(COOKIE, sid, path="/api", httponly=True)
        if sid and not ended and sid in self._csrf and request.method == "GET":
            # digest §9: CSRF header name/token pair handed out, never required
            resp.headers["X-CSRF-HEADER"] = "X-CSRF-TOKEN"
            resp.headers["X-CSRF-TOKEN"] = self._csrf[sid]
        return resp

    async def _body(self, request: web.Request) -> dict:
        raw = await request.read()  # cached by aiohttp: the middleware may have read it already
        if not raw.strip():
            return {}
        try:
            body = json.loads(raw)
        except (json.JSONDecodeError, ValueError):
            raise OpError(1, "Request body is not valid JSON") from None
        if not isinstance(body, dict):
            raise OpError(1, "Request body must be a JSON object")
        return body

    def _agent(self, request: web.Request):
        return self.world.agent(request[K_USER])

    async def _run(self, request: web.Request, variant: str, fn: Callable[[dict], Any]) -> web.Response:
        try:
            body = await self._body(request)
            extra = fn(body)
        except OpError as e:
            st, b = envelope(variant, e)
            return _json(st, b)
        st, b = envelope(variant, None, extra if isinstance(extra, dict) else None)
        return _json(st, b)

    # ------------------------------------------------------------------ REST: reads
    async def h_not_found(self, request: web.Request) -> web.Response:
        return _json(404, {"statusCode": 6, "statusMessage": f"Resource not found: {request.path}"})

    async def h_get_me(self, request):
        ag = self._agent(request)
        subs = request.query.get("subresources")
        user = select_fields(self.world.render_user(ag, bool(subs)), request.query.get("fields"))
        return _json(200, {"statusCode": 0, "user": user})  # singular shape L627-641

    def _list(self, request, plural: str, items: list[dict], uri: Callable[[dict], str]) -> web.Response:
        fields = request.query.get("fields")
        for k, v in request.query.items():  # filters: a query parameter named like a field (L216-290)
            if k not in ("fields", "subresources", "resolveUri", "resolveUris"):
                items = [it for it in items if str(it.get(k)) == v]
        if fields is None:
            return _json(200, {"statusCode": 0, "uris": [uri(it) for it in items]})  # L583-597
        return _json(200, {"statusCode": 0, plural: [select_fields(it, fields) for it in items]})

    async def h_get_devices(self, request):
        ag = self._agent(request)
        return self._list(request, "devices", [self.world.render_device(ag)],
                          lambda d: self.base_url + f"/devices/{d['id']}")

    async def h_get_device(self, request):
        ag = self._agent(request)
        if request.match_info["id"] != ag.device_id:
            return _json(404, {"statusCode": 6, "statusMessage": f"Device not found: {request.match_info['id']}"})
        return _json(200, {"statusCode": 0, "device": select_fields(self.world.render_device(ag),
                                                                    request.query.get("fields"))})

    async def h_get_channels(self, request):
        ag = self._agent(request)
        items = [self.world.render_channel(ag, ch) for ch in ("voice", "chat", "email")]
        if request.query.get("fields") is None:
            # L1583-1618 shows the objects even without fields: keep the objects
            return _json(200, {"statusCode": 0, "channels": items})
        return self._list(request, "channels", items, lambda c: self.base_url + f"/me/channels/{c['channel']}")

    async def h_get_channel(self, request):
        ag = self._agent(request)
        ch = request.match_info["ch"]
        if ch not in ag.channels:
            return _json(404, {"statusCode": 6, "statusMessage": f"Channel not found: {ch}"})
        return _json(200, {"statusCode": 0, "channel": self.world.render_channel(ag, ch)})

    async def h_get_calls(self, request):
        ag = self._agent(request)
        calls = [self.world.render_call(c) for c in self.world.calls.values() if c.owner == ag.user_name]
        return self._list(request, "calls", calls, lambda c: c["uri"])

    async def h_get_call(self, request):
        ag = self._agent(request)
        c = self.world.calls.get(request.match_info["id"])
        if c is None or c.owner != ag.user_name:
            return _json(404, {"statusCode": 6, "statusMessage": f"Call not found: {request.match_info['id']}"})
        return _json(200, {"statusCode": 0, "call": select_fields(self.world.render_call(c),
                                                                  request.query.get("fields"))})

    def _my_interactions(self, ag) -> list[dict]:
        return [self.world.render_interaction(ix) for ix in self.world.interactions.values()
                if ix.owner == ag.user_name and ix.phase != "routing"]

    async def h_get_interactions(self, request):
        ag = self._agent(request)
        return self._list(request, "interactions", self._my_interactions(ag),
                          lambda ix: self.base_url + f"/interactions/{ix['id']}")  # L1954-1955

    async def h_get_interaction(self, request):
        ag = self._agent(request)
        iid = request.match_info["id"]
        ix = self.world.interactions.get(iid)
        if ix is None or ix.owner != ag.user_name or ix.phase == "routing":
            return _json(404, {"statusCode": 6, "statusMessage": f"Interaction not found: {iid}"})
        return _json(200, {"statusCode": 0, "interaction": select_fields(self.world.render_interaction(ix),
                                                                         request.query.get("fields"))})

    async def h_agent_states(self, request):
        # shape L1140-1171: key, settings[], statusCode
        return _json(200, {"key": "operationName", "settings": [dict(s) for s in self.world.agent_states],
                           "statusCode": 0})

    async def h_get_contacts(self, request):
        """The directory (L4020-4075): users, queues and custom contacts; any attribute filters
        (AND), matched case-insensitively as the example's ``type=custom`` needs."""
        contacts = [{"id": a.user_id, "name": f"{a.first_name} {a.last_name}".strip(), "type": "User",
                     "phoneNumber": a.phone, "userName": a.user_name, "firstName": a.first_name,
                     "lastName": a.last_name, "employeeId": a.user_name}
                    for a in self.world.agents.values()]
        contacts += [dict(c) for c in self.spec.get("contacts", [])]
        for key, value in request.query.items():
            if key not in ("fields",):
                contacts = [c for c in contacts if str(c.get(key, "")).lower() == value.lower()]
        return _json(200, {"statusCode": 0, "contacts": contacts})

    async def h_get_users(self, request):
        viewer = self._agent(request)  # device capabilities depend on who looks (L3912-3916)
        subs = bool(request.query.get("subresources"))
        users = []
        for n, a in enumerate(list(self.world.agents.values()), 1):
            users.append(self.world.render_user(a, subs, viewer))
            if n % 500 == 0:
                await asyncio.sleep(0)  # a floor of thousands: the simulator may share a loop with a GUI
        if subs and request.query.get("fields") is None:
            if len(users) > 500:  # megabytes of JSON: encoded a chunk at a time
                parts = []
                for start in range(0, len(users), 500):
                    parts.append(json.dumps(users[start:start + 500], ensure_ascii=False)[1:-1])
                    await asyncio.sleep(0)
                text = '{"statusCode": 0, "users": [' + ", ".join(parts) + "]}"
                return web.Response(status=200, text=text, content_type="application/json", charset="utf-8")
            return _json(200, {"statusCode": 0, "users": users})
        return self._list(request, "users", users, lambda u: u["uri"])

    async def h_get_user(self, request):
        a = self.world.find_agent(request.match_info["id"])
        if a is None:
            return _json(404, {"statusCode": 6, "statusMessage": f"User not found: {request.match_info['id']}"})
        return _json(200, {"statusCode": 0, "user": self.world.render_user(a, bool(request.query.get("subresources")),
                                                                           self._agent(request))})

    async def h_get_skills(self, request):
        """GET /skills[?fields=*] (L3670-3722)."""
        return self._list(request, "skills", [dict(s) for s in self.world.skills.values()],
                          lambda sk: self.base_url + f"/skills/{sk['id']}")

    # ------------------------------------------------------------------ statistics (L5055-5204)
    def _stats_unknown(self, what: str) -> web.Response:
        # the reference shows no statistics error; we use the generic statusCode 6 envelope (L562-568)
        return _json(404, {"statusCode": 6, "statusMessage": what})

    async def h_stats(self, request):
        oid = request.match_info["oid"]
        body = self.floor.current(oid) if self.floor is not None else None
        if body is None:
            return self._stats_unknown(f"Statistics object not found: {oid}")
        return _json(200, body)

    async def h_stats_range(self, request):
        oid, statistic = request.match_info["oid"], request.match_info["statistic"]
        try:
            num = int(request.query.get("numValues", "1"))  # default 1 (L5107)
            start = int(request.query["from"]) if "from" in request.query else None
            end = int(request.query["to"]) if "to" in request.query else None
        except ValueError:
            return _json(400, {"statusCode": 2, "statusMessage": "numValues, from and to must be whole numbers"})
        body = self.floor.series(oid, statistic, num, start, end) if self.floor is not None else None
        if body is None:
            if self.floor is None or self.floor.values(oid) is None:
                return self._stats_unknown(f"Statistics object not found: {oid}")
            return self._stats_unknown(f"Statistic not found for object {oid}: {statistic}")
        return _json(200, body)

    async def h_get_workbins(self, request):
        wbs = [{"workbinId": self.world.workbin_id(n), "active": 1, "workbinName": n,
                "viewName": f"{n}/PrivateView", "workbinType": 1} for n in self.world.workbins]
        return _json(200, {"status": 0, "workbins": wbs})  # variant C, L5986-6030

    async def h_get_workbin_content(self, request):
        name = self.world.workbin_name(request.match_info["wid"])
        if name is None:
            return _json(404, {"statusCode": 6, "statusMessage": f"Workbin not found: {request.match_info['wid']}"})
        ag = self._agent(request)
        items = [self.world.workbin_item_raw(name, it) for it in self.world.workbins[name]
                 if it["interaction"].owner == ag.user_name]
        return _json(200, {"statusCode": 0, "interactions": items})  # L6076-6160

    # ------------------------------------------------------------------ REST: operations
    async def h_post_me(self, request):
        ag = self._agent(request)
        try:
            body = await self._body(request)
        except OpError as e:
            return _json(*envelope("B", e))
        op = body.get("operationName")
        variant = "A" if op in ME_VARIANT_A else "B"
        try:
            self.world.me_op(ag, body)
        except OpError as e:
            return _json(*envelope(variant, e))
        if op == "EndContactCenterSession":
            sid = request.get(K_SID)
            if sid:  # "Invalidate the HTTP session" (L4631)
                self._sessions.pop(sid, None)
                self._csrf.pop(sid, None)
                self.bayeux.forget_session(sid)
                request[K_END] = True
        return _json(*envelope(variant))

    async def h_post_me_channel(self, request):
        ag = self._agent(request)
        return await self._run(request, "B", lambda b: self.world.channel_op(ag, request.match_info["ch"], b))

    async def h_post_channel(self, request):
        ag = self._agent(request)
        return await self._run(request, "A", lambda b: self.world.channel_op(ag, request.match_info["ch"], b))

    async def h_post_device(self, request):
        ag = self._agent(request)
        return await self._run(request, "A", lambda b: self.world.device_op(ag, request.match_info["id"], b))

    async def h_dial(self, request):
        ag = self._agent(request)
        return await self._run(request, "A", lambda b: self.world.dial(ag, request.match_info["id"], b))

    async def h_post_call(self, request):
        ag = self._agent(request)
        return await self._run(request, "A", lambda b: self.world.call_op(ag, request.match_info["id"], b))

    def _ixn_variant(self, op: str | None, iid: str) -> str:
        if op == "Accept":
            ix = self.world.interactions.get(iid)
            return "A" if ix is not None and ix.channel == "chat" else "B"
        return IXN_ENVELOPE.get(op or "", "A")

    async def h_post_interaction(self, request):
        ag = self._agent(request)
        iid = request.match_info["id"]
        try:
            body = await self._body(request)
        except OpError as e:
            return _json(*envelope("A", e))
        variant = self._ixn_variant(body.get("operationName"), iid)
        try:
            extra = self.world.ixn_op(ag, iid, body)
        except OpError as e:
            return _json(*envelope(variant, e))
        return _json(*envelope(variant, None, extra))

    async def h_post_interactions(self, request):
        ag = self._agent(request)
        try:
            body = await self._body(request)
        except OpError as e:
            return _json(*envelope("B", e))
        op = body.get("operationName")
        if op == "PullInteractionFromWorkbin":  # L6209-6241, variant C
            return await self._run_body("C", lambda: self.world.pull_from_workbin(ag, body.get("uri")))
        if op == "Create":  # L2612-2646, variant B
            return await self._run_body("B", lambda: self.world.create_email(ag, body) and None)
        return _json(*envelope("B", OpError(1 if not op else 2,
                                            "Missing parameter: operationName" if not op
                                            else f"Unknown operation on /me/interactions: {op}")))

    async def _run_body(self, variant: str, fn: Callable[[], Any]) -> web.Response:
        try:
            extra = fn()
        except OpError as e:
            return _json(*envelope(variant, e))
        return _json(*envelope(variant, None, extra if isinstance(extra, dict) else None))

    async def h_post_workbins(self, request):
        # Subscribe/Unsubscribe (L6243-6274, L6322-6349); the URI is not in the source
        try:
            body = await self._body(request)
        except OpError as e:
            return _json(*envelope("C", e))
        if body.get("operationName") not in ("Subscribe", "Unsubscribe"):
            return _json(*envelope("C", OpError(2, f"Unknown workbin operation: {body.get('operationName')}")))
        return _json(200, {"status": 0})

    async def h_add_to_workbin(self, request):
        ag = self._agent(request)
        try:
            body = await self._body(request)
            name = self.world.workbin_name(request.match_info["wid"])
            if name is None:
                raise OpError(6, f"Workbin not found: {request.match_info['wid']}")
            iid = body.get("interactionId")
            if not iid:
                raise OpError(1, "Missing parameter: interactionId")
            ix = self.world._ixn(ag, str(iid))  # noqa: SLF001
            self.world._place_in_workbin(ag, ix, name)  # noqa: SLF001
        except OpError as e:
            return _json(*envelope("C", e))
        wid = self.world.workbin_id(name)
        return _json(200, {"status": 0, "uri": self.base_url + f"/me/workbins/{wid}/interactions/{iid}"})

    # ------------------------------------------------------------------ Bayeux
    async def h_notifications(self, request):
        if request.method not in ("POST", "GET"):
            return _json(405, {"statusCode": 3, "statusMessage": "Use POST for Bayeux long polling"})
        return await self.bayeux.handle(request, request[K_USER], request.get(K_SID))

    # ------------------------------------------------------------------ control surface
    async def _ctl(self, request, fn: Callable[[dict], Any]) -> web.Response:
        try:
            raw = await request.read()
            body = json.loads(raw) if raw.strip() else {}
            if not isinstance(body, dict):
                raise ValueError("body must be a JSON object")
            result = fn(body)
        except KeyError as e:
            return _json(404, {"error": f"unknown id or missing field: {e}"})
        except (TypeError, ValueError) as e:
            return _json(400, {"error": str(e)})
        return _json(200, {"ok": True, **({"id": result} if isinstance(result, str) else {})})

    async def s_inbound_call(self, request):
        return await self._ctl(request, lambda b: self.inbound_call(
            b.get("ani", "+15551234567"), b.get("user_data"), b.get("caller_name"), b.get("user")))

    async def s_inbound_chat(self, request):
        return await self._ctl(request, lambda b: self.inbound_chat(
            b.get("nickname", "Ann"), b.get("first_text"), b.get("user_data"), b.get("user"),
            b.get("subject", "Customer support")))

    async def s_customer_says(self, request):
        return await self._ctl(request, lambda b: self.customer_says(b["interaction_id"], b["text"]))

    async def s_customer_typing(self, request):
        return await self._ctl(request, lambda b: self.customer_typing(b["interaction_id"], bool(b.get("on", True))))

    async def s_customer_leaves(self, request):
        return await self._ctl(request, lambda b: self.customer_leaves(b["interaction_id"]))

    async def s_inbound_email(self, request):
        return await self._ctl(request, lambda b: self.inbound_email(
            b["from_addr"], b.get("subject", ""), b.get("body", ""), b.get("to_addr", "support@example.com"),
            b.get("user_data"), b.get("user"), b.get("cc_addr", "")))

    async def s_remote_answer(self, request):
        return await self._ctl(request, lambda b: self.remote_answer(b["call_id"]))

    async def s_remote_hangup(self, request):
        return await self._ctl(request, lambda b: self.remote_hangup(b["call_id"]))

    async def s_revoke(self, request):
        return await self._ctl(request, lambda b: self.revoke(b["interaction_id"]))

    async def s_faults(self, request):
        def apply(b: dict):
            name = b.get("name")
            allowed = {"drop_long_polls", "forget_clients", "rest_errors", "slow_rest", "duplicate_next",
                       "reorder_next", "malformed_next", "other_supervisor", "reset"}
            if name not in allowed:
                raise ValueError(f"unknown fault {name!r}; one of {sorted(allowed)}")
            getattr(self.faults, name)(**(b.get("args") or {}))
        return await self._ctl(request, apply)

    async def s_floor_step(self, request):
        return await self._ctl(request, lambda b: self.floor_step(int(b.get("n", 1))) and None)

    async def s_floor_state(self, request):
        return await self._ctl(request, lambda b: self.floor_state(b["user"], b["state"], b.get("reason"),
                                                                   b.get("work_mode")))

    async def s_truth(self, request):
        return _json(200, self.truth())

    async def s_operations(self, request):
        return _json(200, [{"method": m, "path": p, "body": b} for m, p, b in self.recorded_operations])

    async def s_clear_operations(self, request):
        self.recorded_operations.clear()
        return _json(200, {"ok": True})
