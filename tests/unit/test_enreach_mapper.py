"""The pure Enreach mapper against the RTE document's own samples (tests/fixtures/enreach/).

Every expected value below is written by hand from the document (``R:n`` = line n of
vendor-docs/enreach-rte-signalr.md) and from the mapping tables in the mapper's docstring
(which follow DESIGN.md's vocabulary), never captured from the mapper's output. Inputs that are
not the document's samples are small edits of them, each marked ``# not from the doc``.
Every per-event sample uses the all-zero GUID for every id, so the desktop's own user in these
tests is that GUID.
"""
from __future__ import annotations

import copy
from datetime import datetime, timezone

import pytest

from desktop.core.events import AgentChanged, InteractionChanged, NoticeRaised, QueueChanged
from desktop.core.model import Agent, Interaction, Notice
from desktop.vendors.enreach import mapper
from desktop.vendors.enreach.mapper import Context
from tests.helpers.fixtures import load_fixture

ZERO = "00000000-0000-0000-0000-000000000000"
T2020 = datetime(2020, 1, 1, 12, 0, tzinfo=timezone.utc).timestamp()  # "Timestamp": "2020-01-01T12:00:00Z"
ME = Context(self_user_id=ZERO)
NUMBER = "+123457890123"


def sample(name: str) -> dict:
    return load_fixture("enreach", name)


def wrap(data: dict) -> list:
    """The MessageReceived arguments as the hub sends them (R:137-183)."""
    return [{"subscription": {"id": "s-1", "eventType": data.get("EventType"), "entityId": data.get("EntityId")},
             "data": data}]


def mapped(name: str, ctx: Context = ME) -> list:
    return mapper.map_event(mapper.read_message(wrap(sample(name))), ctx)


def one(name: str, ctx: Context = ME):
    events = mapped(name, ctx)
    assert len(events) == 1, events
    return events[0]


# -- the envelope ---------------------------------------------------------------------------------
def test_message_received_sample_camel_case_user_status():
    args = [sample("MessageReceived_UserStatus_R141-177.json")]
    event = mapper.read_message(args)
    assert event.name == "UserStatus"
    assert event.event_id == "aa90c608-7fd4-4c59-af60-d8141470e85b"  # R:174
    assert event.ttl_s == 60  # R:159
    assert event.entity_id == "aa9730c4-ce86-e611-80c9-00505689257e"  # R:158
    assert event.at == pytest.approx(datetime(2023, 10, 19, 14, 21, 19, 700915, tzinfo=timezone.utc).timestamp())
    me = Context(self_user_id="AA9730C4-CE86-E611-80C9-00505689257E")  # ids compared case-insensitively
    (agent,) = mapper.map_event(event, me)
    # available true (R:165), schedule true (R:166), wrapUpEnd null (R:171), no UserAvailability yet:
    # the fallback reads ready
    assert agent == AgentChanged(agent_id="aa9730c4-ce86-e611-80c9-00505689257e",
                                 changes={"state": "ready", "dnd": False}, is_self=True,
                                 event_id="enreach:aa90c608-7fd4-4c59-af60-d8141470e85b", at=event.at)


def test_bare_event_object_and_name_casing_are_accepted():
    data = sample("UserCallInComing_R527-543.json")
    bare = mapper.read_message([data])
    assert bare.name == "UserCallInComing"
    prose = copy.deepcopy(data)
    prose["EventType"] = "UserCallIncoming"  # the prose spelling of R:260, R:271; not from the doc
    assert mapper.read_message(wrap(prose)).name == "UserCallInComing"
    lower = copy.deepcopy(data)
    lower["EventType"] = "usercallincoming"  # as results echo names (R:126); not from the doc
    assert mapper.read_message(wrap(lower)).name == "UserCallInComing"


def test_camel_and_pascal_payloads_map_the_same():
    pascal = sample("UserCallInUserConnected_R865-883.json")
    camel = {k[:1].lower() + k[1:]: v for k, v in pascal.items()}  # not from the doc: R:141-177's casing
    a = mapper.map_event(mapper.read_message(wrap(pascal)), ME)
    b = mapper.map_event(mapper.read_message(wrap(camel)), ME)
    assert a == b


@pytest.mark.parametrize("bad", [[], [42], [{"subscription": {}, "data": 42}], [{"data": {"Id": "x"}}]])
def test_malformed_messages_raise(bad):
    with pytest.raises(mapper.MalformedMessage):
        mapper.read_message(bad)


