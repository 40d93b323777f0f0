"""The GWS supervisor floor: the controller polling the simulator's ``floor`` over loopback.

Expected agent states are written by hand from the mapping table (docs/genesys-mapping.md:
Ready → ready, NotReady/AfterCallWork → after_call_work, NotReady with a reason → not_ready,
Logout → logged_out); supervision capabilities from L3912-3916 and the simulator README's
written choices (ListenIn, Bargain, Coach while not monitored and logged in; only
CancelSupervisorMonitoring while monitored by us; nothing while another supervisor monitors).
Periods are shortened (0.2 s) and every wait is bounded.
"""
from __future__ import annotations

import asyncio
import logging

import pytest
import pytest_asyncio

from desktop.core.commands import Command, SentCommand, is_confirmed
from desktop.core.errors import AuthError, RefusedError, UnsupportedError
from desktop.core.profiles import Profile
from desktop.core.store import Store
from desktop.core.timers import Timers
from desktop.core.vocabulary import AgentState, Capability as C, ConnectionState
from desktop.demo import demo_secrets
from desktop.sim.genesys import GwsSimulator, load_scenario
from desktop.sim.runner import DEMO_PASSWORD, DEMO_USER
from desktop.vendors.genesys.controller import NO_FLOOR, Controller
from tests.helpers.wait import until

pytestmark = [pytest.mark.asyncio, pytest.mark.timeout(60)]

AGENTS = 40
PERIOD = 0.2
EXPECTED_STATE = {("Ready", None): AgentState.READY, ("NotReady", "AfterCallWork"): AgentState.AFTER_CALL_WORK,
                  ("NotReady", "AuxWork"): AgentState.NOT_READY, ("NotReady", None): AgentState.NOT_READY,
                  ("Logout", None): AgentState.LOGGED_OUT}
SUPERVISION = frozenset({C.LISTEN_IN, C.COACH, C.BARGE_IN})


class Floor:
    def __init__(self, sim, store, controller, task):
        self.sim, self.store, self.controller, self.task = sim, store, controller, task

    def agent_of(self, sim_agent):
        return self.store.agents.get(sim_agent.user_id)

    def pick(self, logged_in=True):
        return next(a for a in self.sim.floor.agents if (a.channels["voice"]["state"] != "Logout") == logged_in)


async def start(sim, **options) -> Floor:
    profile = Profile(name="floor", vendor="genesys", user=DEMO_USER, allow_insecure=True,
                      options={**sim.profile_options(supervisor=True), "floor_period_s": PERIOD, **options})
    store = Store()
    controller = Controller(profile, demo_secrets(profile, sim), store, Timers.fast())
    await controller.connect(login=True)
    task = asyncio.create_task(controller.run())
    await until(store, lambda: store.connection.status == "connected", what="CometD connected")
    return Floor(sim, store, controller, task)


async def stop(floor: Floor) -> None:
    await floor.controller.close(logout=True)
    floor.task.cancel()
    await asyncio.gather(floor.task, return_exceptions=True)


@pytest_asyncio.fixture
async def sim():
    sim = GwsSimulator(host="127.0.0.1", port=0, scenario="floor", users={DEMO_USER: DEMO_PASSWORD},
                       long_poll_timeout_s=2.0, time_scale=0.0, agents=AGENTS, event_rate=0, seed=3)
    await sim.start()
    yield sim
    await sim.stop()


@pytest_asyncio.fixture
async def floor(sim):
    floor = await start(sim)
    yield floor
    await stop(floor)


def matches_truth(floor: Floor) -> bool:
    for ag in floor.sim.floor.agents:
        ours = floor.agent_of(ag)
        voice = ag.channels["voice"]
        if ours is None or ours.state is not EXPECTED_STATE[(voice["state"], voice.get("workMode"))]:
            return False
    return True


async def run(floor: Floor, capability: C, agent_id: str, timeout=2.0):
    command = Command(capability, None, {"agent": agent_id})
    sent = SentCommand.capture(command, floor.store)
    await floor.controller.execute(command)
    await until(floor.store, lambda: is_confirmed(sent, floor.store), timeout=timeout, what=f"{capability} confirmed")


