"""``ctidesk --demo <platform> --supervisor`` in the real windows: each simulator plays its
floor scenario, the supervisor view fills with hundreds of agents whose states change live, and
the queues panel shows the platform's queue figures."""
import pytest

from desktop.app import DesktopSession
from desktop.core.store import Store
from desktop.core.timers import Timers
from desktop.qtbridge.bridge import StoreBridge
from desktop.qtbridge.commands import CommandRunner
from desktop.qtbridge.tasks import TaskManager
from desktop.ui.mainwindow import MainWindow

pytestmark = pytest.mark.timeout(90)


@pytest.mark.parametrize("vendor", ["genesys", "8x8", "enreach", "alvaria"])
def test_supervisor_demo_shows_a_live_floor(qtbot, qt_loop, vendor):
    store = Store()
    bridge = StoreBridge(store)
    tasks = TaskManager()
    runner = CommandRunner(bridge, tasks)
    window = MainWindow(bridge, runner)
    qtbot.addWidget(window)
    window.show()
    view = window.open_supervisor()
    qtbot.addWidget(view)
    options = {"agents": 300, "event_rate": 200}
    if vendor == "genesys":
        options["floor_period_s"] = 0.5   # the documented 10 s poll, shortened for the test
    session = DesktopSession(store, runner, tasks, profile=None, demo=vendor, timers=Timers.fast(),
                             demo_options=options, supervisor=True)
    session.start()
    try:
        qtbot.waitUntil(lambda: store.connection.status == "connected", timeout=20000)
        qtbot.waitUntil(lambda: view.agents.rowCount() >= 200, timeout=30000)
        before = {a.agent_id: (a.state, a.since) for a in store.agents.values()}
        changed = lambda: sum(1 for a in store.agents.values() if a.agent_id in before
                              and (a.state, a.since) != before[a.agent_id])
        qtbot.waitUntil(lambda: changed() >= 10, timeout=30000)
        qtbot.waitUntil(lambda: view.queues.rowCount() >= 1, timeout=30000)
        assert sum(view.floor.count(s) for s in view.floor.by_state) == len(store.agents)
        view.agents.flush()   # what arrived since the last 10 Hz flush
        assert view.agents.rowCount() == view.agents.floor_size == len(store.agents)
        assert window.list_model.rowCount() <= 3   # the floor's work stays out of the agent workspace
        view._every_second()
        # a polled floor says so under the view; a pushed one says nothing
        assert ("polled every 0.5 s" in view.source.text()) == (vendor == "genesys"), view.source.text()
    finally:
        done = qt_loop.create_task(session.stop(logout=False))
        qtbot.waitUntil(done.done, timeout=15000)
        bridge.detach()
