"""The Alvaria controller against the Alvaria simulator over loopback.

Expected states are written by hand from the document's event descriptions (A:51-166) and the
mapping rules in ``desktop/vendors/alvaria/mapper.py``; the simulator's driving methods say which
events they publish (``desktop/sim/alvaria/server.py``).
"""
from __future__ import annotations

import asyncio
import logging
import time

import pytest
import pytest_asyncio

from desktop.core.errors import AuthError, ProfileError, TransportError
from desktop.core.events import AgentChanged
from desktop.core.profiles import Profile
from desktop.core.store import Store
from desktop.core.timers import Timers
from desktop.core.vocabulary import Capability
from desktop.demo import DemoSecrets
from desktop.sim.alvaria import AlvariaSimulator
from desktop.vendors.alvaria.controller import Controller
from tests.helpers.wait import until

pytestmark = [pytest.mark.asyncio, pytest.mark.timeout(60)]

CLIENT, SECRET = "ctidesk-client", "client-secret-1"


class Session:
    """A simulator, a store and a controller connected to it, running its poll loop."""

    def __init__(self, sim, store, controller, task):
        self.sim, self.store, self.controller, self.task = sim, store, controller, task
        self.agent_changes: list[tuple[str, str | None]] = []
        store.subscribe(self._record)

    @property
    def me(self) -> str:
        return self.sim.agent_id

    def _record(self, changes):
        for change in changes:
            if change.kind == "agent" and change.key == self.me:
                self.agent_changes.append((str(change.new.state), change.new.vendor_state))

    async def stop(self):
        await self.controller.close(logout=False)
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)


def make_controller(sim, store, *, options=None, credentials=None, timers=None):
    options = {**sim.profile_options(), **(options or {})}
    creds = {**sim.credentials(), **(credentials or {})}
    profile = Profile(name="Lab Alvaria", vendor="alvaria", user=creds["user"], allow_insecure=True, options=options)
    return Controller(profile, DemoSecrets(profile, creds), store, timers or Timers.fast())


async def start(sim, **kwargs) -> Session:
    store = Store()
    controller = make_controller(sim, store, **kwargs)
    await controller.connect(login=False)
    task = asyncio.create_task(controller.run())
    return Session(sim, store, controller, task)


@pytest_asyncio.fixture
async def sim():
    simulator = AlvariaSimulator(host="127.0.0.1", port=0, scenario="idle", users={CLIENT: SECRET},
                                 long_poll_wait_s=0.5)
    await simulator.start()
    yield simulator
    await simulator.stop()


@pytest_asyncio.fixture
async def alvaria(sim):
    session = await start(sim)
    yield session
    await session.stop()


