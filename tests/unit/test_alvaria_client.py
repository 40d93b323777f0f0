"""The Alvaria client pieces without a simulator: the single-flight poll loop, profile settings,
the token cache, and the classification of HTTP answers (A:20-26, A:1138-1167)."""
from __future__ import annotations

import asyncio
import random

import httpx
import pytest

from desktop.core.errors import AuthError, ProfileError, TransportError
from desktop.transports.backoff import BackoffPolicy
from desktop.transports.longpoll import LongPoller, RetryLater
from desktop.vendors.alvaria.client import (AlvariaApi, RateLimited, ServerFailed, SessionLost, StreamSettings,
                                            TokenSource, error_text, retry_after)

OPTIONS = {"base_url": "https://acme.via.aspect-cloud.net", "org_id": "acme",
           "token_url": "https://myaspect.us.id.aspect-cloud.net/tokenservice/oauth2/access_token"}


# -- the poll loop ---------------------------------------------------------------------------------
class Script:
    """A poll step that plays a list of outcomes (a batch, or an exception to raise)."""

    def __init__(self, outcomes, poller_ref):
        self.outcomes = list(outcomes)
        self.delivered = []
        self.poller_ref = poller_ref
        self.concurrent = 0
        self.max_concurrent = 0

    async def poll(self):
        self.concurrent += 1
        self.max_concurrent = max(self.max_concurrent, self.concurrent)
        try:
            await asyncio.sleep(0)
            if not self.outcomes:
                self.poller_ref[0].close()
                return []
            outcome = self.outcomes.pop(0)
            if isinstance(outcome, Exception):
                raise outcome
            return outcome
        finally:
            self.concurrent -= 1

    async def deliver(self, batch):
        self.delivered.append(batch)


def make(outcomes, policy=BackoffPolicy(initial_s=0.01, maximum_s=0.08, jitter=0.0), **kwargs):
    ref = [None]
    script = Script(outcomes, ref)
    statuses = []
    poller = LongPoller(script.poll, script.deliver, backoff=policy,
                        on_status=lambda s, d, w: statuses.append((s, d, w)), **kwargs)
    ref[0] = poller
    return poller, script, statuses


@pytest.mark.asyncio
async def test_batches_are_delivered_in_order_one_poll_at_a_time():
    poller, script, statuses = make([[1, 2], [3], [4, 5, 6]])
    await asyncio.wait_for(poller.run(), 2)
    assert script.delivered[:3] == [[1, 2], [3], [4, 5, 6]]
    assert script.max_concurrent == 1 and poller.max_in_flight == 1
    assert statuses == [("connected", None, None)]


@pytest.mark.asyncio
async def test_backoff_grows_then_resets_after_a_success():
    fail = RetryLater("HTTP 503")
    poller, script, statuses = make([fail, fail, fail, fail, fail, ["ok"], fail, ["ok"]])
    await asyncio.wait_for(poller.run(), 5)
    delays = [d for _, d in poller.waits]
    assert delays == [0.01, 0.02, 0.04, 0.08, 0.08, 0.01]   # doubling, capped at 0.08, then from the start
    assert [s for s, _, _ in statuses] == ["reconnecting"] * 5 + ["connected", "reconnecting", "connected"]
    assert statuses[0] == ("reconnecting", "HTTP 503", 0.01)


@pytest.mark.asyncio
async def test_jitter_stays_within_its_bounds():
    policy = BackoffPolicy(initial_s=0.01, maximum_s=1.0, jitter=0.5)
    poller, _, _ = make([RetryLater("x")] * 4, policy=policy, rng=random.Random(3))
    await asyncio.wait_for(poller.run(), 5)
    for base, (_, delay) in zip((0.01, 0.02, 0.04, 0.08), poller.waits):
        assert base * 0.5 <= delay <= base * 1.5


@pytest.mark.asyncio
async def test_retry_after_is_honoured_and_an_immediate_retry_happens_once():
    poller, _, _ = make([RetryLater("429", delay_s=0.03), RetryLater("expired", immediate=True),
                         RetryLater("expired again", immediate=True), ["ok"]])
    await asyncio.wait_for(poller.run(), 5)
    assert [d for _, d in poller.waits] == [0.03, 0.0, 0.01]


@pytest.mark.asyncio
async def test_other_errors_end_the_loop():
    poller, _, _ = make([ValueError("bug")])
    with pytest.raises(ValueError):
        await poller.run()


