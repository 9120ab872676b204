"""Background work a clerk can watch and stop, and background work the composition root
waits for.

``run_with_progress`` runs a job that reports its progress and stops at a safe point
when the clerk presses Cancel: long print runs (a grid's resident cards) must never
freeze the desk, and must be stoppable. The progress dialog appears only after half a
second, so quick work never flashes one.

``WaitDialog`` is for the moments with no page to own the work (restoring a backup
after the main window has closed): a modal "please wait" whose event loop keeps the
screen painted while a worker thread does the job.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QProgressDialog, QVBoxLayout, QWidget

from app.views.shell.duty import PROGRESS_DELAY_MS, Done, Failed, Runner


class Cancelled(Exception):
    """The clerk pressed Cancel; the work stopped between two steps."""


class Progress(QObject):
    """Passed to the work: ``report`` from the worker thread, ``cancel`` from the GUI."""

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


def run_with_progress(runner: Runner, owner: QWidget, text: str,
                      work: Callable[[Progress], Any], done: Done, failed: Failed,
                      progress: Progress | None = None) -> Progress:
    """Run ``work(progress)`` in the background; ``failed`` receives ``Cancelled`` when the
    clerk stopped it. Pass ``progress`` to watch or cancel it from outside (tests)."""
    progress = progress or Progress(owner)
    shown: list[QProgressDialog] = []
    timer = QTimer(progress)
    timer.setSingleShot(True)

    def show() -> None:
        dialog = ProgressDialog(text, owner, progress)
        dialog.show_progress(*progress.last)
        dialog.show()
        shown.append(dialog)

    def finish() -> None:
        timer.stop()
        for dialog in shown:
            dialog.finish()

    def on_done(value: Any) -> None:
        finish()
        done(value)

    def on_failed(exc: BaseException) -> None:
        finish()
        failed(exc)

    if not runner.synchronous:
        timer.timeout.connect(show)
        timer.start(PROGRESS_DELAY_MS)
    runner.run(owner, lambda: work(progress), on_done, on_failed)
    return progress


class ProgressDialog(QProgressDialog):
    """How far the work is, with Cancel; updated through a slot, so progress reported
    from a worker thread arrives on the GUI thread and stops once the dialog is gone."""

    def __init__(self, text: str, parent: QWidget | None, progress: Progress) -> None:
        super().__init__(text, QCoreApplication.translate("Tasks", "取消"), 0, 0, parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self._progress = progress
        self.canceled.connect(progress.cancel)
        progress.reported.connect(self.show_progress)

    def show_progress(self, done: int, total: int) -> None:
        self.setMaximum(total)
        self.setValue(done)

    def finish(self) -> None:
        self.canceled.disconnect(self._progress.cancel)  # closing is not cancelling
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
