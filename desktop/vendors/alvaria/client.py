"""Alvaria Cloud streaming on the wire: OAuth2 client credentials, the streaming REST calls, and
the one poll loop.

``A:n`` is line n of ``vendor-docs/alvaria-cloud-streaming-rest-v2-v3.md``; "digest" is
``vendor-docs/digests/streaming-vendors-digest.md`` §3.1-3.2 and §6.4.

* Token: client-credentials grant, scope ``streamingapi`` (A:196-202), client authentication
  with HTTP Basic (RFC 6749 §2.3.1; the request format is undocumented, digest §3.1). Cached and
  refreshed a margin before ``expires_in`` runs out, and again on an HTTP 401 (once per call).
* Every call sends ``Authorization: Bearer`` and ``x-api-key`` (A:245-246); every call but
  Create Session sends ``via-client-sessionid`` (A:302).
* Session: v3 by default, v2 when the profile says ``api_version = 2`` (A:29: never mixed).
  Subscriptions exist only under ``/via/v2/`` in the document (A:680-1070, digest §6.4 #1), so
  that documented path is used with either version; they belong to the session and are created
  again after every new session.
* :class:`AlvariaStream` runs ONE :class:`~desktop.transports.longpoll.LongPoller`: never two
  concurrent GET /events (A:16), ``maxEvents`` ≥ 5 (A:14-15), a read timeout well above the
  15 s server wait (A:559), the next GET at once. After each batch is handled, its eventIds are
  acknowledged in one POST /acknowledge (v3 with ``requireAcknowledgement``, A:18-19);
  ``eventIdsNotFound`` is not an error (A:639); duplicates are dropped by eventId whether or not
  acknowledgement is on.
* Recovery (A:20-26): HTTP 400 "Invalid or expired session" (matched case-insensitively in
  ``message`` or ``errors[].message``, digest §6.4 #18) → stop using that session id for good,
  open a new session and recreate the subscriptions; 429 → wait ``Retry-After`` (else the next
  backoff delay); 5xx, timeouts and network errors → exponential backoff with jitter; 401 → new
  token, one retry. Rejected credentials, API key or organization are not retried.
"""
from __future__ import annotations

import email.utils
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import quote, urlsplit

import httpx

from ...core.errors import AuthError, ProfileError, TransportError
from ...logsetup import register_secret
from ...transports.backoff import BackoffPolicy
from ...transports.longpoll import LongPoller, RetryLater
from .mapper import AlvariaEvent, MalformedEvent, decode_event

log = logging.getLogger(__name__)

SCOPE = "streamingapi"                  # A:202
SERVER_WAIT_S = 15.0                    # A:492, A:559
LONG_POLL_READ_TIMEOUT_S = 45.0         # digest §3.2 rule 4: "well above 15 s (e.g. 30-45 s)"
DEFAULT_MAX_EVENTS = 50                 # A:14-15: at least 5; the cap is 200 (A:567)
DEFAULT_INACTIVITY_DELAY = 120          # A:12-13 recommends 120 (default 60, range 60-600, A:1183)
CATALOG_TYPE = "engagementCenterThirdParty"  # A:1383-1390
INVALID_SESSION = "invalid or expired session"  # A:20
SEEN_CAPACITY = 50_000
ACK_CHUNK = 500


