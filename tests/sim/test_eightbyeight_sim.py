"""The 8x8 SAPI simulator against a raw ``websockets`` client, over real loopback sockets.

Expected event orders are written by hand from the sequence tables of
vendor-docs/8x8-streaming-api-sapi.md (S:n = line n); choices where the document is silent
(HTTP statuses, close codes, framing faults) come from desktop/sim/eightbyeight/README.md.
Nothing expected here is captured from the simulator's own output.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
import websockets
from websockets.exceptions import ConnectionClosed, InvalidStatus

from desktop.sim.eightbyeight import EightByEightSimulator

ROOT = Path(__file__).resolve().parents[2]
USER, TOKEN, TENANT = "acmecorp01", "s3cret-token", "acmecorp01"
WAIT = 5.0


def auth(user: str = USER, token: str = TOKEN) -> dict:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{token}".encode()).decode()}


def url(sim: EightByEightSimulator, sub_id: str = "mon-1", output: str | None = "NEWLINE_JSON",
        query_name: str = "subsId", tenant: str = TENANT) -> str:
    """The template of S:39, built by hand (not by the simulator)."""
    q = [] if output is None else [f"desiredOutputType={output}"]
    q += [f"tenantId={tenant}", f"{query_name}={sub_id}"]
    return f"{sim.base_url}/clientconnect/subscribe/TenantUpdates-{tenant}-{sub_id}?" + "&".join(q)


class Peer:
    """A raw SAPI consumer: one websocket, records parsed per output type."""

    def __init__(self, ws, output: str):
        self.ws = ws
        self.output = output
        self.frames: list[str] = []
        self.records: list[dict] = []  # parsed records in arrival order (heartbeats included)
        self._buf = ""

    @classmethod
    async def open(cls, sim, sub_id="mon-1", output="NEWLINE_JSON", **kw) -> "Peer":
        ws = await websockets.connect(url(sim, sub_id, output, **kw), additional_headers=auth(),
                                      open_timeout=WAIT, close_timeout=1)
        return cls(ws, output or "JSON")

    async def close(self) -> None:
        await self.ws.close()

    async def frame(self, timeout: float = WAIT) -> str:
        f = await asyncio.wait_for(self.ws.recv(), timeout)
        assert isinstance(f, str)
        self.frames.append(f)
        return f

    def _parse(self, text: str) -> list[dict]:
        if self.output.startswith("NEWLINE_"):
            assert text.endswith("\n"), repr(text[-40:])
            parts = [p for p in text.split("\n") if p]
        else:
            parts = [text]
        if self.output.endswith("XML"):
            return [{"_xml": ET.fromstring(p)} for p in parts]
        return [json.loads(p) for p in parts]

    async def wait_for(self, pred, what="record", timeout: float = WAIT) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"timed out waiting for {what}; last frames: {self.frames[-5:]}")
            try:
                f = await self.frame(left)
            except asyncio.TimeoutError:
                continue
            for r in self._parse(f):
                self.records.append(r)
                if pred(r):
                    return r

    async def interactions(self, n: int, timeout: float = WAIT) -> list[dict]:
        """The next n Interaction records (heartbeats and agent records skipped)."""
        out: list[dict] = []
        while len(out) < n:
            r = await self.wait_for(lambda r: "Interaction" in r, f"interaction {len(out) + 1}/{n}", timeout)
            out.append(r["Interaction"])
        return out


def is_(key):
    return lambda r: key in r


@pytest_asyncio.fixture
async def sim():
    s = EightByEightSimulator(scenario="idle", users={USER: TOKEN}, time_scale=0.0, heartbeat_interval_s=3600)
    await s.start()
    try:
        yield s
    finally:
        await s.stop()


async def refused(target: str, headers: dict | None) -> tuple[int, str, Any]:
    with pytest.raises(InvalidStatus) as info:
        async with websockets.connect(target, additional_headers=headers or {}, open_timeout=WAIT):
            pass
    resp = info.value.response
    return resp.status_code, resp.body.decode("utf-8"), resp.headers


# ----------------------------------------------------------------------------- handshake


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_bad_credentials_are_refused_with_401_in_words(sim):
    for headers in (None, auth(token="wrong"), auth(user="nobody")):
        status, body, hdrs = await refused(url(sim), headers)
        assert status == 401
        assert hdrs["WWW-Authenticate"].startswith("Basic")
        assert "Authentication" in body and len(body.split()) > 4
    sim.faults.bad_token(True)  # a New Token was generated (S:33)
    status, body, _ = await refused(url(sim), auth())
    assert status == 401 and "token" in body
    sim.faults.bad_token(False)
    p = await Peer.open(sim)
    await p.close()


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_url_template_and_query_parameters(sim):
    # subsId (S:39) and subscriptionId (S:56) are both accepted
    for name in ("subsId", "subscriptionId"):
        p = await Peer.open(sim, f"by-{name}", query_name=name)
        sim.agent_status(None, 4)
        r = await p.wait_for(is_("AgentStatusChange"))
        assert r["AgentStatusChange"]["agentId"] == sim.profile_options()["agent_id"]
        await p.close()
    no_id = f"{sim.base_url}/clientconnect/subscribe/TenantUpdates-{TENANT}-x?desiredOutputType=JSON&tenantId={TENANT}"
    status, body, _ = await refused(no_id, auth())
    assert status == 400 and "subsId" in body
    status, body, _ = await refused(url(sim, tenant="othertenant"), auth())
    assert status == 403 and "othertenant" in body
    status, _, _ = await refused(url(sim, output="YAML"), auth())
    assert status == 400
    status, _, _ = await refused(sim.base_url + "/elsewhere", auth())
    assert status == 404
    mismatch = (f"{sim.base_url}/clientconnect/subscribe/TenantUpdates-{TENANT}-a?tenantId={TENANT}&subsId=b")
    status, _, _ = await refused(mismatch, auth())
    assert status == 400


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_profile_options_and_credentials(sim):
    opts = sim.profile_options()
    assert opts["url"] == sim.base_url == f"ws://127.0.0.1:{sim.port}/api/streaming/v1"
    assert opts["tenant"] == TENANT and opts["subscription_id"] == "ctidesk-demo-1"
    assert opts["output_type"] == "NEWLINE_JSON" and opts["agent_id"] == "ag64oyEUb_Sk6bxVB9P5yaaa"
    assert sim.credentials() == {"user": USER, "secret": TOKEN}
    s2 = EightByEightSimulator(scenario="idle")
    assert s2.profile_options()["heartbeat_timeout_s"] == 60


# ----------------------------------------------------------------------------- framing


@pytest.mark.asyncio
@pytest.mark.timeout(30)
@pytest.mark.parametrize("output", ["JSON", "NEWLINE_JSON", "XML", "NEWLINE_XML", None])
async def test_output_types_framing(sim, output):
    p = await Peer.open(sim, "fmt", output)
    sim.agent_status(None, 5, "801=1722")
    f = await p.frame()
    if output in (None, "JSON"):  # default: JSON (README), no newline, one record per frame
        assert not f.endswith("\n")
        rec = json.loads(f)
        assert rec["AgentStatusChange"]["newState"] == 5  # a JSON number, S:292
        assert rec["AgentStatusChange"]["newReasonCodeUser"] == "801=1722"
    elif output == "NEWLINE_JSON":
        assert f.endswith("\n") and f.count("\n") == 1
        assert json.loads(f)["AgentStatusChange"]["newSubState"] == "none"
    else:
        assert f.endswith("\n") == (output == "NEWLINE_XML")
        root = ET.fromstring(f.strip())
        assert root.tag == "AgentStatusChange"
        assert root.findtext("newState") == "5" and root.findtext("newReasonCodeUser") == "801=1722"
        assert root.find("msgInfo/sequenceId") is not None
    sim.inbound_call()
    f = await p.frame()
    if output and output.endswith("XML"):
        root = ET.fromstring(f.strip())
        assert root.tag == "Interaction" and root.findtext("event") == "InteractionCreated"
        keys = [d.findtext("attachedDataKey") for d in root.findall("attachedData/attachedDatum")]
        assert keys[:2] == ["@pri", "callingName"]
    else:
        assert json.loads(f)["Interaction"]["event"] == "InteractionCreated"
    await p.close()


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_heartbeats_are_client_checks_at_the_interval():
    s = EightByEightSimulator(scenario="idle", users={USER: TOKEN}, heartbeat_interval_s=0.2)
    await s.start()
    try:
        p = await Peer.open(s, "hb")
        t0 = time.monotonic()
        a = (await p.wait_for(is_("ClientCheck")))["ClientCheck"]
        b = (await p.wait_for(is_("ClientCheck")))["ClientCheck"]
        assert time.monotonic() - t0 < 2.0
        # S:266-274: heartbeat text, hyphenated keys
        assert a["heartbeat"] == "[HEARTBEAT]" and a["subscription-id"] == "hb" and a["tenant-id"] == TENANT
        assert set(a["msgInfo"]) == {"instanceId", "sequenceId", "timestamp"}
        assert b["msgInfo"]["sequenceId"] > a["msgInfo"]["sequenceId"]
        # stop_heartbeats: silence, while records still flow
        s.faults.stop_heartbeats(True)
        await asyncio.sleep(0.3)  # let a heartbeat already queued drain
        p.records.clear()
        s.agent_status(None, 4)
        await p.wait_for(is_("AgentStatusChange"))
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(p.ws.recv(), 0.8)
        s.faults.stop_heartbeats(False)
        await p.wait_for(is_("ClientCheck"), timeout=2)
        assert s.truth()["subscriptions"]["hb"]["heartbeats"] >= 3
        await p.close()
    finally:
        await s.stop()


# ----------------------------------------------------------------------------- sequences

# (event, callState) per row, copied by hand from the tables; None = "NA" (property absent).
INBOUND = [  # S:104-115
    ("InteractionCreated", "CS_QUEUED"), ("InteractionQueued", "CS_QUEUED"),
    ("InteractionAssigned", "CS_QUEUED"), ("InteractionAccepted", "CS_CONNECTED"),
    ("InteractionPostProcess", "CS_DISCONNECTED"), ("InteractionEndPostProcess", "CS_DISCONNECTED"),
    ("InteractionDeassigned", "CS_DISCONNECTED"), ("InteractionDeassigned", "CS_DISCONNECTED")]
OUTBOUND = [  # S:117-127 and S:129-139
    ("InteractionCreated", "CS_IDLE"), ("InteractionAssigned", "CS_IDLE"), ("InteractionRecordingStarted", None),
    ("InteractionAccepted", "CS_INPROGRESS"), ("InteractionCustomerAccepted", "CS_CONNECTED"),
    ("InteractionEndPostProcess", "CS_DISCONNECTED"), ("InteractionDeAssigned", "CS_DISCONNECTED")]
CONFERENCE = [  # S:141-169
    ("InteractionCreated", "CS_IDLE"), ("InteractionQueued", "CS_IDLE"), ("InteractionAssigned", "CS_IDLE"),
    ("InteractionAccepted", "CS_INPROGRESS"), ("InteractionCustomerAccepted", "CS_CONNECTED"),
    ("InteractionCreated", "CS_IDLE"), ("InteractionAssigned", "CS_IDLE"), ("InteractionAccepted", "CS_INPROGRESS"),
    ("InteractionAssigned", "CS_INPROGRESS"), ("InteractionAccepted", "CS_CONNECTED"),
    ("InteractionEndPostProcess", "CS_DISCONNECTED"), ("InteractionDeassigned", "CS_DISCONNECTED"),
    ("InteractionReconnect", "CS_DISCONNECTED"), ("InteractionParticipantChange", "CS_CONNECTED"),
    ("InteractionDeassigned", "CS_DISCONNECTED"), ("InteractionDeleted", "CEC_DISCONNECT_NORMAL"),
    ("InteractionJoinLinesRequest", None), ("InteractionPostProcess", "CS_DISCONNECTED"),
    ("InteractionParticipantChange", "CS_DISCONNECTED"), ("InteractionEndPostProcess", "CS_DISCONNECTED"),
    ("InteractionDeassigned", "CS_DISCONNECTED"), ("InteractionPostProcess", "CS_DISCONNECTED"),
    ("InteractionEndPostProcess", "CS_DISCONNECTED"), ("InteractionDeassigned", "CS_DISCONNECTED"),
    ("InteractionDeleted", "CEC_DISCONNECT_NORMAL")]
TRANSFER_AGENT = [  # S:171-200
    ("InteractionCreated", "CS_IDLE"), ("InteractionQueued", "CS_IDLE"), ("InteractionAssigned", "CS_IDLE"),
    ("InteractionAccepted", "CS_INPROGRESS"), ("InteractionCustomerAccepted", "CS_CONNECTED"),
    ("InteractionCreated", "CS_IDLE"), ("InteractionAssigned", "CS_IDLE"), ("InteractionAccepted", "CS_INPROGRESS"),
    ("InteractionAssigned", "CS_INPROGRESS"), ("InteractionAccepted", "CS_CONNECTED"),
    ("InteractionTransferRequest", None), ("InteractionPostProcess", "CS_DISCONNECTED"),
    ("InteractionParticipantChange", "CS_CONNECTED"), ("InteractionEndPostProcess", "CS_DISCONNECTED"),
    ("InteractionDeassigned", "CS_DISCONNECTED"), ("InteractionPostProcess", "CS_DISCONNECTED"),
    ("InteractionReconnect", "CS_DISCONNECTED"), ("InteractionParticipantChange", "CS_DISCONNECTED"),
    ("InteractionDeassigned", "CS_DISCONNECTED"), ("InteractionDeleted", "CS_DISCONNECTED"),
    ("InteractionEndPostProcess", "CS_DISCONNECTED"), ("InteractionDeassigned", "CS_DISCONNECTED"),
    ("InteractionParticipantChange", "CS_DISCONNECTED"), ("InteractionPostProcess", "CS_DISCONNECTED"),
    ("InteractionDeassigned", "CS_DISCONNECTED"), ("InteractionDeleted", "CUSTOMER")]
TRANSFER_QUEUE = [  # S:202-216
    ("InteractionCreated", "CS_IDLE"), ("InteractionQueued", "CS_IDLE"), ("InteractionAssigned", "CS_IDLE"),
    ("InteractionAccepted", "CS_INPROGRESS"), ("InteractionCustomerAccepted", "CS_CONNECTED"),
    ("InteractionPostProcess", "CS_DISCONNECTED"), ("InteractionCreated", "CS_IDLE"),
    ("InteractionQueued", "CS_IDLE"), ("InteractionEndPostProcess", "CS_DISCONNECTED"),
    ("InteractionDeassigned", "CS_DISCONNECTED"), ("InteractionDeleted", "CS_DISCONNECTED")]

SEQUENCES = {"inbound": INBOUND, "outbound": OUTBOUND, "outbound_queue": OUTBOUND, "conference": CONFERENCE,
             "transfer_agent": TRANSFER_AGENT, "transfer_queue": TRANSFER_QUEUE}


@pytest.mark.asyncio
@pytest.mark.timeout(30)
@pytest.mark.parametrize("name", list(SEQUENCES))
async def test_sequences_follow_the_documented_tables(sim, name):
    p = await Peer.open(sim, "seq")
    ids = sim.play_sequence(name)
    expected = SEQUENCES[name]
    got = await p.interactions(len(expected))
    assert [(r["event"], r.get("callState")) for r in got] == expected
    for r, (_, state) in zip(got, expected):
        assert ("callState" in r) == (state is not None)  # NA: the property is absent (S:76-78)
        assert r["interactionGUID"].startswith("int-") and r["interactionGUID"].endswith(f"-{TENANT}")
    guids = [r["interactionGUID"] for r in got]
    if isinstance(ids, str):
        assert set(guids) == {ids}
    else:
        assert set(guids) == set(ids) and len(ids) == 2
    if name == "transfer_queue":  # rows 7-8 are a new interaction (S:212)
        assert guids[6] == guids[7] == ids[1] != guids[0] == ids[0]
    if name in ("conference", "transfer_agent"):  # line 2 is another agent's leg
        agents = {r["agentId"] for r in got if "agentId" in r}
        assert len(agents) == 2
    if name == "inbound":
        created, queued, assigned = got[0], got[1], got[2]
        data = {d["attachedDataKey"]: d["attachedDataValue"] for d in queued["attachedData"]["attachedDatum"]}
        assert data["remotePhoneNum"] == "+15515557212" and data["phoneNum"] == 5515557212  # S:414-432
        assert data["que"].startswith(f"{TENANT}~~queue~~phone~~")
        assert queued["direction"] == "in" and isinstance(queued["queueId"], int)
        assert assigned["agentId"] == sim.profile_options()["agent_id"]
        assert assigned["msgInfo"] == {}  # as every E sample of InteractionAssigned (E:194)
        assert set(created["msgInfo"]) == {"instanceId", "sequenceId", "timestamp"}
    # the agent's status moves along with the call (README), and truth() followed
    truth = sim.truth()
    for g in set(guids):
        assert truth["interactions"][g]["events"] >= 1
    assert truth["subscriptions"]["seq"]["sent"] >= len(expected)
    await p.close()


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_inbound_call_for_named_agent_and_agent_status(sim):
    p = await Peer.open(sim, "ag")
    agent = "agAglVJkg0TU28dok9y9UQKg"
    guid = sim.inbound_call(agent_id=agent, caller_name=None, caller_number="+447799147855")
    [created, queued, assigned] = await p.interactions(3)
    data = {d["attachedDataKey"]: d["attachedDataValue"] for d in created["attachedData"]["attachedDatum"]}
    assert data["callingName"] == 447799147855  # no name: the number, as E:110 shows
    assert assigned["agentId"] == agent and assigned["interactionGUID"] == guid
    # time_scale 0: the whole table runs at once; the agent's status follows the call (README)
    await p.wait_for(lambda r: r.get("AgentStatusChange", {}).get("agentId") == agent
                     and r["AgentStatusChange"]["newState"] == 4, "back to available")
    states = [r["AgentStatusChange"]["newState"] for r in p.records if "AgentStatusChange" in r]
    assert states == [6, 7, 8, 4]
    assert [r["Interaction"]["event"] for r in p.records if "Interaction" in r][-1] == "InteractionDeassigned"
    sim.agent_status(agent, 3, "801=1720")
    st = await p.wait_for(lambda r: r.get("AgentStatusChange", {}).get("newState") == 3)
    assert st["AgentStatusChange"]["newReasonCodeUser"] == "801=1720"
    await asyncio.sleep(0.05)
    assert sim.truth()["agents"][agent]["state"] == 3
    await p.close()


# ----------------------------------------------------------------------------- lifecycle


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_fourth_subscription_is_refused_and_duplicates_too(sim):
    peers = [await Peer.open(sim, f"s{i}") for i in range(3)]
    status, body, _ = await refused(url(sim, "s4"), auth())
    assert status == 429 and "maximum 3" in body  # S:63-64
    status, body, _ = await refused(url(sim, "s1"), auth())
    assert status == 409 and "already connected" in body
    await peers[0].close()
    p4 = await Peer.open(sim, "s4")  # a slot is free again
    for p in [*peers[1:], p4]:
        await p.close()


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_lifetime_close_then_reconnect_replays_the_cache():
    s = EightByEightSimulator(scenario="idle", users={USER: TOKEN}, time_scale=0.0, heartbeat_interval_s=3600,
                              subscription_lifetime_s=0.5)
    await s.start()
    try:
        p = await Peer.open(s, "life")
        s.agent_status(None, 4)
        first = await p.wait_for(is_("AgentStatusChange"))
        with pytest.raises(ConnectionClosed) as info:
            await p.wait_for(lambda r: False, timeout=3)
        assert info.value.rcvd is not None and info.value.rcvd.code == 1000  # README: 1000 + reason
        assert "lifetime" in info.value.rcvd.reason
        # missed while disconnected
        s.agent_status(None, 3, "801=1720")
        guid = s.inbound_call(with_status=False)
        await asyncio.sleep(0.1)
        p2 = await Peer.open(s, "life")
        st = await p2.wait_for(is_("AgentStatusChange"))
        assert st["AgentStatusChange"]["newState"] == 3
        assert st["AgentStatusChange"]["msgInfo"]["sequenceId"] > first["AgentStatusChange"]["msgInfo"]["sequenceId"]
        got = await p2.interactions(len(INBOUND))
        assert [r["event"] for r in got] == [e for e, _ in INBOUND] and got[0]["interactionGUID"] == guid
        assert not any(r == first for r in p2.records)  # already delivered: not replayed
        assert s.truth()["subscriptions"]["life"]["replayed"] >= 1 + len(INBOUND)
        # another subscription id gets nothing from before it subscribed
        other = await Peer.open(s, "fresh")
        s.agent_status(None, 9)
        r = await other.wait_for(is_("AgentStatusChange"))
        assert r["AgentStatusChange"]["newState"] == 9
        await p2.close()
        await other.close()
    finally:
        await s.stop()


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_expire_now_and_gap_longer_than_cache_window(sim):
    p = await Peer.open(sim, "gap")
    assert sim.faults.expire_subscriptions() == 1
    with pytest.raises(ConnectionClosed) as info:
        await p.wait_for(lambda r: False, timeout=3)
    assert info.value.rcvd.code == 1000
    sim.agent_status(None, 5, "801=1722")
    sim.advance_clock(7201)  # more than 2 hours later (S:68): a new subscription, nothing replayed
    p2 = await Peer.open(sim, "gap")
    sim.agent_status(None, 4)
    r = await p2.wait_for(is_("AgentStatusChange"))
    assert r["AgentStatusChange"]["newState"] == 4
    await p2.close()


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_replay_delivered_and_drop_connections(sim):
    p = await Peer.open(sim, "dup")
    sim.agent_status(None, 4)
    first = (await p.wait_for(is_("AgentStatusChange")))["AgentStatusChange"]
    assert sim.faults.drop_connections() == 1
    with pytest.raises(ConnectionClosed) as info:
        await p.wait_for(lambda r: False, timeout=3)
    assert info.value.rcvd is None  # abrupt: no close frame
    sim.agent_status(None, 5, "801=1722")  # missed
    sim.faults.replay_delivered(True)
    await asyncio.sleep(0.1)
    p2 = await Peer.open(sim, "dup")
    again = (await p2.wait_for(is_("AgentStatusChange")))["AgentStatusChange"]
    assert again == first  # the same record, same msgInfo (dedupe key)
    missed = (await p2.wait_for(is_("AgentStatusChange")))["AgentStatusChange"]
    assert missed["newState"] == 5
    await p2.close()


# ----------------------------------------------------------------------------- record faults


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_malformed_split_merge_unknown(sim):
    p = await Peer.open(sim, "f", "NEWLINE_JSON")
    # malformed: a broken frame, then the real record
    sim.faults.malformed_next(1)
    sim.agent_status(None, 4)
    bad = await p.frame()
    with pytest.raises(json.JSONDecodeError):
        json.loads(bad)
    assert "AgentStatusChange" in json.loads(await p.frame())
    # split: one record across two frames
    sim.faults.split_next(1)
    sim.agent_status(None, 5, "801=1722")
    a, b = await p.frame(), await p.frame()
    assert not a.endswith("\n") and b.endswith("\n")
    with pytest.raises(json.JSONDecodeError):
        json.loads(a)
    assert json.loads(a + b)["AgentStatusChange"]["newState"] == 5
    # merge: two records in one frame
    sim.faults.merge_next(2)
    sim.agent_status(None, 3, "801=1720")
    sim.agent_status(None, 4)
    f = await p.frame()
    lines = f.split("\n")
    assert len(lines) == 3 and lines[2] == ""
    assert [json.loads(x)["AgentStatusChange"]["newState"] for x in lines[:2]] == [3, 4]
    # unknown record types first (E:42-47)
    sim.faults.unknown_event_next(1)
    sim.agent_status(None, 9)
    unknown = json.loads(await p.frame())
    key = next(iter(unknown))
    assert key in ("GuestChatEnd", "MediaProxyAdded") or unknown[key]["event"] == "InteractionFutureFeature"
    assert json.loads(await p.frame())["AgentStatusChange"]["newState"] == 9
    await p.close()


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_merge_in_plain_json_concatenates_objects_and_reset_flushes(sim):
    p = await Peer.open(sim, "m", "JSON")
    sim.faults.merge_next(3)
    sim.agent_status(None, 3)
    sim.agent_status(None, 4)
    assert sim.truth()["faults"]["merge_next"]["held"] == 2
    sim.faults.reset()  # flushes what it held
    f = await p.frame()
    dec = json.JSONDecoder()
    first, end = dec.raw_decode(f)
    second, end2 = dec.raw_decode(f, end)
    assert end2 == len(f)
    assert [first["AgentStatusChange"]["newState"], second["AgentStatusChange"]["newState"]] == [3, 4]
    assert sim.truth()["faults"]["merge_next"] == {"size": 0, "held": 0}
    await p.close()


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_emit_verbatim_instance_switch_and_string_numbers(sim):
    p = await Peer.open(sim, "raw")
    odd = {"MediaProxyRemoved": {"event": "MediaProxyRemoved", "msgInfo": {}, "weird": "1"}}
    sim.emit(odd)
    assert json.loads(await p.frame()) == odd
    sim.agent_status(None, 4)
    a = json.loads(await p.frame())["AgentStatusChange"]["msgInfo"]
    new_id = sim.faults.switch_instance()
    sim.agent_status(None, 5)
    b = json.loads(await p.frame())["AgentStatusChange"]["msgInfo"]
    assert b["instanceId"] == new_id != a["instanceId"] and b["sequenceId"] == 1
    sim.faults.numbers_as_strings(True)
    sim.inbound_call()
    created = (await p.interactions(1))[0]
    data = {d["attachedDataKey"]: d["attachedDataValue"] for d in created["attachedData"]["attachedDatum"]}
    assert data["pho"] == "5515557212" and data["tok"] == str(created["attachedData"]["attachedDatum"][-1]
                                                              ["attachedDataValue"])
    await p.close()


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_stall_is_a_silent_socket_and_replays_after_reconnect(sim):
    p = await Peer.open(sim, "stall")
    sim.faults.stall(True)
    sim.agent_status(None, 3, "801=1720")
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(p.ws.recv(), 0.5)
    p.ws.transport.abort()  # the client gives up on the silent socket
    sim.faults.stall(False)
    p2 = await Peer.open(sim, "stall")
    r = await p2.wait_for(is_("AgentStatusChange"))
    assert r["AgentStatusChange"]["newState"] == 3
    await p2.close()


# ----------------------------------------------------------------------------- scenarios


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_demo_scenario_rings_the_demo_agent():
    s = EightByEightSimulator(scenario="demo", time_scale=0.05, heartbeat_interval_s=3600)
    assert len(s.world.agents) == 50
    await s.start()
    try:
        user, token = s.credentials()["user"], s.credentials()["secret"]
        ws = await websockets.connect(url(s, "demo"), additional_headers=auth(user, token), open_timeout=WAIT)
        p = Peer(ws, "NEWLINE_JSON")
        demo = s.profile_options()["agent_id"]
        await p.wait_for(lambda r: r.get("AgentStatusChange", {}).get("agentId") == demo, "demo agent status")
        await p.wait_for(lambda r: r.get("Interaction", {}).get("event") == "InteractionAssigned"
                         and r["Interaction"].get("agentId") == demo, "a call for the demo agent")
        await p.wait_for(lambda r: r.get("AgentStatusChange", {}).get("agentId") not in (None, demo),
                         "another agent's status")
        assert not s.truth()["scenario_errors"]
        await p.close()
    finally:
        await s.stop()


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_floor_scenario_streams_at_the_rate():
    s = EightByEightSimulator(scenario="floor", users={USER: TOKEN}, agents=5000, event_rate=2000,
                              heartbeat_interval_s=3600)
    assert len(s.world.agents) == 5000
    await s.start()
    try:
        p = await Peer.open(s, "floor")
        t0 = time.monotonic()
        n = 0
        agents = set()
        while n < 1000:
            f = await p.frame()
            for line in f.splitlines():
                rec = json.loads(line)
                n += 1
                body = rec.get("AgentStatusChange") or rec.get("Interaction") or {}
                if body.get("agentId"):
                    agents.add(body["agentId"])
        assert time.monotonic() - t0 < 5
        assert len(agents) > 100
        assert s.floor_records(500) >= 500  # the benchmark's burst
        await p.close()
    finally:
        await s.stop()


def test_simulator_never_imports_the_client_side_or_qt():
    pkg = ROOT / "desktop" / "sim" / "eightbyeight"
    bad = re.compile(r"^\s*(from|import)\s+(desktop\.(core|vendors|transports)|PySide6|qasync)\b", re.M)
    for f in pkg.glob("*.py"):
        assert not bad.search(f.read_text(encoding="utf-8")), f"{f.name} imports the client side or Qt"


def test_runner_creates_the_8x8_simulator():
    from desktop.sim import runner
    s = runner.create("8x8", scenario="idle")
    assert isinstance(s, EightByEightSimulator)
    assert s.credentials() == {"user": runner.DEMO_USER, "secret": runner.DEMO_PASSWORD}


@pytest.mark.asyncio
@pytest.mark.timeout(30)
async def test_cache_keeps_only_the_window(sim):
    """Records older than cache_window_s fall out of the cache (S:66: "up to 2 hours")."""
    p = await Peer.open(sim, "win")
    sim.agent_status(None, 3, "801=1720")  # delivered, then ages out
    await p.wait_for(is_("AgentStatusChange"))
    sim.advance_clock(7300)
    sim.agent_status(None, 4)  # delivered, still young
    await p.wait_for(is_("AgentStatusChange"))
    sim.faults.drop_connections()
    with pytest.raises(ConnectionClosed):
        await p.wait_for(lambda r: False, timeout=3)
    sim.faults.replay_delivered(True)
    await asyncio.sleep(0.1)
    p2 = await Peer.open(sim, "win")
    sim.agent_status(None, 9)
    states = []
    while len(states) < 2:
        states.append((await p2.wait_for(is_("AgentStatusChange")))["AgentStatusChange"]["newState"])
    assert states == [4, 9]
    assert sim.truth()["subscriptions"]["win"]["cached"] == 2
    await p2.close()
