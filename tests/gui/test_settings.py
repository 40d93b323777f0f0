"""Settings: screen-pop rules validated in words, auto-answer, theme, diagnostics export."""
import zipfile

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.core.journal import Journal
from desktop.core.store import Store
from desktop.core.vocabulary import Capability, InteractionState, Media
from desktop.qtbridge.bridge import StoreBridge
from desktop.qtbridge.commands import CommandRunner
from desktop.qtbridge.tasks import TaskManager
from desktop.ui.mainwindow import MainWindow
from desktop.ui.settings import Settings
from tests.helpers.scripted import ScriptedController


@pytest.fixture
def window(qtbot, qt_loop, tmp_path):
    store = Store()
    journal = Journal()
    store.subscribe(journal)
    bridge = StoreBridge(store)
    runner = CommandRunner(bridge, TaskManager(), confirm_timeout_s=2.0)
    runner.controller = ScriptedController(store)
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    win = MainWindow(bridge, runner, settings=settings, open_url=lambda url: None, journal=journal,
                     languages=[("de", "Deutsch")])
    qtbot.addWidget(win)
    task = qt_loop.create_task(runner.controller.connect(login=True))
    qtbot.waitUntil(task.done, timeout=2000)
    yield win
    bridge.detach()


def test_screen_pop_rule_errors_are_shown_and_nothing_saved(window, qtbot, monkeypatch):
    themes = []
    monkeypatch.setattr("desktop.ui.mainwindow.apply_theme", themes.append)  # offscreen Qt has no colour schemes
    dialog = window.open_settings()
    dialog._add_row(None)
    dialog.rules.item(0, 0).setText("javascript:alert({remote})")
    dialog._save()
    assert "http:// or https://" in dialog.error.text() and dialog.isVisible()
    dialog.rules.item(0, 0).setText("https://crm.example/find?n={remote}")
    dialog.rules.item(0, 1).setText("voice, fax")
    dialog._save()
    assert "media must be among" in dialog.error.text()
    dialog.rules.item(0, 1).setText("voice")
    dialog.rules.item(0, 3).setCheckState(Qt.CheckState.Checked)
    dialog.auto_answer.setChecked(True)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog._save()
    assert not dialog.isVisible()
    rules = window.settings.screen_pop_rules()
    assert [(r.template, set(r.media), r.automatic) for r in rules] == [
        ("https://crm.example/find?n={remote}", {Media.VOICE}, True)]
    assert window.settings.get("calls/auto_answer") is True
    assert themes == ["dark"] and window.settings.get("appearance/theme") == "dark"


def test_auto_answer_accepts_an_offered_call(window, qtbot):
    window.settings.set("calls/auto_answer", True)
    store = window.bridge.store
    with qtbot.waitSignal(window.runner.confirmed, timeout=3000):
        window.runner.controller.offer_call()
    assert store.interactions["call-1"].state is InteractionState.CONNECTED
    assert [c.capability for c in window.runner.controller.sent] == [Capability.ACCEPT]


def test_diagnostics_export_has_events_without_customer_names(window, qtbot, tmp_path):
    window.runner.controller.offer_call(name="Customer Secretname")
    path = window.export_diagnostics(tmp_path / "d.zip")
    with zipfile.ZipFile(path) as archive:
        events = archive.read("events.jsonl").decode()
    assert '"interaction_id": "call-1"' in events and "Secretname" not in events


def test_profiles_are_written_as_toml_with_the_secret_in_the_keyring(window, memory_keyring):
    from desktop.core.profiles import load_profile, user_profile_dir
    editor = window.open_settings().profile_editor
    editor.name.setText("Acme Genesys")
    editor.vendor.setCurrentText("genesys")
    editor.user.setText("agent7")
    editor.secret.setText("s3cret-pw")
    editor.vendor_fields["base_url"].setText("http://gws.lab:8090/api/v2")
    editor.save()
    assert "without TLS" in editor.message.text()  # http without allow_insecure: refused, nothing written
    assert not list(user_profile_dir().glob("*.toml")) if user_profile_dir().exists() else True
    editor.insecure.setChecked(True)
    editor.vendor_fields["channels"].setText("voice, chat")
    editor.save()
    assert editor.message.text() == "Saved."
    path = user_profile_dir() / "acme-genesys.toml"
    text = path.read_text()
    assert "s3cret-pw" not in text
    profile = load_profile(str(path))
    assert profile.option("channels") == ["voice", "chat"] and profile.user == "agent7"
    assert memory_keyring.get_password("ctidesk", "Acme Genesys") == "s3cret-pw"
    assert editor.profiles.count() == 1 and editor.secret.text() == ""


def test_shortcuts_can_be_changed_and_clashes_are_refused(window):
    from PySide6.QtGui import QKeySequence
    dialog = window.open_settings()
    dialog.shortcut_edits[Capability.HOLD].setKeySequence(QKeySequence("Ctrl+Shift+A"))  # Answer's key
    dialog._save()
    assert "Ctrl+Shift+A is used twice" in dialog.error.text()
    dialog.shortcut_edits[Capability.HOLD].setKeySequence(QKeySequence("F9"))
    dialog._save()
    assert window.panel.actions_by_capability[Capability.HOLD].shortcut().toString() == "F9"
    assert window.settings.shortcut("hold", "Ctrl+Shift+O") == "F9"
