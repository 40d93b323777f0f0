"""The one small adapter around signalrcore (1.0.2): a SignalR hub connection for asyncio.

Qt-free. One :class:`SignalRConnection` is ONE hub connection, started once and never
restarted: the owner's reconnect loop builds a new one per attempt, with a fresh access token
(see STACK-NOTES "SignalR"). What it offers over signalrcore, and why each workaround exists:

* **Start without blocking the loop.** signalrcore's ``start()`` negotiates (urllib) and opens the
  socket synchronously; it runs in a short-lived thread of its own (not the loop's default
  executor, whose idle workers would outlive the connection) bounded by ``connect_timeout_s``.
  The open is confirmed only when the hub answers the handshake (``on_open``).
* **Fresh token per connection.** signalrcore calls ``access_token_factory`` once, at start, and
  never again (its own reconnect would reuse a token the hub checks only at connect). Each
  connection gets the token it was built with; the owner fetches a new one per attempt.
* **No automatic reconnect inside signalrcore.** After one refused attempt its reconnect raises
  ``'WebsocketTransport' object has no attribute 'connection_alive'`` and stays "reconnecting"
  forever, so no reconnection handler is configured: a lost connection resolves
  :meth:`SignalRConnection.wait_closed` with the reason, and the owner reconnects.
* **Our own keep-alive and server timeout.** signalrcore starts its keep-alive thread only with a
  reconnection handler, that thread dies with an unhandled exception when a ping hits a closed
  socket, and signalrcore never notices a silent server. A task on the loop sends a Ping (type 6)
  when nothing was sent for ``keep_alive_s`` and declares the connection lost when nothing at all
  (event, completion or ping) arrived for ``server_timeout_s`` (ASP.NET Core defaults: 15 s / 30 s).
* **Invoke returns the completion.** signalrcore's ``invoke`` returns nothing useful and routes a
  Completion carrying ``error`` to the connection-wide ``on_error`` callback; both are matched back
  to the invocation id here and resolve an asyncio future (result, or :class:`HubInvocationError`
  with the hub's text).
* **Callbacks marshalled to the loop, in order.** Everything signalrcore reports from its receive
  thread (server invocations, completions, open, close) goes into one inbox drained on the loop;
  a burst costs one ``call_soon_threadsafe`` wake-up, not one per message, and the order on the
  wire is kept. Nothing here runs user callbacks on signalrcore's threads.
* **The token stays out of frames and logs.** signalrcore copies the connection headers (with
  ``Authorization: Bearer …``) into every invocation message's ``headers`` and logs frames at
  DEBUG. Once connected, the connection's header dict is emptied (the upgrade already carried the
  token; the hub checks it only at connect), and signalrcore's logger never runs at DEBUG; its
  ERROR records (an ordinary connection reset comes with three, one a traceback) are demoted to
  INFO, since every loss is reported here in words.
* **Clean stop, no thread left.** signalrcore's ``stop()`` closes the socket and joins the receive
  thread without a timeout, but on Linux closing a socket does not wake a thread blocked in
  ``recv``: the stop would hang until the server's next frame. Stop sends a websocket close frame,
  shuts the socket down (which wakes ``recv``), runs signalrcore's ``stop()`` in a short-lived
  thread and joins every thread it started, each with a bound.
* **TLS with the OS trust store.** ``with_url`` accepts only an exact ``ssl.SSLContext`` type, so
  the truststore context is set on the builder directly.

Limits kept (documented, not worked around): signalrcore opens the TCP connection without a
timeout (an unroutable host holds the start thread until the OS gives up; the caller stops
waiting after ``connect_timeout_s`` and the thread ends on its own), and its websocket ignores
HTTP proxies (only negotiate, through urllib, follows the environment's proxy settings).
"""
from __future__ import annotations

import asyncio
import itertools
import logging
import socket
import struct
import threading
import time
import urllib.error
from collections import deque
from typing import Any, Callable

