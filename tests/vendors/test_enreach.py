"""The Enreach controller against the Enreach simulator over loopback, with signalrcore.

Expected normalized values are written by hand from the document (R:n = line of
vendor-docs/enreach-rte-signalr.md) and from the mapping tables in
desktop/vendors/enreach/mapper.py; the simulator is a separate implementation of the document
(desktop/sim/enreach, never imported by product code).
"""
from __future__ import annotations

import asyncio
import logging
import threading

import pytest
import pytest_asyncio

from desktop.core.errors import AuthError, TransportError
from desktop.core.store import Store
from desktop.core.timers import Timers
from desktop.demo import DemoSecrets, demo_profile, demo_secrets
from desktop.sim.enreach import EnreachSimulator
from desktop.transports.signalr import signalr_threads
from desktop.vendors.enreach.controller import Controller
from tests.helpers.wait import until

pytestmark = pytest.mark.timeout(60)


class Session:
    def __init__(self, sim, store, controller):
        self.sim, self.store, self.controller = sim, store, controller
        self.task: asyncio.Task | None = None
        self.applied: list = []
        store.subscribe(self.applied.extend)

    @property
    def me(self) -> str:
        return self.controller.user_id

    def hub_subscriptions(self) -> set[tuple[str, str]]:
        """What the simulator holds for the one live connection (its own reading of R:185-198)."""
        live = [c for c in self.sim.truth()["connections"] if c["handshake"]]
        assert len(live) == 1, live
        return {(s["entityId"].lower(), s["eventType"].lower()) for s in live[0]["subscriptions"]}

    def desired(self) -> set[tuple[str, str]]:
        return {s.key for s in self.controller.desired}

    async def start(self):
        await self.controller.connect(login=False)
        self.task = asyncio.create_task(self.controller.run())
        await until(self.store, lambda: self.store.connection.status == "connected", what="connected")

    async def stop(self):
        await self.controller.close(logout=False)
        if self.task is not None:
            self.task.cancel()
            await asyncio.gather(self.task, return_exceptions=True)


def make_session(sim, secret=None, **options) -> Session:
    store = Store()
    profile = demo_profile("enreach", sim)
    if options:
        profile = type(profile)(**{**profile.__dict__, "options": {**profile.options, **options}})
    secrets = demo_secrets(profile, sim) if secret is None else DemoSecrets(profile, {**sim.credentials(),
                                                                                      "secret": secret})
    return Session(sim, store, Controller(profile, secrets, store, Timers.fast()))


@pytest_asyncio.fixture
async def sim():
    simulator = EnreachSimulator(host="127.0.0.1", port=0, scenario="idle", agents=3, time_scale=0.0,
                                 ping_interval_s=0.3)
    await simulator.start()
    yield simulator
    await simulator.stop()


@pytest_asyncio.fixture
async def rte(sim):
    session = make_session(sim)
    await session.start()
    yield session
    await session.stop()
    assert not signalr_threads(), [t.name for t in signalr_threads()]


def interaction(rte, call_id):
    return rte.store.interactions.get(call_id)


async def wait_state(rte, call_id, state, what=None):
    await until(rte.store, lambda: (i := interaction(rte, call_id)) is not None and i.state == state,
                what=what or f"{call_id} {state}")
    return interaction(rte, call_id)


# -- subscriptions --------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_connect_subscribes_the_desired_set_and_checks_it(rte):
    opts = rte.sim.profile_options()
    desired = rte.desired()
    assert rte.controller.subscriptions == desired
    assert rte.hub_subscriptions() == desired
    assert (opts["user_id"].lower(), "useravailability") in desired
    assert (opts["queue_ids"][0].lower(), "queuestatus") in desired
    assert (opts["call_list_ids"][0].lower(), "callbackchanged") in desired
    assert (opts["supervised_user_ids"][0].lower(), "userstatus") in desired
    methods = [i["method"].lower() for i in rte.sim.truth()["invocations"]]
    assert methods[:3] == ["availablesubscriptions", "subscribe", "activesubscriptions"]
    me = rte.store.me
    assert me is not None and me.agent_id == opts["user_id"]