# -- settings ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StreamSettings:
    base_url: str
    org_id: str
    token_url: str
    api_version: int = 3
    require_acknowledgement: bool = True
    inactivity_delay: int = DEFAULT_INACTIVITY_DELAY
    max_events: int = DEFAULT_MAX_EVENTS
    events: tuple[str, ...] = ("all",)
    user_ids: tuple[str, ...] = ()

    @classmethod
    def from_options(cls, options: Any, where: str) -> "StreamSettings":
        """The ``[alvaria]`` profile section, checked; every problem is a ProfileError naming the key."""
        def opt(key: str, default: Any = None) -> Any:
            value = options.get(key, default) if hasattr(options, "get") else default
            return default if value == "" else value

        missing = [k for k in ("base_url", "org_id", "token_url") if not opt(k)]
        if missing:
            raise ProfileError(f"{where}: [alvaria] needs {', '.join(missing)}")
        version = opt("api_version", 3)
        if version not in (2, 3):
            raise ProfileError(f"{where}: [alvaria] api_version must be 2 or 3, not {version!r}")
        delay = opt("inactivity_delay", DEFAULT_INACTIVITY_DELAY)
        if isinstance(delay, bool) or not isinstance(delay, int) or not 60 <= delay <= 600:
            raise ProfileError(f"{where}: [alvaria] inactivity_delay must be 60-600 seconds (A:1183), not {delay!r}")
        max_events = opt("max_events", DEFAULT_MAX_EVENTS)
        if isinstance(max_events, bool) or not isinstance(max_events, int) or not 5 <= max_events <= 200:
            raise ProfileError(f"{where}: [alvaria] max_events must be 5-200, not {max_events!r}")
        events = opt("events", ["all"]) or ["all"]
        user_ids = opt("user_ids", []) or []
        for key, values in (("events", events), ("user_ids", user_ids)):
            if not isinstance(values, (list, tuple)) or not all(isinstance(v, str) and v.strip() for v in values):
                raise ProfileError(f"{where}: [alvaria] {key} must be a list of non-empty strings")
        return cls(base_url=str(opt("base_url")).rstrip("/"), org_id=str(opt("org_id")),
                   token_url=str(opt("token_url")), api_version=version,
                   require_acknowledgement=bool(opt("require_acknowledgement", True)), inactivity_delay=delay,
                   max_events=max_events, events=tuple(e.strip() for e in events),
                   user_ids=tuple(u.strip() for u in user_ids))


# -- errors ---------------------------------------------------------------------------------------
class ApiError(TransportError):
    """An HTTP error answer of the streaming API, with the platform's own message."""

    def __init__(self, message: str, *, status: int, platform_message: str = ""):
        super().__init__(message)
        self.status = status
        self.platform_message = platform_message


class SessionLost(ApiError):
    """HTTP 400 "Invalid or expired session" (A:20): never use this session id again."""


class RateLimited(ApiError):
    def __init__(self, message: str, *, status: int, platform_message: str = "", retry_after_s: float | None = None):
        super().__init__(message, status=status, platform_message=platform_message)
        self.retry_after_s = retry_after_s


class ServerFailed(ApiError):
    """HTTP 5xx (A:26): retried with a delay."""


def error_text(response: httpx.Response) -> str:
    """The ErrorResponse's ``message`` and ``errors[].message`` (A:1138-1167), or the body's start."""
    try:
        body = response.json()
    except ValueError:
        return response.text[:200].strip()
    if not isinstance(body, dict):
        return str(body)[:200]
    parts = [str(body["message"])] if body.get("message") else []
    for error in body.get("errors") or []:
        if isinstance(error, dict):
            for key in ("message", "reason"):
                text = error.get(key)
                if text and str(text) not in parts and str(text) not in ("message", "reason"):
                    parts.append(str(text))
    for key in ("error_description", "error"):  # OAuth error bodies (RFC 6749 §5.2)
        if body.get(key) and str(body[key]) not in parts:
            parts.append(str(body[key]))
    return "; ".join(parts)


def retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


# -- OAuth2 ---------------------------------------------------------------------------------------
class TokenSource:
    """Client-credentials tokens for scope ``streamingapi``, cached until shortly before expiry."""

    def __init__(self, http: httpx.AsyncClient, token_url: str, client_id: str, client_secret: str, *,
                 clock: Callable[[], float] = time.monotonic, timeout_s: float = 20.0):
        self._http = http
        self.token_url = token_url
        self.client_id = client_id
        self._secret = client_secret
        self._clock = clock
        self._timeout_s = timeout_s
        self._token: str | None = None
        self._refresh_at = 0.0
        self.fetches = 0

    async def token(self) -> str:
        if self._token is None or self._clock() >= self._refresh_at:
            await self._fetch()
        assert self._token is not None
        return self._token

    def invalidate(self, token: str | None = None) -> None:
        """Forget the cached token (after an HTTP 401), unless a newer one replaced it already."""
        if token is None or token == self._token:
            self._token = None

    async def _fetch(self) -> None:
        host = urlsplit(self.token_url).netloc or self.token_url
        try:
            response = await self._http.post(self.token_url, data={"grant_type": "client_credentials", "scope": SCOPE},
                                             auth=(self.client_id, self._secret), timeout=self._timeout_s,
                                             headers={"Accept": "application/json"})
        except httpx.TimeoutException:
            raise TransportError(f"the token service at {host} did not answer in time") from None
        except httpx.HTTPError as exc:
            raise TransportError(f"cannot reach the token service at {host}: {type(exc).__name__}: {exc}") from None
        if response.status_code in (400, 401, 403):
            detail = error_text(response)
            raise AuthError(f"the token service at {host} rejected client id {self.client_id!r} or its secret "
                            f"(HTTP {response.status_code}{': ' + detail if detail else ''})")
        if response.status_code >= 300:
            raise TransportError(f"the token service at {host} failed (HTTP {response.status_code}: "
                                 f"{error_text(response)})")
        try:
            body = response.json()
            token = str(body["access_token"])
        except (ValueError, KeyError, TypeError):
            raise TransportError(f"the token service at {host} answered without an access_token") from None
        expires_in = body.get("expires_in")
        try:
            ttl = float(expires_in) if expires_in is not None else 3600.0
        except (TypeError, ValueError):
            ttl = 3600.0
        register_secret(token)
        self._token = token
        self._refresh_at = self._clock() + max(0.0, ttl - min(60.0, ttl / 10))  # refresh before expiry
        self.fetches += 1
        log.debug("token for %s valid %.0f s", self.client_id, ttl)


