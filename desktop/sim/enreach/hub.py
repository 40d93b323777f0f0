"""A SignalR hub server (JSON hub protocol over websockets) with the RTE hub's five methods.

Wire rules follow Microsoft's specs (``dotnet/aspnetcore`` ``src/SignalR/docs/specs/
TransportProtocols.md`` and ``HubProtocol.md``) and what ASP.NET Core answers, because the
clients (signalrcore, ``@microsoft/signalr``) are written against that server:

- ``POST <hub>/negotiate``: no ``negotiateVersion`` -> version 0, ``connectionId`` only (the
  websocket then uses ``?id=<connectionId>``); ``negotiateVersion=1`` (or more) -> version 1 with a
  separate ``connectionToken`` (``?id=<connectionToken>``; the connectionId is then "No Connection
  with that ID"). ``availableTransports`` lists WebSockets only, ``"Text"`` first.
- websocket upgrade on ``<hub>`` with ``id`` (or without, for skipNegotiation clients).
- handshake ``{"protocol":"json","version":1}`` RS -> ``{}`` RS (versions 0 and 1 accepted, as
  ASP.NET Core's JSON protocol does); records end with the record separator 0x1E.
- messages: 1 Invocation, 3 Completion (``result`` or ``error``), 6 Ping, 7 Close
  (``allowReconnect`` written only when true). The server pings when it sent nothing for
  ``ping_interval_s`` (KeepAliveInterval); SignalR pings only, never websocket-level pings
  (signalrcore does not answer those). A client silent for ``client_timeout_s`` is closed.
- hub method names are matched case-insensitively (ASP.NET Core does).

RTE specifics (R = vendor-docs/enreach-rte-signalr.md) are in :class:`RteMethods`.
"""

from __future__ import annotations

import asyncio
import collections
import json
import logging
import secrets
import time
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from . import catalogue as cat

if TYPE_CHECKING:  # pragma: no cover
    from .server import EnreachSimulator

log = logging.getLogger("desktop.sim.enreach.hub")

RS = "\x1e"
PING = '{"type":6}' + RS
_CLOSE = object()  # writer sentinel: flush, then close the websocket
NEGOTIATE_TTL_S = 60.0  # a negotiated connection not used within this time is forgotten
BATCH_BYTES = 64 * 1024  # several records may share one websocket text frame


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class HubError(Exception):
    """Completes the invocation with ``error`` (the message as the client sees it)."""


@dataclass
class Subscription:
    id: str
    entity_id: str
    event: str  # canonical name
    entity_type: str
    organization_id: str
    json: str = ""

    def as_dict(self) -> dict:
        # R:141-152 / R:185-198
        return {"id": self.id, "allRootEntities": False, "rootEntityId": self.organization_id,
                "rootEntityType": "Organization", "organizationId": self.organization_id,
                "eventType": self.event, "entityType": self.entity_type, "entityId": self.entity_id,
                "allEntities": False}


@dataclass
class Pending:
    connection_id: str
    token: str
    user: str
    version: int
    created: float


@dataclass
class Connection:
    id: str
    token: str
    user: str
    negotiate_version: int | None  # None: the client skipped negotiation
    ws: web.WebSocketResponse
    request: web.Request
    protocol_version: int | None = None
    handshake_done: bool = False
    subscriptions: dict[tuple[str, str], Subscription] = field(default_factory=dict)
    out: collections.deque = field(default_factory=collections.deque)
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    last_sent: float = field(default_factory=time.monotonic)
    last_received: float = field(default_factory=time.monotonic)
    connected_at: float = field(default_factory=time.time)
    pings_received: int = 0
    pings_sent: int = 0
    messages_sent: int = 0
    close_received: bool = False
    closed_by: str | None = None
    gone: bool = False

    def send(self, text: str) -> None:
        if self.gone:
            return
        self.out.append(text)
        self.wake.set()

    def close_after_flush(self) -> None:
        if self.gone:
            return
        self.out.append(_CLOSE)
        self.wake.set()

    def as_dict(self) -> dict:
        return {"id": self.id, "user": self.user, "negotiateVersion": self.negotiate_version,
                "protocolVersion": self.protocol_version, "transport": "WebSockets",
                "handshake": self.handshake_done, "pingsReceived": self.pings_received,
                "pingsSent": self.pings_sent, "messagesSent": self.messages_sent,
                "connectedAt": self.connected_at,
                "subscriptions": [s.as_dict() for s in self.subscriptions.values()]}