def test_times():
    assert mapper.parse_time("2020-01-01T12:00:00Z") == T2020
    assert mapper.parse_time("2020-01-01T12:00:00") == T2020  # zone-less DateTime read as UTC (R:416)
    assert mapper.parse_time("0001-01-01T00:00:00") is None  # .NET default (R:416)
    assert mapper.parse_time("9999-12-31T23:59:59.9999999") is None  # DateTime.MaxValue (R:430)
    assert mapper.parse_time(None) is None and mapper.parse_time("soon") is None


def test_staleness_by_message_ttl():
    status = mapper.read_message(wrap(sample("QueueStatus_R1528-1555.json")))  # TTL 60 (R:1534)
    assert status.ttl_s == 60
    assert not mapper.is_stale(status, T2020 + 60)
    assert mapper.is_stale(status, T2020 + 61)
    call = mapper.read_message(wrap(sample("UserCallInComing_R527-543.json")))  # TTL -1 (R:542)
    assert call.ttl_s is None and not mapper.is_stale(call, T2020 + 10**9)


# -- User events ----------------------------------------------------------------------------------
def test_user_alert_is_a_warning_notice():
    event = one("UserAlert_R372-388.json")
    assert event == NoticeRaised(notice=Notice(
        "warning", "Example ConditionName: Example Value (Example ConditionExpression Example ConditionValue)",
        code="UserAlert"), event_id="enreach:267b246b-bc69-47fe-92ba-89179785a574", at=T2020)


def test_user_availability_sample():
    event = one("UserAvailability_R405-424.json")
    # "Example Availability" is none of R:429's values: unknown, text kept; StartTime is 0001-01-01: no since
    assert event == AgentChanged(agent_id=ZERO, changes={
        "vendor_state": "Example Availability", "reason": "Example Note", "dnd": False,
        "name": "user.name@example.com", "state": "unknown"}, is_self=True,
        event_id="enreach:8c84c563-5414-4ce7-933d-c533cd575d32", at=T2020)


@pytest.mark.parametrize("availability,state,dnd", [
    ("Available", "ready", False), ("Busy", "busy", False), ("DoNotDisturb", "do_not_disturb", True),
    ("OffWork", "logged_out", False), ("BRB", "away", False), ("Away", "away", False),
    ("donotdisturb", "do_not_disturb", True)])
def test_availability_table(availability, state, dnd):
    data = sample("UserAvailability_R405-424.json")
    data["Availability"] = availability  # not from the doc: each value R:429 lists
    data["StartTime"] = "2020-01-01T11:00:00"  # not from the doc
    (event,) = mapper.map_event(mapper.read_message(wrap(data)), ME)
    assert event.changes["state"] == state and event.changes["dnd"] is dnd
    assert event.changes["vendor_state"] == availability
    assert event.changes["since"] == T2020 - 3600


def test_availability_of_an_unfollowed_user_is_ignored():
    assert mapped("UserAvailability_R405-424.json", Context(self_user_id="someone-else")) == []


def test_supervised_user_is_not_self():
    event = one("UserAvailability_R405-424.json", Context(self_user_id="me", supervised=frozenset({ZERO})))
    assert event.agent_id == ZERO and event.is_self is False


def test_availability_during_wrap_up_keeps_after_call_work():
    agents = {ZERO: Agent(ZERO, state="after_call_work", vendor_state="Available")}
    data = sample("UserAvailability_R405-424.json")
    data["Availability"] = "Busy"  # not from the doc
    (event,) = mapper.map_event(mapper.read_message(wrap(data)), Context(self_user_id=ZERO, agents=agents))
    assert "state" not in event.changes and event.changes["vendor_state"] == "Busy"


def test_user_status_pascal_sample_falls_back_to_logged_out():
    # Available false, Schedule false (R:1061-1062; Schedule = "AVA availability code is not OffWork", R:1085)
    assert one("UserStatus_R1048-1073.json") == AgentChanged(
        agent_id=ZERO, changes={"state": "logged_out", "dnd": False}, is_self=True,
        event_id="enreach:3144cbed-7bfa-480e-a782-66ea86fb61c4", at=T2020)


