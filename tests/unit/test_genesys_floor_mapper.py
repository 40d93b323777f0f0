"""The GWS supervisor floor, pure parts and the poller's bookkeeping.

Inputs: the statistics samples copied from the reference (``stats_current_L5072-5092.json``,
``stats_range_L5131-5149.json``) and a ``/users?subresources=*`` answer built from the
reference's attribute tables (``users_subresources_built_L3620-3655.json``; which line each key
and value comes from is in ``tests/fixtures/genesys/README.md``). Expected values are written by
hand from the reference (``Lnnn`` = a line of ``genesys-gws-8.5.1-api-reference.md``) and the
mapping tables of ``docs/genesys-mapping.md``, never captured from the code's output. Inputs not
from the document are small hand-written dicts marked ``# not from the doc``.
"""
from __future__ import annotations

import asyncio
import json
import logging

import pytest
from hypothesis import given, settings, strategies as st

from desktop.core.errors import AuthError, TransportError
from desktop.core.events import AgentChanged, QueueChanged
from desktop.vendors.genesys import floor_mapper as fm
from desktop.vendors.genesys.client import parse_listing
from desktop.vendors.genesys.floor import FloorPoller
from tests.helpers.fixtures import fixture_path, load_fixture

STATS_CURRENT = "floor/stats_current_L5072-5092.json"
STATS_RANGE = "floor/stats_range_L5131-5149.json"
USERS = "floor/users_subresources_built_L3620-3655.json"
DESCRIPTORS = load_fixture("genesys", "agent_states_settings_L1141-1171.json")["settings"]


def fx(name):
    return load_fixture("genesys", name)


def test_every_floor_fixture_is_used_here_and_documented():
    folder = fixture_path("genesys", "floor/README.md").parent
    assert sorted(f"floor/{p.name}" for p in folder.glob("*.json")) == sorted([STATS_CURRENT, STATS_RANGE, USERS])
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for name in (STATS_CURRENT, STATS_RANGE, USERS):
        assert f"`{name.removeprefix('floor/')}`" in readme, name


# -- statistics ----------------------------------------------------------------------------------
def test_current_statistics_sample_gives_each_value_by_name():
    # L5073-5092: three statistics with numeric values and epoch-ms times
    assert fm.stat_values(fx(STATS_CURRENT)) == {"numAnsweredCalls": 222, "numCalls": 500, "numDroppedCalls": 200}


def test_range_sample_gives_the_newest_value():
    # L5131-5149: values newest first; 300 at 1344866399143 is newer than 200 at 1344866389143
    assert fm.stat_values(fx(STATS_RANGE)) == {"numCalls": 300}


def test_the_samples_prose_names_are_not_queue_figures():
    # numAnsweredCalls/numCalls/numDroppedCalls (L5077-5088) are not statistics.yaml names (L5293-5520)
    assert fm.queue_fields(fm.stat_values(fx(STATS_CURRENT))) == {}


def test_the_sample_shape_with_the_statistics_yaml_names():
    body = fx(STATS_CURRENT)
    names = {"numAnsweredCalls": "Total_Answered", "numCalls": "Current_In_Queue", "numDroppedCalls": "Total_Abandoned"}
    for entry in body["statistics"]:
        entry["statistic"] = names[entry["statistic"]]
    assert fm.queue_fields(fm.stat_values(body)) == {"answered": 222, "waiting": 500, "abandoned": 200}


@pytest.mark.parametrize("raw, expected", [
    (222, 222.0), (7.5, 7.5), ("222", 222.0), (" 7.5 ", 7.5), ("85%", 85.0), ("85.5 %", 85.5), ("1e3", 1000.0),
    ("-3", -3.0), (".5", 0.5), ("", None), ("  ", None), ("n/a", None), ("12 calls", None), ("0x1A", None),
    (True, None), (False, None), (None, None), ([], None), ({}, None), (float("nan"), None), (float("inf"), None),
    ("NaN", None), ("Infinity", None),
])
def test_statistic_values_are_read_tolerantly(raw, expected):
    assert fm.parse_number(raw) == expected


