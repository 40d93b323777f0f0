"""The Alvaria mapper for a supervisor's floor, against the streaming document's own samples.

Fixtures are the samples in tests/fixtures/alvaria/ (``A:n`` = line n of
vendor-docs/alvaria-cloud-streaming-rest-v2-v3.md, copied verbatim; README there), put in a v3
envelope shaped like the EventResponseV3 sample (A:1261-1275). Every expected value is written by
hand from the document and the floor rules of the mapper's docstring, never captured from the
mapper's output. Edited inputs are marked ``# not from the doc``. The samples' userId
``99b788f3000d99`` (A:1472) is here a floor user; the desktop's own user is ``SUPERVISOR``.
"""
from __future__ import annotations

import copy
import json

from desktop.core.events import AgentChanged, InteractionChanged, NoticeRaised, QueueChanged
from desktop.core.model import Agent, Notice, Queue
from desktop.core.vocabulary import Capability
from desktop.vendors.alvaria.mapper import MapContext, WorkTypeTotals, decode_event, map_event
from tests.helpers.fixtures import load_fixture

USER = "99b788f3000d99"            # the userId of every sample (A:1472 …)
SUPERVISOR = "5aa0b645c2b3e80"     # the userId of the EventResponseV3 sample (A:1272)
EVENT_ID = "1519073278252-0"       # A:1266
AT = 1517321060.539                # 2018-01-30T14:04:20.539Z
EC = "engagementCenter."


def eid(n: int) -> str:
    return f"alvaria:{EVENT_ID}/{n}"


def envelope(event_type: str, sample: dict) -> dict:
    return {"kind": "via#engagementCenterEvent", "eventId": EVENT_ID, "correlationId": "c-1", "eventType": event_type,
            "publishedTime": "2018-01-30T14:04:20.539Z", "schemaVersion": "1", "payload": json.dumps(sample)}


def run(event_type: str, sample: dict, ctx: MapContext) -> list:
    return map_event(decode_event(envelope(event_type, sample)), ctx)


def fx(name: str) -> dict:
    return load_fixture("alvaria", name)


def floor(**kw) -> MapContext:
    return MapContext(self_user_id=SUPERVISOR, floor=frozenset({USER}), **kw)


STATS = "EventECAgentStatistics_A1554-1590.json"


def stats_of(user: str, **counts) -> dict:
    sample = fx(STATS)
    sample["userId"] = user  # not from the doc (unless USER)
    sample["payload"]["agentStatistics"][0].update(counts)  # not from the doc
    return sample


# -- AgentStatistics → queue rows ------------------------------------------------------------------
def test_agent_statistics_sample_is_a_queue_row_and_the_users_work_type():
    events = run(EC + "AgentStatistics", fx(STATS), floor())
    assert events == [
        # workTypeId 84, workTypeName "CherylChat1" (A:1561-1562); every interaction counter 0 (A:1563-1572)
        QueueChanged(event_id=eid(0), at=AT, queue_id="84", changes={"answered": 0, "name": "CherylChat1"}),
        AgentChanged(event_id=eid(1), at=AT, agent_id=USER, changes={"queues": ("CherylChat1",)}, is_self=False)]


def test_answered_is_the_sum_over_the_users_latest_reports():
    totals = WorkTypeTotals()
    ctx = floor(totals=totals)
    first = run(EC + "AgentStatistics", stats_of(USER, inboundInteractions=3, chatInteractions=2), ctx)
    assert first[0].changes["answered"] == 5
    other = run(EC + "AgentStatistics", stats_of("someone-else", inboundInteractions=4), ctx)
    assert other[0].changes["answered"] == 9
    again = run(EC + "AgentStatistics", stats_of(USER, inboundInteractions=4, chatInteractions=2), ctx)
    assert again[0].changes["answered"] == 10  # USER's 6 replaces USER's 5, not added to it


def test_only_interactions_answered_from_a_work_type_count_and_seconds_are_not_agents():
    counts = {"inboundInteractions": 1, "chatInteractions": 1, "emailInteractions": 1, "smsInteractions": 1,  # A:1602-1610
              "didInteractions": 5, "internalInteractions": 6, "manualInteractions": 7, "outreachInteractions": 8,
              "ctiInteractions": 9, "workflowInteractions": 9,  # deprecated (A:1603, A:1611)
              "idleSeconds": 100, "notReadySeconds": 200}     # durations (A:1613, A:1618), not agent counts
    (queue, _agent) = run(EC + "AgentStatistics", stats_of(USER, **counts), floor())
    assert queue.changes == {"answered": 4, "name": "CherylChat1"}
    # no waiting, longest wait, abandoned, service level or agents ready/not ready from AgentStatistics


def test_statistics_of_the_desktops_own_user_give_the_queue_row_only():
    events = run(EC + "AgentStatistics", fx(STATS), MapContext(self_user_id=USER))
    assert [type(e) for e in events] == [QueueChanged]


