"""The GWS simulator against a raw HTTP client (httpx), over real loopback sockets.

Expected capability sets are written by hand from the reference
(vendor-docs/genesys-gws-8.5.1-api-reference.md, Lnnn), or from the simulator README where
the reference is silent; they are never captured from the simulator's own output.
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

from desktop.sim.genesys import GwsSimulator

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable

# L4198-4219 (Established, Recording) etc.: the 11 names common to all Established examples.
EST_BASE = ["DeleteUserDataPair", "SingleStepTransfer", "InitiateConference", "InitiateTransfer",
            "UpdateUserData", "Hold", "Hangup", "DeleteUserData", "SingleStepConference", "SendDtmf",
            "AttachUserData"]
CAPS_RECORDING = EST_BASE + ["PauseCallRecording", "StopCallRecording"]  # L4198-4219
CAPS_PAUSED = EST_BASE + ["ResumeCallRecording", "StopCallRecording"]  # L4305-4319
CAPS_STOPPED = EST_BASE + ["StartCallRecording"]  # L4487-4500
CAPS_DIALING = ["DeleteUserDataPair", "UpdateUserData", "AttachUserData", "Hangup", "DeleteUserData",
                "SendDtmf"]  # L4750-4757
# README choices (reference silent): Ringing and Held.
CAPS_RINGING = ["DeleteUserDataPair", "UpdateUserData", "AttachUserData", "Hangup", "DeleteUserData"]
CAPS_HELD_NOT_RECORDED = ["DeleteUserDataPair", "SingleStepTransfer", "UpdateUserData", "Hangup",
                          "DeleteUserData", "AttachUserData", "StartCallRecording"]
EMAIL_ACCEPTED = ["StopProcessing", "UpdateUserData", "AttachUserData", "DeleteUserData", "PlaceInWorkbin",
                  "SingleStepTransfer", "Reply", "ReplyAll"]  # L3228-3237
CHAT_ACCEPTED = ["StopProcessing", "UpdateUserData", "AttachUserData", "DeleteUserData", "PlaceInWorkbin",
                 "SingleStepTransfer", "LeaveChat", "EndChatSession", "SingleStepConference",
                 "RequestChatHistory", "Send"]  # L3460-3472
DRAFT = ["Cancel", "Send", "PlaceInWorkbin", "UpdateProperties", "LinkAttachment"]  # L2485

WAIT = 5.0  # every wait is bounded by this many seconds


class Peer:
    """A raw GWS client: REST with Basic auth plus a hand-written Bayeux long-poll loop."""

    def __init__(self, sim: GwsSimulator, user="agent1", password="secret"):
        self.sim = sim
        self.http = httpx.AsyncClient(auth=(user, password), timeout=10.0)
        self.client_id: str | None = None
        self.seq = 0
        self.seen: list[dict] = []  # every data message received, in order
        self._pending: list[dict] = []  # received but not yet consumed by wait_for

    async def close(self):
        await self.http.aclose()

    def _id(self) -> str:
        self.seq += 1
        return str(self.seq)

    async def get(self, path: str, **kw) -> httpx.Response:
        return await self.http.get(self.sim.base_url + path, **kw)

    async def post(self, path: str, body: dict | None = None) -> httpx.Response:
        return await self.http.post(self.sim.base_url + path, json=body)

    async def bayeux(self, *messages: dict) -> list[dict]:
        r = await self.http.post(self.sim.base_url + "/notifications", json=list(messages))
        assert r.status_code == 200, r.text
        return r.json()

    async def handshake(self, subscription="/v2/me/*") -> None:
        [hs] = await self.bayeux({"channel": "/meta/handshake", "version": "1.0",
                                  "supportedConnectionTypes": ["long-polling"], "id": self._id()})
        assert hs["successful"] is True and hs["version"] == "1.0"
        assert hs["supportedConnectionTypes"] == ["long-polling"]
        assert hs["advice"]["reconnect"] == "retry" and hs["advice"]["interval"] == 0
        self.client_id = hs["clientId"]
        [sub] = await self.bayeux({"channel": "/meta/subscribe", "clientId": self.client_id,
                                   "subscription": subscription, "id": self._id()})
        assert sub["successful"] is True and sub["subscription"] == subscription
        first = await self.connect()  # the first connect is answered at once
        assert first == []

    async def connect_raw(self) -> list[dict]:
        return await self.bayeux({"channel": "/meta/connect", "clientId": self.client_id,
                                  "connectionType": "long-polling", "id": self._id()})

    async def connect(self) -> list[dict]:
        replies = await self.connect_raw()
        meta = [m for m in replies if m.get("channel") == "/meta/connect"]
        assert len(meta) == 1 and meta[0]["successful"] is True, replies
        assert replies[-1]["channel"] == "/meta/connect"  # data first, then the reply (L3088-3162)
        data = [m for m in replies if m.get("channel") != "/meta/connect"]
        self.seen.extend(data)
        return data

    async def wait_for(self, pred, what="message", timeout=WAIT) -> dict:
        """Long-poll until a data message matching pred arrives (bounded)."""
        deadline = time.monotonic() + timeout
        for m in self._pending:
            if pred(m):
                self._pending.remove(m)
                return m
        while time.monotonic() < deadline:
            batch = await asyncio.wait_for(self.connect(), timeout=max(0.1, deadline - time.monotonic()) + 2)
            for i, m in enumerate(batch):
                if pred(m):
                    self._pending.extend(batch[i + 1:])
                    return m
        raise AssertionError(f"timed out waiting for {what}; seen: {json.dumps(self.seen)[-1500:]}")



def _mk_peer(sim, **kw) -> Peer:
    return Peer(sim, **kw)


def call_msg(state=None, call_id=None, notification=None):
    def pred(m):
        d = m.get("data")
        if m.get("channel") != "/v2/me/calls" or not isinstance(d, dict) or d.get("messageType") != "CallStateChangeMessage":
            return False
        c = d["call"]
        return ((state is None or c["state"] == state) and (call_id is None or c["id"] == call_id)
                and (notification is None or d["notificationType"] == notification))
    return pred


def ixn_msg(state=None, ixn_id=None):
    def pred(m):
        d = m.get("data")
        if m.get("channel") != "/v2/me/interactions" or not isinstance(d, dict):
            return False
        ix = d.get("interaction", d)
        return (state is None or ix.get("state") == state) and (ixn_id is None or ix.get("id") == ixn_id)
    return pred


@pytest_asyncio.fixture
async def sim():
    s = GwsSimulator(scenario="idle", users={"agent1": "secret"}, long_poll_timeout_s=1.0, time_scale=0.0)
    await s.start()
    try:
        yield s
    finally:
        await s.stop()


@pytest_asyncio.fixture
async def peer(sim):
    p = _mk_peer(sim)
    try:
        yield p
    finally:
        await p.close()


async def logged_in(peer: Peer, ready=True) -> None:
    await peer.handshake()
    r = await peer.post("/me", {"operationName": "StartContactCenterSession", "channels": ["voice", "chat", "email"]})
    assert r.json() == {"statusCode": 0}
    if ready:
        r = await peer.post("/me", {"operationName": "Ready"})
        assert r.json() == {"status": "ok"}  # variant B, L1695-1707
        await peer.wait_for(lambda m: m["channel"] == "/v2/me/devices"
                            and m["data"]["devices"][0]["userState"]["state"] == "Ready", "device Ready")


async def ringing_then_answered(sim, peer, ani="+15551234567") -> str:
    cid = sim.inbound_call(ani=ani, user_data={"AccountNumber": "42"}, caller_name="Zoë Ångström")
    await peer.wait_for(call_msg("Ringing", cid), "Ringing")
    r = await peer.post(f"/me/calls/{cid}", {"operationName": "Answer"})
    assert r.json() == {"statusCode": 0}
    await peer.wait_for(call_msg("Established", cid), "Established")
    return cid


# ---------------------------------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_auth_failure_is_401_with_challenge(sim):
    async with httpx.AsyncClient(timeout=5) as c:
        for auth in (None, ("agent1", "wrong"), ("nobody", "secret")):
            r = await c.get(sim.base_url + "/me", auth=auth)
            assert r.status_code == 401
            assert r.headers["WWW-Authenticate"].startswith("Basic")
            assert "Unauthorized" in r.json()["statusMessage"]
        r = await c.post(sim.base_url + "/notifications", json=[{"channel": "/meta/handshake"}])
        assert r.status_code == 401
        r = await c.get(sim.base_url + "/me", auth=("agent1", "secret"))
        assert r.status_code == 200 and "GWS_SESSIONID" in r.cookies


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_session_me_and_agent_states(sim, peer):
    r = await peer.get("/me", params={"subresources": "*"})
    user = r.json()["user"]
    assert user["userName"] == "agent1" and user["roles"] == ["ROLE_AGENT"]
    assert user["devices"][0]["userState"]["state"] == "Logout"
    assert {c["channel"] for c in user["channels"]} == {"voice", "chat", "email"}
    r = await peer.post("/me", {"operationName": "Ready"})  # before the session: refused, variant B
    assert r.status_code == 400 and r.json()["status"] == "error" and r.json()["errorDescription"]
    await logged_in(peer)
    r = await peer.get("/me/devices")
    assert r.json()["uris"] == [sim.base_url + "/devices/5aceae61-0b5c-4578-9477-cd352d43cb17"]  # L583-597
    dev = (await peer.get("/me/devices", params={"fields": "*"})).json()["devices"][0]
    assert dev["capabilities"] == ["ForwardCallsOn", "DoNotDisturbOn"]  # L100-104
    assert dev["userState"] == {"id": "9430250E-0A1B-421F-B372-F29E69366DED", "displayName": "Ready",
                                "state": "Ready"}
    st = (await peer.get("/settings/agent-states")).json()
    assert st["key"] == "operationName" and st["statusCode"] == 0
    ops = {s["operationName"] for s in st["settings"]}
    assert {"AfterCallWork", "AuxWork", "NotReady", "Offline", "Ready", "OutToLunch"} <= ops
    # NotReady with a reason code matches the descriptor: id and displayName included (L4782)
    r = await peer.post("/me", {"operationName": "NotReady", "reasonCode": "Lunch"})
    assert r.json() == {"status": "ok"}
    m = await peer.wait_for(lambda m: m["channel"] == "/v2/me/devices"
                            and m["data"]["devices"][0]["userState"].get("reason") == "Lunch")
    assert m["data"]["devices"][0]["userState"]["displayName"] == "Out to Lunch"
    # a custom operationName from the settings, per channel (L1813-1890)
    r = await peer.post("/me/channels/chat", {"operationName": "OnBreak"})
    assert r.json() == {"status": "ok"}
    m = await peer.wait_for(lambda m: m["channel"] == "/v2/me/channels" and len(m["data"]["channels"]) == 1)
    assert m["data"]["channels"] == [{"channel": "chat", "userState": {
        "id": "6C1D3A52-8F0B-4C1E-9A77-1B2C3D4E5F02", "displayName": "Not Ready - Break", "state": "NotReady",
        "workMode": "AuxWork", "reason": "Break"}, "dndState": "Off"}]
    r = await peer.post("/me", {"operationName": "DoNotDisturbOn"})
    assert r.json() == {"status": "ok"}
    m = await peer.wait_for(lambda m: m["channel"] == "/v2/me/devices"
                            and m["data"]["devices"][0]["doNotDisturb"] == "On")
    assert m["data"]["devices"][0]["capabilities"] == ["ForwardCallsOn", "DoNotDisturbOff"]
    assert sim.truth()["agent"]["dnd"] is True


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_inbound_call_pushed_then_answer_hold_retrieve_hangup(sim, peer):
    await logged_in(peer)
    cid = sim.inbound_call(ani="+15551234567", user_data={"AccountNumber": "42"}, caller_name="Zoë")
    m = await peer.wait_for(call_msg("Ringing", cid), "Ringing")
    d = m["data"]
    assert d["notificationType"] == "StatusChange" and d["phoneNumber"] == "5001"
    assert d["call"]["callType"] == "Inbound" and d["call"]["ani"] == "+15551234567"
    assert d["call"]["capabilities"] == CAPS_RINGING
    assert d["call"]["participantsInfo"][0]["country"]["code"] == "US"
    assert d["call"]["userData"]["CallerName"] == "Zoë"
    assert "id" in m  # every data message has a Bayeux id
    assert (await peer.post(f"/me/calls/{cid}", {"operationName": "Answer"})).json() == {"statusCode": 0}
    m = await peer.wait_for(call_msg("Established", cid))
    assert m["data"]["call"]["capabilities"] == CAPS_STOPPED  # never recorded: like Stopped (README)
    assert "recordingState" not in m["data"]["call"]
    assert (await peer.post(f"/me/calls/{cid}", {"operationName": "Hold"})).json() == {"statusCode": 0}
    m = await peer.wait_for(call_msg("Held", cid))
    assert m["data"]["call"]["capabilities"] == CAPS_HELD_NOT_RECORDED
    # Hold on a Held call: statusCode 2, nothing changes (L564, L573)
    r = await peer.post(f"/me/calls/{cid}", {"operationName": "Hold"})
    assert r.status_code == 400
    assert r.json()["statusCode"] == 2 and "Held" in r.json()["statusMessage"]
    assert (await peer.post(f"/me/calls/{cid}", {"operationName": "Retrieve"})).json() == {"statusCode": 0}
    await peer.wait_for(call_msg("Established", cid))
    calls = (await peer.get("/me/calls", params={"fields": "*"})).json()["calls"]
    assert [c["id"] for c in calls] == [cid]
    assert (await peer.post(f"/me/calls/{cid}", {"operationName": "Hangup"})).json() == {"statusCode": 0}
    m = await peer.wait_for(call_msg("Released", cid))
    assert m["data"]["call"]["capabilities"] == []
    assert (await peer.get("/me/calls", params={"fields": "*"})).json() == {"statusCode": 0, "calls": []}
    r = await peer.post(f"/me/calls/{cid}", {"operationName": "Hangup"})
    assert r.status_code == 404 and r.json()["statusCode"] == 6
    r = await peer.post("/me/calls/whatever", {})
    assert r.json()["statusCode"] in (1, 6)


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_refusals_statuscode_1_2_6(sim, peer):
    await logged_in(peer)
    cid = sim.inbound_call(ani="5000")
    await peer.wait_for(call_msg("Ringing", cid))
    r = await peer.post(f"/me/calls/{cid}", {"operationName": "Hold"})  # not in Ringing capabilities
    assert r.json()["statusCode"] == 2
    r = await peer.post(f"/me/calls/{cid}", {"operationName": "Retrieve"})
    assert r.json()["statusCode"] == 2
    r = await peer.post(f"/me/calls/{cid}", {})
    assert r.json()["statusCode"] == 1 and "operationName" in r.json()["statusMessage"]
    r = await peer.post(f"/me/calls/{cid}", {"operationName": "SendDtmf"})
    assert r.json()["statusCode"] == 2  # SendDtmf is not a Ringing capability
    r = await peer.post("/me/calls/0000000000000000", {"operationName": "Answer"})
    assert r.status_code == 404 and r.json() == {"statusCode": 6, "statusMessage": "Call not found: 0000000000000000"}
    r = await peer.post("/me/interactions/0000nope00000000", {"operationName": "Accept"})
    assert r.json()["status"] == "error"  # generic Accept is variant B (L2005-2017)
    r = await peer.post("/devices/5aceae61-0b5c-4578-9477-cd352d43cb17/calls", {"operationName": "Dial"})
    assert r.json()["statusCode"] == 1  # destination missing
    assert [c["state"] for c in sim.truth()["calls"]] == ["Ringing"]


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_outbound_dial_and_consult_transfer(sim, peer):
    await logged_in(peer)
    dev = "5aceae61-0b5c-4578-9477-cd352d43cb17"
    r = await peer.post(f"/devices/{dev}/calls", {"operationName": "Dial", "destination": "+33142685300"})
    assert r.json() == {"statusCode": 0}
    m = await peer.wait_for(call_msg("Dialing"))
    assert m["data"]["call"]["capabilities"] == CAPS_DIALING
    out = m["data"]["call"]["id"]
    await peer.wait_for(call_msg("Established", out))  # far end answers (time_scale 0: at once)
    r = await peer.post(f"/me/calls/{out}", {"operationName": "InitiateTransfer",
                                             "destination": {"phoneNumber": "5002"}})  # L4658
    assert r.json() == {"statusCode": 0}
    await peer.wait_for(call_msg("Held", out))
    consult = (await peer.wait_for(call_msg("Dialing")))["data"]["call"]
    assert consult["participants"] == ["5002"] and consult["id"] != out
    await peer.wait_for(call_msg("Established", consult["id"]))
    r = await peer.post(f"/me/calls/{out}", {"operationName": "CompleteTransfer",
                                             "consultCallUri": consult["uri"]})
    assert r.json() == {"statusCode": 0}
    released = {(await peer.wait_for(call_msg("Released")))["data"]["call"]["id"] for _ in range(2)}
    assert released == {out, consult["id"]}
    assert sim.truth()["calls"] == []
    ops = [(m, p, b["operationName"]) for m, p, b in sim.recorded_operations if m == "POST" and b]
    assert ops.count(("POST", f"/api/v2/me/calls/{out}", "CompleteTransfer")) == 1


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_conference_then_remove_participant(sim, peer):
    await logged_in(peer)
    cid = await ringing_then_answered(sim, peer, ani="+4930123456")
    r = await peer.post(f"/me/calls/{cid}", {"operationName": "InitiateConference",
                                             "destination": {"phoneNumber": "5002"}})
    assert r.json() == {"statusCode": 0}
    consult = (await peer.wait_for(call_msg("Dialing")))["data"]["call"]
    await peer.wait_for(call_msg("Established", consult["id"]))
    r = await peer.post(f"/me/calls/{cid}", {"operationName": "CompleteConference", "consultCallUri": consult["uri"]})
    assert r.json() == {"statusCode": 0}
    m = await peer.wait_for(call_msg(call_id=cid, notification="ParticipantsUpdated"))
    # three parties: the agent (phoneNumber 5001) plus the two listed participants
    assert m["data"]["call"]["participants"] == ["+4930123456", "5002"]
    assert m["data"]["call"]["state"] == "Established" and m["data"]["phoneNumber"] == "5001"
    r = await peer.post(f"/me/calls/{cid}", {"operationName": "RemoveParticipantFromConference"})
    assert r.json()["statusCode"] == 1
    r = await peer.post(f"/me/calls/{cid}", {"operationName": "RemoveParticipantFromConference",
                                             "participant": "5002"})
    assert r.json() == {"statusCode": 0}
    m = await peer.wait_for(call_msg(call_id=cid, notification="ParticipantsUpdated"))
    assert m["data"]["call"]["participants"] == ["+4930123456"]
    # single-step conference adds a party directly (L4645)
    assert (await peer.post(f"/me/calls/{cid}", {"operationName": "SingleStepConference",
                                                  "destination": "5003"})).json() == {"statusCode": 0}
    m = await peer.wait_for(call_msg(call_id=cid, notification="ParticipantsUpdated"))
    assert m["data"]["call"]["participants"] == ["+4930123456", "5003"]


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_recording_transitions_have_the_documented_capabilities(sim, peer):
    await logged_in(peer)
    cid = await ringing_then_answered(sim, peer)
    expected = [
        ("StartCallRecording", "Recording", "ON", CAPS_RECORDING),  # L4148-4236
        ("PauseCallRecording", "Paused", "PAUSED", CAPS_PAUSED),  # L4240-4335
        ("ResumeCallRecording", "Recording", "ON", CAPS_RECORDING),  # L4339-4431
        ("StopCallRecording", "Stopped", "OFF", CAPS_STOPPED),  # L4436-4520
        ("StartCallRecording", "Recording", "ON", CAPS_RECORDING),
    ]
    for op, state, gsip, capset in expected:
        assert (await peer.post(f"/me/calls/{cid}", {"operationName": op})).json() == {"statusCode": 0}
        m = await peer.wait_for(call_msg(call_id=cid, notification="CallRecordingStateChange"), op)
        call = m["data"]["call"]
        assert m["data"]["messageType"] == "CallStateChangeMessage"
        assert call["recordingState"] == state and call["userData"]["GSIP_RECORD"] == gsip
        assert call["capabilities"] == capset
    r = await peer.post(f"/me/calls/{cid}", {"operationName": "ResumeCallRecording"})  # not while Recording
    assert r.json()["statusCode"] == 2
    assert sim.truth()["calls"][0]["recordingState"] == "Recording"


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_dtmf_mute_and_call_user_data(sim, peer):
    await logged_in(peer)
    cid = await ringing_then_answered(sim, peer)
    assert (await peer.post(f"/me/calls/{cid}", {"operationName": "SendDtmf", "digits": "1234"})).json() == {"statusCode": 0}
    m = await peer.wait_for(call_msg(call_id=cid, notification="DtmfSent"))
    assert m["data"]["digits"] == "1234"
    assert (await peer.post(f"/me/calls/{cid}", {"operationName": "MuteCall"})).json() == {"statusCode": 0}
    m = await peer.wait_for(call_msg(call_id=cid))
    assert m["data"]["call"]["mute"] == "On"
    assert (await peer.post(f"/me/calls/{cid}", {"operationName": "MuteCall"})).json()["statusCode"] == 2
    assert sim.truth()["calls"][0]["mute"] == "On"
    assert (await peer.post(f"/me/calls/{cid}", {"operationName": "UnmuteCall"})).json() == {"statusCode": 0}
    m = await peer.wait_for(call_msg(call_id=cid))
    assert m["data"]["call"]["mute"] == "Off"
    r = await peer.post(f"/me/calls/{cid}", {"operationName": "AttachUserData", "userData": {"Disposition": "Sale"}})
    assert r.json() == {"statusCode": 0}
    m = await peer.wait_for(call_msg(call_id=cid, notification="AttachedDataChanged"))
    assert m["data"]["call"]["userData"]["Disposition"] == "Sale"
    r = await peer.post(f"/me/calls/{cid}", {"operationName": "DeleteUserData", "userData": {"Disposition": ""}})
    m = await peer.wait_for(call_msg(call_id=cid, notification="AttachedDataChanged"))
    assert "Disposition" not in m["data"]["call"]["userData"]


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_after_call_work_when_configured():
    s = GwsSimulator(scenario="idle", long_poll_timeout_s=1.0, time_scale=0.0)
    s.world.options["after_call_work"] = True
    await s.start()
    p = _mk_peer(s)
    try:
        await logged_in(p)
        cid = await ringing_then_answered(s, p)
        s.remote_hangup(cid)
        await p.wait_for(call_msg("Released", cid))
        m = await p.wait_for(lambda m: m["channel"] == "/v2/me/devices")
        assert m["data"]["devices"][0]["userState"] == {
            "id": "D3663509-3D82-4DD3-A82E-2EA8EFA02AEF", "displayName": "AfterCallWork", "state": "NotReady",
            "workMode": "AfterCallWork"}  # L1139-1143
    finally:
        await p.close()
        await s.stop()


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_chat_accept_typing_message_end_complete(sim, peer):
    await logged_in(peer)
    iid = sim.inbound_chat(nickname="Ann Müller", first_text="Hallo, ich brauche Hilfe", user_data={"Seg": "Gold"})
    m = await peer.wait_for(ixn_msg("Invited", iid))
    assert m["data"]["messageType"] == "InteractionStateMessage"
    assert m["data"]["interaction"]["capabilities"] == ["Accept", "Reject"]  # L3317-3320
    assert m["data"]["interaction"]["channel"] == "chat"
    r = await peer.post(f"/me/interactions/{iid}", {"operationName": "Accept", "nickname": "Alex"})
    assert r.json() == {"statusCode": 0}  # chat Accept: variant A (L2725-2737)
    ix = (await peer.wait_for(ixn_msg("Accepted", iid)))["data"]["interaction"]
    assert ix["capabilities"] == CHAT_ACCEPTED
    evs = ix["content"]["events"]
    assert [e["messageType"] for e in evs] == ["PARTY_JOINED", "MESSAGE", "PARTY_JOINED"]
    assert evs[1]["text"] == "Hallo, ich brauche Hilfe" and evs[1]["userType"] == "Client"
    assert [e["id"] for e in evs] == [1, 2, 3] and ix["content"]["latestEventId"] == 3
    sim.customer_typing(iid, True)
    ix = (await peer.wait_for(ixn_msg("PropertiesChanged", iid)))["data"]["interaction"]
    assert ix["content"]["events"][-1]["noticeType"] == "TypingStarted"
    sim.customer_says(iid, "Meine Rechnung ist falsch — 42 €")
    ix = (await peer.wait_for(ixn_msg("PropertiesChanged", iid)))["data"]["interaction"]
    last = ix["content"]["events"][-1]
    assert last["messageType"] == "MESSAGE" and last["text"] == "Meine Rechnung ist falsch — 42 €"
    assert last["id"] == ix["content"]["latestEventId"] == 5
    for op in ("SendStartTypingNotification", "SendStopTypingNotification"):
        assert (await peer.post(f"/me/interactions/{iid}", {"operationName": op})).json() == {"statusCode": 0}
        ix = (await peer.wait_for(ixn_msg("PropertiesChanged", iid)))["data"]["interaction"]
        assert ix["content"]["events"][-1]["userType"] == "Agent"
    r = await peer.post(f"/me/interactions/{iid}", {"operationName": "SendMessage", "text": "Ich schaue nach."})
    assert r.json() == {"statusCode": 0}  # L2831-2843
    ix = (await peer.wait_for(ixn_msg("PropertiesChanged", iid)))["data"]["interaction"]
    assert ix["content"]["events"][-1]["text"] == "Ich schaue nach."
    r = await peer.post(f"/me/interactions/{iid}", {"operationName": "SendMessage"})
    assert r.json()["statusCode"] == 1
    r = await peer.post(f"/me/interactions/{iid}", {"operationName": "InviteUser", "agentId": "agent2"})
    assert r.json() == {"status": "ok"}  # L2761-2773
    ix = (await peer.wait_for(ixn_msg("PropertiesChanged", iid)))["data"]["interaction"]
    assert ix["content"]["events"][-1]["messageType"] == "PARTY_JOINED"
    r = await peer.post(f"/me/interactions/{iid}", {"operationName": "RequestChatHistory", "eventId": 5})
    assert r.json() == {"statusCode": 0}
    ix = (await peer.wait_for(ixn_msg("PropertiesChanged", iid)))["data"]["interaction"]
    assert ix["content"]["events"][0]["id"] == 5
    r = await peer.post(f"/me/interactions/{iid}", {"operationName": "EndChatSession"})
    assert r.json() == {"status": "ok"}  # L2797-2809
    ix = (await peer.wait_for(ixn_msg("PropertiesChanged", iid)))["data"]["interaction"]
    assert "Send" not in ix["capabilities"] and "StopProcessing" in ix["capabilities"]
    r = await peer.post(f"/me/interactions/{iid}", {"operationName": "SendMessage", "text": "x"})
    assert r.json()["statusCode"] == 2
    r = await peer.post(f"/me/interactions/{iid}", {"operationName": "Complete"})
    assert r.json() == {"statusCode": 0}  # L2104-2116
    m = await peer.wait_for(ixn_msg(ixn_id=iid, state="Completed"))
    assert m["data"]["interaction"]["capabilities"] == []
    assert (await peer.get("/me/interactions")).json() == {"statusCode": 0, "uris": []}
    assert sim.truth()["endedInteractions"][iid] == "Completed"


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_chat_waits_for_ready_and_revoke(sim, peer):
    await logged_in(peer, ready=False)
    iid = sim.inbound_chat(nickname="Olivier")
    assert sim.truth()["interactions"][0]["state"] == "Routing"  # not offered while NotReady (L2991)
    assert (await peer.post("/me/channels/chat", {"operationName": "Ready"})).json() == {"status": "ok"}
    await peer.wait_for(ixn_msg("Invited", iid))
    sim.revoke(iid)
    m = await peer.wait_for(ixn_msg("Revoked", iid))
    assert m["data"]["interaction"]["capabilities"] == []  # L3143, L3388


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_email_accept_reply_send(sim, peer):
    await logged_in(peer)
    iid = sim.inbound_email("renee@example.fr", "Facture", "Bonjour,\nma facture est fausse.\nRenée",
                            to_addr="support@example.com", user_data={"ContactId": "C1"})
    ix = (await peer.wait_for(ixn_msg("Invited", iid)))["data"]["interaction"]
    assert ix["capabilities"] == ["Accept", "Reject"] and ix["content"] == {"interactionId": iid}  # L3059-3065
    r = await peer.post(f"/me/interactions/{iid}", {"operationName": "Accept"})
    assert r.json() == {"status": "ok"}  # generic Accept, variant B
    ix = (await peer.wait_for(ixn_msg("Accepted", iid)))["data"]["interaction"]
    assert ix["capabilities"] == EMAIL_ACCEPTED
    assert ix["content"]["subject"] == "Facture" and ix["content"]["fromAddress"] == "renee@example.fr"
    r = await peer.post(f"/me/interactions/{iid}", {"operationName": "Reply", "quoteOriginal": True,
                                                     "queueName": "DraftQ"})
    assert r.json() == {"status": "ok"}  # L2449-2461
    draft = (await peer.wait_for(ixn_msg("ReplyCreated")))["data"]["interaction"]
    assert draft["capabilities"] == DRAFT and draft["subType"] == "OutboundReply" and draft["parentId"] == iid
    assert draft["content"]["toAddress"] == "renee@example.fr" and draft["content"]["fromAddress"] == "support@example.com"
    assert draft["content"]["subject"] == "Re: Facture"
    assert "> ma facture est fausse." in draft["content"]["text"]
    r = await peer.post(f"/me/interactions/{draft['id']}", {"operationName": "Send", "queueName": "Out",
                                                             "email_object": {"toAddress": "renee@example.fr",
                                                                              "subject": "Re: Facture",
                                                                              "text": "Bonjour Renée, c'est corrigé."}})
    assert r.json() == {"status": "ok"}  # L2595-2608
    m = await peer.wait_for(ixn_msg(ixn_id=draft["id"]))
    assert m["data"]["interaction"]["capabilities"] == []
    t = sim.truth()
    assert [i["id"] for i in t["interactions"]] == [iid] and t["interactions"][0]["state"] == "Accepted"
    assert t["sentEmails"][0]["text"] == "Bonjour Renée, c'est corrigé."
    r = await peer.post(f"/me/interactions/{iid}", {"operationName": "ReplyAll"})
    body = r.json()
    assert body["status"] == "ok" and body["replyInteractionId"]  # L2519-2522
    r = await peer.post(f"/me/interactions/{body['replyInteractionId']}", {"operationName": "Cancel"})
    assert r.json() == {"status": 0}  # variant C, L2071-2083
    assert (await peer.post(f"/me/interactions/{iid}", {"operationName": "Complete"})).json() == {"statusCode": 0}
    assert sim.truth()["interactions"] == []


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_workbin_place_and_pull(sim, peer):
    await logged_in(peer)
    iid = sim.inbound_email("a@example.com", "Later", "body")
    await peer.wait_for(ixn_msg("Invited", iid))
    await peer.post(f"/me/interactions/{iid}", {"operationName": "Accept"})
    await peer.wait_for(ixn_msg("Accepted", iid))
    wbs = (await peer.get("/me/workbins")).json()
    assert wbs["status"] == 0
    wb = wbs["workbins"][0]
    r = await peer.post(f"/me/interactions/{iid}", {"operationName": "PlaceInWorkbin", "workbin": wb["workbinId"]})
    assert r.json() == {"status": "ok"}
    m = await peer.wait_for(lambda m: m["channel"] == "/v2/me/workbins")
    assert m["data"]["workbinContentOperation"] == "PlacedIn" and m["data"]["interaction"]["id"] == iid
    content = (await peer.get(f"/me/workbins/{wb['workbinId']}/interactions", params={"fields": "*"})).json()
    assert content["interactions"][0]["InteractionId"] == iid
    uri = sim.base_url + f"/me/workbins/{wb['workbinId']}/interactions/{iid}"
    r = await peer.post("/me/interactions", {"operationName": "PullInteractionFromWorkbin", "uri": uri})
    assert r.json() == {"status": 0}
    m = await peer.wait_for(ixn_msg("Pulled", iid))
    assert m["data"]["interaction"]["capabilities"] == EMAIL_ACCEPTED


# ----------------------------------------------------------------------------- faults


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_fault_drop_long_poll_keeps_queued_messages(sim, peer):
    await logged_in(peer)
    sim.faults.drop_long_polls(1)
    cid = sim.inbound_call(ani="5000")
    with pytest.raises(httpx.RemoteProtocolError):
        await peer.connect_raw()
    m = await peer.wait_for(call_msg("Ringing", cid))  # not lost: delivered on the next poll
    assert m["data"]["call"]["id"] == cid


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_fault_forget_clients_gives_402_then_rehandshake_works(sim, peer):
    await logged_in(peer)
    sim.inbound_call(ani="5000")  # queued for the client, lost with it
    sim.faults.forget_clients()
    [reply] = await peer.connect_raw()
    assert reply["successful"] is False and reply["error"] == "402::Unknown client"
    assert reply["advice"] == {"reconnect": "handshake", "interval": 0}
    [sub] = await peer.bayeux({"channel": "/meta/subscribe", "clientId": peer.client_id, "subscription": "/**"})
    assert sub["error"] == "402::Unknown client"
    peer._pending.clear()
    await peer.handshake("/**")
    cid = sim.inbound_call(ani="5001")
    m = await peer.wait_for(call_msg("Ringing"))
    assert m["data"]["call"]["id"] == cid  # the earlier call's message was lost with the client


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_fault_held_poll_gets_402_when_forgotten(sim, peer):
    await logged_in(peer)
    task = asyncio.create_task(peer.connect_raw())
    for _ in range(50):
        if any(c.waiter is not None for c in sim.bayeux.clients.values()):
            break
        await asyncio.sleep(0.02)
    sim.faults.forget_clients()
    [reply] = await asyncio.wait_for(task, WAIT)
    assert reply["error"] == "402::Unknown client"


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_fault_rest_errors_and_slow_rest(sim, peer):
    sim.faults.rest_errors(status=503, count=2)
    for _ in range(2):
        r = await peer.get("/me")
        assert r.status_code == 503 and r.json()["statusCode"] == 4
    assert (await peer.get("/me")).status_code == 200
    sim.faults.slow_rest(0.4)
    t0 = time.monotonic()
    r = await peer.post("/me", {"operationName": "StartContactCenterSession"})
    assert r.json() == {"statusCode": 0} and time.monotonic() - t0 >= 0.35
    # a client that gives up early still changed the world (the op runs before the delay)
    sim.faults.slow_rest(2.0)
    with pytest.raises(httpx.ReadTimeout):
        await peer.http.post(sim.base_url + "/me", json={"operationName": "Ready"}, timeout=0.2)
    assert sim.truth()["agent"]["channels"]["voice"]["state"] == "Ready"
    sim.faults.slow_rest(0)
    assert sum(1 for m, p, b in sim.recorded_operations if b == {"operationName": "Ready"}) == 1


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_fault_duplicate_reorder_malformed(sim, peer):
    await logged_in(peer)
    peer._pending.clear()
    sim.faults.duplicate_next(1)
    cid = sim.inbound_call(ani="5000")
    batch = await peer.connect()
    assert len(batch) == 2 and batch[0] == batch[1] and batch[0]["data"]["call"]["id"] == cid

    sim.faults.reorder_next(2)
    a = sim.inbound_call(ani="5010")
    b = sim.inbound_call(ani="5020")
    batch = await peer.connect()
    assert [m["data"]["call"]["id"] for m in batch] == [b, a]
    assert int(batch[0]["id"]) > int(batch[1]["id"])  # ids tell the true order

    sim.faults.malformed_next(1)
    c = sim.inbound_call(ani="5030")
    batch = await peer.connect()
    assert len(batch) == 2
    assert not isinstance(batch[0]["data"], dict)  # the garbage one first
    assert batch[1]["data"]["call"]["id"] == c

    sim.faults.malformed_next(1, kind="bad-field")
    sim.inbound_call(ani="5040")
    batch = await peer.connect()
    assert batch[0]["data"]["call"] == "<<garbage>>" and isinstance(batch[1]["data"]["call"], dict)

    sim.faults.reorder_next(3)
    d = sim.inbound_call(ani="5050")
    sim.faults.reset()  # held messages are flushed in order, not lost
    batch = await peer.connect()
    assert [m["data"]["call"]["id"] for m in batch] == [d]


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_end_session_invalidates_http_session(sim):
    async with httpx.AsyncClient(timeout=5) as c:
        r = await c.get(sim.base_url + "/me", auth=("agent1", "secret"))
        sid = r.cookies["GWS_SESSIONID"]
        r = await c.get(sim.base_url + "/me")  # cookie alone is a live session
        assert r.status_code == 200
        r = await c.post(sim.base_url + "/me", json={"operationName": "StartContactCenterSession"})
        assert r.json() == {"statusCode": 0}
        r = await c.post(sim.base_url + "/me", json={"operationName": "EndContactCenterSession"})
        assert r.json() == {"statusCode": 0}
        c.cookies.set("GWS_SESSIONID", sid, domain=sim.host, path="/api")
        r = await c.get(sim.base_url + "/me")
        assert r.status_code == 401
    assert sim.truth()["agent"]["loggedIn"] is False


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_stop_releases_a_held_long_poll():
    s = GwsSimulator(scenario="idle", long_poll_timeout_s=30.0, time_scale=0.0)
    await s.start()
    p = _mk_peer(s)
    try:
        await p.handshake()
        task = asyncio.create_task(p.connect_raw())
        for _ in range(50):
            if any(c.waiter is not None for c in s.bayeux.clients.values()):
                break
            await asyncio.sleep(0.02)
        t0 = time.monotonic()
        await asyncio.wait_for(s.stop(), 5)
        assert time.monotonic() - t0 < 3
        replies = await asyncio.wait_for(task, 5)
        assert replies[-1]["channel"] == "/meta/connect"
    finally:
        await p.close()
        await s.stop()


# ------------------------------------------------------------------- demo and control


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_demo_scenario_lives_after_ready():
    s = GwsSimulator(scenario="demo", long_poll_timeout_s=1.0, time_scale=0.01)
    await s.start()
    p = _mk_peer(s)
    try:
        await logged_in(p)
        await p.wait_for(call_msg("Ringing"), "a demo call", timeout=8)
        chat = await p.wait_for(ixn_msg("Invited"), "a demo chat", timeout=8)
        iid = chat["data"]["interaction"]["id"]
        await p.post(f"/me/interactions/{iid}", {"operationName": "Accept", "nickname": "Alex"})
        changed = await p.wait_for(lambda m: ixn_msg("PropertiesChanged", iid)(m)
                                   and m["data"]["interaction"]["content"]["events"][-1]["messageType"] == "MESSAGE",
                                   "customer text", timeout=8)
        assert changed["data"]["interaction"]["content"]["events"][-1]["userType"] == "Client"
        assert s.scenario.errors == []
    finally:
        await p.close()
        await s.stop()


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_control_surface_over_http(sim, peer):
    await logged_in(peer)
    async with httpx.AsyncClient(timeout=5) as c:
        root = f"http://{sim.host}:{sim.port}/sim"
        r = await c.post(root + "/inbound-call", json={"ani": "+46812345678", "caller_name": "Åsa"})
        cid = r.json()["id"]
        await peer.wait_for(call_msg("Ringing", cid))
        r = await c.post(root + "/faults", json={"name": "duplicate_next", "args": {"n": 1}})
        assert r.json()["ok"] is True
        assert (await c.post(root + "/faults", json={"name": "nope"})).status_code == 400
        assert (await c.post(root + "/remote-hangup", json={"call_id": cid})).json()["ok"] is True
        batch = await peer.connect()
        assert len(batch) == 2 and batch[0]["data"]["call"]["state"] == "Released"
        truth = (await c.get(root + "/truth")).json()
        assert truth["calls"] == [] and cid in truth["releasedCalls"]
        ops = (await c.get(root + "/operations")).json()
        assert ops[0]["path"] == "/api/v2/me" and ops[0]["method"] == "POST"


@pytest.mark.timeout(20)
def test_module_runs_standalone_and_exits_0_on_sigterm():
    with subprocess.Popen([PY, "-m", "desktop.sim.genesys", "--port", "0", "--scenario", "idle"],
                          cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}) as proc:
        try:
            line = proc.stdout.readline().strip()
            assert line.startswith("GWS simulator listening on http://127.0.0.1:") and line.endswith("/api/v2")
            base = line.rsplit(" ", 1)[-1]
            port = base.split(":")[2].split("/")[0]
            r = httpx.post(f"http://127.0.0.1:{port}/sim/inbound-call", json={"ani": "5000"}, timeout=5)
            assert r.status_code == 200
            assert httpx.get(f"http://127.0.0.1:{port}/sim/truth", timeout=5).json()["calls"][0]["state"] == "Ringing"
            r = httpx.get(base + "/me", auth=("agent1", "secret"), timeout=5)
            assert r.json()["user"]["userName"] == "agent1"
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=10) == 0
            assert "Traceback" not in proc.stderr.read()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=5)


# --------------------------------------------------------------------------------------- floor
# Expected shapes: /users?subresources=* (L3620-3655), device supervision attributes
# (L3912-3919), statistics (L5063-5150) and statistics.yaml names (L5293-5520); where the
# reference is silent, the simulator README's "Floor", "Supervision" and "Statistics" sections.
QUEUE_STATS = {"Total_Answered", "Total_Abandoned", "Current_In_Queue", "CurrMaxCallWaitingTime", "ServiceLevel",
               "AverageWaitingTime"}  # L5293-5410
SKILL_STATS = {"CurrentNotReadyAgents", "CurrentReadyAgents", "CurrNumberInCall", "LongestIdleTime",
               "AverageHandlingTime", "CurrentNumberLoggedInAgents", "ServiceLevel"}  # L5414-5520, L5782


@pytest_asyncio.fixture
async def floor_sim():
    s = GwsSimulator(scenario="floor", users={"agent1": "secret", "agent2": "secret"}, long_poll_timeout_s=1.0,
                     time_scale=0.0, agents=30, event_rate=0, seed=5)
    await s.start()
    try:
        yield s
    finally:
        await s.stop()


def _users_by_name(body: dict) -> dict:
    return {u["userName"]: u for u in body["users"]}


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_floor_users_as_a_supervisor_and_as_an_agent_see_them(floor_sim):
    sup, agent = Peer(floor_sim), Peer(floor_sim, user="agent2")
    try:
        r = await sup.get("/users", params={"subresources": "*"})
        assert r.status_code == 200 and r.json()["statusCode"] == 0
        users = _users_by_name(r.json())
        assert len(users) == 32 and "ROLE_SUPERVISOR" in users["agent1"]["roles"]
        assert users["agent1"]["devices"][0]["capabilities"] == ["ForwardCallsOn", "DoNotDisturbOn"]  # own device
        for ag in floor_sim.floor.agents:
            u = users[ag.user_name]
            assert u["userName"].endswith("@example.com") and u["roles"] == ["ROLE_AGENT"]
            assert [s["name"] for s in u["skills"]] == ag.skills and all(set(s) == {"id", "name", "level"} for s in u["skills"])
            device = u["devices"][0]
            assert device["id"] == ag.device_id and "supervisorMonitoringState" not in device  # L3917
            logged_out = device["userState"]["state"] == "Logout"
            assert device["capabilities"] == ([] if logged_out else ["ListenIn", "Bargain", "Coach"])  # L3916 order
        r = await agent.get("/users", params={"subresources": "*"})  # agent2 has no ROLE_SUPERVISOR
        assert all(u["devices"][0]["capabilities"] == [] for n, u in _users_by_name(r.json()).items() if n != "agent2")
        uris = (await sup.get("/users")).json()
        assert len(uris["uris"]) == 32  # without fields: URIs (L583-597)
        skills = (await sup.get("/skills", params={"fields": "*"})).json()["skills"]
        assert sorted(s["name"] for s in skills) == ["Billing", "Sales", "Support", "VIP"]
    finally:
        await sup.close()
        await agent.close()


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_floor_supervision_operations_and_refusals(floor_sim):
    sup, agent = Peer(floor_sim), Peer(floor_sim, user="agent2")
    target = next(a for a in floor_sim.floor.agents if a.channels["voice"]["state"] != "Logout")
    out = next(a for a in floor_sim.floor.agents if a.channels["voice"]["state"] == "Logout")

    async def device():
        r = await sup.get(f"/users/{target.user_id}", params={"subresources": "*"})
        return r.json()["user"]["devices"][0]

    try:
        r = await sup.post(f"/devices/{target.device_id}", {"operationName": "ListenIn"})
        assert (r.status_code, r.json()) == (200, {"statusCode": 0})
        d = await device()
        assert (d["supervisorMonitoringState"], d["supervisorMonitoringMode"], d["supervisorMonitoringScope"]) == (
            "ListenIn", "AllCalls", "Agent")
        assert d["capabilities"] == ["CancelSupervisorMonitoring"]
        r = await sup.post(f"/devices/{target.device_id}", {"operationName": "Coach"})
        assert r.status_code == 400 and r.json()["statusCode"] == 2  # not in the capabilities now
        r = await sup.post(f"/devices/{target.device_id}", {"operationName": "CancelSupervisorMonitoring"})
        assert r.json() == {"statusCode": 0}
        d = await device()
        assert "supervisorMonitoringState" not in d and d["capabilities"] == ["ListenIn", "Bargain", "Coach"]
        # another supervisor: nothing offered, refused with a statusMessage
        floor_sim.faults.other_supervisor(target.device_id, state="Coach")
        d = await device()
        assert d["capabilities"] == [] and d["supervisorMonitoringState"] == "Coach"
        r = await sup.post(f"/devices/{target.device_id}", {"operationName": "Bargain"})
        assert (r.status_code, r.json()) == (400, {"statusCode": 2, "statusMessage":
                                                   f"Another supervisor is already monitoring device {target.device_id}"})
        floor_sim.faults.reset()
        assert "supervisorMonitoringState" not in await device()
        # a logged-out user, an unknown device, a viewer without the role, one's own device
        r = await sup.post(f"/devices/{out.device_id}", {"operationName": "ListenIn"})
        assert r.status_code == 400 and r.json()["statusCode"] == 2
        r = await sup.post("/devices/no-such-device", {"operationName": "ListenIn"})
        assert r.status_code == 404 and r.json()["statusCode"] == 6
        r = await agent.post(f"/devices/{target.device_id}", {"operationName": "ListenIn"})
        assert r.status_code == 400 and r.json()["statusCode"] == 5
        r = await sup.post(f"/devices/{floor_sim.world.primary.device_id}", {"operationName": "ListenIn"})
        assert r.status_code == 400 and r.json()["statusCode"] == 2
    finally:
        await sup.close()
        await agent.close()


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_floor_statistics_current_range_and_errors(floor_sim):
    sup = Peer(floor_sim)
    try:
        queues = floor_sim.truth()["floor"]["queues"]
        assert set(queues) == {"Sales", "Support", "Billing", "VIP"}
        sales = queues["Sales"]
        stats_url = floor_sim.base_url.replace("/api/v2", "/api/v1/stats")
        before = int(time.time() * 1000)
        r = await sup.http.get(f"{stats_url}/{sales['queueId']}")
        body = r.json()
        assert r.status_code == 200 and body["objectId"] == sales["queueId"] and body["statusCode"] == 0
        assert {s["statistic"] for s in body["statistics"]} == QUEUE_STATS
        assert all(isinstance(s["value"], (int, float)) and before - 5 <= s["time"] <= time.time() * 1000 + 5
                   for s in body["statistics"])
        values = {s["statistic"]: s["value"] for s in body["statistics"]}
        assert values["Current_In_Queue"] == sales["waiting"] and values["Total_Answered"] == sales["answered"]
        assert 0 <= values["ServiceLevel"] <= 100
        skill = (await sup.http.get(f"{stats_url}/{sales['skillId']}")).json()
        assert {s["statistic"] for s in skill["statistics"]} == SKILL_STATS
        floor_sim.floor.sample()
        floor_sim.floor.sample()
        r = await sup.http.get(f"{stats_url}/{sales['queueId']}/Current_In_Queue", params={"numValues": "2"})
        [series] = r.json()["statistics"]
        assert series["statistic"] == "Current_In_Queue" and len(series["values"]) == 2
        assert series["values"][0]["time"] >= series["values"][1]["time"]  # newest first (L5139-5144)
        r = await sup.http.get(f"{stats_url}/{sales['queueId']}/ServiceLevel")
        assert len(r.json()["statistics"][0]["values"]) == 1  # numValues defaults to 1 (L5107)
        r = await sup.http.get(f"{stats_url}/no-such-object")
        assert (r.status_code, r.json()["statusCode"]) == (404, 6)
        r = await sup.http.get(f"{stats_url}/{sales['queueId']}/NoSuchStatistic")
        assert (r.status_code, r.json()["statusCode"]) == (404, 6)
        r = await sup.http.get(f"{stats_url}/{sales['queueId']}/ServiceLevel", params={"numValues": "many"})
        assert (r.status_code, r.json()["statusCode"]) == (400, 2)
        async with httpx.AsyncClient(timeout=5) as anonymous:
            assert (await anonymous.get(f"{stats_url}/{sales['queueId']}")).status_code == 401
        floor_sim.faults.rest_errors(503, count=1, path="/api/v1/stats")
        assert (await sup.get("/users", params={"subresources": "*"})).status_code == 200  # other paths untouched
        assert (await sup.http.get(f"{stats_url}/{sales['queueId']}")).status_code == 503
        assert (await sup.http.get(f"{stats_url}/{sales['queueId']}")).status_code == 200
    finally:
        await sup.close()


@pytest.mark.asyncio
@pytest.mark.timeout(20)
async def test_floor_moves_deterministically_and_live():
    a = GwsSimulator(scenario="floor", users={"agent1": "secret"}, agents=50, event_rate=0, seed=11)
    b = GwsSimulator(scenario="floor", users={"agent1": "secret"}, agents=50, event_rate=0, seed=11)
    pick = lambda s: [(x.first_name, x.last_name, x.skills, x.channels["voice"]) for x in s.floor.agents]  # noqa: E731
    assert pick(a) == pick(b)
    a.floor_step(300)
    b.floor_step(300)
    assert pick(a) == pick(b)
    totals = lambda s: [(q.answered, q.abandoned) for q in s.floor.queues.values()]  # noqa: E731
    before = totals(a)
    states = {x.user_name: dict(x.channels["voice"]) for x in a.floor.agents}
    a.floor_step(300)
    assert any(states[x.user_name] != x.channels["voice"] for x in a.floor.agents)
    assert all(n >= o for now, old in zip(totals(a), before) for n, o in zip(now, old))
    # event_rate: the floor changes on its own once started
    live = GwsSimulator(scenario="floor", users={"agent1": "secret"}, agents=20, event_rate=200, seed=1)
    await live.start()
    try:
        deadline = time.monotonic() + WAIT
        while live.floor.changes < 20 and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert live.floor.changes >= 20
    finally:
        await live.stop()


def test_floor_profile_options_and_no_floor_elsewhere():
    floor = GwsSimulator(scenario="floor", users={"agent1": "secret"}, agents=5, event_rate=0)
    plain = floor.profile_options()
    assert "floor" not in plain and "floor_queues" not in plain
    sup = floor.profile_options(supervisor=True)
    assert {k: v for k, v in sup.items() if not k.startswith("floor")} == plain and sup["floor"] is True
    truth = floor.truth()["floor"]["queues"]
    assert sup["floor_queues"] == [f"{q['queueId']}+{q['skillId']}" for q in truth.values()]
    assert len(floor.world.agents) == 6 and floor.truth()["agent"]["roles"] == ["ROLE_AGENT", "ROLE_SUPERVISOR"]
    idle = GwsSimulator(scenario="idle", users={"agent1": "secret"})
    assert idle.floor is None and idle.profile_options(supervisor=True)["floor_queues"] == []
    with pytest.raises(ValueError):
        idle.floor_step(1)
    assert GwsSimulator(scenario="floor", users={"agent1": "secret"}).truth()["floor"]["agents"] == 500  # the default
    assert "floor_period_s" not in sup
    fast = GwsSimulator(scenario="floor", users={"agent1": "secret"}, agents=5, floor_period_s=0.5)
    assert fast.profile_options(supervisor=True)["floor_period_s"] == 0.5 and "floor_period_s" not in fast.profile_options()
