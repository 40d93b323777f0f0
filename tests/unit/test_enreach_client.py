"""Enreach client pieces without a network: the token call (httpx MockTransport), the reading of
SubscriptionResult[] / ActiveSubscriptions, the desired subscription set and the declared
capabilities. Expected values are written from the document (R:n lines) by hand."""
from __future__ import annotations

import base64
import json

import httpx
import pytest

from desktop.core.commands import Command
from desktop.core.errors import AuthError, ProfileError, TransportError, UnsupportedError
from desktop.core.profiles import parse_profile
from desktop.core.store import Store
from desktop.core.vocabulary import Capability
from desktop.vendors.enreach import mapper
from desktop.vendors.enreach.client import (Subscription, TokenClient, hub_http_url, read_active,
                                            read_subscribe_results)
from desktop.vendors.enreach.controller import Controller
from tests.helpers.fixtures import load_fixture

USER = "aa9730c4-ce86-e611-80c9-00505689257e"
QUEUE = "c9eeb030-ff4b-ea11-ac9c-00155d4fdcf3"  # R:102, R:287


def token_client(handler) -> TokenClient:
    client = TokenClient("https://api-silox.enreachvoice.com/", "agent@acme", "s3cret")
    client.http = httpx.AsyncClient(transport=httpx.MockTransport(handler), auth=("agent@acme", "s3cret"))
    return client


@pytest.mark.asyncio
async def test_token_request_and_the_documented_answer():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=load_fixture("enreach", "token_response_R48-51.json"))

    client = token_client(handler)
    token = await client.fetch(USER)
    await client.aclose()
    assert (token.endpoint, token.token) == ("wss://rte-silox.enreachvoice.com/rte", "base64-encoded-jwt-token")
    assert str(seen[0].url) == f"https://api-silox.enreachvoice.com/token/{USER}/rte/"  # R:16
    assert seen[0].headers["Authorization"] == "Basic " + base64.b64encode(b"agent@acme:s3cret").decode()


@pytest.mark.asyncio
async def test_token_key_case_is_tolerated():  # the sample code reads WSSEndpoint (R:56)
    client = token_client(lambda r: httpx.Response(200, json={"WSSEndpoint": "wss://x/rte", "token": "t-1234"}))
    assert (await client.fetch("me")).endpoint == "wss://x/rte"
    await client.aclose()


@pytest.mark.asyncio
@pytest.mark.parametrize("status,error,words", [
    (401, AuthError, "rejected user 'agent@acme' or its secret"),
    (403, AuthError, "HTTP 403"),
    (404, ProfileError, "check the profile's [enreach] api_url and user_id"),
    (503, TransportError, "token endpoint failed (HTTP 503"),
    (302, TransportError, "answered HTTP 302"),
])
async def test_token_errors_in_words(status, error, words):
    client = token_client(lambda r: httpx.Response(status, text="nope"))
    with pytest.raises(error) as info:
        await client.fetch(USER)
    await client.aclose()
    assert words in info.value.message


@pytest.mark.asyncio
@pytest.mark.parametrize("body", ["not json", "[]", '{"WssEndpoint": "wss://x/rte"}'])
async def test_token_answer_without_endpoint_and_token(body):
    client = token_client(lambda r: httpx.Response(200, text=body))
    with pytest.raises(TransportError):
        await client.fetch(USER)
    await client.aclose()


@pytest.mark.asyncio
async def test_unreachable_token_endpoint():
    def handler(request):
        raise httpx.ConnectError("connection refused", request=request)

    client = token_client(handler)
    with pytest.raises(TransportError, match="cannot reach the RTE token endpoint"):
        await client.fetch(USER)
    await client.aclose()


def test_hub_address_must_be_encrypted_unless_allowed():
    assert hub_http_url("wss://rte-silox.enreachvoice.com/rte", allow_insecure=False)
    assert hub_http_url("ws://127.0.0.1:1/rte", allow_insecure=True)
    with pytest.raises(ProfileError, match="unencrypted"):
        hub_http_url("ws://rte.example/rte", allow_insecure=False)
    with pytest.raises(TransportError):
        hub_http_url("ftp://x", allow_insecure=True)