def test_user_status_wrap_up_and_back():
    agents = {ZERO: Agent(ZERO, state="ready", vendor_state="Available")}
    data = sample("UserStatus_R1048-1073.json")
    data["WrapUpStart"] = "2020-01-01T11:59:00Z"  # not from the doc: wrap-up active (R:1092-1093)
    data["WrapUpEnd"] = "2020-01-01T12:01:00Z"
    (event,) = mapper.map_event(mapper.read_message(wrap(data)), Context(self_user_id=ZERO, agents=agents))
    assert event.changes == {"state": "after_call_work", "since": T2020 - 60}
    agents = {ZERO: Agent(ZERO, state="after_call_work", vendor_state="Available")}
    (event,) = mapped("UserStatus_R1048-1073.json", Context(self_user_id=ZERO, agents=agents))
    assert event.changes == {"state": "ready"}  # wrap-up over: the availability state returns
    agents = {ZERO: Agent(ZERO, state="ready", vendor_state="Available")}
    assert mapped("UserStatus_R1048-1073.json", Context(self_user_id=ZERO, agents=agents)) == []


def test_user_setting_shows_nothing():
    assert mapped("UserSetting_R1013-1030.json") == []


def _call(name: str, ctx: Context = ME) -> InteractionChanged:
    events = mapped(name, ctx)
    assert isinstance(events[0], InteractionChanged)
    return events[0]


def test_user_call_in_comming_is_queued_with_screen_pop_data():
    event = _call("UserCallInComing_R527-543.json")
    assert event.interaction_id == ZERO
    assert event.event_id == "enreach:f70bb941-505a-497b-85c6-60f2314eb792" and event.at == T2020
    assert event.changes == {
        "media": "voice", "direction": "inbound", "capabilities": frozenset(), "state": "queued",
        "from_": NUMBER, "to": NUMBER, "remote": NUMBER, "agent_id": ZERO,
        "data": {"leg_id": "Example LegId", "user_name": "user.name@example.com", "caller_number": NUMBER,
                 "target_number": NUMBER}}


@pytest.mark.parametrize("fixture,state,data", [
    ("UserCallInArrived_R493-509.json", "queued", {"user_name": "user.name@example.com"}),
    ("UserCallInUserAllocated_R789-807.json", "offered",
     {"user_number": NUMBER, "detailed_reason": "Example DetailedReason"}),
    ("UserCallInUserConnected_R865-883.json", "connected", {"agent_leg_id": "Example AgentLegId"}),
    ("UserCallInUserCancelled_R827-845.json", "ended",
     {"reason": "Example Reason", "detailed_reason": "Example DetailedReason"}),
    ("UserCallInOverflow_R601-624.json", "ended",
     {"connected_target": "Example ConnectedTarget", "overflow_applet": "Example OverflowApplet",
      "tech_event": "Example TechEvent", "tech_queue_name": "Example TechQueueName"}),
    ("UserCallInUserOverflow_R903-921.json", "ended", {"reason": "Example Reason", "target": "Example Target"}),
    ("UserCallInTransferConnected_R697-719.json", "ended",
     {"connected_target": "Example ConnectedTarget", "transfer_source": "Example TransferSource"}),
    ("UserCallInDisconnected_R561-580.json", "ended",
     {"reason": "Example Reason", "tech_reason": "Example TechReason", "tech_queue_id": ZERO}),
])
def test_user_call_states(fixture, state, data):
    event = _call(fixture)
    assert event.changes["state"] == state
    assert event.changes["agent_id"] == ZERO and event.changes["direction"] == "inbound"
    assert event.changes["remote"] == NUMBER
    for key, value in data.items():
        assert event.changes["data"][key] == value, key


@pytest.mark.parametrize("fixture,data", [
    ("UserCallInTransferStarted_R743-765.json", {"transfer_target": "Example TransferTarget"}),
    ("UserCallInTransferCancelled_R651-673.json", {"detailed_reason": "Example DetailedReason"}),
])
def test_transfer_started_or_cancelled_keeps_the_state(fixture, data):
    current = {ZERO: Interaction(ZERO, state="connected", agent_id=ZERO, data={"leg_id": "Example LegId"})}
    event = _call(fixture, Context(self_user_id=ZERO, interactions=current))
    assert "state" not in event.changes
    for key, value in data.items():
        assert event.changes["data"][key] == value


