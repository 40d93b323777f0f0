"""State icons drawn at run time: a coloured dot per agent/connection state (no image files to ship)."""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from ..core.vocabulary import AgentState, ConnectionState

AGENT_COLOURS = {
    AgentState.READY: "#2e7d32", AgentState.NOT_READY: "#c62828", AgentState.AFTER_CALL_WORK: "#ef6c00",
    AgentState.BUSY: "#1565c0", AgentState.DO_NOT_DISTURB: "#6a1b9a", AgentState.AWAY: "#8d6e63",
    AgentState.LOGGED_OUT: "#757575", AgentState.UNKNOWN: "#9e9e9e",
}
CONNECTION_COLOURS = {
    ConnectionState.CONNECTED: "#2e7d32", ConnectionState.CONNECTING: "#f9a825",
    ConnectionState.RECONNECTING: "#ef6c00", ConnectionState.DISCONNECTED: "#757575",
    ConnectionState.FAILED: "#c62828",
}


@lru_cache(maxsize=64)
def dot(colour: str, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(QColor(colour).darker(140))
    painter.drawEllipse(2, 2, size - 4, size - 4)
    painter.end()
    return QIcon(pixmap)
