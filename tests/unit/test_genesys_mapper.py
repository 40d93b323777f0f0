"""The pure GWS mapper against the GWS 8.5.1 reference's own samples.

Inputs are the recorded fixtures in ``tests/fixtures/genesys/`` (the document's samples, copied
with their line numbers; README.md there lists every conversion). Every expected value below is
written by hand from the reference (``Lnnn`` = line of
``/work/shared/vendor-docs/genesys-gws-8.5.1-api-reference.md``) and from the normalized
vocabulary of DESIGN.md, never captured from the mapper's output. The capability rules that the
document does not give (it lists no Answer/Retrieve/Mute/... capabilities) are the written rules of
``mapper.derive_call_capabilities`` / DESIGN.md ("ringing → accept, held → retrieve, consult leg
present → *_complete, two calls → swap/merge"). Inputs that are NOT from the document (call states
``Ringing``/``Held``/``Released``, a client typing notice, ...) are small hand-written dicts, each
marked ``# not from the doc``.

Expected names are written as the plain strings of DESIGN.md's vocabulary; the mapper's
``StrEnum`` members compare and hash equal to them.
"""
from __future__ import annotations


import pytest

from desktop.core.events import AgentChanged, CommandConfirmed, InteractionChanged, MessageAdded, NoticeRaised
from desktop.core.model import ChatMessage, EmailContent, ReasonCode
from desktop.vendors.genesys import mapper
from desktop.vendors.genesys.mapper import CallContext
from tests.helpers.fixtures import fixture_path, load_fixture

AT = 1_700_000_000.0
ME = "agent-1"


def fx(name: str):
    return load_fixture("genesys", name)


# -- the samples ---------------------------------------------------------------------------------
DIALING = "call_dialing_L4724-4771.json"
REC_START = "call_established_recording_L4170-4236.json"
REC_PAUSE = "call_paused_L4267-4335.json"
REC_RESUME = "call_resumed_L4366-4431.json"
REC_STOP = "call_stopped_L4458-4520.json"
DEVICE_STATE = "device_state_L4789-4822.json"
DEVICES_GET = "devices_fields_L100-122.json"
CH_READY_CHAT = "channels_ready_chat_L1899-1912.json"
CH_DND = "channels_dnd_L1914-1927.json"
EMAIL_INVITED = "email_invited_L3002-3078.json"
EMAIL_REVOKED = "email_revoked_L3088-3162.json"
EMAIL_ACCEPTED = "email_accepted_L3170-3264.json"
EMAIL_REPLY = "email_reply_created_L2467-2486.json"
CHAT_INVITED = "chat_invited_L3276-3339.json"
CHAT_REVOKED = "chat_revoked_L3347-3407.json"
CHAT_ACCEPTED = "chat_accepted_L3415-3511.json"
CHAT_PROPS = "chat_properties_changed_L3519-3616.json"
WORKBIN = "workbin_placed_L6283-6319.json"
AGENT_STATES = "agent_states_settings_L1141-1171.json"
OUT_TO_LUNCH = "agent_state_out_to_lunch_L1179-1187.json"
ME_SUBRESOURCES = "me_subresources_L1442-1478.json"

ALL_FIXTURES = [DIALING, REC_START, REC_PAUSE, REC_RESUME, REC_STOP, DEVICE_STATE, DEVICES_GET, CH_READY_CHAT,
                CH_DND, EMAIL_INVITED, EMAIL_REVOKED, EMAIL_ACCEPTED, EMAIL_REPLY, CHAT_INVITED, CHAT_REVOKED,
                CHAT_ACCEPTED, CHAT_PROPS, WORKBIN, AGENT_STATES, OUT_TO_LUNCH, ME_SUBRESOURCES]


def test_every_fixture_is_used_here_and_documented_in_the_readme():
    folder = fixture_path("genesys", "README.md").parent
    on_disk = sorted(p.name for p in folder.glob("*.json"))
    assert on_disk == sorted(ALL_FIXTURES)
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for name in on_disk:
        assert f"`{name}`" in readme, name


def data_message(batch_or_message, index: int = 0):
    """The CometD data message of a sample: a batch (array, L3088-3162) or a single message."""
    message = batch_or_message[index] if isinstance(batch_or_message, list) else batch_or_message
    return message["data"]