def test_subscribe_results_item_by_item():
    requested = [Subscription(QUEUE, "QueueStatus", "queue"),
                 Subscription("a1eeb030-ff4b-ea11-ac9c-00155d4fdcf3", "UserStatus", "user"),
                 Subscription(QUEUE, "QueueCallInComing", "queue")]
    outcome = read_subscribe_results(requested, load_fixture("enreach", "SubscriptionResults_partial_R299-312.json"))
    assert [s.event_name for s in outcome.accepted] == ["QueueStatus"]  # echoed as "queuestatus" (R:304)
    assert [(r.subscription.event_name, r.message) for r in outcome.refused] == [("UserStatus", "Unauthorized")]
    assert [s.event_name for s in outcome.unanswered] == ["QueueCallInComing"]
    one = read_subscribe_results(requested[:1], [load_fixture("enreach", "SubscriptionResult_R122-127.json")])
    assert one.accepted == (requested[0],)
    assert read_subscribe_results(requested, True).unanswered == tuple(requested)  # "return true" (R:328)


def test_active_subscriptions():
    sub = load_fixture("enreach", "MessageReceived_UserStatus_R141-177.json")["subscription"]  # R:142-152
    assert read_active([sub]) == {(USER, "userstatus")}
    assert read_active({"no": "list"}) is None


def profile(**section):
    text = 'name = "RTE"\nvendor = "enreach"\nuser = "agent@acme"\n[enreach]\n'
    text += 'api_url = "https://api-silox.enreachvoice.com"\n'
    for key, value in section.items():
        text += f"{key} = {json.dumps(value)}\n"
    return parse_profile(text)


def test_desired_set_by_entity_kind():
    c = Controller(profile(user_id=USER, queue_ids=[QUEUE], call_list_ids=["cl-1"],
                           supervised_user_ids=["u-2", USER.upper()]), None, Store())
    by_entity: dict[str, set[str]] = {}
    for s in c.desired:
        by_entity.setdefault(s.entity_id.lower(), set()).add(s.event_name)
    assert by_entity[USER] == set(mapper.USER_EVENTS) - {"UserSetting"}
    assert by_entity["u-2"] == set(mapper.USER_EVENTS) - {"UserSetting", "UserAlert"}
    assert by_entity[QUEUE.lower()] == set(mapper.QUEUE_EVENTS)  # Queue* only with a QueueId (R:271)
    assert by_entity["cl-1"] == {"CallbackChanged"}
    assert len(c.desired) == len({s.key for s in c.desired}), "own user not subscribed twice as supervised"


def test_profile_needs_something_to_follow():
    with pytest.raises(Exception, match="names nothing to follow"):
        Controller(profile(), None, Store())


@pytest.mark.asyncio
async def test_no_commands_and_every_capability_says_why():
    c = Controller(profile(user_id=USER), None, Store())
    assert c.declared.supported == frozenset()
    for cap in Capability:
        assert c.declared.why_unavailable(cap).startswith("not available on Enreach RTE")
    with pytest.raises(UnsupportedError, match="events only"):
        await c.execute(Command(Capability.SET_AGENT_STATE, None, {"state": "ready"}))


@pytest.mark.asyncio
async def test_subscribe_goes_out_in_batches_and_the_outcomes_add_up():
    """A supervisor's floor asks for tens of thousands of subscriptions: never one huge frame."""
    from desktop.vendors.enreach.client import SUBSCRIBE_BATCH, RteHub

    class Connection:
        def __init__(self):
            self.calls: list[list[dict]] = []

        async def invoke(self, method, arguments, *, timeout_s):
            assert method == "Subscribe"
            (items,) = arguments
            self.calls.append(items)
            # SubscriptionResult per item (R:122-135), the event name echoed lower-cased (R:126);
            # every third one refused as in R:307-310
            return [{"subscribed": i % 3 != 0, "message": None if i % 3 else "Unauthorized",
                     "entityId": item["EntityId"], "eventName": item["EventName"].lower()}
                    for i, item in enumerate(items)]

    wanted = [Subscription(f"{n:08d}-0000-0000-0000-000000000000", "UserStatus", "user")
              for n in range(2 * SUBSCRIBE_BATCH + 5)]
    connection = Connection()
    outcome = await RteHub(connection, timeout_s=1).subscribe(wanted)
    assert [len(c) for c in connection.calls] == [SUBSCRIBE_BATCH, SUBSCRIBE_BATCH, 5]
    assert len(outcome.accepted) + len(outcome.refused) == len(wanted) and not outcome.unanswered
    assert {r.message for r in outcome.refused} == {"Unauthorized"}
    assert [s for s in wanted if s in outcome.accepted or s in {r.subscription for r in outcome.refused}] == wanted