async def test_the_floor_appears_with_names_states_queues_and_queue_statistics(floor):
    store, sim = floor.store, floor.sim
    assert len(store.agents) == AGENTS + 1  # the floor and the supervisor's own agent
    me = store.me
    assert me is not None and me.name == "Alex Martin" and store.self_agent_id == sim.world.primary.user_id
    assert matches_truth(floor)
    for ag in sim.floor.agents:
        ours = floor.agent_of(ag)
        assert ours.name == f"{ag.first_name} {ag.last_name}" and ours.queues == tuple(ag.skills)
        assert ours.team is None and ours.monitored is None
        assert ours.capabilities == (frozenset() if ag.channels["voice"]["state"] == "Logout" else SUPERVISION)
    not_ready = next(floor.agent_of(a) for a in sim.floor.agents if a.channels["voice"].get("reason") == "Lunch")
    assert not_ready.reason == "Out to Lunch" and not_ready.reason_code == "OutToLunch"  # the scenario's descriptor
    # one queue per skill: QUEUE figures merged with the skill's agent counts, named after the skill
    await until(store, lambda: len(store.queues) == 4, what="the four queues")
    truth = sim.truth()["floor"]["queues"]
    assert {q.name for q in store.queues.values()} == set(truth)
    for q in store.queues.values():
        assert q.queue_id == truth[q.name]["queueId"]
        assert q.answered == truth[q.name]["answered"] and q.abandoned == truth[q.name]["abandoned"]
        assert q.waiting == truth[q.name]["waiting"] and 0 <= q.service_level <= 100
        counts = sim.floor.values(truth[q.name]["skillId"])
        assert (q.agents_ready, q.agents_not_ready) == (counts["CurrentReadyAgents"], counts["CurrentNotReadyAgents"])
    assert floor.controller.floor.period_s == PERIOD and floor.controller.floor.last_poll_at is not None


async def test_the_own_agent_still_follows_its_push_events(floor):
    command = Command(C.SET_AGENT_STATE, None, {"state": "ready"})
    await floor.controller.execute(command)
    await until(floor.store, lambda: floor.store.me.state is AgentState.READY, what="the supervisor Ready")
    assert floor.store.self_agent_id == floor.sim.world.primary.user_id


async def test_state_changes_show_up_within_a_period(floor):
    sim, store = floor.sim, floor.store
    ag = floor.pick(logged_in=True)
    sim.floor_state(ag.user_name, "NotReady", reason="Break")
    polls = floor.controller.floor.polls
    await until(store, lambda: floor.agent_of(ag).reason == "Not Ready - Break", timeout=3 * PERIOD + 1.0,
                what="the change within one period")
    assert floor.controller.floor.polls <= polls + 2
    event_at = floor.agent_of(ag).since
    assert event_at == pytest.approx(floor.controller.floor.last_poll_at, abs=3 * PERIOD)  # the poll's time
    sim.floor_step(80)
    await until(store, lambda: matches_truth(floor), timeout=3 * PERIOD + 1.0, what="the floor to match the truth")


async def test_statistics_requests_are_bounded(sim):
    sim.faults.slow_rest(0.05)  # every answer takes a while: requests overlap if the client lets them
    floor = await start(sim, floor_concurrency=2)
    try:
        await until(floor.store, lambda: len(floor.store.queues) == 4, what="queues")
        await asyncio.wait_for(_polls(floor, floor.controller.floor.polls + 2), 5)
    finally:
        sim.faults.reset()
        await stop(floor)
    assert sim.stats_max_in_flight == 2  # 8 statistics objects per period, never more than 2 at once


async def _polls(floor: Floor, n: int) -> None:
    while floor.controller.floor.polls < n:
        await asyncio.sleep(0.02)


async def test_supervision_is_enabled_exactly_by_capability(floor):
    out = floor.pick(logged_in=False)
    assert floor.agent_of(out).capabilities == frozenset()
    command = Command(C.LISTEN_IN, None, {"agent": out.user_id})
    assert floor.controller.why_not(command) == f"listen_in is not possible now for {out.first_name} {out.last_name}"
    with pytest.raises(UnsupportedError):
        await floor.controller.execute(command)
    assert not [op for op in floor.sim.recorded_operations if op[1].startswith("/api/v2/devices/")]
    assert floor.controller.why_not(Command(C.COACH, None, {"agent": floor.pick().user_id})) is None


async def test_listen_in_then_cancel_each_confirmed_without_waiting_for_a_poll(sim):
    floor = await start(sim, floor_period_s=60.0)  # confirmations must come from the re-read, not a poll
    try:
        ag = floor.pick(logged_in=True)
        await run(floor, C.LISTEN_IN, ag.user_id)
        ours = floor.agent_of(ag)
        assert ours.monitored is C.LISTEN_IN and ours.capabilities == {C.CANCEL_MONITORING}
        assert sim.truth()["agents"][ag.user_name]["monitoredBy"] == DEMO_USER
        await run(floor, C.CANCEL_MONITORING, ag.user_id)
        assert floor.agent_of(ag).monitored is None and floor.agent_of(ag).capabilities == SUPERVISION
        await run(floor, C.BARGE_IN, ag.user_id)
        assert floor.agent_of(ag).monitored is C.BARGE_IN
        sent = [(op[1], op[2]) for op in sim.recorded_operations if op[0] == "POST" and "/devices/" in op[1]]
        assert sent == [(f"/api/v2/devices/{ag.device_id}", {"operationName": name})
                        for name in ("ListenIn", "CancelSupervisorMonitoring", "Bargain")]
        assert floor.controller.floor.polls == 1  # the one at connect
    finally:
        await stop(floor)


