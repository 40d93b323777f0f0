"""The GWS controller against the GWS simulator over real loopback sockets.

Expected capability sets come from the reference's examples (digest §4.3) plus the derived
rules of the README; they are written here by hand.
"""
from dataclasses import replace

import pytest

from desktop.core.commands import Command, SentCommand, is_confirmed
from desktop.core.errors import AuthError, RefusedError, UnsupportedError
from desktop.core.store import Store
from desktop.core.timers import Timers
from desktop.core.vocabulary import AgentState, Capability as C, InteractionState, Recording
from desktop.demo import demo_profile
from desktop.core.secrets import Secrets
from desktop.vendors.genesys.controller import Controller
from tests.helpers.wait import until

pytestmark = [pytest.mark.asyncio, pytest.mark.timeout(30)]

# Established call, base set of the recording examples (L4198-4219) mapped to our names,
# plus the derived mute (mute attribute Off).
ESTABLISHED_BASE = {C.ATTACH_DATA, C.UPDATE_DATA, C.DELETE_DATA, C.TRANSFER, C.CONFERENCE, C.TRANSFER_START,
                    C.CONFERENCE_START, C.HOLD, C.HANGUP, C.SEND_DTMF, C.MUTE}


async def run(session, capability, iid=None, **args):
    """Send like the UI and CLI do, and wait for the platform's confirming event."""
    command = Command(capability, iid, args)
    sent = SentCommand.capture(command, session.store)
    await session.controller.execute(command)
    await until(session.store, lambda: is_confirmed(sent, session.store), what=f"{capability} confirmed")


async def ringing_call(session, **kwargs):
    call_id = session.sim.inbound_call(**kwargs)
    await until(session.store, lambda: call_id in session.store.interactions, what="the call to ring")
    return call_id


def caps(session, iid):
    return set(session.store.interactions[iid].capabilities)


async def test_full_inbound_call_with_consult_transfer(gws):
    call = await ringing_call(gws, ani="+15551234567", caller_name="Zoë Ünal")
    ix = gws.store.interactions[call]
    assert ix.state is InteractionState.OFFERED and ix.remote == "+15551234567" and ix.remote_name == "Zoë Ünal"
    assert C.ACCEPT in ix.capabilities and C.HOLD not in ix.capabilities
    await run(gws, C.ACCEPT, call)
    assert caps(gws, call) == ESTABLISHED_BASE | {C.RECORD_START} or caps(gws, call) >= ESTABLISHED_BASE
    await run(gws, C.HOLD, call)
    assert gws.store.interactions[call].held and C.RETRIEVE in caps(gws, call) and C.HOLD not in caps(gws, call)
    await run(gws, C.RETRIEVE, call)
    assert gws.store.interactions[call].state is InteractionState.CONNECTED
    await run(gws, C.TRANSFER_START, call, destination="5002")
    consult = next(i for i in gws.store.interactions.values() if i.parent_id == call)
    await until(gws.store, lambda: gws.store.interactions[consult.interaction_id].state is InteractionState.CONNECTED,
                what="the consulted party to answer")
    assert gws.store.interactions[call].held
    assert C.TRANSFER_COMPLETE in caps(gws, consult.interaction_id)
    assert C.CONFERENCE_COMPLETE not in caps(gws, consult.interaction_id)  # we know it is a transfer
    await run(gws, C.TRANSFER_COMPLETE, consult.interaction_id)
    await until(gws.store, lambda: not gws.store.active_interactions(), what="both legs released")
    assert gws.sim.truth()["calls"] == []
    assert [op[2].get("consultCallUri", "").rsplit("/", 1)[-1] for op in gws.ops("CompleteTransfer")] == [consult.interaction_id]


async def test_conference_and_removing_a_party(gws):
    call = await ringing_call(gws)
    await run(gws, C.ACCEPT, call)
    await run(gws, C.CONFERENCE_START, call, destination="5003")
    consult = next(i for i in gws.store.interactions.values() if i.parent_id == call).interaction_id
    await until(gws.store, lambda: C.CONFERENCE_COMPLETE in caps(gws, consult), what="consult answered")
    await run(gws, C.CONFERENCE_COMPLETE, consult)
    parties = gws.store.interactions[call].participants
    assert len(parties) >= 2 and "5003" in parties
    assert C.REMOVE_PARTICIPANT in caps(gws, call)
    await run(gws, C.REMOVE_PARTICIPANT, call, participant="5003")
    assert "5003" not in gws.store.interactions[call].participants


async def test_dtmf_and_mute(gws):
    call = await ringing_call(gws)
    await run(gws, C.ACCEPT, call)
    await run(gws, C.SEND_DTMF, call, digits="1234#")
    assert gws.ops("SendDtmf")[0][2]["digits"] == "1234#"
    await run(gws, C.MUTE, call)
    assert gws.store.interactions[call].muted and C.UNMUTE in caps(gws, call) and C.MUTE not in caps(gws, call)
    await run(gws, C.UNMUTE, call)
    assert not gws.store.interactions[call].muted


async def test_recording_transitions_carry_the_documented_capability_sets(gws):
    call = await ringing_call(gws)
    await run(gws, C.ACCEPT, call)
    await run(gws, C.RECORD_START, call)       # L4198-4219: + Pause, Stop
    assert gws.store.interactions[call].recording is Recording.ON
    assert caps(gws, call) == ESTABLISHED_BASE | {C.RECORD_PAUSE, C.RECORD_STOP}
    assert gws.store.interactions[call].data.get("GSIP_RECORD") == "ON"
    await run(gws, C.RECORD_PAUSE, call)       # L4305-4319: + Resume, Stop
    assert gws.store.interactions[call].recording is Recording.PAUSED
    assert caps(gws, call) == ESTABLISHED_BASE | {C.RECORD_RESUME, C.RECORD_STOP}
    await run(gws, C.RECORD_RESUME, call)      # L4400-4414
    assert caps(gws, call) == ESTABLISHED_BASE | {C.RECORD_PAUSE, C.RECORD_STOP}
    await run(gws, C.RECORD_STOP, call)        # L4487-4500: + Start
    assert gws.store.interactions[call].recording is Recording.OFF
    assert caps(gws, call) == ESTABLISHED_BASE | {C.RECORD_START}