# -- calls: capabilities per documented state (L4198-4219, L4305-4319, L4400-4414, L4487-4500, L4750-4757)
# GWS names → normalized, through the one table of the mapper (DESIGN "capability" list):
# DeleteUserDataPair, DeleteUserData → delete_data; SingleStepTransfer → transfer;
# InitiateConference → conference_start; InitiateTransfer → transfer_start; UpdateUserData → update_data;
# Hold → hold; Hangup → hangup; SingleStepConference → conference; SendDtmf → send_dtmf;
# AttachUserData → attach_data; Start/Stop/Pause/ResumeCallRecording → record_start/stop/pause/resume.
ESTABLISHED_BASE = {"delete_data", "transfer", "conference_start", "transfer_start", "update_data", "hold",
                    "hangup", "conference", "send_dtmf", "attach_data"}
MUTE_RULE = {"mute"}  # derived: an established call with mute "Off" (L4229) offers MuteCall (L4654)


def call_changes(name: str, context: CallContext = CallContext()):
    events = mapper.call_message_events(data_message(fx(name)), context, agent_id=ME, at=AT, event_id="e1")
    assert isinstance(events[0], InteractionChanged)
    return events


@pytest.mark.parametrize("name, recording_caps, recording", [
    (REC_START, {"record_pause", "record_stop"}, "on"),       # L4218-4219, L4230
    (REC_PAUSE, {"record_resume", "record_stop"}, "paused"),  # L4317-4318, L4329
    (REC_RESUME, {"record_pause", "record_stop"}, "on"),      # L4412-4413, L4425
    (REC_STOP, {"record_start"}, "off"),                      # L4499, L4514
])
def test_recording_samples_exact_capabilities_and_recording_state(name, recording_caps, recording):
    events = call_changes(name)
    assert len(events) == 1  # CallRecordingStateChange, no error, no DTMF
    ev = events[0]
    assert ev.interaction_id == "0071022ec8ac8056"
    assert ev.event_id == "e1"
    c = ev.changes
    assert c["capabilities"] == frozenset(ESTABLISHED_BASE | recording_caps | MUTE_RULE)
    assert c["recording"] == recording
    assert c["state"] == "connected"          # Established
    assert c["media"] == "voice"
    assert c["direction"] == "internal"       # callType Internal, L4197
    assert c["from_"] == "5000" and c["to"] == "5001"  # ani / dnis, L4195-4196
    assert c["remote"] == "5000"
    assert c["participants"] == ("5000",)
    assert c["held"] is False and c["muted"] is False
    assert c["parent_id"] is None
    assert c["agent_id"] == ME
    assert c["remote_name"] is None
    assert c["queue"] is None
    assert c["data"]["GSIP_RECORD"] == {"on": "ON", "paused": "PAUSED", "off": "OFF"}[recording]
    assert c["data"]["IW_CaseUid"] == "8dfca5ac-ed84-4f9a-d902-8ef3c2faad81"


def test_dialing_sample():
    (ev,) = call_changes(DIALING)
    c = ev.changes
    assert ev.interaction_id == "010a0229f0cbd001"
    assert c["state"] == "dialing"
    # L4751-4756: DeleteUserDataPair, UpdateUserData, AttachUserData, Hangup, DeleteUserData, SendDtmf.
    # Dialing is neither ringing nor connected: no accept, no mute.
    assert c["capabilities"] == frozenset({"delete_data", "update_data", "attach_data", "hangup", "send_dtmf"})
    assert c["direction"] is None        # no callType in the sample
    assert c["from_"] == "1" and c["to"] is None
    assert c["remote"] == "2"            # the dialed party, participants L4733-4735
    assert c["participants"] == ("2",)
    assert c["recording"] == "off"       # no recordingState
    assert c["muted"] is False and c["held"] is False
    assert c["data"] == {}


def test_call_on_the_alternate_topic_name_maps_the_same():
    # L4129 names "/notifications/me/calls"; the mapper reads only `data`, so the topic doesn't matter
    message = fx(REC_START)
    message["channel"] = "/notifications/me/calls"
    (a,) = mapper.call_message_events(message["data"], CallContext(), agent_id=ME, at=AT, event_id=None)
    (b,) = call_changes(REC_START)
    assert a.changes == b.changes


# -- calls: states the document lacks (digest §5.1, §9) -- all inputs hand-written -----------------
def handmade_call(**fields):
    """not from the doc: the shape of the L4727-4766 call object with the given fields."""
    call = {"id": "00aa00bb00cc00dd", "callUuid": "HANDMADE0000000000000000000000001",
            "participants": ["5551234"], "ani": "5551234", "dnis": "5001", "capabilities": [], "mute": "Off"}
    call.update(fields)
    return {"messageType": "CallStateChangeMessage", "call": call, "phoneNumber": "5001",
            "notificationType": "StatusChange"}


