"""The Enreach RTE simulator against raw peers (httpx, the `websockets` library) and signalrcore.

R:nn = a line of vendor-docs/enreach-rte-signalr.md; digest = vendor-docs/digests/
streaming-vendors-digest.md. Expected shapes and sequences are written by hand from the
document (and from desktop/sim/enreach/README.md where the document is silent), never
captured from the simulator's own output. Every wait is bounded.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

import httpx
import pytest
import pytest_asyncio
import websockets

from desktop.sim.enreach import EnreachSimulator
from desktop.sim import runner

pytestmark = pytest.mark.timeout(60)

RS = "\x1e"
USER = "aa9730c4-ce86-e611-80c9-00505689257e"  # R:150
SECRET = "s3cret"
OTHER = "a1eeb030-ff4b-ea11-ac9c-00155d4fdcf3"  # R:106
OTHER_SECRET = "other"
WAIT = 5.0
ROOT = Path(__file__).resolve().parents[2]

# The event names of the document's headings (digest §2.5), in the document's order.
DOC_EVENTS = [
    "UserAlert", "UserAvailability", "UserCallAvailableForMonitoring", "UserCallInArrived", "UserCallInComing",
    "UserCallInDisconnected", "UserCallInOverflow", "UserCallInTransferCancelled", "UserCallInTransferConnected",
    "UserCallInTransferStarted", "UserCallInUserAllocated", "UserCallInUserCancelled", "UserCallInUserConnected",
    "UserCallInUserOverflow", "UserCallOutConnected", "UserCallOutDisconnected", "UserSetting", "UserStatus",
    "UserSupervisionStatus", "UserWrapUpEnabled", "UserWrapUpStarted", "UserWrapUpTerminated",
    "QueueCallInArrived", "QueueCallInComing", "QueueCallInDisconnected", "QueueCallInOverflow",
    "QueueCallInTransferCancelled", "QueueCallInTransferConnected", "QueueCallInTransferStarted", "QueueStatus",
    "CallbackChanged",
]
USER_EVENTS = [e for e in DOC_EVENTS if e.startswith("User")]
QUEUE_EVENTS = [e for e in DOC_EVENTS if e.startswith("Queue")]
# R:153-176, the keys of the camelCase UserStatus data, in order.
USER_STATUS_CAMEL_KEYS = [
    "rootEntityType", "rootEntityId", "eventType", "entityType", "entityId", "messageTTLSeconds", "userId",
    "organizationId", "canBeAllocatedTo", "talking", "activeQueueId", "available", "schedule", "serving",
    "serviceTerminals", "activeQueues", "parkedCalls", "wrapUpEnd", "servingCallback", "fetchMode", "id", "timestamp",
]
# R:405-424, the keys of UserAvailability.
USER_AVAILABILITY_KEYS = [
    "RootEntityType", "RootEntityId", "EventType", "EntityType", "EntityId", "UserId", "OrganizationId", "UserName",
    "ProfileId", "Availability", "StartTime", "EndTime", "Note", "EventSource", "TransferNumber", "Id", "Timestamp",
    "MessageTTLSeconds",
]
SUBSCRIPTION_KEYS = ["id", "allRootEntities", "rootEntityId", "rootEntityType", "organizationId", "eventType",
                     "entityType", "entityId", "allEntities"]  # R:142-152


def basic(user: str, secret: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode()}


def jwt_claims(token: str) -> dict:
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


async def until(predicate: Callable[[], bool], what: str, timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(0.01)


@pytest_asyncio.fixture
async def sim():
    s = EnreachSimulator(scenario="idle", users={USER: SECRET, OTHER: OTHER_SECRET}, ping_interval_s=15.0)
    await s.start()
    yield s
    await s.stop()


@pytest_asyncio.fixture
async def http():
    async with httpx.AsyncClient(timeout=5.0) as client:
        yield client


async def get_token(http: httpx.AsyncClient, sim: EnreachSimulator, user: str = USER, secret: str = SECRET) -> str:
    r = await http.get(f"{sim.base_url}/token/{user}/rte/", headers=basic(user, secret))
    assert r.status_code == 200, r.text
    return r.json()["Token"]


class RawHub:
    """A hand-written SignalR JSON-protocol client over the `websockets` library."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.pending: list[dict] = []
        self.seen: list[dict] = []
        self._n = 0

    @classmethod
    async def open(cls, http: httpx.AsyncClient, sim: EnreachSimulator, token: str | None = None, *,
                   version: int | None = 1, via: str = "query") -> "RawHub":
        token = token or await get_token(http, sim)
        q = "" if version is None else f"?negotiateVersion={version}"
        n = await http.post(f"{sim.base_url}/rte/negotiate{q}", headers={"Authorization": f"Bearer {token}"})
        assert n.status_code == 200, n.text
        body = n.json()
        conn_ref = body.get("connectionToken") or body["connectionId"]
        url = f"ws://127.0.0.1:{sim.port}/rte?id={conn_ref}"
        headers = {}
        if via == "query":
            url += f"&access_token={token}"
        else:
            headers["Authorization"] = f"Bearer {token}"
        ws = await websockets.connect(url, additional_headers=headers, ping_interval=None, open_timeout=WAIT)
        hub = cls(ws)
        await ws.send(json.dumps({"protocol": "json", "version": 1}) + RS)
        reply = await asyncio.wait_for(ws.recv(), WAIT)
        assert reply == "{}" + RS, reply
        return hub

    async def _read(self, timeout: float) -> None:
        frame = await asyncio.wait_for(self.ws.recv(), timeout)
        assert isinstance(frame, str) and frame.endswith(RS), repr(frame)
        for record in frame.split(RS)[:-1]:
            msg = json.loads(record)
            self.seen.append(msg)
            self.pending.append(msg)

    async def next(self, predicate: Callable[[dict], bool], what: str, timeout: float = WAIT) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            for i, msg in enumerate(self.pending):
                if predicate(msg):
                    return self.pending.pop(i)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"timed out waiting for {what}; got {self.pending[-5:]}")
            try:
                await self._read(remaining)
            except asyncio.TimeoutError:
                raise AssertionError(f"timed out waiting for {what}; got {self.pending[-5:]}") from None

    async def invoke(self, target: str, *args: Any) -> dict:
        self._n += 1
        inv = str(self._n)
        await self.ws.send(json.dumps({"type": 1, "invocationId": inv, "target": target, "arguments": list(args)}) + RS)
        return await self.next(lambda m: m.get("type") == 3 and m.get("invocationId") == inv, f"completion of {target}")

    async def message(self, event: str | None = None, timeout: float = WAIT) -> dict:
        def match(m: dict) -> bool:
            if m.get("type") != 1 or m.get("target") != "MessageReceived":
                return False
            return event is None or m["arguments"][0]["subscription"]["eventType"] == event
        msg = await self.next(match, f"MessageReceived {event or ''}", timeout)
        assert len(msg["arguments"]) == 1
        return msg["arguments"][0]

    def messages(self) -> list[dict]:
        return [m["arguments"][0] for m in self.seen if m.get("type") == 1]

    async def drain(self, quiet_s: float = 0.2) -> None:
        """Read until nothing arrives for quiet_s."""
        while True:
            try:
                await self._read(quiet_s)
            except asyncio.TimeoutError:
                return

    async def close(self) -> None:
        await self.ws.close()


