"""GUI tests share one qasync loop that runs inside Qt's own event loop (STACK-NOTES.md):
``qtbot.waitSignal``/``waitUntil`` then drive asyncio tasks too. Tests stay synchronous."""
import asyncio

import pytest
import qasync


@pytest.fixture(scope="session")
def qt_loop(qapp):
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.set_event_loop(None)