def test_ringing_inbound_is_offered_with_accept():
    data = handmade_call(state="Ringing", callType="Inbound", capabilities=["Hangup"])  # not from the doc
    (ev,) = mapper.call_message_events(data, CallContext(), agent_id=ME, at=AT, event_id=None)
    assert ev.changes["state"] == "offered"
    assert ev.changes["direction"] == "inbound"
    assert ev.changes["remote"] == "5551234"
    assert ev.changes["capabilities"] == frozenset({"accept", "hangup"})  # ringing → accept; no mute yet


def test_held_call_offers_retrieve_not_hold():
    data = handmade_call(state="Held", callType="Inbound", capabilities=["Hold", "Hangup", "SendDtmf"])  # not from the doc
    (ev,) = mapper.call_message_events(data, CallContext(), agent_id=ME, at=AT, event_id=None)
    assert ev.changes["state"] == "held"
    assert ev.changes["held"] is True
    assert ev.changes["capabilities"] == frozenset({"retrieve", "hangup", "send_dtmf", "mute"})


def test_released_call_is_ended_with_no_capabilities():
    data = handmade_call(state="Released", callType="Inbound", capabilities=["Hangup"])  # not from the doc
    (ev,) = mapper.call_message_events(data, CallContext(), agent_id=ME, at=AT, event_id=None)
    assert ev.changes["state"] == "ended"
    assert ev.changes["capabilities"] == frozenset()


# -- calls: derived capabilities on the documented Established sample ----------------------------
def test_mute_on_offers_unmute_instead_of_mute():
    message = fx(REC_STOP)
    message["data"]["call"]["mute"] = "On"  # L4092 lists mute On/Off; the samples only show Off
    (ev,) = mapper.call_message_events(message["data"], CallContext(), agent_id=ME, at=AT, event_id=None)
    assert ev.changes["muted"] is True
    assert ev.changes["capabilities"] == frozenset(ESTABLISHED_BASE | {"record_start", "unmute"})


@pytest.mark.parametrize("context, extra, parent", [
    (CallContext(consult_of="0071022ec8ac8000", consult_kind="transfer"), {"transfer_complete"}, "0071022ec8ac8000"),
    (CallContext(consult_of="0071022ec8ac8000", consult_kind="conference"), {"conference_complete"},
     "0071022ec8ac8000"),
    # after a resync the kind is unknown: both completions are offered
    (CallContext(consult_of="0071022ec8ac8000", consult_kind=None), {"transfer_complete", "conference_complete"},
     "0071022ec8ac8000"),
    # the original call whose consult leg exists
    (CallContext(has_consult=True, consult_kind="transfer"), {"transfer_complete"}, None),
])
def test_consult_leg_present_offers_the_completion(context, extra, parent):
    (ev,) = call_changes(REC_STOP, context)
    assert ev.changes["capabilities"] == frozenset(ESTABLISHED_BASE | {"record_start", "mute"} | extra)
    assert ev.changes["parent_id"] == parent


def test_two_calls_offer_swap_and_merge():
    (ev,) = call_changes(REC_STOP, CallContext(other_active_calls=1))
    assert ev.changes["capabilities"] == frozenset(ESTABLISHED_BASE | {"record_start", "mute", "swap", "merge"})


def test_conference_offers_remove_participant():
    message = fx(REC_STOP)
    message["data"]["call"]["participants"] = ["5000", "5002"]  # a conference (L4649-4653)
    message["data"]["notificationType"] = "ParticipantsUpdated"
    (ev,) = mapper.call_message_events(message["data"], CallContext(), agent_id=ME, at=AT, event_id=None)
    assert ev.changes["participants"] == ("5000", "5002")
    assert ev.changes["capabilities"] == frozenset(ESTABLISHED_BASE | {"record_start", "mute", "remove_participant"})


def test_error_message_raises_an_error_notice_for_the_call():
    data = data_message(fx(REC_STOP))
    # L4712-4719: on a failed call-control operation these attributes are added (values made up)
    data.update({"errorMessage": "Invalid destination", "deviceUri": data["call"]["deviceUri"],
                 "connectionId": "0071022ec8ac8056", "callUuid": "00RV9H7S608V3BSHAG7GK2LAES00002M"})
    events = mapper.call_message_events(data, CallContext(), agent_id=ME, at=AT, event_id=None)
    assert [type(e) for e in events] == [InteractionChanged, NoticeRaised]
    notice = events[1].notice
    assert notice.level == "error"
    assert notice.interaction_id == "0071022ec8ac8056"
    assert "Invalid destination" in notice.text


def test_dtmf_sent_confirms_send_dtmf():
    data = data_message(fx(REC_STOP))
    data["notificationType"] = "DtmfSent"  # L4710
    events = mapper.call_message_events(data, CallContext(), agent_id=ME, at=AT, event_id=None)
    assert [type(e) for e in events] == [InteractionChanged, CommandConfirmed]
    assert events[1].capability == "send_dtmf"
    assert events[1].interaction_id == "0071022ec8ac8056"


