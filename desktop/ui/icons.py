"""State icons drawn at run time: a coloured dot per agent/connection state (no image files to ship)."""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from ..core.vocabulary import AgentState, ConnectionState, Media

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


@lru_cache(maxsize=16)
def state_icon(state: AgentState, size: int = 14) -> QIcon:
    """The agent state's colour in a shape of its own, so the grid reads without colour too:
    ready ●, busy ◆, after-call work ▲, not ready ■, others a ring."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(AGENT_COLOURS[state])
    painter.setPen(QPen(colour.darker(140), 1))
    painter.setBrush(colour)
    s, m = float(size), 1.5
    if state is AgentState.READY:
        painter.drawEllipse(QRectF(m, m, s - 2 * m, s - 2 * m))
    elif state is AgentState.BUSY:
        painter.drawPolygon([QPointF(s / 2, m), QPointF(s - m, s / 2), QPointF(s / 2, s - m), QPointF(m, s / 2)])
    elif state is AgentState.AFTER_CALL_WORK:
        painter.drawPolygon([QPointF(s / 2, m), QPointF(s - m, s - m), QPointF(m, s - m)])
    elif state is AgentState.NOT_READY:
        painter.drawRect(QRectF(m + 1, m + 1, s - 2 * m - 2, s - 2 * m - 2))
    else:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, 2))
        painter.drawEllipse(QRectF(m + 1, m + 1, s - 2 * m - 2, s - 2 * m - 2))
    painter.end()
    return QIcon(pixmap)


@lru_cache(maxsize=8)
def media_icon(media: Media, size: int = 20) -> QIcon:
    """A drawn pictogram per media (no image files, no emoji font needed)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(MEDIA_COLOURS.get(media, "#546e7a"))
    painter.setPen(QPen(colour, 1.6))
    s = size
    if media is Media.VOICE:  # a handset
        painter.setBrush(colour)
        path = QPainterPath()
        path.moveTo(s * 0.22, s * 0.12)
        path.cubicTo(s * 0.05, s * 0.35, s * 0.45, s * 0.95, s * 0.85, s * 0.80)
        path.lineTo(s * 0.88, s * 0.66)
        path.lineTo(s * 0.68, s * 0.58)
        path.lineTo(s * 0.58, s * 0.68)
        path.cubicTo(s * 0.45, s * 0.62, s * 0.38, s * 0.52, s * 0.33, s * 0.42)
        path.lineTo(s * 0.42, s * 0.32)
        path.lineTo(s * 0.34, s * 0.12)
        path.closeSubpath()
        painter.drawPath(path)
    elif media is Media.CHAT:  # a speech bubble
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(s * 0.1, s * 0.15, s * 0.8, s * 0.55), s * 0.15, s * 0.15)
        painter.drawLine(QPointF(s * 0.3, s * 0.7), QPointF(s * 0.22, s * 0.9))
        painter.drawLine(QPointF(s * 0.22, s * 0.9), QPointF(s * 0.45, s * 0.7))
    elif media is Media.EMAIL:  # an envelope
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(s * 0.1, s * 0.22, s * 0.8, s * 0.56))
        painter.drawLine(QPointF(s * 0.1, s * 0.22), QPointF(s * 0.5, s * 0.55))
        painter.drawLine(QPointF(s * 0.9, s * 0.22), QPointF(s * 0.5, s * 0.55))
    else:
        painter.setBrush(colour)
        painter.drawEllipse(QRectF(s * 0.3, s * 0.3, s * 0.4, s * 0.4))
    painter.end()
    return QIcon(pixmap)


MEDIA_COLOURS = {Media.VOICE: "#2e7d32", Media.CHAT: "#1565c0", Media.EMAIL: "#6d4c41"}