def test_queue_figures_from_numbers_and_text():
    values = fm.stat_values({"statusCode": 0, "objectId": "q", "statistics": [  # not from the doc: text values
        {"statistic": "Current_In_Queue", "value": "3", "time": 1}, {"statistic": "CurrMaxCallWaitingTime", "value": "42.5"},
        {"statistic": "Total_Answered", "value": 222}, {"statistic": "Total_Abandoned", "value": "7"},
        {"statistic": "ServiceLevel", "value": "85.5%"}, {"statistic": "CurrentReadyAgents", "value": 4.0},
        {"statistic": "CurrentNotReadyAgents", "value": "2"}, {"statistic": "AverageWaitingTime", "value": "9"},
        {"statistic": "CurrNumberInCall", "value": "unknown"}, {"value": 5}, "garbage"]})
    assert fm.queue_fields(values) == {"waiting": 3, "longest_wait_s": 42.5, "answered": 222, "abandoned": 7,
                                       "service_level": 85.5, "agents_ready": 4, "agents_not_ready": 2}


def test_queue_figures_are_clamped_and_rounded():
    assert fm.queue_fields({"ServiceLevel": 120.0, "Current_In_Queue": 2.6, "Total_Abandoned": -1.0}) == {
        "service_level": 100.0, "waiting": 3, "abandoned": 0}


def test_statistics_as_an_object_and_without_statistics():
    assert fm.stat_values({"statistics": {"Current_In_Queue": "4"}}) == {"Current_In_Queue": 4.0}  # not from the doc
    with pytest.raises(fm.MalformedStatistics):
        fm.stat_values({"statusCode": 0})


# -- users ---------------------------------------------------------------------------------------
def users():
    return fx(USERS)["users"]


def test_a_ready_agent_offered_every_supervision():
    assert fm.floor_agent(users()[0], DESCRIPTORS) == {
        "name": "Ann Lee", "state": "ready", "reason": None, "reason_code": None, "vendor_state": "Ready",
        "dnd": False, "queues": ("Might", "Magic"), "team": None,
        "capabilities": frozenset({"listen_in", "barge_in", "coach"}), "monitored": None}


def test_an_agent_we_coach_can_only_be_released():
    # supervisorMonitoringState Coach (L3917); CancelSupervisorMonitoring the only capability (L3916)
    assert fm.floor_agent(users()[1], DESCRIPTORS) == {
        "name": "Bo Berg", "state": "not_ready", "reason": "Out to Lunch", "reason_code": "Lunch",
        "vendor_state": "NotReady/AuxWork", "dnd": False, "queues": ("Magic",), "team": None,
        "capabilities": frozenset({"cancel_monitoring"}), "monitored": "coach"}


def test_dnd_wins_and_another_supervisors_listening_leaves_nothing():
    # doNotDisturb On → do_not_disturb; AfterCallWork: displayName / operationName of the matching descriptor
    # (mapping table, L1141-1146); ListenIn by someone, no capability left for us (L3916)
    assert fm.floor_agent(users()[2], DESCRIPTORS) == {
        "name": "Cy Díaz", "state": "do_not_disturb", "reason": "AfterCallWork", "reason_code": "AfterCallWork",
        "vendor_state": "NotReady/AfterCallWork", "dnd": True, "queues": (), "team": None,
        "capabilities": frozenset(), "monitored": "listen_in"}


def test_a_logged_out_agent_named_by_user_name():
    assert fm.floor_agent(users()[3], DESCRIPTORS) == {
        "name": "dee@example.com", "state": "logged_out", "reason": None, "reason_code": None,
        "vendor_state": "Logout", "dnd": False, "queues": ("Might",), "team": None,
        "capabilities": frozenset(), "monitored": None}


def test_user_dnd_flag_and_an_agent_without_device():
    user = {"id": "u9", "userName": "eve@example.com", "doNotDisturb": "On",  # not from the doc
            "channels": [{"channel": "chat", "userState": {"state": "Ready"}}], "skills": ["Sales"]}
    fields = fm.floor_agent(user)
    assert fields["state"] == "do_not_disturb" and fields["dnd"] is True
    assert fields["channels"] == {"chat": "ready"} and fields["queues"] == ("Sales",)
    assert fm.floor_agent({"id": "u8"})["state"] == "unknown"  # not from the doc: nothing known


