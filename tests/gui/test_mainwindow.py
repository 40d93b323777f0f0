"""The main window driven by a scripted controller: real buttons, real signals."""

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton

from desktop.core.store import Store
from desktop.core.vocabulary import Capability, InteractionState
from desktop.qtbridge.bridge import StoreBridge
from desktop.qtbridge.commands import CommandRunner
from desktop.qtbridge.tasks import TaskManager
from desktop.core.screenpop import ScreenPopRule
from desktop.core.vocabulary import Media
from desktop.ui.mainwindow import MainWindow
from desktop.ui.settings import Settings
from tests.helpers.scripted import ScriptedController


@pytest.fixture
def settings(tmp_path):
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def opened():
    return []


@pytest.fixture
def desk(qtbot, qt_loop, settings, opened):
    store = Store()
    bridge = StoreBridge(store)
    tasks = TaskManager()
    runner = CommandRunner(bridge, tasks, confirm_timeout_s=2.0)
    controller = ScriptedController(store)
    runner.controller = controller
    window = MainWindow(bridge, runner, settings=settings, open_url=opened.append)
    qtbot.addWidget(window)
    window.show()
    task = qt_loop.create_task(controller.connect(login=True))
    qtbot.waitUntil(task.done, timeout=2000)
    yield window, controller, store
    bridge.detach()


def enabled_buttons(window):
    return {cap for cap, button in window.panel.buttons.items() if button.isVisible() and button.isEnabled()}


def test_offered_call_shows_only_its_capabilities_and_click_sends_exactly_that(desk, qtbot):
    window, controller, store = desk
    controller.offer_call()
    qtbot.waitUntil(lambda: window.panel.interaction is not None, timeout=2000)
    assert enabled_buttons(window) == {Capability.ACCEPT, Capability.REJECT}
    hold = window.panel.buttons[Capability.HOLD]
    assert hold.isVisible() and not hold.isEnabled()
    assert "not possible now" in hold.defaultAction().toolTip()
    # customer text is plain text: the <b> stays literal
    assert window.panel.title.textFormat() == Qt.TextFormat.PlainText
    assert "Ann <b>Lee</b>" in window.panel.title.text()

    with qtbot.waitSignal(window.runner.confirmed, timeout=3000):
        qtbot.mouseClick(window.panel.buttons[Capability.ACCEPT], Qt.MouseButton.LeftButton)
    assert [c.capability for c in controller.sent] == [Capability.ACCEPT]
    assert controller.sent[0].interaction_id == "call-1"
    assert store.interactions["call-1"].state is InteractionState.CONNECTED
    assert enabled_buttons(window) == {Capability.HANGUP, Capability.HOLD, Capability.SEND_DTMF, Capability.TRANSFER}
    assert window.panel.state.text().startswith("Connected")


def test_refusal_shows_the_platform_reason_next_to_the_control(desk, qtbot):
    window, controller, store = desk
    controller.offer_call()
    qtbot.waitUntil(lambda: window.panel.interaction is not None, timeout=2000)
    controller.refusals[Capability.ACCEPT] = "Invalid state: call already released"
    with qtbot.waitSignal(window.runner.failed, timeout=3000):
        qtbot.mouseClick(window.panel.buttons[Capability.ACCEPT], Qt.MouseButton.LeftButton)
    assert window.panel.refusal.text() == "Answer: Invalid state: call already released"
    assert store.interactions["call-1"].state is InteractionState.OFFERED


def test_unsupported_capability_is_disabled_with_the_platform_reason(desk, qtbot):
    window, controller, store = desk
    controller.offer_call()
    qtbot.waitUntil(lambda: window.panel.interaction is not None, timeout=2000)
    record = window.panel.buttons[Capability.RECORD_START]
    assert not record.isEnabled()
    assert "not available on the scripted platform" in record.defaultAction().toolTip()


def test_keyboard_shortcut_triggers_the_action(desk, qtbot):
    window, controller, store = desk
    controller.offer_call()
    qtbot.waitUntil(lambda: window.panel.interaction is not None, timeout=2000)
    window.activateWindow()
    with qtbot.waitSignal(window.runner.confirmed, timeout=3000):
        window.panel.actions_by_capability[Capability.ACCEPT].trigger()
    with qtbot.waitSignal(window.runner.confirmed, timeout=3000):
        qtbot.mouseClick(window.panel.buttons[Capability.HOLD], Qt.MouseButton.LeftButton)
    assert store.interactions["call-1"].held
    assert "On hold" in window.panel.indicators.text()


def test_state_selector_offers_reason_codes_and_sends_set_state(desk, qtbot):
    window, controller, store = desk
    selector = window.state_selector
    texts = [selector.itemText(i) for i in range(selector.count())]
    assert texts == ["Ready", "Not ready – Lunch", "Not ready – Break"]
    assert selector.currentText() == "Ready"
    with qtbot.waitSignal(window.runner.confirmed, timeout=3000):
        selector.activated.emit(1)
    assert controller.sent[-1].args == {"state": "not_ready", "reason": "Lunch"}
    assert store.me.reason == "Lunch"
    assert selector.currentText() == "Not ready – Lunch"


