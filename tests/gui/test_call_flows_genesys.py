"""Call flows in the real window against the GWS simulator, clicking real buttons."""
import pytest
from PySide6.QtCore import Qt

from desktop.core.vocabulary import AgentState, Capability, InteractionState, Recording
from tests.helpers.qt import click

pytestmark = pytest.mark.timeout(60)


def ring_and_answer(window, sim, qtbot, **kwargs):
    call = sim.inbound_call(**kwargs)
    qtbot.waitUntil(lambda: window.panel.interaction is not None and window.panel.interaction.interaction_id == call,
                    timeout=5000)
    assert window.panel.buttons[Capability.ACCEPT].isEnabled()
    assert not window.panel.buttons[Capability.HOLD].isEnabled()
    click(qtbot, window, Capability.ACCEPT)
    return call


def enabled(window):
    return {c for c, b in window.panel.buttons.items() if b.isVisibleTo(window) and b.isEnabled()}


def test_inbound_call_ring_hold_dtmf_consult_transfer_to_wrap_up(workspace, qtbot):
    window, sim, store = workspace
    call = ring_and_answer(window, sim, qtbot, ani="+15551230000", caller_name="Zoë Ünal")
    assert window.panel.title.text() == "Call: Zoë Ünal (+15551230000)"
    click(qtbot, window, Capability.HOLD)
    assert "On hold" in window.panel.indicators.text() and Capability.RETRIEVE in enabled(window)
    click(qtbot, window, Capability.RETRIEVE)
    assert window.panel.indicators.text() == ""
    # DTMF from the keypad: each key is sent as pressed
    qtbot.mouseClick(window.panel.buttons[Capability.SEND_DTMF], Qt.MouseButton.LeftButton)
    pad = window.panel.dial_pad()
    assert pad.isVisible()
    for key in "42#":
        with qtbot.waitSignal(window.runner.confirmed, timeout=5000):
            qtbot.mouseClick(pad.keys[key], Qt.MouseButton.LeftButton)
    sent = [op[2]["digits"] for op in sim.recorded_operations if isinstance(op[2], dict) and op[2].get("operationName") == "SendDtmf"]
    assert sent == ["4", "2", "#"]
    pad.hide()
    # consultative transfer
    window.panel.argument.setText("5002")
    click(qtbot, window, Capability.TRANSFER_START)
    consult = next(i for i in store.interactions.values() if i.parent_id == call)
    sim.remote_answer(consult.interaction_id)
    window.select_interaction(consult.interaction_id)
    qtbot.waitUntil(lambda: Capability.TRANSFER_COMPLETE in enabled(window), timeout=5000)
    click(qtbot, window, Capability.TRANSFER_COMPLETE)
    # both legs end; the call the agent talked on stays for wrap-up until closed
    qtbot.waitUntil(lambda: store.interactions[call].state is InteractionState.ENDED, timeout=5000)
    window.select_interaction(call)
    qtbot.waitUntil(lambda: window.panel.close_button.isVisibleTo(window), timeout=3000)
    qtbot.mouseClick(window.panel.close_button, Qt.MouseButton.LeftButton)
    assert window.list_model.row_of(call) < 0


def test_conference_and_removing_a_party(workspace, qtbot):
    window, sim, store = workspace
    call = ring_and_answer(window, sim, qtbot)
    window.panel.argument.setText("5003")
    click(qtbot, window, Capability.CONFERENCE_START)
    consult = next(i for i in store.interactions.values() if i.parent_id == call).interaction_id
    sim.remote_answer(consult)
    window.select_interaction(consult)
    qtbot.waitUntil(lambda: Capability.CONFERENCE_COMPLETE in enabled(window), timeout=5000)
    click(qtbot, window, Capability.CONFERENCE_COMPLETE)
    window.select_interaction(call)
    qtbot.waitUntil(lambda: "5003" in window.panel.parties.text(), timeout=5000)
    window.panel.argument.setText("5003")
    click(qtbot, window, Capability.REMOVE_PARTICIPANT)
    assert "5003" not in window.panel.parties.text()


def test_recording_pause_and_resume_show_the_state(workspace, qtbot):
    window, sim, store = workspace
    call = ring_and_answer(window, sim, qtbot)
    click(qtbot, window, Capability.RECORD_START)
    assert "Recording" in window.panel.indicators.text()
    assert {Capability.RECORD_PAUSE, Capability.RECORD_STOP} <= enabled(window)
    click(qtbot, window, Capability.RECORD_PAUSE)
    assert "Recording paused" in window.panel.indicators.text()
    assert Capability.RECORD_RESUME in enabled(window) and Capability.RECORD_PAUSE not in enabled(window)
    click(qtbot, window, Capability.RECORD_RESUME)
    assert store.interactions[call].recording is Recording.ON
    click(qtbot, window, Capability.RECORD_STOP)
    assert Capability.RECORD_START in enabled(window)


def test_state_change_with_a_reason(workspace, qtbot):
    window, sim, store = workspace
    selector = window.state_selector
    index = selector.findText("Not ready – Out to Lunch")
    assert index >= 0, [selector.itemText(i) for i in range(selector.count())]
    with qtbot.waitSignal(window.runner.confirmed, timeout=5000):
        selector.activated.emit(index)
    assert store.me.state is AgentState.NOT_READY and store.me.reason_code == "OutToLunch"
    assert selector.currentText() == "Not ready – Out to Lunch"
    assert sim.truth()["agent"]["channels"]["voice"]["reason"] == "Lunch"


def test_a_note_is_kept_as_attached_data(workspace, qtbot):
    window, sim, store = workspace
    call = ring_and_answer(window, sim, qtbot)
    assert window.panel.note_button.isEnabled()
    window.panel.note.setText("Customer wants a callback on Friday")
    with qtbot.waitSignal(window.runner.confirmed, timeout=5000):
        qtbot.mouseClick(window.panel.note_button, Qt.MouseButton.LeftButton)
    truth = next(c for c in sim.truth()["calls"] if c["id"] == call)
    assert truth["userData"]["AgentNote"] == "Customer wants a callback on Friday"
    assert "AgentNote: Customer wants a callback on Friday" in window.panel.data.text()
