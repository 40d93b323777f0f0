"""BayeuxClient against a small scripted Bayeux server (aiohttp, real loopback socket).

The server here is written from the Bayeux 1.0 specification and the GWS digest §2.1 (arrays
mixing data messages with the /meta/connect reply), independently of the client: it has its own
channel matcher and never imports the client's helpers. Every wait is bounded and driven by
events (``Changes.until``), never by sleeping and hoping.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import socket
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import pytest_asyncio
from aiohttp import web

from desktop.transports.backoff import BackoffPolicy
from desktop.transports.bayeux import BayeuxAuthError, BayeuxClient, BayeuxError

TINY = BackoffPolicy(initial_s=0.01, maximum_s=0.05)
LOGGER = "desktop.transports.bayeux"

pytestmark = [pytest.mark.asyncio, pytest.mark.timeout(20)]


# --------------------------------------------------------------------------- waiting helper
class Changes:
    """Wakes waiters whenever the server or a client callback records something."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def bump(self) -> None:
        self._event.set()

    async def until(self, predicate, what: str, timeout: float = 5.0) -> None:
        async def wait() -> None:
            while not predicate():
                self._event.clear()
                await self._event.wait()

        try:
            await asyncio.wait_for(wait(), timeout)
        except TimeoutError:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}") from None


# --------------------------------------------------------------------------- scripted server
def server_matches(pattern: str, channel: str) -> bool:
    if pattern == channel:
        return True
    head, _, last = pattern.rpartition("/")
    if last == "**":
        return channel.startswith(head + "/")
    if last == "*":
        return channel.startswith(head + "/") and "/" not in channel[len(head) + 1:]
    return False


@dataclass
class ServerClient:
    client_id: str
    subscriptions: list[str] = field(default_factory=list)
    queue: list[dict] = field(default_factory=list)
    wake: asyncio.Event = field(default_factory=asyncio.Event)


@dataclass
class Seen:
    at: float
    messages: Any
    headers: dict[str, str]


