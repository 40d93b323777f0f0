"""The 8x8 mapper and tracker against the documents' own samples.

Inputs are ``tests/fixtures/eightbyeight/`` (samples copied verbatim with their line numbers,
README.md there). ``S:n`` = line of 8x8-streaming-api-sapi.md, ``E:n`` = line of
8x8-event-streaming-reference.md. Every expected value is written by hand from those lines and
from DESIGN.md's vocabulary; small inputs that are not from the documents are marked
``# not from the doc``.
"""
from __future__ import annotations

import copy

import pytest

from desktop.core.events import AgentChanged, InteractionChanged, QueueChanged
from desktop.core.store import Store
from desktop.vendors.eightbyeight import mapper
from desktop.vendors.eightbyeight.client import refusal_error, subscription_url, SubscriptionRefusedError
from desktop.vendors.eightbyeight.tracker import Tracker
from desktop.core.errors import AuthError, BadInputError
from tests.helpers.fixtures import fixture_path, load_fixture

FIXTURES = [
    "sapi_client_check_S265-276.json", "sapi_agent_status_change_S283-297.json", "sapi_agent_prov_change_S304-317.json",
    "sapi_interaction_created_S324-375.json", "sapi_interaction_queued_S382-472.json",
    "sapi_interaction_deleted_S481-544.json", "es_agent_status_change_E51-65.json", "es_agent_prov_change_E70-79.json",
    "es_interaction_created_E84-103.json", "es_interaction_queued_E105-139.json", "es_interaction_deleted_E143-163.json",
    "es_interaction_assigned_E170-205.json", "es_interaction_rejected_E210-224.json",
    "es_line_hold_status_E229-243.json", "es_recording_status_E248-261.json",
]
GUID_S = "int-184a63564dc-ohWfVIbHJz2Hr2JFhAfdlb4Fa-phone-00-acmecorp01"          # S:367, S:457, E:95, E:156
GUID_S_DELETED = "int-184a645e074-zGIsMxOkCYzQ8yg68e3t61i7A-phone-00-acmecorp01"  # S:530
AGENT_S = "ag64oyEUb_Sk6bxVB9P5yaaa"                                             # S:285


def fx(name):
    return load_fixture("eightbyeight", name)


def feed(records, *, me=None, table=None, store=None, tracker=None):
    store = store or Store()
    tracker = tracker or Tracker(self_agent=me, agent_states=mapper.agent_state_table(table),
                                 interactions=store.interactions)
    events = []
    for record in records:
        for event in tracker.handle(record):
            events.append(event)
            store.apply(event)
    return store, tracker, events


def test_every_fixture_is_used_and_listed():
    folder = fixture_path("eightbyeight", "README.md").parent
    assert sorted(p.name for p in folder.glob("*.json")) == sorted(FIXTURES)
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for name in FIXTURES:
        assert f"`{name}`" in readme


# -- the URL and the refusals (S:39, S:56, S:63-64) ------------------------------------------------
def test_url_follows_the_template_and_sends_both_subscription_parameters():
    url = subscription_url("wss://vcc-eu3.8x8.com/api/streaming/v1", "acmecorp01", "real-time-monitor", "NEWLINE_JSON")
    assert url == ("wss://vcc-eu3.8x8.com/api/streaming/v1/clientconnect/subscribe/TenantUpdates-acmecorp01-"
                   "real-time-monitor?desiredOutputType=NEWLINE_JSON&tenantId=acmecorp01&subsId=real-time-monitor"
                   "&subscriptionId=real-time-monitor")
    assert subscription_url("https://vcc-eu3.8x8.com/api/streaming/v1/", "t", "s", "xml").startswith(
        "wss://vcc-eu3.8x8.com/api/streaming/v1/clientconnect/")
    with pytest.raises(BadInputError, match="without TLS"):
        subscription_url("ws://127.0.0.1:1/api/streaming/v1", "t", "s", "JSON")
    assert subscription_url("ws://127.0.0.1:1/api/streaming/v1", "t", "s", "JSON", allow_insecure=True).startswith("ws://")
    with pytest.raises(BadInputError, match="output_type"):
        subscription_url("wss://h/api/streaming/v1", "t", "s", "CSV")