class Hub:
    def __init__(self, sim: "EnreachSimulator", *, ping_interval_s: float, client_timeout_s: float | None,
                 handshake_timeout_s: float, detailed_errors: bool) -> None:
        self.sim = sim
        self.ping_interval_s = float(ping_interval_s)
        self.client_timeout_s = client_timeout_s
        self.handshake_timeout_s = float(handshake_timeout_s)
        self.detailed_errors = detailed_errors
        self.pending: dict[str, Pending] = {}
        self.connections: dict[str, Connection] = {}
        # (entity id lower, event lower) -> {connection id: Subscription}
        self.index: dict[tuple[str, str], dict[str, Subscription]] = {}
        self.methods = RteMethods(self)
        self.invocations: list[dict] = []
        self.closed_connections: list[dict] = []  # how each past connection ended
        self.negotiations: list[dict] = []
        self.rejected: list[dict] = []  # 401/404 answers of negotiate and upgrade
        self.delivered = 0
        self._tasks: set[asyncio.Task] = set()
        self._pinger: asyncio.Task | None = None
        self._stopping = False

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        self._pinger = asyncio.get_running_loop().create_task(self._ping_loop(), name="enreach-sim-pinger")

    async def stop(self) -> None:
        self._stopping = True
        if self._pinger is not None:
            self._pinger.cancel()
            await asyncio.gather(self._pinger, return_exceptions=True)
        for conn in list(self.connections.values()):
            conn.send(_dumps({"type": 7}) + RS)  # graceful shutdown: a Close message without error
            conn.close_after_flush()
            conn.closed_by = conn.closed_by or "server stopped"
        if self._tasks:
            _done, pending = await asyncio.wait(list(self._tasks), timeout=2.0)
            for conn in list(self.connections.values()):
                self._abort(conn)
            if pending:
                await asyncio.wait(pending, timeout=2.0)

    # ------------------------------------------------------------------ HTTP side
    async def negotiate(self, request: web.Request) -> web.Response:
        user = self.sim._authenticate_hub(request, "negotiate")  # noqa: SLF001
        if isinstance(user, web.Response):
            return user
        requested = request.query.get("negotiateVersion") or request.query.get("negotiateversion")
        version = 0
        if requested is not None:
            try:
                version = min(max(int(requested), 0), 1)
            except ValueError:
                return web.Response(status=400, text="Invalid negotiateVersion.")
        now = time.monotonic()
        for key in [k for k, p in self.pending.items() if now - p.created > NEGOTIATE_TTL_S]:
            del self.pending[key]
        connection_id = _connection_id()
        token = _connection_id() if version >= 1 else connection_id
        self.pending[token] = Pending(connection_id, token, user, version, now)
        body: dict[str, Any] = {"negotiateVersion": version, "connectionId": connection_id}
        if version >= 1:
            body["connectionToken"] = token
        body["availableTransports"] = [{"transport": "WebSockets", "transferFormats": ["Text", "Binary"]}]
        self.negotiations.append({"user": user, "negotiateVersion": version, "requested": requested,
                                  "connectionId": connection_id, "at": time.time()})
        return web.Response(text=_dumps(body), content_type="application/json")

    async def websocket(self, request: web.Request) -> web.StreamResponse:
        user = self.sim._authenticate_hub(request, "connect")  # noqa: SLF001
        if isinstance(user, web.Response):
            return user
        if request.headers.get("Upgrade", "").lower() != "websocket":
            return web.Response(status=400, text="WebSockets is the only transport this hub offers; "
                                                 "connect with a websocket upgrade.")
        conn_ref = request.query.get("id")
        if conn_ref:
            pending = self.pending.pop(conn_ref, None)
            if pending is None:
                self.rejected.append({"stage": "connect", "status": 404, "id": conn_ref, "at": time.time()})
                return web.Response(status=404, text="No Connection with that ID")
            connection_id, token, version = pending.connection_id, pending.token, pending.version
        else:  # skipNegotiation (websockets only), as ASP.NET Core allows
            connection_id = _connection_id()
            token, version = connection_id, None
        ws = web.WebSocketResponse(autoping=True, heartbeat=None, compress=False, max_msg_size=16 * 1024 * 1024)
        await ws.prepare(request)
        conn = Connection(connection_id, token, user, version, ws, request)
        self.connections[connection_id] = conn
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        writer = asyncio.get_running_loop().create_task(self._writer(conn), name=f"enreach-sim-writer-{connection_id}")
        try:
            await self._serve(conn)
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        except Exception:  # pragma: no cover - logged, the connection just ends
            log.exception("hub connection %s failed", connection_id)
        finally:
            if conn.out and not conn.gone and not writer.done():  # let a Close message go out first
                await asyncio.wait([writer], timeout=1.0)
            self._forget(conn, conn.closed_by or "client went away")
            writer.cancel()
            await asyncio.gather(writer, return_exceptions=True)
            if not ws.closed:
                try:
                    await asyncio.wait_for(ws.close(), 1.0)
                except (asyncio.TimeoutError, ConnectionError, RuntimeError):
                    self._abort(conn)
            if task is not None:
                self._tasks.discard(task)
        return ws

    # ------------------------------------------------------------------ protocol
    async def _serve(self, conn: Connection) -> None:
        ws = conn.ws
        buffer = ""
        deadline = time.monotonic() + self.handshake_timeout_s
        while not conn.handshake_done:  # the handshake: the first record the client sends
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                conn.closed_by = "handshake timeout"
                return
            try:
                msg = await asyncio.wait_for(ws.receive(), remaining)
            except asyncio.TimeoutError:
                conn.closed_by = "handshake timeout"
                return
            if msg.type != WSMsgType.TEXT:
                if msg.type == WSMsgType.BINARY:
                    buffer += msg.data.decode("utf-8", "replace")
                else:
                    return
            else:
                buffer += msg.data
            if RS not in buffer:
                continue
            record, buffer = buffer.split(RS, 1)
            error = self._handshake(conn, record)
            if error:
                await ws.send_str(_dumps({"error": error}) + RS)
                conn.closed_by = "handshake refused"
                return
            await ws.send_str("{}" + RS)
            conn.handshake_done = True
            conn.last_sent = conn.last_received = time.monotonic()
        if buffer:
            if not await self._records(conn, buffer):
                return
            buffer = ""
        async for msg in ws:
            conn.last_received = time.monotonic()
            if msg.type == WSMsgType.TEXT:
                buffer += msg.data
            elif msg.type == WSMsgType.BINARY:
                self._close_with_error(conn, "Connection closed with an error. InvalidDataException: "
                                             "the JSON hub protocol takes text frames only.")
                return
            else:
                return
            if RS not in buffer:
                continue
            complete, _, buffer = buffer.rpartition(RS)
            if not await self._records(conn, complete):
                return

    def _handshake(self, conn: Connection, record: str) -> str | None:
        try:
            req = json.loads(record)
        except ValueError:
            return "Handshake request contains invalid JSON."
        if not isinstance(req, dict) or not isinstance(req.get("protocol"), str):
            return "Handshake request is missing the protocol."
        protocol, version = req["protocol"], req.get("version", 1)
        if protocol != "json":
            return f"The protocol '{protocol}' is not supported."
        if not isinstance(version, int) or version > 1 or version < 0:
            return f"The server does not support version {version} of the 'json' protocol."
        conn.protocol_version = version
        return None

    async def _records(self, conn: Connection, text: str) -> bool:
        """Handle complete records; False when the connection must end."""
        for record in text.split(RS):
            if not record.strip():
                continue
            try:
                msg = json.loads(record)
            except ValueError:
                self._close_with_error(conn, "Connection closed with an error. InvalidDataException: "
                                             "Error reading JSON.")
                return False
            if not isinstance(msg, dict):
                continue
            kind = msg.get("type")
            if kind == 1:
                self._invocation(conn, msg)
            elif kind == 6:
                conn.pings_received += 1
            elif kind == 7:
                conn.close_received = True
                conn.closed_by = "client sent Close"
                return False
            elif kind == 4:  # StreamInvocation: none of the RTE methods streams
                inv = msg.get("invocationId")
                if inv is not None:
                    conn.send(_dumps({"type": 3, "invocationId": inv,
                                      "error": f"Failed to invoke '{msg.get('target')}' due to an error on the "
                                               "server."}) + RS)
            # 5 CancelInvocation, 8 Ack, 9 Sequence and unknown types: ignored
        return True

    def _invocation(self, conn: Connection, msg: dict) -> None:
        target = msg.get("target")
        args = msg.get("arguments")
        inv_id = msg.get("invocationId")
        entry: dict[str, Any] = {"connection": conn.id, "user": conn.user, "method": target,
                                 "invocationId": inv_id, "arguments": args, "at": time.time()}
        # `headers` (signalrcore copies the Authorization header there) is never recorded.
        result: Any = None
        error = self.sim.faults.take_invocation_error(str(target))
        followups: list = []
        if error is None:
            try:
                result, followups = self.methods.call(conn, target, args)
            except HubError as exc:
                error = str(exc)
        if error is not None:
            entry["error"] = error
        else:
            entry["result"] = result
        self.invocations.append(entry)
        if inv_id is None:  # non-blocking invocation: no completion
            pass
        elif error is not None:
            conn.send(_dumps({"type": 3, "invocationId": inv_id, "error": error}) + RS)
        else:
            conn.send(_dumps({"type": 3, "invocationId": inv_id, "result": result}) + RS)
        for sub in followups:  # snapshot_on_subscribe: current state after the completion
            self.sim._snapshot(conn, sub)  # noqa: SLF001

    def _close_with_error(self, conn: Connection, error: str, allow_reconnect: bool = False) -> None:
        msg: dict[str, Any] = {"type": 7, "error": error}
        if allow_reconnect:
            msg["allowReconnect"] = True
        conn.closed_by = conn.closed_by or error
        conn.send(_dumps(msg) + RS)
        conn.close_after_flush()

    async def _writer(self, conn: Connection) -> None:
        ws = conn.ws
        while True:
            await conn.wake.wait()
            conn.wake.clear()
            while conn.out:
                parts: list[str] = []
                size = 0
                close = False
                while conn.out and size < BATCH_BYTES:
                    item = conn.out.popleft()
                    if item is _CLOSE:
                        close = True
                        break
                    parts.append(item)
                    size += len(item)
                if parts:
                    try:
                        await ws.send_str("".join(parts))
                    except (ConnectionError, RuntimeError):
                        return
                    conn.last_sent = time.monotonic()
                if close:
                    conn.out.clear()
                    try:
                        await asyncio.wait_for(ws.close(), 1.0)
                    except (asyncio.TimeoutError, ConnectionError, RuntimeError):
                        self._abort(conn)
                    return

    async def _ping_loop(self) -> None:
        tick = max(0.02, min(1.0, self.ping_interval_s / 4))
        while True:
            await asyncio.sleep(tick)
            now = time.monotonic()
            for conn in list(self.connections.values()):
                if not conn.handshake_done or conn.gone:
                    continue
                if (self.client_timeout_s and now - conn.last_received > self.client_timeout_s
                        and conn.closed_by is None):
                    # ASP.NET Core's ClientTimeoutInterval (default 30 s)
                    self._close_with_error(conn, "Connection closed with an error. Client timeout elapsed "
                                                 "without receiving a message from the client.",
                                           allow_reconnect=True)
                    continue
                if not self.sim.faults.pings_stopped and now - conn.last_sent >= self.ping_interval_s:
                    conn.last_sent = now
                    conn.pings_sent += 1
                    conn.send(PING)

    # ------------------------------------------------------------------ subscriptions
    def add_subscription(self, conn: Connection, entity_id: str, event: str) -> Subscription:
        key = (entity_id.lower(), event.lower())
        sub = conn.subscriptions.get(key)
        if sub is None:
            sub = Subscription(str(uuid.uuid4()), entity_id, event, cat.entity_type(event),
                               self.sim.organization_id)
            sub.json = _dumps(sub.as_dict())
            conn.subscriptions[key] = sub
            self.index.setdefault(key, {})[conn.id] = sub
        return sub

    def remove_subscription(self, conn: Connection, entity_id: str, event: str) -> bool:
        key = (entity_id.lower(), event.lower())
        if conn.subscriptions.pop(key, None) is None:
            return False
        subs = self.index.get(key)
        if subs is not None:
            subs.pop(conn.id, None)
            if not subs:
                del self.index[key]
        return True

    def remove_all(self, conn: Connection) -> int:
        keys = list(conn.subscriptions)
        for entity_lower, event_lower in keys:
            sub = conn.subscriptions[(entity_lower, event_lower)]
            self.remove_subscription(conn, sub.entity_id, sub.event)
        return len(keys)

    def subscribers(self, entity_id: str, event: str) -> int:
        return len(self.index.get((entity_id.lower(), event.lower()), ()))

    # ------------------------------------------------------------------ delivery
    def publish(self, event: str, entity_id: str, data: dict, targets: list[str] | None = None) -> int:
        """MessageReceived to every connection subscribed to (entity, event), or to ``targets``
        (connection ids) whatever they subscribed. Returns the number of connections reached."""
        if targets is None:
            subs = self.index.get((str(entity_id).lower(), event.lower()))
            if not subs:
                return 0
            pairs = [(self.connections.get(cid), sub) for cid, sub in subs.items()]
        else:
            pairs = []
            for cid in targets:
                conn = self.connections.get(cid)
                if conn is None:
                    continue
                sub = conn.subscriptions.get((str(entity_id).lower(), event.lower()))
                if sub is None:  # not subscribed: a subscription object for what is sent
                    etype = cat.entity_type(event) if cat.canonical(event) else "User"
                    sub = Subscription(str(uuid.uuid4()), str(entity_id), event, etype, self.sim.organization_id)
                    sub.json = _dumps(sub.as_dict())
                pairs.append((conn, sub))
        pairs = [(c, s) for c, s in pairs if c is not None and c.handshake_done and not c.gone]
        if not pairs:
            return 0
        faults = self.sim.faults
        duplicate = False
        if faults.duplicate_remaining > 0:
            faults.duplicate_remaining -= 1
            duplicate = True
        if faults.late_remaining > 0:
            faults.late_remaining -= 1
            data = dict(data)
            ttl = cat.get_ci(data, "MessageTTLSeconds", -1)
            age = (float(ttl) + 30.0) if isinstance(ttl, (int, float)) and ttl > 0 else 3600.0
            cat.set_ci(data, "Timestamp", cat.timestamp(cat.ago(age)))
        data_json = _dumps(data)
        for conn, sub in pairs:
            frame = ('{"type":1,"target":"MessageReceived","arguments":[{"subscription":' + sub.json
                     + ',"data":' + data_json + '}]}' + RS)
            conn.send(frame)
            conn.messages_sent += 1
            if duplicate:
                conn.send(frame)
                conn.messages_sent += 1
        self.delivered += len(pairs)
        return len(pairs)

    def send_raw(self, text: str, targets: list[str] | None = None) -> int:
        """A raw record (``text`` + RS) to every connection (or ``targets``): malformed frames."""
        n = 0
        for conn in list(self.connections.values()):
            if (targets is None or conn.id in targets) and conn.handshake_done:
                conn.send(text + RS)
                n += 1
        return n

    # ------------------------------------------------------------------ faults
    def drop_all(self) -> int:
        conns = list(self.connections.values())
        for conn in conns:
            conn.closed_by = "dropped (fault)"
            self._forget(conn, "dropped (fault)")
            self._abort(conn)
        return len(conns)

    def close_all(self, allow_reconnect: bool, error: str | None) -> int:
        conns = [c for c in self.connections.values() if c.handshake_done]
        for conn in conns:
            msg: dict[str, Any] = {"type": 7}
            if error:
                msg["error"] = error
            if allow_reconnect:
                msg["allowReconnect"] = True
            conn.closed_by = f"Close sent (allowReconnect={allow_reconnect})"
            conn.send(_dumps(msg) + RS)
            conn.close_after_flush()
        return len(conns)

    def _forget(self, conn: Connection, why: str) -> None:
        if conn.gone:
            return
        self.remove_all(conn)  # R:275: the hub keeps no subscriptions past the connection
        conn.gone = True
        conn.out.clear()
        conn.wake.set()
        self.connections.pop(conn.id, None)
        self.closed_connections.append({"id": conn.id, "user": conn.user, "why": why,
                                        "closeReceived": conn.close_received,
                                        "pingsReceived": conn.pings_received, "at": time.time()})

    @staticmethod
    def _abort(conn: Connection) -> None:
        transport = conn.request.transport
        if transport is not None and not transport.is_closing():
            transport.abort()
        elif transport is not None:
            transport.abort()

    def truth(self) -> dict:
        return {"connections": [c.as_dict() for c in self.connections.values()],
                "closedConnections": list(self.closed_connections),
                "pendingNegotiations": len(self.pending),
                "negotiations": list(self.negotiations),
                "rejected": list(self.rejected),
                "invocations": list(self.invocations),
                "delivered": self.delivered}