class ScriptedBayeux:
    def __init__(self, changes: Changes, *, timeout_ms: int = 2000, interval_ms: int = 0):
        self.changes = changes
        self.timeout_ms = timeout_ms
        self.interval_ms = interval_ms
        self.clients: dict[str, ServerClient] = {}
        self._all_clients: list[ServerClient] = []
        self.seen: list[Seen] = []
        self.responses: list[list] = []  # every JSON body answered, in order
        self.http_faults: list = []  # status (or (status, headers)) for the next requests
        self.connect_faults: list[int] = []  # status for the next /meta/connect requests
        self.drop_next_held_connect = False
        self.hold_override_s: float | None = None
        self.extra_elements: list[Any] = []  # appended to the next connect answer
        self.raw_next_connect_body: str | None = None
        self.reply_first = False
        self.handshake_refusal: dict | None = None
        self._ids = itertools.count(1)
        self._msg_ids = itertools.count(1000)
        self._stopping = False
        self.url = ""
        self._runner: web.AppRunner | None = None
        self._sock: socket.socket | None = None

    # ---- lifecycle
    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/cometd", self._handle)
        self._runner = web.AppRunner(app, shutdown_timeout=1.0, access_log=None)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        site = web.SockSite(self._runner, sock)
        self._sock = sock
        await site.start()
        self.url = f"http://127.0.0.1:{port}/cometd"

    async def stop(self) -> None:
        self._stopping = True
        for client in self._all_clients:
            client.wake.set()
        if self._runner is not None:
            await self._runner.cleanup()
        if self._sock is not None:
            self._sock.close()  # aiohttp does not close a socket it was handed

    # ---- script controls
    def publish(self, channel: str, data: Any) -> None:
        for client in self.clients.values():
            if any(server_matches(s, channel) for s in client.subscriptions):
                client.queue.append({"channel": channel, "data": data, "id": str(next(self._msg_ids))})
                client.wake.set()

    def kick(self) -> None:
        """Answer the held long polls now (empty)."""
        for client in self.clients.values():
            client.wake.set()

    def forget_clients(self) -> None:
        """As after a server restart: every clientId becomes unknown; held polls answer 402."""
        held = list(self.clients.values())
        self.clients.clear()
        for client in held:
            client.wake.set()

    # ---- what was seen
    def messages_on(self, channel: str) -> list[dict]:
        return [
            m for s in self.seen if isinstance(s.messages, list)
            for m in s.messages if isinstance(m, dict) and m.get("channel") == channel
        ]

    def count(self, channel: str) -> int:
        return len(self.messages_on(channel))

    @property
    def held_connects(self) -> int:
        return self._held

    _held = 0

    # ---- protocol
    async def _handle(self, request: web.Request) -> web.StreamResponse:
        try:
            raw = await request.read()
        except ConnectionResetError:  # the client cancelled the request while sending it
            return web.Response(status=499)
        try:
            messages = json.loads(raw)
        except ValueError:
            return web.Response(status=400, text="bad json")
        self.seen.append(Seen(time.monotonic(), messages, dict(request.headers)))
        self.changes.bump()
        if self.http_faults:
            fault = self.http_faults.pop(0)
            status, headers = fault if isinstance(fault, tuple) else (fault, {})
            return web.Response(status=status, headers=headers, text="scripted fault")
        if not isinstance(messages, list):
            messages = [messages]
        replies: list[Any] = []
        for message in messages:
            channel = message.get("channel")
            if channel == "/meta/handshake":
                replies.append(self._handshake(message))
            elif channel == "/meta/subscribe":
                replies.append(self._subscribe(message))
            elif channel == "/meta/connect":
                if self.connect_faults:
                    return web.Response(status=self.connect_faults.pop(0), text="scripted fault")
                answer = await self._connect(message, request)
                if answer is None:
                    request.transport.close()  # dropped long poll: no response at all
                    self.changes.bump()
                    return web.Response(text="never sent")
                if isinstance(answer, str):
                    self.responses.append([answer])
                    self.changes.bump()
                    return web.Response(text=answer, content_type="application/json")
                replies.extend(answer)
            elif channel == "/meta/disconnect":
                gone = self.clients.pop(message.get("clientId"), None)
                if gone is not None:
                    gone.wake.set()  # a held poll of that client ends now
                replies.append({"channel": channel, "id": message.get("id"), "successful": True})
            else:
                replies.append({"channel": channel, "id": message.get("id"), "successful": False,
                                "error": "403::Publishing not allowed here"})
        self.responses.append(replies)
        self.changes.bump()
        return web.json_response(replies)

    def _advice(self) -> dict:
        return {"reconnect": "retry", "interval": self.interval_ms, "timeout": self.timeout_ms}

    def _handshake(self, message: dict) -> dict:
        if self.handshake_refusal is not None:
            return {"channel": "/meta/handshake", "id": message.get("id"), "successful": False,
                    **self.handshake_refusal}
        client_id = f"client-{next(self._ids)}"
        self.clients[client_id] = ServerClient(client_id)
        self._all_clients.append(self.clients[client_id])
        return {"channel": "/meta/handshake", "id": message.get("id"), "version": "1.0",
                "supportedConnectionTypes": ["long-polling", "callback-polling"],
                "clientId": client_id, "successful": True, "advice": self._advice()}

    def _subscribe(self, message: dict) -> dict:
        client = self.clients.get(message.get("clientId"))
        reply = {"channel": "/meta/subscribe", "id": message.get("id"),
                 "subscription": message.get("subscription")}
        if client is None:
            return {**reply, "successful": False, "error": "402::Unknown client",
                    "advice": {"reconnect": "handshake", "interval": 0}}
        client.subscriptions.append(message["subscription"])
        return {**reply, "successful": True, "clientId": client.client_id}

    async def _connect(self, message: dict, request: web.Request) -> list[dict] | str | None:
        client_id = message.get("clientId")
        client = self.clients.get(client_id)
        unknown = [{"channel": "/meta/connect", "id": message.get("id"), "successful": False,
                    "error": "402::Unknown client",
                    "advice": {"reconnect": "handshake", "interval": 0}}]
        if client is None:
            return unknown
        first = (message.get("advice") or {}).get("timeout") == 0
        hold = 0.0 if first else self.timeout_ms / 1000.0
        if self.hold_override_s is not None and not first:
            hold = self.hold_override_s
        held = False
        if not client.queue and hold > 0 and not self._stopping:
            held = True
            client.wake.clear()
            self._held += 1
            self.changes.bump()
            try:
                await asyncio.wait_for(client.wake.wait(), hold)
            except TimeoutError:
                pass
            finally:
                self._held -= 1
        if held and self.drop_next_held_connect:
            self.drop_next_held_connect = False
            return None  # whatever is queued stays queued for the next poll
        if self.clients.get(client_id) is not client:
            return unknown
        if self.raw_next_connect_body is not None:
            body, self.raw_next_connect_body = self.raw_next_connect_body, None
            return body
        events, client.queue = client.queue, []
        extra, self.extra_elements = self.extra_elements, []
        reply = {"channel": "/meta/connect", "id": message.get("id"), "successful": True,
                 "advice": self._advice()}
        if self.reply_first:
            return [reply, *events, *extra]
        return [*events, *extra, reply]


