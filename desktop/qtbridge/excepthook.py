"""One place for unexpected errors: logged with the traceback, then shown in a dialog."""
from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from types import TracebackType
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("ctidesk.crash")


class ErrorReporter(QObject):
    """Shows unexpected errors without blocking the event loop; hooks sys and asyncio."""

    errorShown = Signal(str)

    def __init__(self, parent_window: Callable[[], Any] | None = None):
        super().__init__()
        self._parent_window = parent_window or (lambda: None)
        self._previous_hook = sys.excepthook
        self._open: list[QMessageBox] = []

    def install(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        sys.excepthook = self._sys_hook
        if loop is not None:
            loop.set_exception_handler(self._loop_handler)

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook

    def _sys_hook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        self.report("Unexpected error", exc)

    def _loop_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if exc is None:
            log.error("asyncio: %s", context.get("message"))
            return
        self.report(context.get("message") or "Unexpected error in a background task", exc)

    def report(self, title: str, exc: BaseException) -> None:
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        log.error("%s\n%s", title, text)
        if len(self._open) >= 3 or QApplication.instance() is None:
            return  # never a storm of dialogs; the log has everything
        tr = QCoreApplication.translate
        box = QMessageBox(QMessageBox.Icon.Critical, tr("ErrorReporter", "CTI Desk"),
                          tr("ErrorReporter", "Something went wrong: %1").replace("%1", str(exc) or type(exc).__name__),
                          QMessageBox.StandardButton.Close, self._parent_window())
        box.setTextFormat(box.textFormat().PlainText)
        box.setDetailedText(text)
        box.setAccessibleName(tr("ErrorReporter", "Error"))
        box.finished.connect(lambda _=0, b=box: self._open.remove(b) if b in self._open else None)
        self._open.append(box)
        box.open()
        self.errorShown.emit(str(exc))
