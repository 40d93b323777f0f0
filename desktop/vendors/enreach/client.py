"""Enreach RTE on the wire: the token REST call (httpx) and the hub's five methods over the
SignalR adapter (desktop/transports/signalr.py). ``R:n`` = line n of
vendor-docs/enreach-rte-signalr.md.

Token (R:16-20, R:41-51): ``GET {api_url}/token/{user_id}/rte/`` answers
``{"WssEndpoint": ..., "Token": ...}``. The document does not show the REST authentication
(digest §6.3 #5); CTI Desk sends HTTP Basic with the profile's ``user`` and its secret. The key
is read case-insensitively (the sample code reads ``WSSEndpoint``, §6.3 #4). The hub checks the
JWT only when a connection is established (R:20), so a fresh token is fetched before every
connect and reconnect.

Hub methods (R:76-83): ``Subscribe``/``Unsubscribe`` take EntitySubscription[] ``{EntityId,
EventName}`` (R:111-115) and answer SubscriptionResult[] ``{subscribed, message, entityId,
eventName}`` with the event name echoed lower-case (R:122-135, R:299-312);
``AvailableSubscriptions`` answers event names (R:345); ``ActiveSubscriptions`` answers
Subscription objects ``{…, eventType, entityType, entityId, …}`` (R:185-198, R:357);
``UnsubscribeAll`` takes nothing (R:81, R:335-340).
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any, Iterable
from urllib.parse import quote, urlsplit

import httpx

from ...core.errors import AuthError, ProfileError, TransportError
from ...logsetup import register_secret
from ...transports.http import make_client
from ...transports.signalr import HubInvocationError, SignalRConnection, SignalRError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RteToken:
    endpoint: str
    token: str


def _ci(obj: dict[str, Any], key: str) -> Any:
    low = key.lower()
    return next((v for k, v in obj.items() if isinstance(k, str) and k.lower() == low), None)


class TokenClient:
    """``GET /token/{user_id}/rte/`` with HTTP Basic; every failure named in words."""

    def __init__(self, api_url: str, user: str, secret: str, *, ca_bundle: str | None = None,
                 proxy: str | None = None, timeout_s: float = 20.0, connect_timeout_s: float = 15.0):
        self.api_url = api_url.rstrip("/")
        self.user = user
        self.http = make_client(auth=(user, secret), ca_bundle=ca_bundle, proxy=proxy, timeout_s=timeout_s,
                                connect_timeout_s=connect_timeout_s, headers={"Accept": "application/json"})

    def url(self, user_id: str) -> str:
        return f"{self.api_url}/token/{quote(user_id, safe='')}/rte/"

    async def fetch(self, user_id: str) -> RteToken:
        url = self.url(user_id)
        try:
            response = await self.http.get(url)
        except httpx.TimeoutException:
            raise TransportError(f"the RTE token endpoint {url} did not answer in time") from None
        except httpx.HTTPError as exc:
            raise TransportError(f"cannot reach the RTE token endpoint {url}: {type(exc).__name__}: {exc}") from None
        status = response.status_code
        if status in (401, 403):
            raise AuthError(f"the platform rejected user {self.user!r} or its secret when asked for an RTE token "
                            f"(HTTP {status} from {url})")
        if status == 404:
            raise ProfileError(f"no RTE token for user id {user_id!r} at {self.api_url} (HTTP 404): check the "
                               "profile's [enreach] api_url and user_id")
        if status >= 500:
            raise TransportError(f"the RTE token endpoint failed (HTTP {status}{_detail(response)}); will retry")
        if status != 200:
            raise TransportError(f"the RTE token endpoint answered HTTP {status}{_detail(response)}")
        try:
            body = response.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise TransportError("the RTE token endpoint answered with a body that is not JSON") from None
        if not isinstance(body, dict):
            raise TransportError("the RTE token endpoint answered something other than an object")
        endpoint, token = _ci(body, "WssEndpoint"), _ci(body, "Token")
        if not isinstance(endpoint, str) or not endpoint or not isinstance(token, str) or not token:
            raise TransportError("the RTE token endpoint answered without WssEndpoint and Token")
        register_secret(token)
        return RteToken(endpoint, token)

    async def aclose(self) -> None:
        await self.http.aclose()


def _detail(response: httpx.Response) -> str:
    text = response.text.strip()
    return f": {text[:120]}" if text else ""


def hub_http_url(endpoint: str, *, allow_insecure: bool) -> str:
    """The hub address for signalrcore (it takes ws(s) or http(s)); plain ws/http only with
    ``allow_insecure`` (DESIGN: TLS only outside labs)."""
    parts = urlsplit(endpoint)
    if parts.scheme not in ("ws", "wss", "http", "https") or not parts.netloc:
        raise TransportError(f"the platform gave an unusable hub address {endpoint!r}")
    if parts.scheme in ("ws", "http") and not allow_insecure:
        raise ProfileError(f"the platform gave an unencrypted hub address {endpoint}; set allow_insecure = true "
                           "only for a lab or loopback peer")
    return endpoint


# -- subscriptions ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Subscription:
    entity_id: str
    event_name: str
    kind: str  # user | queue | call list (for messages)

    @property
    def key(self) -> tuple[str, str]:
        return self.entity_id.lower(), self.event_name.lower()

    def wire(self) -> dict[str, str]:
        return {"EntityId": self.entity_id, "EventName": self.event_name}


@dataclass(frozen=True, slots=True)
class Refusal:
    subscription: Subscription
    message: str | None


@dataclass(frozen=True, slots=True)
class SubscribeOutcome:
    accepted: tuple[Subscription, ...]
    refused: tuple[Refusal, ...]
    unanswered: tuple[Subscription, ...]  # no result item came back for these


def read_subscribe_results(requested: Iterable[Subscription], result: Any) -> SubscribeOutcome:
    """Check SubscriptionResult[] item by item (R:279-312); keys compared case-insensitively
    because the hub echoes ``eventName`` lower-cased (R:126)."""
    requested = list(requested)
    answers: dict[tuple[str, str], tuple[bool, str | None]] = {}
    if isinstance(result, list):
        for item in result:
            if not isinstance(item, dict):
                continue
            entity, event = _ci(item, "entityId"), _ci(item, "eventName")
            if not isinstance(entity, str) or not isinstance(event, str):
                continue
            message = _ci(item, "message")
            answers[(entity.lower(), event.lower())] = (_ci(item, "subscribed") is True,
                                                       str(message) if message not in (None, "") else None)
    elif result is not None:
        log.warning("Subscribe answered %.100r instead of SubscriptionResult[]", result)
    accepted, refused, unanswered = [], [], []
    for sub in requested:
        answer = answers.get(sub.key)
        if answer is None:
            unanswered.append(sub)
        elif answer[0]:
            accepted.append(sub)
        else:
            refused.append(Refusal(sub, answer[1]))
    return SubscribeOutcome(tuple(accepted), tuple(refused), tuple(unanswered))


def read_active(result: Any) -> set[tuple[str, str]] | None:
    """ActiveSubscriptions (R:355-363): Subscription[] → {(entity id, event name)}, lower-cased."""
    if not isinstance(result, list):
        return None
    out: set[tuple[str, str]] = set()
    for item in result:
        if isinstance(item, dict):
            entity = _ci(item, "entityId")
            event = _ci(item, "eventType") or _ci(item, "eventName")
            if isinstance(entity, str) and isinstance(event, str):
                out.add((entity.lower(), event.lower()))
    return out


SUBSCRIBE_BATCH = 1000  # EntitySubscription items per Subscribe invocation (~65 KB of JSON)


class RteHub:
    """The five hub methods on one connection, results read tolerantly."""

    def __init__(self, connection: SignalRConnection, *, timeout_s: float):
        self.connection = connection
        self.timeout_s = timeout_s

    async def available(self) -> dict[str, str] | None:
        """Lower-cased event name → the hub's spelling; None when the hub would not say."""
        try:
            names = await self.connection.invoke("AvailableSubscriptions", [], timeout_s=self.timeout_s)
        except HubInvocationError as exc:
            log.warning("AvailableSubscriptions: %s; subscribing without checking the names", exc.error)
            return None
        if not isinstance(names, list):
            log.warning("AvailableSubscriptions answered %.100r, not a list of names", names)
            return None
        return {n.lower(): n for n in names if isinstance(n, str) and n}

    async def subscribe(self, subscriptions: list[Subscription]) -> SubscribeOutcome:
        """Subscribe in invocations of at most SUBSCRIBE_BATCH items (a supervisor following
        thousands of users asks for tens of thousands: one frame of several MB is more than a
        socket buffer holds while the sender waits, and more than a hub needs at once)."""
        if not subscriptions:
            return SubscribeOutcome((), (), ())
        accepted: list[Subscription] = []
        refused: list[Refusal] = []
        unanswered: list[Subscription] = []
        for start in range(0, len(subscriptions), SUBSCRIBE_BATCH):
            batch = subscriptions[start:start + SUBSCRIBE_BATCH]
            try:
                result = await self.connection.invoke("Subscribe", [[s.wire() for s in batch]],
                                                      timeout_s=self.timeout_s)
            except HubInvocationError as exc:
                raise TransportError(f"the RTE hub refused Subscribe: {exc.error}") from None
            except SignalRError as exc:
                raise TransportError(f"Subscribe failed: {exc}") from None
            outcome = read_subscribe_results(batch, result)
            accepted += outcome.accepted
            refused += outcome.refused
            unanswered += outcome.unanswered
        return SubscribeOutcome(tuple(accepted), tuple(refused), tuple(unanswered))

    async def active(self) -> set[tuple[str, str]] | None:
        try:
            result = await self.connection.invoke("ActiveSubscriptions", [], timeout_s=self.timeout_s)
        except HubInvocationError as exc:
            log.warning("ActiveSubscriptions: %s; cannot check the subscriptions", exc.error)
            return None
        except SignalRError as exc:
            raise TransportError(f"ActiveSubscriptions failed: {exc}") from None
        active = read_active(result)
        if active is None:
            log.warning("ActiveSubscriptions answered %.100r, not a list", result)
        return active

    async def unsubscribe_all(self, timeout_s: float) -> None:
        await self.connection.invoke("UnsubscribeAll", [], timeout_s=timeout_s)