# --------------------------------------------------------------------------- fixtures
@pytest_asyncio.fixture
async def changes() -> Changes:
    return Changes()


@pytest_asyncio.fixture
async def server(changes):
    srv = ScriptedBayeux(changes, timeout_ms=2000)
    await srv.start()
    try:
        yield srv
    finally:
        await srv.stop()


@pytest_asyncio.fixture
async def http():
    async with httpx.AsyncClient() as client:
        yield client


class Harness:
    """A BayeuxClient with recorders, run as a task; always closed at the end."""

    def __init__(self, server: ScriptedBayeux, http: httpx.AsyncClient, changes: Changes,
                 **kwargs: Any) -> None:
        kwargs.setdefault("backoff", TINY)
        self.client = BayeuxClient(server.url, http, **kwargs)
        self.changes = changes
        self.received: list[dict] = []
        self.statuses: list[tuple[str, str]] = []
        self.sessions = 0
        self.client.on_status(self._on_status)
        self.client.on_session(self._on_session)
        self.task: asyncio.Task | None = None

    def record(self, message: dict) -> None:
        self.received.append(message)
        self.changes.bump()

    def _on_status(self, status: str, detail: str) -> None:
        self.statuses.append((status, detail))
        self.changes.bump()

    async def _on_session(self) -> None:
        self.sessions += 1
        self.changes.bump()

    def start(self) -> asyncio.Task:
        self.task = asyncio.create_task(self.client.run())
        self.task.add_done_callback(lambda _t: self.changes.bump())
        return self.task

    def status_names(self) -> list[str]:
        return [s for s, _ in self.statuses]

    def data(self) -> list[Any]:
        return [m["data"] for m in self.received]

    async def finish(self) -> None:
        await asyncio.wait_for(self.client.close(), 5)
        if self.task is not None and not self.task.done():
            self.task.cancel()
        if self.task is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(self.task, 5)


@contextlib.asynccontextmanager
async def running(server, http, changes, channels=("/v2/me/calls",), **kwargs):
    harness = Harness(server, http, changes, **kwargs)
    for channel in channels:
        harness.client.subscribe(channel, harness.record)
    harness.start()
    try:
        yield harness
    finally:
        await harness.finish()


async def until_polling(harness: Harness, server: ScriptedBayeux, sessions: int = 1) -> None:
    """Connected, on_session fired ``sessions`` times, and a long poll is held by the server."""
    await harness.changes.until(
        lambda: harness.sessions >= sessions and harness.client.connected
        and server.held_connects >= 1,
        f"session {sessions} established and a long poll held",
    )


# --------------------------------------------------------------------------- tests
async def test_handshake_subscribe_and_receive_pushed_data_in_order(server, http, changes):
    async with running(server, http, changes) as h:
        await until_polling(h, server)
        for n in range(5):
            server.publish("/v2/me/calls", {"n": n, "messageType": "CallStateChangeMessage"})
            if n == 2:  # let some arrive on separate polls, some batched
                await changes.until(lambda: len(h.received) >= 3, "first three messages")
        await changes.until(lambda: len(h.received) == 5, "five messages")
        assert [d["n"] for d in h.data()] == [0, 1, 2, 3, 4]
        assert all(m["channel"] == "/v2/me/calls" and "id" in m for m in h.received)
        assert h.sessions == 1
        assert h.client.client_id == "client-1"
        assert h.status_names()[:2] == ["connecting", "connected"]

    # The wire format the brief asks for.
    handshake = server.messages_on("/meta/handshake")[0]
    assert handshake["version"] == "1.0" and handshake["minimumVersion"] == "1.0"
    assert handshake["supportedConnectionTypes"] == ["long-polling"]
    subscribe = server.messages_on("/meta/subscribe")[0]
    assert subscribe["subscription"] == "/v2/me/calls" and subscribe["clientId"] == "client-1"
    connects = server.messages_on("/meta/connect")
    assert connects and all(c["connectionType"] == "long-polling" for c in connects)
    assert all(c["clientId"] == "client-1" for c in connects)
    ids = [m["id"] for s in server.seen for m in s.messages]
    assert all(isinstance(i, str) for i in ids)
    assert [int(i) for i in ids] == sorted(int(i) for i in ids)
    assert len(set(ids)) == len(ids)
    assert all(s.headers.get("Content-Type", "").startswith("application/json") for s in server.seen)
    # After close: /meta/disconnect with our clientId, and the final status.
    assert server.messages_on("/meta/disconnect")[0]["clientId"] == "client-1"
    assert h.status_names()[-1] == "disconnected"


