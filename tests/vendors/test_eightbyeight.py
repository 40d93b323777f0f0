"""The 8x8 controller against the 8x8 simulator over real loopback websockets.

Expected state sequences are written by hand from the six tables of S (S:100-216; digest §1.8)
and the tracker's documented rules (event type decides; an agent desktop sees its own legs; a
supervisor profile sees the whole tenant), never captured from our output.
"""
from __future__ import annotations

import asyncio
import time

import pytest

from desktop.core.errors import AuthError
from desktop.core.tail import TailPrinter
from desktop.core.timers import Timers
from desktop.vendors.eightbyeight.client import SubscriptionRefusedError
from tests.helpers.wait import until
from tests.vendors.conftest_eightbyeight import harness  # noqa: F401  (fixture)

pytestmark = [pytest.mark.asyncio, pytest.mark.timeout(60)]

OUTPUT_TYPES = ["NEWLINE_JSON", "JSON", "XML", "NEWLINE_XML"]
FAST = dict(ring_s=20, talk_s=30, wrap_s=20)   # scenario seconds (× time_scale 0.01)

# The desktop agent (A1 = the demo agent) — its own legs only:
DESK = {
    # S:104-115: Assigned → offered, Accepted CS_CONNECTED → connected, PostProcess → wrap_up, EndPostProcess → ended
    "inbound": {"L1": ["offered", "connected", "wrap_up", "ended"]},
    # S:117-127: Assigned (offered), Accepted CS_INPROGRESS (ringing far end → dialing), CustomerAccepted, EndPostProcess
    "outbound": {"L1": ["offered", "dialing", "connected", "ended"]},
    "outbound_queue": {"L1": ["offered", "dialing", "connected", "ended"]},          # S:129-139
    # S:141-169: line 1 as outbound, then A1's PostProcess (S:162) and EndPostProcess (S:164);
    # line 2 becomes A1's at "A1 and A2 connected on line 2" (S:154) and ends at A1's EndPostProcess (S:155)
    "conference": {"L1": ["offered", "dialing", "connected", "wrap_up", "ended"], "L2": ["connected", "ended"]},
    # S:171-200: line 2 is A1's from S:184, wrap-up S:186, ended S:188; line 1 wrap-up S:190, Deassigned S:193
    "transfer_agent": {"L1": ["offered", "dialing", "connected", "wrap_up", "ended"],
                       "L2": ["connected", "wrap_up", "ended"]},
    # S:202-216: the new interaction (S:212) is not A1's and never shows on A1's desktop
    "transfer_queue": {"L1": ["offered", "dialing", "connected", "wrap_up", "ended"], "L3": []},
}
# A supervisor profile (empty agent_id): every interaction of the tenant, owned by its assigned agent
SUPERVISOR = {
    "inbound": {"L1": ["queued", "offered", "connected", "wrap_up", "ended"]},
    "outbound": {"L1": ["dialing", "offered", "dialing", "connected", "ended"]},
    "outbound_queue": {"L1": ["dialing", "offered", "dialing", "connected", "ended"]},
    # line 1: Created CS_IDLE (dialing), Queued (S:146), ...; A1 leaves at S:162 while A2 stays (S:158):
    # the call stays connected with A2 until A2's PostProcess (S:166) and EndPostProcess (S:167)
    "conference": {"L1": ["dialing", "queued", "offered", "dialing", "connected", "wrap_up", "ended"],
                   "L2": ["dialing", "offered", "dialing", "connected", "ended"]},
    # line 1 passes to A2 at A1's PostProcess (S:190, A2 joined at S:187); ends at A2's EndPostProcess (S:195)
    "transfer_agent": {"L1": ["dialing", "queued", "offered", "dialing", "connected", "ended"],
                       "L2": ["dialing", "offered", "dialing", "connected", "ended"]},
    # the new interaction (S:212-213) queued, then answered by another agent (finish_new, beyond the table)
    "transfer_queue": {"L1": ["dialing", "queued", "offered", "dialing", "connected", "wrap_up", "ended"],
                       "L3": ["dialing", "queued", "offered", "connected", "wrap_up", "ended"]},
}
LINES = {"inbound": ("L1",), "outbound": ("L1",), "outbound_queue": ("L1",), "conference": ("L1", "L2"),
         "transfer_agent": ("L1", "L2"), "transfer_queue": ("L1", "L3")}


def guids_of(name, returned):
    return dict(zip(LINES[name], returned if isinstance(returned, tuple) else (returned,)))


async def play(session, name, expected, **kw):
    guids = guids_of(name, session.sim.play_sequence(name, **FAST, **kw))
    store = session.store
    visible = [g for line, g in guids.items() if expected[line]]
    await until(store, lambda: all(g in store.interactions and store.interactions[g].state == "ended" for g in visible),
                timeout=15, what=f"{name}: every interaction ended")
    await asyncio.sleep(0.1)  # trailing records (late Deassigned/Deleted) must change nothing
    return {line: session.history(g) for line, g in guids.items()}, guids