@pytest.mark.asyncio
async def test_close_abandons_the_poll_in_flight():
    started = asyncio.Event()

    async def poll():
        started.set()
        await asyncio.sleep(30)

    async def deliver(batch):
        raise AssertionError("nothing to deliver")

    poller = LongPoller(poll, deliver, backoff=BackoffPolicy())
    task = asyncio.create_task(poller.run())
    await started.wait()
    poller.close()
    await asyncio.wait_for(task, 1)
    assert poller.in_flight == 0


@pytest.mark.asyncio
async def test_run_twice_at_once_is_refused():
    started = asyncio.Event()

    async def poll():
        started.set()
        await asyncio.sleep(30)

    async def deliver(batch):
        pass

    poller = LongPoller(poll, deliver, backoff=BackoffPolicy())
    task = asyncio.create_task(poller.run())
    await started.wait()
    with pytest.raises(RuntimeError, match="never two concurrent polls"):
        await poller.run()
    poller.close()
    await asyncio.wait_for(task, 1)


# -- settings --------------------------------------------------------------------------------------
def test_settings_defaults_follow_the_documents_recommendations():
    s = StreamSettings.from_options(OPTIONS, "p.toml")
    assert (s.api_version, s.require_acknowledgement, s.inactivity_delay, s.events, s.user_ids) == (
        3, True, 120, ("all",), ())
    assert 5 <= s.max_events <= 200     # A:14-15, A:567


@pytest.mark.parametrize("key, value, words", [
    ("inactivity_delay", 59, "60-600"), ("inactivity_delay", 601, "60-600"), ("api_version", 1, "2 or 3"),
    ("max_events", 201, "5-200"), ("max_events", 4, "5-200"), ("user_ids", [""], "user_ids must be a list"),
    ("events", "all", "events must be a list"),
])
def test_settings_errors(key, value, words):
    with pytest.raises(ProfileError, match=words):
        StreamSettings.from_options({**OPTIONS, key: value}, "p.toml")


# -- answers -----------------------------------------------------------------------------------------
def api_for(handler, *, version=3):
    http = httpx.AsyncClient(base_url=OPTIONS["base_url"], transport=httpx.MockTransport(handler))
    settings = StreamSettings.from_options({**OPTIONS, "api_version": version}, "p.toml")
    tokens = TokenSource(http, settings.token_url, "client-1", "s3cret")
    return AlvariaApi(http, settings, tokens, "the-api-key"), http


def token_answer(request):
    return httpx.Response(200, json={"access_token": "tok-1", "token_type": "Bearer", "expires_in": 3600})


def test_error_text_reads_the_error_response_sample():
    # the ErrorResponse sample (A:1139-1149)
    response = httpx.Response(400, json={"code": 404, "message": "not found",
                                         "errors": [{"scope": "scope", "reason": "reason", "message": "message"}]})
    assert error_text(response) == "not found"


@pytest.mark.parametrize("header, expected", [("2", 2.0), ("0.5", 0.5), (None, None), ("soon", None)])
def test_retry_after(header, expected):
    response = httpx.Response(429, headers={"Retry-After": header} if header else {})
    assert retry_after(response) == expected


@pytest.mark.asyncio
@pytest.mark.parametrize("status, body, error", [
    (400, {"code": 400, "message": "Bad Request", "errors": [{"message": "Invalid or expired session"}]}, SessionLost),
    (400, {"message": "INVALID OR EXPIRED SESSION"}, SessionLost),
    (429, {"message": "Too Many Requests"}, RateLimited),
    (503, {"message": "Service Unavailable"}, ServerFailed),
    (500, None, ServerFailed),
])
async def test_answers_are_classified(status, body, error):
    def handler(request):
        if request.url.path.endswith("access_token"):
            return token_answer(request)
        return httpx.Response(status, json=body) if body is not None else httpx.Response(status, text="oops")

    api, http = api_for(handler)
    api.session_id = "s-1"
    with pytest.raises(error):
        await api.events(50)
    await http.aclose()