@pytest.mark.parametrize("reply_first", [False, True], ids=["reply-last", "reply-first"])
async def test_mixed_array_dispatched_in_order_with_wildcards(server, http, changes, reply_first):
    server.reply_first = reply_first
    harness = Harness(server, http, changes)
    calls, me, everything = [], [], []
    harness.client.subscribe("/v2/me/calls", calls.append)
    harness.client.subscribe("/v2/me/*", me.append)
    harness.client.subscribe("/**", lambda m: (everything.append(m), changes.bump()))
    harness.start()
    try:
        await until_polling(harness, server)
        answers_before = len(server.responses)
        # Published in one go: the held poll wakes once and answers all of them in one array.
        server.publish("/v2/me/devices", {"k": "d1"})
        server.publish("/v2/me/calls", {"k": "c1"})
        server.publish("/v2/me/calls/deep", {"k": "deep"})
        server.publish("/v2/me/devices", {"k": "d2"})
        server.publish("/v2/me/channels", {"k": "ch1"})
        await changes.until(lambda: len(everything) == 5, "five messages on /**")
        batch = server.responses[answers_before]
        assert len([m for m in batch if m["channel"] != "/meta/connect"]) == 5
        assert [m["data"]["k"] for m in everything] == ["d1", "c1", "deep", "d2", "ch1"]
        assert [m["data"]["k"] for m in me] == ["d1", "c1", "d2", "ch1"]
        assert [m["data"]["k"] for m in calls] == ["c1"]
        # The connect reply was acted on: the session goes on with the same client.
        server.publish("/v2/me/calls", {"k": "c2"})
        await changes.until(lambda: len(everything) == 6, "a sixth message")
        assert harness.client.client_id == "client-1"
        assert server.count("/meta/handshake") == 1
    finally:
        await harness.finish()


async def test_advice_timeout_and_interval_are_honoured(http, changes):
    server = ScriptedBayeux(changes, timeout_ms=200, interval_ms=150)
    await server.start()
    try:
        async with running(server, http, changes) as h:
            await changes.until(lambda: server.count("/meta/connect") >= 5, "five connects")
            times = [s.at for s in server.seen
                     if any(m.get("channel") == "/meta/connect" for m in s.messages)]
            # After the first (immediate) one, each poll is held 200 ms and the next one waits
            # the 150 ms interval: no tight loop, no early timeout.
            gaps = [b - a for a, b in zip(times[1:], times[2:])]
            assert gaps and all(gap >= 0.30 for gap in gaps), gaps
            assert "reconnecting" not in h.status_names()
            assert server.count("/meta/handshake") == 1
    finally:
        await server.stop()


async def test_read_timeout_is_advice_timeout_plus_margin(http, changes):
    server = ScriptedBayeux(changes, timeout_ms=100)
    server.hold_override_s = 10.0  # a server that holds far longer than it advised
    await server.start()
    try:
        async with running(server, http, changes, request_timeout_margin_s=0.3) as h:
            await until_polling(h, server)
            started = time.monotonic()
            await changes.until(lambda: "reconnecting" in h.status_names(), "read timeout",
                                timeout=5)
            elapsed = time.monotonic() - started
            assert 0.2 <= elapsed < 3.0, elapsed  # ~0.1 s advice + 0.3 s margin, not 10 s
            detail = [d for s, d in h.statuses if s == "reconnecting"][0]
            assert "ReadTimeout" in detail and "retrying in" in detail
            server.hold_override_s = None
            await changes.until(lambda: h.status_names()[-1] == "connected", "recovery")
            assert h.client.client_id == "client-1"
            assert server.count("/meta/handshake") == 1
    finally:
        await server.stop()