from signalrcore.hub_connection_builder import HubConnectionBuilder
from signalrcore.messages.close_message import CloseMessage
from signalrcore.messages.ping_message import PingMessage
from signalrcore.protocol.json_hub_protocol import JsonHubProtocol

from .http import ssl_context as make_ssl_context

__all__ = ["HubInvocationError", "SignalRAuthError", "SignalRConnection", "SignalRError", "signalr_threads"]

log = logging.getLogger(__name__)


class _Demote(logging.Filter):
    """signalrcore logs an ordinary connection reset as ERROR with a traceback, three times.
    This adapter reports every loss itself (``wait_closed``'s reason; the owner logs it), so
    signalrcore's own records are kept at INFO: in the log file, off the console."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.INFO:
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


# signalrcore logs every frame (with the Authorization header copied into invocations) at DEBUG
# and formats them eagerly: its logger stays at INFO (never DEBUG), its errors demoted to INFO.
_SIGNALRCORE_LOG = logging.getLogger("SignalRCoreClient")
_SIGNALRCORE_LOG.setLevel(logging.INFO)
_SIGNALRCORE_LOG.addFilter(_Demote())

THREAD_PREFIXES = ("Signalrcore", "ctidesk-signalr")
_ids = itertools.count(1)
_REPR_LIMIT = 200


def signalr_threads() -> list[threading.Thread]:
    """Live threads started by signalrcore or by this adapter (tests assert none survive a stop)."""
    return [t for t in threading.enumerate() if t.is_alive() and t.name.startswith(THREAD_PREFIXES)]


class SignalRError(Exception):
    """The hub connection failed or was lost; the message says how, in words."""


class SignalRAuthError(SignalRError):
    """The hub refused the access token (HTTP 401/403 on negotiate or on the websocket upgrade)."""


class HubInvocationError(SignalRError):
    """The hub answered an invocation with a Completion carrying ``error``."""

    def __init__(self, method: str, error: str):
        super().__init__(f"the hub refused {method}: {error}")
        self.method = method
        self.error = error


Handler = Callable[[list[Any]], None]


class SignalRConnection:
    """One SignalR hub connection (JSON protocol over websocket) driven from asyncio.

    ``handlers`` maps a server-to-client method name (e.g. ``MessageReceived``) to a callable
    taking that invocation's argument list; it runs on the event loop, in wire order.
    """

    def __init__(self, url: str, token: str, *, handlers: dict[str, Handler] | None = None,
                 connect_timeout_s: float = 15.0, keep_alive_s: float = 15.0, server_timeout_s: float = 30.0,
                 ca_bundle: str | None = None, name: str | None = None):
        self.url = url
        self.name = name or f"signalr-{next(_ids)}"
        self._token = token
        self._handlers = dict(handlers or {})
        self._connect_timeout_s = connect_timeout_s
        self._keep_alive_s = keep_alive_s
        self._server_timeout_s = server_timeout_s
        self._ca_bundle = ca_bundle
        self._loop: asyncio.AbstractEventLoop | None = None
        self._hub: Any = None
        self._lock = threading.Lock()
        self._inbox: deque[tuple[Callable[..., None], tuple[Any, ...]]] = deque()
        self._drain_scheduled = False
        self._pending: dict[str, tuple[str, asyncio.Future[Any]]] = {}
        self._opened: asyncio.Future[None] | None = None
        self._closed: asyncio.Future[str] | None = None
        self._threads: list[threading.Thread] = []
        self._watchdog: asyncio.Task[None] | None = None
        self._last_received = time.monotonic()
        self._close_message: tuple[str | None, bool | None] | None = None
        self._stopping = False
        self._stopped = False
        self.messages_received = 0

    # -- public ---------------------------------------------------------------------------------
    @property
    def connected(self) -> bool:
        return self._opened is not None and self._opened.done() and not self._opened.cancelled() \
            and self._opened.exception() is None and self._closed is not None and not self._closed.done()

    @property
    def close_allows_reconnect(self) -> bool:
        """False when the hub sent a Close message without ``allowReconnect: true`` (HubProtocol.md:
        absent means false; ASP.NET Core writes the field only when true). A drop, a server
        timeout or any loss without a Close message allows reconnecting."""
        return self._close_message is None or self._close_message[1] is True

    async def start(self) -> None:
        """Negotiate, open the websocket and complete the hub handshake, or raise SignalRError."""
        if self._loop is not None:
            raise RuntimeError("a SignalRConnection is started once; build a new one to reconnect")
        loop = self._loop = asyncio.get_running_loop()
        self._opened = loop.create_future()
        self._opened.add_done_callback(_retrieve)
        self._closed = loop.create_future()
        self._hub = self._build()
        started = self._in_thread(self._start_blocking, "start")
        try:
            await asyncio.wait_for(asyncio.shield(started), self._connect_timeout_s)
            await asyncio.wait_for(asyncio.shield(self._opened), self._connect_timeout_s)
        except TimeoutError:
            await self.stop()
            raise SignalRError(f"the hub at {self.url} did not complete the connection within "
                               f"{self._connect_timeout_s:g} s") from None
        except asyncio.CancelledError:
            await self.stop()
            raise
        except SignalRError:
            await self.stop()
            raise
        except Exception as exc:  # what signalrcore's start raised, translated
            await self.stop()
            raise _translate_start_error(exc, self.url) from None
        self._hub.headers = {}  # see the module doc: no token in invocation frames
        self._last_received = time.monotonic()
        self._watchdog = loop.create_task(self._keep_alive(), name=f"{self.name}-keepalive")

    async def invoke(self, method: str, arguments: list[Any] | None = None, *, timeout_s: float = 20.0) -> Any:
        """Call a hub method and return its Completion result (HubInvocationError on ``error``)."""
        if not self.connected:
            raise SignalRError(f"cannot invoke {method}: the hub connection is not open")
        assert self._loop is not None
        invocation_id = str(next(_ids))
        future: asyncio.Future[Any] = self._loop.create_future()
        self._pending[invocation_id] = (method, future)
        try:
            self._hub.invoke(method, list(arguments or []), on_invocation=self._on_completion_thread,
                             invocation_id=invocation_id)
        except Exception as exc:
            self._pending.pop(invocation_id, None)
            raise SignalRError(f"cannot send {method}: {type(exc).__name__}: {exc}") from None
        try:
            return await asyncio.wait_for(future, timeout_s)
        except TimeoutError:
            raise SignalRError(f"the hub did not answer {method} within {timeout_s:g} s") from None
        finally:
            self._pending.pop(invocation_id, None)

    async def wait_closed(self) -> str:
        """Wait until the connection ends; returns the reason in words."""
        assert self._closed is not None, "start() first"
        return await asyncio.shield(self._closed)

    async def stop(self) -> None:
        """Close the connection and end every thread it started. Idempotent, bounded in time."""
        if self._stopped:
            return
        self._stopped = True
        self._stopping = True
        if self._opened is not None and not self._opened.done():  # a start() in progress ends now
            self._opened.set_exception(SignalRError("the connection was stopped before it opened"))
        if self._watchdog is not None:
            self._watchdog.cancel()
            await asyncio.gather(self._watchdog, return_exceptions=True)
        hub = self._hub
        transport = getattr(hub, "transport", None)
        client = getattr(transport, "_client", None)
        sock = getattr(client, "sock", None)
        if sock is not None and getattr(client, "running", False):
            try:  # a websocket close frame (1000, normal closure), then wake the receive thread
                client.send(struct.pack(">H", 1000), opcode=0x8)
            except Exception:
                pass
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if transport is not None:
            stopping = self._in_thread(transport.stop, "stop")
            try:
                await asyncio.wait_for(asyncio.shield(stopping), 5.0)
            except Exception as exc:
                log.warning("%s: signalrcore stop: %s", self.name, exc)
        await self._join_threads(client)
        if sock is not None:
            sock.close()  # after a drop signalrcore's stop() returns early and never closes it
        self._set_closed("the connection was closed by the client")
        self._fail_pending(SignalRError("the hub connection was closed"))

    # -- signalrcore side -----------------------------------------------------------------------
    def _build(self) -> Any:
        builder = HubConnectionBuilder().with_url(self.url, options={"access_token_factory": lambda: self._token})
        builder.with_hub_protocol(JsonHubProtocol())
        if self.url.startswith(("https:", "wss:")):
            builder.ssl_context = make_ssl_context(self._ca_bundle)  # with_url insists on the exact type
        hub = builder.build()
        hub.on_open(lambda: self._post(self._on_open))
        hub.on_close(lambda: self._post(self._on_transport_closed))
        hub.on_error(self._on_error_thread)
        for target, handler in self._handlers.items():
            hub.on(target, lambda args, _h=handler: self._post(_h, args))
        delegate = hub.on_message

        def on_message(messages: list[Any]) -> None:  # receive thread: note liveness, spot Close
            self._last_received = time.monotonic()
            for message in messages:
                if isinstance(message, CloseMessage):
                    self._close_message = (message.error, message.allow_reconnect)
            delegate(messages)

        hub.on_message = on_message  # read by start() when it builds the transport
        return hub

    def _start_blocking(self) -> Any:
        """signalrcore's start (negotiate, TCP, upgrade); if stop() came meanwhile, undo it here."""
        result = self._hub.start()
        if self._stopped:
            transport = getattr(self._hub, "transport", None)
            client = getattr(transport, "_client", None)
            sock = getattr(client, "sock", None)
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
            if transport is not None:
                transport.stop()
        return result

    def _on_completion_thread(self, message: Any) -> None:
        self._post(self._complete, message.invocation_id, getattr(message, "result", None), None)

    def _on_error_thread(self, message: Any) -> None:
        invocation_id = getattr(message, "invocation_id", None)
        error = getattr(message, "error", None) or str(message)
        self._post(self._complete, invocation_id, None, str(error))

    def _post(self, callback: Callable[..., None], *args: Any) -> None:
        """From any thread: queue ``callback(*args)`` for the loop, keeping arrival order."""
        loop = self._loop
        if loop is None:
            return
        with self._lock:
            self._inbox.append((callback, args))
            if self._drain_scheduled:
                return
            self._drain_scheduled = True
        try:
            loop.call_soon_threadsafe(self._drain)
        except RuntimeError:  # the loop is closed: nobody is listening any more
            pass

    def _drain(self) -> None:
        with self._lock:
            items = list(self._inbox)
            self._inbox.clear()
            self._drain_scheduled = False
        for callback, args in items:
            try:
                callback(*args)
            except Exception:
                log.exception("%s: a handler failed on %.200r", self.name, args)

    # -- loop side ------------------------------------------------------------------------------
    def _on_open(self) -> None:
        if self._opened is not None and not self._opened.done():
            self._opened.set_result(None)

    def _on_transport_closed(self) -> None:
        if self._stopping:
            reason = "the connection was closed by the client"
        elif self._close_message is not None:
            error, allow = self._close_message
            reason = f"the hub closed the connection{': ' + error if error else ''}"
            if allow is not True:
                reason += " (and does not allow reconnecting)"
        else:
            reason = "the hub dropped the connection"
        if self._opened is not None and not self._opened.done():
            self._opened.set_exception(SignalRError(f"{reason} before the handshake completed"))
        self._set_closed(reason)
        self._fail_pending(SignalRError(reason))

    def _complete(self, invocation_id: str | None, result: Any, error: str | None) -> None:
        entry = self._pending.get(invocation_id) if invocation_id else None
        if entry is None:
            if error:
                log.warning("%s: hub error for no pending invocation: %.200s", self.name, error)
            return
        method, future = entry
        if future.done():
            return
        if error is not None:
            future.set_exception(HubInvocationError(method, error))
        else:
            future.set_result(result)

    def _set_closed(self, reason: str) -> None:
        if self._closed is not None and not self._closed.done():
            self._closed.set_result(reason)

    def _fail_pending(self, exc: SignalRError) -> None:
        for _method, future in list(self._pending.values()):
            if not future.done():
                future.set_exception(exc)

    async def _keep_alive(self) -> None:
        step = max(0.05, min(self._keep_alive_s, self._server_timeout_s) / 4)
        while True:
            await asyncio.sleep(step)
            now = time.monotonic()
            if now - self._last_received > self._server_timeout_s:
                reason = f"no message from the hub for {self._server_timeout_s:g} s (server timeout)"
                log.warning("%s: %s", self.name, reason)
                self._set_closed(reason)
                self._fail_pending(SignalRError(reason))
                return
            transport = getattr(self._hub, "transport", None)
            checker = getattr(transport, "connection_checker", None)
            last_sent = getattr(checker, "last_message", 0.0)  # signalrcore stamps every send (wall clock)
            if transport is not None and time.time() - last_sent >= self._keep_alive_s:
                try:
                    transport.send(PingMessage())
                except Exception as exc:
                    reason = f"cannot send a keep-alive ping: {type(exc).__name__}: {exc}"
                    self._set_closed(reason)
                    return

    def _in_thread(self, fn: Callable[[], Any], what: str) -> asyncio.Future[Any]:
        """Run a blocking signalrcore call in a short-lived thread of its own; await its result."""
        loop = self._loop
        assert loop is not None
        future: asyncio.Future[Any] = loop.create_future()
        future.add_done_callback(_retrieve)  # nobody awaits it after a timeout: no "never retrieved"

        def settle(result: Any, exc: BaseException | None) -> None:
            if future.done():
                return
            if exc is not None:
                future.set_exception(exc)
            else:
                future.set_result(result)

        def body() -> None:
            try:
                result, exc = fn(), None
            except BaseException as error:  # reported to the awaiting coroutine
                result, exc = None, error
            try:
                loop.call_soon_threadsafe(settle, result, exc)
            except RuntimeError:
                pass

        thread = threading.Thread(target=body, name=f"ctidesk-signalr-{what}-{self.name}", daemon=True)
        self._threads.append(thread)
        thread.start()
        return future

    async def _join_threads(self, client: Any) -> None:
        threads = list(self._threads)
        recv = getattr(client, "recv_thread", None)
        if isinstance(recv, threading.Thread):
            threads.append(recv)
        transport = getattr(self._hub, "transport", None)
        checker_thread = getattr(getattr(transport, "connection_checker", None), "_thread", None)
        if isinstance(checker_thread, threading.Thread):
            threads.append(checker_thread)
        deadline = time.monotonic() + 5.0
        for thread in threads:
            while thread.is_alive() and time.monotonic() < deadline:
                await asyncio.sleep(0.005)
            if thread.is_alive():
                log.warning("%s: thread %s still running after stop (a blocked TCP connect?)", self.name, thread.name)


def _retrieve(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()


def _translate_start_error(exc: BaseException, url: str) -> SignalRError:
    status = getattr(exc, "code", None) if isinstance(exc, urllib.error.HTTPError) else None
    if isinstance(exc, urllib.error.HTTPError):
        exc.close()  # signalrcore leaves the refused negotiate's response (and its socket) open
    text = str(exc)
    if status is None and "Handshake failed" in text:  # signalrcore's websocket upgrade refused
        first = text.split("Handshake failed:", 1)[1].strip().splitlines()[0] if "Handshake failed:" in text else text
        parts = first.split()
        status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    if type(exc).__name__ == "UnAuthorizedHubError":
        status = 401
    if status in (401, 403):
        return SignalRAuthError(f"the hub at {url} refused the access token (HTTP {status})")
    if status is not None:
        return SignalRError(f"the hub at {url} answered HTTP {status}")
    if isinstance(exc, urllib.error.URLError):
        return SignalRError(f"cannot reach the hub at {url}: {exc.reason}")
    if isinstance(exc, OSError):
        return SignalRError(f"cannot reach the hub at {url}: {exc.strerror or exc}")
    return SignalRError(f"cannot connect to the hub at {url}: {type(exc).__name__}: {text[:_REPR_LIMIT]}")
