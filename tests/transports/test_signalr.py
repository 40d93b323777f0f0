"""The signalrcore adapter (desktop/transports/signalr.py) against a minimal SignalR hub peer.

The peer below is written from the ASP.NET Core SignalR specs (TransportProtocols.md,
HubProtocol.md: negotiate v0/v1, websocket upgrade with the token in the Authorization header
or ``access_token`` query, ``{"protocol":"json","version":1}\\x1e`` handshake, record-separated
JSON messages, Invocation 1 / Completion 3 / Ping 6 / Close 7). It is NOT the Enreach simulator
(that lives in desktop/sim/enreach and is exercised by tests/vendors/test_enreach.py); it lets
the adapter's workarounds be tested one by one: token per connection, completion results and
errors, ordering, keep-alive pings, server timeout, Close with/without allowReconnect, abrupt
drops, 401, and a stop that leaves no thread running.
"""
from __future__ import annotations

import asyncio
import json
import threading

import pytest
import pytest_asyncio
from aiohttp import WSMsgType, web

from desktop.transports.signalr import (HubInvocationError, SignalRAuthError, SignalRConnection, SignalRError,
                                        signalr_threads)

RS = "\x1e"
pytestmark = pytest.mark.timeout(30)


class HubPeer:
    def __init__(self, token: str = "good-token"):
        self.token = token
        self.app = web.Application()
        self.app.router.add_post("/hub/negotiate", self.negotiate)
        self.app.router.add_get("/hub", self.websocket)
        self.runner: web.AppRunner | None = None
        self.port = 0
        self.sockets: list[web.WebSocketResponse] = []
        self.requests: list[web.Request] = []
        self.frames: list[dict] = []
        self.negotiate_queries: list[dict] = []
        self.upgrade_auth: list[str | None] = []
        self.ping_interval_s: float | None = None
        self.silent = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hub"

    async def start(self) -> None:
        self.runner = web.AppRunner(self.app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        for ws in list(self.sockets):
            await ws.close()
        assert self.runner is not None
        await self.runner.cleanup()

    def _authorized(self, request: web.Request) -> bool:
        header = request.headers.get("Authorization", "")
        return header == f"Bearer {self.token}" or request.query.get("access_token") == self.token

    async def negotiate(self, request: web.Request) -> web.Response:
        self.negotiate_queries.append(dict(request.query))
        if not self._authorized(request):
            return web.Response(status=401)
        body = {"connectionId": "conn-1", "availableTransports": [
            {"transport": "WebSockets", "transferFormats": ["Text", "Binary"]}]}
        if request.query.get("negotiateVersion") == "1":
            body.update(negotiateVersion=1, connectionToken="tok-1")
        else:
            body.update(negotiateVersion=0)
        return web.json_response(body)

    async def websocket(self, request: web.Request) -> web.StreamResponse:
        self.upgrade_auth.append(request.headers.get("Authorization"))
        if not self._authorized(request):
            return web.Response(status=401)
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self.sockets.append(ws)
        self.requests.append(request)
        pinger = asyncio.create_task(self._pings(ws))
        handshaken = False
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                for record in filter(None, msg.data.split(RS)):
                    frame = json.loads(record)
                    self.frames.append(frame)
                    if not handshaken:
                        handshaken = True
                        await ws.send_str("{}" + RS)
                        continue
                    await self._on_frame(ws, frame)
        finally:
            pinger.cancel()
            if ws in self.sockets:
                self.sockets.remove(ws)
        return ws

    async def _pings(self, ws: web.WebSocketResponse) -> None:
        while True:
            await asyncio.sleep(self.ping_interval_s or 3600)
            if not self.silent and not ws.closed:
                await ws.send_str(json.dumps({"type": 6}) + RS)

    async def _on_frame(self, ws: web.WebSocketResponse, frame: dict) -> None:
        if frame.get("type") != 1 or self.silent:
            return
        target, args, iid = frame["target"], frame.get("arguments", []), frame.get("invocationId")
        if target == "Echo":
            reply = {"type": 3, "invocationId": iid, "result": args}
        elif target == "Fail":
            reply = {"type": 3, "invocationId": iid, "error": "Unauthorized for that"}
        elif target == "Push":  # n MessageReceived invocations in one frame, then the completion
            n = args[0]
            records = "".join(json.dumps({"type": 1, "target": "MessageReceived", "arguments": [{"n": i}]}) + RS
                              for i in range(n))
            await ws.send_str(records)
            reply = {"type": 3, "invocationId": iid, "result": n}
        else:
            reply = {"type": 3, "invocationId": iid, "error": f"Unknown hub method {target}"}
        await ws.send_str(json.dumps(reply) + RS)

    async def push(self, *payloads: dict) -> None:
        for ws in self.sockets:
            await ws.send_str("".join(json.dumps({"type": 1, "target": "MessageReceived", "arguments": [p]}) + RS
                                      for p in payloads))

    async def send_close(self, error: str | None, allow_reconnect: bool | None) -> None:
        frame = {"type": 7}
        if error is not None:
            frame["error"] = error
        if allow_reconnect is not None:
            frame["allowReconnect"] = allow_reconnect
        for ws in list(self.sockets):
            await ws.send_str(json.dumps(frame) + RS)
            await ws.close()

    def drop(self) -> None:
        """Cut the TCP connections without a close frame (a network outage)."""
        for request in list(self.requests):
            if request.transport is not None:
                request.transport.close()


@pytest_asyncio.fixture
async def peer():
    hub = HubPeer()
    await hub.start()
    yield hub
    await hub.stop()


def no_adapter_threads() -> bool:
    return not signalr_threads()


async def wait_for(predicate, timeout: float = 5.0, what: str = "condition") -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


@pytest.mark.asyncio
async def test_connect_invoke_receive_in_order_and_stop_leaves_no_thread(peer):
    received: list[tuple[str, list]] = []
    loop_thread = threading.current_thread()
    conn = SignalRConnection(peer.url, "good-token", handlers={
        "MessageReceived": lambda args: received.append((threading.current_thread().name, args))})
    await conn.start()
    assert conn.connected
    assert peer.upgrade_auth == ["Bearer good-token"]
    assert await conn.invoke("Echo", [[{"EntityId": "q1", "EventName": "QueueStatus"}]]) == \
        [[{"EntityId": "q1", "EventName": "QueueStatus"}]]
    assert await conn.invoke("Push", [500]) == 500
    # every MessageReceived ran on the loop's thread, in wire order, before the completion resolved
    assert [args[0]["n"] for _, args in received] == list(range(500))
    assert {name for name, _ in received} == {loop_thread.name}
    assert signalr_threads(), "signalrcore's receive thread runs while connected"
    await conn.stop()
    assert no_adapter_threads(), [t.name for t in signalr_threads()]
    assert await conn.wait_closed() == "the connection was closed by the client"
    await conn.stop()  # idempotent


@pytest.mark.asyncio
async def test_token_is_not_copied_into_invocation_frames(peer):
    conn = SignalRConnection(peer.url, "good-token")
    await conn.start()
    try:
        await conn.invoke("Echo", ["x"])
    finally:
        await conn.stop()
    invocations = [f for f in peer.frames if f.get("type") == 1]
    assert invocations and all("good-token" not in json.dumps(f) for f in invocations), invocations


@pytest.mark.asyncio
async def test_completion_error_raises_hub_invocation_error(peer):
    conn = SignalRConnection(peer.url, "good-token")
    await conn.start()
    try:
        with pytest.raises(HubInvocationError) as info:
            await conn.invoke("Fail", [])
        assert info.value.error == "Unauthorized for that" and "Fail" in str(info.value)
        assert await conn.invoke("Echo", [1]) == [1], "the connection survives a refused invocation"
    finally:
        await conn.stop()


@pytest.mark.asyncio
async def test_bad_token_is_an_auth_error_and_leaves_no_thread(peer):
    conn = SignalRConnection(peer.url, "stale-token")
    with pytest.raises(SignalRAuthError, match="refused the access token .HTTP 401"):
        await conn.start()
    assert no_adapter_threads()


@pytest.mark.asyncio
async def test_unreachable_hub_is_a_signalr_error():
    conn = SignalRConnection("http://127.0.0.1:9/hub", "t", connect_timeout_s=3)
    with pytest.raises(SignalRError, match="cannot reach the hub"):
        await conn.start()
    assert no_adapter_threads()


@pytest.mark.asyncio
async def test_each_connection_carries_its_own_token(peer):
    first = SignalRConnection(peer.url, "good-token")
    await first.start()
    await first.stop()
    peer.token = "second-token"
    second = SignalRConnection(peer.url, "second-token")
    await second.start()
    await second.stop()
    assert peer.upgrade_auth == ["Bearer good-token", "Bearer second-token"]
    with pytest.raises(RuntimeError):
        await second.start()  # one connection, one start: reconnecting builds a new one


@pytest.mark.asyncio
async def test_abrupt_drop_resolves_wait_closed_and_fails_pending_calls(peer):
    conn = SignalRConnection(peer.url, "good-token")
    await conn.start()
    peer.silent = True
    pending = asyncio.ensure_future(conn.invoke("Echo", [1], timeout_s=10))
    await asyncio.sleep(0.05)
    peer.drop()
    reason = await asyncio.wait_for(conn.wait_closed(), 5)
    assert reason == "the hub dropped the connection"
    with pytest.raises(SignalRError):
        await pending
    assert not conn.connected
    await conn.stop()
    assert no_adapter_threads()


@pytest.mark.asyncio
@pytest.mark.parametrize("allow", [True, False, None])
async def test_close_message_reports_the_error_and_allow_reconnect(peer, allow):
    conn = SignalRConnection(peer.url, "good-token")
    await conn.start()
    await peer.send_close("Server is shutting down", allow)
    reason = await asyncio.wait_for(conn.wait_closed(), 5)
    assert reason.startswith("the hub closed the connection: Server is shutting down")
    assert conn.close_allows_reconnect is (allow is True)  # absent = false (HubProtocol.md)
    assert ("does not allow reconnecting" in reason) is (allow is not True)
    await conn.stop()
    assert no_adapter_threads()


@pytest.mark.asyncio
async def test_keep_alive_pings_are_sent_when_idle(peer):
    conn = SignalRConnection(peer.url, "good-token", keep_alive_s=0.2, server_timeout_s=5)
    await conn.start()
    try:
        await wait_for(lambda: sum(1 for f in peer.frames if f.get("type") == 6) >= 2, what="two client pings")
    finally:
        await conn.stop()


@pytest.mark.asyncio
async def test_server_timeout_when_the_hub_goes_silent(peer):
    peer.ping_interval_s = 0.1
    conn = SignalRConnection(peer.url, "good-token", keep_alive_s=0.2, server_timeout_s=0.6)
    await conn.start()
    await asyncio.sleep(1.0)
    assert conn.connected, "server pings keep the connection alive"
    peer.silent = True
    reason = await asyncio.wait_for(conn.wait_closed(), 5)
    assert "server timeout" in reason
    await conn.stop()
    assert no_adapter_threads()


@pytest.mark.asyncio
async def test_a_handler_error_is_logged_and_later_messages_still_flow(peer, caplog):
    got = []

    def handler(args):
        if args[0].get("boom"):
            raise ValueError("broken view")
        got.append(args[0])

    conn = SignalRConnection(peer.url, "good-token", handlers={"MessageReceived": handler})
    await conn.start()
    try:
        await peer.push({"boom": True}, {"n": 1})
        await wait_for(lambda: got == [{"n": 1}], what="the message after the failing one")
    finally:
        await conn.stop()
    assert "a handler failed" in caplog.text


@pytest.mark.asyncio
async def test_twenty_connections_in_a_row_leave_no_thread(peer):
    for _ in range(20):
        conn = SignalRConnection(peer.url, "good-token")
        await conn.start()
        await conn.invoke("Echo", [1])
        peer.drop()
        await asyncio.wait_for(conn.wait_closed(), 5)
        await conn.stop()
    assert no_adapter_threads(), [t.name for t in signalr_threads()]
