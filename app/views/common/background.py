"""The one way the window runs work off the GUI thread.

``Runner.run(owner, work, done, failed)`` runs ``work`` on the runner's one worker
thread and calls ``done(result)`` or ``failed(exception)`` back on the GUI thread:

- Widgets never travel to the worker: ``work`` is a plain function, and only its result
  comes back. A result whose ``owner`` has been deleted meanwhile (its window closed) is
  dropped, so no callback ever touches a dead widget.
- ``progress="…"`` shows a progress dialog, but only once the work has taken half a
  second: quick work never flashes one.
- ``cancellable=True`` (or a ``handle`` made beforehand, to watch or cancel it from
  outside) calls ``work(handle)``: the work reports how far it is and polls the handle
  between two safe steps; once the clerk presses Cancel, the next poll raises
  ``Cancelled``, which reaches ``failed`` like any other refusal.
- ``finish`` waits for everything queued (printing included) and then closes the
  worker's own database connection: the station is about to close.
- ``Runner(synchronous=True)`` runs the work at once on the calling thread (tests).

One thread per runner: database writes are serialised anyway, and SQLite connections are
per thread, so a thread that lives as long as the runner keeps one connection.

``WaitDialog`` is for the moments with no page to own the work (restoring a backup after
the main window has closed): a modal "please wait" whose event loop keeps the screen
painted while the runner does the job.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QProgressDialog, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
PROGRESS_DELAY_MS = 500


class Cancelled(Exception):
    """The clerk pressed Cancel; the work stopped between two steps."""


class Progress(QObject):
    """The handle cancellable work receives: ``report`` and ``check`` from the worker
    thread, ``cancel`` from the GUI."""

    reported = Signal(int, int)  # done, total; queued to the GUI thread when emitted off it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = threading.Event()  # a plain flag: safe to read from the worker
        self.last: tuple[int, int] = (0, 0)

    def report(self, done: int, total: int) -> None:
        """Say how far the work is; raises ``Cancelled`` if the clerk has cancelled."""
        self.check()
        self.last = (done, total)
        self.reported.emit(done, total)
        self.check()  # a synchronous slot (tests) may have cancelled just now

    def check(self) -> None:
        if self._stop.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()


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
    """Runs work in the background and calls ``done`` or ``failed`` on the GUI thread."""

    _delivered = Signal(object)  # a zero-argument callable to run on the GUI thread

    def __init__(self, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # the thread, and its connection, stay
        self._busy = 0
        self._delivered.connect(self._on_self_delivered, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def run(self, owner: QObject | None, work: Callable[..., Any], done: Done, failed: Failed,
            progress: str | None = None, cancellable: bool = False,
            handle: Progress | None = None) -> Progress | None:
        """``owner``: the widget the callbacks belong to (and the progress dialog's
        parent); if it is gone when the work ends, they are dropped. Returns the handle
        given to cancellable work, None for other work."""
        if handle is None and cancellable:
            handle = Progress()
        call = work if handle is None else (lambda: work(handle))
        watch = None
        if progress and isinstance(owner, QWidget) and not self.synchronous:
            watch = _Watch(owner, progress, handle)

        def finish(ok: bool, value: Any) -> None:
            self._busy -= 1
            if watch is not None:
                watch.end()
            if owner is not None and not shiboken6.isValid(owner):
                log.info("result dropped: its window was closed")
                return
            (done if ok else failed)(value)

        self._busy += 1
        if self.synchronous:
            try:
                value = call()
            except BaseException as exc:  # noqa: BLE001 - same path as the threaded case
                finish(False, exc)
            else:
                finish(True, value)
        else:
            self._pool.start(_Job(call, lambda ok, value: self._delivered.emit(
                lambda: finish(ok, value))))
        return handle

    def _on_self_delivered(self, callback: Callable[[], None]) -> None:
        callback()

    def finish(self, msecs: int = 120_000) -> bool:
        """Wait for all queued work, then close the worker's own database connection;
        False if the work was still running after ``msecs``. Results not yet delivered
        are not: the window they belong to is closing."""
        if self.synchronous:
            return True
        self._pool.start(_Job(_close_connection, lambda ok, value: None))
        return self._pool.waitForDone(msecs)


def _close_connection() -> None:
    from app.runtime.startup import close_connection

    close_connection()


class _Watch:
    """The progress dialog of one piece of work: shown only once the work has taken
    ``PROGRESS_DELAY_MS``, and closed when it ends. Both belong to the owner, so
    closing the owner's window takes them along."""

    def __init__(self, owner: QWidget, text: str, handle: Progress | None) -> None:
        self.dialog: ProgressDialog | None = None
        self._timer = QTimer(owner)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self._show(owner, text, handle))
        self._timer.start(PROGRESS_DELAY_MS)

    def _show(self, owner: QWidget, text: str, handle: Progress | None) -> None:
        self.dialog = ProgressDialog(text, owner, handle)
        self.dialog.show()

    def end(self) -> None:
        if shiboken6.isValid(self._timer):
            self._timer.stop()
            self._timer.deleteLater()
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.finish()


class ProgressDialog(QProgressDialog):
    """How far the work is, with Cancel when it can be cancelled. Progress reported
    from the worker arrives through a slot, on the GUI thread, and stops with the dialog."""

    def __init__(self, text: str, parent: QWidget | None, handle: Progress | None) -> None:
        super().__init__(text, QCoreApplication.translate("Tasks", "取消"), 0, 0, parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self._handle = handle
        if handle is None:
            self.setCancelButton(None)
            return
        self.canceled.connect(handle.cancel)
        handle.reported.connect(self.show_progress)
        self.show_progress(*handle.last)

    def show_progress(self, done: int, total: int) -> None:
        self.setMaximum(total)
        self.setValue(done)

    def reject(self) -> None:
        # Escape cancels what can be cancelled; other work cannot be walked away from.
        if self._handle is not None:
            super().reject()

    def finish(self) -> None:
        if self._handle is not None:
            self.canceled.disconnect(self._handle.cancel)  # closing is not cancelling
        self.close()
        self.deleteLater()


class WaitDialog(QDialog):
    """A modal "please wait" that runs ``work`` in the background and closes itself.

    After ``exec()``: ``value`` holds the result, or ``error`` what went wrong.
    """

    def __init__(self, runner: Runner, text: str, work: Callable[[], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("请稍候"))
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.value: Any = None
        self.error: BaseException | None = None
        self._runner = runner
        self._work = work
        bar = QProgressBar()
        bar.setRange(0, 0)  # busy: the work cannot say how far it is
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text))
        layout.addWidget(bar)
        self.setMinimumWidth(380)

    def exec(self) -> int:  # noqa: A003 - Qt API
        # Started from exec so a synchronous runner (tests) finishes before the loop
        # would begin; then there is nothing to wait for.
        self._runner.run(self, self._work, self._on_work_done, self._on_work_failed)
        if self.value is not None or self.error is not None:
            return int(QDialog.DialogCode.Accepted if self.error is None
                       else QDialog.DialogCode.Rejected)
        return super().exec()

    def _on_work_done(self, value: Any) -> None:
        self.value = value if value is not None else True
        self.accept()

    def _on_work_failed(self, exc: BaseException) -> None:
        self.error = exc
        self.reject()

    def reject(self) -> None:
        # Escape must not abandon a restore half-way: only the work's end closes this.
        if self.value is None and self.error is None:
            return
        super().reject()