# -- the streaming REST API -----------------------------------------------------------------------
class AlvariaApi:
    def __init__(self, http: httpx.AsyncClient, settings: StreamSettings, tokens: TokenSource, api_key: str, *,
                 timeout_s: float = 20.0):
        self.http = http
        self.settings = settings
        self.tokens = tokens
        self._api_key = api_key
        self._timeout_s = timeout_s
        self.session_id: str | None = None
        self.require_ack = False
        self.subscription_ids: list[str] = []
        org = quote(settings.org_id, safe="")
        self._root = f"/via/v{settings.api_version}/organizations/{org}/streaming"
        self._subscriptions = f"/via/v2/organizations/{org}/streaming/subscriptions"  # documented under v2 only

    async def create_session(self) -> dict[str, Any]:
        s = self.settings
        if s.api_version == 3:  # NewSessionV3 (A:1175-1184)
            body: Any = {"inactivityDelay": s.inactivity_delay, "requireAcknowledgement": s.require_acknowledgement}
        else:  # NewSession: name/value pairs, values as strings (A:1168-1172)
            body = [{"propertyName": "inactivityDelay", "propertyValue": str(s.inactivity_delay)}]
        try:
            answer = await self._call("POST", f"{self._root}/session", "create the streaming session", json=body,
                                      with_session=False)
        except ApiError as exc:
            if exc.status == 404:
                raise ProfileError(f"Alvaria does not know organization {s.org_id!r} at {s.base_url} "
                                   f"(HTTP 404{': ' + exc.platform_message if exc.platform_message else ''})") from None
            if exc.status == 400:
                raise ProfileError(f"Alvaria refused to create a streaming session for organization {s.org_id!r}: "
                                   f"{exc.platform_message or 'HTTP 400'}") from None
            raise
        session_id = answer.get("sessionId") if isinstance(answer, dict) else None
        if not session_id:
            raise TransportError("create the streaming session: the answer has no sessionId")
        self.session_id = str(session_id)
        register_secret(self.session_id)
        self.require_ack = s.api_version == 3 and bool(answer.get("requireAcknowledgement", s.require_acknowledgement))
        self.subscription_ids = []
        log.info("streaming session opened (v%d, inactivityDelay %s, acknowledgement %s)", s.api_version,
                 answer.get("inactivityDelay"), "on" if self.require_ack else "off")
        return answer

    async def subscribe(self) -> list[str]:
        """One subscription from the profile: catalogTypeEvents = ``events``, resources = ``user_ids``."""
        s = self.settings
        body = {"description": "CTI Desk agent desktop",
                "filterCriteria": {"catalogType": CATALOG_TYPE, "catalogTypeEvents": list(s.events),
                                   "resources": {"resourceType": "users", "resourceIds": list(s.user_ids)}}}
        try:
            answer = await self._call("POST", self._subscriptions, "create the subscription", json=body)
        except ApiError as exc:
            if exc.status == 400 and not isinstance(exc, SessionLost):
                raise ProfileError(f"Alvaria refused the subscription to {', '.join(s.events)} for "
                                   f"{', '.join(s.user_ids) or 'all users'}: {exc.platform_message or 'HTTP 400'}") from None
            raise
        sub_id = answer.get("subscriptionId") if isinstance(answer, dict) else None
        if sub_id:
            self.subscription_ids.append(str(sub_id))
        return self.subscription_ids

    async def events(self, max_events: int) -> list[Any]:
        answer = await self._call("GET", f"{self._root}/events", "retrieve events", params={"maxEvents": max_events},
                                  timeout=httpx.Timeout(LONG_POLL_READ_TIMEOUT_S, connect=self._timeout_s))
        if not isinstance(answer, dict):
            raise TransportError("retrieve events: the answer is not an object")
        events = answer.get("events")
        if events is None:
            return []
        if not isinstance(events, list):
            raise TransportError("retrieve events: events is not an array")
        return events

    async def acknowledge(self, event_ids: list[str]) -> dict[str, Any]:
        body = {"events": [{"eventId": e} for e in event_ids]}  # AcknowledgePayload (A:1302-1336)
        answer = await self._call("POST", f"{self._root}/acknowledge", "acknowledge events", json=body)
        return answer if isinstance(answer, dict) else {}

    async def delete_session(self) -> None:
        if self.session_id is None:
            return
        try:
            await self._call("DELETE", f"{self._root}/session", "delete the streaming session")  # 204 (A:316)
        finally:
            self.session_id = None

    async def _call(self, method: str, path: str, what: str, *, json: Any = None, params: dict[str, Any] | None = None,
                    with_session: bool = True, timeout: Any = None) -> Any:
        for attempt in (1, 2):
            token = await self.tokens.token()
            headers = {"Authorization": f"Bearer {token}", "x-api-key": self._api_key, "Accept": "application/json"}
            if with_session:
                if self.session_id is None:
                    raise SessionLost(f"{what}: no streaming session", status=400)
                headers["via-client-sessionid"] = self.session_id
            try:
                response = await self.http.request(method, path, json=json, params=params, headers=headers,
                                                   timeout=timeout if timeout is not None else self._timeout_s)
            except httpx.TimeoutException:
                raise TransportError(f"{what}: no answer from Alvaria in time") from None
            except httpx.HTTPError as exc:
                raise TransportError(f"{what}: {type(exc).__name__}: {exc}") from None
            if response.status_code == 401 and attempt == 1:
                self.tokens.invalidate(token)  # expired or revoked token: one new token, one retry
                continue
            return self._answer(response, what)
        raise AssertionError("unreachable")

    def _answer(self, response: httpx.Response, what: str) -> Any:
        status = response.status_code
        if 200 <= status < 300:
            if status == 204 or not response.content.strip():
                return {}
            try:
                return response.json()
            except ValueError:
                raise TransportError(f"{what}: the answer is not JSON: {response.text[:200]!r}") from None
        text = error_text(response)
        suffix = f": {text}" if text else ""
        if status in (401, 403):
            raise AuthError(self._auth_message(status, text, what))
        if status == 400 and INVALID_SESSION in text.casefold():
            raise SessionLost(f"{what}: the streaming session expired (HTTP 400{suffix})", status=400,
                              platform_message=text)
        if status == 429:
            raise RateLimited(f"{what}: too many requests (HTTP 429{suffix})", status=429, platform_message=text,
                              retry_after_s=retry_after(response))
        if status >= 500:
            raise ServerFailed(f"{what}: Alvaria failed (HTTP {status}{suffix})", status=status, platform_message=text)
        raise ApiError(f"{what}: HTTP {status}{suffix}", status=status, platform_message=text)

    def _auth_message(self, status: int, text: str, what: str) -> str:
        """A 401/403 although the token service has just issued the token. The document lists 401
        without a body (A:259) and says nothing of a wrong x-api-key (digest §3.3): an API gateway
        answers 403 "Forbidden" for a key it does not know, so 403 names the API key."""
        detail = f"HTTP {status}{': ' + text if text else ''}"
        if status == 403 or "key" in text.casefold():
            return (f"Alvaria rejected the API key (x-api-key) for organization {self.settings.org_id!r} ({detail}); "
                    f"check the profile's API key (keyring user '<name>#api_key' or the variable named by api_key_env)")
        return (f"Alvaria rejected the access token issued to client id {self.tokens.client_id!r} when trying to "
                f"{what} ({detail}); check that the client may use scope {SCOPE!r} for organization "
                f"{self.settings.org_id!r}")