@pytest.mark.asyncio
async def test_partial_subscribe_failure_warns_and_the_rest_works(sim):
    refused_queue, ok_queue = sim.profile_options()["queue_ids"][:2]
    sim.faults.partial_subscribe_failure(ids=[refused_queue])
    rte = make_session(sim)
    await rte.start()
    try:
        notices = [n for n in rte.store.notices if n.code == "subscription_refused"]
        assert len(notices) == 1 and notices[0].level == "warning"
        assert notices[0].text.startswith(f"not authorized for queue {refused_queue}")
        assert not any(k[0] == refused_queue.lower() for k in rte.controller.subscriptions)
        assert (ok_queue.lower(), "queuestatus") in rte.controller.subscriptions
        sim.queue_status(ok_queue, waiting=4, longest_wait_s=17)
        await until(rte.store, lambda: ok_queue in rte.store.queues and rte.store.queues[ok_queue].waiting == 4,
                    what="the authorized queue's status")
        # after a reconnect the same refusal is not announced again
        sim.faults.drop_connections()
        await until(rte.store, lambda: rte.controller.connections_opened == 2
                    and rte.store.connection.status == "connected", what="reconnected")
        assert len([n for n in rte.store.notices if n.code == "subscription_refused"]) == 1
    finally:
        await rte.stop()


# -- every event type -----------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_queue_call_offered_connected_disconnected(rte):
    queue = rte.sim.profile_options()["queue_ids"][0]
    call = rte.sim.call_offered(queue_id=queue, caller_number="+358401234567")
    offered = await wait_state(rte, call, "offered")
    assert offered.media == "voice" and offered.direction == "inbound"
    assert offered.remote == "+358401234567" and offered.agent_id == rte.me
    assert offered.data["caller_number"] == "+358401234567"
    assert offered.queue is not None  # QueueName from QueueCallInComing (R:1284)
    rte.sim.call_connected(call)
    await wait_state(rte, call, "connected")
    rte.sim.call_disconnected(call, reason="remote", tech_reason="normal_clearing")
    ended = await wait_state(rte, call, "ended")
    assert ended.data["reason"] == "remote" and ended.data["tech_reason"] == "normal_clearing"
    history = [h.state for h in rte.store.history[call]]
    assert history == ["queued", "offered", "connected", "ended"]


@pytest.mark.asyncio
async def test_direct_call_transfer_and_overflow(rte):
    call = rte.sim.call_offered()
    await wait_state(rte, call, "offered")
    rte.sim.call_connected(call)
    await wait_state(rte, call, "connected")
    rte.sim.call_transferred(call, to="+358101002000", outcome="cancelled")
    await until(rte.store, lambda: interaction(rte, call).data.get("detailed_reason") == "Transfer target did not answer",
                what="transfer cancelled kept in data")
    assert interaction(rte, call).state == "connected"
    rte.sim.call_transferred(call, to="+358101002000")
    ended = await wait_state(rte, call, "ended")
    assert ended.data["transfer_target"] == "+358101002000"
    other = rte.sim.call_offered()
    await wait_state(rte, other, "offered")
    rte.sim.call_overflowed(other, reason="NoAnswer")
    over = await wait_state(rte, other, "ended")
    assert over.data["reason"] == "NoAnswer"


@pytest.mark.asyncio
async def test_outbound_call(rte):
    call = rte.sim.call_outbound(target_number="+358401112223")
    out = await wait_state(rte, call, "connected")
    assert out.direction == "outbound" and out.remote == "+358401112223"
    rte.sim.call_disconnected(call, reason="local")
    assert (await wait_state(rte, call, "ended")).data["reason"] == "local"