def test_outbound_call():
    event = _call("UserCallOutConnected_R941-957.json")
    assert (event.changes["state"], event.changes["direction"]) == ("connected", "outbound")
    assert event.changes["remote"] == NUMBER and event.changes["to"] == NUMBER  # TargetNumber (R:967)
    event = _call("UserCallOutDisconnected_R975-993.json")
    assert event.changes["state"] == "ended" and event.changes["data"]["reason"] == "Example Reason"


def test_wrap_up_enabled_started_terminated():
    current = {ZERO: Interaction(ZERO, state="connected", agent_id=ZERO)}
    event = _call("UserWrapUpEnabled_R1140-1155.json", Context(self_user_id=ZERO, interactions=current))
    assert event.changes["data"] == {"wrap_up_max_s": "0"} and "state" not in event.changes
    # a disconnect of a call whose wrap-up is enabled goes to wrap_up, not ended (R:1157)
    enabled = {ZERO: Interaction(ZERO, state="connected", agent_id=ZERO, data={"wrap_up_max_s": "0"})}
    event = _call("UserCallInDisconnected_R561-580.json", Context(self_user_id=ZERO, interactions=enabled))
    assert event.changes["state"] == "wrap_up"
    agents = {ZERO: Agent(ZERO, state="ready", vendor_state="Available")}
    call, agent = mapped("UserWrapUpStarted_R1173-1188.json", Context(self_user_id=ZERO, agents=agents,
                                                                       interactions=enabled))
    assert call.changes["state"] == "wrap_up"
    assert agent == AgentChanged(agent_id=ZERO, changes={"state": "after_call_work"}, is_self=True,
                                 event_id="enreach:7c745d67-0ab1-4396-b717-69b44a3aff06:2", at=T2020)
    wrapping = {ZERO: Interaction(ZERO, state="wrap_up", agent_id=ZERO, data={"wrap_up_max_s": "0"})}
    # a late disconnect does not end a running wrap-up
    event = _call("QueueCallInDisconnected_R1309-1328.json", Context(self_user_id=ZERO, interactions=wrapping))
    assert "state" not in event.changes
    agents = {ZERO: Agent(ZERO, state="after_call_work", vendor_state="Away")}
    call, agent = mapped("UserWrapUpTerminated_R1204-1220.json", Context(self_user_id=ZERO, agents=agents,
                                                                          interactions=wrapping))
    assert call.changes["state"] == "ended"
    assert call.changes["data"] == {"wrap_up_max_s": "0", "wrap_up_end_reason": "Example Reason",
                                    "wrap_up_elapsed_s": "0"}
    assert agent.changes == {"state": "away"}  # back to the availability state (BRB/Away → away)


def test_monitoring_available_is_call_data_and_an_info_notice():
    call, notice = mapped("UserCallAvailableForMonitoring_R444-468.json")
    assert call.changes["state"] == "connected" and call.changes["agent_id"] == ZERO  # TargetUserId
    assert call.changes["remote"] == NUMBER and call.changes["queue"] == "Example QueueName"
    data = call.changes["data"]
    assert data["monitoring_available"] == "true"
    assert data["supervision_target_user_name"] == "Example TargetUserName"
    assert data["supervision_supervisor_user_name"] == "Example SupervisorUserName"
    assert data["supervision_call_in_number"] == NUMBER
    assert data["supervision_call_type"] == "Example CallType"
    assert "supervision_connected_to_agent_time" not in data  # 0001-01-01: none
    assert notice.notice == Notice("info", f"Example TargetUserName's call from {NUMBER} can be supervised "
                                           f"(call {NUMBER})", code="UserCallAvailableForMonitoring",
                                   interaction_id=ZERO)


def test_supervision_status():
    (call,) = mapped("UserSupervisionStatus_R1099-1119.json")
    assert call.changes["data"]["supervision_state"] == "0"  # SupervisionState values undocumented (R:1129)
    assert call.changes["data"]["supervision_supervisor_leg_id"] == "Example SupervisorLegId"


# -- Queue events ---------------------------------------------------------------------------------
@pytest.mark.parametrize("fixture,state,to", [
    ("QueueCallInComing_R1274-1291.json", "queued", NUMBER),
    ("QueueCallInArrived_R1239-1256.json", "queued", NUMBER),
    ("QueueCallInTransferStarted_R1483-1505.json", "offered", "Example TransferTarget"),
    ("QueueCallInTransferConnected_R1440-1461.json", "connected", "Example ConnectedTarget"),
    ("QueueCallInTransferCancelled_R1395-1417.json", "queued", NUMBER),
    ("QueueCallInOverflow_R1348-1370.json", "queued", NUMBER),
    ("QueueCallInDisconnected_R1309-1328.json", "ended", NUMBER),
])
def test_queue_call_states(fixture, state, to):
    event = _call(fixture)
    assert event.changes["state"] == state and event.changes["to"] == to
    assert event.changes["queue"] == "Example QueueName" and "agent_id" not in event.changes
    assert event.changes["remote"] == NUMBER