def test_every_control_has_an_accessible_name(desk):
    window, controller, store = desk
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QListView, QPlainTextEdit
    missing = [w.objectName() or type(w).__name__
               for cls in (QAbstractButton, QComboBox, QLineEdit, QListView, QPlainTextEdit)
               for w in window.findChildren(cls) if not w.accessibleName() and w.isVisibleTo(window)]
    assert missing == []


def test_every_action_has_a_shortcut_or_mnemonic_and_shortcuts_are_unique(desk):
    window, controller, store = desk
    menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
    actions = [a for menu in menus for a in menu.actions()] + list(window.panel.actions_by_capability.values())
    seen = {}
    for action in dict.fromkeys(actions):
        text = action.text()
        if not text or action.isSeparator():
            continue
        assert "&" in text or not action.shortcut().isEmpty(), f"{text!r} has neither"
        key = action.shortcut().toString()
        if key:
            assert key not in seen, f"{text!r} and {seen[key]!r} share {key}"
            seen[key] = text


def test_screen_pop_opens_the_templated_url_with_hostile_caller_data_encoded(desk, qtbot, settings, opened):
    window, controller, store = desk
    settings.set_screen_pop_rules([
        ScreenPopRule("https://crm.example/search?phone={remote}&name={remote_name}", frozenset({Media.VOICE}),
                      automatic=True),
        ScreenPopRule("https://kb.example/caller/{remote}")])
    hostile = "Zoë & <script>alert(1)</script> #1"
    controller.offer_call(name=hostile, remote="+1 555 0100")
    qtbot.waitUntil(lambda: window.panel.interaction is not None, timeout=2000)
    assert opened == ["https://crm.example/search?phone=%2B1%20555%200100"
                      "&name=Zo%C3%AB%20%26%20%3Cscript%3Ealert%281%29%3C%2Fscript%3E%20%231"]
    def pop_buttons():
        return [b for b in window.panel.findChildren(QPushButton, "screenPop") if b.isVisibleTo(window)]
    qtbot.waitUntil(lambda: len(pop_buttons()) == 2, timeout=2000)
    buttons = pop_buttons()
    assert [b.text() for b in buttons] == ["Open crm.example", "Open kb.example"]
    qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    assert opened[-1] == "https://kb.example/caller/%2B1%20555%200100"
    controller.offer_call(iid="call-1", name=hostile)  # the same offer again: no second automatic pop
    assert len(opened) == 2


def test_changes_the_agent_did_not_cause_are_announced(desk, qtbot):
    window, controller, store = desk
    heard = []
    window.notifier.announced.connect(heard.append)
    controller.offer_call(name="Ann Lee")
    qtbot.waitUntil(lambda: any("Ann Lee" in h for h in heard), timeout=2000)
    controller.refusals[Capability.ACCEPT] = "Invalid state"
    with qtbot.waitSignal(window.runner.failed, timeout=3000):
        window.panel.actions_by_capability[Capability.ACCEPT].trigger()
    assert heard[-1] == "Invalid state"
    with qtbot.waitSignal(window.runner.confirmed, timeout=3000):
        window.state_selector.activated.emit(1)
    assert "Your state: Not ready (Lunch)" in heard


def test_a_call_stays_for_wrap_up_until_closed_and_unanswered_offers_just_go(desk, qtbot):
    window, controller, store = desk
    controller.offer_call()
    qtbot.waitUntil(lambda: window.panel.interaction is not None, timeout=2000)
    with qtbot.waitSignal(window.runner.confirmed, timeout=3000):
        qtbot.mouseClick(window.panel.buttons[Capability.ACCEPT], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.runner.confirmed, timeout=3000):
        qtbot.mouseClick(window.panel.buttons[Capability.HANGUP], Qt.MouseButton.LeftButton)
    assert window.list_model.row_of("call-1") == 0
    assert window.panel.state.text().startswith("Ended")
    assert window.panel.close_button.isVisibleTo(window)
    assert not any(b.isEnabled() for b in window.panel.buttons.values() if b.isVisibleTo(window))
    qtbot.mouseClick(window.panel.close_button, Qt.MouseButton.LeftButton)
    assert window.list_model.rowCount() == 0 and window.panel.interaction is None
    controller.offer_call(iid="call-2")
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=2000)
    with qtbot.waitSignal(window.runner.confirmed, timeout=3000):
        qtbot.mouseClick(window.panel.buttons[Capability.REJECT], Qt.MouseButton.LeftButton)
    assert window.list_model.rowCount() == 0  # never talked: nothing to wrap up


def test_disabled_controls_tell_screen_readers_why(desk, qtbot):
    window, controller, store = desk
    controller.offer_call()
    qtbot.waitUntil(lambda: window.panel.interaction is not None, timeout=2000)
    hold = window.panel.buttons[Capability.HOLD]
    assert "not possible now" in hold.accessibleDescription()
    assert window.panel.buttons[Capability.ACCEPT].accessibleDescription() == "Answer (Ctrl+Shift+A)"