@pytest.mark.asyncio
@pytest.mark.parametrize("availability,state,dnd", [
    ("Available", "ready", False), ("Busy", "busy", False), ("DoNotDisturb", "do_not_disturb", True),
    ("OffWork", "logged_out", False), ("BRB", "away", False), ("Away", "away", False)])
async def test_availability_table(rte, availability, state, dnd):  # R:429
    rte.sim.availability(None, availability, note="from the test")
    await until(rte.store, lambda: rte.store.me.vendor_state == availability, what=availability)
    me = rte.store.me
    assert (me.state, me.dnd, me.reason) == (state, dnd, "from the test")


@pytest.mark.asyncio
async def test_supervised_agent_is_not_self(rte):
    other = rte.sim.profile_options()["supervised_user_ids"][0]
    rte.sim.availability(other, "Away")
    await until(rte.store, lambda: other in rte.store.agents and rte.store.agents[other].state == "away",
                what="supervised agent away")
    assert rte.store.self_agent_id == rte.me
    assert rte.store.me.vendor_state != "Away" or rte.store.me.agent_id == rte.me


@pytest.mark.asyncio
async def test_wrap_up_phases(rte):
    rte.sim.availability(None, "Available")
    await until(rte.store, lambda: rte.store.me.state == "ready", what="ready")
    queue = rte.sim.profile_options()["queue_ids"][0]
    call = rte.sim.call_offered(queue_id=queue)
    await wait_state(rte, call, "offered")
    rte.sim.call_connected(call)
    await wait_state(rte, call, "connected")
    rte.sim.wrap_up(None, call, "enabled", max_s=30)
    await until(rte.store, lambda: interaction(rte, call).data.get("wrap_up_max_s") == "30", what="wrap-up enabled")
    rte.sim.call_disconnected(call)
    await wait_state(rte, call, "wrap_up")
    rte.sim.wrap_up(None, call, "started", max_s=30)
    await until(rte.store, lambda: rte.store.me.state == "after_call_work", what="after_call_work")
    assert interaction(rte, call).state == "wrap_up"
    rte.sim.wrap_up(None, call, "terminated", reason="manual", elapsed_s=12)
    ended = await wait_state(rte, call, "ended")
    assert ended.data["wrap_up_end_reason"] == "manual"
    await until(rte.store, lambda: rte.store.me.state == "ready", what="back to ready")


@pytest.mark.asyncio
async def test_queue_status_callback_alert_supervision_setting(rte):
    opts = rte.sim.profile_options()
    queue, call_list = opts["queue_ids"][0], opts["call_list_ids"][0]
    rte.sim.queue_status(queue, waiting=3, longest_wait_s=42)
    await until(rte.store, lambda: queue in rte.store.queues and rte.store.queues[queue].waiting == 3, what="queue")
    assert rte.store.queues[queue].longest_wait_s == 42
    cb = rte.sim.callback_changed(call_list, contact_number="+358409998887")
    await until(rte.store, lambda: cb in rte.store.interactions, what="callback")
    item = rte.store.interactions[cb]
    assert item.media == "callback" and item.remote == "+358409998887" and item.state in ("queued", "offered")
    rte.sim.callback_changed(call_list, cb, contact_number="+358409998887", closed=True)
    await wait_state(rte, cb, "ended", "callback closed")
    rte.sim.user_alert(None, "Queue too long", condition_value="5", condition_expression=">")
    await until(rte.store, lambda: any(n.code == "UserAlert" for n in rte.store.notices), what="alert")
    alert = next(n for n in rte.store.notices if n.code == "UserAlert")
    assert alert.level == "warning" and "Queue too long" in alert.text
    target = opts["supervised_user_ids"][0]
    call = rte.sim.call_offered(user_id=target)
    await wait_state(rte, call, "offered")
    rte.sim.call_connected(call)
    await wait_state(rte, call, "connected")
    rte.sim.monitoring_available(call_id=call)
    await until(rte.store, lambda: interaction(rte, call).data.get("monitoring_available") == "true",
                what="monitoring available")
    assert any(n.code == "UserCallAvailableForMonitoring" and n.interaction_id == call for n in rte.store.notices)
    assert interaction(rte, call).agent_id == target
    rte.sim.supervision_status(call_id=call, state=2)
    await until(rte.store, lambda: interaction(rte, call).data.get("supervision_state") == "2", what="supervision")
    before = len(rte.applied)
    rte.sim.user_setting(None, "ui.theme", "dark")  # not subscribed; nothing to show
    rte.sim.queue_status(queue, waiting=5)
    await until(rte.store, lambda: rte.store.queues[queue].waiting == 5, what="next event")
    assert all(c.kind == "queue" for c in rte.applied[before:])