@pytest.mark.asyncio
async def test_every_call_carries_bearer_and_api_key_and_all_but_create_the_session_id():
    seen = []

    def handler(request):
        if request.url.path.endswith("access_token"):
            assert request.headers["Authorization"].startswith("Basic ")
            assert b"scope=streamingapi" in request.content and b"grant_type=client_credentials" in request.content
            return token_answer(request)
        seen.append((request.method, request.url.path, request.headers.get("Authorization"),
                     request.headers.get("x-api-key"), request.headers.get("via-client-sessionid"),
                     dict(request.url.params)))
        if request.url.path.endswith("/session") and request.method == "POST":
            return httpx.Response(200, json={"sessionId": "s-9", "creationTime": "x", "inactivityDelay": 120,
                                             "requireAcknowledgement": True})
        if request.url.path.endswith("/events"):
            return httpx.Response(200, json={"kind": "via#streamingEventCollection", "totalItems": 0, "events": []})
        return httpx.Response(200, json={"subscriptionId": "ab7dbcbc"} if "subscriptions" in request.url.path
                              else {"eventIdsAcknowledged": ["1"], "eventIdsNotFound": ["2"]})

    api, http = api_for(handler)
    await api.create_session()
    await api.subscribe()
    await api.events(50)
    await api.acknowledge(["1", "2"])
    assert [(m, p) for m, p, *_ in seen] == [
        ("POST", "/via/v3/organizations/acme/streaming/session"),
        ("POST", "/via/v2/organizations/acme/streaming/subscriptions"),
        ("GET", "/via/v3/organizations/acme/streaming/events"),
        ("POST", "/via/v3/organizations/acme/streaming/acknowledge")]
    assert all(auth == "Bearer tok-1" and key == "the-api-key" for _, _, auth, key, _, _ in seen)
    assert [sid for *_, sid, _ in seen] == [None, "s-9", "s-9", "s-9"]
    assert seen[2][5] == {"maxEvents": "50"}
    assert api.require_ack
    await http.aclose()


@pytest.mark.asyncio
async def test_a_401_gets_one_new_token_and_one_retry():
    tokens = iter(["tok-1", "tok-2"])
    calls = []

    def handler(request):
        if request.url.path.endswith("access_token"):
            return httpx.Response(200, json={"access_token": next(tokens), "expires_in": 3600})
        calls.append(request.headers["Authorization"])
        if request.headers["Authorization"] == "Bearer tok-1":
            return httpx.Response(401, json={"message": "Unauthorized"})
        return httpx.Response(200, json={"events": []})

    api, http = api_for(handler)
    api.session_id = "s-1"
    assert await api.events(5) == []
    assert calls == ["Bearer tok-1", "Bearer tok-2"]
    await http.aclose()


@pytest.mark.asyncio
async def test_the_token_is_refreshed_before_it_expires():
    now = [1000.0]
    fetched = []

    def handler(request):
        fetched.append(now[0])
        return httpx.Response(200, json={"access_token": f"tok-{len(fetched)}", "expires_in": 100})

    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    source = TokenSource(http, OPTIONS["token_url"], "c", "s", clock=lambda: now[0])
    assert await source.token() == "tok-1"
    now[0] += 85
    assert await source.token() == "tok-1"
    now[0] += 6                                    # 91 s of 100: inside the 10 s margin
    assert await source.token() == "tok-2"
    await http.aclose()


@pytest.mark.asyncio
async def test_token_service_errors():
    def refuse(request):
        return httpx.Response(401, json={"error": "invalid_client", "error_description": "client authentication failed"})

    http = httpx.AsyncClient(transport=httpx.MockTransport(refuse))
    with pytest.raises(AuthError, match="rejected client id 'c' or its secret"):
        await TokenSource(http, OPTIONS["token_url"], "c", "s").token()

    def down(request):
        return httpx.Response(502, text="bad gateway")

    http2 = httpx.AsyncClient(transport=httpx.MockTransport(down))
    with pytest.raises(TransportError, match="token service .* failed"):
        await TokenSource(http2, OPTIONS["token_url"], "c", "s").token()
    await http.aclose()
    await http2.aclose()


@pytest.mark.asyncio
async def test_v2_session_body_is_the_name_value_array():
    bodies = []

    def handler(request):
        if request.url.path.endswith("access_token"):
            return token_answer(request)
        bodies.append((request.url.path, request.content))
        return httpx.Response(200, json={"sessionId": "s-2", "creationTime": "x", "inactivityDelay": 120})

    api, http = api_for(handler, version=2)
    await api.create_session()
    assert bodies == [("/via/v2/organizations/acme/streaming/session",
                       b'[{"propertyName":"inactivityDelay","propertyValue":"120"}]')]
    assert not api.require_ack       # no acknowledgement in v2
    await http.aclose()
