"""Recovery: dropped long polls, a forgotten Bayeux client, duplicates and a malformed message.

After each recovery the store must match the simulator's truth, no notification may be applied
twice and no command may be sent twice.
"""
import logging

import httpx

import pytest

from desktop.core.commands import Command
from desktop.core.errors import TransportError
from desktop.core.vocabulary import Capability as C, InteractionState
from tests.helpers.wait import until
from tests.vendors.test_genesys import ringing_call, run

pytestmark = [pytest.mark.asyncio, pytest.mark.timeout(60)]

SIM_STATE = {"Established": InteractionState.CONNECTED, "Held": InteractionState.HELD}


def assert_matches_truth(session):
    truth = session.sim.truth()
    ours = {i.interaction_id: i for i in session.store.active_interactions() if i.media == "voice"}
    assert set(ours) == {c["id"] for c in truth["calls"]}
    for call in truth["calls"]:
        assert ours[call["id"]].state is SIM_STATE[call["state"]], call
        assert ours[call["id"]].muted == (call["mute"] == "On")


async def test_ten_dropped_long_polls_and_a_402_mid_call(gws):
    call = await ringing_call(gws)
    await run(gws, C.ACCEPT, call)
    expected = [InteractionState.OFFERED, InteractionState.CONNECTED]
    for n in range(10):
        gws.sim.faults.drop_long_polls(1)
        capability = C.HOLD if n % 2 == 0 else C.RETRIEVE
        await run(gws, capability, call)
        expected.append(InteractionState.HELD if capability is C.HOLD else InteractionState.CONNECTED)
        assert_matches_truth(gws)
    # the server forgets our Bayeux client mid-call: its queued notifications are gone, and
    # the rehandshake's resync must bring the store back to the truth
    gws.sim.faults.forget_clients()
    await run(gws, C.MUTE, call)
    assert_matches_truth(gws)
    await run(gws, C.HOLD, call)
    expected.append(InteractionState.HELD)
    assert_matches_truth(gws)
    history = [h.state for h in gws.store.history[call]]
    assert history == expected, "a state change was lost or applied twice"
    sent = [op[2]["operationName"] for op in gws.sim.recorded_operations
            if op[0] == "POST" and isinstance(op[2], dict) and "/me/calls/" in op[1]]
    assert sent == ["Answer"] + ["Hold", "Retrieve"] * 5 + ["MuteCall", "Hold"], "a command was sent twice"


async def test_duplicated_notifications_are_applied_once(gws):
    await run(gws, C.SET_AGENT_STATE, state="ready")
    chat = gws.sim.inbound_chat(nickname="Bo", first_text="hi")
    await until(gws.store, lambda: chat in gws.store.interactions, what="chat offered")
    await run(gws, C.ACCEPT, chat)
    gws.sim.faults.duplicate_next(4)
    for text in ("one", "two"):
        gws.sim.customer_says(chat, text)
    await until(gws.store, lambda: [m.text for m in gws.store.messages[chat]][-2:] == ["one", "two"],
                what="both lines")
    texts = [m.text for m in gws.store.messages[chat] if m.from_ == "customer"]
    assert texts == ["hi", "one", "two"]


async def test_a_malformed_notification_is_logged_and_skipped(gws, caplog):
    caplog.set_level(logging.WARNING)
    gws.sim.faults.malformed_next(1)
    call = await ringing_call(gws)
    assert gws.store.interactions[call].state is InteractionState.OFFERED
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert any("/v2/me/calls" in w for w in warnings), warnings
    await run(gws, C.ACCEPT, call)
    assert_matches_truth(gws)


async def test_rest_5xx_on_a_command_is_a_transport_error_and_not_retried(gws):
    call = await ringing_call(gws)
    gws.sim.faults.rest_errors(status=503, count=1)
    before = len(gws.ops("Answer"))
    with pytest.raises(TransportError):
        await gws.controller.execute(Command(C.ACCEPT, call))
    assert len(gws.ops("Answer")) - before <= 1
    await run(gws, C.ACCEPT, call)
    assert_matches_truth(gws)


async def test_slow_responses_still_confirm_and_a_timeout_says_so(gws):
    call = await ringing_call(gws)
    gws.sim.faults.slow_rest(0.3)
    await run(gws, C.ACCEPT, call)
    gws.sim.faults.slow_rest(0)
    assert_matches_truth(gws)
    gws.controller.rest.http.timeout = httpx.Timeout(0.2)
    gws.sim.faults.slow_rest(1.0)
    with pytest.raises(TransportError, match="no answer from the platform in time"):
        await gws.controller.execute(Command(C.HOLD, call))
    gws.sim.faults.slow_rest(0)
    # the simulator applied the Hold before its delay: the push brings the truth anyway
    await until(gws.store, lambda: gws.store.interactions[call].held, what="hold applied by the platform")
    assert len(gws.ops("Hold")) == 1