async def test_chat_accept_transcript_typing_send_end_complete(gws):
    await run(gws, C.SET_AGENT_STATE, state="ready")
    chat = gws.sim.inbound_chat(nickname="Ann", first_text="Hello, my order is late")
    await until(gws.store, lambda: chat in gws.store.interactions, what="chat offered")
    assert caps(gws, chat) == {C.ACCEPT, C.REJECT}
    await run(gws, C.ACCEPT, chat)
    texts = [(m.from_, m.text) for m in gws.store.messages[chat]]
    assert ("customer", "Hello, my order is late") in texts
    gws.sim.customer_typing(chat, True)
    await until(gws.store, lambda: gws.store.interactions[chat].customer_typing, what="customer typing")
    gws.sim.customer_says(chat, "Order 1234")
    await until(gws.store, lambda: any(m.text == "Order 1234" for m in gws.store.messages[chat]), what="customer line")
    assert not gws.store.interactions[chat].customer_typing
    await run(gws, C.CHAT_TYPING, chat, on_off="on")
    await run(gws, C.CHAT_SEND, chat, text="Let me check <b>that</b>")
    await run(gws, C.CHAT_END, chat)
    assert gws.store.interactions[chat].state is InteractionState.WRAP_UP
    await run(gws, C.COMPLETE, chat)
    assert gws.store.interactions[chat].state is InteractionState.ENDED
    lines = [m.text for m in gws.store.messages[chat]]
    assert len(lines) == len(set((m.from_, m.text, m.at) for m in gws.store.messages[chat])), "a line shown twice"


async def test_email_accept_reply_with_quote_send(gws):
    await run(gws, C.SET_AGENT_STATE, state="ready")
    email = gws.sim.inbound_email("customer@example.org", "Invoice question", "Why was I charged twice?")
    await until(gws.store, lambda: email in gws.store.interactions, what="email offered")
    await run(gws, C.ACCEPT, email)
    inbound = gws.store.interactions[email]
    assert inbound.email.from_ == "customer@example.org" and inbound.email.subject == "Invoice question"
    assert {C.EMAIL_REPLY, C.EMAIL_REPLY_ALL, C.COMPLETE} <= caps(gws, email)
    await run(gws, C.EMAIL_REPLY, email)
    draft = next(i for i in gws.store.interactions.values() if i.parent_id == email)
    assert draft.email.subject.startswith("Re: ") and "Why was I charged twice?" in (draft.email.body or "")
    assert draft.email.to == ("customer@example.org",)
    assert {C.EMAIL_SEND, C.EMAIL_CANCEL} <= draft.capabilities
    await run(gws, C.EMAIL_SEND, draft.interaction_id, text="We refunded you.\n\n" + draft.email.body)
    assert gws.store.interactions[draft.interaction_id].state is InteractionState.ENDED
    assert gws.sim.truth()["sentEmails"][-1]["text"].startswith("We refunded you.")
    await run(gws, C.COMPLETE, email)


async def test_agent_state_with_a_reason_code_and_after_call_work(gws):
    codes = gws.store.reason_codes
    assert codes[0].state is AgentState.READY
    coded = [c for c in codes if c.code]
    assert coded, "the platform's reason codes are offered"
    lunch = next(c for c in coded if c.state is AgentState.NOT_READY)
    await run(gws, C.SET_AGENT_STATE, state="not_ready", reason=lunch.code)
    assert gws.store.me.state is AgentState.NOT_READY and gws.store.me.reason_code == lunch.code
    await run(gws, C.SET_AGENT_STATE, state="after_call_work")
    assert gws.store.me.state is AgentState.AFTER_CALL_WORK
    await run(gws, C.DND_ON)
    assert gws.store.me.state is AgentState.DO_NOT_DISTURB and gws.store.me.dnd
    await run(gws, C.DND_OFF)
    await run(gws, C.SET_AGENT_STATE, state="ready")
    assert gws.store.me.state is AgentState.READY and gws.store.me.reason is None


async def test_a_refused_operation_carries_the_platform_reason(gws):
    call = await ringing_call(gws)
    await run(gws, C.ACCEPT, call)
    await run(gws, C.HOLD, call)
    # a stale view still offering Hold: the platform's statusCode 2 answer must come back in words
    gws.store.interactions[call] = replace(gws.store.interactions[call], capabilities=frozenset({C.HOLD}))
    with pytest.raises(RefusedError) as info:
        await gws.controller.execute(Command(C.HOLD, call))
    assert info.value.message and info.value.code == "2"


async def test_capability_not_offered_is_not_sent(gws):
    call = await ringing_call(gws)
    before = len(gws.sim.recorded_operations)
    with pytest.raises(UnsupportedError):
        await gws.controller.execute(Command(C.HOLD, call))
    assert len(gws.sim.recorded_operations) == before


async def test_wrong_password_says_so(gws):
    class Wrong(Secrets):
        def secret(self):
            return "wrong"
    profile = demo_profile("genesys", gws.sim)
    controller = Controller(profile, Wrong(profile), Store(), Timers.fast())
    with pytest.raises(AuthError, match="rejected user 'agent1' or its password"):
        await controller.connect(login=False)
    await controller.close(logout=False)