def test_queue_events_do_not_move_a_call_a_user_owns():
    owned = {ZERO: Interaction(ZERO, state="connected", agent_id=ZERO, queue="Example QueueName")}
    ctx = Context(self_user_id=ZERO, interactions=owned)
    for fixture in ("QueueCallInArrived_R1239-1256.json", "QueueCallInTransferStarted_R1483-1505.json",
                    "QueueCallInOverflow_R1348-1370.json"):
        assert "state" not in _call(fixture, ctx).changes, fixture
    assert _call("QueueCallInDisconnected_R1309-1328.json", ctx).changes["state"] == "ended"
    # and a late user-level "queued" does not undo "connected"
    assert "state" not in _call("UserCallInArrived_R493-509.json", ctx).changes


def test_queue_transfer_started_keeps_tech_type():
    event = _call("QueueCallInTransferStarted_R1483-1505.json")
    assert event.changes["data"]["tech_type"] == "Example TechType"  # TechType, not TechSource (R:1499)


def test_queue_status():
    assert one("QueueStatus_R1528-1555.json") == QueueChanged(
        queue_id=ZERO, changes={"name": "Example QueueName", "waiting": 0, "agents_ready": 0, "agents_not_ready": 0,
                                "longest_wait_s": 0.0},
        event_id="enreach:a10387c9-a98b-4a1a-98fb-f8532587164d", at=T2020)


# -- CallList -------------------------------------------------------------------------------------
def test_callback_changed():
    event = one("CallbackChanged_R1585-1625.json")
    assert event.interaction_id == ZERO and event.event_id == "enreach:81b75b6c-25c9-4266-b537-787db03d7a52"
    assert event.changes == {
        "media": "callback", "state": "queued", "direction": "outbound", "agent_id": None,
        "capabilities": frozenset(), "remote": NUMBER, "to": NUMBER, "remote_name": "Example ContactName",
        "queue": "Example ChannelIn",
        "data": {"call_list_id": ZERO, "contact_message": "Example ContactMessage", "note": "Example Note",
                 "channel_in": "Example ChannelIn", "calculated_priority": "Example CalculatedPriority",
                 "last_attempt_note": "Example LastAttemptNote", "type": "0"}}


def test_callback_assigned_then_closed():
    data = sample("CallbackChanged_R1585-1625.json")
    data["AssignedUserId"] = "11111111-1111-1111-1111-111111111111"  # not from the doc
    data["TypeId"] = 2
    data["CallbackExtras"] = [{"Name": "OrderNo", "Value": "A-17"}]
    (event,) = mapper.map_event(mapper.read_message(wrap(data)), ME)
    assert event.changes["state"] == "offered" and event.changes["agent_id"] == data["AssignedUserId"]
    assert event.changes["data"]["type"] == "overflown call"  # R:1660
    assert event.changes["data"]["extra.OrderNo"] == "A-17"
    data["IsClosed"] = True
    (event,) = mapper.map_event(mapper.read_message(wrap(data)), ME)
    assert event.changes["state"] == "ended"


def test_every_event_of_the_document_is_handled():
    handled = {"UserAlert", "UserAvailability", "UserCallAvailableForMonitoring", "UserSetting", "UserStatus",
               "UserSupervisionStatus", "QueueStatus", "CallbackChanged", "UserWrapUpEnabled",
               "UserWrapUpStarted", "UserWrapUpTerminated"} | {e for e in mapper.ALL_EVENTS if "Call" in e}
    assert set(mapper.ALL_EVENTS) == handled and len(mapper.ALL_EVENTS) == 31  # R:366-1660
    import json
    from tests.helpers.fixtures import FIXTURES
    names = {json.loads(p.read_text())["EventType"] for p in (FIXTURES / "enreach").glob("*_R*.json")
             if "EventType" in json.loads(p.read_text())}
    assert names == set(mapper.ALL_EVENTS)