# -- calls: malformed input ----------------------------------------------------------------------
def test_call_without_id_is_malformed():
    data = data_message(fx(DIALING))
    del data["call"]["id"]
    with pytest.raises(mapper.MalformedMessage):
        mapper.call_message_events(data, CallContext(), agent_id=ME, at=AT, event_id=None)


def test_unknown_call_state_is_malformed():
    data = data_message(fx(DIALING))
    data["call"]["state"] = "Exploded"
    with pytest.raises(mapper.MalformedMessage):
        mapper.call_message_events(data, CallContext(), agent_id=ME, at=AT, event_id=None)


def test_call_message_without_call_object_is_malformed():
    with pytest.raises(mapper.MalformedMessage):
        mapper.call_message_events({"messageType": "CallStateChangeMessage", "phoneNumber": "1"}, CallContext(),
                                   agent_id=ME, at=AT, event_id=None)


# -- email ----------------------------------------------------------------------------------------
def interaction(name: str, index: int = 0):
    events = mapper.interaction_message_events(data_message(fx(name), index), agent_id=ME, at=AT, event_id="e1")
    assert isinstance(events[0], InteractionChanged)
    return events


def test_email_invited():
    (ev,) = interaction(EMAIL_INVITED)
    c = ev.changes
    assert ev.interaction_id == "0000Ka8WP8G94H9A"
    assert c["media"] == "email"
    assert c["state"] == "offered"                                 # Invited
    assert c["capabilities"] == frozenset({"accept", "reject"})    # L3059-3062
    assert c["direction"] == "inbound"                             # type Inbound, subType InboundNew
    assert c["queue"] == "SimpleEmailInQueue"
    assert "parent_id" not in c
    # the invite's content carries only the id (L3063-3065): the envelope comes from userData
    assert c["email"] == EmailContent(from_="Customer1@ci-vm106", to=("support@ci-vm106",), cc=(),
                                      subject="Rendering_response_category", body=None)
    assert c["from_"] == "Customer1@ci-vm106"
    assert c["to"] == "support@ci-vm106"
    assert c["remote"] == "Customer1@ci-vm106"
    assert c["data"]["ContactId"] == "0000Ha8S2A7X000N"
    assert c["data"]["_AutoReplyCount"] == "0"       # values as text
    assert c["data"]["Header_Content-Type"] == 'multipart/mixed;boundary="=====0346841814=="'


def test_email_accepted():
    (ev,) = interaction(EMAIL_ACCEPTED)
    c = ev.changes
    assert ev.interaction_id == "0000Ka8WP8G94H9A"
    assert c["state"] == "connected"
    # L3228-3237: StopProcessing → complete, PlaceInWorkbin → workbin_place, Reply → email_reply, ...
    assert c["capabilities"] == frozenset({"complete", "update_data", "attach_data", "delete_data", "workbin_place",
                                           "transfer", "email_reply", "email_reply_all"})
    assert c["direction"] == "inbound"
    assert c["email"] == EmailContent(from_="Customer1@ci-vm106", to=("support@ci-vm106",), cc=(),
                                      subject="Rendering_response_category",
                                      body="Thisisemailbody.\r\nTesting, hopefullythiswillwork")  # L3239-3248
    assert c["remote"] == "Customer1@ci-vm106"
    assert "parent_id" not in c


def test_email_revoked_batch():
    batch = fx(EMAIL_REVOKED)
    assert batch[1]["channel"] == "/meta/connect"  # the same long-poll reply carries the connect reply
    (ev,) = interaction(EMAIL_REVOKED)
    c = ev.changes
    assert ev.interaction_id == "0000Ja8V814907JM"
    assert c["state"] == "ended"
    assert c["capabilities"] == frozenset()                        # L3143
    assert c["direction"] == "inbound"                             # interactionType, interactionSubType
    assert c["email"] == EmailContent(from_="Customer1@ci-vm106", to=("support@ci-vm106",), cc=(),
                                      subject="test_reply", body=None)


