"""Backups are flushed to disk the way Windows allows: FlushFileBuffers (what os.fsync
calls there) needs a handle open for writing, and fails with "Permission denied" on a
read-only one, where POSIX fsync accepts any descriptor."""

import datetime as dt
import fcntl
import os
from pathlib import Path

import pytest

from app.models.db import is_sqlite
from app.runtime.config import resolve
from app.services import backup


@pytest.fixture
def windows_fsync(monkeypatch):
    posix_fsync = os.fsync

    def flush(fd: int) -> None:
        if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY:
            raise PermissionError(13, "Permission denied")
        posix_fsync(fd)

    monkeypatch.setattr(os, "fsync", flush)


def test_a_backup_is_written_where_fsync_needs_a_writable_handle(db, tmp_path, windows_fsync):
    if not is_sqlite():
        pytest.skip("a file backup is for SQLite stations")
    report = backup.backup_to(tmp_path / "backups" / "copy.db")
    assert Path(report.path).is_file() and not list((tmp_path / "backups").glob("*.partial"))


def test_a_restored_database_is_flushed_the_same_way(db, tmp_path, windows_fsync):
    if not is_sqlite():
        pytest.skip("a file restore is for SQLite stations")
    copy = Path(backup.backup_to(tmp_path / "copy.db").path)
    aside = backup.restore(resolve(tmp_path), copy, dt.datetime(2026, 1, 1, 9, 0))
    assert (tmp_path / "station.db").read_bytes() == copy.read_bytes() and aside.is_dir()