# -- the session and its poll loop ----------------------------------------------------------------
StatusCallback = Callable[[str, "str | None", "float | None"], None]


class AlvariaStream:
    """One streaming session at a time, one poll loop; ``handle(events)`` gets each new event once."""

    def __init__(self, api: AlvariaApi, handle: Callable[[list[AlvariaEvent]], None], *, backoff: BackoffPolicy,
                 on_status: StatusCallback | None = None, on_session: Callable[[bool], None] | None = None):
        self.api = api
        self._handle = handle
        self._backoff = backoff
        self._on_status = on_status
        self._on_session = on_session
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._pending_ack: dict[str, None] = {}
        self.poller: LongPoller[list[Any]] | None = None
        self._stopped = False
        self.sessions_opened = 0
        self.duplicates = 0
        self.malformed = 0
        self.acknowledged = 0
        self.events_received = 0

    async def open(self) -> None:
        """A new session and its subscriptions (the first one, and after every lost session)."""
        await self.api.create_session()
        await self.api.subscribe()
        self._pending_ack.clear()  # acknowledgements belong to the old session
        self.sessions_opened += 1
        if self._on_session is not None:
            self._on_session(self.sessions_opened > 1)

    async def run(self) -> None:
        if self._stopped:
            return
        self.poller = LongPoller(self._poll, self._deliver, backoff=self._backoff, on_status=self._on_status,
                                 healthy=self.api.session_id is not None)
        await self.poller.run()

    def stop(self) -> None:
        self._stopped = True
        if self.poller is not None:
            self.poller.close()

    async def close(self) -> None:
        """Stop polling and delete the session (204, A:316); errors are logged, never raised."""
        self.stop()
        if self.api.session_id is not None:
            try:
                await self.api.delete_session()
            except (TransportError, AuthError) as exc:
                log.info("could not delete the streaming session: %s", exc.message)

    async def _poll(self) -> list[Any]:
        try:
            if self.api.session_id is None:
                await self.open()
            return await self.api.events(self.api.settings.max_events)
        except SessionLost as exc:
            self.api.session_id = None  # A:22: never use that id again, not even to delete it
            raise RetryLater(f"{exc.message}; opening a new session", immediate=True) from None
        except RateLimited as exc:
            raise RetryLater(exc.message, delay_s=exc.retry_after_s) from None
        except ApiError as exc:
            if exc.status == 404:  # an unknown session (digest §3.3): like an expired one
                self.api.session_id = None
                raise RetryLater(f"{exc.message}; opening a new session", immediate=True) from None
            raise RetryLater(exc.message) from None
        except TransportError as exc:
            raise RetryLater(exc.message) from None

    async def _deliver(self, raw_events: list[Any]) -> None:
        fresh: list[AlvariaEvent] = []
        for raw in raw_events:
            self.events_received += 1
            event_id = None
            if isinstance(raw, dict):
                value = raw.get("eventId", raw.get("id"))
                event_id = None if value in (None, "") else str(value)
            if event_id is not None:
                self._pending_ack[event_id] = None  # duplicates are acknowledged again, never handled again
                if event_id in self._seen:
                    self.duplicates += 1
                    continue
                self._seen[event_id] = None
                if len(self._seen) > SEEN_CAPACITY:
                    self._seen.popitem(last=False)
            try:
                fresh.append(decode_event(raw))
            except MalformedEvent as exc:
                self.malformed += 1
                log.warning("skipping a malformed event (%s): %.300r", exc, raw)
        if fresh:
            self._handle(fresh)
        if self.api.require_ack and self._pending_ack and self.api.session_id is not None:
            await self._acknowledge()

    async def _acknowledge(self) -> None:
        ids = list(self._pending_ack)
        for start in range(0, len(ids), ACK_CHUNK):
            chunk = ids[start:start + ACK_CHUNK]
            try:
                answer = await self.api.acknowledge(chunk)
            except SessionLost:
                self.api.session_id = None  # the next poll opens a new session
                self._pending_ack.clear()
                return
            except TransportError as exc:  # kept: acknowledged after the next batch (redeliveries are dropped)
                log.info("acknowledgement postponed: %s", exc.message)
                return
            for event_id in chunk:
                self._pending_ack.pop(event_id, None)
            self.acknowledged += len(chunk)
            not_found = answer.get("eventIdsNotFound") or []
            if not_found:  # already acknowledged or expired (A:639): not an error
                log.debug("acknowledge: %d event id(s) not found", len(not_found))
