"""The embedded demo in the real window: the GWS simulator plays a contact center and the
window shows calls, chats and emails arriving; the agent answers a call with the real button."""
import pytest
from PySide6.QtCore import Qt

from desktop.app import DesktopSession
from desktop.core.store import Store
from desktop.core.timers import Timers
from desktop.core.vocabulary import Capability, InteractionState, Media
from desktop.qtbridge.bridge import StoreBridge
from desktop.qtbridge.commands import CommandRunner
from desktop.qtbridge.tasks import TaskManager
from desktop.ui.mainwindow import MainWindow

pytestmark = pytest.mark.timeout(60)


def test_demo_plays_calls_chats_and_emails(qtbot, qt_loop):
    store = Store()
    bridge = StoreBridge(store)
    tasks = TaskManager()
    runner = CommandRunner(bridge, tasks)
    window = MainWindow(bridge, runner)
    qtbot.addWidget(window)
    window.show()
    session = DesktopSession(store, runner, tasks, profile=None, demo="genesys", timers=Timers.fast(),
                             demo_options={"time_scale": 0.1})
    session.start()
    try:
        qtbot.waitUntil(lambda: store.connection.status == "connected", timeout=10000)
        qtbot.waitUntil(lambda: store.me is not None and store.me.state == "ready", timeout=10000)
        media = lambda: {i.media for i in store.interactions.values()}
        qtbot.waitUntil(lambda: {Media.VOICE, Media.CHAT, Media.EMAIL} <= media(), timeout=30000)
        assert window.list_model.rowCount() >= 1

        def ringing_call():
            return next((i for i in store.active_interactions()
                         if i.media is Media.VOICE and i.state is InteractionState.OFFERED), None)

        qtbot.waitUntil(lambda: ringing_call() is not None, timeout=30000)
        ringing = ringing_call()
        window.select_interaction(ringing.interaction_id)
        qtbot.waitUntil(lambda: window.panel.interaction is not None
                        and window.panel.interaction.interaction_id == ringing.interaction_id, timeout=2000)
        button = window.panel.buttons[Capability.ACCEPT]
        assert button.isEnabled()
        with qtbot.waitSignal(runner.confirmed, timeout=5000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        # answered (the demo caller may hang up soon after: ended counts as answered-then-gone)
        assert InteractionState.CONNECTED in [h.state for h in store.history[ringing.interaction_id]]
    finally:
        done = qt_loop.create_task(session.stop(logout=True))
        qtbot.waitUntil(done.done, timeout=15000)
        bridge.detach()
