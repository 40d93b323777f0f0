"""Helpers for GUI tests that drive asyncio work from Qt's loop (see tests/gui/conftest.py)."""
from PySide6.QtCore import Qt


def wait_task(qtbot, loop, coro, timeout=10000):
    task = loop.create_task(coro)
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


def click(qtbot, window, capability):
    button = window.panel.buttons[capability]
    assert button.isEnabled(), f"{capability} disabled: {button.defaultAction().toolTip()}"
    with qtbot.waitSignal(window.runner.confirmed, timeout=5000,
                          check_params_cb=lambda command: command.capability is capability):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
