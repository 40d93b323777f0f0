"""The 8x8 session: one tenant-wide SAPI subscription, kept alive across the platform's hourly
closes, with cache replays de-duplicated and long gaps reported.

Lifecycle (S:59-68, S:254-258; digest §1.2):

* ``connect``: open ``…/TenantUpdates-{tenant}-{subscriptionId}`` with HTTP Basic (user =
  profile ``user``, password = the Data Request Token). 401/403 → AuthError "the platform
  rejected the token …" (never retried: a New Token invalidates the old one everywhere, S:33).
  A refused 4th subscription (S:63-64) → :class:`SubscriptionRefusedError`.
* ``run``: receive frames → splitter → tracker → store. Every frame (``ClientCheck`` heartbeats
  included, S:264-276) feeds a liveness timer; silence longer than ``heartbeat_timeout_s``
  (profile, else ``Timers.heartbeat_timeout_s``) drops the socket and reconnects. A clean close
  by the server (the 60-minute subscription lifetime, S:65) is followed by an immediate
  reconnect with the same subscription id (S:66-67); other losses back off
  (``BackoffPolicy``). A reconnect after more than ``cache_window_s`` (default 2 h, S:66-68)
  raises a ``possible data loss`` warning notice. The subscription id never changes.
* ``close``: closes the socket ("Unsubscribe" starts the server's cache, S:258).

8x8's documents define no control command (digest §5): every capability is declared unavailable.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from dataclasses import dataclass
from typing import Any

from ...core.commands import Command
from ...core.errors import AuthError, BadInputError, ProfileError, TransportError, UnsupportedError
from ...core.events import Event, NoticeRaised
from ...core.model import Notice
from ...core.session import DeclaredCapabilities, SessionController
from ...core.vocabulary import Capability, ConnectionState
from ...logsetup import register_secret
from ...transports.backoff import BackoffPolicy
from . import mapper
from .client import (DEFAULT_OUTPUT_TYPE, SubscriptionRefusedError, WireOptions, basic_auth_header, make_splitter,
                     open_stream, refusal_error, subscription_url)
from .tracker import Tracker

log = logging.getLogger(__name__)

UNAVAILABLE = "not available on 8x8 streaming (events only)"
DEFAULT_CACHE_WINDOW_S = 7200.0     # "cache up to 2 hours of data" (S:66)
TIME_SLICE_S = 0.004                # longest stretch of stream work between two event-loop turns
_REFUSAL_CLOSE_CODES = frozenset({1008, 1013, 4003, 4029})


def default_subscription_id(profile_name: str) -> str:
    """A stable id derived from the profile name, so every reconnect (and restart) reuses it (S:254)."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", profile_name).strip("-").lower()
    return f"ctidesk-{slug or 'desk'}"


