"""Store changes re-emitted as Qt signals on the GUI thread (Electrum's QtEventListener idea).

The store calls listeners on whatever thread applied the event; ``_batch`` is an
AutoConnection signal, so a batch from another thread is queued onto the bridge's (GUI)
thread and one from the GUI thread is delivered at once, keeping the agent's panel immediate.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from ..core.store import Change, Store


class StoreBridge(QObject):
    # old Interaction | None, new Interaction: the desktop's own work only (Store.is_own); other
    # agents' work on a supervisor's floor reaches the floor view through core.floor instead
    interactionChanged = Signal(object, object)
    agentChanged = Signal(object, object)
    messageAdded = Signal(object)
    queueChanged = Signal(object, object)
    noticeRaised = Signal(object)
    connectionChanged = Signal(object)
    reasonCodesChanged = Signal(object)
    commandConfirmed = Signal(object)
    changed = Signal(object)  # the whole batch, for views that coalesce

    _batch = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._batch.connect(self._dispatch)
        self._unsubscribe = store.subscribe(self._batch.emit)

    def detach(self) -> None:
        self._unsubscribe()

    @Slot(object)
    def _dispatch(self, changes: list[Change]) -> None:
        for change in changes:
            match change.kind:
                case "interaction":
                    if self.store.is_own(change.new) or (change.old is not None and self.store.is_own(change.old)):
                        self.interactionChanged.emit(change.old, change.new)
                case "agent":
                    self.agentChanged.emit(change.old, change.new)
                case "message":
                    self.messageAdded.emit(change.new)
                case "queue":
                    self.queueChanged.emit(change.old, change.new)
                case "notice":
                    self.noticeRaised.emit(change.new)
                case "connection":
                    self.connectionChanged.emit(change.new)
                case "reason_codes":
                    self.reasonCodesChanged.emit(change.new)
                case "confirmation":
                    self.commandConfirmed.emit(change.new)
        self.changed.emit(changes)
