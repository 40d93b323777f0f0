"""Qt item models over the store."""
from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ..core.model import Interaction
from ..core.vocabulary import InteractionState, Media
from ..qtbridge.bridge import StoreBridge
from .icons import media_icon
from .vocabulary import interaction_state_label, media_label

Index = QModelIndex | QPersistentModelIndex


def format_duration(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:d}:{rest % 60:02d}"


class InteractionListModel(QAbstractListModel):
    """The agent's current interactions, newest last.

    Ended work leaves the list, except a call the agent talked on: it stays (shown as ended) for
    after-call work until the agent closes it. Rows are updated in place on every change (no
    coalescing: this is the agent's own work).
    """

    InteractionRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, bridge: StoreBridge, parent=None):
        super().__init__(parent)
        self._bridge = bridge
        store = bridge.store
        self._rows: list[Interaction] = [i for i in store.interactions.values() if i.active and store.is_own(i)]
        bridge.interactionChanged.connect(self._on_changed)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            party = item.remote_name or item.remote or item.from_ or item.interaction_id
            since = format_duration(time.time() - item.state_since) if item.state_since else ""
            return f"{media_label(item.media)} · {party}\n{interaction_state_label(item.state)} {since}".rstrip()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            party = item.remote_name or item.remote or item.interaction_id
            return f"{media_label(item.media)} {party} {interaction_state_label(item.state)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return media_icon(item.media)
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.interaction_id
        if role == self.InteractionRole:
            return item
        return None

    def _kept_for_wrap_up(self, ended: Interaction) -> bool:
        return ended.media is Media.VOICE and self._talked(ended.interaction_id)

    def _talked(self, interaction_id: str) -> bool:
        history = self._bridge.store.history.get(interaction_id, ())
        return any(h.state in (InteractionState.CONNECTED, InteractionState.HELD) for h in history)

    def dismiss(self, interaction_id: str) -> None:
        """The agent closes finished work."""
        row = self.row_of(interaction_id)
        if row >= 0 and not self._rows[row].active:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def row_of(self, interaction_id: str) -> int:
        for row, item in enumerate(self._rows):
            if item.interaction_id == interaction_id:
                return row
        return -1

    def interaction_at(self, row: int) -> Interaction | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def refresh_timers(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [Qt.ItemDataRole.DisplayRole])

    def _on_changed(self, old: Interaction | None, new: Interaction) -> None:
        row = self.row_of(new.interaction_id)
        if row < 0 and old is not None and old.interaction_id != new.interaction_id:
            row = self.row_of(old.interaction_id)  # renamed by the platform
        if new.state is InteractionState.ENDED and not self._kept_for_wrap_up(new):
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
            return
        if row < 0:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(new)
            self.endInsertRows()
        else:
            self._rows[row] = new
            self.dataChanged.emit(self.index(row), self.index(row))