@pytest.mark.parametrize("output_type", OUTPUT_TYPES)
@pytest.mark.parametrize("name", list(DESK))
async def test_each_sequence_on_the_agent_desktop(harness, name, output_type):
    sim = await harness.sim()
    session = await harness.session(sim, output_type=output_type)
    histories, guids = await play(session, name, DESK[name])
    assert histories == DESK[name]
    ix = session.store.interactions[guids["L1"]]
    assert ix.agent_id == sim.truth()["demo_agent_id"] and ix.media == "voice"
    if name == "inbound":
        assert ix.remote == "+15515557212" and ix.remote_name == "Andrew Cunningh" and ix.queue == "Test Sales"
    c = session.controller.counts
    assert c["bad"] == 0 and c["bad_frames"] == 0 and c["duplicates"] == 0
    assert session.store.me is not None and session.store.me.agent_id == sim.truth()["demo_agent_id"]
    # the agent's last row is followed by WAIT_TRANSACT (4) → ready (the profile's table, sim README)
    await until(session.store, lambda: session.store.me.state == "ready", what="the agent ready again")


@pytest.mark.parametrize("name", list(SUPERVISOR))
async def test_each_sequence_on_the_supervisor_floor(harness, name):
    sim = await harness.sim()
    session = await harness.session(sim, agent_id="", output_type="NEWLINE_XML")
    kw = {"finish_new": True} if name == "transfer_queue" else {}
    histories, guids = await play(session, name, SUPERVISOR[name], **kw)
    assert histories == SUPERVISOR[name]
    assert session.store.me is None and all(not a for a in [session.store.self_agent_id])
    if name == "transfer_queue":
        assert session.store.interactions[guids["L3"]].parent_id == guids["L1"]  # same transactionNum (S:212)
    if name == "inbound":
        ix = session.store.interactions[guids["L1"]]
        assert ix.data["tenantSkillName"] == "Test Sales"
        assert session.store.queues["591"].waiting == 0


async def test_twenty_forced_reconnects_with_replay_lose_nothing_and_apply_nothing_twice(harness):
    sim = await harness.sim(agents=12)
    reference = await harness.session(sim, agent_id="", subscription_id="reference")
    session = await harness.session(sim, agent_id="", subscription_id="flaky",
                                    timers=Timers(backoff_initial_s=0.01, backoff_max_s=0.05, connect_timeout_s=5,
                                                  heartbeat_timeout_s=5))
    lines = {"reference": [], "flaky": []}
    for s, key in ((reference, "reference"), (session, "flaky")):
        s.store.subscribe(TailPrinter(_Lines(lines[key])))
    sim.faults.replay_delivered(True)
    guids = []
    for i in range(6):
        returned = sim.play_sequence(["inbound", "outbound", "transfer_agent"][i % 3], agent_id="*", **FAST)
        guids += list(returned) if isinstance(returned, tuple) else [returned]
        sim.agent_status(None, 4 if i % 2 else 5)
    for n in range(20):
        before = session.controller.stats["connections"]
        (sim.faults.drop_connections if n % 2 else sim.faults.expire_subscriptions)()
        await until(session.store, lambda: session.controller.stats["connections"] > before and
                    session.store.connection.status == "connected", timeout=5, what=f"reconnect {n + 1}")
        await asyncio.sleep(0.03)
    ref = reference.store
    await until(ref, lambda: all(g in ref.interactions and ref.interactions[g].state == "ended" for g in guids),
                timeout=20, what="the reference saw every call end")
    st = session.store
    await until(st, lambda: all(g in st.interactions and st.interactions[g].state == "ended" for g in guids),
                timeout=10, what="the reconnecting session saw every call end")
    assert session.controller.counts["duplicates"] > 0          # the cache replayed delivered records
    for g in guids:
        assert session.history(g) == reference.history(g), g    # nothing lost, nothing applied twice
        a, b = st.interactions[g], ref.interactions[g]
        assert (a.data, a.participants, a.agent_id, a.remote) == (b.data, b.participants, b.agent_id, b.remote)
    assert {k: (v.state, v.vendor_state) for k, v in st.agents.items()} == \
        {k: (v.state, v.vendor_state) for k, v in ref.agents.items()}
    # `ctidesk tail --json` prints the same lines, in the same order per key, as the undisturbed consumer
    flaky, reference_lines = _per_key(lines["flaky"]), _per_key(lines["reference"])
    for key in set(flaky) | set(reference_lines):
        assert flaky.get(key) == reference_lines.get(key), key
    assert not [n for n in st.notices if n.code == "data_loss"]


class _Lines:
    def __init__(self, out):
        self.out = out

    def write(self, text):
        self.out.extend(t for t in text.splitlines() if t)

    def flush(self):
        pass


def _per_key(lines):
    """Printed snapshots grouped by their key (interaction/agent/queue id), connection lines left out."""
    import json
    out = {}
    for line in lines:
        (kind, body), = json.loads(line).items()
        if kind in ("connection", "notice"):
            continue
        key = body.get("interaction_id") or body.get("agent_id") or body.get("queue_id")
        out.setdefault((kind, key), []).append(line)
    return out


