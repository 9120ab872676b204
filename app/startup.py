"""Opening a station's database for the GUI or the command line: data directory,
single-writer lock, backup before migrating, migrations, and the start-up check."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path

from app.config import Config
from app.models import database, open_database
from app.models.migrations import migrate, needs_migration
from app.services.context import Clock, Context
from app.services.errors import DeskError

LOCK_FILE = "station.lock"


class StartupError(DeskError):
    code = "startup"
    zh = "{reason}"
    en = "{reason_en}"


class InstanceLock:
    """One process writes a SQLite file: a second copy of the app is refused, and told
    which PC and process hold the station."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_FILE
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "另一个进程"
            os.close(fd)
            raise StartupError(
                reason=f"本站数据正被另一个 StationDesk 使用（{holder}）。请先关闭那个窗口。",
                reason_en=f"Another StationDesk is using this station's data ({holder}).",
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{socket.gethostname()} pid {os.getpid()}".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _lock(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover - exercised on Windows desks
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


@dataclass
class Opened:
    config: Config
    context: Context
    lock: InstanceLock | None

    def close(self) -> None:
        database.close()
        if self.lock:
            self.lock.release()


def open_station(config: Config, clock: Clock | None = None, lock: bool = True) -> Opened:
    """Open and migrate the station's database; the caller signs a clerk in afterwards."""
    try:
        config.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StartupError(reason=f"无法创建数据目录 {config.data_dir}：{exc.strerror}",
                           reason_en=f"Cannot create {config.data_dir}: {exc.strerror}") from exc
    instance = InstanceLock(config.data_dir) if lock and config.is_sqlite else None
    if instance:
        instance.acquire()
    try:
        open_database(config.db_url)
        if config.is_sqlite and needs_migration():
            from app.services.backup import backup_before_migration

            backup_before_migration(config)
        migrate()
    except DeskError:
        if instance:
            instance.release()
        raise
    except Exception as exc:
        if instance:
            instance.release()
        raise StartupError(reason=f"无法打开数据库：{exc}",
                           reason_en=f"Cannot open the database: {exc}") from exc
    return Opened(config, Context(config.data_dir, clock or Clock()), instance)
