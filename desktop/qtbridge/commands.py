"""Runs commands from widgets: sends each once, then reports it confirmed (by the platform's
event in the store), refused (with the platform's reason) or timed out."""
from __future__ import annotations

import asyncio
import time

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.commands import Command, SentCommand, is_confirmed
from ..core.errors import CtiError
from ..core.session import SessionController
from ..core.store import Change
from .bridge import StoreBridge
from .tasks import TaskManager


class CommandRunner(QObject):
    pending = Signal(object)            # Command
    confirmed = Signal(object)          # Command
    failed = Signal(object, str)        # Command, the reason to show next to the control

    def __init__(self, bridge: StoreBridge, tasks: TaskManager, confirm_timeout_s: float = 10.0,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.bridge = bridge
        self.tasks = tasks
        self.controller: SessionController | None = None
        self.confirm_timeout_s = confirm_timeout_s
        self._waiting: list[tuple[SentCommand, float]] = []
        bridge.changed.connect(self._on_changes)
        self._expiry = QTimer(self, interval=500)
        self._expiry.timeout.connect(self._expire)

    def why_not(self, command: Command) -> str | None:
        if self.controller is None:
            return self.tr("not connected")
        return self.controller.why_not(command)

    def run(self, command: Command) -> None:
        controller = self.controller
        if controller is None:
            self.failed.emit(command, self.tr("not connected"))
            return
        sent = SentCommand.capture(command, self.bridge.store)
        self.pending.emit(command)
        self.tasks.spawn(f"command:{command.capability}", self._send(controller, sent))

    async def _send(self, controller: SessionController, sent: SentCommand) -> None:
        try:
            await controller.execute(sent.command)
        except CtiError as exc:
            self.failed.emit(sent.command, exc.message)
            return
        except asyncio.CancelledError:
            raise
        if is_confirmed(sent, self.bridge.store):
            self.confirmed.emit(sent.command)
            return
        self._waiting.append((sent, time.monotonic() + self.confirm_timeout_s))
        self._expiry.start()

    def _on_changes(self, changes: list[Change]) -> None:
        store = self.bridge.store
        for change in changes:
            notice = change.new if change.kind == "notice" else None
            if notice is not None and notice.level == "error":
                for sent, deadline in list(self._waiting):
                    if notice.interaction_id is None or store.resolve_id(notice.interaction_id) == store.resolve_id(sent.command.interaction_id or ""):
                        self._waiting.remove((sent, deadline))
                        self.failed.emit(sent.command, notice.text)
        for item in list(self._waiting):
            if is_confirmed(item[0], store):
                self._waiting.remove(item)
                self.confirmed.emit(item[0].command)

    def _expire(self) -> None:
        now = time.monotonic()
        for item in list(self._waiting):
            if item[1] <= now:
                self._waiting.remove(item)
                self.failed.emit(item[0].command, self.tr("no confirmation from the platform within %n s", "",
                                                          int(self.confirm_timeout_s)))
        if not self._waiting:
            self._expiry.stop()
