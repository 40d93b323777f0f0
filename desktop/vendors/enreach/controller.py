"""The Enreach RTE session: token → SignalR hub → subscriptions → MessageReceived → store.

``R:n`` = line n of vendor-docs/enreach-rte-signalr.md; digest = §2 and §6.3 of
vendor-docs/digests/streaming-vendors-digest.md.

Lifecycle:
1. A fresh token from ``GET {api_url}/token/{user_id}/rte/`` (client.TokenClient) before EVERY
   connection: the hub checks the JWT only at connect (R:20, digest §2.3 #1).
2. A new SignalR connection (desktop/transports/signalr.py) to ``WssEndpoint`` (or the profile's
   ``hub_url``) with that token.
3. The desired subscriptions (the profile's ``user_id`` for User* events, ``queue_ids`` for
   Queue*, ``call_list_ids`` for CallbackChanged, ``supervised_user_ids`` for other users; R:114,
   R:271), checked against ``AvailableSubscriptions`` (R:273), sent with ``Subscribe`` and checked
   item by item (R:279-312): a refused item raises a warning notice ("not authorized for queue X")
   and is logged while the rest works; then ``ActiveSubscriptions`` confirms the hub holds them
   (R:355-363), and what is missing is subscribed once more.
4. ``MessageReceived`` (the only server event, R:94) → dedupe by the event ``Id`` (digest §2.3
   #7) → staleness by ``MessageTTLSeconds`` (§2.3 #6: older status snapshots are ignored and
   logged) → older-than-applied snapshots ignored → mapper → store.
5. On loss (drop, server close, missed pings): ``reconnecting`` with the delay (BackoffPolicy),
   then 1-3 again: RTE neither stores nor restores subscriptions (R:275). A rejected token or
   credentials stop the loop (AuthError); a token endpoint 5xx is retried.
6. ``close()``: ``UnsubscribeAll`` (R:81), stop the connection (no thread left), close HTTP.

The hub offers no control commands (R:76-83, digest §5): ``supported`` is empty and every
capability says why; listen-in, coach, barge-in and cancel-monitoring say how a supervisor does
it instead (dial the ``SupervisionCallInNumber`` of UserCallAvailableForMonitoring, R:482).
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import OrderedDict
from typing import Any
from urllib.parse import urlsplit

from ...core.commands import Command
from ...core.errors import AuthError, BadInputError, TransportError, UnsupportedError
from ...core.events import AgentChanged, NoticeRaised
from ...core.model import Notice
from ...core.session import DeclaredCapabilities, SessionController
from ...core.vocabulary import SUPERVISOR_CAPABILITIES, Capability, ConnectionState
from ...logsetup import register_secret
from ...transports.backoff import BackoffPolicy
from ...transports.signalr import SignalRAuthError, SignalRConnection, SignalRError
from . import mapper
from .client import Refusal, RteHub, Subscription, TokenClient, hub_http_url

log = logging.getLogger(__name__)

PLATFORM = "Enreach RTE"
UNAVAILABLE_REASON = "not available on Enreach RTE (events only: the hub manages subscriptions, no commands)"
# R:440-487: the supervisor's own phone joins a call by dialling the offered number; RTE has no command
SUPERVISION_REASON = ("not available on Enreach RTE: supervise by calling the call-in number offered by "
                      "UserCallAvailableForMonitoring")
SNAPSHOT_EVENTS = frozenset({"userstatus", "useravailability", "queuestatus"})
SEEN_CAPACITY = 50_000
SERVER_TIMEOUT_S = 30.0   # ASP.NET Core's default client server-timeout
KEEP_ALIVE_S = 15.0       # ASP.NET Core's default keep-alive


class Controller(SessionController):
    vendor = "enreach"
    declared = DeclaredCapabilities(PLATFORM, frozenset(), {
        c: SUPERVISION_REASON if c in SUPERVISOR_CAPABILITIES else UNAVAILABLE_REASON for c in Capability})

    def __init__(self, profile, secrets, store, timers=None):
        super().__init__(profile, secrets, store, timers)
        self.api_url = str(profile.option("api_url") or "").rstrip("/")
        if not self.api_url:
            raise BadInputError(f"{profile.where}: [enreach] api_url is required")
        self.user_id: str | None = profile.option("user_id") or None
        self.queue_ids = [str(q) for q in profile.option("queue_ids", []) or []]
        self.call_list_ids = [str(c) for c in profile.option("call_list_ids", []) or []]
        self.supervised_ids = [str(u) for u in profile.option("supervised_user_ids", []) or []]
        self.hub_url_override: str | None = profile.option("hub_url") or None
        self.desired = self._desired_subscriptions()
        if not self.desired:
            raise BadInputError(f"{profile.where}: [enreach] names nothing to follow: set user_id, queue_ids, "
                                "call_list_ids or supervised_user_ids")
        self.tokens: TokenClient | None = None
        self.connection: SignalRConnection | None = None
        self.hub: RteHub | None = None
        self.subscriptions: frozenset[tuple[str, str]] = frozenset()  # accepted and confirmed, this connection
        self.refused: tuple[Refusal, ...] = ()
        self.connections_opened = 0
        self.duplicates = 0
        self.stale = 0
        self.out_of_order = 0
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._snapshot_at: dict[tuple[str, str], float] = {}
        self._refused_keys: frozenset[tuple[str, str]] = frozenset()
        self._ctx = mapper.Context(self_user_id=self.user_id,
                                   supervised=frozenset(u.lower() for u in self.supervised_ids),
                                   agents=store.agents, interactions=store.interactions, queues=store.queues)
        self._closed = False
        self._wake = asyncio.Event()

    # -- what to follow -------------------------------------------------------------------------
    def _desired_subscriptions(self) -> list[Subscription]:
        subs: list[Subscription] = []
        if self.user_id:
            subs += [Subscription(self.user_id, e, "user") for e in mapper.OWN_USER_EVENTS]
        for user in self.supervised_ids:
            if self.user_id and user.lower() == self.user_id.lower():
                continue
            subs += [Subscription(user, e, "user") for e in mapper.SUPERVISED_USER_EVENTS]
        for queue in self.queue_ids:
            subs += [Subscription(queue, e, "queue") for e in mapper.QUEUE_EVENTS]
        for call_list in self.call_list_ids:
            subs += [Subscription(call_list, e, "call list") for e in mapper.CALL_LIST_EVENTS]
        return subs

    # -- lifecycle ------------------------------------------------------------------------------
    async def connect(self, *, login: bool) -> None:
        """``login`` has no meaning on RTE (no agent login in the document)."""
        self.set_connection(ConnectionState.CONNECTING, f"asking {self.api_url} for an RTE token")
        secret = self.secrets.secret()
        register_secret(secret)
        self.tokens = TokenClient(self.api_url, self.profile.user, secret, ca_bundle=self.profile.ca_bundle,
                                  proxy=self.profile.proxy, timeout_s=self.timers.request_timeout_s,
                                  connect_timeout_s=self.timers.connect_timeout_s)
        if self.user_id:
            self.store.apply(AgentChanged(agent_id=self.user_id, changes={}, is_self=True))
        try:
            await self._open_session()
        except (AuthError, BadInputError) as exc:
            self.set_connection(ConnectionState.FAILED, exc.message)
            raise
        except TransportError as exc:
            self.set_connection(ConnectionState.FAILED, exc.message)
            raise

    async def run(self) -> None:
        delays = None
        reason = "not connected"
        while not self._closed:
            connection = self.connection
            if connection is not None:
                reason = await connection.wait_closed()
                if self._closed:
                    break
                allow = connection.close_allows_reconnect
                await connection.stop()
                self.connection = self.hub = None
                self.subscriptions = frozenset()
                log.warning("RTE connection lost: %s", reason)
                if not allow:
                    self.set_connection(ConnectionState.FAILED, reason)
                    raise TransportError(reason)
            if delays is None:
                delays = BackoffPolicy(initial_s=self.timers.backoff_initial_s,
                                       maximum_s=self.timers.backoff_max_s).delays()
            delay = next(delays)
            self.set_connection(ConnectionState.RECONNECTING, f"{reason}; reconnecting in {delay:.1f} s" if delay >= 1 else
                                f"{reason}; reconnecting in {delay:.2f} s",
                                retry_in_s=delay)
            await self._sleep(delay)
            if self._closed:
                break
            try:
                await self._open_session()
            except (AuthError, BadInputError) as exc:
                self.set_connection(ConnectionState.FAILED, exc.message)
                raise
            except TransportError as exc:
                reason = exc.message
                log.warning("RTE reconnect failed: %s", reason)
                continue
            delays = None

    async def close(self, *, logout: bool) -> None:
        if self._closed:
            return
        self._closed = True
        self._wake.set()
        connection, hub = self.connection, self.hub
        if connection is not None:
            if hub is not None and connection.connected:
                try:  # R:81, R:335-340: clean exit
                    await hub.unsubscribe_all(timeout_s=min(2.0, self.timers.request_timeout_s))
                except SignalRError as exc:
                    log.info("UnsubscribeAll on close: %s", exc)
            await connection.stop()
        self.connection = self.hub = None
        if self.tokens is not None:
            await self.tokens.aclose()
        self.set_connection(ConnectionState.DISCONNECTED)

    async def _sleep(self, delay: float) -> None:
        self._wake.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), delay)

    # -- one session ----------------------------------------------------------------------------
    async def _open_session(self) -> None:
        assert self.tokens is not None
        token = await self.tokens.fetch(self.user_id or "me")  # R:41: "me" = the current user
        url = hub_http_url(self.hub_url_override or token.endpoint, allow_insecure=self.profile.allow_insecure)
        self.connections_opened += 1
        connection = SignalRConnection(
            url, token.token, handlers={"MessageReceived": self._on_message},
            connect_timeout_s=self.timers.connect_timeout_s,
            keep_alive_s=min(KEEP_ALIVE_S, self.timers.heartbeat_timeout_s / 2),
            server_timeout_s=min(SERVER_TIMEOUT_S, self.timers.heartbeat_timeout_s),
            ca_bundle=self.profile.ca_bundle, name=f"enreach-{self.connections_opened}")
        self.connection = connection
        if self._closed:
            raise TransportError("closed")
        try:
            await connection.start()
        except SignalRAuthError as exc:
            self.connection = None
            raise AuthError(f"the RTE hub rejected the token issued for user {self.user_id or self.profile.user!r}: "
                            f"{exc}") from None
        except SignalRError as exc:
            self.connection = None
            raise TransportError(str(exc)) from None
        hub = RteHub(connection, timeout_s=self.timers.request_timeout_s)
        try:
            await self._subscribe(hub)
        except SignalRError as exc:
            await connection.stop()
            self.connection = None
            raise TransportError(f"subscribing failed: {exc}") from None
        except TransportError:
            await connection.stop()
            self.connection = None
            raise
        if self._closed:
            await connection.stop()
            self.connection = None
            return
        self.hub = hub
        where = urlsplit_host(url)
        self.set_connection(ConnectionState.CONNECTED, f"RTE hub {where}: {len(self.subscriptions)} subscriptions")

    async def _subscribe(self, hub: RteHub) -> None:
        available = await hub.available()
        wanted: list[Subscription] = []
        for sub in self.desired:
            if available is not None:
                name = available.get(sub.event_name.lower())
                if name is None:
                    log.info("the hub does not offer %s; not subscribing it", sub.event_name)
                    continue
                sub = Subscription(sub.entity_id, name, sub.kind)  # the hub's own spelling
            wanted.append(sub)
        outcome = await hub.subscribe(wanted)
        accepted = {s.key for s in outcome.accepted}
        self._report_refusals(outcome.refused)
        active = await hub.active()
        if active is not None:
            unsure = [s for s in wanted if s.key not in active and (s.key in accepted or s in outcome.unanswered)]
            if unsure:  # accepted (or unanswered) but not held by the hub: once more
                log.warning("%d subscription(s) not active after Subscribe; subscribing them again", len(unsure))
                retry = await hub.subscribe(unsure)
                self._report_refusals(outcome.refused + retry.refused)
                active = await hub.active() or set()
                missing = [s for s in unsure if s.key not in active]
                if missing:
                    text = (f"{len(missing)} RTE subscription(s) are not active: "
                            + ", ".join(f"{s.event_name} for {s.kind} {s.entity_id}" for s in missing[:5]))
                    log.warning(text)
                    self.store.apply(NoticeRaised(notice=Notice("warning", text, code="subscription_inactive")))
            accepted = {s.key for s in wanted} & active
        else:
            accepted |= {s.key for s in outcome.unanswered}
        self.subscriptions = frozenset(accepted)

    def _report_refusals(self, refused: tuple[Refusal, ...]) -> None:
        """One warning per entity (R:299-312), raised again only when the refused set changes."""
        keys = frozenset(r.subscription.key for r in refused)
        changed = keys != self._refused_keys
        self._refused_keys = keys
        self.refused = refused
        if not refused or not changed:
            return
        by_entity: dict[tuple[str, str], list[Refusal]] = {}
        for refusal in refused:
            by_entity.setdefault((refusal.subscription.kind, refusal.subscription.entity_id), []).append(refusal)
        for (kind, entity), items in by_entity.items():
            messages = sorted({r.message or "refused" for r in items})
            unauthorized = all("unauthori" in m.lower() for m in messages)
            text = f"not authorized for {kind} {entity}" if unauthorized else \
                f"RTE refused the subscription for {kind} {entity}: {'; '.join(messages)}"
            events = sorted(r.subscription.event_name for r in items)
            text += f" ({len(events)} event{'s' if len(events) != 1 else ''}: {', '.join(events[:4])}" \
                    f"{', …' if len(events) > 4 else ''})"
            log.warning("%s", text)
            self.store.apply(NoticeRaised(notice=Notice("warning", text, code="subscription_refused")))

    # -- events ---------------------------------------------------------------------------------
    def _on_message(self, arguments: list[Any]) -> None:
        try:
            event = mapper.read_message(arguments)
        except mapper.MalformedMessage as exc:
            log.warning("skipping a malformed MessageReceived (%s): %.300r", exc, arguments)
            return
        if event.event_id is not None:
            if event.event_id in self._seen:
                self.duplicates += 1
                return
            self._seen[event.event_id] = None
            if len(self._seen) > SEEN_CAPACITY:
                self._seen.popitem(last=False)
        if mapper.is_stale(event, time.time()):
            self.stale += 1
            log.info("ignoring a stale %s for %s: %.0f s old, MessageTTLSeconds %g", event.name, event.entity_id,
                     time.time() - (event.at or 0), event.ttl_s)
            return
        key = event.key
        if key in SNAPSHOT_EVENTS and event.at is not None:
            slot = (key, (event.entity_id or "").lower())
            last = self._snapshot_at.get(slot)
            if last is not None and event.at < last:
                self.out_of_order += 1
                log.info("ignoring a %s for %s older than the one applied", event.name, event.entity_id)
                return
            self._snapshot_at[slot] = event.at
        try:
            events = mapper.map_event(event, self._ctx)
        except mapper.MalformedMessage as exc:
            log.warning("skipping a malformed %s (%s): %.300r", event.name, exc, event.source)
            return
        for normalized in events:
            self.store.apply(normalized)

    # -- commands -------------------------------------------------------------------------------
    async def _send(self, command: Command) -> None:
        raise UnsupportedError(UNAVAILABLE_REASON)


def urlsplit_host(url: str) -> str:
    return urlsplit(url).netloc or url
