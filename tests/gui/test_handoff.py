"""``ctidesk tel:…`` hands the number to the running window, which dials it on the platform."""
import os
import subprocess
import sys
import uuid

import pytest

from desktop.app import DesktopSession
from desktop.core.store import Store
from desktop.core.timers import Timers
from desktop.core.vocabulary import Direction, Media
from desktop.handoff import number_from_uri
from desktop.qtbridge.bridge import StoreBridge
from desktop.qtbridge.commands import CommandRunner
from desktop.qtbridge.single_instance import InstanceServer
from desktop.qtbridge.tasks import TaskManager

pytestmark = pytest.mark.timeout(60)


@pytest.mark.parametrize("uri, number", [("tel:+1-555-123-4567", "+15551234567"), ("callto://+44%2020%207946", "+44207946"),
                                         ("tel:5002;phone-context=example.com", "5002")])
def test_numbers_from_uris(uri, number):
    assert number_from_uri(uri) == number


def test_tel_link_dials_in_the_running_window(qtbot, qt_loop, tmp_path):
    name = f"ctidesk-test-{uuid.uuid4().hex[:8]}"
    store = Store()
    bridge = StoreBridge(store)
    tasks = TaskManager()
    runner = CommandRunner(bridge, tasks)
    session = DesktopSession(store, runner, tasks, profile=None, demo="genesys", timers=Timers.fast(),
                             demo_options={"scenario": "idle", "time_scale": 0})
    server = InstanceServer(name)
    assert server.listen()
    server.dialRequested.connect(session.dial)
    session.start()
    try:
        qtbot.waitUntil(session.ready.is_set, timeout=10000)
        env = {**os.environ, "CTIDESK_INSTANCE": name, "QT_QPA_PLATFORM": "offscreen"}
        handoff = subprocess.Popen([sys.executable, "-m", "desktop", "tel:+1 (555) 010-0199"], env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        qtbot.waitUntil(lambda: handoff.poll() is not None, timeout=20000)
        assert handoff.returncode == 0, handoff.stderr.read()

        def dialed():
            return [i for i in store.interactions.values()
                    if i.media is Media.VOICE and i.direction is Direction.OUTBOUND and "+15550100199" in (i.remote or "")]
        qtbot.waitUntil(lambda: bool(dialed()), timeout=10000)
    finally:
        server.close()
        done = qt_loop.create_task(session.stop(logout=True))
        qtbot.waitUntil(done.done, timeout=15000)
        bridge.detach()