async def test_dropped_long_poll_reconnects_with_same_client_and_loses_nothing(
    server, http, changes
):
    async with running(server, http, changes) as h:
        await until_polling(h, server)
        server.publish("/v2/me/calls", {"n": 1})
        await changes.until(lambda: len(h.received) == 1, "message 1")
        await changes.until(lambda: server.held_connects >= 1, "the next poll held")
        server.drop_next_held_connect = True
        server.publish("/v2/me/calls", {"n": 2})  # wakes the poll, which is dropped unsent
        await changes.until(lambda: len(h.received) == 2, "message 2 after the drop")
        server.publish("/v2/me/calls", {"n": 3})
        await changes.until(lambda: len(h.received) == 3, "message 3")
        assert [d["n"] for d in h.data()] == [1, 2, 3]
        assert "reconnecting" in h.status_names()
        assert h.status_names()[-1] == "connected"
        assert server.count("/meta/handshake") == 1
        assert h.sessions == 1
        assert {c["clientId"] for c in server.messages_on("/meta/connect")} == {"client-1"}


async def test_unknown_client_leads_to_rehandshake_resubscribe_and_second_session(
    server, http, changes
):
    async with running(server, http, changes) as h:
        await until_polling(h, server)
        server.publish("/v2/me/calls", {"n": 1})
        await changes.until(lambda: len(h.received) == 1, "message 1")
        server.forget_clients()  # the held poll now answers 402::Unknown client
        await until_polling(h, server, sessions=2)
        assert h.client.client_id == "client-2"
        server.publish("/v2/me/calls", {"n": 2})
        await changes.until(lambda: len(h.received) == 2, "message 2 on the new session")
        assert h.sessions == 2
        assert server.count("/meta/handshake") == 2
        subs = server.messages_on("/meta/subscribe")
        assert [(s["clientId"], s["subscription"]) for s in subs] == [
            ("client-1", "/v2/me/calls"), ("client-2", "/v2/me/calls"),
        ]
        assert [d["n"] for d in h.data()] == [1, 2]


async def test_http_503_then_recovery_with_backoff(server, http, changes):
    server.http_faults = [503, 503]  # the first two handshakes
    async with running(server, http, changes) as h:
        await until_polling(h, server)
        assert h.status_names()[:4] == ["connecting", "reconnecting", "reconnecting", "connected"]
        details = [d for s, d in h.statuses if s == "reconnecting"]
        assert all("retrying in" in d and "503" in d for d in details)
        handshakes = [s.at for s in server.seen if s.messages[0]["channel"] == "/meta/handshake"]
        assert len(handshakes) == 3
        # Backoff was applied between attempts (TINY: >= 0.01 s * (1 - 0.2)).
        assert all(b - a >= 0.008 for a, b in zip(handshakes, handshakes[1:]))

        # Mid-session: two failed connects, then the same client resumes.
        server.connect_faults = [503, 502]
        server.kick()
        await changes.until(lambda: h.status_names().count("reconnecting") == 4,
                            "two more retries")
        await changes.until(lambda: h.status_names()[-1] == "connected", "resumed")
        server.publish("/v2/me/calls", {"n": 1})
        await changes.until(lambda: len(h.received) == 1, "a message after recovery")
        assert h.client.client_id == "client-1"
        assert h.sessions == 1


async def test_retry_after_is_honoured_but_capped_at_the_policy_maximum(server, http, changes):
    server.http_faults = [(503, {"Retry-After": "0.3"}), (429, {"Retry-After": "120"})]
    policy = BackoffPolicy(initial_s=0.01, maximum_s=0.5, jitter=0.0)
    async with running(server, http, changes, backoff=policy) as h:
        await until_polling(h, server)
        details = [d for s, d in h.statuses if s == "reconnecting"]
        assert details[0].startswith("retrying in 0.3 s") and "503" in details[0]
        # 120 s asked, capped at the 0.5 s maximum.
        assert details[1].startswith("retrying in 0.5 s") and "429" in details[1]
        handshakes = [s.at for s in server.seen if s.messages[0]["channel"] == "/meta/handshake"]
        assert handshakes[1] - handshakes[0] >= 0.28
        assert handshakes[2] - handshakes[1] >= 0.45