# -- resilience -----------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_twenty_drops_lose_no_subscription_and_apply_nothing_twice(rte):
    queue = rte.sim.profile_options()["queue_ids"][0]
    statuses = []
    rte.store.subscribe(lambda changes: statuses.extend(c.new.status for c in changes if c.kind == "connection"))
    for round_ in range(20):
        rte.sim.faults.drop_connections()
        await until(rte.store, lambda: rte.controller.connections_opened == round_ + 2
                    and rte.store.connection.status == "connected", what=f"reconnect {round_ + 1}")
        assert rte.hub_subscriptions() == rte.desired(), f"round {round_ + 1}"
        rte.sim.faults.duplicate_next(1)
        rte.sim.queue_status(queue, waiting=round_ + 1)
        await until(rte.store, lambda: rte.store.queues.get(queue) is not None
                    and rte.store.queues[queue].waiting == round_ + 1, what=f"event after reconnect {round_ + 1}")
    assert statuses.count("reconnecting") >= 20
    queue_changes = [c for c in rte.applied if c.kind == "queue" and c.key == queue]
    assert [c.new.waiting for c in queue_changes] == list(range(1, 21)), "each event applied exactly once"
    assert rte.controller.duplicates >= 20
    tokens = [r for r in rte.sim.truth()["tokenRequests"] if r.get("status") == 200]
    assert len(tokens) == 21, "a fresh token before every connection"


@pytest.mark.asyncio
async def test_stale_snapshot_is_ignored(rte):
    queue = rte.sim.profile_options()["queue_ids"][0]
    rte.sim.queue_status(queue, waiting=1)
    await until(rte.store, lambda: queue in rte.store.queues and rte.store.queues[queue].waiting == 1, what="q")
    rte.sim.faults.late_next(1)
    rte.sim.queue_status(queue, waiting=9)  # Timestamp older than its MessageTTLSeconds (60)
    rte.sim.queue_status(queue, waiting=2)
    await until(rte.store, lambda: rte.store.queues[queue].waiting == 2, what="fresh one")
    assert rte.controller.stale == 1
    assert [c.new.waiting for c in rte.applied if c.kind == "queue" and c.key == queue] == [1, 2]


@pytest.mark.asyncio
async def test_server_close_with_allow_reconnect_reconnects(rte):
    rte.sim.faults.close(allow_reconnect=True)
    await until(rte.store, lambda: rte.controller.connections_opened == 2
                and rte.store.connection.status == "connected", what="reconnected after close")
    assert rte.hub_subscriptions() == rte.desired()


@pytest.mark.asyncio
async def test_server_close_without_allow_reconnect_fails_in_words(rte):
    rte.sim.faults.close(allow_reconnect=False, error="Maintenance")
    with pytest.raises(TransportError, match="does not allow reconnecting"):
        await asyncio.wait_for(rte.task, 10)
    assert rte.store.connection.status == "failed" and "Maintenance" in rte.store.connection.detail


