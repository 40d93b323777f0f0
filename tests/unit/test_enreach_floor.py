"""The Enreach mapper for a supervisor's floor, against the RTE document's own samples.

Fixtures are the document's samples in tests/fixtures/enreach/ (``R:n`` = line n of
vendor-docs/enreach-rte-signalr.md, copied verbatim; README there). Every expected value is
written by hand from the document's tables and the floor table of the mapper's docstring, never
captured from the mapper's output. Inputs that are not the document's samples are small edits of
them, each marked ``# not from the doc``. Every per-event sample uses the all-zero GUID for every
id: here that GUID is a *supervised* user and the desktop's own user is ``SUPERVISOR``.
"""
from __future__ import annotations

from desktop.core.events import AgentChanged, InteractionChanged, NoticeRaised, QueueChanged
from desktop.core.model import Agent, Interaction, Notice, Queue
from desktop.core.vocabulary import Capability
from desktop.vendors.enreach import mapper
from desktop.vendors.enreach.controller import Controller
from desktop.vendors.enreach.mapper import Context
from tests.unit.test_enreach_mapper import NUMBER, T2020, ZERO, sample, wrap

SUPERVISOR = "aa9730c4-ce86-e611-80c9-00505689257e"  # R:150, a user id of the document
COLLEAGUE = "11111111-1111-1111-1111-111111111111"    # not from the doc
QUEUE = "c9eeb030-ff4b-ea11-ac9c-00155d4fdcf3"        # the QueueId of R:287 / R:303


def floor(**kw) -> Context:
    """The supervisor's context: ZERO (and COLLEAGUE) are supervised users."""
    return Context(self_user_id=SUPERVISOR, supervised=frozenset({ZERO, COLLEAGUE}), **kw)


def mapped(data: dict, ctx: Context) -> list:
    return mapper.map_event(mapper.read_message(wrap(data)), ctx)


# -- queues a floor agent serves ------------------------------------------------------------------
def test_user_status_active_queue_id_is_a_queue_the_agent_serves():
    data = sample("UserStatus_R1048-1073.json")
    data["ActiveQueueId"] = QUEUE  # not from the doc: R:1078 "the service queue the user … is talking" for
    (event,) = mapped(data, floor())
    # Available false, Schedule false (R:1061-1062): the fallback reads logged_out; the queue by its id
    assert event == AgentChanged(agent_id=ZERO, changes={"state": "logged_out", "dnd": False, "queues": (QUEUE,)},
                                 is_self=False, event_id="enreach:3144cbed-7bfa-480e-a782-66ea86fb61c4", at=T2020)


def test_a_queue_is_named_once_queue_status_named_it():
    data = sample("UserStatus_R1048-1073.json")
    data["ActiveQueueId"] = QUEUE  # not from the doc
    named = {QUEUE: Queue(QUEUE, name="Support")}  # as QueueStatus.QueueName gave it (R:1577)
    agents = {ZERO: Agent(ZERO, state="logged_out", vendor_state=None)}
    (event,) = mapped(data, floor(queues=named, agents=agents))
    assert event.changes == {"queues": ("Support",)}
    # an id kept from before the name was known is renamed at the agent's next event naming a queue
    agents = {ZERO: Agent(ZERO, state="logged_out", queues=(QUEUE,))}
    data["ActiveQueueId"] = ZERO  # not from the doc: another queue, no name known
    (event,) = mapped(data, floor(queues=named, agents=agents))
    assert event.changes == {"queues": ("Support", ZERO)}
    # nothing new: no event at all
    agents = {ZERO: Agent(ZERO, state="logged_out", queues=("Support",))}
    data["ActiveQueueId"] = None  # R:1060: null when not talking
    assert mapped(data, floor(queues=named, agents=agents)) == []


def test_queues_accumulate_in_first_seen_order():
    data = sample("UserStatus_R1048-1073.json")
    data["ActiveQueueId"] = QUEUE  # not from the doc
    agents = {ZERO: Agent(ZERO, state="logged_out", queues=("Sales",))}
    (event,) = mapped(data, floor(agents=agents))
    assert event.changes == {"queues": ("Sales", QUEUE)}


def test_the_desktops_own_agent_gets_no_queues():
    data = sample("UserStatus_R1048-1073.json")
    data["ActiveQueueId"] = QUEUE  # not from the doc
    (event,) = mapped(data, Context(self_user_id=ZERO))
    assert "queues" not in event.changes and event.is_self


def test_wrap_up_queue_id_is_a_queue_the_agent_serves():
    # QueueId R:1182 (described "Queue Id", R:1197); the call is connected and ZERO was ready
    calls = {ZERO: Interaction(ZERO, state="connected", agent_id=ZERO, data={"wrap_up_max_s": "0"})}
    agents = {ZERO: Agent(ZERO, state="ready", vendor_state="Available")}
    call, agent = mapped(sample("UserWrapUpStarted_R1173-1188.json"), floor(interactions=calls, agents=agents))
    assert call.changes["state"] == "wrap_up" and call.changes["agent_id"] == ZERO
    assert agent == AgentChanged(agent_id=ZERO, changes={"state": "after_call_work", "queues": (ZERO,)},
                                 is_self=False, event_id="enreach:7c745d67-0ab1-4396-b717-69b44a3aff06:2", at=T2020)


def test_team_is_never_set():
    for name in ("UserStatus_R1048-1073.json", "UserAvailability_R405-424.json"):
        for event in mapped(sample(name), floor()):
            assert "team" not in event.changes