async def test_lifetime_close_reconnects_at_once_with_the_same_id(harness):
    sim = await harness.sim()
    session = await harness.session(sim, timers=Timers(backoff_initial_s=10.0, backoff_max_s=10.0, heartbeat_timeout_s=5))
    started = time.monotonic()
    assert sim.faults.expire_subscriptions() == 1
    await until(session.store, lambda: session.controller.stats["connections"] == 2
                and session.store.connection.status == "connected", timeout=3, what="the immediate reconnect")
    assert time.monotonic() - started < 2.0                       # no 10 s backoff
    assert session.controller.stats["immediate_reconnects"] == 1
    subs = sim.truth()["subscriptions"]
    assert list(subs) == ["ctidesk-demo-1"] and subs["ctidesk-demo-1"]["connects"] == 2


async def test_short_subscription_lifetime_keeps_streaming(harness):
    sim = await harness.sim(subscription_lifetime_s=0.3)
    session = await harness.session(sim, timers=Timers(backoff_initial_s=10.0, backoff_max_s=10.0, heartbeat_timeout_s=5))
    await until(session.store, lambda: session.controller.stats["connections"] >= 4, timeout=5, what="three expiries")
    guid = sim.inbound_call(**FAST)
    await until(session.store, lambda: session.store.interactions.get(guid) is not None
                and session.store.interactions[guid].state == "ended", timeout=10, what="a call across expiries")


async def test_a_gap_longer_than_the_cache_raises_a_data_loss_notice(harness):
    sim = await harness.sim()
    session = await harness.session(sim, cache_window_s=0.2,
                                    timers=Timers(backoff_initial_s=0.6, backoff_max_s=0.6, heartbeat_timeout_s=5))
    sim.faults.drop_connections()
    await until(session.store, lambda: any(n.code == "data_loss" for n in session.store.notices), timeout=5,
                what="the data-loss notice")
    notice = next(n for n in session.store.notices if n.code == "data_loss")
    assert notice.level == "warning"
    assert notice.text.startswith("possible data loss: disconnected for ") and "longer than the 0.2-second cache" in notice.text


async def test_heartbeat_silence_means_reconnect(harness):
    sim = await harness.sim(heartbeat_interval_s=0.1)
    session = await harness.session(sim, heartbeat_timeout_s=0.5)
    sim.faults.stop_heartbeats(True)
    await until(session.store, lambda: session.controller.stats["silent_drops"] >= 1
                and session.controller.stats["connections"] >= 2, timeout=5, what="a reconnect after silence")
    sim.faults.stop_heartbeats(False)
    guid = sim.inbound_call(**FAST)
    await until(session.store, lambda: guid in session.store.interactions, timeout=5, what="events after the silence")


async def test_bad_token_is_a_clear_error_and_stops_retrying(harness):
    sim = await harness.sim()
    controller = harness.controller(sim, secret="wrong")
    with pytest.raises(AuthError, match="rejected the token for tenant 'acmecorp01'"):
        await controller.connect(login=False)
    assert controller.store.connection.status == "failed"
    session = await harness.session(sim)
    sim.faults.bad_token(True)
    sim.faults.drop_connections()
    with pytest.raises(AuthError, match="rejected the token"):
        await asyncio.wait_for(session.task, 5)
    assert session.store.connection.status == "failed"


async def test_a_fourth_subscription_and_a_duplicate_id_are_refused_clearly(harness):
    sim = await harness.sim()
    for n in range(3):
        await harness.session(sim, subscription_id=f"desk-{n}")
    controller = harness.controller(sim, subscription_id="desk-3")
    with pytest.raises(SubscriptionRefusedError, match="3 concurrent subscriptions in use") as info:
        await controller.connect(login=False)
    assert "its own subscription id" in info.value.message
    controller = harness.controller(sim, subscription_id="desk-0")
    with pytest.raises(SubscriptionRefusedError, match="already in use by another consumer"):
        await controller.connect(login=False)


async def test_malformed_split_merged_and_unknown_frames_do_not_stop_the_session(harness):
    for output_type in ("NEWLINE_JSON", "XML"):
        sim = await harness.sim()
        session = await harness.session(sim, output_type=output_type)
        sim.faults.malformed_next(3)
        sim.faults.split_next(4)
        sim.faults.merge_next(3)
        sim.faults.unknown_event_next(3)
        histories, _ = await play(session, "inbound", DESK["inbound"])
        assert histories == DESK["inbound"]
        c = session.controller.counts
        assert c["bad_frames"] == 3, (output_type, c)
        assert c["unknown"] >= 1 and c["bad"] == 0


async def test_controls_are_declared_unavailable(harness):
    from desktop.core.commands import Command
    from desktop.core.errors import UnsupportedError
    from desktop.core.vocabulary import Capability
    sim = await harness.sim()
    session = await harness.session(sim)
    controller = session.controller
    assert controller.declared.supported == frozenset()
    assert controller.declared.why_unavailable(Capability.HOLD) == "not available on 8x8 streaming (events only)"
    with pytest.raises(UnsupportedError, match="8x8 streaming"):
        await controller.execute(Command(Capability.SET_AGENT_STATE, None, {"state": "ready"}))