def test_email_reply_created():
    message = fx(EMAIL_REPLY)  # flat, `messageTypeName` (L2468), no data wrapper shown
    (ev,) = mapper.interaction_message_events(message, agent_id=ME, at=AT, event_id=None)
    c = ev.changes
    assert ev.interaction_id == "alpha-numeric-string"
    assert c["media"] == "email"
    assert c["state"] == "connected"                                # ReplyCreated: a draft the agent owns
    # L2485: Cancel → email_cancel, Send → email_send, PlaceInWorkbin → workbin_place;
    # UpdateProperties and LinkAttachment have no normalized name
    assert c["capabilities"] == frozenset({"email_cancel", "email_send", "workbin_place"})
    assert c["direction"] == "outbound"                             # interactionSubType OutboundReply
    assert c["email"] == EmailContent(from_="from-address", to=("to-address",), cc=("cc-addresses",),
                                      subject="subject-of-the-email-in-string-representation",
                                      body="text-of-email-as-text")
    assert c["from_"] == "from-address" and c["to"] == "to-address"
    assert c["remote"] == "to-address"                             # outbound: the recipient
    assert "parent_id" not in c                                     # the sample names no parent


def test_reply_with_a_parent_link():
    message = fx(EMAIL_REPLY)
    message["parentInteractionId"] = "0000Ka8WP8G94H9A"  # the attribute named at L1932 (not in this sample)
    (ev,) = mapper.interaction_message_events(message, agent_id=ME, at=AT, event_id=None)
    assert ev.changes["parent_id"] == "0000Ka8WP8G94H9A"
    message = fx(EMAIL_REPLY)
    message["parentId"] = "0000Ka8WP8G94H9A"             # "also seen as parentId" (L1932)
    (ev,) = mapper.interaction_message_events(message, agent_id=ME, at=AT, event_id=None)
    assert ev.changes["parent_id"] == "0000Ka8WP8G94H9A"


def test_workbin_placed_ends_the_agents_ownership():
    message = fx(WORKBIN)  # no data wrapper in the sample (L6283-6319)
    (ev,) = mapper.interaction_message_events(message, agent_id=ME, at=AT, event_id=None)
    c = ev.changes
    assert ev.interaction_id == "0000Ba8Y08X9001E"
    assert c["media"] == "email"
    assert c["state"] == "ended"                       # Queued in a workbin: no longer on the desktop
    assert c["capabilities"] == frozenset()
    assert c["direction"] == "inbound"                 # interactionType Inbound / interactionSubtType InboundNew
    assert c["queue"] == "TestWorkbin/PrivateQueue"
    assert "parent_id" not in c                        # parentId has no value in the sample (L6296)
    assert c["data"] == {"Sublist": '{"subkey": "subkeyvalue"}'}  # nested user data as JSON text


# -- chat -----------------------------------------------------------------------------------------
CHAT_ACCEPTED_CAPS = {  # L3460-3472
    "complete",            # StopProcessing
    "update_data", "attach_data", "delete_data",
    "workbin_place",       # PlaceInWorkbin
    "transfer",            # SingleStepTransfer
    "chat_leave",          # LeaveChat
    "chat_end",            # EndChatSession
    "chat_invite",         # SingleStepConference on a chat (InviteUser, L2752)
    "chat_history",        # RequestChatHistory
    "chat_send",           # Send (SendMessage, L2822)
    "chat_typing",         # typing notices go with sending (L2848-2920)
}


def test_chat_invited_flat_batch():
    batch = fx(CHAT_INVITED)
    assert batch[1]["channel"] == "/meta/connect"
    (ev,) = interaction(CHAT_INVITED)
    c = ev.changes
    assert ev.interaction_id == "0000Ja8V814907KS"
    assert c["media"] == "chat"
    assert c["state"] == "offered"
    assert c["capabilities"] == frozenset({"accept", "reject"})  # L3317-3320
    assert c["direction"] == "inbound"
    assert c["queue"] == "SimpleChatInQueue"
    assert c["data"]["ChatServerHost"] == "hpe-voicevm-76.genesyslab.com"
    assert "customer_typing" not in c


def test_chat_revoked():
    (ev,) = interaction(CHAT_REVOKED)
    assert ev.interaction_id == "0000Ja8V814907KS"
    assert ev.changes["state"] == "ended"
    assert ev.changes["capabilities"] == frozenset()
    assert ev.changes["customer_typing"] is False


def joined(iid, who_name, event_no):
    return MessageAdded(message=ChatMessage(iid, "system", f"{who_name} joined", name=who_name, at=AT),
                        event_id=f"gws-chat:{iid}:{event_no}", at=AT)


def test_chat_accepted_transcript_and_capabilities():
    events = interaction(CHAT_ACCEPTED)
    ev, messages = events[0], events[1:]
    c = ev.changes
    iid = "00002a94345B0MXX"
    assert ev.interaction_id == iid
    assert c["state"] == "connected"
    assert c["capabilities"] == frozenset(CHAT_ACCEPTED_CAPS)
    assert c["direction"] == "inbound"
    assert c["remote_name"] == "test_agent_notificationL"  # the Client's nickName, L3480-3482
    # L3476-3500: two joins as system lines; the TypingStarted NOTICE (id 3) is from userId
    # 0091526EACF0E038, the Agent who joined as id 2: not a line, and not the customer typing.
    assert messages == [joined(iid, "test_agent_notificationL", 1), joined(iid, "TestName", 2)]
    assert "customer_typing" not in c