def test_refusals_say_what_was_wrong():
    err = refusal_error(401, "Authentication failed", tenant="acmecorp01", subscription_id="s")
    assert isinstance(err, AuthError) and "rejected the token for tenant 'acmecorp01'" in err.message
    err = refusal_error(429, "Tenant 'acmecorp01' already has 3 concurrent subscriptions", tenant="acmecorp01",
                        subscription_id="desk-4")
    assert isinstance(err, SubscriptionRefusedError) and "3 concurrent subscriptions in use" in err.message
    assert "its own subscription id" in err.message
    err = refusal_error(409, "Subscription 'desk-1' is already connected", tenant="acmecorp01", subscription_id="desk-1")
    assert isinstance(err, SubscriptionRefusedError) and "already in use by another consumer" in err.message


# -- names and envelopes (digest §1.4, §6.1 #6-#8) -----------------------------------------------
@pytest.mark.parametrize("name, expected", [
    ("InteractionDeAssigned", "InteractionDeassigned"),      # S:127
    ("interactiondeassigned", "InteractionDeassigned"),
    ("Interaction Hold/Unhold", "LineHoldStatus"),            # S:88 vs E:22
    ("LINE_HOLD_STATUS", "LineHoldStatus"),
    ("AgentSkillCreated", "AgentSkillCreated"),               # E:10
    ("NoSuchEvent", None),
])
def test_event_names_are_matched_loosely(name, expected):
    assert mapper.canonical(name) == expected


def test_heartbeat_is_counted_and_maps_to_nothing():
    store, tracker, events = feed([fx("sapi_client_check_S265-276.json")])
    assert events == [] and tracker.counts["heartbeats"] == 1


# -- agents (S:282-297, E:51-65, S:228) ------------------------------------------------------------
def test_agent_status_change_default_table():
    store, tracker, events = feed([fx("sapi_agent_status_change_S283-297.json")], me=AGENT_S)
    (event,) = events
    assert isinstance(event, AgentChanged) and event.agent_id == AGENT_S and event.is_self
    me = store.me
    # newState 5 (S:292) = WORK_OFFLINE in 8x8's status list → not_ready; reason code "801=1722" (S:291);
    # newSubState/newSubStateReason "none" (S:293-294) → no reason
    assert (me.state, me.vendor_state, me.reason_code, me.reason) == ("not_ready", "5", "801=1722", None)
    assert mapper.event_time(fx("sapi_agent_status_change_S283-297.json")["AgentStatusChange"]) == 1669235544.0  # S:295


def test_agent_status_change_profile_table_and_other_agents():
    store, _, events = feed([fx("es_agent_status_change_E51-65.json")], me="someone-else",
                            table={"5": "away:Lunch", "3": "ready"})
    agent = store.agents[AGENT_S]
    assert not events[0].is_self and store.me is None
    assert (agent.state, agent.reason, agent.reason_code) == ("away", "Lunch", "801=1722")


def test_agent_state_table_rejects_unknown_states():
    with pytest.raises(ValueError, match="'7'"):
        mapper.agent_state_table({"7": "lunching"})


def test_status_code_as_string_and_unknown_code():
    body = copy.deepcopy(fx("sapi_agent_status_change_S283-297.json"))
    body["AgentStatusChange"]["newState"] = "4"  # not from the doc: a number as a string (digest §6.2)
    store, _, _ = feed([body])
    assert store.agents[AGENT_S].state == "ready"
    body = copy.deepcopy(body)
    body["AgentStatusChange"]["newState"] = 77  # not from the doc
    body["AgentStatusChange"]["msgInfo"]["sequenceId"] = 216
    store, _, _ = feed([body])
    assert (store.agents[AGENT_S].state, store.agents[AGENT_S].vendor_state) == ("unknown", "77")


def test_agent_prov_change_without_a_name_changes_nothing():
    store, tracker, events = feed([fx("sapi_agent_prov_change_S304-317.json"), fx("es_agent_prov_change_E70-79.json")])
    assert events == [] and tracker.counts["records"] == 2 and tracker.counts["unknown"] == 0


# -- interactions (S:323-544, E:84-261) -------------------------------------------------------------
def test_created_queued_deleted_from_sapi_samples():
    store, _, events = feed([fx("sapi_interaction_created_S324-375.json"), fx("sapi_interaction_queued_S382-472.json")])
    ix = store.interactions[GUID_S]
    # InteractionCreated CS_QUEUED (S:363) and InteractionQueued (S:453): waiting in a queue
    assert ix.state == "queued" and ix.media == "voice"           # "-phone-" in the GUID, mediaType phone (S:459)
    assert ix.remote == "+15515557212"                             # remotePhoneNum (S:356), not phoneNum 5515557212
    assert ix.remote_name == "Andrew Cunningh"                     # remoteCallingName (S:353)
    assert ix.direction == "inbound" and ix.from_ == "+15515557212" and ix.to == "13125555068"  # S:452, S:455
    assert ix.queue == "Test Sales"                                # tenantSkillName (S:441)
    assert ix.data["tok"] == "19727" and ix.data["@pri"] == "100" and ix.data["channelName"] == "Acme Ads OG"
    assert ix.data["phoneNum"] == "5515557212" and ix.data["que"] == "acmecorp01~~queue~~phone~~591"
    assert ix.data["transactionNum"] == "19727"                    # S:470
    queue = store.queues["591"]                                     # queueId 591 (S:466)
    assert (queue.name, queue.waiting) == ("Test Sales", 1)
    assert any(isinstance(e, QueueChanged) for e in events)


