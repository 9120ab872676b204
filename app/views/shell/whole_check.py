"""The whole-file check, run in the background once a clerk has signed in.

The start-up check reads only what was written since the verified checkpoint; this one
reads everything (``health.full_check``) on the desk's backup worker, so the clerk works
on while it runs, with a small indicator in the status bar. A pass moves the checkpoint
and says nothing. Faults stop every write at once, as a failed start-up check does (the
window stays open for looking things up), and the clerk is told what was found; when the
window closes, the newest verified backup is offered, as at a failed start.

A station never checked before (the first start after an upgrade) starts this check
while the sign-in shows, with every write held until it passes; the main window then
takes it over (``attach``) instead of starting another.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from app.runtime.config import Config
from app.runtime.health import DamagedDatabase
from app.views.common.background import Cancelled, Progress
from app.views.common.errors import message_for
from app.views.shell.duty import Desk

log = logging.getLogger(__name__)


def check_whole(config: Config, handle: Progress) -> DamagedDatabase | None:
    """On the worker: the whole check; what it found, as the refusal writes now get."""
    from app.runtime import health

    report = health.full_check(config, progress=handle.report,
                               cancelled=lambda: handle.cancelled)
    if report.cancelled:
        raise Cancelled  # neither a pass (held writes stay held) nor a finding
    if report.ok:
        return None
    return health.damaged(config, report.problems, health.FailedWholeCheck)


class WholeCheck(QObject):
    """One background run of the whole check on the open station."""

    passed = Signal()
    found = Signal(object)  # the DamagedDatabase writes are now refused with
    ended = Signal()  # passed, found, cancelled or failed to run: the backups may go on

    def __init__(self, desk: Desk, bar: QStatusBar | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.damage: DamagedDatabase | None = None
        self.handle: Progress | None = None
        self.ran = False  # ended once (passed, found, cancelled or failed to run)
        self.label = QLabel(self.tr("正在后台检查数据"))
        self.label.setObjectName("wholeCheck")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(100)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.setToolTip(self.tr("检查整个数据库（不影响正常登记）"))
        self._show_running(False)
        if bar is not None:
            self.attach(bar)

    def attach(self, bar: QStatusBar) -> None:
        """Show the indicator in ``bar`` (the main window's), running or not."""
        bar.addPermanentWidget(self.label)
        bar.addPermanentWidget(self.progress)
        self._show_running(self.running)
        self.label.setVisible(self.running or self.damage is not None)

    @property
    def running(self) -> bool:
        return self.handle is not None

    def start(self) -> bool:
        """Start the check; False when there is nothing to check here (no station files,
        or a PostgreSQL station, checked on its server)."""
        config = self.desk.config
        if config is None or not config.is_sqlite or self.running:
            return False
        self.handle = Progress()
        self.handle.reported.connect(self._on_handle_reported)
        self.progress.setRange(0, 0)
        self._show_running(True)
        self.desk.backup_runner.run(self, lambda handle: check_whole(config, handle),
                                    self._on_check_done, self._on_check_failed,
                                    handle=self.handle)
        return True

    def cancel(self) -> None:
        """Stop between two steps (the window is closing): the checkpoint stays."""
        if self.handle is not None:
            self.handle.cancel()

    def _show_running(self, running: bool) -> None:
        if self.label.parentWidget() is None:
            return  # not in a status bar yet: a widget without a parent would be a window
        self.label.setVisible(running)
        self.progress.setVisible(running)

    def _on_handle_reported(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_check_done(self, damage: DamagedDatabase | None) -> None:
        self._end()
        if damage is None:
            from app.runtime.health import hold_until_checked

            hold_until_checked(False)  # a station never checked before may be written now
            self.passed.emit()
        else:
            from app.runtime.health import stop_writes

            self.damage = damage
            stop_writes(damage)
            self.label.setText(self.tr("数据有问题，已停止写入"))
            self.label.setStyleSheet("color: #b00020; font-weight: bold;")
            self.label.setVisible(self.label.parentWidget() is not None)
            self.found.emit(damage)
        self.ended.emit()

    def _on_check_failed(self, exc: BaseException) -> None:
        self._end()
        if not isinstance(exc, Cancelled):
            log.error("the background check did not run: %s", exc)
            self.desk.post(self.tr("后台数据检查未能完成：{reason}").format(
                reason=message_for(exc)), False)
        self.ended.emit()

    def _end(self) -> None:
        self.handle = None
        self.ran = True
        self._show_running(False)
