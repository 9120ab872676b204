"""Backups while the desk runs: the daily one (at start if none was made today, then
checked every half hour), the one made when the window closes, and the jobs of the
backups page — all through ``backup_rotation`` and ``backup`` on the desk's backup
worker, so a minutes-long copy of a large station never freezes the window or holds up
the clerk's next deed. Nothing here touches a widget from the worker: results come back
as signals.

After each backup the audit chain's head is noted outside the database, as the command
line does, so a later start can tell whether the newest records went missing.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.runtime.config import Config
from app.views.common.errors import message_for
from app.views.shell.duty import Desk

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 30 * 60 * 1000  # a desk left running past midnight gets its daily copy
def automatic_backup(config: Config, now: dt.datetime, kind: str) -> str:
    """On the worker: the daily or close backup (with rotation); the file made, or ""
    when today's daily backup exists already."""
    from app.runtime import health
    from app.services import backup_rotation

    report = backup_rotation.run(config, now, kind)
    if report is None:
        return ""
    health.write_anchor(config)
    return report.path


def manual_backup(config: Config, now: dt.datetime) -> str:
    """On the worker: a backup kept until someone deletes it (never rotated)."""
    from app.runtime import health
    from app.services import backup

    report = backup.backup(config, now)
    health.write_anchor(config)
    return report.path


def encrypted_copy(config: Config, folder: Path, password: str, now: dt.datetime) -> Path:
    """On the worker: a fresh verified backup, encrypted with ``password`` into ``folder``.

    The plain copy lives only for the moment, beside the station's own data (never in a
    shared temporary folder: it holds every resident's personal data).
    """
    from app.services import backup, backup_crypto

    target = folder / f"station-{now:%Y%m%d-%H%M%S}.sdbackup"
    with tempfile.TemporaryDirectory(dir=config.data_dir) as scratch:
        plain = Path(scratch) / "copy.db"
        backup.backup_to(plain, config.data_dir / "keys")
        backup_crypto.encrypt_file(plain, target, password)
    return target


class BackupScheduler(QObject):
    """Runs the automatic backups of one open station."""

    backup_made = Signal(str)  # path of the new file
    backup_failed = Signal(str)  # what went wrong, in words

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.last_error = ""
        self.closing = False  # the close backup is under way
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def enabled(self) -> bool:
        """PostgreSQL stations are backed up with pg_dump, outside the desk."""
        return self.desk.config is not None and self.desk.config.is_sqlite

    def start(self) -> None:
        """The daily backup now if today has none, then a check every half hour."""
        if not self.enabled:
            return
        self._timer.start()
        self.run("daily")

    def stop(self) -> None:
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        self.run("daily")

    def run_close(self, finished: Callable[[], None], owner: QWidget | None = None) -> None:
        """The backup made as the window closes; ``owner`` shows its progress."""
        self.closing = True
        self.stop()
        self.run("close", finished, owner,
                 QCoreApplication.translate("Backups", "正在备份本站数据，完成后关闭…"))

    def run(self, kind: str, finished: Callable[[], None] | None = None,
            owner: QWidget | None = None, progress: str | None = None) -> None:
        """Start a ``daily`` or ``close`` backup; ``finished`` is called after it, whether
        it worked or not (closing must not hang on a full disk)."""
        if not self.enabled:
            if finished:
                finished()
            return
        config, now = self.desk.config, self.desk.base.clock.now()

        def done(path: str) -> None:
            if path:
                self.last_error = ""
                self.backup_made.emit(path)
            if finished:
                finished()

        def failed(exc: BaseException) -> None:
            log.error("%s backup failed: %s", kind, exc)
            self.last_error = message_for(exc)
            self.backup_failed.emit(self.last_error)
            if finished:
                finished()

        self.desk.backup_runner.run(owner or self, lambda: automatic_backup(config, now, kind),
                                    done, failed, progress)