def describe_duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.1f} s"
    minutes = int(seconds // 60)
    if minutes < 120:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def describe_window(seconds: float) -> str:
    if seconds >= 3600 and seconds % 3600 == 0:
        return f"{int(seconds // 3600)}-hour"
    if seconds >= 60 and seconds % 60 == 0:
        return f"{int(seconds // 60)}-minute"
    return f"{seconds:g}-second"


@dataclass
class _Outcome:
    frames: int
    lived_s: float
    clean: bool
    code: int | None
    reason: str
    silent: bool

    @property
    def detail(self) -> str:
        if self.silent:
            return "no heartbeat from the platform in time; reconnecting"
        if self.code is None:
            return "the connection was lost"
        return f"the platform closed the stream (code {self.code}{': ' + self.reason if self.reason else ''})"


class Controller(SessionController):
    vendor = "8x8"
    declared = DeclaredCapabilities("8x8 streaming", frozenset(), {c: UNAVAILABLE for c in Capability})

    def __init__(self, profile, secrets, store, timers=None):
        super().__init__(profile, secrets, store, timers)
        prefix = profile.option("url")
        if not prefix:
            raise ProfileError(f"{profile.where}: [8x8] url is required, e.g. wss://vcc-eu3.8x8.com/api/streaming/v1")
        self.tenant = str(profile.option("tenant") or profile.user)
        self.subscription_id = str(profile.option("subscription_id") or default_subscription_id(profile.name))
        self.output_type = str(profile.option("output_type") or DEFAULT_OUTPUT_TYPE).upper()
        self.agent_id = str(profile.option("agent_id") or "") or None
        self.heartbeat_timeout_s = float(profile.option("heartbeat_timeout_s") or self.timers.heartbeat_timeout_s)
        self.cache_window_s = float(profile.option("cache_window_s") or DEFAULT_CACHE_WINDOW_S)
        try:
            self.url = subscription_url(str(prefix), self.tenant, self.subscription_id, self.output_type,
                                        allow_insecure=profile.allow_insecure)
            table = mapper.agent_state_table(profile.option("agent_states"))
        except (BadInputError, ValueError) as exc:
            raise ProfileError(f"{profile.where}: {getattr(exc, 'message', exc)}") from None
        self.tracker = Tracker(self_agent=self.agent_id, agent_states=table, interactions=store.interactions,
                               agents=store.agents)
        self.splitter = make_splitter(self.output_type)
        self._wire: WireOptions | None = None
        self._ws: Any = None
        self._closed = False
        self._stop = asyncio.Event()
        self._last_frame: float | None = None
        self._ever_received = False
        self.stats = {"frames": 0, "connections": 0, "reconnects": 0, "immediate_reconnects": 0,
                      "silent_drops": 0, "data_loss_notices": 0}

    # -- counters for diagnostics and tests ------------------------------------------------------
    @property
    def counts(self) -> dict[str, int]:
        return {**self.stats, **self.tracker.counts, "bad_frames": self.splitter.bad, "events": self.splitter.events}

    # -- lifecycle -------------------------------------------------------------------------------
    async def connect(self, *, login: bool) -> None:
        """Open the subscription. ``login`` is ignored: SAPI has no agent session (digest §5)."""
        self.set_connection(ConnectionState.CONNECTING, f"subscribing to tenant {self.tenant} as {self.subscription_id}")
        token = self.secrets.secret()
        register_secret(token)
        header = basic_auth_header(self.profile.user, token)
        register_secret(header.split(" ", 1)[1])
        self._wire = WireOptions(url=self.url, user=self.profile.user, token=token, tenant=self.tenant,
                                 subscription_id=self.subscription_id, ca_bundle=self.profile.ca_bundle,
                                 proxy=self.profile.proxy, open_timeout_s=self.timers.connect_timeout_s)
        try:
            await self._open()
        except (AuthError, TransportError) as exc:
            self.set_connection(ConnectionState.FAILED, exc.message)
            raise
        self._apply(self.tracker.self_event())

    async def _open(self) -> None:
        assert self._wire is not None
        ws = await open_stream(self._wire)
        if self._closed:   # close() ran while we were connecting
            with contextlib.suppress(Exception):
                await asyncio.wait_for(ws.close(), 3.0)
            return
        self._ws = ws
        self.stats["connections"] += 1
        now = time.monotonic()
        if self._last_frame is not None:      # the last sign of life of the previous connection
            gap = now - self._last_frame
            if gap > self.cache_window_s:
                self._data_loss(gap)
        self._last_frame = now
        self.set_connection(ConnectionState.CONNECTED,
                            f"tenant {self.tenant}, subscription {self.subscription_id}, {self.output_type}")

    def _data_loss(self, gap: float) -> None:
        text = (f"possible data loss: disconnected for {describe_duration(gap)}, longer than the "
                f"{describe_window(self.cache_window_s)} cache")
        log.warning("8x8 tenant %s subscription %s: %s; events of that time were not replayed",
                    self.tenant, self.subscription_id, text)
        self.stats["data_loss_notices"] += 1
        self.store.apply(NoticeRaised(notice=Notice("warning", text, code="data_loss")))

    async def run(self) -> None:
        policy = BackoffPolicy(initial_s=self.timers.backoff_initial_s, maximum_s=self.timers.backoff_max_s)
        delays = policy.delays()
        immediate = False
        last_immediate = float("-inf")
        detail = "reconnecting"
        while not self._closed:
            if self._ws is None:
                if immediate:
                    self.stats["immediate_reconnects"] += 1
                    self.set_connection(ConnectionState.RECONNECTING, detail, retry_in_s=0.0)
                else:
                    delay = next(delays)
                    self.set_connection(ConnectionState.RECONNECTING, detail, retry_in_s=delay)
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._stop.wait(), delay)
                    if self._closed:
                        break
                immediate = False
                self.stats["reconnects"] += 1
                try:
                    await self._open()
                except AuthError as exc:
                    self.set_connection(ConnectionState.FAILED, exc.message)
                    raise
                except SubscriptionRefusedError as exc:
                    log.warning("8x8: %s", exc.message)
                    detail = exc.message
                    continue
                except TransportError as exc:
                    log.info("8x8 reconnect failed: %s", exc.message)
                    detail = exc.message
                    continue
            outcome = await self._receive(self._ws)
            self._ws = None
            self.splitter.reset()
            if self._closed:
                break
            if outcome.frames == 0 and outcome.code in _REFUSAL_CLOSE_CODES:
                error = refusal_error(None, outcome.reason, tenant=self.tenant, subscription_id=self.subscription_id,
                                      close_code=outcome.code)
                if isinstance(error, SubscriptionRefusedError) and not self._ever_received:
                    self.set_connection(ConnectionState.FAILED, error.message)
                    raise error
                detail = getattr(error, "message", str(error))
                continue
            if outcome.frames:
                delays = policy.delays()   # it worked: the next outage starts the backoff again
            now = time.monotonic()
            if outcome.clean and (outcome.frames or outcome.lived_s >= 1.0 or now - last_immediate > 1.0):
                immediate = True           # the hourly close (S:65): back at once, same id (S:67)
                last_immediate = now       # (a server closing at once, again and again, gets the backoff)
                detail = "the platform ended the subscription period; reconnecting now with the same subscription id"
            else:
                detail = outcome.detail
            log.info("8x8 stream: %s", detail)

    async def _receive(self, ws: Any) -> _Outcome:
        from websockets.exceptions import ConnectionClosed
        started = time.monotonic()
        frames = 0
        state = {"silent": False}
        watchdog = asyncio.create_task(self._watch(ws, state), name="8x8-heartbeat-watchdog")
        feed = self.splitter.feed
        handle = self.tracker.handle
        apply = self.store.apply
        stats = self.stats
        slice_started = time.monotonic()
        try:
            async for message in ws:
                now = self._last_frame = time.monotonic()
                if now - slice_started > TIME_SLICE_S:
                    # a backlog of buffered frames is read without ever suspending: give the
                    # event loop (the window's repaint, other tasks) its turn every few ms
                    await asyncio.sleep(0)
                    slice_started = time.monotonic()
                frames += 1
                stats["frames"] += 1
                for raw in feed(message):
                    try:
                        for event in handle(raw):
                            apply(event)
                    except Exception as exc:  # one unreadable record must not end the session
                        self.tracker.counts["bad"] += 1
                        log.warning("8x8 stream: skipping a record that failed to map (%s: %s): %.200r",
                                    type(exc).__name__, exc, raw)
        except ConnectionClosed:
            pass
        except OSError as exc:
            log.info("8x8 stream: socket error %s", exc)
        finally:
            watchdog.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watchdog
        if frames:
            self._ever_received = True
        protocol = getattr(ws, "protocol", None)
        received = getattr(protocol, "close_rcvd", None)   # the server's close frame, if it sent one
        server_first = bool(getattr(protocol, "close_rcvd_then_sent", False))
        code = received.code if received is not None else None
        reason = received.reason if received is not None else ""
        clean = received is not None and server_first and code in (1000, 1001) and not state["silent"]
        return _Outcome(frames, time.monotonic() - started, clean, code, reason or "", state["silent"])

    async def _watch(self, ws: Any, state: dict[str, bool]) -> None:
        """Liveness (digest §1.2 #8): any frame, ClientCheck included, proves the link; silence
        longer than the window means a dead or half-open socket."""
        window = self.heartbeat_timeout_s
        step = min(max(window / 4, 0.05), 5.0)
        opened = time.monotonic()
        while True:
            await asyncio.sleep(step)
            last = max(self._last_frame or opened, opened)
            silent_for = time.monotonic() - last
            if silent_for > window:
                state["silent"] = True
                self.stats["silent_drops"] += 1
                log.warning("8x8 stream: no frame (not even a ClientCheck heartbeat) for %.1f s, over the %g s "
                            "window: reconnecting", silent_for, window)
                transport = getattr(ws, "transport", None)
                if transport is not None:
                    transport.abort()
                return

    async def close(self, *, logout: bool) -> None:
        if self._closed:
            return
        self._closed = True
        self._stop.set()
        ws, self._ws = self._ws, None
        if ws is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(ws.close(), 3.0)
        self.set_connection(ConnectionState.DISCONNECTED)

    def _apply(self, events: list[Event]) -> None:
        for event in events:
            self.store.apply(event)

    async def _send(self, command: Command) -> None:
        raise UnsupportedError(f"{command.capability}: {UNAVAILABLE}")
