"""What every page of the window shares: the station's context, the clerk on duty,
the background runner, and the one signal that says what changed.

Pages never call each other. Every write from the window goes through
``Desk.perform``: the service's result says what it changed (``result.changes``), and
the desk announces that once as ``changed(changes, initiator)``; each page decides from
it whether what it shows is stale (see ``app.views.common.page``).

The runner takes domain calls off the GUI thread and delivers the outcome back on
it. One worker thread does the work (database writes are serialised anyway; SQLite
connections are per thread, so a thread that lives forever keeps one connection).
Widgets never travel to the worker: a job is a plain function, and its result is
handed to a callback on the GUI thread. A progress dialog appears only when the work
takes longer than half a second. Tests switch the runner to synchronous mode.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.runtime.config import Config
from app.services.changes import Changes
from app.services.context import Actor, Context

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
PROGRESS_DELAY_MS = 500


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], deliver: Callable[[bool, Any], None]) -> None:
        super().__init__()
        self._work = work
        self._deliver = deliver

    def run(self) -> None:
        try:
            outcome: tuple[bool, Any] = (True, self._work())
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread as data
            outcome = (False, exc)
        self._deliver(*outcome)


class Runner(QObject):
    """Runs ``work`` in the background and calls ``done`` or ``failed`` on the GUI thread."""

    _delivered = Signal(object)  # a zero-argument callable to run on the GUI thread

    def __init__(self, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)
        self._busy = 0
        self._delivered.connect(self._on_self_delivered, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def run(self, owner: QObject | None, work: Callable[[], Any], done: Done,
            failed: Failed, progress: str | None = None) -> None:
        """``owner``: the widget the callbacks belong to; if it is gone, they are dropped."""
        dialog_timer: QTimer | None = None
        dialog: list[QProgressDialog] = []
        if progress and isinstance(owner, QWidget) and not self.synchronous:
            dialog_timer = QTimer(self)
            dialog_timer.setSingleShot(True)
            dialog_timer.timeout.connect(lambda: dialog.append(_progress(owner, progress)))
            dialog_timer.start(PROGRESS_DELAY_MS)

        def finish(ok: bool, value: Any) -> None:
            self._busy -= 1
            if dialog_timer is not None:
                dialog_timer.stop()
                dialog_timer.deleteLater()
            for d in dialog:
                d.close()
                d.deleteLater()
            if owner is not None and not shiboken6.isValid(owner):
                log.info("result dropped: its window was closed")
                return
            (done if ok else failed)(value)

        self._busy += 1
        if self.synchronous:
            try:
                value = work()
            except BaseException as exc:  # noqa: BLE001 - same path as the threaded case
                finish(False, exc)
            else:
                finish(True, value)
            return
        self._pool.start(_Job(work, lambda ok, value: self._delivered.emit(
            lambda: finish(ok, value))))

    def _on_self_delivered(self, callback: Callable[[], None]) -> None:
        callback()

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)


def _progress(owner: QWidget, text: str) -> QProgressDialog:
    dialog = QProgressDialog(text, "", 0, 0, owner)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    return dialog


class Desk(QObject):
    clerk_changed = Signal(object)  # Actor, or None when the desk is locked
    changed = Signal(object, object)  # Changes, and the widget whose write made them
    feedback_posted = Signal(str, bool)  # message, success: mirrored in the status bar
    _announced = Signal(object, object)  # from the worker: changes, initiator

    def __init__(self, base: Context, runner: Runner | None = None,
                 parent: QObject | None = None, config: Config | None = None) -> None:
        super().__init__(parent)
        self.base = base.as_actor(None)
        self.actor: Actor | None = None
        self.runner = runner or Runner(parent=self)
        # Backups get a worker of their own: copying a large station takes minutes, and
        # the clerk's next deed must not queue behind it (a backup only reads).
        self.backup_runner = Runner(runner.synchronous if runner else False, self)
        self.config = config  # None: no station files here (backups unavailable)
        # Delivered on the GUI thread, before the write's own ``done`` callback.
        self._announced.connect(self._on_self_announced)

    @property
    def ctx(self) -> Context:
        """The context of the clerk on duty (services refuse when nobody is)."""
        return self.base.as_actor(self.actor)

    @property
    def is_admin(self) -> bool:
        return bool(self.actor and self.actor.is_admin)

    def today(self) -> dt.date:
        return self.base.clock.today()

    def set_actor(self, actor: Actor | None) -> None:
        self.actor = actor
        self.clerk_changed.emit(actor)

    def run(self, owner: QObject | None, work: Callable[[], Any], done: Done, failed: Failed,
            progress: str | None = None) -> None:
        self.runner.run(owner, work, done, failed, progress)

    def perform(self, owner: QObject, work: Callable[[], Any], done: Done, failed: Failed,
                progress: str | None = None) -> None:
        """Run a write: ``work`` returns a service result carrying ``changes``, which the
        desk announces as ``changed(changes, owner)`` before ``done`` sees the result.

        The changes are announced from the worker as soon as the write commits, so they
        reach every page even when ``owner`` was closed meanwhile (its ``done`` is then
        dropped, as with ``run``)."""
        def write() -> Any:
            result = work()
            changes: Changes = result.changes
            if changes:
                self._announced.emit(changes, owner)
            return result

        self.run(owner, write, done, failed, progress)

    def _on_self_announced(self, changes: Changes, initiator: object) -> None:
        self.changed.emit(changes, initiator)

    def post(self, message: str, ok: bool = True) -> None:
        self.feedback_posted.emit(message, ok)

    def finish(self, msecs: int = 120_000) -> None:
        """Wait for background work, then close each worker's own database connection:
        the station is about to close (or be replaced by a restore), and no connection
        may outlive the file it was opened on."""
        for runner in (self.runner, self.backup_runner):
            if not runner.synchronous:
                runner.run(None, _close_connection, _ignore, _ignore)
            runner.wait(msecs)


def _close_connection() -> None:
    from app.runtime.startup import close_connection

    close_connection()


def _ignore(_value: object) -> None:
    pass
