"""One desk window per station: a second start brings the open window forward.

The first window listens on a local socket (a named pipe on Windows) whose name comes
from the data directory, so two stations on one PC never answer for each other. A
second start for the same data directory connects, asks the first to come forward and
exits quietly. A socket left behind by a window that crashed answers no one: the start
then goes on, and the single-writer lock decides as before. A start refused the lock asks
again for a few seconds, since the holder may be a window still opening (it listens once
its sign-in shows), or one showing the restore dialog of a damaged station.

QtNetwork (~15 ms to load) is not loaded before the sign-in shows: the window starts
listening after its first paint, and a start that finds no socket file has nobody to ask.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

from app.runtime.config import Config

log = logging.getLogger(__name__)
REQUEST = b"show\n"
CONNECT_MS = 500
WAIT_FOR_FIRST_S = 4.0
POLL_MS = 100


class ShownInstead(Exception):
    """The window already open on this station came forward: this start ends quietly."""


def server_name(config: Config) -> str:
    """The socket's name: this user and this data directory, hashed (a name, not a path)."""
    where = f"{getpass.getuser()}\n{config.data_dir.resolve()}"
    return "StationDesk-" + hashlib.sha256(where.encode()).hexdigest()[:24]


def ask_first_to_show(config: Config) -> bool:
    """Whether a window already open on this station was asked to come forward."""
    if os.name != "nt" and not (Path(QDir.tempPath()) / server_name(config)).exists():
        return False  # where Qt's local server would have its socket file: none
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(config))
    if not socket.waitForConnected(CONNECT_MS):
        return False  # no window, or a stale socket: the lock decides
    socket.write(REQUEST)
    sent = socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()  # what was written is delivered first
    return sent


def wait_for_first(config: Config, seconds: float = WAIT_FOR_FIRST_S) -> bool:
    """After the lock was refused: whether the holder, asked again until ``seconds`` have
    passed, came forward. Events are handled between the tries."""
    deadline = time.monotonic() + seconds
    while not ask_first_to_show(config):
        if time.monotonic() >= deadline:
            return False
        pause = QEventLoop()
        QTimer.singleShot(POLL_MS, pause.quit)
        pause.exec()
    return True


class ActivationServer(QObject):
    """Listens for later starts of this station and brings the desk's window forward."""

    activated = Signal(object)  # the window brought forward (None if none was up)

    def __init__(self, config: Config, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.server = None

    def listen(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        if self.listening:
            return
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._on_server_new_connection)
        name = server_name(self.config)
        if not self.server.listen(name):
            # Only the lock holder (or a start offering a damaged station's backup, which
            # asked first) gets here: a socket still there is a crashed window's.
            QLocalServer.removeServer(name)
            if not self.server.listen(name):
                log.warning("a second start cannot find this window: %s",
                            self.server.errorString())

    @property
    def listening(self) -> bool:
        return self.server is not None and self.server.isListening()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()

    def _on_server_new_connection(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._on_socket_ready_read)
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)  # a quick caller may have written (and gone) already

    def _on_socket_ready_read(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket.bytesAvailable() and bytes(socket.readAll().data()).startswith(
                REQUEST.strip()):
            self.activated.emit(bring_forward())


def bring_forward() -> QWidget | None:
    """The desk's front window (a dialog open over it, the sign-in, or the main window)
    shown, raised and activated."""
    app = QApplication.instance()
    window = app.activeModalWidget() if isinstance(app, QApplication) else None
    if window is None:
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        window = next((w for w in shown if isinstance(w, QDialog)), None) or next(
            (w for w in shown if isinstance(w, QMainWindow)), None)
    if window is None:
        return None
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
    return window