def test_deleted_keeps_hangup_reason_and_initiator():
    store, _, _ = feed([fx("sapi_interaction_deleted_S481-544.json")])
    ix = store.interactions[GUID_S_DELETED]
    assert ix.state == "ended"                                                     # S:87
    assert ix.data["callHangupReason"] == "CEC_DISCONNECT_NORMAL"                  # S:523
    assert ix.data["hangupInitiator"] == "CUSTOMER"                                # S:527
    assert ix.data["dispositionCode"] == "1000" and ix.data["rejectReason"] == "0"  # S:525, S:541
    assert ix.data["tok"] == "19738"                                               # S:519


def test_event_streaming_samples_with_empty_msginfo_and_numeric_names():
    store, _, _ = feed([fx("es_interaction_created_E84-103.json"), fx("es_interaction_queued_E105-139.json")])
    ix = store.interactions["int-1963f541b9f-wgyWcn0J0hwtyhN4XfMHIfCIO-phone-01-tenant01"]  # E:127
    assert ix.remote_name == "447799147855"       # callingName is a JSON number at E:110: kept as text
    assert ix.remote == "447799147855"            # no remotePhoneNum: phoneNum (E:113)
    assert ix.queue == "Customer Service" and ix.state == "queued"
    assert store.queues["1162"].waiting == 1      # queueId 1162 (E:133)
    # E:84-103 has the same GUID as S:367 and CS_QUEUED (E:93): queued, 3 datums as text
    assert store.interactions[GUID_S].data == {"@pri": "100", "callingName": "Andrew Cunningh", "phoneNum": "5515557212"}


def test_assigned_is_an_offer_and_rejected_returns_it_to_the_queue():
    store, _, _ = feed([fx("es_interaction_assigned_E170-205.json")])
    ix = store.interactions["int-1963f527a2a-9wjz0hrkcolMxIqiOhxEsKFe9-phone-01-tenant01"]
    # "assigned to an available agent ... before the agent accepts" (E:169); CS_INPROGRESS ignored (E:184)
    assert ix.state == "offered" and ix.agent_id == "agAglVJkg0TU28dok9y9UQKg"
    assert ix.participants == ("agAglVJkg0TU28dok9y9UQKg",)      # participatingAgents (E:196)
    assert ix.direction == "outbound" and ix.to == "6298994259"    # direction out (E:185), phoneNum (E:180)
    assert ix.queue == "Sales Queue"                               # E:181
    store, _, _ = feed([fx("es_interaction_rejected_E210-224.json")])
    ix = store.interactions["int-1963f53a7f9-fRUlBL19w0hsi4GN50Xbcgazp-phone-03-tenant01"]
    assert ix.state == "queued" and ix.agent_id is None and ix.data["rejectReason"] == "2"  # E:214, E:221


def test_rejected_ends_the_offer_on_the_agents_desktop():
    agent = "ag9I1yUNAvRqG7ovVMi3NTyw"                               # E:213
    rejected = fx("es_interaction_rejected_E210-224.json")
    offer = {"Interaction": {**rejected["Interaction"], "event": "InteractionAssigned"}}  # not from the doc
    store, _, _ = feed([offer, rejected], me=agent)
    ix = store.interactions["int-1963f53a7f9-fRUlBL19w0hsi4GN50Xbcgazp-phone-03-tenant01"]
    assert [h.state for h in store.history[ix.interaction_id]] == ["offered", "ended"]