def sub(entity: str, event: str) -> dict:
    return {"EntityId": entity, "EventName": event}


# ---------------------------------------------------------------------------------------- REST token


@pytest.mark.asyncio
async def test_token_endpoint_good_and_bad_credentials(sim, http):
    r = await http.get(f"{sim.base_url}/token/{USER}/rte/", headers=basic(USER, SECRET))
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"WssEndpoint", "Token"}  # R:48-51
    assert body["WssEndpoint"] == f"ws://127.0.0.1:{sim.port}/rte"
    header = json.loads(base64.urlsafe_b64decode(body["Token"].split(".")[0] + "=="))
    assert header["alg"] == "HS256" and jwt_claims(body["Token"])["sub"] == USER
    me = await http.get(f"{sim.base_url}/token/me/rte/", headers=basic(USER, SECRET))  # R:41
    assert me.status_code == 200 and jwt_claims(me.json()["Token"])["sub"] == USER
    no_slash = await http.get(f"{sim.base_url}/token/{USER}/rte", headers=basic(USER, SECRET))
    assert no_slash.status_code == 200

    bad = await http.get(f"{sim.base_url}/token/{USER}/rte/", headers=basic(USER, "wrong"))
    assert bad.status_code == 401 and bad.headers["WWW-Authenticate"].startswith("Basic")
    none = await http.get(f"{sim.base_url}/token/{USER}/rte/")
    assert none.status_code == 401
    someone_else = await http.get(f"{sim.base_url}/token/{OTHER}/rte/", headers=basic(USER, SECRET))
    assert someone_else.status_code == 403
    assert [e["status"] for e in sim.truth()["tokenRequests"]] == [200, 200, 200, 401, 401, 403]


@pytest.mark.asyncio
async def test_token_endpoint_5xx_fault(sim, http):
    sim.faults.token_errors(status=503, count=2)
    for _ in range(2):
        r = await http.get(f"{sim.base_url}/token/{USER}/rte/", headers=basic(USER, SECRET))
        assert r.status_code == 503 and "token_errors" in r.json()["message"]
    ok = await http.get(f"{sim.base_url}/token/{USER}/rte/", headers=basic(USER, SECRET))
    assert ok.status_code == 200
    sim.faults.token_errors(status=500)
    assert (await http.get(f"{sim.base_url}/token/{USER}/rte/", headers=basic(USER, SECRET))).status_code == 500


# ---------------------------------------------------------------------------------------- negotiate


