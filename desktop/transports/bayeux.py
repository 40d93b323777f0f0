"""A small Bayeux 1.0 (CometD) long-polling client on httpx, for the GWS notifications endpoint.

Qt-free; depends on httpx and the standard library only. Written here because the Python
CometD libraries are broken on 3.11 or unmaintained (see STACK-NOTES "CometD / Bayeux").

Lifecycle (one :meth:`BayeuxClient.run` call drives everything until :meth:`close`)::

    handshake → subscribe every registered channel → on_session callbacks →
    /meta/connect loop (data messages dispatched in arrival order, then the connect reply acted on)

Recovery rules:

* transport errors, read timeouts, dropped long polls, HTTP 5xx/408/429, a response without a
  ``/meta/connect`` reply: wait (backoff, ``Retry-After`` honoured up to the policy maximum) and
  send ``/meta/connect`` again with the same clientId, so the server delivers what it queued;
* ``"…::Unknown client"`` (CometD ``402::``, faye ``401:<id>:``) or advice
  ``reconnect: "handshake"``: wait (backoff), new handshake, resubscribe everything, fire
  ``on_session`` again (the owner resyncs its state over REST there);
* HTTP 401/403: :class:`BayeuxAuthError`, never retried;
* a refused handshake with advice ``reconnect: "none"`` (or ``"none"`` on a connect):
  :class:`BayeuxError`;
* any other HTTP 4xx before the first successful handshake (a wrong URL): :class:`BayeuxError`;
  after it, handled like a lost session (backoff, rehandshake).

The backoff sequence restarts after each successful ``/meta/connect``; a handshake alone does
not reset it, so a server that accepts handshakes but forgets the client at once cannot drive a
tight loop.

Malformed input (a body that is not JSON, an element that is not an object, has no channel, or
a data message whose ``data`` is not an object) is logged at WARNING with the channel and a
truncated repr, then skipped. Request headers are never logged. There is no duplicate
suppression here (the store does that), but a response is processed exactly once.
"""

from __future__ import annotations

import asyncio
import inspect
import itertools
import json
import logging
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import httpx

from .backoff import BackoffPolicy

__all__ = [
    "BayeuxAuthError",
    "BayeuxClient",
    "BayeuxError",
    "channel_matches",
]

_LOG = logging.getLogger(__name__)

CONNECTION_TYPE = "long-polling"
BAYEUX_VERSION = "1.0"
_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}
# Until the server gives advice: GWS (CometD) holds a long poll for 30 s by default.
_DEFAULT_TIMEOUT_MS = 30_000
_REPR_LIMIT = 200

MessageCallback = Callable[[dict], None]
SessionCallback = Callable[[], "Awaitable[None] | None"]
StatusCallback = Callable[[str, str], None]


class BayeuxError(Exception):
    """The Bayeux server refused us for good. ``error`` is the Bayeux ``error`` string
    (e.g. ``"402::Unknown client"``) or a short description such as ``"HTTP 404"``;
    ``reply`` is the offending reply message when there was one."""

    def __init__(self, message: str, *, error: str | None = None, reply: dict | None = None):
        super().__init__(message)
        self.error = error
        self.reply = reply


class BayeuxAuthError(httpx.HTTPStatusError):
    """HTTP 401/403 from the Bayeux endpoint: the credentials were refused. Never retried."""

    @property
    def status_code(self) -> int:
        return self.response.status_code


class _Retry(Exception):
    """Internal: a recoverable failure; the run loop backs off and tries again."""

    def __init__(self, detail: str, *, rehandshake: bool = False, retry_after: float | None = None):
        super().__init__(detail)
        self.detail = detail
        self.rehandshake = rehandshake
        self.retry_after = retry_after


class _Closed(Exception):
    """Internal: close() was called; the run loop ends quietly."""