async def eventually(predicate, timeout: float = 5.0, what: str = "condition") -> None:
    """For conditions outside the store (the simulator's truth): checked every 20 ms, bounded."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        await asyncio.sleep(0.02)


def interaction_states(session, iid):
    return [str(h.state) for h in session.store.history[session.store.resolve_id(iid)]]


# -- the agent's day ------------------------------------------------------------------------------
async def test_full_agent_flow_maps_to_the_normalized_states(alvaria):
    sim, store = alvaria.sim, alvaria.store
    iid = sim.play_agent_flow(sim.agent_id)
    await until(store, lambda: iid in store.interactions and store.interactions[iid].state == "ended"
                and store.me is not None and store.me.vendor_state == "Idle", what="the flow's last event")
    # login (Connecting, ConnectConfirm, Connected, NewWorkType, NotReady with the login reason),
    # Idle 0, ScreenPop, Active, Held, Active, Wrap, DispositionInitiated, Idle(iid) = disposed
    assert alvaria.agent_changes == [
        ("logged_out", "Connecting"), ("not_ready", "Connected"), ("not_ready", "NotReady"), ("ready", "Idle"),
        ("ready", "ScreenPop"), ("busy", "Active/AgActive"), ("busy", "Held"), ("busy", "Active/AgActive"),
        ("after_call_work", "Wrap"), ("ready", "Idle")]
    assert interaction_states(alvaria, iid) == ["offered", "connected", "held", "connected", "wrap_up", "ended"]
    call = store.interactions[iid]
    assert (call.media, call.direction, call.remote, call.remote_name, call.queue) == (
        "voice", "inbound", "6035551212", "ELLEN FROST", "191")
    assert call.data["AccountNumber"] == "12345" and call.capabilities == frozenset()
    assert store.self_agent_id == sim.agent_id and store.me.reason_code is None
    assert sim.poll_overlaps == 0


async def test_chat_text_error_and_transfer(alvaria):
    sim, store = alvaria.sim, alvaria.store
    sim.agent_login(sim.agent_id, ready=True)
    chat = sim.chat(sim.agent_id, customer_text=["Hello", "I need help <b>now</b>"])
    await until(store, lambda: len(store.messages.get(chat, [])) >= 5, what="the chat lines")
    lines = [(m.from_, m.text) for m in store.messages[chat]]
    assert lines == [("system", "customerDave joined"), ("system", "cherylagt1 joined"),
                     ("system", "in the conversation: customerDave"), ("customer", "Hello"),
                     ("customer", "I need help <b>now</b>")]
    assert store.interactions[chat].media == "chat" and store.interactions[chat].state == "connected"
    before = store.me
    sim.error(sim.agent_id, 333, interaction_id=chat)
    await until(store, lambda: any(n.code == "333" for n in store.notices), what="the Error notice")
    notice = next(n for n in store.notices if n.code == "333")
    assert (notice.level, notice.text, notice.interaction_id) == (
        "error", "Customer hung up or chat connection is closed", chat)
    assert store.me == before and store.interactions[chat].state == "connected", "an Error changes no state"
    new = sim.transfer(sim.agent_id, chat)
    await until(store, lambda: new in store.interactions, what="the renamed interaction")
    assert chat not in store.interactions and store.interactions[new].previous_id == chat
    sim.customer_says(sim.agent_id, new, "still there?")
    await until(store, lambda: any(m.text == "still there?" for m in store.messages.get(new, [])), what="text")
    assert [m.text for m in store.messages[new]][-1] == "still there?"


async def test_platform_session_end_is_shown(alvaria):
    sim, store = alvaria.sim, alvaria.store
    sim.agent_login(sim.agent_id, ready=True)
    await until(store, lambda: store.me is not None and store.me.state == "ready", what="ready")
    sim.agent_logout(sim.agent_id)
    await until(store, lambda: store.connection.status == "disconnected", what="session ended")
    assert "Disconnected" in store.connection.detail and store.me.state == "logged_out"
    assert any(n.code == "Disconnected" and n.level == "warning" for n in store.notices)
    sim.event("engagementCenter.SystemUnavailable")
    await until(store, lambda: any(n.code == "SystemUnavailable" for n in store.notices), what="offline")
    assert store.connection.status == "disconnected" and "offline" in store.connection.detail
    sim.event("engagementCenter.SystemAvailable")
    await until(store, lambda: store.connection.status == "connected", what="back online")
    assert not alvaria.task.done(), "the poll loop goes on"


async def test_nothing_can_be_sent_and_every_capability_says_why(alvaria):
    assert Controller.declared.supported == frozenset()
    supervision = {Capability.LISTEN_IN, Capability.COACH, Capability.BARGE_IN, Capability.CANCEL_MONITORING}
    for capability in Capability:
        reason = Controller.declared.why_unavailable(capability)
        if capability in supervision:  # digest §5: monitor requests are Engagement Center API calls (A:106)
            assert reason.startswith("not available on Alvaria Cloud streaming: monitor requests") \
                and "MonitorState only reports them" in reason, reason
        else:
            assert reason == "not available on Alvaria Cloud streaming (events only)"


# -- recovery ------------------------------------------------------------------------------------------
async def test_ten_session_expiries_and_429_5xx_bursts_lose_nothing_and_apply_nothing_twice(alvaria):
    sim, store = alvaria.sim, alvaria.store
    sim.agent_login(sim.agent_id, ready=True)
    chat = sim.chat(sim.agent_id, customer_text=[])
    await until(store, lambda: chat in store.interactions, what="the chat")
    applied: list[str] = []
    store.subscribe(lambda changes: applied.extend(c.new.text for c in changes if c.kind == "message"))
    expected = []
    stream = alvaria.controller.stream
    for n in range(10):
        opened = stream.sessions_opened
        sim.customer_says(sim.agent_id, chat, f"{n}-before")
        if n % 2 == 0:  # delivered (perhaps not acknowledged yet) or still queued when the session dies
            await until(store, lambda t=f"{n}-before": t in applied, what=f"{n}-before")
        assert sim.faults.expire_sessions() == 1
        sim.customer_says(sim.agent_id, chat, f"{n}-after")   # published while no session is live
        expected += [f"{n}-before", f"{n}-after"]
        await until(store, lambda o=opened: stream.sessions_opened > o, timeout=10, what=f"session {n + 2}")
        if n == 3:
            sim.faults.too_many_requests(count=3, retry_after_s=0.1)
        if n == 6:
            sim.faults.server_errors(count=3, status=503)
    await until(store, lambda: len(applied) >= len(expected), timeout=20, what="every chat line")
    await asyncio.sleep(0.3)  # a late duplicate would show up here
    assert applied == expected, "lost, reordered or applied twice"
    assert [m.text for m in store.messages[chat]][-len(expected):] == expected
    assert sim.poll_overlaps == 0
    assert alvaria.controller.stream.sessions_opened >= 11
    truth = sim.truth()
    live = [s for s in truth["sessions"] if not s["expired"] and not s["deleted"]]
    assert len(live) == 1 and live[0]["subscriptions"], "one live session, subscribed again"
    ids = [s["id"] for s in truth["sessions"]]
    assert len(ids) == len(set(ids))
    await eventually(lambda: sim.truth()["sessions"][-1]["unacknowledged"] == 0, what="everything acknowledged")


async def test_an_expired_session_id_is_never_used_again(alvaria):
    sim, store = alvaria.sim, alvaria.store
    old = alvaria.controller.api.session_id
    sim.faults.expire_sessions()
    sim.agent_login(sim.agent_id, ready=True)
    await until(store, lambda: store.me is not None and store.me.state == "ready", what="events on the new session")
    assert alvaria.controller.api.session_id != old
    old_session = next(s for s in sim.truth()["sessions"] if s["id"] == old)
    assert old_session["expired"] and not old_session["deleted"], "the old id is not even deleted (A:22)"
    assert any(n.code == "session_replaced" for n in store.notices)


async def test_backoff_grows_and_resets(sim):
    # a tiny policy: 0.05, 0.1, 0.2, 0.4 (±20 % jitter) capped at 1.0
    session = await start(sim, timers=Timers(backoff_initial_s=0.05, backoff_max_s=1.0, request_timeout_s=5.0))
    store = session.store
    try:
        await until(store, lambda: True, what="start")
        await asyncio.sleep(0.05)
        poller = session.controller.stream.poller
        assert poller is not None
        # armed while a poll is held: that poll answers (empty) after ≤ 0.5 s, the next four fail
        sim.faults.server_errors(count=4, status=503)
        await until(store, lambda: store.connection.status == "connected" and len(poller.waits) == 4, timeout=10,
                    what="four failed polls and the recovery")
        delays = [d for _, d in poller.waits]
        for base, delay in zip((0.05, 0.1, 0.2, 0.4), delays):
            assert base * 0.8 - 1e-9 <= delay <= base * 1.2 + 1e-9, delays
        assert all(b > a for a, b in zip(delays, delays[1:])), f"backoff did not grow: {delays}"
        starts = [t for t, _ in poller.waits]
        for (t0, d0), t1 in zip(poller.waits, starts[1:]):
            assert d0 <= t1 - t0 < d0 + 0.5, "the next poll went out after the delay, not before, not much later"
        # after a success the sequence starts again from the first step
        sim.faults.server_errors(count=1, status=500)
        await until(store, lambda: len(poller.waits) == 5 and store.connection.status == "connected", timeout=10,
                    what="one more failure and the recovery")
        assert 0.04 <= poller.waits[-1][1] <= 0.06, poller.waits
        # 429 with Retry-After is honoured exactly
        sim.faults.too_many_requests(count=2, retry_after_s=0.25)
        await until(store, lambda: len(poller.waits) == 7 and store.connection.status == "connected", timeout=10,
                    what="two 429s and the recovery")
        assert [d for _, d in poller.waits[-2:]] == [0.25, 0.25]
        sim.agent_idle(sim.agent_id)
        await until(store, lambda: store.me is not None and store.me.state == "ready", what="events flow again")
        assert sim.poll_overlaps == 0
    finally:
        await session.stop()


async def test_reconnecting_status_carries_the_retry_delay(sim):
    session = await start(sim, timers=Timers(backoff_initial_s=0.2, backoff_max_s=0.2, request_timeout_s=5.0))
    seen = []
    session.store.subscribe(lambda changes: seen.extend(c.new for c in changes if c.kind == "connection"))
    try:
        sim.faults.server_errors(count=1, status=502)
        await until(session.store, lambda: len(seen) >= 2, timeout=5, what="reconnecting, then connected")
        assert [str(c.status) for c in seen[:2]] == ["reconnecting", "connected"]
        assert "502" in seen[0].detail and seen[0].retry_at is not None
    finally:
        await session.stop()


async def test_revoked_and_expiring_tokens_are_refreshed(sim):
    sim.token_ttl_s = 1.0
    session = await start(sim)
    try:
        tokens = session.controller.api.tokens
        sim.faults.expire_tokens()          # the next call gets 401: one new token, the call repeated
        sim.agent_login(sim.agent_id, ready=True)
        await until(session.store, lambda: session.store.me is not None and session.store.me.state == "ready",
                    what="after the 401")
        fetched = tokens.fetches
        await asyncio.sleep(1.2)             # the 1 s token runs out: refreshed before it is refused
        sim.agent_not_ready(sim.agent_id, reason=3)
        await until(session.store, lambda: session.store.me.state == "not_ready", what="after expiry")
        assert tokens.fetches > fetched
        assert sim.poll_overlaps == 0 and not session.task.done()
    finally:
        await session.stop()


async def test_a_malformed_payload_is_skipped_and_the_session_goes_on(alvaria, caplog):
    sim, store = alvaria.sim, alvaria.store
    caplog.set_level(logging.WARNING, logger="desktop.vendors.alvaria")
    sim.faults.malformed_payload_next(1)
    sim.agent_idle(sim.agent_id)           # unreadable
    sim.agent_not_ready(sim.agent_id, 9)   # fine
    await until(store, lambda: store.me is not None and store.me.state == "not_ready", what="the next event")
    assert alvaria.agent_changes == [("not_ready", "NotReady")]
    assert any("malformed" in r.getMessage() for r in caplog.records)
    await eventually(lambda: sim.truth()["sessions"][-1]["unacknowledged"] == 0, what="both acknowledged")


async def test_clean_close_deletes_the_session(sim):
    session = await start(sim)
    sid = session.controller.api.session_id
    await session.controller.close(logout=False)
    await session.controller.close(logout=False)   # idempotent
    await asyncio.wait_for(session.task, 2)        # the poll loop ends on its own
    truth = next(s for s in sim.truth()["sessions"] if s["id"] == sid)
    assert truth["deleted"]
    assert session.store.connection.status == "disconnected"


# -- the wire --------------------------------------------------------------------------------------------
async def test_headers_versions_and_max_events(alvaria):
    sim = alvaria.sim
    sim.agent_idle(sim.agent_id)
    await until(alvaria.store, lambda: alvaria.store.me is not None and alvaria.store.me.state == "ready", what="idle")
    ack = ("POST", "/via/v3/organizations/acme/streaming/acknowledge")
    await eventually(lambda: ack in [(m, p) for m, p, _ in sim.requests], what="the acknowledgement")
    paths = [(m, p) for m, p, _ in sim.requests]
    assert ("POST", "/via/v3/organizations/acme/streaming/session") in paths
    assert ("POST", "/via/v2/organizations/acme/streaming/subscriptions") in paths   # documented under v2 only
    session = sim.truth()["sessions"][-1]
    assert session["requireAcknowledgement"] and session["inactivityDelay"] == 120
    sub = session["subscriptions"][0]["filterCriteria"]
    assert sub == {"catalogType": "engagementCenterThirdParty", "catalogTypeEvents": ["all"],
                   "resources": {"resourceType": "users", "resourceIds": [sim.agent_id]}}


async def test_api_version_2_never_mixes_and_never_acknowledges(sim):
    session = await start(sim, options={"api_version": 2, "max_events": 5})
    try:
        sim.play_agent_flow(sim.agent_id)
        await until(session.store, lambda: session.store.me is not None and session.store.me.vendor_state == "Idle"
                    and len(session.agent_changes) >= 10, what="the flow on v2")
        paths = [p for _, p, _ in sim.requests]
        assert all("/via/v3/" not in p for p in paths)
        assert not any(p.endswith("/acknowledge") for p in paths)
        assert sim.truth()["sessions"][-1]["version"] == 2
    finally:
        await session.stop()


async def test_own_agent_is_the_first_user_in_the_stream_when_no_user_ids(sim):
    session = await start(sim, options={"user_ids": []})
    try:
        sim.agent_idle(sim.agent_id)
        await until(session.store, lambda: session.store.self_agent_id == sim.agent_id, what="own agent found")
        assert session.controller.self_user_id == sim.agent_id
    finally:
        await session.stop()


async def test_a_supervisor_floor_other_users_are_not_self():
    sim = AlvariaSimulator(host="127.0.0.1", port=0, scenario="floor", users={CLIENT: SECRET}, long_poll_wait_s=0.5,
                           agents=5, event_rate=50, time_scale=0.05)
    await sim.start()
    store = Store()
    flags: dict[str, set[bool]] = {}
    original = store.apply

    def spy(event):
        if isinstance(event, AgentChanged):
            flags.setdefault(event.agent_id, set()).add(event.is_self)
        return original(event)

    store.apply = spy
    controller = make_controller(sim, store)
    await controller.connect(login=False)
    task = asyncio.create_task(controller.run())
    try:
        await until(store, lambda: len(store.agents) >= 4, timeout=10, what="floor agents")
        assert store.self_agent_id == sim.agent_id
        others = [a for a in flags if a != sim.agent_id]
        assert others and all(flags[a] == {False} for a in others)
        assert flags.get(sim.agent_id, {True}) == {True}
        floor = set(sim.floor_ids)
        # the floor users the profile names bring their work, as theirs (mapper docstring)
        assert all(i.agent_id == sim.agent_id or i.agent_id in floor for i in store.interactions.values())
        assert sim.poll_overlaps == 0
    finally:
        await controller.close(logout=False)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await sim.stop()


async def test_supervisor_floor_work_types_queue_rows_work_and_monitoring():
    """The floor scenario (small): floor users arrive with their work types (NewWorkType A:2457,
    named from AgentStatistics' workTypeName A:1601), AgentStatistics become per-work-type queue
    rows whose ``answered`` grows (A:1599-1610), floor users' interactions are theirs, and a
    MonitorState (A:2350-2375) for a floor user's interaction marks that agent monitored."""
    sim = AlvariaSimulator(host="127.0.0.1", port=0, scenario="floor", users={CLIENT: SECRET}, long_poll_wait_s=0.3,
                           agents=6, event_rate=40, time_scale=1.0)
    await sim.start()
    store = Store()
    options = sim.profile_options(supervisor=True)
    assert options["user_ids"] == [sim.agent_id, *sim.floor_ids] and len(sim.floor_ids) == 6
    controller = make_controller(sim, store, options=options)
    answered: dict[str, list[int]] = {}

    def record(changes):
        for change in changes:
            if change.kind == "queue" and change.new.answered is not None:
                answered.setdefault(change.key, []).append(change.new.answered)

    store.subscribe(record)
    await controller.connect(login=False)
    task = asyncio.create_task(controller.run())
    floor = set(sim.floor_ids)
    names = {str(w["id"]): w["name"] for w in sim.spec["workTypes"]}
    try:
        await until(store, lambda: sum(1 for a in store.agents.values() if a.agent_id in floor and a.queues) == 6,
                    timeout=15, what="every floor user with its work types")
        for uid in floor:
            agent = store.agents[uid]
            expected = {names[str(w)] for w in sim.truth()["agents"][uid]["workTypes"]}
            assert set(agent.queues) == expected and agent.team is None, agent
        assert store.self_agent_id == sim.agent_id
        assert {q.queue_id: q.name for q in store.queues.values()} == {k: v for k, v in names.items()
                                                                       if k in store.queues}
        assert all(q.waiting is None and q.agents_ready is None and q.service_level is None
                   for q in store.queues.values())
        await until(store, lambda: any(len(set(v)) >= 2 and v[-1] > v[0] for v in answered.values()), timeout=20,
                    what="a work type's answered count growing")

        def live():
            return [i for i in store.interactions.values() if i.active and i.agent_id in floor]

        await until(store, lambda: bool(live()), timeout=15, what="a floor user's live interaction")
        work = live()[0]
        # popped from one of that user's own work types (ScreenPop otherData.worktypeId, A:2842)
        assert work.queue in {str(w) for w in sim.truth()["agents"][work.agent_id]["workTypes"]}
        sim.monitor_state(sim.agent_id, work.interaction_id, 2)  # MON_COACHING (A:2373)
        await until(store, lambda: store.agents[work.agent_id].monitored == Capability.COACH, timeout=10,
                    what="the floor agent coached")
        assert any(n.code == "MonitorState" and n.interaction_id == work.interaction_id for n in store.notices)
        sim.monitor_state(sim.agent_id, work.interaction_id, 4)  # MON_STOPPED
        await until(store, lambda: store.agents[work.agent_id].monitored is None, timeout=10,
                    what="monitoring stopped")
        assert all(not a.capabilities for a in store.agents.values())
        assert sim.poll_overlaps == 0
    finally:
        await controller.close(logout=False)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await sim.stop()


# -- errors a user can fix -------------------------------------------------------------------------------
async def test_bad_credentials(sim):
    controller = make_controller(sim, Store(), credentials={"secret": "wrong"})
    with pytest.raises(AuthError) as info:
        await controller.connect(login=False)
    assert f"rejected client id {CLIENT!r} or its secret" in info.value.message
    await controller.close(logout=False)


async def test_unknown_client_id(sim):
    controller = make_controller(sim, Store(), credentials={"user": "nobody"})
    with pytest.raises(AuthError) as info:
        await controller.connect(login=False)
    assert "rejected client id 'nobody' or its secret" in info.value.message


async def test_bad_api_key(sim):
    controller = make_controller(sim, Store(), credentials={"api_key": "not-the-key"})
    with pytest.raises(AuthError) as info:
        await controller.connect(login=False)
    assert "rejected the API key (x-api-key)" in info.value.message
    assert "not-the-key" not in info.value.message


async def test_unknown_organization(sim):
    controller = make_controller(sim, Store(), options={"org_id": "globex"})
    with pytest.raises(ProfileError) as info:
        await controller.connect(login=False)
    assert "does not know organization 'globex'" in info.value.message
    assert controller.store.connection.status == "failed"


async def test_unreachable_token_service(sim):
    controller = make_controller(sim, Store(), options={"token_url": "http://127.0.0.1:9/tokenservice/oauth2/access_token"})
    with pytest.raises(TransportError) as info:
        await controller.connect(login=False)
    assert "cannot reach the token service at 127.0.0.1:9" in info.value.message
    assert controller.store.connection.status == "failed"


@pytest.mark.parametrize("options, words", [
    ({"inactivity_delay": 30}, "inactivity_delay must be 60-600"),
    ({"api_version": 4}, "api_version must be 2 or 3"),
    ({"max_events": 1}, "max_events must be 5-200"),
    ({"org_id": ""}, "needs org_id"),
])
async def test_profile_errors_name_the_key(sim, options, words):
    with pytest.raises(ProfileError) as info:
        make_controller(sim, Store(), options=options)
    assert words in info.value.message
