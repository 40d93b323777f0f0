"""The pure Alvaria mapper against the streaming document's own samples.

Inputs are the recorded fixtures in ``tests/fixtures/alvaria/`` (the document's samples copied
verbatim with their line numbers; README.md there). Each event schema sample is the decoded
``payload``; it is put into a v3 envelope shaped like the ``EventResponseV3`` sample (A:1261-1275).
Every expected value below is written by hand from the document (``A:n`` = line of
``/work/shared/vendor-docs/alvaria-cloud-streaming-rest-v2-v3.md``), the digest's tables (§3.6,
appendix A) and the written rules in ``desktop/vendors/alvaria/mapper.py``'s docstring, never
captured from the mapper's output. Inputs that are not from the document are small hand-written
dicts marked ``# not from the doc``.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from desktop.core.events import (AgentChanged, ConnectionChanged, InteractionChanged, InteractionRenamed, MessageAdded,
                                 NoticeRaised, QueueChanged)
from desktop.core.model import ChatMessage, Connection, Notice
from desktop.vendors.alvaria import mapper
from desktop.vendors.alvaria.mapper import MapContext, MalformedEvent, decode_event, map_event
from tests.helpers.fixtures import fixture_path, load_fixture

DOC = Path("/work/shared/vendor-docs/alvaria-cloud-streaming-rest-v2-v3.md")
ME = "99b788f3000d99"                 # the userId of every sample (A:1472 …)
EVENT_ID = "1519073278252-0"          # the EventResponseV3 sample's eventId (A:1266)
PUBLISHED = "2018-01-30T14:04:20.539Z"
AT = 1517321060.539                   # PUBLISHED as epoch seconds
ALL_KNOWN = MapContext(self_user_id=ME, known=lambda _iid: True)
NONE_KNOWN = MapContext(self_user_id=ME)


def fx(name: str):
    return load_fixture("alvaria", name)


def eid(n: int) -> str:
    return f"alvaria:{EVENT_ID}/{n}"


def envelope(event_type: str, sample, **extra):
    """A v3 envelope as in the EventResponseV3 sample, the payload JSON-encoded as a string (A:1301)."""
    return {"kind": "via#engagementCenterEvent", "eventId": EVENT_ID, "correlationId": "def61349-6f49-4019-918f-2cd2fbfd4e42",
            "eventType": event_type, "publishedTime": PUBLISHED, "schemaVersion": "1", "payload": json.dumps(sample), **extra}


def run(event_type: str, fixture: str, ctx: MapContext = NONE_KNOWN):
    return map_event(decode_event(envelope(event_type, fx(fixture))), ctx)


def agent(n: int, changes: dict, is_self: bool = True, agent_id: str = ME):
    return AgentChanged(event_id=eid(n), at=AT, agent_id=agent_id, changes=changes, is_self=is_self)


def state(name: str, vendor_state: str | None = None, **extra):
    return {"vendor_state": vendor_state or name, "state": extra.pop("state"), "reason": None, "reason_code": None, **extra}


def work(n: int, iid: str, **changes):
    return InteractionChanged(event_id=eid(n), at=AT, interaction_id=iid, changes=changes)


def notice(n: int, level: str, text: str, code: str | None, iid: str | None = None):
    return NoticeRaised(event_id=eid(n), at=AT, notice=Notice(level, text, code=code, interaction_id=iid))


def link(n: int, status: str, detail: str):
    return ConnectionChanged(event_id=eid(n), at=AT, connection=Connection(status, detail))


def chat(n: int, iid: str, sender: str, text: str, name: str | None):
    return MessageAdded(event_id=eid(n), at=AT, message=ChatMessage(iid, sender, text, name=name, at=AT))


# -- every sample, its event type, and what it must become --------------------------------------------
EC = "engagementCenter."
SCREEN_DATA = dict(from_="6035551212", to="6035551212", remote="6035551212", remote_name="ELLEN FROST", queue="191",
                   held=False, data={"umid": "01-0010010000-180226-225649658-00376",
                                     "callBackMemo": "This is an example of a call back memo"})
# ScreenPop/PreviewScreenPop (A:2569-2987): screenData ani/dnis/phoneNumber/firstName/lastName/umid,
# otherData.interactionCategory 2 = OUTBOUND (A:2866), workTypeIdRev "191"; callBackMemo kept as data.

CASES = [
    # (fixture, event type, expected events) — the sample's user is the desktop's own agent (ME)
    ("EventECAcceptCallTimeout_A1471-1480.json", EC + "AcceptCallTimeout", [   # A:52: moved to another agent
        work(0, "151", state="ended", held=False, agent_id=ME),
        notice(1, "info", "the offer was not accepted in time and moved to another agent", "AcceptCallTimeout", "151")]),
    ("EventECActivateInteraction_A1493-1502.json", EC + "ActivateInteraction", []),   # focus only (A:54)
    ("EventECActive_A1515-1525.json", EC + "Active", [   # category 14 OUTBOUND_MANUAL, statusReason 2 AgActive (A:1536-1537)
        agent(0, state("Active", "Active/AgActive", state="busy")),
        work(1, "151", state="connected", held=False, media="voice", direction="outbound", agent_id=ME)]),
    ("EventECAdvanceFeature_A1539-1544.json", EC + "AdvanceFeature", [agent(0, state("AdvanceFeature", state="busy"))]),
    ("EventECAgentStatistics_A1554-1590.json", EC + "AgentStatistics", [   # a queue per work type (A:1600-1601)
        QueueChanged(event_id=eid(0), at=AT, queue_id="84", changes={"answered": 0, "name": "CherylChat1"})]),
    ("EventECAudioPathConnection_A1627-1634.json", EC + "AudioPathConnection", [   # state true
        notice(0, "info", "the station's audio path is connected", "AudioPathConnection")]),
    ("EventECCallReRouted_A1645-1653.json", EC + "CallReRouted", [work(0, "151", state="ended", held=False, agent_id=ME)]),
    ("EventECClientSessionKeepAlive_A1665-1672.json", EC + "ClientSessionKeepAlive", []),
    ("EventECConference_A1683-1698.json", EC + "Conference", [
        agent(0, state("Conference", state="busy")), work(1, "151", state="connected", held=False, agent_id=ME)]),
    ("EventECConnectConfirm_A1717-1725.json", EC + "ConnectConfirm", []),
    ("EventECConnected_A1737-1742.json", EC + "Connected", [   # A:64 followed by NotReady or Idle
        agent(0, state("Connected", state="not_ready")),
        link(1, "connected", "agent logged in to Alvaria Engagement Center")]),
    ("EventECConnecting_A1752-1757.json", EC + "Connecting", [agent(0, state("Connecting", state="logged_out"))]),
    ("EventECConsult_A1767-1778.json", EC + "Consult", [   # consult 151 of original 152
        agent(0, state("Consult", state="busy")),
        work(1, "151", state="connected", held=False, parent_id="152", media="voice", agent_id=ME)]),
    ("EventECConsultInitiated_A1793-1809.json", EC + "ConsultInitiated", []),   # sync only (A:72)
    ("EventECDialing_A1838-1847.json", EC + "Dialing", [   # mediaType InboundACD as printed
        agent(0, state("Dialing", state="busy")),
        work(1, "151", state="dialing", media="voice", direction="inbound", agent_id=ME)]),
    ("EventECDialInitiated_A1897-1912.json", EC + "DialInitiated", [   # makeCallType User: internal
        work(0, "151", state="dialing", remote="5551212", to="5551212", media="voice", direction="internal", queue="15",
             agent_id=ME)]),
    ("EventECDisconnected_A1938-1943.json", EC + "Disconnected", [   # A:84
        agent(0, state("Disconnected", state="logged_out")),
        notice(1, "warning", "the platform ended the agent's session (Disconnected): sign in again to receive work",
               "Disconnected"),
        link(2, "disconnected", "the platform ended the agent's session (Disconnected)")]),
    ("EventECDisconnectPending_A1953-1958.json", EC + "DisconnectPending", [agent(0, {"vendor_state": "DisconnectPending"})]),
    ("EventECDispositionInitiated_A1968-1979.json", EC + "DispositionInitiated", []),
    ("EventECEmailRemoved_A1997-2004.json", EC + "EmailRemoved", [
        notice(0, "info", "email email/4b05-2016125-063840/40009-0 was removed from the queue", "EmailRemoved")]),
    ("EventECError_A2015-2028.json", EC + "Error", [   # eventCode 225 informational; failCode 10 General Failure (A:2047)
        notice(0, "info", "General Failure: Calling/Called Party disconnected the call", "10", "151")]),
    ("EventECHeld_A2217-2225.json", EC + "Held", [
        agent(0, state("Held", state="busy")), work(1, "151", state="held", held=True, agent_id=ME)]),
    ("EventECIdle_A2237-2245.json", EC + "Idle", [   # a state change event; id 151 ≠ 0: that interaction was disposed (A:96)
        agent(0, state("Idle", state="ready")), work(1, "151", state="ended", held=False, agent_id=ME)]),
    ("EventECInteractionClear_A2257-2266.json", EC + "InteractionClear", [work(0, "151", state="ended", held=False, agent_id=ME)]),
    ("EventECInteractionTransferred_A2279-2292.json", EC + "InteractionTransferred", [   # A:100: use newInteractionId
        InteractionRenamed(event_id=eid(0), at=AT, old_id="151", new_id="153")]),
    ("EventECInteractionRelXferred_A2309-2317.json", EC + "InteractionReleasedXferred", [
        work(0, "151", state="ended", held=False, agent_id=ME)]),
    ("EventECMessageStatus_A2329-2338.json", EC + "MessageStatus", []),
    ("EventECMonitorState_A2351-2362.json", EC + "MonitorState", [   # 1 = MON_SILENT/MON_MONITORING (A:2373)
        notice(0, "info", "monitoring: monitoring (silent)", "MonitorState", "151")]),
    ("EventECMultiTaskingStatus_A2377-2388.json", EC + "MultiTaskingStatus", [   # userId inside the payload
        notice(0, "info", "multitasking suspended: no new work while busy (it resumes on Idle)", "MultiTaskingStatus")]),
    ("EventECNewTeam_A2408-2416.json", EC + "NewTeam", []),
    ("EventECNewVoiceMail_A2428-2436.json", EC + "NewVoiceMail", [
        notice(0, "info", "a new voicemail is waiting (work type 15)", "NewVoiceMail")]),
    ("EventECNewWorkType_A2448-2456.json", EC + "NewWorkType", []),
    ("EventECNotReady_A2468-2476.json", EC + "NotReady", [agent(0, state("NotReady", state="not_ready", reason_code="15"))]),
    ("EventECNotReadyPending_A2488-2493.json", EC + "NotReadyPending", [agent(0, {"vendor_state": "NotReadyPending"})]),
    ("EventECPark_A2503-2512.json", EC + "Park", [agent(0, state("Park", state="not_ready", reason_code="15"))]),
    ("EventECPhoneFoul_A2525-2530.json", EC + "PhoneFoul", [
        notice(0, "warning", "the phone connection was lost (the telephony endpoint hung up)", "PhoneFoul")]),
    ("EventECPhoneOffhook_A2540-2545.json", EC + "PhoneOffhook", [
        notice(0, "warning", "the phone's audio path failed: the device is off hook", "PhoneOffhook")]),
    ("EventECPhoneReconnect_A2555-2560.json", EC + "PhoneReconnect", [
        notice(0, "info", "the phone connection is restored", "PhoneReconnect")]),
    ("EventECPreviewScreenPop_A2570-2623.json", EC + "PreviewScreenPop", [   # statusReason 8 OUTBOUND_AOD
        agent(0, {"vendor_state": "PreviewScreenPop"}),
        work(1, "151", state="offered", media="voice", direction="outbound", **SCREEN_DATA, agent_id=ME)]),
    ("EventECReassignEmailAck_A2711-2718.json", EC + "ReassignEmailAck", [   # status 0 Success (A:2734)
        notice(0, "info", "email reassignment succeeded", "ReassignEmailAck")]),
    ("EventECRecordingState_A2738-2748.json", EC + "RecordingState", []),   # personal greeting, not the call
    ("EventECRemoveTeam_A2762-2769.json", EC + "RemoveTeam", []),
    ("EventECRemoveWorkType_A2780-2788.json", EC + "RemoveWorkType", []),
    ("EventECScreenPop_A2800-2860.json", EC + "ScreenPop", [   # mediaType InboundACD → voice; category 2 → outbound
        agent(0, {"vendor_state": "ScreenPop"}),
        work(1, "27", state="offered", media="voice", direction="outbound", **SCREEN_DATA, agent_id=ME)]),
    ("EventECSystemAvailable_A2989-2994.json", EC + "SystemAvailable", [
        notice(0, "info", "Alvaria Engagement Hub is available again", "SystemAvailable"),
        link(1, "connected", "Alvaria Engagement Hub available")]),
    ("EventECSystemStandby_A3004-3009.json", EC + "SystemStandby", [
        link(0, "reconnecting", "Alvaria Engagement Hub is coming online: waiting")]),
    ("EventECSystemUnavailable_A3019-3024.json", EC + "SystemUnavailable", [   # A:144: the session has ended
        notice(0, "error", "Alvaria Engagement Hub went offline: the current session has ended", "SystemUnavailable"),
        link(1, "disconnected", "Alvaria Engagement Hub offline: the session has ended")]),
    ("EventECTelephonyAvailable_A3034-3039.json", EC + "TelephonyAvailable", [
        notice(0, "info", "the telephony system is available again", "TelephonyAvailable")]),
    ("EventECTelephonyUnavailable_A3049-3054.json", EC + "TelephonyUnavailable", [
        notice(0, "warning", "the telephony system is not available", "TelephonyUnavailable")]),
    ("EventECUpdateAgtStatReason_A3064-3069.json", EC + "UpdateAgentStatusReason", []),
    ("EventECUpdateDisposition_A3079-3087.json", EC + "UpdateDisposition", []),
    ("EventECUpdateDispositionPlan_A3099-3107.json", EC + "UpdateDispositionPlan", []),
    ("EventECUpdateTeam_A3119-3127.json", EC + "UpdateTeam", []),
    ("EventECUpdateWorkType_A3139-3147.json", EC + "UpdateWorkType", []),
    ("EventECVoiceLock_A3159-3167.json", EC + "VoiceLock", [
        notice(0, "info", "customer audio is withheld for privacy (voice lock)", "VoiceLock", "151")]),
    ("EventECVoiceUnlock_A3179-3187.json", EC + "VoiceUnlock", [
        notice(0, "info", "customer audio is back (voice lock ended)", "VoiceUnlock", "151")]),
    ("EventECWrap_A3199-3207.json", EC + "Wrap", [
        agent(0, state("Wrap", state="after_call_work")), work(1, "151", state="wrap_up", held=False, agent_id=ME)]),
    ("EventECWrapTimeout_A3219-3228.json", EC + "WrapTimeout", [
        agent(0, state("WrapTimeout", state="after_call_work")), work(1, "151", state="wrap_up", held=False, agent_id=ME),
        notice(2, "warning", "the wrap-up time is over: disposition the interaction", "WrapTimeout", "151")]),
    ("EventFastpathDispostion_A3393-3400.json", "outreach.disposition", [
        notice(0, "info", "Fast Path record 10 (01_Fastpath_MK) dispositioned DAP", "outreach.disposition")]),
    ("EventFastpathStatus_A3412-3418.json", "outreach.status", [
        notice(0, "info", "Fast Path record 10 (01_Fastpath_MK): FastPath record inserted to fastpathrecinfo table",
               "outreach.status")]),
    ("EventScriptStatus_A3429-3434.json", "outreach.automationScriptStatus", [   # keys with stray spaces (A:3430)
        notice(0, "info", "automation script BaseScript1 (915) is stopped", "outreach.automationScriptStatus")]),
]

# messaging.* with the chat already known to the desktop (a ScreenPop came first); entityType 1 Agent,
# 2 Monitor, 3 Customer, 4 System (A:3262)
MESSAGING = [
    ("EventMessagingEntityAdded_A3241-3252.json", "messaging.EntityAdded", [
        chat(0, "151", "system", "customerDave joined", "customerDave"),
        work(1, "151", remote_name="customerDave")]),
    ("EventMessagingEntityDialReq_A3267-3276.json", "messaging.EntityDialRequest", [
        notice(0, "info", "the customer asks to be called at 6035551212", "EntityDialRequest", "151")]),
    ("EventMessagingEntityList_A3289-3300.json", "messaging.EntityList", [
        chat(0, "151", "system", "in the conversation: customerDave", "customerDave")]),
    ("EventMessagingEntityPushURL_A3315-3326.json", "messaging.EntityPushURL", [
        chat(0, "151", "customer", "https://www.alvaria.com", "customerDave")]),
    ("EventMessagingEntityRemoved_A3341-3352.json", "messaging.EntityRemoved", [
        chat(0, "151", "system", "customerDave left", "customerDave")]),
    ("EventMessagingEntitySendText_A3367-3378.json", "messaging.EntitySendText", [   # entityType 1 = Agent (A:3374)
        chat(0, "151", "agent", "This is text", "cherylagt1")]),
]

ENVELOPES = ["ErrorResponse_A1139-1149.json", "SessionResponse_A1196-1200.json", "SessionResponseV3_A1208-1213.json",
             "EventResponse_A1222-1235.json", "EventResponseV3_A1261-1275.json", "AcknowledgeResponse_A1324-1331.json",
             "SubscriptionResponse_A1402-1424.json"]


def test_every_fixture_is_used_here_and_documented_in_the_readme():
    folder = fixture_path("alvaria", "README.md").parent
    on_disk = sorted(p.name for p in folder.glob("*.json"))
    used = sorted([c[0] for c in CASES] + [c[0] for c in MESSAGING] + ENVELOPES)
    assert on_disk == used
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for name in on_disk:
        assert f"`{name}`" in readme, name


@pytest.mark.skipif(not DOC.exists(), reason="vendor document not on this machine")
@pytest.mark.parametrize("name", sorted(p.name for p in (Path(__file__).parents[1] / "fixtures" / "alvaria").glob("*.json")))
def test_fixtures_are_the_documents_text(name):
    start, end = map(int, re.search(r"_A(\d+)-(\d+)\.json$", name).groups())
    lines = DOC.read_text(encoding="utf-8").split("\n")
    assert fixture_path("alvaria", name).read_text(encoding="utf-8") == "\n".join(lines[start - 1:end]) + "\n"


def test_every_documented_event_is_covered():
    """58 engagementCenter names (A:51-166), 6 messaging (A:181-192), 3 outreach (A:171-176)."""
    doc_names = {"AcceptCallTimeout", "ActivateInteraction", "Active", "AdvanceFeature", "AgentStatistics",
                 "AudioPathConnection", "CallReRouted", "ClientSessionKeepAlive", "Conference", "ConnectConfirm",
                 "Connected", "Connecting", "Consult", "ConsultInitiated", "Dialing", "DialInitiated", "Disconnected",
                 "DisconnectPending", "DispositionInitiated", "EmailRemoved", "Error", "Held", "Idle",
                 "InteractionClear", "InteractionTransferred", "InteractionReleasedXferred", "MessageStatus",
                 "MonitorState", "MultiTaskingStatus", "NewTeam", "NewVoiceMail", "NewWorkType", "NotReady",
                 "NotReadyPending", "Park", "PhoneFoul", "PhoneOffhook", "PhoneReconnect", "PreviewScreenPop",
                 "ReassignEmailAck", "RecordingState", "RemoveTeam", "RemoveWorkType", "ScreenPop", "SystemAvailable",
                 "SystemStandby", "SystemUnavailable", "TelephonyAvailable", "TelephonyUnavailable",
                 "UpdateAgentStatusReason", "UpdateDisposition", "UpdateDispositionPlan", "UpdateTeam",
                 "UpdateWorkType", "VoiceLock", "VoiceUnlock", "Wrap", "WrapTimeout"}
    assert len(doc_names) == 58
    covered = {t for _, t, _ in CASES}
    assert {EC + n for n in doc_names} <= covered
    assert {f"messaging.{n}" for n in ("EntityAdded", "EntityDialRequest", "EntityList", "EntityPushURL",
                                       "EntityRemoved", "EntitySendText")} == {t for _, t, _ in MESSAGING}
    assert {"outreach.disposition", "outreach.status", "outreach.automationScriptStatus"} <= covered


@pytest.mark.parametrize("fixture, event_type, expected", CASES, ids=[c[1] for c in CASES])
def test_each_documented_event(fixture, event_type, expected):
    assert run(event_type, fixture) == expected


@pytest.mark.parametrize("fixture, event_type, expected", MESSAGING, ids=[c[1] for c in MESSAGING])
def test_each_messaging_event_on_a_known_chat(fixture, event_type, expected):
    assert run(event_type, fixture, ALL_KNOWN) == expected


def test_a_messaging_event_for_unseen_work_makes_a_chat_interaction():
    events = run("messaging.EntitySendText", "EventMessagingEntitySendText_A3367-3378.json")
    assert events == [work(0, "151", media="chat", state="connected", agent_id=ME),
                      chat(1, "151", "agent", "This is text", "cherylagt1")]
    events = run("messaging.EntityAdded", "EventMessagingEntityAdded_A3241-3252.json")
    assert events[0] == work(0, "151", media="chat", state="connected", agent_id=ME, remote_name="customerDave")


# -- envelopes -----------------------------------------------------------------------------------------
def test_v3_envelope_sample_decodes_the_payload_a_second_time():
    sample = fx("EventResponseV3_A1261-1275.json")
    event = decode_event(sample["events"][0])
    assert (event.event_id, event.event_type, event.published_at) == (EVENT_ID, "engagementCenter.Idle", AT)
    assert event.body == {"userId": "5aa0b645c2b3e80", "ehubSessionId": 215, "ehubSessionIdRev": 215,
                          "payload": {"interactionId": 1030, "interactionIdRev": 1030}}
    # Idle with interaction 1030 (numbers where strings are documented, digest §6.4 #4): disposed
    assert map_event(event, MapContext(self_user_id="5aa0b645c2b3e80")) == [
        agent(0, state("Idle", state="ready"), agent_id="5aa0b645c2b3e80"),
        work(1, "1030", state="ended", held=False, agent_id="5aa0b645c2b3e80")]


def test_v2_envelope_sample():
    sample = fx("EventResponse_A1222-1235.json")
    event = decode_event(sample["events"][0])
    assert (event.event_id, event.event_type) == ("159e90b7-da1f-4a57-b762-fdfa11590df4", "chat.SendText")
    assert map_event(event, NONE_KNOWN) == [NoticeRaised(
        event_id="alvaria:159e90b7-da1f-4a57-b762-fdfa11590df4/0", at=AT,
        notice=Notice("info", "System: Welcome to the Chat Hotline", code="chat.SendText"))]


def test_idle_with_id_zero_is_the_agent_ready():
    idle = {"userId": ME, "ehubSessionIdRev": "14", "payload": {"interactionId": 0, "interactionIdRev": "0"}}  # not from the doc
    assert map_event(decode_event(envelope(EC + "Idle", idle)), NONE_KNOWN) == [agent(0, state("Idle", state="ready"))]


def test_transfer_renames_the_id_this_desktop_knows():
    sample = fx("EventECInteractionTransferred_A2279-2292.json")
    # the consulted agent knows only the consult leg 152: that one becomes 153
    only_consult = MapContext(self_user_id=ME, known=lambda iid: iid == "152")
    assert map_event(decode_event(envelope(EC + "InteractionTransferred", sample)), only_consult) == [
        InteractionRenamed(event_id=eid(0), at=AT, old_id="152", new_id="153")]


# -- other users (a supervisor's floor) -----------------------------------------------------------------
def test_other_users_change_only_their_agent_state():
    floor = MapContext(self_user_id="supervisor-1")
    assert run(EC + "Active", "EventECActive_A1515-1525.json", floor) == [
        agent(0, state("Active", "Active/AgActive", state="busy"), is_self=False)]
    assert run(EC + "ScreenPop", "EventECScreenPop_A2800-2860.json", floor) == [
        agent(0, {"vendor_state": "ScreenPop"}, is_self=False)]
    assert run(EC + "Error", "EventECError_A2015-2028.json", floor) == []
    assert run(EC + "Disconnected", "EventECDisconnected_A1938-1943.json", floor) == [
        agent(0, state("Disconnected", state="logged_out"), is_self=False)]
    assert run("messaging.EntitySendText", "EventMessagingEntitySendText_A3367-3378.json", floor) == []


# -- Error failCodes: appendix A ----------------------------------------------------------------------
def test_fail_code_table_spot_checks():
    # written by hand from A:2047-2215 (the "(n) " prefix is documentation only, A:2042)
    assert mapper.FAIL_REASONS[10] == "General Failure"
    assert mapper.FAIL_REASONS[140] == "Customer hung up"
    assert mapper.FAIL_REASONS[252] == "Calling/Called party disconnected the call"
    assert mapper.FAIL_REASONS[345] == "No streaming session Id was supported, unable to login agent"
    assert mapper.FAIL_REASONS[347] == "The consulted agent is hearing the whisper message now. Please try again in few seconds"
    assert len(mapper.FAIL_REASONS) == 169


@pytest.mark.skipif(not DOC.exists(), reason="vendor document not on this machine")
def test_fail_code_table_matches_every_row_of_the_document():
    lines = DOC.read_text(encoding="utf-8").split("\n")[2046:2215]
    rows = [re.fullmatch(r"\| failReason \| \((\d+)\) (.*?) \|", line) for line in lines]
    assert all(rows)
    assert {int(m.group(1)): m.group(2).strip() for m in rows} == mapper.FAIL_REASONS


@pytest.mark.parametrize("code, event_code, level, text", [
    (345, 10, "error", "No streaming session Id was supported, unable to login agent"),
    (140, 225, "info", "Customer hung up"),
    (999, 10, "error", "something new"),          # unknown code: the platform's own text
])
def test_error_notice_text_comes_from_the_fail_code(code, event_code, level, text):
    body = {"userId": ME, "payload": {"interactionId": "0", "eventCode": event_code, "failCode": code,  # not from the doc
                                      "failReason": mapper.FAIL_REASONS.get(code, "something new")}}
    assert map_event(decode_event(envelope(EC + "Error", body)), NONE_KNOWN) == [notice(0, level, text, str(code))]


# -- drift (digest §6.4) -----------------------------------------------------------------------------
def test_ids_as_numbers_or_strings_and_rev_preferred():
    assert mapper.text_id({"interactionId": 151}, "interactionId") == "151"
    assert mapper.text_id({"interactionIdRev": 151}, "interactionId") == "151"
    assert mapper.text_id({"interactionId": "7", "interactionIdRev": "8"}, "interactionId") == "8"
    assert mapper.text_id({"id": "13", "idRev": "15"}, "id") == "15"    # UpdateDisposition (A:3084-3085)
    assert mapper.text_id({}, "interactionId") is None


def test_interaction_data_as_an_array_with_a_masked_value():
    pop = fx("EventECScreenPop_A2800-2860.json")
    pop["payload"]["interactionInfo"]["interactionData"] = [  # not from the doc: the declared shape (A:2857)
        {"key": "Account", "value": "12345", "isMasked": False}, {"key": "PIN", "value": "9999", "isMasked": True}]
    events = map_event(decode_event(envelope(EC + "ScreenPop", pop)), NONE_KNOWN)
    assert events[1].changes["data"]["Account"] == "12345"
    assert events[1].changes["data"]["PIN"] == "****"


def test_an_email_screen_pop_carries_the_email_header():
    pop = fx("EventECScreenPop_A2800-2860.json")
    pop["payload"]["mediaType"] = "InboundEmailNLP"  # not from the doc: an email offer
    pop["payload"]["interactionInfo"]["otherData"]["interactionCategory"] = 1
    changes = map_event(decode_event(envelope(EC + "ScreenPop", pop)), NONE_KNOWN)[1].changes
    assert changes["media"] == "email" and changes["direction"] == "inbound"
    assert changes["email"].from_ == "docs@alvaria.com"


def test_payload_already_an_object_and_schema_version_as_text_are_tolerated():
    raw = envelope(EC + "Held", {})  # not from the doc
    raw["payload"] = {"userId": ME, "payload": {"interactionIdRev": "5"}}
    raw["schemaVersion"] = 1
    assert map_event(decode_event(raw), NONE_KNOWN)[1] == work(1, "5", state="held", held=True, agent_id=ME)


@pytest.mark.parametrize("raw", [
    "not an object", {"eventId": "1"}, {"eventId": "1", "eventType": "engagementCenter.Idle", "payload": "{broken"},
    {"eventId": "1", "eventType": "engagementCenter.Idle", "payload": "[1, 2]"},
])
def test_malformed_envelopes_raise(raw):
    with pytest.raises(MalformedEvent):
        decode_event(raw)


def test_unknown_event_types_map_to_nothing():
    assert map_event(decode_event(envelope("engagementCenter.SomethingNew", {"userId": ME})), NONE_KNOWN) == []
    assert map_event(decode_event(envelope("changeNotification.user", {"id": "x"})), NONE_KNOWN) == []


@pytest.mark.parametrize("name, media, direction", [
    ("InboundACD", "voice", "inbound"), ("OutboundManual", "voice", "outbound"), ("InternalConsult", "voice", "internal"),
    ("InboundChat", "chat", "inbound"), ("InboundIM", "chat", "inbound"), ("InboundSMS", "sms", "inbound"),
    ("InboundEmailAgentSelfService", "email", "inbound"), ("OutboundEmail", "email", "outbound"),
    ("InboundFax", "other", "inbound"), ("None", None, None),
])
def test_media_enum(name, media, direction):
    assert mapper.media_of(name) == media
    assert mapper.direction_of(name) == (direction if name != "None" else None)


def test_integer_media_enum():
    # A:1536: INBOUND_CHAT 23, OUTBOUND_EMAIL 29, INBOUND_SMS 33, OUTBOUND_MANUAL 14
    assert [mapper.media_of(mapper.media_name(n)) for n in (23, 29, 33, 14)] == ["chat", "email", "sms", "voice"]