@pytest.mark.asyncio
async def test_missing_pings_trigger_a_reconnect(rte):
    rte.sim.faults.stop_pings(True)
    await until(rte.store, lambda: rte.store.connection.status == "reconnecting", timeout=10, what="server timeout")
    assert "server timeout" in rte.store.connection.detail
    rte.sim.faults.stop_pings(False)
    await until(rte.store, lambda: rte.store.connection.status == "connected", timeout=10, what="back")


@pytest.mark.asyncio
async def test_malformed_frame_is_logged_and_skipped(rte, caplog):
    queue = rte.sim.profile_options()["queue_ids"][0]
    with caplog.at_level(logging.WARNING):
        rte.sim.send_raw('{"type":1,"target":"MessageReceived","arguments":[{"subscription":{},"data":42}]}')
        rte.sim.queue_status(queue, waiting=6)
        await until(rte.store, lambda: queue in rte.store.queues and rte.store.queues[queue].waiting == 6,
                    what="the session goes on")
    assert "malformed MessageReceived" in caplog.text


# -- errors ---------------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_bad_token_is_an_auth_error_in_words(sim):
    sim.faults.bad_token(True)
    rte = make_session(sim)
    with pytest.raises(AuthError, match=r"the RTE hub rejected the token issued for user .*HTTP 401"):
        await rte.controller.connect(login=False)
    assert rte.store.connection.status == "failed"
    await rte.controller.close(logout=False)
    assert not signalr_threads()


@pytest.mark.asyncio
async def test_wrong_secret_is_an_auth_error_naming_the_user(sim):
    rte = make_session(sim, secret="not-the-secret")
    with pytest.raises(AuthError, match=r"rejected user '.+' or its secret .*HTTP 401"):
        await rte.controller.connect(login=False)
    await rte.controller.close(logout=False)


@pytest.mark.asyncio
async def test_token_endpoint_failure_is_a_transport_error_and_retried_in_run(sim):
    sim.faults.token_errors(status=503, count=1)
    rte = make_session(sim)
    with pytest.raises(TransportError, match=r"token endpoint failed \(HTTP 503"):
        await rte.controller.connect(login=False)
    await rte.controller.close(logout=False)
    rte = make_session(sim)
    await rte.start()
    try:
        sim.faults.token_errors(status=503, count=3)
        sim.faults.drop_connections()
        await until(rte.store, lambda: rte.controller.connections_opened == 2
                    and rte.store.connection.status == "connected", timeout=10, what="reconnected after 3 failures")
        assert rte.hub_subscriptions() == rte.desired()
    finally:
        await rte.stop()


@pytest.mark.asyncio
async def test_bad_token_on_reconnect_stops_the_loop_with_auth_error(rte):
    rte.sim.faults.bad_token(True)
    rte.sim.faults.drop_connections()
    with pytest.raises(AuthError):
        await asyncio.wait_for(rte.task, 10)
    assert rte.store.connection.status == "failed"


@pytest.mark.asyncio
async def test_subscribe_invocation_error_on_reconnect_is_retried(rte):
    rte.sim.faults.invocation_error("Subscribe", "Internal hub error", count=2)
    rte.sim.faults.drop_connections()
    await until(rte.store, lambda: rte.controller.connections_opened == 4 and rte.store.connection.status == "connected",
                timeout=10, what="subscribed after two refused attempts")
    refusals = [i for i in rte.sim.truth()["invocations"] if i["method"] == "Subscribe" and "error" in i]
    assert [r["error"] for r in refusals] == ["Internal hub error"] * 2
    assert rte.hub_subscriptions() == rte.desired()


# -- shutdown -------------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_close_unsubscribes_all_and_leaves_no_thread(sim):
    baseline = {t.ident for t in threading.enumerate()}
    rte = make_session(sim)
    await rte.start()
    assert signalr_threads()
    await rte.stop()
    assert not signalr_threads()
    assert {t.ident for t in threading.enumerate() if t.is_alive()} <= baseline, \
        [t.name for t in threading.enumerate() if t.ident not in baseline]
    assert [i["method"].lower() for i in sim.truth()["invocations"]][-1] == "unsubscribeall"
    await rte.controller.close(logout=False)  # idempotent