async def test_another_supervisor_monitoring_is_refused_with_the_platforms_message(floor):
    ag = floor.pick(logged_in=True)
    assert C.COACH in floor.agent_of(ag).capabilities
    floor.sim.faults.other_supervisor(ag.device_id)  # after our last poll: we still believe we can
    with pytest.raises(RefusedError) as refused:
        await floor.controller.execute(Command(C.COACH, None, {"agent": ag.user_id}))
    assert refused.value.message == f"Another supervisor is already monitoring device {ag.device_id}"
    await until(floor.store, lambda: floor.agent_of(ag).capabilities == frozenset(), timeout=3 * PERIOD + 1.0,
                what="the next poll to show it")
    assert floor.agent_of(ag).monitored is C.LISTEN_IN  # monitored, by someone else
    floor.sim.faults.other_supervisor(ag.device_id, on=False)
    await until(floor.store, lambda: floor.agent_of(ag).capabilities == SUPERVISION, timeout=3 * PERIOD + 1.0,
                what="supervision offered again")


async def test_a_failed_poll_is_logged_and_retried(floor, caplog):
    sim, store = floor.sim, floor.store
    ag = floor.pick(logged_in=True)
    failures = floor.controller.floor.failures
    with caplog.at_level(logging.WARNING, logger="desktop.vendors.genesys.floor"):
        sim.faults.rest_errors(503, count=2, path="/api/v2/users")
        await asyncio.wait_for(_failures(floor, failures + 2), 5)
        sim.faults.rest_errors(503, count=3, path="/api/v1/stats")
        sim.floor_state(ag.user_name, "Logout")
        await until(store, lambda: floor.agent_of(ag).state is AgentState.LOGGED_OUT, timeout=3 * PERIOD + 2.0,
                    what="the floor after the failures")
    assert "floor poll: GET /users?subresources=* failed" in caplog.text
    assert "Simulated HTTP 503" in caplog.text
    assert not floor.task.done() and store.connection.status is ConnectionState.CONNECTED


async def _failures(floor: Floor, n: int) -> None:
    while floor.controller.floor.failures < n:
        await asyncio.sleep(0.02)


async def test_a_rejected_password_while_polling_ends_the_session(floor):
    floor.sim.faults.rest_errors(401, count=50, path="/api/v2/users")
    with pytest.raises(AuthError, match="polling the floor"):
        await asyncio.wait_for(floor.task, 5)
    assert floor.store.connection.status is ConnectionState.FAILED
    floor.sim.faults.reset()


async def test_statistics_values_sent_as_text_are_read():
    spec = load_scenario("floor")
    spec["floor"] = dict(spec["floor"], values_as_text=True, agents=10, event_rate=0)
    sim = GwsSimulator(scenario=spec, users={DEMO_USER: DEMO_PASSWORD}, long_poll_timeout_s=2.0, time_scale=0.0)
    await sim.start()
    try:
        floor = await start(sim)
        try:
            await until(floor.store, lambda: len(floor.store.queues) == 4, what="queues")
            assert all(isinstance(q.answered, int) and q.answered > 0 for q in floor.store.queues.values())
        finally:
            await stop(floor)
    finally:
        await sim.stop()


async def test_supervision_needs_the_floor(sim):
    profile = Profile(name="plain", vendor="genesys", user=DEMO_USER, allow_insecure=True,
                      options=sim.profile_options())
    controller = Controller(profile, demo_secrets(profile, sim), Store(), Timers.fast())
    assert controller.declared.why_unavailable(C.LISTEN_IN) == NO_FLOOR
    assert controller.declared.why_unavailable(C.HOLD) is None
    floor_profile = Profile(name="floor", vendor="genesys", user=DEMO_USER, allow_insecure=True,
                            options=sim.profile_options(supervisor=True))
    assert Controller(floor_profile, demo_secrets(floor_profile, sim), Store(), Timers.fast()).declared.supported >= {
        C.LISTEN_IN, C.COACH, C.BARGE_IN, C.CANCEL_MONITORING}