async def test_401_raises_auth_error_without_retry(server, http, changes):
    server.http_faults = [401]
    harness = Harness(server, http, changes)
    harness.client.subscribe("/v2/me/calls", harness.record)
    with pytest.raises(BayeuxAuthError) as caught:
        await asyncio.wait_for(harness.client.run(), 5)
    assert caught.value.response.status_code == 401
    assert isinstance(caught.value, httpx.HTTPStatusError)
    assert len(server.seen) == 1
    assert harness.status_names() == ["connecting", "failed"]
    await harness.client.close()


async def test_403_mid_session_raises_auth_error_without_retry(server, http, changes):
    harness = Harness(server, http, changes)
    harness.client.subscribe("/v2/me/calls", harness.record)
    task = harness.start()
    await until_polling(harness, server)
    seen_before = len(server.seen)
    server.connect_faults = [403]
    server.kick()
    with pytest.raises(BayeuxAuthError):
        await asyncio.wait_for(task, 5)
    assert len(server.seen) == seen_before + 1
    assert harness.status_names()[-1] == "failed"
    await harness.client.close()


async def test_refused_handshake_with_reconnect_none_raises_bayeux_error(server, http, changes):
    server.handshake_refusal = {"error": "403::Handshake denied",
                                "advice": {"reconnect": "none"}}
    harness = Harness(server, http, changes)
    with pytest.raises(BayeuxError) as caught:
        await asyncio.wait_for(harness.client.run(), 5)
    assert caught.value.error == "403::Handshake denied"
    assert server.count("/meta/handshake") == 1
    assert harness.status_names()[-1] == "failed"


async def test_refused_handshake_without_none_advice_is_retried(server, http, changes):
    server.handshake_refusal = {"error": "500::Try later", "advice": {"reconnect": "retry"}}
    async with running(server, http, changes) as h:
        await changes.until(lambda: server.count("/meta/handshake") >= 3, "retries")
        server.handshake_refusal = None
        await until_polling(h, server)
        assert h.sessions == 1


async def test_http_404_before_any_handshake_is_fatal(http, changes):
    srv = ScriptedBayeux(changes)
    await srv.start()
    try:
        client = BayeuxClient(srv.url.replace("/cometd", "/wrong"), http, backoff=TINY)
        with pytest.raises(BayeuxError) as caught:
            await asyncio.wait_for(client.run(), 5)
        assert caught.value.error == "HTTP 404"
    finally:
        await srv.stop()


async def test_malformed_elements_are_skipped_with_a_warning(server, http, changes, caplog):
    caplog.set_level(logging.WARNING, logger=LOGGER)
    async with running(server, http, changes) as h:
        await until_polling(h, server)
        server.extra_elements = [
            42,
            "a string",
            {"data": {"no": "channel"}},
            {"channel": "/v2/me/calls", "data": "not an object", "id": "x1"},
            {"channel": "/v2/me/calls", "data": {"ok": "after the junk"}},
        ]
        server.publish("/v2/me/calls", {"ok": "before the junk"})
        await changes.until(lambda: len(h.received) == 2, "the two valid messages")
        assert [d["ok"] for d in h.data()] == ["before the junk", "after the junk"]
        server.publish("/v2/me/calls", {"ok": "next poll"})
        await changes.until(lambda: len(h.received) == 3, "the session goes on")
        assert h.client.client_id == "client-1"

    warnings = [r for r in caplog.records if r.name == LOGGER and r.levelno == logging.WARNING]
    text = "\n".join(r.getMessage() for r in warnings)
    assert len(warnings) >= 4, text
    assert "42" in text and "a string" in text
    assert "/v2/me/calls" in text and "not an object" in text
    assert "no" in text and "channel" in text
    assert "Authorization" not in text


async def test_invalid_json_body_is_logged_and_the_session_goes_on(server, http, changes, caplog):
    caplog.set_level(logging.WARNING, logger=LOGGER)
    async with running(server, http, changes) as h:
        await until_polling(h, server)
        server.raw_next_connect_body = '[{"channel": "/v2/me/calls", "data": {'  # cut short
        server.kick()
        await changes.until(
            lambda: any("not JSON" in r.getMessage() for r in caplog.records), "the warning"
        )
        server.publish("/v2/me/calls", {"n": 1})
        await changes.until(lambda: len(h.received) == 1, "the next message")
        assert h.client.client_id == "client-1"
        assert server.count("/meta/handshake") == 1


