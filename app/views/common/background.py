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

One worker thread per runner, started with its first job and ended by ``finish``:
database writes are serialised anyway, and peewee keeps one connection per thread, so the
worker keeps one connection for all its jobs, and ``finish`` can close it. It is a Python
thread on purpose: a QThreadPool thread runs each job under a fresh Python thread state,
so thread-local data (the connection) is lost after every job and can never be closed.

``WaitDialog`` is for the moments with no page to own the work (restoring a backup after
the main window has closed): a modal "please wait" whose event loop keeps the screen
painted while the runner does the job.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
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
        self._shown: tuple[int, int] | None = None  # total and percent last reported

    def report(self, done: int, total: int) -> None:
        """Say how far the work is; raises ``Cancelled`` if the clerk has cancelled.
        ``reported`` is emitted once per percent: a bar shows no finer steps, and a
        thousand-page job must not post a thousand updates to the GUI thread."""
        self.check()
        self.last = (done, total)
        shown = (total, done * 100 // total if total else 0)
        if shown != self._shown:
            self._shown = shown
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


Job = Callable[[], None]


def _serve(jobs: queue.SimpleQueue[Job | None]) -> None:
    """The worker thread: every job in turn, until the one that says stop (None)."""
    while (job := jobs.get()) is not None:
        job()
        del job  # what the job holds is let go of now, not when the next one arrives


class Runner(QObject):
    """Runs work in the background and calls ``done`` or ``failed`` on the GUI thread."""

    _delivered = Signal(object)  # a zero-argument callable to run on the GUI thread

    def __init__(self, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._worker: threading.Thread | None = None
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

        def finish(ok: bool, value: Any, _keep: Progress | None = handle) -> None:
            # _keep: the handle is let go of here, on the GUI thread it belongs to
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
            self._submit(lambda: self._deliver(call, finish))
        return handle

    def _submit(self, job: Job) -> None:
        if self._worker is None:
            self._jobs = queue.SimpleQueue()
            self._worker = threading.Thread(target=_serve, args=(self._jobs,),
                                            name="background", daemon=True)
            self._worker.start()
        self._jobs.put(job)

    def _deliver(self, call: Callable[[], Any], finish: Callable[[bool, Any], None]) -> None:
        """On the worker: run ``call`` and post its outcome to the GUI thread."""
        try:
            outcome: tuple[bool, Any] = (True, call())
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread as data
            outcome = (False, exc)
        try:
            self._delivered.emit(lambda: finish(*outcome))
        except RuntimeError:  # the runner itself is gone (its window was deleted)
            log.info("result dropped: its runner was deleted")

    def _on_self_delivered(self, callback: Callable[[], None]) -> None:
        callback()

    def finish(self, msecs: int = 120_000) -> bool:
        """Wait for all queued work, then close the worker's own database connection
        and end the worker (the next job starts a new one); False if the work was still
        running after ``msecs``. Results not yet delivered are not: the window they
        belong to is closing."""
        worker, self._worker = self._worker, None
        if worker is None:
            return True
        self._jobs.put(_close_connection)
        self._jobs.put(None)
        worker.join(msecs / 1000)
        return not worker.is_alive()


def _close_connection() -> None:
    from app.runtime.startup import close_connection

    try:
        close_connection()
    except Exception:  # noqa: BLE001 - the worker must still end
        log.exception("closing the worker's database connection failed")


class _Watch:
    """The progress dialog of one piece of work: shown only once the work has taken
    ``PROGRESS_DELAY_MS``, and closed when it ends. Both belong to the owner, so
    closing the owner's window takes them along."""

    def __init__(self, owner: QWidget, text: str, handle: Progress | None) -> None:
        self.dialog: ProgressDialog | None = None
        self._owner = owner
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
            active = self.dialog.isActiveWindow()
            self.dialog.finish()
            if active and shiboken6.isValid(self._owner):
                # Closing the progress dialog leaves no window active: the keyboard (Ctrl+P
                # in a preview, Enter in a form) must reach the owner's window at once.
                self._owner.window().activateWindow()


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


def run_while_closed(runner: Runner | None, text: str, work: Callable[[], Any], title: str,
                     refused: str) -> Any | None:
    """``work`` (it replaces the station's file: a restore, a fresh start) behind a "please
    wait"; a refusal is said in a warning titled ``title`` (``refused``, with ``{reason}``).
    Its result, or None when it was refused and nothing changed."""
    from PySide6.QtWidgets import QMessageBox

    from app.views.common.errors import message_for

    runner = runner or Runner()
    wait = WaitDialog(runner, text, work)
    wait.exec()
    runner.finish()  # no worker connection may outlive the file that was replaced
    if wait.error is not None:
        QMessageBox.warning(None, title, refused.format(reason=message_for(wait.error)))
        return None
    return wait.value