def test_fingerprint_changes_with_what_the_mapping_reads():
    first, again = users()[0], users()[0]
    assert fm.fingerprint(first) == fm.fingerprint(again)
    again["devices"][0]["userState"] = {"state": "NotReady"}
    assert fm.fingerprint(first) != fm.fingerprint(again)
    again = users()[0]
    again["devices"][0]["supervisorMonitoringState"] = "ListenIn"
    assert fm.fingerprint(first) != fm.fingerprint(again)


def test_floor_queue_entries_and_the_stats_root():
    assert fm.parse_floor_queue("q1") == fm.FloorQueue("q1", ("q1",))
    assert fm.parse_floor_queue(" q1 + s1 ") == fm.FloorQueue("q1", ("q1", "s1"))
    assert fm.parse_floor_queue("Sales = q1+s1") == fm.FloorQueue("q1", ("q1", "s1"), "Sales")
    with pytest.raises(ValueError):
        fm.parse_floor_queue(" + ")
    # the statistics API is v1 beside v2 (L5067, L5101)
    assert fm.stats_root("http://127.0.0.1:8090/api/v2") == "http://127.0.0.1:8090/api/v1/stats"
    assert fm.stats_root("https://gws.example.com/gws/api/v2/") == "https://gws.example.com/gws/api/v1/stats"
    assert fm.stats_root("https://gws.example.com/custom") == "https://gws.example.com/api/v1/stats"


# -- the piecewise listing parser ----------------------------------------------------------------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=12)


@settings(max_examples=150, deadline=None)
@given(head=st.dictionaries(st.sampled_from(["statusCode", "users", "x", "uris"]), json_values, max_size=4),
       items=st.lists(json_values, max_size=7), indent=st.sampled_from([None, 0, 2]),
       separators=st.sampled_from([None, (",", ":"), (" ,  ", " : ")]))
def test_the_listing_parser_equals_json_loads(head, items, indent, separators):
    head = dict(head, users=items) if items or "users" not in head else head
    text = json.dumps(head, indent=indent, separators=separators)
    assert asyncio.run(parse_listing(text, "users", chunk=2)) == json.loads(text)


@pytest.mark.parametrize("text", ['[1]', '{"users": [1,]}', '{"users": [1', '{"a": 1} x', '', '{1: 2}', '{"a" 1}'])
def test_the_listing_parser_refuses_what_json_refuses(text):
    with pytest.raises(ValueError):
        asyncio.run(parse_listing(text, "users"))


# -- the poller's bookkeeping (a fake REST peer) -------------------------------------------------
class FakeRest:
    def __init__(self, users, stats=None, delay=0.0):
        self.users = users
        self.stats = stats or {}
        self.delay = delay
        self.in_flight = self.max_in_flight = 0
        self.users_error: Exception | None = None
        self.gets: list[str] = []
        self.gate: asyncio.Event | None = None  # holds the listing's answer back until set
        self.listed = 0

    async def get_listing(self, path, params, key):
        assert (path, params, key) == ("/users", {"subresources": "*"}, "users")
        if self.users_error is not None:
            raise self.users_error
        answer = {"statusCode": 0, "users": json.loads(json.dumps(self.users))}
        self.listed += 1
        if self.gate is not None:
            await asyncio.wait_for(self.gate.wait(), 5)
        return answer

    async def get(self, path, params=None):
        self.gets.append(path)
        if path.startswith("/users/"):
            user = next(u for u in self.users if u["id"] == path.rsplit("/", 1)[1])
            return {"statusCode": 0, "user": json.loads(json.dumps(user))}
        oid = path.rsplit("/", 1)[1]
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.delay)
            answer = self.stats[oid]
            if isinstance(answer, Exception):
                raise answer
            return answer
        finally:
            self.in_flight -= 1


def poller(rest, queues=(), concurrency=4, me="c0ffee00c0ffee00c0ffee00c0ffee03"):
    applied = []
    p = FloorPoller(rest, apply=applied.extend, self_id=lambda: me, descriptors=lambda: DESCRIPTORS,
                    stats_root="http://gws/api/v1/stats", queues=[fm.parse_floor_queue(q) for q in queues],
                    period_s=10.0, concurrency=concurrency, clock=lambda: 1234.5)
    return p, applied


def stats_body(oid, **values):
    return {"objectId": oid, "statusCode": 0, "statistics": [{"statistic": k, "value": v, "time": 1} for k, v in values.items()]}


