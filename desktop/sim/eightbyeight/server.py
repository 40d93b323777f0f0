"""EightByEightSimulator: an 8x8 Contact Center Streaming API (SAPI) peer on loopback.

One websocket endpoint per the URL template of S:39::

    ws://<host>:<port>/api/streaming/v1/clientconnect/subscribe/TenantUpdates-{tenant}-{subscriptionId}
        ?desiredOutputType={outputType}&tenantId={tenantId}&subsId={subscriptionId}

HTTP Basic on the upgrade (user name + Data Request Token, as the browser tool asks, S:240-246),
at most ``max_subscriptions`` concurrent subscriptions per tenant (S:63-64), a server-side close
after ``subscription_lifetime_s`` (S:65), a per-subscription cache of ``cache_window_s`` replayed
on reconnect with the same subscription id (S:66-68), ``ClientCheck`` heartbeats (S:264-276), the
four output types (S:57). ``S:n``/``E:n`` are lines of vendor-docs/8x8-streaming-api-sapi.md /
8x8-event-streaming-reference.md; choices where they are silent are listed in README.md.

Never imports Qt or the client side (``desktop.core``, ``desktop.vendors``, ``desktop.transports``).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import logging
import time
from collections import deque
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.protocol import State
from websockets.http11 import Request, Response

from . import sequences as seqs
from . import wire
from .faults import Faults
from .scenario import DEFAULT_STATUS_CYCLE, FloorState, ScenarioRunner
from .world import EMPTY_MSGINFO_EVENTS, Play, World, unknown_records

log = logging.getLogger("desktop.sim.eightbyeight")

SCENARIO_DIR = Path(__file__).with_name("scenarios")
API_PREFIX = "/api/streaming/v1"
SUBSCRIBE_PREFIX = API_PREFIX + "/clientconnect/subscribe/"
REALM = "8x8 Streaming API"
LIFETIME_CLOSE_CODE = 1000
RESERVATION_S = 5.0  # an accepted upgrade holds its slot this long until the handler runs
DUPLICATE_GRACE_S = 0.5  # a reconnect may race the server noticing the old socket's close
CACHE_MAX_EVENTS = 200_000  # cap on a subscription's cache (oldest dropped first, digest 1.3)


def load_scenario(scenario: str | dict | None) -> dict:
    if isinstance(scenario, dict):
        return scenario
    name = scenario or "idle"
    p = Path(name)
    if not p.suffix and (SCENARIO_DIR / f"{name}.json").exists():
        p = SCENARIO_DIR / f"{name}.json"
    if not p.exists():
        known = sorted(x.stem for x in SCENARIO_DIR.glob("*.json"))
        raise FileNotFoundError(f"unknown 8x8 scenario {scenario!r} (built-in: {', '.join(known)}; or a JSON path)")
    return json.loads(p.read_text(encoding="utf-8"))


class Entry:
    """One published record, shared by every subscription's cache."""
    __slots__ = ("idx", "t", "record", "texts")

    def __init__(self, idx: int, t: float, record: dict):
        self.idx = idx
        self.t = t
        self.record = record
        self.texts: dict[str, str] = {}

    def text(self, output_type: str) -> str:
        base = wire.base_format(output_type)
        t = self.texts.get(base)
        if t is None:
            t = wire.to_xml(self.record) if base == "xml" else wire.to_json(self.record)
            self.texts[base] = t
        return t + wire.suffix(output_type)


class Subscription:
    def __init__(self, sub_id: str, created: float):
        self.id = sub_id
        self.created = created
        self.cache: deque[Entry] = deque(maxlen=CACHE_MAX_EVENTS)
        self.delivered_upto = 0
        self.conn: Conn | None = None
        self.disconnected_at: float | None = None
        self.sent = 0
        self.heartbeats = 0
        self.connects = 0
        self.replayed = 0
        self.output_type = "JSON"
        self.last_close: str | None = None


class Conn:
    def __init__(self, ws: ServerConnection, sub: Subscription, output_type: str):
        self.ws = ws
        self.sub = sub
        self.output_type = output_type
        self.queue: asyncio.Queue = asyncio.Queue()
        self.tasks: list[asyncio.Task] = []
        self.lifetime: asyncio.TimerHandle | None = None

    def put(self, text: str, last_idx: int | None, n_events: int) -> None:
        self.queue.put_nowait((text, last_idx, n_events))