def test_chat_properties_changed_newest_first_is_ordered_by_id():
    events = interaction(CHAT_PROPS)
    ev, messages = events[0], events[1:]
    c = ev.changes
    iid = "00002a94345B0MXX"
    assert "state" not in c and "capabilities" not in c   # PropertiesChanged, no capabilities (L3519-3616)
    # L3562-3602 lists 4, 3, 1, 2, 5; lines come in id order. Event 5 (PARTY_LEFT) names only the
    # userId of TestName (L3598, L3590-3594).
    assert [m.event_id for m in messages] == [f"gws-chat:{iid}:{n}" for n in (1, 2, 5)]
    assert messages[:2] == [joined(iid, "test_agent_notificationL", 1), joined(iid, "TestName", 2)]
    left = messages[2].message
    assert (left.from_, left.text, left.name) == ("system", "TestName left", "TestName")
    # both typing notices (ids 3, 4) come from the agent's userId: the customer's flag is untouched
    assert "customer_typing" not in c


def chat_notice(event_id, notice, **sender):
    # not from the doc: a NOTICE shaped like L3564-3575
    return {"messageType": "NOTICE", "visibility": "All", "noticeType": notice, "id": event_id, **sender}


CLIENT_ID = "0091526EACE5E036"  # the Client of the samples (L3478-3482)


@pytest.mark.parametrize("notices, typing", [
    ([chat_notice(6, "TypingStarted", userId=CLIENT_ID, userType="Client")], True),
    ([chat_notice(6, "TypingStarted", userId=CLIENT_ID, userType="Client"),
      chat_notice(7, "TypingStopped", userId=CLIENT_ID, userType="Client")], False),
    # newest first: the later event (by id) wins
    ([chat_notice(7, "TypingStopped", userId=CLIENT_ID, userType="Client"),
      chat_notice(6, "TypingStarted", userId=CLIENT_ID, userType="Client")], False),
    # the document's NOTICE carries only the userId (L3494-3498): resolved through PARTY_JOINED (L3478-3480)
    ([chat_notice(6, "TypingStarted", userId=CLIENT_ID)], True),
    # an agent's notice never sets the customer's flag
    ([chat_notice(6, "TypingStarted", userId="0091526EACF0E038", userType="Agent")], None),
])
def test_customer_typing_from_client_notices(notices, typing):
    data = data_message(fx(CHAT_PROPS))
    data["interaction"]["content"]["events"].extend(notices)
    events = mapper.interaction_message_events(data, agent_id=ME, at=AT, event_id=None)
    c = events[0].changes
    if typing is None:
        assert "customer_typing" not in c
    else:
        assert c["customer_typing"] is typing
    assert all(isinstance(e, MessageAdded) for e in events[1:])
    assert len(events) == 1 + 3    # notices are never transcript lines


def test_nested_and_flat_envelopes_map_the_same():
    flat = data_message(fx(CHAT_INVITED))
    inner = {k: v for k, v in flat.items() if k != "messageType"}
    nested = {"interaction": inner, "messageType": "InteractionStateMessage"}
    a = mapper.interaction_message_events(flat, agent_id=ME, at=AT, event_id=None)
    b = mapper.interaction_message_events(nested, agent_id=ME, at=AT, event_id=None)
    assert a[0].changes == b[0].changes
    # and a nested one flattened
    nested = data_message(fx(EMAIL_ACCEPTED))
    flat = {**nested["interaction"], "messageType": nested["messageType"]}
    a = mapper.interaction_message_events(nested, agent_id=ME, at=AT, event_id=None)
    b = mapper.interaction_message_events(flat, agent_id=ME, at=AT, event_id=None)
    assert a[0].changes == b[0].changes


def test_message_type_and_message_type_name_are_both_accepted():
    data = data_message(fx(CHAT_INVITED))
    renamed = {("messageTypeName" if k == "messageType" else k): v for k, v in data.items()}
    a = mapper.interaction_message_events(data, agent_id=ME, at=AT, event_id=None)
    b = mapper.interaction_message_events(renamed, agent_id=ME, at=AT, event_id=None)
    assert a[0].changes == b[0].changes


