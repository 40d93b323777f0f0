"""BayeuxClient: channel globbing, subscription validation, and fuzzed server answers.

The fuzz test drives a whole client session over httpx.MockTransport: whatever JSON (or bytes)
a server returns to a /meta/connect, the run loop must neither crash nor deliver anything but
well-formed data messages, and the session must go on with the same client id.
"""

from __future__ import annotations

import asyncio
import json
import logging

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.transports.backoff import BackoffPolicy
from desktop.transports.bayeux import BayeuxClient, channel_matches


@pytest.mark.parametrize(
    ("pattern", "channel", "expected"),
    [
        ("/v2/me/calls", "/v2/me/calls", True),
        ("/v2/me/calls", "/v2/me/callsx", False),
        ("/v2/me/*", "/v2/me/calls", True),
        ("/v2/me/*", "/v2/me/calls/x", False),
        ("/v2/me/*", "/v2/me", False),
        ("/v2/me/*", "/v2/mex/calls", False),
        ("/v2/me/**", "/v2/me/calls/x", True),
        ("/v2/me/**", "/v2/me", False),
        ("/**", "/anything/at/all", True),
        ("/*", "/top", True),
        ("/*", "/top/level", False),
    ],
)
def test_channel_matches(pattern, channel, expected):
    assert channel_matches(pattern, channel) is expected


@pytest.mark.parametrize(
    "channel", ["", "/", "v2/me", "/meta/connect", "/a/*/b", "/a/**/b", "/a//b", "/a/b*"]
)
@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_invalid_subscriptions_are_rejected(channel):
    async with httpx.AsyncClient() as http:
        client = BayeuxClient("http://127.0.0.1:1/cometd", http)
        with pytest.raises(ValueError):
            client.subscribe(channel, lambda m: None)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=4),
    max_leaves=12,
)
channels = st.sampled_from(["/v2/me/calls", "/v2/me/devices", "/meta/connect", "/meta/x", "",
                            "nochannel"]) | json_values
elements = st.one_of(
    json_values,
    st.fixed_dictionaries({"channel": channels}, optional={"data": json_values,
                                                           "id": json_values,
                                                           "successful": json_values,
                                                           "advice": json_values}),
)
bodies = st.one_of(
    st.lists(elements, max_size=6).map(lambda v: json.dumps(v).encode()),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=40),
)


async def _session_with(body: bytes) -> tuple[list[dict], list[str], list[str]]:
    state = {"connects": 0}
    second_connect = asyncio.get_running_loop().create_future()

    async def handler(request: httpx.Request) -> httpx.Response:
        messages = json.loads(request.content)
        message = messages[0]
        channel = message["channel"]
        if channel == "/meta/handshake":
            return httpx.Response(200, json=[{"channel": channel, "id": message["id"],
                                              "successful": True, "clientId": "c1",
                                              "advice": {"timeout": 1000, "interval": 0}}])
        if channel == "/meta/subscribe":
            return httpx.Response(200, json=[{"channel": channel, "id": m["id"],
                                              "subscription": m["subscription"],
                                              "successful": True} for m in messages])
        if channel == "/meta/connect":
            state["connects"] += 1
            if state["connects"] == 1:
                return httpx.Response(200, content=body,
                                      headers={"Content-Type": "application/json"})
            if not second_connect.done():
                second_connect.set_result(message["clientId"])
            return httpx.Response(200, json=[{"channel": channel, "id": message["id"],
                                              "successful": True}])
        return httpx.Response(200, json=[{"channel": channel, "id": message["id"],
                                          "successful": True}])

    received: list[dict] = []
    statuses: list[str] = []
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        client = BayeuxClient("http://bayeux.test/cometd", http,
                              backoff=BackoffPolicy(initial_s=0.0, maximum_s=0.0))
        client.subscribe("/**", received.append)
        client.on_status(lambda s, d: statuses.append(s))
        task = asyncio.create_task(client.run())
        client_id = await asyncio.wait_for(second_connect, 5)
        await asyncio.wait_for(client.close(), 5)
        await asyncio.wait_for(task, 5)  # returns normally: no exception escaped the loop
    return received, statuses, [client_id]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=bodies)
@pytest.mark.timeout(120)
def test_any_connect_answer_is_survived(body):
    logging.getLogger("desktop.transports.bayeux").setLevel(logging.CRITICAL)
    try:
        received, statuses, client_ids = asyncio.run(_session_with(body))
    finally:
        logging.getLogger("desktop.transports.bayeux").setLevel(logging.NOTSET)
    assert client_ids == ["c1"]  # same session: no rehandshake unless the server asked for it
    for message in received:
        assert isinstance(message, dict)
        assert isinstance(message["channel"], str) and not message["channel"].startswith("/meta/")
        assert isinstance(message["data"], dict)
    assert statuses[0] == "connecting" and statuses[-1] == "disconnected"
    assert "failed" not in statuses