# -- the supervisor's floor ---------------------------------------------------------------------------
@pytest.mark.asyncio
@pytest.mark.timeout(40)
async def test_supervisor_floor_agents_queues_and_monitoring_offers():
    """The floor scenario (small): floor agents arrive with the queues they serve (ActiveQueueId,
    R:1078), queue rows arrive and move (QueueStatus, R:1524-1577), and a monitoring offer
    (UserCallAvailableForMonitoring, R:440-487) lands on the target agent's own call with the
    call-in number the supervisor dials (R:482)."""
    sim = EnreachSimulator(host="127.0.0.1", port=0, scenario="floor", agents=12, event_rate=20, time_scale=0.1,
                           ping_interval_s=0.3)
    await sim.start()
    store = Store()
    profile = demo_profile("enreach", sim, supervisor=True)
    assert profile.options["supervised_user_ids"] == sim.profile_options(supervisor=True)["supervised_user_ids"]
    rte = Session(sim, store, Controller(profile, demo_secrets(profile, sim), store, Timers.fast()))
    waiting_seen: dict[str, set[int]] = {}

    def record(changes):
        for change in changes:
            if change.kind == "queue" and change.new.waiting is not None:
                waiting_seen.setdefault(change.key, set()).add(change.new.waiting)

    store.subscribe(record)
    supervised = set(profile.options["supervised_user_ids"])
    queue_names = {q["name"] for q in sim.truth()["queues"].values()}
    try:
        await rte.start()
        assert len(supervised) == 12 and not profile.options["call_list_ids"]
        await until(store, lambda: sum(1 for a in store.agents.values() if a.agent_id in supervised) == 12,
                    timeout=10, what="every floor agent (snapshots on subscribe)")
        await until(store, lambda: any(a.queues for a in store.agents.values()), timeout=15,
                    what="a floor agent with the queues it serves")
        with_queues = [a for a in store.agents.values() if a.queues]
        assert all(a.agent_id in supervised and a.team is None for a in with_queues)
        truth = sim.truth()["users"]
        for agent in with_queues:  # named by QueueStatus.QueueName, and among the queues it serves
            served = {sim.truth()["queues"][q]["name"] for q in truth[agent.agent_id]["queues"]}
            assert set(agent.queues) <= served | set(truth[agent.agent_id]["queues"]), agent
        assert set(store.queues) == set(profile.options["queue_ids"])
        assert {q.name for q in store.queues.values()} == queue_names
        await until(store, lambda: any(len(v) >= 2 for v in waiting_seen.values()), timeout=15,
                    what="a queue's waiting count moving")
        assert all(q.agents_ready is not None and q.agents_not_ready is not None for q in store.queues.values())
        assert all(q.answered is None and q.service_level is None for q in store.queues.values())

        def offered():
            return [i for i in store.interactions.values() if i.data.get("supervision_call_in_number")]

        await until(store, lambda: bool(offered()), timeout=15, what="a monitoring offer")
        call = offered()[0]
        assert call.agent_id in supervised                         # TargetUserId (R:486)
        assert call.data["supervision_call_in_number"] == "+358101009999"  # the simulator's call-in number
        assert call.data["caller_number"]                          # the target's own User* events made it
        assert sim.truth()["calls"][call.interaction_id]["user"] == call.agent_id
        active = [i for i in store.interactions.values() if i.active]
        assert active and all(i.agent_id in supervised for i in active)
        for capability in ("listen_in", "coach", "barge_in", "cancel_monitoring"):
            assert "call-in number" in rte.controller.declared.why_unavailable(capability)
        assert all(not a.capabilities for a in store.agents.values())
    finally:
        await rte.stop()
        await sim.stop()
    assert not signalr_threads(), [t.name for t in signalr_threads()]