@pytest.mark.parametrize("type_key", ["type", "interactionType"])
@pytest.mark.parametrize("sub_key", ["subType", "interactionSubType", "interactionSubtType"])
def test_type_and_subtype_spellings(type_key, sub_key):
    # L3070/L3148 (type/interactionType), L3055/L3142/L6294 (three subType spellings)
    base = {k: v for k, v in fx(EMAIL_REPLY).items()
            if k not in ("interactionType", "interactionSubType")}
    outbound = {**base, type_key: "Email", sub_key: "OutboundReply"}
    (ev,) = mapper.interaction_message_events(outbound, agent_id=ME, at=AT, event_id=None)
    assert ev.changes["direction"] == "outbound"
    assert ev.changes["remote"] == "to-address"
    inbound = {k: v for k, v in data_message(fx(EMAIL_REVOKED)).items()
               if k not in ("interactionType", "interactionSubType")}
    inbound.update({type_key: "Inbound", sub_key: "InboundNew"})
    (ev,) = mapper.interaction_message_events(inbound, agent_id=ME, at=AT, event_id=None)
    assert ev.changes["direction"] == "inbound"
    assert ev.changes["remote"] == "Customer1@ci-vm106"


def test_interaction_message_without_interaction_is_malformed():
    with pytest.raises(mapper.MalformedMessage):
        mapper.interaction_message_events({"messageType": "InteractionStateMessage"}, agent_id=ME, at=AT,
                                          event_id=None)


def test_interaction_without_id_is_malformed():
    data = data_message(fx(EMAIL_INVITED))
    del data["interaction"]["id"]
    with pytest.raises(mapper.MalformedMessage):
        mapper.interaction_message_events(data, agent_id=ME, at=AT, event_id=None)


# -- agent state ----------------------------------------------------------------------------------
DESCRIPTORS = fx(AGENT_STATES)["settings"]


def rc(r: ReasonCode):
    """(state, label, code, vendor_state): the fields these tests pin down."""
    return (r.state, r.label, r.code, r.vendor_state)


def test_reason_codes_from_the_five_built_in_descriptors():
    # L1142-1168. Plain Ready/NotReady/Offline carry no code; AfterCallWork and AuxWork are set by
    # their own operationName, which is the code. Order: ready, not ready (plain first), after call
    # work, logged out.
    assert [rc(r) for r in mapper.reason_codes(DESCRIPTORS)] == [
        ("ready", "Ready", None, "Ready"),
        ("not_ready", "Not Ready", None, "NotReady"),
        ("not_ready", "AuxWork", "AuxWork", "AuxWork"),
        ("after_call_work", "AfterCallWork", "AfterCallWork", "AfterCallWork"),
        ("logged_out", "Offline", None, "Offline"),
    ]


def test_reason_codes_with_the_custom_out_to_lunch_state():
    descriptors = [*DESCRIPTORS, fx(OUT_TO_LUNCH)]  # L1176-1187
    codes = mapper.reason_codes(descriptors)
    assert [r.label for r in codes] == ["Ready", "Not Ready", "AuxWork", "Not Ready - Out to lunch",
                                        "AfterCallWork", "Offline"]
    assert rc(codes[3]) == ("not_ready", "Not Ready - Out to lunch", "OutToLunch", "OutToLunch")
    assert {r.code for r in codes if r.code} == {"AuxWork", "OutToLunch", "AfterCallWork"}


def test_device_state_message_ready():
    message = fx(DEVICE_STATE)
    (ev,) = mapper.agent_events(ME, devices=message["data"]["devices"], descriptors=DESCRIPTORS, at=AT)
    assert isinstance(ev, AgentChanged) and ev.agent_id == ME and ev.is_self
    c = ev.changes
    assert c["state"] == "ready"
    assert c["dnd"] is False
    assert c["reason"] is None and c["reason_code"] is None
    assert c["vendor_state"] == "Ready"
    # an Active device with no capabilities listed: set state, and Dial (L4639) is derived
    assert c["capabilities"] == frozenset({"set_agent_state", "dial"})


def test_devices_get_capabilities():
    (device,) = fx(DEVICES_GET)["devices"]                 # L100-104: ForwardCallsOn, DoNotDisturbOn
    c = mapper.map_device(device, DESCRIPTORS)
    assert c["state"] == "ready" and c["dnd"] is False
    assert c["capabilities"] == frozenset({"forward_on", "dnd_on", "set_agent_state", "dial"})


def test_device_dnd_on_and_supervisor_capabilities():
    (device,) = fx(DEVICES_GET)["devices"]
    device = {**device, "doNotDisturb": "On",              # L3910 "On"/"Off"
              "capabilities": ["ForwardCallsOff", "DoNotDisturbOff", "ListenIn", "Coach", "Bargain",
                               "CancelSupervisorMonitoring"]}  # L3912-3916
    c = mapper.map_device(device, DESCRIPTORS)
    assert c["state"] == "do_not_disturb"
    assert c["dnd"] is True
    assert c["capabilities"] == frozenset({"forward_off", "dnd_off", "listen_in", "coach", "barge_in",
                                           "cancel_monitoring", "set_agent_state", "dial"})


