"""The Alvaria streaming simulator against a raw HTTP client (httpx), over real loopback sockets.

``A:n`` = line n of vendor-docs/alvaria-cloud-streaming-rest-v2-v3.md. Expected values are
written by hand from the document (or from the simulator README where the document is silent),
never captured from the simulator's own output.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import pytest_asyncio

from desktop.sim.alvaria import AlvariaSimulator
from desktop.sim.alvaria.templates import FAIL_REASONS, TEMPLATES

ROOT = Path(__file__).resolve().parents[2]
CLIENT, SECRET, KEY, ORG = "desk-client", "s3cret", "test-api-key", "acme"
AGENT = "99b788f3000d99"  # the document's sample userId (A:1472), the idle scenario's agent
WAIT = 5.0

# Digest §3.6 / A:51-192: every event type of the document.
EC_NAMES = """AcceptCallTimeout ActivateInteraction Active AdvanceFeature AgentStatistics AudioPathConnection
CallReRouted ClientSessionKeepAlive Conference ConnectConfirm Connected Connecting Consult ConsultInitiated
Dialing DialInitiated Disconnected DisconnectPending DispositionInitiated EmailRemoved Error Held Idle
InteractionClear InteractionTransferred InteractionReleasedXferred MessageStatus MonitorState
MultiTaskingStatus NewTeam NewVoiceMail NewWorkType NotReady NotReadyPending Park PhoneFoul PhoneOffhook
PhoneReconnect PreviewScreenPop ReassignEmailAck RecordingState RemoveTeam RemoveWorkType ScreenPop
SystemAvailable SystemStandby SystemUnavailable TelephonyAvailable TelephonyUnavailable
UpdateAgentStatusReason UpdateDisposition UpdateDispositionPlan UpdateTeam UpdateWorkType VoiceLock
VoiceUnlock Wrap WrapTimeout""".split()
ALL_TYPES = ({f"engagementCenter.{n}" for n in EC_NAMES}
             | {f"messaging.{n}" for n in "EntityAdded EntityDialRequest EntityList EntityPushURL EntityRemoved "
                                          "EntitySendText".split()}
             | {"outreach.disposition", "outreach.status", "outreach.automationScriptStatus"})
# The agent flow of the brief, written by hand from the event descriptions (A:62-166).
FLOW = ["Connecting", "ConnectConfirm", "Connected", "NewWorkType", "NotReady", "Idle", "ScreenPop", "Active",
        "Held", "Active", "Wrap", "DispositionInitiated", "Idle"]
EVERYTHING = {"description": "all", "filterCriteria": {"catalogType": "engagementCenterThirdParty",
                                                       "catalogTypeEvents": ["all"],
                                                       "resources": {"resourceType": "users", "resourceIds": []}}}


def sub_body(events=("all",), ids=(), rtype="users", catalog="engagementCenterThirdParty") -> dict:
    return {"description": "test", "filterCriteria": {"catalogType": catalog, "catalogTypeEvents": list(events),
                                                      "resources": {"resourceType": rtype, "resourceIds": list(ids)}}}


class Peer:
    """A raw Alvaria streaming client: token, headers, session, subscriptions, polls, acks."""

    def __init__(self, sim: AlvariaSimulator, version: int = 3, client=CLIENT, secret=SECRET, api_key=KEY):
        self.sim = sim
        self.version = version
        self.client, self.secret, self.api_key = client, secret, api_key
        self.http = httpx.AsyncClient(timeout=10.0)
        self.token: str | None = None
        self.session_id: str | None = None

    async def close(self):
        await self.http.aclose()

    def url(self, tail: str, version: int | None = None, org: str = ORG) -> str:
        return f"{self.sim.base_url}/via/v{version or self.version}/organizations/{org}/streaming/{tail}"

    async def get_token(self) -> str:
        r = await self.http.post(self.sim.token_url, data={"grant_type": "client_credentials", "scope": "streamingapi"},
                                 auth=(self.client, self.secret))
        assert r.status_code == 200, r.text
        self.token = r.json()["access_token"]
        return self.token

    def headers(self, session: bool = True) -> dict:
        h = {"Authorization": f"Bearer {self.token}", "x-api-key": self.api_key, "Accept": "application/json"}
        if session and self.session_id:
            h["via-client-sessionid"] = self.session_id
        return h

    async def create_session(self, body=None, expect=200) -> dict:
        if body is None:
            body = {"inactivityDelay": 120, "requireAcknowledgement": True} if self.version == 3 else \
                [{"propertyName": "inactivityDelay", "propertyValue": "120"}]
        r = await self.http.post(self.url("session"), json=body, headers=self.headers(session=False))
        assert r.status_code == expect, r.text
        if expect == 200:
            self.session_id = r.json()["sessionId"]
        return r.json()

    async def subscribe(self, body=None) -> dict:
        r = await self.http.post(self.url("subscriptions", 2), json=body or EVERYTHING, headers=self.headers())
        assert r.status_code == 200, r.text
        return r.json()

    async def start(self, **kw) -> "Peer":
        await self.get_token()
        await self.create_session(**kw)
        await self.subscribe()
        return self

    async def poll(self, max_events: int | None = 50, version: int | None = None) -> httpx.Response:
        params = {"maxEvents": max_events} if max_events is not None else None
        return await self.http.get(self.url("events", version), params=params, headers=self.headers())

    async def events(self, max_events: int | None = 50) -> list[dict]:
        r = await self.poll(max_events)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["kind"] == "via#streamingEventCollection" and body["totalItems"] == len(body["events"])
        return body["events"]

    async def ack(self, ids: list[str]) -> dict:
        r = await self.http.post(self.url("acknowledge", 3), json={"events": [{"eventId": i} for i in ids]},
                                 headers=self.headers())
        assert r.status_code == 200, r.text
        return r.json()

    async def drain(self, want: int, ack: bool = True, timeout: float = WAIT) -> list[dict]:
        """Poll (and acknowledge) until ``want`` events arrived (bounded)."""
        out: list[dict] = []
        deadline = time.monotonic() + timeout
        while len(out) < want:
            assert time.monotonic() < deadline, f"only {len(out)} of {want} events: {[e.get('eventType') for e in out]}"
            batch = await self.events(200)
            out.extend(batch)
            if ack and batch and self.version == 3:
                await self.ack([e["eventId"] for e in batch])
        return out


def inner(e: dict) -> dict:
    """The second decode: ``payload`` is a JSON string (A:1259, A:1301)."""
    assert isinstance(e["payload"], str)
    return json.loads(e["payload"])


def names(evs: list[dict]) -> list[str]:
    return [(e.get("eventType") or e.get("type")).split(".", 1)[1] for e in evs]


@pytest_asyncio.fixture
async def sim():
    s = AlvariaSimulator(scenario="idle", users={CLIENT: SECRET}, api_key=KEY, org_id=ORG, long_poll_wait_s=0.3,
                         time_scale=1.0)
    await s.start()
    try:
        yield s
    finally:
        await s.stop()


@pytest_asyncio.fixture
async def peer(sim):
    p = Peer(sim)
    try:
        yield p
    finally:
        await p.close()


# ---------------------------------------------------------------------------------- token
@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_token_good_basic_and_body_credentials(sim, peer):
    assert sim.token_url == f"{sim.base_url}/tokenservice/oauth2/access_token"  # A:198
    r = await peer.http.post(sim.token_url, data={"grant_type": "client_credentials", "scope": "streamingapi"},
                             auth=(CLIENT, SECRET))
    assert r.status_code == 200
    body = r.json()
    assert body["token_type"] == "Bearer" and body["scope"] == "streamingapi" and body["expires_in"] == 3600
    assert r.headers["Cache-Control"] == "no-store"
    r = await peer.http.post(sim.token_url, data={"grant_type": "client_credentials", "scope": "streamingapi",
                                                 "client_id": CLIENT, "client_secret": SECRET})
    assert r.status_code == 200 and r.json()["access_token"] != body["access_token"]
    peer.token = r.json()["access_token"]
    r = await peer.http.post(peer.url("session"), json={}, headers=peer.headers(session=False))
    assert r.status_code == 200


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_token_bad_requests(sim, peer):
    ok = {"grant_type": "client_credentials", "scope": "streamingapi"}
    r = await peer.http.post(sim.token_url, data=ok, auth=(CLIENT, "wrong"))
    assert r.status_code == 401 and r.json()["error"] == "invalid_client"
    assert r.headers["WWW-Authenticate"].startswith("Basic")
    r = await peer.http.post(sim.token_url, data={**ok, "client_id": "nobody", "client_secret": "x"})
    assert r.status_code == 401 and r.json()["error"] == "invalid_client"
    r = await peer.http.post(sim.token_url, data={**ok, "grant_type": "password"}, auth=(CLIENT, SECRET))
    assert r.status_code == 400 and r.json()["error"] == "unsupported_grant_type"
    r = await peer.http.post(sim.token_url, data={**ok, "scope": "adminapi"}, auth=(CLIENT, SECRET))
    assert r.status_code == 400 and r.json()["error"] == "invalid_scope"
    r = await peer.http.post(sim.token_url, json=ok, auth=(CLIENT, SECRET))  # not form-encoded
    assert r.status_code == 400 and r.json()["error"] == "invalid_request"
    r = await peer.http.get(sim.token_url)
    assert r.status_code == 405


# ---------------------------------------------------------------------------------- auth errors
@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_bearer_api_key_org_and_session_header_errors(sim, peer):
    await peer.get_token()
    url = peer.url("session")
    r = await peer.http.post(url, json={}, headers={"x-api-key": KEY})  # no token
    assert r.status_code == 401
    r = await peer.http.post(url, json={}, headers={"Authorization": "Bearer nope", "x-api-key": KEY})
    assert r.status_code == 401 and "Bearer" in r.headers["WWW-Authenticate"]
    r = await peer.http.post(url, json={}, headers={"Authorization": f"Bearer {peer.token}", "x-api-key": "wrong"})
    assert r.status_code == 403 and r.json() == {"message": "Forbidden"}
    r = await peer.http.post(url, json={}, headers={"Authorization": f"Bearer {peer.token}"})  # no key (A:246)
    assert r.status_code == 403
    r = await peer.http.post(peer.url("session", org="globex"), json={}, headers=peer.headers(session=False))
    assert r.status_code == 404
    body = r.json()
    assert body["code"] == 404 and "globex" in body["message"] and body["errors"][0]["message"]  # A:1138-1167
    await peer.create_session()
    h = peer.headers(session=False)  # via-client-sessionid missing (A:302)
    r = await peer.http.get(peer.url("events"), headers=h)
    assert r.status_code == 400 and "via-client-sessionid" in r.json()["message"]
    r = await peer.http.get(peer.url("events"), headers={**h, "via-client-sessionid": "not-a-session"})
    assert r.status_code == 400 and r.json()["message"] == "Invalid or expired session"  # A:20
    r = await peer.http.put(peer.url("events"), headers=peer.headers())
    assert r.status_code == 405 and r.json()["code"] == 405
    r = await peer.http.get(peer.url("nowhere"), headers=peer.headers())
    assert r.status_code == 404


# ---------------------------------------------------------------------------------- v3
@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_v3_session_validation(sim, peer):
    await peer.get_token()
    body = await peer.create_session({})
    assert body["inactivityDelay"] == 60 and body["requireAcknowledgement"] is False  # defaults (A:1183-1184)
    assert body["creationTime"].endswith("Z") and body["sessionId"]
    for bad in ({"inactivityDelay": 59}, {"inactivityDelay": 601}, {"inactivityDelay": "120"},
                {"requireAcknowledgement": "yes"}, [1]):
        r = await peer.http.post(peer.url("session"), json=bad, headers=peer.headers(session=False))
        assert r.status_code == 400, bad
        assert r.json()["code"] == 400
    body = await peer.create_session({"inactivityDelay": 600, "requireAcknowledgement": True})
    assert body["inactivityDelay"] == 600 and body["requireAcknowledgement"] is True
    for bad in (0, 201, "x"):
        r = await peer.poll(bad)
        assert r.status_code == 400, bad


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_v3_flow_poll_ack_and_redelivery(sim, peer):
    await peer.start()
    iid = sim.play_agent_flow(AGENT)
    first = await peer.events(3)
    assert names(first) == FLOW[:3]
    e = first[0]
    assert list(e) == ["kind", "eventId", "correlationId", "eventType", "publishedTime", "schemaVersion", "payload"]
    assert e["kind"] == "via#engagementCenterEvent" and e["schemaVersion"] == "1"  # as the samples (A:572-578)
    assert e["eventId"].split("-")[0].isdigit()
    assert inner(e)["userId"] == AGENT
    # no acknowledgement: the same events come again (A:19)
    again = await peer.events(3)
    assert [x["eventId"] for x in again] == [x["eventId"] for x in first]
    ack = await peer.ack([first[0]["eventId"], first[1]["eventId"], "1519073282456-0"])
    assert ack == {"eventIdsAcknowledged": [first[0]["eventId"], first[1]["eventId"]],
                   "eventIdsNotFound": ["1519073282456-0"]}
    nxt = await peer.events(2)
    assert [x["eventId"] for x in nxt][0] == first[2]["eventId"] and names(nxt) == FLOW[2:4]
    assert (await peer.ack([first[0]["eventId"]]))["eventIdsNotFound"] == [first[0]["eventId"]]  # already acked
    await peer.ack([x["eventId"] for x in nxt])
    rest = await peer.drain(len(FLOW) - 4)
    assert names(rest) == FLOW[4:]
    by_name = {}
    for x in first[:2] + nxt + rest:
        by_name.setdefault(names([x])[0], []).append(inner(x))
    pop = by_name["ScreenPop"][0]["payload"]
    assert str(pop["interactionIdRev"]) == iid and pop["mediaType"] == "InboundACD"
    assert pop["interactionInfo"]["interactionData"] == [{"key": "AccountNumber", "value": "12345", "isMasked": False}]
    assert pop["interactionInfo"]["otherData"]["interactionCategory"] == 1  # INBOUND (A:2655)
    assert [p["payload"]["statusReason"] for p in by_name["Active"]] == [2, 2]  # AgActive (A:1537)
    assert [p["payload"]["category"] for p in by_name["Active"]] == [1, 1]  # INBOUND_ACD (A:1536)
    assert [str(p["payload"]["interactionIdRev"]) for p in by_name["Idle"]] == ["0", iid]  # A:2246
    assert by_name["DispositionInitiated"][0]["payload"]["interactionId"] == iid
    t = sim.truth()
    [s] = t["sessions"]
    # first[2] went out three times: in the first batch, again unacknowledged, and with nxt
    assert s["queued"] == 0 and s["redelivered"] == 4 and s["acknowledged"] == len(FLOW)
    assert t["events_delivered"][peer.session_id] == len(FLOW) + 4


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_long_poll_waits_then_returns_empty_or_on_event(sim, peer):
    await peer.start()
    t0 = time.monotonic()
    assert await peer.events(5) == []
    assert 0.25 <= time.monotonic() - t0 < 2.0  # long_poll_wait_s=0.3 (A:559: up to 15 s)
    sim.long_poll_wait_s = 5.0
    task = asyncio.create_task(peer.events(5))
    await asyncio.sleep(0.2)
    assert not task.done()
    t0 = time.monotonic()
    sim.agent_idle(AGENT)
    got = await asyncio.wait_for(task, WAIT)
    assert names(got) == ["Idle"] and time.monotonic() - t0 < 1.0
    r = await peer.poll(None)  # maxEvents default 1 (A:567)
    assert r.json()["totalItems"] == 1  # the unacknowledged Idle again


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_without_acknowledgement_events_are_delivered_once(sim, peer):
    await peer.start(body={"inactivityDelay": 120, "requireAcknowledgement": False})
    sim.agent_idle(AGENT)
    sim.agent_not_ready(AGENT, reason=7)
    got = await peer.events(5)
    assert names(got) == ["Idle", "NotReady"]
    assert inner(got[1])["payload"]["reasonIdRev"] in ("7", 7)
    assert await peer.events(5) == []
    r = await peer.http.post(peer.url("acknowledge"), json={"events": [{"eventId": got[0]["eventId"]}]},
                             headers=peer.headers())
    assert r.status_code == 400  # A:639: acknowledge only with requireAcknowledgement


# ---------------------------------------------------------------------------------- v2
@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_v2_flow(sim):
    peer = Peer(sim, version=2)
    try:
        await peer.get_token()
        # the document's sample body is the array JSON-encoded once more (A:240): accepted too
        r = await peer.http.post(peer.url("session"), content=json.dumps(
            "[{\"propertyName\":\"inactivityDelay\",\"propertyValue\":\"300\"}]"),
            headers={**peer.headers(session=False), "Content-Type": "application/json"})
        assert r.status_code == 200 and r.json()["inactivityDelay"] == 300 and "requireAcknowledgement" not in r.json()
        body = await peer.create_session()
        assert body["inactivityDelay"] == 120
        r = await peer.http.post(peer.url("session"), json=[{"propertyName": "inactivityDelay",
                                                             "propertyValue": "30"}],
                                 headers=peer.headers(session=False))
        assert r.status_code == 400
        await peer.subscribe()
        iid = sim.chat(AGENT, customer_text=["Hello", "Order 4711"])
        got = await peer.drain(7, ack=False)
        e = got[0]
        assert list(e) == ["kind", "id", "type", "publishedTime", "schemaVersion", "payload"]  # A:1242-1259
        assert names(got)[:2] == ["ScreenPop", "EntityAdded"]
        texts = [inner(x)["payload"]["text"] for x in got if x["type"] == "messaging.EntitySendText"]
        assert texts == ["Hello", "Order 4711"]
        assert all(inner(x)["payload"]["entityType"] == 3 for x in got if x["type"] == "messaging.EntitySendText")
        assert {str(inner(x)["payload"]["interactionIdRev"]) for x in got} == {iid}
        # v2 and v3 cannot be combined (A:29); no v2 acknowledge path exists
        r = await peer.poll(5, version=3)
        assert r.status_code == 400 and "v2" in r.json()["message"]
        r = await peer.http.post(peer.url("acknowledge", 2), json={"events": [{"eventId": "x"}]},
                                 headers=peer.headers())
        assert r.status_code == 404
        r = await peer.http.delete(peer.url("session"), headers=peer.headers())
        assert r.status_code == 204  # A:314
        r = await peer.poll(5)
        assert r.status_code == 400 and r.json()["message"] == "Invalid or expired session"
    finally:
        await peer.close()


# ---------------------------------------------------------------------------------- subscriptions
@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_subscription_crud_and_filtering(sim, peer):
    await peer.get_token()
    await peer.create_session()
    url = peer.url("subscriptions", 2)
    r = await peer.http.post(url, json=sub_body(["ScreenPop", "Idle"], [AGENT]), headers=peer.headers())
    assert r.status_code == 200  # A:790
    sub = r.json()
    assert sub["kind"] == "via#subscription" and sub["subscriptionId"] and sub["description"] == "test"
    assert sub["filterCriteria"]["catalogTypeEvents"] == ["ScreenPop", "Idle"]
    sid = sub["subscriptionId"]
    r = await peer.http.get(url, headers=peer.headers())
    assert r.json()["kind"] == "via#subscriptionsCollection" and [s["subscriptionId"] for s in r.json()["subscriptions"]] == [sid]
    r = await peer.http.get(f"{url}/{sid}", headers=peer.headers())
    assert r.status_code == 200 and r.json()["subscriptionId"] == sid
    # only the subscribed names and users arrive
    sim.agent_idle(AGENT)
    sim.agent_not_ready(AGENT)
    sim.agent_idle("someoneelse0000")
    got = await peer.events(10)
    assert names(got) == ["Idle"] and inner(got[0])["userId"] == AGENT
    await peer.ack([got[0]["eventId"]])
    # PUT updates (200) or creates with the given id (201), A:1016-1136
    r = await peer.http.put(f"{url}/{sid}", json=sub_body(["NotReady"], ["*"]), headers=peer.headers())
    assert r.status_code == 200 and r.json()["creationTime"] == sub["creationTime"]
    r = await peer.http.put(f"{url}/mine0001", json=sub_body(["Held"], rtype="*"), headers=peer.headers())
    assert r.status_code == 201 and r.json()["subscriptionId"] == "mine0001"
    sim.agent_not_ready("someoneelse0000", reason=3)
    sim.agent_idle(AGENT)
    got = await peer.events(10)
    assert names(got) == ["NotReady"] and inner(got[0])["userId"] == "someoneelse0000"
    r = await peer.http.delete(f"{url}/{sid}", headers=peer.headers())
    assert r.status_code == 204
    r = await peer.http.get(f"{url}/{sid}", headers=peer.headers())
    assert r.status_code == 404
    r = await peer.http.delete(f"{url}/{sid}", headers=peer.headers())
    assert r.status_code == 404
    for bad in (sub_body(catalog="outreach"), sub_body(["Idle", "Teleport"]), sub_body([]),
                sub_body(rtype="teams"), {"description": "x"}, sub_body(["user"], catalog="engagementCenterThirdParty")):
        r = await peer.http.post(url, json=bad, headers=peer.headers())
        assert r.status_code == 400, bad
    r = await peer.http.post(url, json=sub_body(["team"], rtype="teams", catalog="changeNotification"),
                             headers=peer.headers())
    assert r.status_code == 200
    # bare-string resourceIds (the schema sample A:1394) and MultiTaskingStatus (A:107) are accepted
    body = sub_body(["MultiTaskingStatus"])
    body["filterCriteria"]["resources"]["resourceIds"] = AGENT
    r = await peer.http.post(url, json=body, headers=peer.headers())
    assert r.status_code == 200 and r.json()["filterCriteria"]["resources"]["resourceIds"] == [AGENT]
    # subscriptions are documented on /via/v2/ only (digest 6.4 #1)
    r = await peer.http.get(peer.url("subscriptions", 3), headers=peer.headers())
    assert r.status_code == 404


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_third_party_catalog_not_enabled():
    s = AlvariaSimulator(users={CLIENT: SECRET}, api_key=KEY, long_poll_wait_s=0.2, third_party_enabled=False)
    await s.start()
    p = Peer(s)
    try:
        await p.get_token()
        await p.create_session()
        r = await p.http.post(p.url("subscriptions", 2), json=EVERYTHING, headers=p.headers())
        assert r.status_code == 403 and "Customer Care" in r.json()["message"]  # A:1383
    finally:
        await p.close()
        await s.stop()


# ---------------------------------------------------------------------------------- expiry
@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_inactivity_expiry_scaled_by_time_scale(sim, peer):
    sim.time_scale = 0.005  # inactivityDelay 60 s -> 0.3 s
    await peer.start(body={"inactivityDelay": 60, "requireAcknowledgement": False})
    sim.long_poll_wait_s = 0.6  # a held poll keeps the session alive even beyond the delay
    assert await peer.events(5) == []
    assert await peer.events(5) == []
    await asyncio.sleep(0.5)
    r = await peer.poll(5)
    assert r.status_code == 400 and r.json()["message"] == "Invalid or expired session"  # A:5, A:20
    [s] = sim.truth()["sessions"]
    assert s["expired"] is True and s["expired_reason"] == "inactivity"
    r = await peer.http.get(peer.url("subscriptions", 2), headers=peer.headers())
    assert r.status_code == 400  # every call naming the session


# ---------------------------------------------------------------------------------- faults
@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_fault_expire_sessions_answers_held_poll_and_keeps_unacked_events(sim, peer):
    await peer.start()
    sim.long_poll_wait_s = 5.0
    sim.agent_idle(AGENT)
    sim.agent_not_ready(AGENT, reason=2)
    got = await peer.events(1)
    assert names(got) == ["Idle"]  # delivered, not acknowledged
    await peer.ack([got[0]["eventId"]])
    held = await peer.events(1)  # NotReady, never acknowledged
    assert sim.faults.expire_sessions() == 1
    r = await peer.poll(5)
    assert r.status_code == 400 and r.json()["message"] == "Invalid or expired session"
    old = peer.session_id
    await peer.create_session()
    await peer.subscribe()
    sim.agent_idle(AGENT)
    # README decision: with requireAcknowledgement, unacknowledged events of an expired session
    # go to the same client's next acknowledgement session (same eventIds).
    got = await peer.events(5)
    assert [e["eventId"] for e in got][0] == held[0]["eventId"]
    assert names(got) == ["NotReady", "Idle"]
    await peer.ack([e["eventId"] for e in got])
    # a poll held when the session expires is answered at once
    task = asyncio.create_task(peer.poll(5))
    await asyncio.sleep(0.1)
    sim.faults.expire_sessions()
    r = await asyncio.wait_for(task, WAIT)
    assert r.status_code == 400 and r.json()["message"] == "Invalid or expired session"
    assert old != peer.session_id


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_events_during_expiry_gap_reach_next_session(sim, peer):
    await peer.start()
    sim.faults.expire_sessions()
    sim.agent_idle(AGENT)  # nobody's session is alive: parked for this client
    sim.agent_not_ready(AGENT)
    await peer.create_session()
    sim.held(AGENT, 77)  # before the subscriptions are recreated: the predecessor's filters apply
    await peer.subscribe()
    got = await peer.drain(3)
    assert names(got) == ["Idle", "NotReady", "Held"]
    other = Peer(sim, version=3)
    try:  # a session without acknowledgement never inherits anything
        await other.start(body={"inactivityDelay": 60, "requireAcknowledgement": False})
        assert await other.events(5) == []
    finally:
        await other.close()


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_fault_too_many_requests_with_retry_after(sim, peer):
    await peer.start()
    sim.faults.too_many_requests(count=2, retry_after_s=0.2)
    for _ in range(2):
        r = await peer.poll(5)
        assert r.status_code == 429 and r.headers["Retry-After"] == "0.2"
        assert r.json()["code"] == 429
    assert (await peer.poll(5)).status_code == 200
    sim.faults.too_many_requests(count=1, retry_after_s=1)
    r = await peer.poll(5)
    assert r.status_code == 429 and r.headers["Retry-After"] == "1"


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_fault_server_errors(sim, peer):
    await peer.start()
    sim.agent_idle(AGENT)
    sim.faults.server_errors(count=3, status=503)
    for _ in range(3):
        r = await peer.poll(5)
        assert r.status_code == 503 and r.json()["code"] == 503
    got = await peer.events(5)
    assert names(got) == ["Idle"]  # nothing lost
    sim.faults.server_errors(count=1, status=500)
    assert (await peer.poll(5)).status_code == 500
    with pytest.raises(ValueError):
        sim.faults.server_errors(status=404)


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_fault_slow_responses(sim, peer):
    await peer.get_token()
    sim.faults.slow(0.4)
    t0 = time.monotonic()
    await peer.create_session()
    assert time.monotonic() - t0 >= 0.4
    sim.faults.reset()
    t0 = time.monotonic()
    await peer.subscribe()
    assert time.monotonic() - t0 < 0.4


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_fault_malformed_payload(sim, peer):
    await peer.start()
    sim.faults.malformed_payload_next(1)
    sim.agent_idle(AGENT)
    sim.agent_not_ready(AGENT)
    got = await peer.events(5)
    assert len(got) == 2 and isinstance(got[0]["payload"], str)
    with pytest.raises(json.JSONDecodeError):
        json.loads(got[0]["payload"])
    assert inner(got[1])["payload"]["reasonIdRev"] in ("15", 15)
    ack = await peer.ack([e["eventId"] for e in got])
    assert ack["eventIdsNotFound"] == []  # the envelope stays valid


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_fault_expire_tokens_and_token_ttl(sim, peer):
    await peer.start()
    assert sim.faults.expire_tokens() == 1
    r = await peer.poll(5)
    assert r.status_code == 401
    await peer.get_token()
    assert (await peer.poll(5)).status_code == 200  # the session survives a new token
    sim.token_ttl_s = 0.2
    r = await peer.http.post(sim.token_url, data={"grant_type": "client_credentials"}, auth=(CLIENT, SECRET))
    assert r.json()["expires_in"] == 0.2 and r.json()["scope"] == "streamingapi"
    peer.token = r.json()["access_token"]
    await asyncio.sleep(0.3)
    assert (await peer.poll(5)).status_code == 401


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_faults_reset_and_control_surface(sim, peer):
    await peer.start()
    r = await peer.http.post(f"{sim.base_url}/sim/faults", json={"name": "server_errors", "args": {"count": 1}})
    assert r.json()["ok"] is True and sim.faults.server_error_remaining == 1
    sim.faults.too_many_requests(5)
    sim.faults.malformed_payload_next(2)
    sim.faults.reset()
    assert (await peer.poll(5)).status_code == 200
    r = await peer.http.post(f"{sim.base_url}/sim/drive", json={"do": "error", "args": {"user_id": AGENT,
                                                                                        "fail_code": 345}})
    assert r.json()["ok"] is True
    got = await peer.events(5)
    assert inner(got[0])["payload"]["failReason"] == "No streaming session Id was supported, unable to login agent"
    r = await peer.http.get(f"{sim.base_url}/sim/truth")
    assert r.json()["sessions"][0]["id"] == peer.session_id


# ---------------------------------------------------------------------------------- concurrent polls
@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_concurrent_polls_detected_and_reordered(sim, peer):
    await peer.start()
    sim.long_poll_wait_s = 3.0
    first = asyncio.create_task(peer.poll(2))
    await asyncio.sleep(0.1)
    second = asyncio.create_task(peer.poll(2))  # overlaps: A:16 warns against this
    await asyncio.sleep(0.1)
    assert sim.poll_overlaps == 1
    sim.agent_idle(AGENT)
    sim.agent_not_ready(AGENT, reason=1)
    sim.agent_idle(AGENT)
    sim.agent_not_ready(AGENT, reason=2)
    r1, r2 = await asyncio.wait_for(asyncio.gather(first, second), WAIT)
    ev1, ev2 = r1.json()["events"], r2.json()["events"]
    # the first poll takes the oldest, the overlapping one the newest first: out of order
    assert names(ev1) == ["Idle", "NotReady"] and names(ev2) == ["NotReady", "Idle"]
    assert inner(ev2[0])["payload"]["reasonIdRev"] in ("2", 2)
    t = sim.truth()
    assert t["poll_overlaps"] == 1 and t["poll_overlap_violations"][0]["session"] == peer.session_id
    await peer.events(5)  # sequential polls do not count
    assert sim.poll_overlaps == 1


# ---------------------------------------------------------------------------------- events
@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_every_document_event_can_be_published(sim, peer):
    assert set(TEMPLATES) == ALL_TYPES and len(TEMPLATES) == 67
    await peer.start()
    for t in sorted(ALL_TYPES):
        sim.event(t, AGENT)
    got = await peer.drain(len(ALL_TYPES))
    assert {e["eventType"] for e in got} == ALL_TYPES
    kinds = {e["eventType"].split(".")[0]: e["kind"] for e in got}
    assert kinds["engagementCenter"] == "via#engagementCenterEvent"
    for e in got:
        p = inner(e)
        if e["eventType"].startswith("outreach."):
            assert "userId" not in p  # flat objects (A:3392-3434)
        if e["eventType"] == "outreach.status":
            assert p["sessionId"] == peer.session_id
    script = inner(next(e for e in got if e["eventType"] == "outreach.automationScriptStatus"))
    assert " automationScriptId " in script  # the sample's stray spaces (A:3430)
    disp = inner(next(e for e in got if e["eventType"] == "engagementCenter.DispositionInitiated"))
    assert isinstance(disp["ehubSessionId"], str) and "userId" not in disp  # A:1967-1979


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_type_drift_error_transfer_and_verbatim_emit(sim, peer):
    await peer.start()
    for _ in range(8):
        sim.agent_idle(AGENT)
    got = await peer.drain(8)
    rev_types = {type(inner(e)["payload"]["interactionIdRev"]) for e in got}
    assert rev_types == {str, int}  # Rev ids as strings and as numbers (digest 6.4 #4, A:581)
    assert {e["schemaVersion"] for e in got} == {"1"}
    iid = sim.screen_pop(AGENT)
    assert inner((await peer.drain(1))[0])["payload"]["interactionInfo"]["interactionData"] == " "  # 6.4 #5
    new = sim.transfer(AGENT, iid)
    sim.error(AGENT, 31, interaction_id=new)
    sim.error(AGENT, 225)
    got = await peer.drain(3)
    tr = inner(got[0])["payload"]
    assert str(tr["interactionIdRev"]) == iid and str(tr["newInteractionIdRev"]) == new != iid
    err = inner(got[1])["payload"]
    assert err["failCode"] == 31 and err["eventCode"] == 10 and err["failReason"] == "Hold failure"  # A:2058
    assert err["interactionId"] == new
    assert inner(got[2])["payload"]["eventCode"] == 225
    assert FAIL_REASONS[252] == "Calling/Called party disconnected the call"
    with pytest.raises(ValueError):
        sim.error(AGENT, 9999)
    # verbatim: a given eventId is kept, so duplicates can be produced
    dup = {"eventType": "engagementCenter.Idle", "eventId": "1519073278252-0",
           "payload": "{\"userId\":\"99b788f3000d99\", \"ehubSessionId\":215, \"ehubSessionIdRev\":215, "
                      "\"payload\":{ \"interactionId\":1030,\"interactionIdRev\":1030}}"}  # A:581
    sim.emit(dup)
    sim.emit(dup)
    got = await peer.events(5)
    assert [e["eventId"] for e in got] == ["1519073278252-0"] * 2 and got[0]["payload"] == dup["payload"]
    assert await peer.ack(["1519073278252-0"]) == {"eventIdsAcknowledged": ["1519073278252-0"],
                                                   "eventIdsNotFound": []}
    assert await peer.events(5) == []


# ---------------------------------------------------------------------------------- scenarios
@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_demo_scenario_plays_the_agent_flow_and_a_floor():
    s = AlvariaSimulator(scenario="demo", users={CLIENT: SECRET}, api_key=KEY, long_poll_wait_s=0.2,
                         time_scale=0.02, agents=10)
    await s.start()
    p = Peer(s)
    try:
        opts = s.profile_options()
        assert set(opts) == {"base_url", "org_id", "token_url", "api_version", "require_acknowledgement",
                             "inactivity_delay", "user_ids", "events"}  # DESIGN.md [alvaria]
        assert opts["user_ids"][0] == s.agent_id and len(opts["user_ids"]) == 11
        assert s.credentials() == {"user": CLIENT, "secret": SECRET, "api_key": KEY}
        await p.start()
        mine: list[str] = []
        others: set[str] = set()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not ({"Error", "EntitySendText", "Wrap"} <= set(mine) and others):
            batch = await p.events(200)
            if batch:
                await p.ack([e["eventId"] for e in batch])
            for e in batch:
                uid = inner(e).get("userId")
                if uid == s.agent_id or "userId" not in inner(e):  # DispositionInitiated has none (A:1967)
                    mine.append(names([e])[0])
                else:
                    others.add(uid)
        assert mine[:6] == FLOW[:6]
        assert {"ScreenPop", "Active", "Held", "Wrap", "DispositionInitiated", "EntitySendText", "Error"} <= set(mine)
        assert others and others <= set(opts["user_ids"][1:])
        assert s.truth()["scenario_errors"] == []
    finally:
        await p.close()
        await s.stop()


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_floor_scenario_rate_and_idle_when_nobody_listens():
    s = AlvariaSimulator(scenario="floor", users={CLIENT: SECRET}, api_key=KEY, long_poll_wait_s=0.2,
                         agents=200, event_rate=400)
    await s.start()
    p = Peer(s)
    try:
        await asyncio.sleep(0.3)
        assert s.published == 0  # no session, nothing generated
        await p.start(body={"inactivityDelay": 60, "requireAcknowledgement": False})
        logins: list = []
        deadline = time.monotonic() + 10
        while s.scenario.floor.logging_in and time.monotonic() < deadline:  # the first pass: everybody logs in
            logins += await p.events(200)
        assert not s.scenario.floor.logging_in
        t0 = time.monotonic()
        got = []
        while time.monotonic() - t0 < 1.0:
            got += await p.events(200)
        # 400 steps/s, one event each, plus an AgentStatistics after each disposition and now and
        # then a MonitorState for the supervisor
        assert 150 <= len(got) <= 800, len(got)
        assert len({inner(e).get("userId") for e in got}) > 50
    finally:
        await p.close()
        await s.stop()


def test_floor_scenario_defaults_and_the_supervisor_profile():
    s = AlvariaSimulator(scenario="floor", users={CLIENT: SECRET}, api_key=KEY)
    assert len(s.floor_ids) == 500  # hundreds of users by default
    opts = s.profile_options(supervisor=True)
    assert opts["user_ids"] == [s.agent_id, *s.floor_ids]  # the supervisor first, then the floor
    assert opts["events"] == ["all"] and opts == s.profile_options()
    assert s.scenario.event_rate == 30
    assert set(s.work_types) == {191, 192, 193, 84}
    types = s.scenario.floor.work_types
    assert all(len(types[u]) == 2 for u in s.floor_ids)
    small = AlvariaSimulator(scenario="floor", users={CLIENT: SECRET}, api_key=KEY, agents=3, event_rate=5)
    assert len(small.profile_options(supervisor=True)["user_ids"]) == 4 and small.scenario.event_rate == 5
    assert len(AlvariaSimulator(scenario="demo").floor_ids) == 50  # the demo's default is unchanged


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_floor_scenario_work_types_statistics_and_monitoring():
    s = AlvariaSimulator(scenario="floor", users={CLIENT: SECRET}, api_key=KEY, long_poll_wait_s=0.2,
                         agents=8, event_rate=200)
    await s.start()
    p = Peer(s)
    try:
        await p.start(body={"inactivityDelay": 60, "requireAcknowledgement": False})
        got: list[dict] = []
        deadline = time.monotonic() + 15
        wanted = {"NewWorkType", "AgentStatistics", "MonitorState", "ScreenPop", "Wrap"}
        while time.monotonic() < deadline and not (wanted <= set(names(got))
                                                     and sum(1 for n in names(got) if n == "AgentStatistics") > 8):
            got += await p.events(200)
        kinds = names(got)
        assert wanted <= set(kinds), set(kinds)
        floor = set(s.floor_ids)
        by_user: dict[str, set[str]] = {}
        for e, kind in zip(got, kinds):
            body = inner(e)
            if kind == "NewWorkType":  # the sample's shape: id a string, idRev a number (A:2453-2454)
                assert isinstance(body["payload"]["id"], str) and isinstance(body["payload"]["idRev"], int)
                by_user.setdefault(body["userId"], set()).add(body["payload"]["id"])
        assert {u for u in by_user if u in floor} == floor
        for uid in floor:
            assert by_user[uid] == {str(w) for w in s.scenario.floor.work_types[uid]}
        stats = [inner(e) for e, k in zip(got, kinds) if k == "AgentStatistics"]
        template = TEMPLATES["engagementCenter.AgentStatistics"][2]["payload"]["agentStatistics"][0]
        for body in stats:
            rows = body["payload"]["agentStatistics"]
            assert body["userId"] in floor and len(rows) == 2
            for row in rows:
                assert list(row) == list(template)  # the sample's fields, in its order (A:1561-1586)
                assert row["workTypeName"] == s.work_types[row["workTypeId"]]["name"]
        # handled counts only grow for a user and work type
        seen: dict[tuple, int] = {}
        for body in stats:
            for row in body["payload"]["agentStatistics"]:
                key = (body["userId"], row["workTypeId"])
                total = row["inboundInteractions"] + row["chatInteractions"]
                assert total >= seen.get(key, 0)
                seen[key] = total
        monitor = [inner(e) for e, k in zip(got, kinds) if k == "MonitorState"]
        assert all(m["userId"] == s.agent_id for m in monitor)  # to the supervisor, who "sent" the request
        assert {m["payload"]["monitoringState"] for m in monitor} <= {1, 2, 4}
        pops = {str(inner(e)["payload"]["interactionIdRev"]): inner(e)["userId"] for e, k in zip(got, kinds)
                if k == "ScreenPop"}  # …Rev ids may come as numbers (type drift, digest §6.4 #4)
        assert all(str(m["payload"]["monitoringInteractionIdRev"]) in pops for m in monitor)
        assert s.truth()["scenario_errors"] == []
    finally:
        await p.close()
        await s.stop()


def test_scenario_files_and_unknown_scenario():
    for name in ("idle", "demo", "floor"):
        AlvariaSimulator(scenario=name)
    with pytest.raises(FileNotFoundError):
        AlvariaSimulator(scenario="nope")


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_runner_creates_alvaria():
    from desktop.sim import runner
    s = runner.create("alvaria", scenario="idle")
    await s.start()
    try:
        assert s.credentials()["user"] == runner.DEMO_USER and s.credentials()["api_key"]
        assert s.profile_options()["token_url"] == s.token_url
    finally:
        await s.stop()


@pytest.mark.timeout(30)
def test_module_runs_alone_and_stops_on_sigterm():
    proc = subprocess.Popen([sys.executable, "-m", "desktop.sim.alvaria", "--port", "0", "--scenario", "idle"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        line = proc.stdout.readline()
        assert line.startswith("Alvaria simulator listening on http://127.0.0.1:"), line
        url = line.split()[4]
        r = httpx.post(url + "/tokenservice/oauth2/access_token", data={"grant_type": "client_credentials"},
                       auth=("ctidesk", "demo-secret"), timeout=5)
        assert r.status_code == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