def channel_matches(pattern: str, channel: str) -> bool:
    """Bayeux channel globbing: ``/a/*`` matches one segment below ``/a``, ``/a/**`` any depth."""
    if pattern == channel:
        return True
    if pattern.endswith("/**"):
        prefix = pattern[:-2]
        return len(channel) > len(prefix) and channel.startswith(prefix)
    if pattern.endswith("/*"):
        prefix = pattern[:-1]
        rest = channel[len(prefix):]
        return channel.startswith(prefix) and bool(rest) and "/" not in rest
    return False


def _validate_subscription(channel: str) -> None:
    if not isinstance(channel, str) or not channel.startswith("/") or channel == "/":
        raise ValueError(f"not a Bayeux channel: {channel!r}")
    if channel.startswith("/meta/"):
        raise ValueError(f"cannot subscribe to a meta channel: {channel!r}")
    segments = channel.split("/")[1:]
    for index, segment in enumerate(segments):
        if not segment:
            raise ValueError(f"empty segment in channel {channel!r}")
        if "*" in segment and not (index == len(segments) - 1 and segment in ("*", "**")):
            raise ValueError(f"wildcards are only allowed as the last segment: {channel!r}")


def _short(value: Any) -> str:
    text = repr(value)
    if len(text) > _REPR_LIMIT:
        text = text[:_REPR_LIMIT] + f"... ({len(text)} chars)"
    return text


def _is_unknown_client(error: Any) -> bool:
    return isinstance(error, str) and "unknown client" in error.lower()


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        return None
    return float(value)


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        return None  # an HTTP date: ignored, the backoff decides
    return seconds if seconds >= 0 else None