class EightByEightSimulator:
    def __init__(self, host: str = "127.0.0.1", port: int = 0, scenario: str | dict = "idle",
                 users: dict[str, str] | None = None, tenant: str = "acmecorp01", max_subscriptions: int = 3,
                 subscription_lifetime_s: float = 3600.0, cache_window_s: float = 7200.0,
                 heartbeat_interval_s: float = 30.0, time_scale: float = 1.0, agents: int | None = None,
                 event_rate: float | None = None, seed: int = 8):
        self.host = host
        self._port = port
        self.spec = load_scenario(scenario)
        self.tenant = tenant
        self.users: dict[str, str] = dict(users if users is not None else self.spec.get("users", {tenant: "demo-token"}))
        if not self.users:
            raise ValueError("at least one user is needed")
        self.max_subscriptions = int(max_subscriptions)
        self.subscription_lifetime_s = float(subscription_lifetime_s)
        self.cache_window_s = float(cache_window_s)
        self.heartbeat_interval_s = float(heartbeat_interval_s)
        self.time_scale = float(time_scale)
        floor = self.spec.get("floor") or {}
        n_agents = agents if agents is not None else floor.get("agents", self.spec.get("agents", 50))
        self.event_rate = event_rate if event_rate is not None else floor.get("event_rate")
        self._clock_offset = 0.0
        self.world = World(tenant, self.spec, int(n_agents), self.now, seed=seed)
        self.status_cycle: list[dict] = list(self.spec.get("status_cycle") or DEFAULT_STATUS_CYCLE)
        self.faults = Faults()
        self.faults._hooks.update({  # noqa: SLF001
            "expire": self._expire_all, "drop": self._drop_all, "stall": self._set_stall,
            "flush_merge": self._flush_merge, "switch_instance": self._switch_instance,
        })
        self.instance_id = "sim01.loopback.ctidesk.invalid-sapi-v1"
        self._instance_n = 1
        self._seq = 0  # msgInfo.sequenceId: one counter per instance, heartbeats included (S:270, S:288)
        self._idx = 0  # internal record index (cache / delivery bookkeeping)
        self.published = 0
        self.subscriptions: dict[str, Subscription] = {}
        self._reserved: dict[str, tuple[ServerConnection, float]] = {}
        self._interactions: dict[str, dict] = {}
        self._tasks: set[asyncio.Task] = set()
        self._unstalled = asyncio.Event()
        self._unstalled.set()
        self._server: Server | None = None
        self._stopping = False
        self.scenario = ScenarioRunner(self, self.spec)
        self._floor = FloorState(self, float(floor.get("call_share", 0.35)), int(floor.get("max_calls", 400)))

    # ------------------------------------------------------------------ lifecycle
    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        """The URL prefix (scheme, host, ``/api/streaming/v1``); the client appends
        ``/clientconnect/subscribe/TenantUpdates-{tenant}-{subscriptionId}?...`` (S:39)."""
        return f"ws://{self.host}:{self._port}{API_PREFIX}"

    def subscribe_url(self, subscription_id: str = "ctidesk-demo-1", output_type: str = "NEWLINE_JSON") -> str:
        """The full URL of S:39 for this simulator (tests and tools)."""
        return (f"{self.base_url}/clientconnect/subscribe/TenantUpdates-{self.tenant}-{subscription_id}"
                f"?desiredOutputType={output_type}&tenantId={self.tenant}&subsId={subscription_id}")

    def profile_options(self, supervisor: bool = False) -> dict:
        """The [8x8] profile section that points at this simulator; a supervisor's follows the
        whole tenant (``agent_id`` empty) instead of the demo agent."""
        return {
            "url": self.base_url, "tenant": self.tenant, "subscription_id": "ctidesk-demo-1",
            "output_type": "NEWLINE_JSON", "agent_id": "" if supervisor else self.world.demo_agent_id,
            "heartbeat_timeout_s": 2 * self.heartbeat_interval_s,
            # the simulator's status codes (README "Agent status codes"); tenant-specific (S:228)
            "agent_states": {"0": "unknown", "1": "logged_out", "2": "not_ready", "3": "away", "4": "ready",
                             "5": "not_ready", "6": "busy", "7": "busy", "8": "after_call_work", "9": "busy",
                             "10": "busy", "11": "busy"},
        }

    def credentials(self) -> dict:
        user, token = next(iter(self.users.items()))
        return {"user": user, "secret": token}

    async def start(self) -> None:
        self._server = await serve(
            self._handler, self.host, self._port, process_request=self._process_request,
            ping_interval=None, compression=None, max_size=2**20, close_timeout=2.0,
            server_header="ctidesk-8x8-sim", logger=logging.getLogger("desktop.sim.eightbyeight.ws"))
        sock = next(iter(self._server.sockets))
        self._port = sock.getsockname()[1]
        self.scenario.start()

    async def stop(self) -> None:
        if self._stopping:
            return
        self._stopping = True
        await self.scenario.stop()
        tasks = list(self._tasks)
        for t in tasks:
            t.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        if self.faults.stalled:
            self._set_stall(False)
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def __aenter__(self) -> "EightByEightSimulator":
        await self.start()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.stop()

    def now(self) -> float:
        """The simulator's wall clock (epoch seconds), shifted by ``advance_clock``."""
        return time.time() + self._clock_offset

    def advance_clock(self, seconds: float) -> None:
        """Move the simulator's clock forward (cache window, timestamps); for tests of the
        2-hour rule (S:68) without waiting."""
        self._clock_offset += float(seconds)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds * self.time_scale))

    def _spawn(self, coro: Any, name: str) -> asyncio.Task:
        t = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(t)
        t.add_done_callback(self._tasks.discard)
        return t

    # ------------------------------------------------------------------ HTTP upgrade
    @staticmethod
    def _reject(connection: ServerConnection, status: int, text: str, headers: dict | None = None) -> Response:
        resp = connection.respond(status, text + "\n")
        for k, v in (headers or {}).items():
            resp.headers[k] = v
        return resp

    def _check_auth(self, request: Request) -> str | None:
        """None when the Basic credentials are good, else the reason in words."""
        header = request.headers.get("Authorization")
        if not header:
            return ("Authentication required: send HTTP Basic credentials on the upgrade "
                    "(user name = the tenant user, password = the Data Request Token)")
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "basic":
            return f"Authentication scheme {scheme!r} is not supported: use HTTP Basic with the Data Request Token"
        try:
            user, sep, token = base64.b64decode(value.strip(), validate=True).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return "Malformed HTTP Basic credentials"
        if not sep or user not in self.users:
            return f"Authentication failed: unknown user {user!r}"
        if self.faults.bad_token_on or self.users[user] != token:
            return (f"Authentication failed: the token for user {user!r} is not valid (it may have been "
                    f"replaced by a New Token in Configuration Manager)")
        return None

    def _active_ids(self) -> set[str]:
        now = time.monotonic()
        ids = {s.id for s in self.subscriptions.values() if s.conn is not None}
        ids |= {sid for sid, (_, t) in self._reserved.items() if now - t < RESERVATION_S}
        return ids

    async def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        url = urlsplit(request.path)
        path = unquote(url.path)
        if not path.startswith(SUBSCRIBE_PREFIX) or not path[len(SUBSCRIBE_PREFIX):].startswith("TenantUpdates-"):
            return self._reject(connection, HTTPStatus.NOT_FOUND,
                                f"No streaming endpoint at {path}: expected {SUBSCRIBE_PREFIX}"
                                f"TenantUpdates-{{tenant}}-{{subscriptionId}}")
        problem = self._check_auth(request)
        if problem:
            return self._reject(connection, HTTPStatus.UNAUTHORIZED, problem,
                                {"WWW-Authenticate": f'Basic realm="{REALM}"'})
        q = {k: v[-1] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        tenant_id = q.get("tenantId", "")
        if not tenant_id:
            return self._reject(connection, HTTPStatus.BAD_REQUEST, "Missing required query parameter tenantId")
        if tenant_id != self.tenant:
            return self._reject(connection, HTTPStatus.FORBIDDEN,
                                f"The credentials are not valid for tenant {tenant_id!r}")
        subs_id, subscription_id = q.get("subsId", ""), q.get("subscriptionId", "")
        sub_id = subs_id or subscription_id
        if not sub_id:
            return self._reject(connection, HTTPStatus.BAD_REQUEST,
                                "Missing required query parameter subsId (subscriptionId)")
        if subs_id and subscription_id and subs_id != subscription_id:
            return self._reject(connection, HTTPStatus.BAD_REQUEST,
                                f"subsId {subs_id!r} and subscriptionId {subscription_id!r} differ")
        segment = path[len(SUBSCRIBE_PREFIX):]
        if segment != f"TenantUpdates-{tenant_id}-{sub_id}":
            return self._reject(connection, HTTPStatus.BAD_REQUEST,
                                f"Path segment {segment!r} does not match TenantUpdates-{tenant_id}-{sub_id}")
        output_type = (q.get("desiredOutputType") or "JSON").upper()
        if output_type not in wire.OUTPUT_TYPES:
            return self._reject(connection, HTTPStatus.BAD_REQUEST,
                                f"Unknown desiredOutputType {q.get('desiredOutputType')!r}: "
                                f"use one of {', '.join(wire.OUTPUT_TYPES)}")
        deadline = time.monotonic() + DUPLICATE_GRACE_S
        while sub_id in self._active_ids() and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        active = self._active_ids()
        if sub_id in active:
            return self._reject(connection, HTTPStatus.CONFLICT,
                                f"Subscription {sub_id!r} is already connected; each concurrent connection "
                                f"needs its own subscriptionId")
        if len(active) >= self.max_subscriptions:
            return self._reject(connection, HTTPStatus.TOO_MANY_REQUESTS,
                                f"Tenant {self.tenant!r} already has {len(active)} concurrent subscriptions "
                                f"(maximum {self.max_subscriptions}): {', '.join(sorted(active))}")
        self._reserved[sub_id] = (connection, time.monotonic())
        connection.sapi = {"sub_id": sub_id, "output_type": output_type}  # type: ignore[attr-defined]
        return None

    # ------------------------------------------------------------------ connections
    def _subscription_for(self, sub_id: str) -> tuple[Subscription, bool]:
        """(subscription, resumed). A reconnect within cache_window_s resumes (S:66); later it
        is a new subscription without cached records (S:68)."""
        now = self.now()
        sub = self.subscriptions.get(sub_id)
        if sub is not None and sub.disconnected_at is not None and now - sub.disconnected_at > self.cache_window_s:
            sub = None
        if sub is None:
            sub = Subscription(sub_id, now)
            sub.delivered_upto = self._idx
            self.subscriptions[sub_id] = sub
            return sub, False
        return sub, True

    async def _handler(self, ws: ServerConnection) -> None:
        info = getattr(ws, "sapi", None)
        if info is None or self._stopping:
            return
        sub_id = info["sub_id"]
        self._reserved.pop(sub_id, None)
        sub, resumed = self._subscription_for(sub_id)
        conn = Conn(ws, sub, info["output_type"])
        sub.conn = conn
        sub.connects += 1
        sub.output_type = conn.output_type
        sub.disconnected_at = None
        if resumed:
            self._trim(sub)
            replay = [e for e in sub.cache if self.faults.replay_delivered_on or e.idx > sub.delivered_upto]
            for e in replay:
                conn.put(e.text(conn.output_type), e.idx, 1)
            sub.replayed += len(replay)
        if self.faults.stalled:
            ws.transport.pause_reading()
        loop = asyncio.get_running_loop()
        conn.tasks = [loop.create_task(self._writer(conn), name=f"8x8-sim-writer-{sub_id}"),
                      loop.create_task(self._heartbeats(conn), name=f"8x8-sim-heartbeat-{sub_id}")]
        conn.lifetime = loop.call_later(self.subscription_lifetime_s, self._expire, conn)
        log.info("subscription %s connected (%s, %s)", sub_id, conn.output_type, "resumed" if resumed else "new")
        self.scenario.on_subscribed(sub_id, resumed)
        try:
            async for _ in ws:  # SAPI clients send nothing; drain anything they do send
                pass
        except ConnectionClosed:
            pass
        finally:
            if conn.lifetime is not None:
                conn.lifetime.cancel()
            for t in conn.tasks:
                t.cancel()
            await asyncio.gather(*conn.tasks, return_exceptions=True)
            if sub.conn is conn:
                sub.conn = None
                sub.disconnected_at = self.now()
                sub.last_close = f"{ws.close_code} {ws.close_reason}".strip() if ws.close_code else "abnormal"
            log.info("subscription %s disconnected", sub_id)

    async def _writer(self, conn: Conn) -> None:
        sub = conn.sub
        try:
            while True:
                text, last_idx, n = await conn.queue.get()
                if not self._unstalled.is_set():
                    await self._unstalled.wait()
                    # reading was paused: give the server a moment to notice a peer that left
                    # during the stall, so its records stay undelivered (replayed on reconnect)
                    await asyncio.sleep(0.05)
                    if conn.ws.state is not State.OPEN:
                        return
                await conn.ws.send(text)
                if last_idx is not None and last_idx > sub.delivered_upto:
                    sub.delivered_upto = last_idx
                sub.sent += n
        except ConnectionClosed:
            pass

    async def _heartbeats(self, conn: Conn) -> None:
        """``ClientCheck`` every heartbeat_interval_s (interval undocumented, S:264-276)."""
        while True:
            await asyncio.sleep(self.heartbeat_interval_s)
            if self.faults.heartbeats_stopped or self.faults.stalled:
                continue
            record = self.world.heartbeat(conn.sub.id)
            record["ClientCheck"]["msgInfo"] = self._msginfo()
            conn.put(wire.render(record, conn.output_type), None, 0)
            conn.sub.heartbeats += 1

    def _expire(self, conn: Conn) -> None:
        reason = (f"subscription lifetime of {self.subscription_lifetime_s:g} s ended; "
                  f"reconnect with the same subscriptionId to resume")
        self._spawn(conn.ws.close(LIFETIME_CLOSE_CODE, reason), f"8x8-sim-expire-{conn.sub.id}")

    def _connected(self) -> list[Conn]:
        return [s.conn for s in self.subscriptions.values() if s.conn is not None]

    def _expire_all(self) -> int:
        conns = self._connected()
        for c in conns:
            if c.lifetime is not None:
                c.lifetime.cancel()
            self._expire(c)
        return len(conns)

    def _drop_all(self) -> int:
        conns = self._connected()
        for c in conns:
            c.ws.transport.abort()
        return len(conns)

    def _set_stall(self, on: bool) -> None:
        for c in self._connected():
            try:
                (c.ws.transport.pause_reading if on else c.ws.transport.resume_reading)()
            except (AttributeError, RuntimeError):
                pass
        if on:
            self._unstalled.clear()
        else:
            self._unstalled.set()

    def _switch_instance(self) -> str:
        self._instance_n += 1
        self.instance_id = f"sim{self._instance_n:02d}.loopback.ctidesk.invalid-sapi-v1"
        self._seq = 0
        return self.instance_id

    # ------------------------------------------------------------------ publishing
    def _msginfo(self) -> dict:
        self._seq += 1
        return {"instanceId": self.instance_id, "sequenceId": self._seq, "timestamp": int(self.now() * 1000)}

    def _trim(self, sub: Subscription) -> None:
        horizon = self.now() - self.cache_window_s
        cache = sub.cache
        while cache and cache[0].t < horizon:
            cache.popleft()

    def publish(self, record: dict, stamp: bool = True) -> int:
        """Publish one record to every subscription (cache + delivery). ``stamp`` fills
        ``msgInfo``; returns the number of records published (unknown_event_next adds one)."""
        n = 0
        if self.faults.unknown_remaining > 0:
            self.faults.unknown_remaining -= 1
            self._publish_one(unknown_records(self.world, self._idx), True)
            n += 1
        self._publish_one(record, stamp)
        return n + 1

    def _publish_one(self, record: dict, stamp: bool) -> None:
        if stamp:
            key = next(iter(record))
            body = record[key]
            if isinstance(body, dict) and "msgInfo" in body:
                name = body.get("event") if key == "Interaction" else key
                body["msgInfo"] = {} if name in EMPTY_MSGINFO_EVENTS else self._msginfo()
        self._idx += 1
        self.published += 1
        entry = Entry(self._idx, self.now(), record)
        self._observe(record)
        now = self.now()
        for sid in list(self.subscriptions):
            sub = self.subscriptions[sid]
            if sub.conn is None and sub.disconnected_at is not None and now - sub.disconnected_at > self.cache_window_s:
                del self.subscriptions[sid]  # gone for good (S:68)
                continue
            sub.cache.append(entry)
            if len(sub.cache) > 1 and sub.cache[0].t < now - self.cache_window_s:
                self._trim(sub)
        if self.faults.merge_size:
            self.faults.merge_buffer.append(entry)
            if len(self.faults.merge_buffer) >= self.faults.merge_size:
                self.faults.merge_size = 0
                self._flush_merge()
            return
        self._deliver([entry])

    def _flush_merge(self) -> None:
        held, self.faults.merge_buffer = self.faults.merge_buffer, []
        if held:
            self._deliver(held)

    def _deliver(self, entries: list[Entry]) -> None:
        conns = self._connected()
        malformed = split = False
        if self.faults.malformed_remaining > 0:
            self.faults.malformed_remaining -= 1
            malformed = True
        if self.faults.split_remaining > 0:
            self.faults.split_remaining -= 1
            split = True
        last = entries[-1].idx
        for c in conns:
            if malformed:
                c.put(wire.malformed(c.output_type, self._idx), None, 0)
            text = "".join(e.text(c.output_type) for e in entries)
            if split and len(text) > 1:
                cut = len(text) // 2
                c.put(text[:cut], None, 0)
                c.put(text[cut:], last, len(entries))
            else:
                c.put(text, last, len(entries))

    def _observe(self, record: dict) -> None:
        """Keep truth() in step with what was sent (raw records from emit() included)."""
        key = next(iter(record), None)
        body = record.get(key) if key else None
        if not isinstance(body, dict):
            return
        if key == "Interaction" and isinstance(body.get("interactionGUID"), str):
            guid = body["interactionGUID"]
            t = self._interactions.setdefault(guid, {"events": 0})
            t["events"] += 1
            t["event"] = body.get("event")
            t["callState"] = body.get("callState")
            if body.get("agentId"):
                t["agentId"] = body["agentId"]
            if "queueId" in body:
                t["queueId"] = body["queueId"]
            t["deleted"] = str(body.get("event", "")).lower() == "interactiondeleted"
        elif key == "AgentStatusChange" and isinstance(body.get("agentId"), str):
            agent = self.world.agents.get(body["agentId"])
            if agent is None:
                self.world._add_agent(body["agentId"])  # noqa: SLF001
                agent = self.world.agents[body["agentId"]]
            try:
                agent.state = int(body.get("newState"))
            except (TypeError, ValueError):
                pass
            agent.reason = str(body.get("newReasonCodeUser", "none"))

    # ------------------------------------------------------------------ sequences
    def _new_play(self, name: str, agent_id: str | None = None, second_agent_id: str | None = "*",
                  queue: Any = None, to_queue: Any = None, caller_name: str | None = "Andrew Cunningham",
                  caller_number: str = "+15515557212", ring_s: float = 4.0, talk_s: float = 15.0,
                  wrap_s: float = 5.0, hold_s: float | None = None, with_status: bool = True,
                  verbatim: bool = True, finish_new: bool = False) -> Play:
        rows = seqs.SEQUENCES[name]
        w = self.world
        strings = self.faults.numbers_as_strings_on
        a1 = w.pick_agent(agent_id)
        agents = {"A1": a1}
        calls: dict = {}
        if name in ("inbound", "abandoned"):
            calls["L1"] = w.new_call("in", queue, caller_name, caller_number, strings=strings)
        else:
            calls["L1"] = w.new_call("out", queue, caller_name, caller_number, agent_initiated=True, strings=strings)
        if name in ("conference", "transfer_agent"):
            a2 = w.pick_agent(second_agent_id, exclude=(a1,))
            agents["A2"] = a2
            calls["L2"] = w.new_call("out", queue, None, str(w.agents[a2].extension), agent_initiated=True,
                                     external=False, strings=strings, channel=w.outbound_channel)
        if name == "transfer_queue":
            calls["L3"] = w.new_call("in", to_queue if to_queue is not None else queue, caller_name, caller_number,
                                     strings=strings, tok=calls["L1"].tok)  # same transactionNum (README)
            if finish_new:
                agents["A2"] = w.pick_agent(second_agent_id, exclude=(a1,))
                rows = rows + seqs.TRANSFER_QUEUE_FINISH
        if name == "abandoned":
            agents = {}
        for a in agents.values():
            w.agents[a].busy += 1
        return Play(name, rows, calls, agents, {"ring": ring_s, "talk": talk_s, "wrap": wrap_s},
                    with_status=with_status, verbatim=verbatim, hold_s=hold_s)

    def _release(self, play: Play) -> None:
        for a in play.agents.values():
            if a not in play.released and a in self.world.agents:
                self.world.agents[a].busy = max(0, self.world.agents[a].busy - 1)
                play.released.add(a)

    def _emit_row(self, play: Play) -> int:
        row = play.rows[play.index]
        play.index += 1
        n = 0
        for record in play.records(self.world, row):
            n += self.publish(record)
        return n

    async def _run_play(self, play: Play) -> None:
        try:
            held = False
            while not play.done:
                row = play.rows[play.index]
                await self.sleep(play.delay(row))
                self._emit_row(play)
                if (play.hold_s and not held and row.line == "L1" and row.call_state == "CS_CONNECTED"
                        and row.event in ("InteractionAccepted", "InteractionCustomerAccepted")):
                    held = True
                    await self._hold(play, play.hold_s)
        finally:
            self._release(play)

    async def _hold(self, play: Play, hold_s: float) -> None:
        """LineHoldStatus on, then off (E:229-245), while the customer call is connected."""
        call, agent = play.calls["L1"], play.agents["A1"]
        await self.sleep(min(2.0, play.durations.get("talk", 4.0) / 3))
        self.publish(self.world.interaction("LineHoldStatus", call, "CS_HOLD", agent, extra={"status": True}))
        await self.sleep(hold_s)
        self.publish(self.world.interaction("LineHoldStatus", call, "CS_CONNECTED", agent, extra={"status": False}))

    def _play(self, name: str, **kw: Any) -> Any:
        play = self._new_play(name, **kw)
        self._emit_row(play)  # the first row at once: the GUID exists when the method returns
        if play.done:
            self._release(play)
        elif not self._stopping:
            self._spawn(self._run_play(play), f"8x8-sim-{name}")
        return play.guids()

    # ------------------------------------------------------------------ driving API
    def inbound_call(self, agent_id: str | None = None, queue: Any = None, caller_name: str | None = "Andrew Cunningham",
                     caller_number: str = "+15515557212", **kw: Any) -> str:
        """The inbound table (S:104-115) for ``agent_id`` (None = the demo agent, "*" = a free
        agent). kw: ring_s, talk_s, wrap_s, hold_s, with_status, verbatim. Returns the GUID."""
        return self._play("inbound", agent_id=agent_id, queue=queue, caller_name=caller_name,
                          caller_number=caller_number, **kw)

    def outbound_call(self, agent_id: str | None = None, queue: Any = None, number: str = "+14155550123",
                      customer_name: str | None = None, **kw: Any) -> str:
        """Without queue: S:117-127; with a queue: S:129-139. Returns the GUID."""
        return self._play("outbound" if queue is None else "outbound_queue", agent_id=agent_id, queue=queue,
                          caller_name=customer_name, caller_number=number, **kw)

    def conference(self, agent_id: str | None = None, second_agent_id: str | None = "*", queue: Any = None,
                   number: str = "+14155550142", customer_name: str | None = None, **kw: Any) -> tuple[str, str]:
        """S:141-169. Returns (customer call GUID, agent-to-agent line GUID)."""
        return self._play("conference", agent_id=agent_id, second_agent_id=second_agent_id, queue=queue,
                          caller_name=customer_name, caller_number=number, **kw)

    def transfer_to_agent(self, agent_id: str | None = None, to_agent_id: str | None = "*", queue: Any = None,
                          number: str = "+14155550177", customer_name: str | None = None,
                          **kw: Any) -> tuple[str, str]:
        """S:171-200. Returns (customer call GUID, agent-to-agent line GUID)."""
        return self._play("transfer_agent", agent_id=agent_id, second_agent_id=to_agent_id, queue=queue,
                          caller_name=customer_name, caller_number=number, **kw)

    def transfer_to_queue(self, agent_id: str | None = None, to_queue: Any = None, queue: Any = None,
                          number: str = "+14155550188", customer_name: str | None = None,
                          finish_new: bool = False, answer_agent_id: str | None = "*", **kw: Any) -> tuple[str, str]:
        """S:202-216. Returns (original GUID, the new interaction's GUID). finish_new=True lets
        ``answer_agent_id`` take the new interaction afterwards (beyond the table, README)."""
        if to_queue is None and len(self.world.queues) > 1:
            to_queue = self.world.queues[1]
        return self._play("transfer_queue", agent_id=agent_id, queue=queue, to_queue=to_queue,
                          caller_name=customer_name, caller_number=number, finish_new=finish_new,
                          second_agent_id=answer_agent_id, **kw)

    def abandoned_call(self, queue: Any = None, caller_name: str | None = "Andrew Cunningham",
                       caller_number: str = "+15515557212", **kw: Any) -> str:
        """Created, Queued, Deleted by the CUSTOMER while queued (the samples S:323-544)."""
        return self._play("abandoned", queue=queue, caller_name=caller_name, caller_number=caller_number, **kw)

    _SEQUENCE_METHODS = {
        "inbound": "inbound_call", "outbound": "outbound_call", "conference": "conference",
        "transfer_agent": "transfer_to_agent", "transfer_queue": "transfer_to_queue", "abandoned": "abandoned_call",
    }

    def play_sequence(self, name: str, **kw: Any) -> Any:
        """"inbound", "outbound", "outbound_queue", "conference", "transfer_agent",
        "transfer_queue" (and "abandoned"). Returns what the driving method returns."""
        if name == "outbound_queue":
            kw.setdefault("queue", self.world.queues[0]["id"])
            return self.outbound_call(**kw)
        if name not in self._SEQUENCE_METHODS:
            raise ValueError(f"unknown sequence {name!r} (known: {', '.join([*seqs.SEQUENCES])})")
        return getattr(self, self._SEQUENCE_METHODS[name])(**kw)

    def agent_status(self, agent_id: str | None, state_code: int, reason: str | None = None) -> None:
        """An AgentStatusChange (S:282-297). reason: ``newReasonCodeUser`` as sent ("801=1722");
        None = "none"."""
        self.publish(self.world.agent_status(agent_id or self.world.demo_agent_id, int(state_code), reason))

    def agent_prov_change(self, agent_id: str | None = None, enabled: bool = True, event: str = "AgentSkillChanged",
                          media: str = "phone", skill: int = 3086) -> None:
        """An AgentProvChange (S:303-317)."""
        self.publish(self.world.agent_prov_change(agent_id or self.world.demo_agent_id, enabled, event, media, skill))

    def random_status(self) -> int:
        """A random free agent (not the demo agent) moves to the next state of the status cycle."""
        w = self.world
        agent_id = w.pick_agent("*", available=False)
        if agent_id == w.demo_agent_id or w.agents[agent_id].busy:
            return 0
        choice = w.rng.choice(self.status_cycle)
        self.publish(w.agent_status(agent_id, int(choice["state"]), choice.get("reason")))
        return 1

    def floor_records(self, n: int, call_share: float | None = None) -> int:
        """Publish about n floor records (status changes and inbound call rows); returns how
        many were published. Also the benchmark's burst: ``sim.floor_records(50_000)``;
        ``call_share=0`` sends status changes only (the cheapest records to build)."""
        floor = self._floor
        saved = floor.call_share
        if call_share is not None:
            floor.call_share = float(call_share)
        done = misses = 0
        try:
            while done < n and misses <= n:
                got = floor.next_records()
                done += got
                misses += got == 0
        finally:
            floor.call_share = saved
        return done

    def emit(self, raw_event: dict) -> None:
        """Publish any record verbatim (msgInfo untouched), cached and counted like the others."""
        self.publish(raw_event, stamp=False)

    def truth(self) -> dict:
        return {
            "tenant": self.tenant,
            "instance_id": self.instance_id,
            "sequence_id": self._seq,
            "published": self.published,
            "interactions": {g: dict(v) for g, v in self._interactions.items()},
            "agents": {a.agent_id: {"state": a.state, "reason": a.reason, "busy": a.busy > 0}
                       for a in self.world.agents.values()},
            "demo_agent_id": self.world.demo_agent_id,
            "subscriptions": {
                s.id: {"connected": s.conn is not None, "output_type": s.output_type, "sent": s.sent,
                       "heartbeats": s.heartbeats, "connects": s.connects, "replayed": s.replayed,
                       "cached": len(s.cache), "last_close": s.last_close}
                for s in self.subscriptions.values()},
            "faults": self.faults.as_dict(),
            "scenario_errors": list(self.scenario.errors),
        }
