"""GUI tests use a qasync loop that runs inside Qt's own event loop (STACK-NOTES.md):
``qtbot.waitSignal``/``waitUntil`` then drive asyncio tasks too. Tests stay synchronous.
The loop is per test and is unset afterwards, so pytest-asyncio tests that follow get their own."""
import asyncio

import pytest
import qasync
from PySide6.QtCore import QSettings

from desktop.core.store import Store
from desktop.core.timers import Timers
from desktop.demo import demo_profile, demo_secrets
from desktop.qtbridge.bridge import StoreBridge
from desktop.qtbridge.commands import CommandRunner
from desktop.qtbridge.tasks import TaskManager
from desktop.sim.genesys import GwsSimulator
from desktop.ui.mainwindow import MainWindow
from desktop.ui.settings import Settings
from desktop.vendors.genesys.controller import Controller
from tests.helpers.qt import wait_task


@pytest.fixture
def qt_loop(qapp):
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    for task in asyncio.all_tasks(loop):
        task.cancel()
    asyncio.set_event_loop(None)
    asyncio.events._set_running_loop(None)


class SilentPlayer:
    """GUI tests never ring out loud (the ringer's own tests check playback)."""

    playing = False

    def start(self):
        self.playing = True

    def stop(self):
        self.playing = False


@pytest.fixture(autouse=True)
def silent_ringer(monkeypatch):
    monkeypatch.setattr("desktop.ui.mainwindow.TonePlayer", SilentPlayer)


@pytest.fixture
def workspace(qtbot, qt_loop, tmp_path):
    """The real window signed in to a GWS simulator (scenario idle), agent Ready."""
    sim = GwsSimulator(port=0, scenario="idle", users={"agent1": "pw"}, long_poll_timeout_s=2.0, time_scale=0)
    wait_task(qtbot, qt_loop, sim.start())
    store = Store()
    bridge = StoreBridge(store)
    tasks = TaskManager()
    runner = CommandRunner(bridge, tasks, confirm_timeout_s=5)
    profile = demo_profile("genesys", sim)
    controller = Controller(profile, demo_secrets(profile, sim), store, Timers.fast())
    runner.controller = controller
    opened = []
    window = MainWindow(bridge, runner, settings=Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)),
                        open_url=opened.append)
    window.opened_urls = opened  # what the system browser was asked to open
    qtbot.addWidget(window)
    window.show()
    wait_task(qtbot, qt_loop, controller.connect(login=True))
    tasks.spawn("run", controller.run())
    qtbot.waitUntil(lambda: store.connection.status == "connected", timeout=5000)
    ready = window.state_selector.findText("Ready")
    with qtbot.waitSignal(runner.confirmed, timeout=5000):
        window.state_selector.activated.emit(ready)
    yield window, sim, store
    wait_task(qtbot, qt_loop, controller.close(logout=True))
    wait_task(qtbot, qt_loop, tasks.cancel_all())
    wait_task(qtbot, qt_loop, sim.stop())
    bridge.detach()
