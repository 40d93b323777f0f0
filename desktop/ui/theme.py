"""Light, dark or the system's colour scheme, switchable in settings.

Qt's colour-scheme hint only works where the platform theme supports it (not on a bare X
server or some Linux desktops), so "dark" also sets a dark Fusion palette explicitly; "light"
and "system" go back to the style's own palette and let the platform decide.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark, "system": Qt.ColorScheme.Unknown}


def dark_palette() -> QPalette:
    palette = QPalette()
    base, window, text, disabled = QColor("#1e1f22"), QColor("#2b2d31"), QColor("#e8e8e8"), QColor("#8a8d91")
    roles = {
        QPalette.ColorRole.Window: window, QPalette.ColorRole.WindowText: text, QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: window, QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text, QPalette.ColorRole.Text: text, QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text, QPalette.ColorRole.BrightText: QColor("#ff6b6b"),
        QPalette.ColorRole.Link: QColor("#7ab7ff"), QPalette.ColorRole.Highlight: QColor("#3d7ad6"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"), QPalette.ColorRole.PlaceholderText: disabled,
    }
    for role, colour in roles.items():
        palette.setColor(role, colour)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_theme(theme: str) -> None:
    app = QApplication.instance()
    if app is None:
        return
    QGuiApplication.styleHints().setColorScheme(SCHEMES.get(theme, Qt.ColorScheme.Unknown))
    if theme == "dark":
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    else:
        app.setPalette(app.style().standardPalette())
