"""One running window per user: later launches (``ctidesk tel:+1555…``) hand their request to it."""
from __future__ import annotations

import getpass
import logging
import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)


def server_name() -> str:
    """Per user; ``CTIDESK_INSTANCE`` names another one (tests, or two desks side by side)."""
    return os.environ.get("CTIDESK_INSTANCE") or f"ctidesk-{getpass.getuser()}"


class InstanceServer(QObject):
    dialRequested = Signal(str)

    def __init__(self, name: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name or server_name()
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        if not self._server.listen(self.name):
            QLocalServer.removeServer(self.name)  # a stale socket left by a crash
            if not self._server.listen(self.name):
                log.warning("single-instance server unavailable: %s", self._server.errorString())
                return False
        return True

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            line = bytes(socket.readLine().data()).decode("utf-8", "replace").strip()
            verb, _, value = line.partition(" ")
            if verb == "dial" and value:
                self.dialRequested.emit(value)
                socket.write(b"ok\n")
            else:
                socket.write(b"error unknown request\n")
            socket.flush()


def send_to_running(line: str, name: str | None = None, timeout_ms: int = 2000) -> bool:
    """True when a running instance took the request."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(line.encode("utf-8") + b"\n")
    socket.flush()
    ok = socket.waitForReadyRead(timeout_ms) and bytes(socket.readLine().data()).startswith(b"ok")
    socket.disconnectFromServer()
    return ok
