"""GUI tests use a qasync loop that runs inside Qt's own event loop (STACK-NOTES.md):
``qtbot.waitSignal``/``waitUntil`` then drive asyncio tasks too. Tests stay synchronous.
The loop is per test and is unset afterwards, so pytest-asyncio tests that follow get their own."""
import asyncio

import pytest
import qasync


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
