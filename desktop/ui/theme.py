"""Light, dark or the system's colour scheme (Qt's style hints, Qt 6.8+), switchable in settings."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark, "system": Qt.ColorScheme.Unknown}


def apply_theme(theme: str) -> None:
    app = QGuiApplication.instance()
    if app is not None:
        app.styleHints().setColorScheme(SCHEMES.get(theme, Qt.ColorScheme.Unknown))
