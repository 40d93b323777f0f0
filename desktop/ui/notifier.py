"""One notifier for the whole app: the system tray when there is one, an in-window toast otherwise."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QIcon
from PySide6.QtWidgets import QLabel, QSystemTrayIcon, QWidget


class Notifier(QObject):
    shown = Signal(str, str)  # title, text (what the user was told; tests read it)
    announced = Signal(str)   # what screen readers were told

    def __init__(self, window: QWidget, icon: QIcon):
        super().__init__(window)
        self._tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray = QSystemTrayIcon(icon, window)
            self._tray.show()
        self._toast = QLabel(window)
        self._toast.setObjectName("toast")
        self._toast.setTextFormat(Qt.TextFormat.PlainText)
        self._toast.setAccessibleName(self.tr("Notification"))
        self._toast.setStyleSheet("#toast { background: #323232; color: white; padding: 8px 12px; border-radius: 4px; }")
        self._toast.hide()
        self._hide = QTimer(self, singleShot=True, interval=5000)
        self._hide.timeout.connect(self._toast.hide)

    def set_status(self, tooltip: str, icon: QIcon | None = None) -> None:
        if self._tray is not None:
            self._tray.setToolTip(tooltip)
            if icon is not None:
                self._tray.setIcon(icon)

    def announce(self, text: str) -> None:
        """Tell assistive technology (screen readers) about a change the agent did not cause."""
        window = self._toast.parentWidget()
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(window, text))
        self.announced.emit(text)

    def notify(self, title: str, text: str) -> None:
        """Tell the agent something without stealing focus."""
        if self._tray is not None:
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 5000)
        else:
            window = self._toast.parentWidget()
            self._toast.setText(f"{title}\n{text}")
            self._toast.adjustSize()
            self._toast.move(window.width() - self._toast.width() - 16, window.height() - self._toast.height() - 40)
            self._toast.raise_()
            self._toast.show()
            self._hide.start()
        self.shown.emit(title, text)
        self.announce(f"{title}: {text}")