class BayeuxClient:
    """Bayeux 1.0 long-polling client. See the module docstring for the recovery rules."""

    def __init__(
        self,
        url: str,
        http: httpx.AsyncClient,
        *,
        backoff: BackoffPolicy = BackoffPolicy(),
        request_timeout_margin_s: float = 10.0,
        logger: logging.Logger | None = None,
        disconnect_timeout_s: float = 2.0,
    ) -> None:
        self._url = url
        self._http = http
        self._backoff = backoff
        self._margin = float(request_timeout_margin_s)
        self._log = logger if logger is not None else _LOG
        self._disconnect_timeout = float(disconnect_timeout_s)

        self._ids: Iterator[int] = itertools.count(1)
        self._subscriptions: dict[str, list[MessageCallback]] = {}
        self._server_subscribed: set[str] = set()
        self._subscribing: set[str] = set()
        self._refused: dict[str, str] = {}
        self._session_callbacks: list[SessionCallback] = []
        self._status_callbacks: list[StatusCallback] = []

        self._client_id: str | None = None
        self._connected = False
        self._status: str | None = None
        self._timeout_ms: float = _DEFAULT_TIMEOUT_MS
        self._interval_ms: float = 0.0
        self._first_connect = True
        self._handshaken_once = False

        self._running = False
        self._closed = False
        self._run_task: asyncio.Task | None = None
        self._wake: asyncio.Event | None = None
        self._inflight: set[asyncio.Future] = set()
        self._background: set[asyncio.Task] = set()

    # ----------------------------------------------------------------- public surface
    @property
    def client_id(self) -> str | None:
        return self._client_id

    @property
    def connected(self) -> bool:
        return self._connected

    @property
    def status(self) -> str | None:
        """The last status passed to the on_status callbacks."""
        return self._status

    @property
    def refused_subscriptions(self) -> dict[str, str]:
        """Channels the server refused on the current session → its error string."""
        return dict(self._refused)

    def subscribe(self, channel: str, callback: MessageCallback) -> None:
        """Register ``callback`` for ``channel`` (``*``/``**`` wildcards allowed as the last
        segment). Before run(): subscribed at the handshake. While connected: subscribed at
        once, in the background. Callbacks get the whole data message, in arrival order,
        synchronously from the run loop; one that raises is logged and does not stop the rest."""
        _validate_subscription(channel)
        callbacks = self._subscriptions.setdefault(channel, [])
        callbacks.append(callback)
        if (
            len(callbacks) == 1
            and self._running
            and not self._closed
            and self._client_id is not None
            and channel not in self._server_subscribed
        ):
            self._spawn_subscribe([channel])

    def on_session(self, callback: SessionCallback) -> None:
        """Called (and awaited when it returns an awaitable) after every successful
        handshake + subscribe, before the first ``/meta/connect`` of that session. Keep it
        short: the server forgets a client that does not connect within its maxInterval."""
        self._session_callbacks.append(callback)

    def on_status(self, callback: StatusCallback) -> None:
        """``callback(status, detail)``, status one of connecting, connected, reconnecting,
        disconnected, failed."""
        self._status_callbacks.append(callback)

    async def run(self) -> None:
        if self._running:
            raise RuntimeError("BayeuxClient.run() is already running")
        if self._closed:
            return
        self._running = True
        self._run_task = asyncio.current_task()
        if self._wake is None:
            self._wake = asyncio.Event()
        end_status: tuple[str, str] | None = ("disconnected", "closed")
        try:
            self._emit_status("connecting", self._url)
            await self._loop()
        except _Closed:
            pass
        except asyncio.CancelledError:
            end_status = ("disconnected", "cancelled")
            raise
        except BayeuxAuthError as exc:
            end_status = ("failed", f"authentication refused: HTTP {exc.response.status_code}")
            raise
        except BayeuxError as exc:
            end_status = ("failed", str(exc))
            raise
        except BaseException as exc:  # a bug: report it, let it propagate
            end_status = ("failed", _describe(exc))
            raise
        finally:
            self._running = False
            self._connected = False
            self._run_task = None
            background = list(self._background)
            for task in background:
                task.cancel()
            if background:
                await asyncio.gather(*background, return_exceptions=True)
            if end_status is not None:
                self._emit_status(*end_status)

    async def close(self) -> None:
        """Stop: cancel the long poll, send ``/meta/disconnect`` (best effort, short timeout),
        and wait briefly for run() to return. Idempotent."""
        if self._closed:
            return
        self._closed = True
        if self._wake is not None:
            self._wake.set()
        for future in list(self._inflight):
            future.cancel()
        client_id, self._client_id = self._client_id, None
        if client_id is not None:
            await self._send_disconnect(client_id)
        run_task = self._run_task
        if run_task is not None and run_task is not asyncio.current_task() and not run_task.done():
            await asyncio.wait({run_task}, timeout=self._disconnect_timeout)

    # ----------------------------------------------------------------- the run loop
    async def _loop(self) -> None:
        delays = self._backoff.delays()
        need_handshake = True
        while not self._closed:
            try:
                if need_handshake:
                    await self._handshake()
                    await self._subscribe(list(self._subscriptions))
                    need_handshake = False
                    self._first_connect = True
                    await self._fire_on_session()  # resync first: "connected" means up to date
                    self._mark_up(f"client id {self._client_id}")
                    continue
                reconnect = await self._connect_once()
                delays = self._backoff.delays()
                self._mark_up(f"client id {self._client_id} (resumed)")
                if reconnect == "none":
                    raise BayeuxError("the server advised reconnect 'none'", error=None)
                if reconnect == "handshake":
                    self._log.info("Bayeux: server advised a new handshake")
                    need_handshake = True
                    continue
                self._resubscribe_missing()
                if self._interval_ms > 0:
                    await self._sleep(self._interval_ms / 1000.0)
            except _Retry as exc:
                if exc.rehandshake:
                    need_handshake = True
                delay = next(delays)
                if exc.retry_after is not None:
                    delay = max(delay, min(exc.retry_after, self._backoff.maximum_s))
                self._connected = False
                self._log.warning("Bayeux: %s; retrying in %.2f s", exc.detail, delay)
                self._emit_status("reconnecting", f"retrying in {delay:.1f} s: {exc.detail}")
                await self._sleep(delay)

    async def _handshake(self) -> None:
        self._client_id = None
        self._server_subscribed.clear()
        self._refused.clear()
        message = {
            "channel": "/meta/handshake",
            "version": BAYEUX_VERSION,
            "minimumVersion": BAYEUX_VERSION,
            "supportedConnectionTypes": [CONNECTION_TYPE],
            "id": self._next_id(),
        }
        replies = await self._exchange([message], read_timeout_s=self._margin)
        reply = self._find_reply(replies, "/meta/handshake", message["id"])
        if reply is None:
            raise _Retry("no /meta/handshake reply in the response", rehandshake=True)
        self._update_advice(reply.get("advice"))
        client_id = reply.get("clientId")
        if reply.get("successful") is True and isinstance(client_id, str) and client_id:
            types = reply.get("supportedConnectionTypes")
            if isinstance(types, list) and CONNECTION_TYPE not in types:
                self._log.warning(
                    "Bayeux: server lists no %s among %s; trying anyway", CONNECTION_TYPE,
                    _short(types),
                )
            self._client_id = client_id
            self._handshaken_once = True
            self._log.info("Bayeux: handshake ok, client id %s", client_id)
            return
        error = reply.get("error")
        reconnect = self._reconnect_advice(reply)
        if reconnect == "none":
            raise BayeuxError(f"handshake refused: {error}", error=error, reply=reply)
        raise _Retry(f"handshake refused: {error}", rehandshake=True)

    async def _subscribe(self, channels: list[str]) -> None:
        client_id = self._client_id
        channels = [c for c in channels if c not in self._server_subscribed]
        if not channels or client_id is None:
            return
        messages = [
            {
                "channel": "/meta/subscribe",
                "clientId": client_id,
                "subscription": channel,
                "id": self._next_id(),
            }
            for channel in channels
        ]
        self._subscribing.update(channels)
        try:
            replies = await self._exchange(messages, read_timeout_s=self._margin)
        finally:
            self._subscribing.difference_update(channels)
        if client_id != self._client_id:
            return  # a new session began meanwhile; it subscribes everything itself
        by_id = {r.get("id"): r for r in replies if r.get("channel") == "/meta/subscribe"}
        by_channel = {
            r.get("subscription"): r
            for r in replies
            if r.get("channel") == "/meta/subscribe" and isinstance(r.get("subscription"), str)
        }
        for message in messages:
            channel = message["subscription"]
            reply = by_id.get(message["id"]) or by_channel.get(channel)
            if reply is None:
                self._log.warning(
                    "Bayeux: no reply to the subscription to %s; assuming it holds", channel
                )
                self._server_subscribed.add(channel)
                continue
            if reply.get("successful") is True:
                self._server_subscribed.add(channel)
                self._refused.pop(channel, None)
                continue
            error = reply.get("error")
            if _is_unknown_client(error) or self._reconnect_advice(reply) == "handshake":
                raise _Retry(f"subscription to {channel} answered {error}", rehandshake=True)
            self._refused[channel] = str(error)
            self._log.warning("Bayeux: subscription to %s refused: %s", channel, _short(error))

    async def _connect_once(self) -> str:
        message: dict[str, Any] = {
            "channel": "/meta/connect",
            "clientId": self._client_id,
            "connectionType": CONNECTION_TYPE,
            "id": self._next_id(),
        }
        if self._first_connect or not self._connected:
            # First poll of a session, or first after a failure: ask for an immediate answer,
            # as CometD clients do, so "connected" is confirmed at once rather than after a
            # full hold. Some servers (faye) ignore it and hold the poll: the read timeout stays.
            message["advice"] = {"timeout": 0}
        read_timeout = self._timeout_ms / 1000.0 + self._margin
        replies = await self._exchange([message], read_timeout_s=read_timeout)
        reply = self._find_reply(replies, "/meta/connect", message["id"])
        if reply is None:
            raise _Retry("no /meta/connect reply in the response")
        self._update_advice(reply.get("advice"))
        reconnect = self._reconnect_advice(reply)
        if reply.get("successful") is True:
            self._first_connect = False
            return reconnect or "retry"
        error = reply.get("error")
        if _is_unknown_client(error) or reconnect == "handshake":
            raise _Retry(f"server answered {error}", rehandshake=True)
        if reconnect == "none":
            raise BayeuxError(f"/meta/connect refused: {error}", error=error, reply=reply)
        raise _Retry(f"/meta/connect failed: {error}")

    # ----------------------------------------------------------------- HTTP exchange
    async def _exchange(self, messages: list[dict], *, read_timeout_s: float) -> list[dict]:
        """POST ``messages``; dispatch the data messages of the answer in order and return its
        meta replies. Raises _Retry, BayeuxAuthError, BayeuxError or _Closed."""
        body = json.dumps(messages, separators=(",", ":")).encode("utf-8")
        timeout = httpx.Timeout(self._margin, read=read_timeout_s)
        channels = ",".join(sorted({m["channel"] for m in messages}))
        try:
            response = await self._post(body, timeout)
        except httpx.TimeoutException as exc:
            raise _Retry(f"{type(exc).__name__}: no answer to {channels} in time") from None
        except httpx.TransportError as exc:
            raise _Retry(_describe(exc)) from None

        status = response.status_code
        if status in (401, 403):
            raise BayeuxAuthError(
                f"HTTP {status} from the Bayeux endpoint ({channels})",
                request=response.request,
                response=response,
            )
        if status >= 500 or status in (408, 429):
            raise _Retry(f"HTTP {status} on {channels}", retry_after=_retry_after(response))
        if not 200 <= status < 300:
            if not self._handshaken_once:
                raise BayeuxError(
                    f"HTTP {status} from the Bayeux endpoint {self._url} ({channels})",
                    error=f"HTTP {status}",
                )
            raise _Retry(f"HTTP {status} on {channels}", rehandshake=True)

        try:
            payload = json.loads(response.content)
        except (ValueError, UnicodeDecodeError):
            self._log.warning(
                "Bayeux: response to %s is not JSON (HTTP %s, %d bytes): %s",
                channels, status, len(response.content), _short(response.content),
            )
            return []
        if isinstance(payload, dict):
            payload = [payload]
        if not isinstance(payload, list):
            self._log.warning(
                "Bayeux: response to %s is not a JSON array: %s", channels, _short(payload)
            )
            return []
        replies: list[dict] = []
        for element in payload:
            if not isinstance(element, dict):
                self._log.warning("Bayeux: skipped an element that is not an object: %s",
                                  _short(element))
                continue
            channel = element.get("channel")
            if not isinstance(channel, str) or not channel.startswith("/"):
                self._log.warning("Bayeux: skipped a message without a valid channel "
                                  "(channel=%s): %s", _short(channel), _short(element))
                continue
            if channel.startswith("/meta/"):
                replies.append(element)
                continue
            if not isinstance(element.get("data"), dict):
                self._log.warning("Bayeux: skipped a message on %s whose data is not an "
                                  "object: %s", channel, _short(element))
                continue
            self._dispatch(element)
        return replies

    async def _post(self, body: bytes, timeout: httpx.Timeout) -> httpx.Response:
        if self._closed:
            raise _Closed()
        future = asyncio.ensure_future(
            self._http.post(self._url, content=body, headers=_HEADERS, timeout=timeout)
        )
        self._inflight.add(future)
        try:
            return await future
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if self._closed and future.cancelled() and (task is None or not task.cancelling()):
                raise _Closed() from None
            raise
        finally:
            self._inflight.discard(future)

    async def _send_disconnect(self, client_id: str) -> None:
        message = {"channel": "/meta/disconnect", "clientId": client_id, "id": self._next_id()}
        body = json.dumps([message], separators=(",", ":")).encode("utf-8")
        try:
            await asyncio.wait_for(
                self._http.post(
                    self._url, content=body, headers=_HEADERS,
                    timeout=httpx.Timeout(self._disconnect_timeout),
                ),
                self._disconnect_timeout,
            )
        except (httpx.HTTPError, TimeoutError, OSError) as exc:
            self._log.info("Bayeux: /meta/disconnect not confirmed: %s", _describe(exc))
        else:
            self._log.info("Bayeux: disconnected client id %s", client_id)

    # ----------------------------------------------------------------- helpers
    def _dispatch(self, message: dict) -> None:
        if self._closed:
            return
        channel = message["channel"]
        delivered = False
        for pattern, callbacks in list(self._subscriptions.items()):
            if not channel_matches(pattern, channel):
                continue
            for callback in list(callbacks):
                delivered = True
                try:
                    callback(message)
                except Exception:
                    self._log.exception("Bayeux: a callback for %s raised", channel)
        if not delivered:
            self._log.debug("Bayeux: no subscriber for a message on %s", channel)

    def _spawn_subscribe(self, channels: list[str]) -> None:
        async def subscribe_now() -> None:
            try:
                await self._subscribe(channels)
            except _Closed:
                pass
            except _Retry as exc:
                self._log.warning("Bayeux: subscribing to %s failed: %s (will retry)",
                                  ",".join(channels), exc.detail)
            except (BayeuxError, BayeuxAuthError) as exc:
                self._log.warning("Bayeux: subscribing to %s failed: %s", ",".join(channels),
                                  exc)

        task = asyncio.get_running_loop().create_task(subscribe_now())
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    def _resubscribe_missing(self) -> None:
        missing = [
            c for c in self._subscriptions
            if c not in self._server_subscribed and c not in self._subscribing
            and c not in self._refused
        ]
        if missing:
            self._spawn_subscribe(missing)

    async def _fire_on_session(self) -> None:
        for callback in list(self._session_callbacks):
            try:
                result = callback()
                if inspect.isawaitable(result):
                    await result
            except (asyncio.CancelledError, _Closed):
                raise
            except Exception:
                self._log.exception("Bayeux: an on_session callback raised")

    def _emit_status(self, status: str, detail: str) -> None:
        self._status = status
        for callback in list(self._status_callbacks):
            try:
                callback(status, detail)
            except Exception:
                self._log.exception("Bayeux: an on_status callback raised")

    def _mark_up(self, detail: str) -> None:
        if not self._connected:
            self._connected = True
            self._emit_status("connected", detail)

    def _update_advice(self, advice: Any) -> None:
        if not isinstance(advice, dict):
            return
        timeout = _number(advice.get("timeout"))
        if timeout is not None:
            self._timeout_ms = timeout
        interval = _number(advice.get("interval"))
        if interval is not None:
            self._interval_ms = interval

    @staticmethod
    def _reconnect_advice(reply: dict) -> str | None:
        advice = reply.get("advice")
        if isinstance(advice, dict) and advice.get("reconnect") in ("retry", "handshake", "none"):
            return advice["reconnect"]
        return None

    @staticmethod
    def _find_reply(replies: list[dict], channel: str, message_id: str) -> dict | None:
        fallback = None
        for reply in replies:
            if reply.get("channel") != channel:
                continue
            if reply.get("id") == message_id:
                return reply
            if fallback is None:
                fallback = reply
        return fallback

    def _next_id(self) -> str:
        return str(next(self._ids))

    async def _sleep(self, seconds: float) -> None:
        if self._closed:
            raise _Closed()
        if seconds > 0:
            assert self._wake is not None
            try:
                await asyncio.wait_for(self._wake.wait(), seconds)
            except TimeoutError:
                pass
        if self._closed:
            raise _Closed()