@pytest.mark.asyncio
async def test_each_poll_emits_only_what_changed_and_skips_the_desktops_own_user():
    rest = FakeRest(users())
    p, applied = poller(rest)
    await p.poll()
    assert [e.agent_id for e in applied] == [u["id"] for u in users()[:3]]  # the 4th is the desktop's own user
    assert all(isinstance(e, AgentChanged) and not e.is_self and e.at == 1234.5 for e in applied)
    assert p.device_of(users()[0]["id"]) == "0c754c1f-7a65-4a7f-9a2b-c5bb5c983653"
    applied.clear()
    await p.poll()
    assert applied == []  # nothing changed, nothing built
    rest.users[1]["devices"][0]["userState"] = {"state": "Ready"}
    del rest.users[2]
    await p.poll()
    assert [(e.agent_id, e.changes["state"]) for e in applied] == [
        (users()[1]["id"], "ready"), (users()[2]["id"], "logged_out")]
    assert applied[1].changes == {"state": "logged_out", "capabilities": frozenset(), "monitored": None}
    assert p.last_poll_at == 1234.5 and p.polls == 3


@pytest.mark.asyncio
async def test_queue_statistics_bounded_merged_and_named(caplog):
    objects = {f"q{i}": stats_body(f"q{i}", Current_In_Queue=i, ServiceLevel=90) for i in range(5)}
    objects["s0"] = stats_body("s0", CurrentReadyAgents="4", CurrentNotReadyAgents=1, ServiceLevel=10)
    objects["q4"] = TransportError("GET q4: the platform failed (HTTP 503)")
    rest = FakeRest(users(), objects, delay=0.02)
    p, applied = poller(rest, ["q0+8e8fbe93-a8e5-4997-a939-0e245c30f97c", "Line 1=q1", "q2", "q3+s0", "q4"],
                        concurrency=2)
    objects["8e8fbe93-a8e5-4997-a939-0e245c30f97c"] = stats_body("skill", CurrentReadyAgents=7)
    with caplog.at_level(logging.WARNING):
        await p.poll()
    assert rest.max_in_flight == 2
    queues = {e.queue_id: e.changes for e in applied if isinstance(e, QueueChanged)}
    assert queues == {
        "q0": {"waiting": 0, "service_level": 90.0, "agents_ready": 7, "name": "Might"},  # skill name from the users
        "q1": {"waiting": 1, "service_level": 90.0, "name": "Line 1"},
        "q2": {"waiting": 2, "service_level": 90.0, "name": "q2"},
        "q3": {"waiting": 3, "service_level": 90.0, "agents_ready": 4, "agents_not_ready": 1, "name": "q3"},
    }  # q4 failed: logged, left as it was
    assert "q4" in caplog.text and p.failures == 1
    applied.clear()
    await p.poll()
    assert [e for e in applied if isinstance(e, QueueChanged)] == []


@pytest.mark.asyncio
async def test_a_failed_listing_is_logged_and_an_auth_error_escapes(caplog):
    rest = FakeRest(users(), {"q": AuthError("the platform rejected the user name or password")})
    p, applied = poller(rest, ["q"])
    rest.users_error = TransportError("GET /users: no answer from the platform in time")
    with caplog.at_level(logging.WARNING), pytest.raises(AuthError):
        await p.poll()
    assert applied == [] and "no answer" in caplog.text


@pytest.mark.asyncio
async def test_a_single_read_wins_over_an_older_poll():
    rest = FakeRest(users())
    p, applied = poller(rest)
    await p.poll()
    ann = users()[0]["id"]
    rest.gate = asyncio.Event()
    older = asyncio.create_task(p.poll())  # its listing is read now, before the change below
    while not rest.listed:
        await asyncio.sleep(0)
    rest.users[0]["devices"][0]["supervisorMonitoringState"] = "ListenIn"
    rest.users[0]["devices"][0]["capabilities"] = ["CancelSupervisorMonitoring"]
    await p.refresh_user(ann)
    assert applied[-1].agent_id == ann and applied[-1].changes["monitored"] == "listen_in"
    rest.gate.set()
    await asyncio.wait_for(older, 5)
    assert [e.changes["monitored"] for e in applied if e.agent_id == ann][-1] == "listen_in"
