"""Opening a station's database for the GUI or the command line: data directory,
single-writer lock, backup before migrating, migrations, and the start-up check."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field
from pathlib import Path

from app.models import database, open_database
from app.models.migrations import SEALED_SINCE, current_version, migrate, needs_migration
from app.runtime import health, kept_findings
from app.runtime.config import Config, make_private
from app.services import seal
from app.services.context import Clock, Context
from app.services.errors import DeskError


class StartupError(DeskError):
    code = "startup"
    zh = "{reason}"
    en = "{reason_en}"
    reason: str
    reason_en: str


class StationInUse(StartupError):
    """Another process holds the station's single-writer lock."""


class InstanceLock:
    """One process writes a SQLite file: a second copy of the app is refused, and told
    which PC and process hold the station. The lock sits beside the database file, so
    two data directories naming the same file (``--db``) still exclude each other."""

    def __init__(self, database_file: Path) -> None:
        self.path = database_file.with_name(database_file.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StartupError(
                reason=f"数据目录 {self.path.parent} 不可写（{exc.strerror}）："
                       "U 盘或磁盘是否已拔出、只读或已满？请检查后重新启动。",
                reason_en=f"The data folder {self.path.parent} is not writable ({exc.strerror}).",
            ) from None
        try:
            _lock(fd)
        except OSError:
            os.lseek(fd, 0, os.SEEK_SET)  # no os.pread on Windows
            holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "另一个进程"
            os.close(fd)
            raise StationInUse(
                reason=f"本站数据正被另一个 StationDesk 使用（{holder}）。请先关闭那个窗口。",
                reason_en=f"Another StationDesk is using this station's data ({holder}).",
            ) from None
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)  # no os.pwrite on Windows
        os.write(fd, f"{socket.gethostname()} pid {os.getpid()}".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


# Windows locks a byte range, and a locked byte cannot be read by another process: the
# lock sits past the holder's name so a second desk can still read who holds the station.
_NT_LOCK_OFFSET = 4096


def _lock(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover - exercised on Windows desks
        import msvcrt

        os.lseek(fd, _NT_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


@dataclass
class Opened:
    config: Config
    context: Context
    lock: InstanceLock | None
    warnings: list[str] = field(default_factory=list)
    reading: bool = False  # opened beside the desk that holds the lock: nothing is written
    # Never checked before: writes wait for the whole check the caller runs in the background.
    whole_check_due: bool = False

    def close(self) -> None:
        if not database.is_closed() and not self.reading:
            health.write_anchor(self.config)
        database.close()
        if self.lock:
            self.lock.release()


def close_connection() -> None:
    """Close this thread's connection to the station's database, if it has one (a worker
    thread's, before the station closes)."""
    if database.obj is not None and not database.is_closed():
        database.close()


def _abandon(instance: InstanceLock | None) -> None:
    if database.obj is not None:
        database.close()
    if instance:
        instance.release()


def open_station(config: Config, clock: Clock | None = None, lock: bool = True,
                 check: bool = True, whole_in_background: bool = False,
                 ledger_check: bool = True) -> Opened:
    """Open, check and migrate the station's database; the caller signs a clerk in after.

    With ``check`` (always, except for ``check`` and ``restore`` themselves) a database
    that fails the start-up check raises ``DamagedDatabase`` before anything is written.
    ``whole_in_background`` (the desk): a station never checked before (the first start
    after an upgrade) is not checked whole here, which takes minutes on a large one; its
    writes wait (``whole_check_due``) until the caller's background whole check passes.
    Without ``ledger_check`` (``backup``, which verifies the same rows in its copy) a
    station checked before is opened after its file's schema and audit anchor only.
    """
    return _open(config, clock, lock, check, whole_in_background=whole_in_background,
                 ledger_check=ledger_check)


def open_for_reading(config: Config, clock: Clock | None = None) -> Opened:
    """Open the station beside the desk that holds its lock, for a command that only
    reads (SQLite's WAL lets readers in beside the one writer): no lock, no start-up
    check (it moves the checkpoint: a write; the desk checked at its own start), no
    migration and no placement; refused when the schema would need a migration."""
    return _open(config, clock, lock=False, check=False, reading=True)


def _open(config: Config, clock: Clock | None, lock: bool, check: bool,
          reading: bool = False, whole_in_background: bool = False,
          ledger_check: bool = True) -> Opened:
    try:
        make_private(config)
    except OSError as exc:
        raise StartupError(reason=f"无法创建数据目录 {config.data_dir}：{exc.strerror}",
                           reason_en=f"Cannot create {config.data_dir}: {exc.strerror}") from exc
    deferred = False
    instance = InstanceLock(config.sqlite_path) if lock and config.is_sqlite else None
    if instance:
        instance.acquire()
    try:
        existed = not config.is_sqlite or config.sqlite_path.exists()
        open_database(config.db_url)
        if check and existed:
            problems = health.storage_problems(config)
            if problems:
                raise health.damaged(config, problems)
            found_before = kept_findings.recalled(config)
            if found_before:
                raise health.damaged(config, found_before, health.FailedWholeCheck)
        before = current_version()
        unsealed = before is not None and before < SEALED_SINCE
        if unsealed and seal.is_marked_sealed(config.data_dir / "keys"):
            raise health.damaged(config, [
                "数据库的版本被改回了没有校验码的旧版本，而本站的记录早已加上校验码"
                "（有人想借升级给伪造的记录加上校验码）"])
        if reading and needs_migration():
            raise StartupError(
                reason="本站数据库需要升级：请先关闭前台窗口，再运行此命令。",
                reason_en="The database needs an upgrade: close the desk first.")
        if config.is_sqlite and needs_migration():
            from app.services.backup import backup_before_migration

            backup_before_migration(config)
        migrate()
        if unsealed:
            seal.seal_existing(config.data_dir / "keys")
        never = (check and config.is_sqlite and (whole_in_background or not ledger_check)
                 and health.never_checked(config))
        deferred = never and whole_in_background
        health.hold_until_checked(deferred)
        # A station never checked is checked whole here (but for the desk's background
        # check): it sets the checkpoint a backup's copy is then verified from.
        ledger = check and not deferred and (ledger_check or never)
        if check:
            problems = (health.ledger_problems(config) if ledger else []) + \
                health.anchor_problems(config)
            if problems:
                raise health.damaged(config, problems)
        if config.is_sqlite and not reading:
            from app.services import placement

            # A copy opened elsewhere holds its writes; an unchecked (perhaps damaged)
            # database is never written to, so its first place waits for a checked open.
            placement.settle(clock or Clock(), record=ledger)
    except DeskError:
        _abandon(instance)
        raise
    except Exception as exc:
        _abandon(instance)
        raise StartupError(reason=f"无法打开数据库：{exc}",
                           reason_en=f"Cannot open the database: {exc}") from exc
    warnings = health.space_warnings(config) if config.is_sqlite else []
    return Opened(config, Context(config.data_dir, clock or Clock()), instance, warnings,
                  reading, deferred)