def test_hold_and_recording_status():
    hold = fx("es_line_hold_status_E229-243.json")
    store, tracker, _ = feed([hold])
    ix = store.interactions["int-1963f52d470-OcB3AbajqjTb9ikyLLBxBr1l7-phone-02-tenant01"]
    assert ix.held and ix.state == "held"                           # status true = on hold (E:245)
    unhold = {"Interaction": {**hold["Interaction"], "status": False, "callState": "CS_CONNECTED"}}  # not from the doc
    feed([unhold], store=store, tracker=tracker)
    ix = store.interactions[ix.interaction_id]
    assert not ix.held and ix.state == "connected"                  # false = taken off hold (E:245)
    rec = fx("es_recording_status_E248-261.json")
    store, tracker, _ = feed([rec])
    assert store.interactions["int-1963f4d8314-ShlIYL3nayugzbFYJvHhZgPL2-phone-03-tenant01"].recording == "on"  # resume
    paused = {"Interaction": {**rec["Interaction"], "status": "pause"}}  # not from the doc
    feed([paused], store=store, tracker=tracker)
    assert store.interactions["int-1963f4d8314-ShlIYL3nayugzbFYJvHhZgPL2-phone-03-tenant01"].recording == "paused"


def test_hold_by_the_sapi_name_with_call_state_only():
    hold = copy.deepcopy(fx("es_line_hold_status_E229-243.json"))
    body = hold["Interaction"]
    body["event"] = "Interaction Hold/Unhold"     # S:88 spelling; not a sample
    del body["status"]                             # only callState CS_HOLD (S:88)
    store, _, _ = feed([hold])
    assert store.interactions[body["interactionGUID"]].held


# -- the desktop agent's filter and de-duplication -------------------------------------------------
def test_an_agent_desktop_sees_only_its_own_work_with_the_earlier_screen_pop_data():
    me = "agAglVJkg0TU28dok9y9UQKg"                                   # E:173
    queued = copy.deepcopy(fx("sapi_interaction_queued_S382-472.json"))
    assigned = copy.deepcopy(fx("es_interaction_assigned_E170-205.json"))
    assigned["Interaction"]["interactionGUID"] = GUID_S                 # not from the doc: one call, two records
    store, tracker, _ = feed([fx("sapi_interaction_created_S324-375.json"), queued], me=me)
    assert store.interactions == {}                                     # not this agent's (yet)
    feed([assigned], store=store, tracker=tracker)
    ix = store.interactions[GUID_S]
    assert ix.state == "offered" and ix.remote == "+15515557212" and ix.remote_name == "Andrew Cunningh"
    other = copy.deepcopy(fx("es_interaction_assigned_E170-205.json"))  # another agent's offer
    store2, _, _ = feed([other], me=me.replace("ag", "xx"))
    assert store2.interactions == {} and store2.queues["1092"].waiting == 0


def test_replays_are_dropped_by_msginfo_or_by_content():
    records = [fx("sapi_interaction_created_S324-375.json"), fx("es_line_hold_status_E229-243.json")]
    store, tracker, events = feed(records + copy.deepcopy(records))
    assert tracker.counts["duplicates"] == 2
    assert len([e for e in events if isinstance(e, InteractionChanged)]) == 2
    assert mapper.event_key("Interaction", records[0]["Interaction"]).startswith("us1tomcat04.us1.whitepj.net-sapi-v1#224#")
    assert mapper.event_key("Interaction", records[1]["Interaction"]).startswith("c:")   # msgInfo {} (E:238)


def test_sequence_without_a_fixed_order_ends_on_deassigned():
    """The outbound table (S:117-127): Created CS_IDLE, Assigned, RecordingStarted, Accepted
    CS_INPROGRESS, CustomerAccepted, EndPostProcess, InteractionDeAssigned. Records built from the
    E:170-205 sample (not from the doc: only event/callState changed per row)."""
    base = fx("es_interaction_assigned_E170-205.json")["Interaction"]
    rows = [("InteractionCreated", "CS_IDLE"), ("InteractionAssigned", "CS_IDLE"),
            ("InteractionRecordingStarted", None), ("InteractionAccepted", "CS_INPROGRESS"),
            ("InteractionCustomerAccepted", "CS_CONNECTED"), ("InteractionEndPostProcess", "CS_DISCONNECTED"),
            ("InteractionDeAssigned", "CS_DISCONNECTED")]
    records = []
    for n, (event, state) in enumerate(rows):
        body = {**base, "event": event, "eventTS": base["eventTS"] + n}
        if state is None:
            body.pop("callState")
        else:
            body["callState"] = state
        records.append({"Interaction": body})
    store, _, _ = feed(records)
    guid = base["interactionGUID"]
    assert [h.state for h in store.history[guid]] == ["dialing", "offered", "dialing", "connected", "ended"]
    assert store.interactions[guid].recording == "on"