async def test_callback_that_raises_does_not_stop_the_session(server, http, changes, caplog):
    caplog.set_level(logging.ERROR, logger=LOGGER)

    def broken(message):
        raise RuntimeError("boom in a subscriber")

    harness = Harness(server, http, changes)
    harness.client.subscribe("/v2/me/calls", broken)
    harness.client.subscribe("/v2/me/calls", harness.record)
    harness.start()
    try:
        await until_polling(harness, server)
        server.publish("/v2/me/calls", {"n": 1})
        server.publish("/v2/me/calls", {"n": 2})
        await changes.until(lambda: len(harness.received) == 2, "both messages")
        assert any("boom" in (r.exc_text or "") or r.exc_info for r in caplog.records)
    finally:
        await harness.finish()


async def test_subscribe_after_start_subscribes_at_once(server, http, changes):
    async with running(server, http, changes) as h:
        await until_polling(h, server)
        devices: list[dict] = []
        h.client.subscribe("/v2/me/devices", lambda m: (devices.append(m), changes.bump()))
        await changes.until(
            lambda: any(s["subscription"] == "/v2/me/devices"
                        for s in server.messages_on("/meta/subscribe")),
            "the late subscription",
        )
        await changes.until(
            lambda: "/v2/me/devices" in server.clients["client-1"].subscriptions, "server side"
        )
        server.publish("/v2/me/devices", {"state": "Active"})
        await changes.until(lambda: len(devices) == 1, "device message")
        assert h.received == []


async def test_close_sends_disconnect_and_run_returns(server, http, changes):
    harness = Harness(server, http, changes)
    harness.client.subscribe("/v2/me/calls", harness.record)
    task = harness.start()
    await until_polling(harness, server)
    assert harness.client.connected
    await asyncio.wait_for(harness.client.close(), 5)
    assert await asyncio.wait_for(task, 5) is None
    assert [m["clientId"] for m in server.messages_on("/meta/disconnect")] == ["client-1"]
    assert not harness.client.connected and harness.client.client_id is None
    assert harness.status_names()[-1] == "disconnected"
    # Idempotent, and nothing more is sent.
    seen = len(server.seen)
    await asyncio.wait_for(harness.client.close(), 5)
    assert len(server.seen) == seen


async def test_close_before_run_makes_run_return_at_once(server, http, changes):
    client = BayeuxClient(server.url, http, backoff=TINY)
    await client.close()
    await asyncio.wait_for(client.run(), 1)
    assert server.seen == []


async def test_close_during_backoff_returns_promptly(http, changes):
    client = BayeuxClient("http://127.0.0.1:9/cometd", http,  # discard port: refused
                          backoff=BackoffPolicy(initial_s=5.0, maximum_s=5.0))
    statuses: list[str] = []
    client.on_status(lambda s, d: (statuses.append(s), changes.bump()))
    task = asyncio.create_task(client.run())
    await changes.until(lambda: "reconnecting" in statuses, "the first failure")
    started = time.monotonic()
    await asyncio.wait_for(client.close(), 2)
    await asyncio.wait_for(task, 2)
    assert time.monotonic() - started < 1.0
    assert statuses[-1] == "disconnected"


async def test_cancelling_run_exits_promptly_and_cleanly(server, http, changes):
    harness = Harness(server, http, changes)
    harness.client.subscribe("/v2/me/calls", harness.record)
    task = harness.start()
    await until_polling(harness, server)
    started = time.monotonic()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, 2)
    assert time.monotonic() - started < 1.0
    assert not harness.client.connected
    assert harness.status_names()[-1] == "disconnected"
    # No task of the client is left behind.
    leftovers = [t for t in asyncio.all_tasks()
                 if t is not asyncio.current_task() and "BayeuxClient" in repr(t.get_coro())]
    assert leftovers == []
    await harness.client.close()


async def test_run_twice_concurrently_is_refused(server, http, changes):
    async with running(server, http, changes) as h:
        await until_polling(h, server)
        with pytest.raises(RuntimeError):
            await h.client.run()