# -- a supervised user's calls ------------------------------------------------------------------------
def test_a_supervised_users_call_is_that_agents_work():
    (event,) = mapped(sample("UserCallInUserConnected_R865-883.json"), floor())  # UserId R:874
    assert isinstance(event, InteractionChanged)
    assert event.changes["agent_id"] == ZERO and event.changes["state"] == "connected"


def test_monitoring_offer_lands_on_the_target_agents_call_with_the_call_in_number():
    # the target's call is already known (from its own User* events), owned by the target
    calls = {ZERO: Interaction(ZERO, state="connected", agent_id=ZERO, remote=NUMBER, data={"leg_id": "Example LegId"})}
    call, agent, notice = mapped(sample("UserCallAvailableForMonitoring_R444-468.json"), floor(interactions=calls))
    assert call.interaction_id == ZERO                        # CallId R:457
    assert call.changes["agent_id"] == ZERO                   # TargetUserId R:450, "Id of target user" R:486
    assert "state" not in call.changes                        # it stays as its own events made it
    data = call.changes["data"]
    assert data["leg_id"] == "Example LegId"                  # kept
    assert data["supervision_call_in_number"] == NUMBER       # R:461, "where to call for the supervision call" R:482
    assert data["supervision_supervisor_terminal_number"] == NUMBER  # R:460, R:483
    assert data["monitoring_available"] == "true"
    # the queue of the call (QueueName R:455; QueueId null R:456) is a queue the target serves
    assert agent == AgentChanged(agent_id=ZERO, changes={"queues": ("Example QueueName",)}, is_self=False,
                                 event_id="enreach:fc2ea1ea-7960-44b8-8ede-6d34bfcac080:2", at=T2020)
    assert notice == NoticeRaised(notice=Notice("info", f"Example TargetUserName's call from {NUMBER} can be "
                                                        f"supervised (call {NUMBER})",
                                                code="UserCallAvailableForMonitoring", interaction_id=ZERO),
                                  event_id="enreach:fc2ea1ea-7960-44b8-8ede-6d34bfcac080:3", at=T2020)


def test_monitoring_offer_moves_a_call_to_its_target():
    calls = {ZERO: Interaction(ZERO, state="connected", agent_id=COLLEAGUE)}  # not from the doc: an older owner
    call = mapped(sample("UserCallAvailableForMonitoring_R444-468.json"), floor(interactions=calls))[0]
    assert call.changes["agent_id"] == ZERO


def test_transfer_connected_to_a_followed_colleague_moves_the_call():
    data = sample("UserCallInTransferConnected_R697-719.json")
    data["ConnectedTarget"] = COLLEAGUE  # not from the doc: R:726 "Connected target", a user id (R:781)
    calls = {ZERO: Interaction(ZERO, state="connected", agent_id=ZERO)}
    (event,) = mapped(data, floor(interactions=calls))
    assert event.changes["agent_id"] == COLLEAGUE and "state" not in event.changes
    # to a number nobody follows: the call is over for this user (the module's call table)
    data["ConnectedTarget"] = "+358101002000"  # not from the doc
    (event,) = mapped(data, floor(interactions=calls))
    assert event.changes["agent_id"] == ZERO and event.changes["state"] == "ended"


# -- queue figures --------------------------------------------------------------------------------------
def test_queue_status_fills_what_the_document_counts():
    data = sample("QueueStatus_R1528-1555.json")
    data.update({"NbrOfQueuingRequesters": 3, "MaxWaitTime": 42, "NbrOfAgentsImmediatelyFree": 5,
                 "NbrOfAgentsLongTermAway": 2, "NbrOfAgentsShortTermAway": 4, "NbrOfConnected": 7})  # not from the doc
    (event,) = mapped(data, floor())
    assert event == QueueChanged(queue_id=ZERO, changes={
        "name": "Example QueueName",   # R:1537
        "waiting": 3,                  # NbrOfQueuingRequesters, "current queuing calls" R:1571
        "longest_wait_s": 42.0,        # MaxWaitTime R:1560 (unit undocumented: seconds)
        "agents_ready": 5,             # NbrOfAgentsImmediatelyFree R:1562
        "agents_not_ready": 2,         # NbrOfAgentsLongTermAway "(e.g DND state)" R:1563
    }, event_id="enreach:a10387c9-a98b-4a1a-98fb-f8532587164d", at=T2020)
    # no answered, abandoned or service level anywhere in QueueStatus (R:1559-1577)


# -- alerts ---------------------------------------------------------------------------------------------
def test_user_alert_names_the_alert_and_another_user():
    agents = {ZERO: Agent(ZERO, name="user.name@example.com")}
    (event,) = mapped(sample("UserAlert_R372-388.json"), floor(agents=agents))
    # ConditionName R:381, Value R:384, ConditionExpression R:383, ConditionValue R:382, UserId R:379
    assert event.notice == Notice("warning", "Example ConditionName: Example Value (Example ConditionExpression "
                                             "Example ConditionValue) for user.name@example.com", code="UserAlert")
    (event,) = mapped(sample("UserAlert_R372-388.json"), Context(self_user_id=ZERO))  # the desktop's own alert
    assert event.notice.text == "Example ConditionName: Example Value (Example ConditionExpression Example ConditionValue)"


# -- capabilities ---------------------------------------------------------------------------------------
def test_supervision_is_declared_unavailable_with_the_way_to_do_it():
    for capability in (Capability.LISTEN_IN, Capability.COACH, Capability.BARGE_IN, Capability.CANCEL_MONITORING):
        reason = Controller.declared.why_unavailable(capability)
        assert "call-in number offered by UserCallAvailableForMonitoring" in reason, capability
    assert Controller.declared.supported == frozenset()
    assert "events only" in Controller.declared.why_unavailable(Capability.ACCEPT)