def _connection_id() -> str:
    return secrets.token_urlsafe(16)


class RteMethods:
    """The RTE hub's methods (R:72-83). Names are matched case-insensitively."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.table = {
            "subscribe": (self.subscribe, 1),
            "unsubscribe": (self.unsubscribe, 1),
            "unsubscribeall": (self.unsubscribe_all, 0),
            "availablesubscriptions": (self.available, 0),
            "activesubscriptions": (self.active, 0),
        }

    def call(self, conn: Connection, target: Any, args: Any) -> tuple[Any, list]:
        entry = self.table.get(str(target).lower()) if isinstance(target, str) else None
        if entry is None:
            raise HubError(f"Unknown hub method '{target}'")
        fn, expected = entry
        if not isinstance(args, list):
            args = []
        if expected and len(args) < expected:
            raise HubError(self._binding_error(target, f"Invocation provides {len(args)} argument(s) but "
                                                       f"target expects {expected}."))
        # Extra arguments are ignored: the document's own sample passes `subscriptions` to
        # AvailableSubscriptions, whose table row lists none (R:82 vs R:349, digest §6.3 #7).
        return fn(conn, *args[:expected])

    def _binding_error(self, target: Any, detail: str) -> str:
        text = f"Failed to invoke '{target}' due to an error on the server."
        return f"{text} InvalidDataException: {detail}" if self.hub.detailed_errors else text

    def _items(self, target: str, arg: Any) -> list:
        if not isinstance(arg, list):
            raise HubError(self._binding_error(target, "Error binding arguments. Make sure that the types of the "
                                                       "provided values match the types of the hub method being "
                                                       "invoked."))
        return arg

    def subscribe(self, conn: Connection, arg: Any) -> tuple[list, list]:
        """R:79, R:279-312: one SubscriptionResult per item, eventName lower-cased (R:126)."""
        results, created = [], []
        for item in self._items("Subscribe", arg):
            entity_id = cat.get_ci(item, "EntityId")
            event_name = cat.get_ci(item, "EventName")
            ok, message, sub = self._check(conn, entity_id, event_name)
            if ok:
                sub = self.hub.add_subscription(conn, str(entity_id), cat.canonical(event_name) or "")
                created.append(sub)
            results.append({"subscribed": ok, "message": message,
                            "entityId": entity_id if isinstance(entity_id, str) else None,
                            "eventName": event_name.lower() if isinstance(event_name, str) else None})
        return results, created

    def _check(self, conn: Connection, entity_id: Any, event_name: Any) -> tuple[bool, str | None, None]:
        sim = self.hub.sim
        if not isinstance(entity_id, str) or not isinstance(event_name, str):
            return False, "EntityId and EventName are required", None
        event = cat.canonical(event_name)
        if event is None:
            return False, f"Unknown event '{event_name}'", None
        if not _is_guid(entity_id):
            return False, "Invalid EntityId", None
        if entity_id.lower() in sim.faults.unauthorized_ids:
            return False, "Unauthorized", None  # R:307-310
        kind = sim.entity_kind(entity_id)
        if kind is None:
            return False, "Unauthorized", None  # not an entity of the caller's organization
        wanted = cat.entity_type(event)
        if kind != wanted:  # R:271: UserCallIncoming only for User, QueueCallIncoming only for Queue
            return False, f"Event '{event}' is not available for entity type {kind}", None
        return True, None, None

    def unsubscribe(self, conn: Connection, arg: Any) -> tuple[list, list]:
        """R:80: SubscriptionResult per item; ``subscribed: true`` = the unsubscription worked
        (R:132 "Indicates if subscription was successful", R:328 "return true on success")."""
        results = []
        for item in self._items("Unsubscribe", arg):
            entity_id = cat.get_ci(item, "EntityId")
            event_name = cat.get_ci(item, "EventName")
            event = cat.canonical(event_name)
            removed = (isinstance(entity_id, str) and event is not None
                       and self.hub.remove_subscription(conn, entity_id, event))
            results.append({"subscribed": bool(removed), "message": None if removed else "Not subscribed",
                            "entityId": entity_id if isinstance(entity_id, str) else None,
                            "eventName": event_name.lower() if isinstance(event_name, str) else None})
        return results, []

    def unsubscribe_all(self, conn: Connection) -> tuple[bool, list]:
        """R:81, R:335: "return true on success"."""
        self.hub.remove_all(conn)
        return True, []

    def available(self, conn: Connection) -> tuple[list, list]:
        """R:82, R:345: an array of event names."""
        return list(cat.EVENT_NAMES), []

    def active(self, conn: Connection) -> tuple[list, list]:
        """R:83, R:357: Subscription objects of this connection."""
        return [s.as_dict() for s in conn.subscriptions.values()], []


def _is_guid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except (ValueError, AttributeError, TypeError):
        return False
    return True