def test_inactive_device_cannot_dial():
    (device,) = fx(DEVICES_GET)["devices"]
    c = mapper.map_device({**device, "deviceState": "Inactive"}, DESCRIPTORS)  # L4781
    assert c["capabilities"] == frozenset({"forward_on", "dnd_on", "set_agent_state"})


def test_not_ready_after_call_work():
    # a device userState matching the AfterCallWork definition (L1142-1147) carries its id and
    # displayName (L4782)
    user_state = {"state": "NotReady", "workMode": "AfterCallWork", "id": "D3663509-3D82-4DD3-A82E-2EA8EFA02AEF",
                  "displayName": "AfterCallWork"}
    c = mapper.map_user_state(user_state, False, DESCRIPTORS)
    assert c["state"] == "after_call_work"
    assert c["vendor_state"] == "NotReady/AfterCallWork"
    assert c["reason_code"] == "AfterCallWork"  # the operationName that sets this state (L1126)
    assert c["dnd"] is False


def test_custom_reason_out_to_lunch():
    # the device userState of the custom state of L1176-1187: state, reason, and its displayName
    user_state = {"state": "NotReady", "reason": "OutToLunch", "displayName": "Not Ready - Out to lunch"}
    c = mapper.map_user_state(user_state, False, [*DESCRIPTORS, fx(OUT_TO_LUNCH)])
    assert c["state"] == "not_ready"
    assert c["reason_code"] == "OutToLunch"
    assert c["reason"] == "Not Ready - Out to lunch"
    assert c["vendor_state"] == "NotReady"


def test_logout_is_logged_out():
    user_state = {"state": "Logout", "id": "0F7F5003-EF26-4D13-A6Ef-D0C7EC819BEB", "displayName": "Offline"}  # L1159-1163
    c = mapper.map_user_state(user_state, False, DESCRIPTORS)
    assert c["state"] == "logged_out"
    assert c["reason"] is None and c["reason_code"] is None


def test_reason_and_reason_code_spellings():
    me = fx(ME_SUBRESOURCES)
    email, chat = me["channels"]
    assert "reason" in email["userState"] and "reasonCode" in chat["userState"]  # L1458 vs L1466
    for channel in (email, chat):
        c = mapper.map_user_state(channel["userState"], False, DESCRIPTORS)
        assert c["state"] == "not_ready"
        assert c["reason_code"] == "Lunch"
        assert c["reason"] == "Out to Lunch"


def test_me_subresources_overall_state():
    me = fx(ME_SUBRESOURCES)
    (ev,) = mapper.agent_events(ME, devices=me["devices"], channels=me["channels"], descriptors=DESCRIPTORS,
                                name="Agent One", at=AT)
    c = ev.changes
    assert c["name"] == "Agent One"
    assert c["state"] == "not_ready"                     # NotReady / AuxWork (L1447-1450)
    assert c["reason_code"] == "Lunch" and c["reason"] == "Out to Lunch"
    assert c["vendor_state"] == "NotReady/AuxWork"
    assert c["dnd"] is False
    assert c["channels"] == {"email": "not_ready", "chat": "not_ready"}


def test_channels_ready_chat():
    channels = fx(CH_READY_CHAT)["data"]["channels"]
    assert mapper.map_channels(channels, DESCRIPTORS) == {"chat": "ready"}
    (ev,) = mapper.agent_events(ME, channels=channels, descriptors=DESCRIPTORS, at=AT,
                                known_channels={"email": "not_ready"})
    assert ev.changes["channels"] == {"email": "not_ready", "chat": "ready"}
    assert ev.changes["state"] == "ready"                # no voice device: the best channel state


def test_channels_dnd_on_sets_do_not_disturb():
    # L1913-1927: the notification after DoNotDisturbOn on /me (L1743-1776, "applies to all devices and
    # channels"): one entry with dndState On and no channel name
    channels = fx(CH_DND)["data"]["channels"]
    assert mapper.map_channels(channels, DESCRIPTORS) == {}   # nothing to attribute to one channel
    (ev,) = mapper.agent_events(ME, channels=channels, descriptors=DESCRIPTORS, at=AT,
                                known_channels={"chat": "ready"})
    c = ev.changes
    assert c["dnd"] is True
    assert c["state"] == "do_not_disturb"
    assert c["channels"] == {"chat": "ready"}