@pytest.mark.asyncio
async def test_negotiate_version_0_like_aspnetcore(sim, http):
    token = await get_token(http, sim)
    r = await http.post(f"{sim.base_url}/rte/negotiate", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200
    body = r.json()
    assert body["negotiateVersion"] == 0
    assert "connectionToken" not in body and body["connectionId"]
    assert body["availableTransports"] == [{"transport": "WebSockets", "transferFormats": ["Text", "Binary"]}]
    # version 0: the connectionId itself is the websocket's id
    ws = await websockets.connect(f"ws://127.0.0.1:{sim.port}/rte?id={body['connectionId']}",
                                  additional_headers={"Authorization": f"Bearer {token}"}, ping_interval=None)
    await ws.send('{"protocol":"json","version":1}' + RS)
    assert await asyncio.wait_for(ws.recv(), WAIT) == "{}" + RS
    await ws.close()


@pytest.mark.asyncio
async def test_negotiate_version_1_uses_a_connection_token(sim, http):
    token = await get_token(http, sim)
    r = await http.post(f"{sim.base_url}/rte/negotiate?negotiateVersion=1", headers={"Authorization": f"Bearer {token}"})
    body = r.json()
    assert body["negotiateVersion"] == 1
    assert body["connectionToken"] and body["connectionToken"] != body["connectionId"]
    assert body["availableTransports"][0]["transferFormats"][0] == "Text"
    # the connectionId is not the id to connect with under version 1
    with pytest.raises(websockets.exceptions.InvalidStatus) as err:
        await websockets.connect(f"ws://127.0.0.1:{sim.port}/rte?id={body['connectionId']}&access_token={token}",
                                 ping_interval=None)
    assert err.value.response.status_code == 404
    # the token works once
    ws = await websockets.connect(f"ws://127.0.0.1:{sim.port}/rte?id={body['connectionToken']}&access_token={token}",
                                  ping_interval=None)
    await ws.close()
    with pytest.raises(websockets.exceptions.InvalidStatus):
        await websockets.connect(f"ws://127.0.0.1:{sim.port}/rte?id={body['connectionToken']}&access_token={token}",
                                 ping_interval=None)
    # a higher version asked for is answered with the highest the server speaks
    r2 = await http.post(f"{sim.base_url}/rte/negotiate?negotiateVersion=2", headers={"Authorization": f"Bearer {token}"})
    assert r2.json()["negotiateVersion"] == 1


@pytest.mark.asyncio
async def test_negotiate_and_upgrade_need_a_valid_token(sim, http):
    r = await http.post(f"{sim.base_url}/rte/negotiate?negotiateVersion=1")
    assert r.status_code == 401 and r.headers["WWW-Authenticate"] == "Bearer"  # R:18
    forged = await get_token(http, sim)
    forged = forged[:-4] + ("AAAA" if not forged.endswith("AAAA") else "BBBB")
    r = await http.post(f"{sim.base_url}/rte/negotiate?negotiateVersion=1", headers={"Authorization": f"Bearer {forged}"})
    assert r.status_code == 401 and 'error="invalid_token"' in r.headers["WWW-Authenticate"]
    with pytest.raises(websockets.exceptions.InvalidStatus) as err:
        await websockets.connect(f"ws://127.0.0.1:{sim.port}/rte", ping_interval=None)
    assert err.value.response.status_code == 401


@pytest.mark.asyncio
async def test_skip_negotiation_websocket_works(sim, http):
    token = await get_token(http, sim)
    ws = await websockets.connect(f"ws://127.0.0.1:{sim.port}/rte?access_token={token}", ping_interval=None)
    await ws.send('{"protocol":"json","version":1}' + RS)
    assert await asyncio.wait_for(ws.recv(), WAIT) == "{}" + RS
    await ws.close()


# ---------------------------------------------------------------------------------------- raw hub


@pytest.mark.asyncio
async def test_raw_handshake_subscribe_completion_and_message(sim, http):
    hub = await RawHub.open(http, sim, via="query")
    done = await hub.invoke("Subscribe", [sub(USER, "UserAvailability"), sub(USER, "UserStatus")])
    assert done == {"type": 3, "invocationId": "1", "result": [
        {"subscribed": True, "message": None, "entityId": USER, "eventName": "useravailability"},
        {"subscribed": True, "message": None, "entityId": USER, "eventName": "userstatus"}]}  # R:122-127

    sim.availability(USER, "DoNotDisturb", note="Lunch")
    received = await hub.message("UserAvailability")
    assert list(received) == ["subscription", "data"]  # R:141-177
    s = received["subscription"]
    assert list(s) == SUBSCRIPTION_KEYS
    assert (s["eventType"], s["entityType"], s["entityId"], s["rootEntityType"]) == \
        ("UserAvailability", "User", USER, "Organization")
    assert s["allRootEntities"] is False and s["allEntities"] is False
    d = received["data"]
    assert list(d) == USER_AVAILABILITY_KEYS  # PascalCase as in R:405-424
    assert d["Availability"] == "DoNotDisturb" and d["Note"] == "Lunch" and d["UserId"] == USER
    assert d["EntityId"] == USER and d["EventType"] == "UserAvailability" and d["MessageTTLSeconds"] == -1
    assert d["EndTime"] == "9999-12-31T23:59:59.9999999"  # DateTime.MaxValue = continuous (R:430)
    assert d["Timestamp"].endswith("Z") and len(d["Timestamp"].split(".")[1]) == 8  # 7 digits + Z (R:175)
    # DND changes UserStatus (Available false): the documented camelCase sample (R:153-176)
    status = await hub.message("UserStatus")
    assert list(status["data"]) == USER_STATUS_CAMEL_KEYS
    assert status["data"]["available"] is False and status["data"]["canBeAllocatedTo"] is False
    assert status["data"]["messageTTLSeconds"] == 60
    await hub.close()


@pytest.mark.asyncio
async def test_handshake_and_invocation_in_one_frame_and_header_token(sim, http):
    token = await get_token(http, sim)
    ws = await websockets.connect(f"ws://127.0.0.1:{sim.port}/rte", ping_interval=None,
                                  additional_headers={"Authorization": f"Bearer {token}"})
    await ws.send('{"protocol":"json","version":1}' + RS
                  + json.dumps({"type": 1, "invocationId": "7", "target": "AvailableSubscriptions", "arguments": []}) + RS)
    got = ""
    while got.count(RS) < 2:
        got += await asyncio.wait_for(ws.recv(), WAIT)
    handshake, completion = got.split(RS)[:2]
    assert handshake == "{}"
    assert json.loads(completion) == {"type": 3, "invocationId": "7", "result": DOC_EVENTS}
    await ws.close()


@pytest.mark.asyncio
@pytest.mark.parametrize("request_, error", [
    ({"protocol": "messagepack", "version": 1}, "The protocol 'messagepack' is not supported."),
    ({"protocol": "json", "version": 2}, "The server does not support version 2 of the 'json' protocol."),
])
async def test_handshake_refusals(sim, http, request_, error):
    token = await get_token(http, sim)
    ws = await websockets.connect(f"ws://127.0.0.1:{sim.port}/rte?access_token={token}", ping_interval=None)
    await ws.send(json.dumps(request_) + RS)
    assert json.loads((await asyncio.wait_for(ws.recv(), WAIT)).rstrip(RS)) == {"error": error}
    await asyncio.wait_for(ws.wait_closed(), WAIT)


@pytest.mark.asyncio
async def test_hub_methods(sim, http):
    hub = await RawHub.open(http, sim, version=0, via="header")
    queue = sim.profile_options()["queue_ids"][0]
    calllist = sim.profile_options()["call_list_ids"][0]
    # AvailableSubscriptions: event names (R:82); the sample passes an argument (R:349): tolerated
    assert (await hub.invoke("AvailableSubscriptions"))["result"] == DOC_EVENTS
    assert (await hub.invoke("AvailableSubscriptions", [sub(USER, "UserStatus")]))["result"] == DOC_EVENTS
    # names are matched case-insensitively, properties too (camelCase from .NET clients)
    res = (await hub.invoke("subscribe", [
        {"entityId": queue, "eventName": "QueueStatus"},
        sub(USER, "UserCallIncoming"),  # prose spelling (R:260) of UserCallInComing (R:523)
        sub(calllist, "CallbackChanged"),
        sub(USER, "QueueCallInComing"),  # event/entity mismatch (R:271)
        sub("0f0f0f0f-0000-0000-0000-000000000000", "UserStatus"),  # not in the organization
        sub(USER, "NoSuchEvent"),
        sub("not-a-guid", "UserStatus"),
    ]))["result"]
    assert [(r["subscribed"], r["eventName"]) for r in res] == [
        (True, "queuestatus"), (True, "usercallincoming"), (True, "callbackchanged"), (False, "queuecallincoming"),
        (False, "userstatus"), (False, "nosuchevent"), (False, "userstatus")]
    assert [r["message"] for r in res[:3]] == [None, None, None]
    assert res[3]["message"] == "Event 'QueueCallInComing' is not available for entity type User"
    assert res[4]["message"] == "Unauthorized"
    assert res[5]["message"] == "Unknown event 'NoSuchEvent'"
    assert res[6]["message"] == "Invalid EntityId"
    active = (await hub.invoke("ActiveSubscriptions"))["result"]
    assert sorted((a["eventType"], a["entityType"], a["entityId"]) for a in active) == sorted([
        ("QueueStatus", "Queue", queue), ("UserCallInComing", "User", USER), ("CallbackChanged", "CallList", calllist)])
    assert all(list(a) == SUBSCRIPTION_KEYS for a in active)
    # Unsubscribe: SubscriptionResult per item, subscribed = the unsubscription worked (README)
    un = (await hub.invoke("Unsubscribe", [sub(queue, "queuestatus"), sub(queue, "QueueStatus")]))["result"]
    assert un == [{"subscribed": True, "message": None, "entityId": queue, "eventName": "queuestatus"},
                  {"subscribed": False, "message": "Not subscribed", "entityId": queue, "eventName": "queuestatus"}]
    assert len((await hub.invoke("ActiveSubscriptions"))["result"]) == 2
    assert (await hub.invoke("UnsubscribeAll"))["result"] is True  # R:335
    assert (await hub.invoke("ActiveSubscriptions"))["result"] == []
    # errors: unknown method, missing argument
    assert (await hub.invoke("Nope"))["error"] == "Unknown hub method 'Nope'"
    assert (await hub.invoke("Subscribe"))["error"] == "Failed to invoke 'Subscribe' due to an error on the server."
    assert "result" not in (await hub.invoke("Subscribe"))
    calls = [i["method"] for i in sim.truth()["invocations"]]
    assert calls[:3] == ["AvailableSubscriptions", "AvailableSubscriptions", "subscribe"]
    assert all("headers" not in i for i in sim.truth()["invocations"])
    await hub.close()


@pytest.mark.asyncio
async def test_non_blocking_invocation_gets_no_completion(sim, http):
    hub = await RawHub.open(http, sim)
    await hub.ws.send(json.dumps({"type": 1, "target": "Subscribe", "arguments": [[sub(USER, "UserAlert")]]}) + RS)
    sim_ready = lambda: any(c["subscriptions"] for c in sim.truth()["connections"])  # noqa: E731
    await until(sim_ready, "the subscription")
    sim.user_alert(USER, "Support: 5 callers waiting")
    msg = await hub.message("UserAlert")
    assert msg["data"]["ConditionName"] == "Support: 5 callers waiting"
    assert not [m for m in hub.seen if m.get("type") == 3]
    await hub.close()


# ---------------------------------------------------------------------------------------- events


async def subscribed_hub(http, sim, events_by_entity: dict[str, list[str]], **kw) -> RawHub:
    hub = await RawHub.open(http, sim, **kw)
    items = [sub(entity, e) for entity, events in events_by_entity.items() for e in events]
    result = (await hub.invoke("Subscribe", items))["result"]
    assert all(r["subscribed"] for r in result), result
    return hub


@pytest.mark.asyncio
async def test_every_documented_event_is_delivered_with_its_template(sim, http):
    opts = sim.profile_options()
    queue, calllist, agent = opts["queue_ids"][0], opts["call_list_ids"][0], opts["supervised_user_ids"][0]
    hub = await subscribed_hub(http, sim, {USER: USER_EVENTS, agent: USER_EVENTS, queue: QUEUE_EVENTS,
                                           calllist: ["CallbackChanged"]})
    # queue call answered (digest §2.5 lifecycle), with wrap-up enabled for this test
    sim.world.wrap_up_s = 5
    c1 = sim.call_offered(queue_id=queue, caller_number="+358401234567", caller_name="Aino")
    sim.call_connected(c1)
    sim.monitoring_available(call_id=c1)
    sim.supervision_status(call_id=c1, state=1)
    sim.call_transferred(c1, to="+358101002000", outcome="cancelled")
    sim.call_disconnected(c1, reason="remote")
    sim.wrap_up(USER, c1, "terminated", reason="manual")
    sim.world.wrap_up_s = 0
    # queue call not answered, overflows
    c2 = sim.call_offered(queue_id=queue)
    sim.call_overflowed(c2)
    # direct call, transferred to a colleague who hangs up
    c3 = sim.call_offered(caller_number="+46701234567")
    sim.call_connected(c3)
    sim.call_transferred(c3, to=agent)
    sim.call_disconnected(c3, reason="local")
    # direct call not answered
    c4 = sim.call_offered()
    sim.call_overflowed(c4, reason="DND", target="+358101009000")
    # queue call transferred away
    c5 = sim.call_offered(queue_id=queue)
    sim.call_connected(c5)
    sim.call_transferred(c5, to="+358101002000")
    # outbound
    c6 = sim.call_outbound(USER, "+358401112223")
    sim.call_disconnected(c6)
    sim.availability(USER, "Away")
    sim.user_setting(USER, "Language", "fi-FI")
    sim.user_alert(USER, "Sales: longest wait over 2 minutes")
    sim.queue_status(queue, waiting=4, longest_wait_s=95)
    cb = sim.callback_changed(calllist, contact_number="+358409998877", contact_name="Zoë")
    sim.callback_changed(calllist, callback_id=cb, closed=True)

    def received() -> list[str]:
        return [m["data"].get("EventType") or m["data"].get("eventType") for m in hub.messages()]

    async def all_seen() -> None:
        while not set(DOC_EVENTS) <= set(received()):
            await hub._read(WAIT)
    await asyncio.wait_for(all_seen(), WAIT)
    await hub.drain()
    msgs = hub.messages()
    for m in msgs:
        d, s = m["data"], m["subscription"]
        name = d.get("EventType") or d.get("eventType")
        assert s["eventType"] == name
        ident = d.get("Id") or d.get("id")
        assert ident and (d.get("Timestamp") or d.get("timestamp"))
    supervision = ("UserCallAvailableForMonitoring", "UserSupervisionStatus")
    by_call = lambda cid: [m["data"]["EventType"] for m in msgs  # noqa: E731
                           if m["data"].get("CallId") == cid and m["subscription"]["entityId"] in (USER, queue)
                           and m["data"]["EventType"] not in supervision]
    assert by_call(c1) == ["QueueCallInComing", "QueueCallInArrived", "UserCallInUserAllocated",
                           "UserCallInUserConnected", "UserWrapUpEnabled", "UserCallInTransferStarted",
                           "QueueCallInTransferStarted", "UserCallInTransferCancelled", "QueueCallInTransferCancelled",
                           "UserCallInDisconnected", "QueueCallInDisconnected", "UserWrapUpStarted",
                           "UserWrapUpTerminated"]
    assert by_call(c2) == ["QueueCallInComing", "QueueCallInArrived", "UserCallInUserAllocated",
                           "UserCallInUserCancelled", "QueueCallInOverflow"]
    assert by_call(c4) == ["UserCallInComing", "UserCallInArrived", "UserCallInUserAllocated",
                           "UserCallInUserCancelled", "UserCallInUserOverflow", "UserCallInOverflow"]
    assert by_call(c6) == ["UserCallOutConnected", "UserCallOutDisconnected"]
    offered = next(m["data"] for m in msgs if m["data"].get("EventType") == "UserCallInUserAllocated"
                   and m["data"]["CallId"] == c1)
    assert offered["CallerNumber"] == "+358401234567" and offered["UserId"] == USER
    assert "Aino" not in json.dumps(offered)  # no caller-name field exists in RTE call events
    # the transfer to a colleague reaches the colleague's entity
    colleague = [m["data"]["EventType"] for m in msgs if m["subscription"]["entityId"] == agent
                 and m["data"].get("CallId") == c3]
    assert colleague == ["UserCallInUserAllocated", "UserCallInUserConnected", "UserCallInDisconnected"]
    # Username vs UserName drift kept as documented (digest §6.3 #3)
    incoming = next(m["data"] for m in msgs if m["data"].get("EventType") == "UserCallInComing")
    assert "Username" in incoming and "UserName" not in incoming
    queue_status = [m["data"] for m in msgs if m["data"].get("EventType") == "QueueStatus"][-1]
    assert (queue_status["NbrOfQueuingRequesters"], queue_status["MaxWaitTime"]) == (4, 95)
    callbacks = [m["data"] for m in msgs if m["data"].get("EventType") == "CallbackChanged"]
    assert [(c["Created"], c["IsClosed"], c["MessageTTLSeconds"]) for c in callbacks] == [(True, False, 120),
                                                                                          (False, True, 120)]
    assert len({(m["data"].get("Id") or m["data"].get("id")) for m in msgs}) == len(msgs)
    await hub.close()


@pytest.mark.asyncio
@pytest.mark.parametrize("case", ["pascal", "camel"])
async def test_payload_case_options(http, case):
    s = EnreachSimulator(users={USER: SECRET}, payload_case=case)
    await s.start()
    try:
        hub = await subscribed_hub(http, s, {USER: ["UserStatus", "UserAvailability"]})
        s.availability(USER, "OffWork")
        status = (await hub.message("UserStatus"))["data"]
        avail = (await hub.message("UserAvailability"))["data"]
        if case == "pascal":  # R:1048-1073
            assert "TalkingStatusChanged" in status and "WrapUpStart" in status and status["Schedule"] is False
            assert "Availability" in avail
        else:
            assert "talkingStatusChanged" in status and status["schedule"] is False
            assert avail["availability"] == "OffWork" and avail["messageTTLSeconds"] == -1
        await hub.close()
    finally:
        await s.stop()


# ---------------------------------------------------------------------------------------- signalrcore


@pytest_asyncio.fixture
async def fast_ping_sim():
    # signalrcore's stop() closes its socket without shutdown(): its receive thread stays
    # blocked until the server sends something, so stop() lasts up to one ping interval.
    s = EnreachSimulator(scenario="idle", users={USER: SECRET}, ping_interval_s=0.3)
    await s.start()
    yield s
    await s.stop()


@pytest.mark.asyncio
async def test_signalrcore_connects_subscribes_and_receives(fast_ping_sim, http):
    from signalrcore.hub_connection_builder import HubConnectionBuilder

    sim = fast_ping_sim

    r = await http.get(f"{sim.base_url}/token/{USER}/rte/", headers=basic(USER, SECRET))
    body = r.json()
    conn = HubConnectionBuilder().with_url(body["WssEndpoint"],
                                           options={"access_token_factory": lambda: body["Token"]}).build()
    opened, completed, got = threading.Event(), threading.Event(), threading.Event()
    box: dict[str, Any] = {}
    conn.on_open(opened.set)
    conn.on("MessageReceived", lambda args: (box.setdefault("message", args), got.set()))
    before = {t.ident for t in threading.enumerate()}
    await asyncio.to_thread(conn.start)
    try:
        assert await asyncio.to_thread(opened.wait, WAIT), "signalrcore did not open"
        await asyncio.to_thread(conn.invoke, "Subscribe", [[sub(USER, "UserAvailability")]],
                                lambda m: (box.setdefault("result", m.result), completed.set()))
        assert await asyncio.to_thread(completed.wait, WAIT), "no completion"
        assert box["result"] == [{"subscribed": True, "message": None, "entityId": USER,
                                  "eventName": "useravailability"}]
        sim.availability(USER, "BRB")
        assert await asyncio.to_thread(got.wait, WAIT), "no MessageReceived"
        (message,) = box["message"]
        assert message["data"]["Availability"] == "BRB"
        (c,) = sim.truth()["connections"]
        assert c["negotiateVersion"] == 0 and c["protocolVersion"] in (0, 1)
    finally:
        t0 = time.monotonic()
        await asyncio.to_thread(conn.stop)
        assert time.monotonic() - t0 < 3
    await until(lambda: not sim.truth()["connections"], "the connection to end")
    left = lambda: [t.name for t in threading.enumerate()  # noqa: E731
                    if t.ident not in before and not t.name.startswith("asyncio_")]
    await until(lambda: not left(), f"signalrcore threads to end: {left()}")


# ---------------------------------------------------------------------------------------- faults


@pytest.mark.asyncio
async def test_drop_connections_loses_subscriptions(sim, http):
    hub = await subscribed_hub(http, sim, {USER: ["UserAvailability"]})
    assert sim.truth()["connections"][0]["subscriptions"]
    assert sim.faults.drop_connections() == 1
    assert sim.truth()["connections"] == []  # gone at once (R:275)
    with pytest.raises(websockets.exceptions.ConnectionClosed) as err:
        await asyncio.wait_for(hub.ws.recv(), WAIT)
    assert err.value.rcvd is None  # abrupt: no close frame
    sim.availability(USER, "Busy")  # nobody subscribed any more
    again = await RawHub.open(http, sim)
    assert (await again.invoke("ActiveSubscriptions"))["result"] == []
    assert [c["why"] for c in sim.truth()["closedConnections"]] == ["dropped (fault)"]
    await again.close()


@pytest.mark.asyncio
@pytest.mark.parametrize("allow", [True, False])
async def test_close_message_with_and_without_allow_reconnect(sim, http, allow):
    hub = await subscribed_hub(http, sim, {USER: ["UserStatus"]})
    assert sim.faults.close(allow_reconnect=allow) == 1
    close = await hub.next(lambda m: m.get("type") == 7, "Close")
    expected: dict[str, Any] = {"type": 7, "error": "Server closed the connection."}
    if allow:
        expected["allowReconnect"] = True
    assert close == expected
    await asyncio.wait_for(hub.ws.wait_closed(), WAIT)
    await until(lambda: not sim.truth()["connections"], "the connection to be forgotten")


@pytest.mark.asyncio
async def test_partial_subscribe_failure(sim, http):
    queue = sim.profile_options()["queue_ids"][0]
    sim.faults.partial_subscribe_failure(ids=[queue])
    hub = await RawHub.open(http, sim)
    res = (await hub.invoke("Subscribe", [sub(USER, "UserStatus"), sub(queue, "QueueStatus")]))["result"]
    assert res == [{"subscribed": True, "message": None, "entityId": USER, "eventName": "userstatus"},
                   {"subscribed": False, "message": "Unauthorized", "entityId": queue, "eventName": "queuestatus"}]
    sim.faults.reset()
    res = (await hub.invoke("Subscribe", [sub(queue, "QueueStatus")]))["result"]
    assert res[0]["subscribed"] is True
    await hub.close()


@pytest.mark.asyncio
async def test_invocation_error(sim, http):
    hub = await RawHub.open(http, sim)
    sim.faults.invocation_error("Subscribe", "Internal server error")
    assert await hub.invoke("Subscribe", [sub(USER, "UserStatus")]) == \
        {"type": 3, "invocationId": "1", "error": "Internal server error"}
    assert (await hub.invoke("Subscribe", [sub(USER, "UserStatus")]))["result"][0]["subscribed"] is True
    await hub.close()


@pytest.mark.asyncio
async def test_pings_and_stop_pings(http):
    s = EnreachSimulator(users={USER: SECRET}, ping_interval_s=0.2)
    await s.start()
    try:
        hub = await RawHub.open(http, s)
        await hub.next(lambda m: m == {"type": 6}, "a ping", timeout=2)
        s.faults.stop_pings()
        await hub.drain(0.1)
        hub.pending.clear()
        with pytest.raises(AssertionError):
            await hub.next(lambda m: m.get("type") == 6, "no ping", timeout=0.8)
        s.faults.stop_pings(on=False)
        await hub.next(lambda m: m == {"type": 6}, "pings again", timeout=2)
        await hub.close()
    finally:
        await s.stop()


@pytest.mark.asyncio
async def test_client_timeout_closes_a_silent_client(http):
    s = EnreachSimulator(users={USER: SECRET}, ping_interval_s=0.1, client_timeout_s=0.5)
    await s.start()
    try:
        hub = await RawHub.open(http, s)
        close = await hub.next(lambda m: m.get("type") == 7, "Close on client timeout", timeout=3)
        assert close["allowReconnect"] is True and "timeout" in close["error"]
    finally:
        await s.stop()


@pytest.mark.asyncio
async def test_duplicate_and_late_messages(sim, http):
    hub = await subscribed_hub(http, sim, {USER: ["UserAvailability", "UserStatus"]})
    sim.faults.duplicate_next(1)
    sim.availability(USER, "Busy")  # Available stays true: no UserStatus
    a = await hub.message("UserAvailability")
    b = await hub.message("UserAvailability")
    assert a == b  # same Id, same everything
    await hub.drain()
    hub.pending.clear()
    sim.faults.late_next(1)
    sim.availability(USER, "DoNotDisturb")  # UserAvailability (late, TTL -1) then UserStatus (on time)
    late = (await hub.message("UserAvailability"))["data"]
    on_time = (await hub.message("UserStatus"))["data"]
    age = (datetime.now(timezone.utc) - datetime.fromisoformat(late["Timestamp"][:26] + "+00:00")).total_seconds()
    assert age > 3000  # TTL -1: an hour old
    fresh = (datetime.now(timezone.utc) - datetime.fromisoformat(on_time["timestamp"][:26] + "+00:00")).total_seconds()
    assert fresh < 10
    await hub.drain()
    hub.pending.clear()
    sim.faults.late_next(1)
    sim.user_status(USER, serving=False)  # UserStatus only
    status = (await hub.message("UserStatus"))["data"]  # TTL 60 -> 90 s old
    age = (datetime.now(timezone.utc) - datetime.fromisoformat(status["timestamp"][:26] + "+00:00")).total_seconds()
    assert 60 < age < 200 and status["messageTTLSeconds"] == 60
    await hub.close()


@pytest.mark.asyncio
async def test_bad_token_rejects_new_connections_only(sim, http):
    hub = await subscribed_hub(http, sim, {USER: ["UserAvailability"]})
    token = await get_token(http, sim)
    sim.faults.bad_token()
    r = await http.post(f"{sim.base_url}/rte/negotiate?negotiateVersion=1", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401 and "The signature is invalid" in r.headers["WWW-Authenticate"]
    with pytest.raises(websockets.exceptions.InvalidStatus) as err:
        await websockets.connect(f"ws://127.0.0.1:{sim.port}/rte?access_token={token}", ping_interval=None)
    assert err.value.response.status_code == 401
    sim.availability(USER, "Away")  # the live connection goes on (R:20)
    assert (await hub.message("UserAvailability"))["data"]["Availability"] == "Away"
    sim.faults.reset()
    again = await RawHub.open(http, sim, token)
    await again.close()
    await hub.close()


@pytest.mark.asyncio
async def test_expire_tokens_needs_a_fresh_token(sim, http):
    old = await get_token(http, sim)
    hub = await subscribed_hub(http, sim, {USER: ["UserAvailability"]}, token=old)
    sim.faults.expire_tokens()
    r = await http.post(f"{sim.base_url}/rte/negotiate?negotiateVersion=1", headers={"Authorization": f"Bearer {old}"})
    assert r.status_code == 401 and "The token expired at" in r.headers["WWW-Authenticate"]
    sim.availability(USER, "Busy")
    assert (await hub.message("UserAvailability"))["data"]["Availability"] == "Busy"  # R:20
    fresh = await RawHub.open(http, sim)  # a new token works
    await fresh.close()
    await hub.close()


# ---------------------------------------------------------------------------------------- scenarios etc.


@pytest.mark.asyncio
async def test_demo_scenario_lives(http):
    s = EnreachSimulator(scenario="demo", time_scale=0.05)
    await s.start()
    try:
        opts, login = s.profile_options(), s.credentials()
        assert opts["user_id"] == login["user"] == USER and len(opts["supervised_user_ids"]) == 50
        token = await get_token(http, s, login["user"], login["secret"])
        hub = await RawHub.open(http, s, token)
        items = [sub(USER, e) for e in ("UserAvailability", "UserStatus", "UserCallInUserAllocated",
                                        "UserCallInUserConnected", "UserWrapUpStarted",
                                        "UserCallAvailableForMonitoring")]
        items += [sub(q, "QueueStatus") for q in opts["queue_ids"]]
        items += [sub(u, "UserAvailability") for u in opts["supervised_user_ids"]]
        assert all(r["subscribed"] for r in (await hub.invoke("Subscribe", items))["result"])
        # snapshot_on_subscribe: current states right after the completion
        first = await hub.message("UserAvailability")
        assert first["data"]["EventSource"] == "Snapshot"
        await hub.message("UserCallInUserAllocated", timeout=5)
        await hub.message("UserCallInUserConnected", timeout=5)
        await hub.message("UserWrapUpStarted", timeout=5)
        monitoring = (await hub.message("UserCallAvailableForMonitoring", timeout=5))["data"]
        assert monitoring["SupervisorUserId"] == USER and monitoring["TargetUserId"] in opts["supervised_user_ids"]
        others = {m["subscription"]["entityId"] for m in hub.messages() if m["subscription"]["entityId"] != USER}
        assert len(others) > 3  # colleagues change availability, queues move
        assert s.truth()["scenarioErrors"] == []
        await hub.close()
    finally:
        await s.stop()


@pytest.mark.asyncio
async def test_floor_scenario_rate(http):
    s = EnreachSimulator(scenario="floor", users={USER: SECRET}, agents=300, event_rate=600)
    await s.start()
    try:
        floor = s.profile_options()["supervised_user_ids"]
        assert len(floor) == 300
        hub = await subscribed_hub(http, s, {u: ["UserAvailability", "UserStatus"] for u in floor})
        await hub.drain(0.05)
        start = len(hub.messages())
        t0 = time.monotonic()
        while time.monotonic() - t0 < 1.0:
            try:
                await hub._read(0.5)
            except asyncio.TimeoutError:
                break
        got = len(hub.messages()) - start
        assert got > 200, got  # 600 changes/s, each 1-2 events
        await hub.close()
    finally:
        await s.stop()


def test_floor_scenario_defaults_and_the_supervisor_profile():
    s = EnreachSimulator(scenario="floor", users={USER: SECRET})
    assert len(s.world.floor_ids) == 500  # hundreds of agents by default
    queues = list(s.world.queues)
    assert len(queues) == 4
    served = [s.world.users[u].queues for u in s.world.floor_ids]
    assert all(len(q) == 2 and set(q) <= set(queues) for q in served)  # agent_queues: 2
    assert {q for pair in served for q in pair} == set(queues)
    opts = s.profile_options(supervisor=True)
    assert set(opts) == {"api_url", "user_id", "queue_ids", "call_list_ids", "supervised_user_ids"}
    assert opts["user_id"] == USER and opts["queue_ids"] == queues and opts["call_list_ids"] == []
    assert opts["supervised_user_ids"] == s.world.floor_ids
    assert s.profile_options() == {**opts, "call_list_ids": list(s.world.call_lists)}  # unchanged without supervisor
    small = EnreachSimulator(scenario="floor", users={USER: SECRET}, agents=7, event_rate=3)
    assert len(small.profile_options(supervisor=True)["supervised_user_ids"]) == 7
    assert small.scenario.event_rate == 3
    # QueueStatus agent counters follow who serves the queue (each agent serves 2 of the 4)
    counters = small.world.queues[queues[0]].counters
    assert counters["NbrOfProviders"] == sum(1 for u in small.world.users.values()
                                             if u.queues is None or queues[0] in u.queues)
    assert counters["NbrOfProviders"] < len(small.world.users)


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_floor_scenario_plays_queues_calls_monitoring_offers_and_alerts(http):
    s = EnreachSimulator(scenario="floor", users={USER: SECRET}, agents=20, time_scale=0.05)
    await s.start()
    try:
        opts = s.profile_options(supervisor=True)
        floor = opts["supervised_user_ids"]
        wanted = {USER: ["UserCallAvailableForMonitoring", "UserAlert"]}
        wanted.update({u: ["UserAvailability", "UserStatus", "UserCallInUserConnected"] for u in floor})
        wanted.update({q: ["QueueStatus"] for q in opts["queue_ids"]})
        hub = await subscribed_hub(http, s, wanted)
        offer = await hub.message("UserCallAvailableForMonitoring", timeout=10)
        data = offer["data"]
        assert data["SupervisorUserId"] == USER and data["TargetUserId"] in floor
        assert data["SupervisionCallInNumber"] and data["CallType"] == "servicecall"
        assert s.truth()["calls"][data["CallId"]]["user"] == data["TargetUserId"]
        alert = await hub.message("UserAlert", timeout=10)
        # about the queue with the most callers waiting, with its real figure over the threshold
        assert alert["data"]["ConditionName"].endswith(": callers waiting")
        assert alert["data"]["ConditionExpression"] == ">" and int(alert["data"]["Value"]) > 3
        waiting: dict[str, set[int]] = {}
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not any(len(v) >= 3 for v in waiting.values()):
            m = await hub.message("QueueStatus", timeout=10)
            waiting.setdefault(m["data"]["QueueId"], set()).add(m["data"]["NbrOfQueuingRequesters"])
        assert any(len(v) >= 3 for v in waiting.values()), waiting  # waiting counts move
        connected = [m for m in hub.messages() if m["subscription"]["eventType"] == "UserCallInUserConnected"]
        assert connected and all(m["data"]["UserId"] in floor for m in connected)
        statuses = [m["data"] for m in hub.messages() if m["subscription"]["eventType"] == "UserStatus"]
        active = {(d["userId"], d["activeQueueId"]) for d in statuses if d.get("activeQueueId")}
        assert active and all(q in s.world.users[u].queues for u, q in active)  # calls via the agent's own queues
        assert s.truth()["scenarioErrors"] == []
        await hub.close()
    finally:
        await s.stop()


@pytest.mark.asyncio
async def test_scenario_file_with_timeline(tmp_path, http):
    spec = {"agents": 2, "queues": [{"name": "Q", "number": "+358100"}], "call_lists": [],
            "timelines": [{"steps": [
                {"after": 0.1, "do": "call_offered", "args": {"caller_number": "+3581"}, "as": "c"},
                {"after": 0.1, "do": "call_connected", "ref": "c"},
                {"after": 0.1, "do": "call_disconnected", "ref": "c", "args": {"reason": "local"}}]}]}
    path = tmp_path / "s.json"
    path.write_text(json.dumps(spec))
    s = EnreachSimulator(scenario=str(path), users={USER: SECRET}, time_scale=1.0)
    hub_ready = asyncio.Event()
    await s.start()
    try:
        hub = await subscribed_hub(http, s, {USER: ["UserCallInComing", "UserCallInUserConnected",
                                                    "UserCallInDisconnected"]})
        hub_ready.set()
        disc = await hub.message("UserCallInDisconnected", timeout=5)
        assert disc["data"]["Reason"] == "local"
        await hub.close()
    finally:
        await s.stop()


@pytest.mark.asyncio
async def test_runner_default_login_gets_a_stable_guid(http):
    s = runner.create("enreach", scenario="idle")  # users={"agent1": "demo-password"}
    await s.start()
    try:
        login = s.credentials()
        assert login["secret"] == runner.DEMO_PASSWORD and len(login["user"]) == 36
        assert s.profile_options()["user_id"] == login["user"]
        assert (await http.get(f"{s.base_url}/token/{login['user']}/rte/",
                               headers=basic(login["user"], login["secret"]))).status_code == 200
        alias = await http.get(f"{s.base_url}/token/me/rte/", headers=basic("agent1", runner.DEMO_PASSWORD))
        assert alias.status_code == 200 and jwt_claims(alias.json()["Token"])["sub"] == login["user"]
    finally:
        await s.stop()


@pytest.mark.asyncio
async def test_control_surface(sim, http):
    hub = await subscribed_hub(http, sim, {USER: ["UserCallInUserAllocated"]})
    r = await http.post(f"{sim.base_url}/sim/do", json={"action": "call_offered", "args": {"caller_number": "+3585"}})
    call_id = r.json()["result"]
    assert (await hub.message("UserCallInUserAllocated"))["data"]["CallId"] == call_id
    r = await http.post(f"{sim.base_url}/sim/faults", json={"name": "drop_connections"})
    assert r.json() == {"ok": True, "result": 1}
    truth = (await http.get(f"{sim.base_url}/sim/truth")).json()
    assert truth["calls"][call_id]["state"] == "offered" and truth["connections"] == []
    assert (await http.post(f"{sim.base_url}/sim/do", json={"action": "nope"})).status_code == 400


@pytest.mark.asyncio
async def test_stop_closes_live_connections(http):
    s = EnreachSimulator(users={USER: SECRET})
    await s.start()
    hub = await subscribed_hub(http, s, {USER: ["UserStatus"]})
    t0 = time.monotonic()
    await s.stop()
    assert time.monotonic() - t0 < 3
    assert await hub.next(lambda m: m.get("type") == 7, "Close on shutdown") == {"type": 7}


def test_simulator_imports_nothing_of_the_client_side():
    code = ("import sys, desktop.sim.enreach; "
            "bad = sorted(m for m in sys.modules if m.startswith(('desktop.core', 'desktop.vendors', "
            "'desktop.transports')) or m.split('.')[0] in ('PySide6', 'qasync')); print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_module_cli_serves_and_stops_on_sigterm():
    proc = subprocess.Popen([sys.executable, "-m", "desktop.sim.enreach", "--port", "0"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        line = proc.stdout.readline()
        assert "Enreach RTE simulator listening on http://127.0.0.1:" in line, line + proc.stderr.read()
        base = line.split("listening on ")[1].split(" ")[0]
        req = urllib.request.Request(f"{base}/token/me/rte/", headers=basic(USER, "demo-secret"))
        with urllib.request.urlopen(req, timeout=5) as resp:
            assert json.load(resp)["WssEndpoint"].startswith("ws://127.0.0.1:")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=5)
        proc.stdout.close()
        proc.stderr.close()