def test_several_work_types_in_one_report():
    sample = fx(STATS)
    row = copy.deepcopy(sample["payload"]["agentStatistics"][0])
    row.update(workTypeId=191, workTypeName="Sales", inboundInteractions=2)  # not from the doc
    sample["payload"]["agentStatistics"].append(row)
    events = run(EC + "AgentStatistics", sample, floor())
    assert [(e.queue_id, e.changes) for e in events[:2]] == [
        ("84", {"answered": 0, "name": "CherylChat1"}), ("191", {"answered": 2, "name": "Sales"})]
    assert events[2].changes == {"queues": ("CherylChat1", "Sales")}


# -- work types of a floor user ------------------------------------------------------------------------
def test_new_work_type_is_a_queue_of_a_floor_user():
    # "a work type to which this user has been assigned" (A:2457); id "15" (string) and idRev 15 (A:2453-2454)
    sample = fx("EventECNewWorkType_A2448-2456.json")
    assert run(EC + "NewWorkType", sample, floor()) == [
        AgentChanged(event_id=eid(0), at=AT, agent_id=USER, changes={"queues": ("15",)}, is_self=False)]
    named = floor(queues={"15": Queue("15", name="Billing")})   # a statistics row named work type 15
    assert run(EC + "NewWorkType", sample, named)[0].changes == {"queues": ("Billing",)}
    # already there: nothing
    known = floor(agents={USER: Agent(USER, queues=("15",))})
    assert run(EC + "NewWorkType", sample, known) == []
    # not for the desktop's own user, nor for users outside the profile's floor
    assert run(EC + "NewWorkType", sample, MapContext(self_user_id=USER)) == []
    assert run(EC + "NewWorkType", sample, MapContext(self_user_id=SUPERVISOR)) == []


def test_remove_work_type_removes_it_by_id_or_name():
    sample = fx("EventECRemoveWorkType_A2780-2788.json")  # id 15, idRev "15" (A:2785-2786)
    ctx = floor(agents={USER: Agent(USER, queues=("Billing", "Sales"))}, queues={"15": Queue("15", name="Billing")})
    assert run(EC + "RemoveWorkType", sample, ctx) == [
        AgentChanged(event_id=eid(0), at=AT, agent_id=USER, changes={"queues": ("Sales",)}, is_self=False)]
    ctx = floor(agents={USER: Agent(USER, queues=("15",))})
    assert run(EC + "RemoveWorkType", sample, ctx)[0].changes == {"queues": ()}


def test_teams_and_work_type_updates_name_no_member():
    for name, fixture in (("NewTeam", "EventECNewTeam_A2408-2416.json"), ("UpdateTeam", "EventECUpdateTeam_A3119-3127.json"),
                          ("RemoveTeam", "EventECRemoveTeam_A2762-2769.json"),
                          ("UpdateWorkType", "EventECUpdateWorkType_A3139-3147.json")):
        assert run(EC + name, fx(fixture), floor()) == [], name


# -- a floor user's work ---------------------------------------------------------------------------------
def test_a_floor_users_screen_pop_is_that_agents_work():
    events = run(EC + "ScreenPop", fx("EventECScreenPop_A2800-2860.json"), floor())
    assert events[0] == AgentChanged(event_id=eid(0), at=AT, agent_id=USER, changes={"vendor_state": "ScreenPop"},
                                     is_self=False)
    work = events[1]
    assert isinstance(work, InteractionChanged) and work.interaction_id == "27"   # interactionIdRev (A:2806)
    assert work.changes["agent_id"] == USER and work.changes["state"] == "offered"
    assert len(events) == 2  # no notice for someone else's work


# -- MonitorState -------------------------------------------------------------------------------------
def monitor(state: int) -> dict:
    sample = fx("EventECMonitorState_A2351-2362.json")
    sample["userId"] = SUPERVISOR  # not from the doc: the supervisor sent the monitor request
    sample["payload"]["monitoringState"] = state  # not from the doc (the sample has 1)
    return sample


def test_monitor_state_marks_the_monitored_agent():
    owner = {"151": USER}
    ctx = floor(owner=owner.get, agents={USER: Agent(USER, name="cherylagt1")})
    for state, monitored in ((1, Capability.LISTEN_IN), (2, Capability.COACH), (3, Capability.BARGE_IN), (4, None),
                             (7, None)):  # A:2373
        agent, note = run(EC + "MonitorState", monitor(state), ctx)
        assert agent == AgentChanged(event_id=eid(0), at=AT, agent_id=USER, changes={"monitored": monitored},
                                     is_self=False), state
        assert note.notice.code == "MonitorState" and note.notice.text.startswith("monitoring cherylagt1: ")
    # error, start acknowledged, not available … leave the monitored state as it was
    for state in (5, 6, 8, 9, 10, 11, 12):
        events = run(EC + "MonitorState", monitor(state), ctx)
        assert [type(e) for e in events] == [NoticeRaised], state


def test_monitor_state_for_unknown_work_is_a_notice():
    # the sample itself: MON_SILENT/MON_MONITORING 1 (A:2358, A:2373), sent to the desktop's own user
    assert run(EC + "MonitorState", fx("EventECMonitorState_A2351-2362.json"), MapContext(self_user_id=USER)) == [
        NoticeRaised(event_id=eid(0), at=AT, notice=Notice("info", "monitoring: monitoring (silent)",
                                                           code="MonitorState", interaction_id="151"))]
