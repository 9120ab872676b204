"""Backups of the SQLite file with SQLite's online backup API, each verified before it
counts, and restore that keeps the current database aside first.

A backup is a complete copy taken while the desk keeps working; it counts only once it
has been opened and verified: SQLite's structural check, and the ledger, seals and audit
chain written since the station's verified checkpoint (``backup_check``); a copy
without one (an older schema, a station never checked) passes ``integrity_check`` and
re-sums its whole ledger to its balances.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.models import database
from app.models.db import is_sqlite
from app.runtime.config import SQLITE_SIDE_FILES, Config
from app.services.errors import DeskError

if TYPE_CHECKING:
    from app.services.checkpoint import Checkpoint


class BackupError(DeskError):
    code = "backup"
    zh = "备份/恢复失败：{reason}"
    en = "Backup or restore failed: {reason_en}"
    reason: str
    reason_en: str


@dataclass(frozen=True)
class BackupReport:
    path: str
    residents: int
    entries: int
    total_points: int
    size_bytes: int


def _verify_file(path: Path) -> BackupReport:
    """Open a database file read-only and check it as a backup must be checked."""
    if not path.is_file():
        raise BackupError(reason=f"找不到文件 {path}", reason_en=f"no file {path}")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchall()
            if [r[0] for r in result] != ["ok"]:
                raise BackupError(reason="文件已损坏", reason_en="the file is corrupt")
            mismatched = conn.execute(
                "SELECT COUNT(*) FROM resident r LEFT JOIN (SELECT resident_id, SUM(points) s "
                "FROM ledger_entry GROUP BY resident_id) l ON l.resident_id = r.id "
                "WHERE COALESCE(l.s, 0) != r.balance").fetchone()[0]
            if mismatched:
                raise BackupError(reason=f"{mismatched} 位居民余额与流水不符",
                                  reason_en=f"{mismatched} balances disagree with the ledger")
            residents, total = conn.execute(
                "SELECT COUNT(*), COALESCE(SUM(balance), 0) FROM resident").fetchone()
            entries = conn.execute("SELECT COUNT(*) FROM ledger_entry").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(reason=f"不是有效的 StationDesk 数据库（{exc}）",
                          reason_en=f"not a StationDesk database ({exc})") from exc
    return BackupReport(str(path), residents, entries, total, path.stat().st_size)


def verify(path: Path) -> BackupReport:
    return _verify_file(Path(path))


def check_source(config: Config, source: Path) -> None:
    """A restore reads from a backup: never from the live database (or its side files) or
    anything else inside the data directory but its backup folder."""
    source = Path(source).resolve()
    live = config.sqlite_path.resolve()
    if source in {live, *(Path(str(live) + s) for s in SQLITE_SIDE_FILES)}:
        raise BackupError(reason="不能用正在使用的数据库本身恢复，请选择一份备份",
                          reason_en="that is the live database itself; choose a backup")
    inside = config.data_dir.resolve()
    if source.is_relative_to(inside) and not source.is_relative_to(config.backup_dir.resolve()):
        raise BackupError(reason=f"{source} 在数据目录里，不是备份；"
                                 "请选择备份文件夹或 U 盘上的备份",
                          reason_en=f"{source} is inside the data folder and is not a backup")


def verify_for_restore(path: Path, keys_dir: Path, station_code: str | None) -> BackupReport:
    """Everything ``verify`` checks, and that the copy belongs to this station and was not
    edited: its station code, its signing keys open with this station's secret, every
    seal and the audit chain verify."""
    from app.models.migrations import guard_names
    from app.services import audit, integrity, keys, seal

    report = _verify_file(Path(path))
    key = seal.station_key(keys_dir)
    secret = seal.read_secret(keys_dir)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        def fetch(sql: str) -> list[tuple]:
            return conn.execute(sql).fetchall()

        code = conn.execute("SELECT code FROM station").fetchone()
        if code is None or (station_code and code[0] != station_code):
            theirs = code[0] if code else "—"
            raise BackupError(reason=f"这是 {theirs} 站的备份，不是本站（{station_code}）的",
                              reason_en=f"a backup of station {theirs}, not {station_code}")
        triggers = {name for (name,) in fetch("SELECT name FROM sqlite_master "
                                              "WHERE type = 'trigger'")}
        dropped = sorted(set(guard_names(sqlite=True)) - triggers)
        if dropped:
            raise BackupError(reason=f"备份被改动过：防改触发器被删除（{'、'.join(dropped)}）",
                              reason_en="the backup was altered (guards dropped)")
        columns = {row[1] for row in conn.execute("PRAGMA table_info(ledger_entry)")}
        if "mac" not in columns:
            raise BackupError(reason="此备份由旧版本制作，没有校验码，无法证明未被改动",
                              reason_en="made by an older version without seals; it cannot "
                                        "be shown to be unaltered")
        for (encrypted,) in fetch("SELECT private_key_encrypted FROM signing_key "
                                  "WHERE private_key_encrypted IS NOT NULL"):
            if not keys.opens(encrypted, secret):
                raise BackupError(reason="备份中的签名密钥与本站密钥文件不符",
                                  reason_en="its signing keys do not open with this "
                                            "station's secret") from None
        tables = {name for (name,) in fetch("SELECT name FROM sqlite_master WHERE type = 'table'")}
        # A backup from before a sealed table existed (the checkpoint) has none to verify.
        broken = seal.verify(fetch, key, [t for t in seal.SEALED if t in tables])
        if broken:
            raise BackupError(reason="备份被改动过：" + "；".join(b.describe() for b in broken),
                              reason_en="the backup was altered (seals do not verify)")
        chain = audit.verify_chain(fetch=fetch)
        if not chain.ok:
            raise BackupError(reason="备份的审计日志不完整：" + chain.problem,
                              reason_en="its audit log does not verify")
        roles = integrity.role_problems(fetch)
        if roles:
            raise BackupError(reason="备份被改动过：" + "；".join(roles),
                              reason_en="the backup was altered (a clerk's role)")
    except sqlite3.DatabaseError as exc:
        raise BackupError(reason=f"不是有效的 StationDesk 数据库（{exc}）",
                          reason_en=f"not a StationDesk database ({exc})") from exc
    finally:
        conn.close()
    return report


def _live_totals() -> tuple[int, int]:
    row = database.execute_sql(
        "SELECT COUNT(*), COALESCE(SUM(balance), 0) FROM resident").fetchone()
    return int(row[0]), int(row[1])


def _live_heads() -> Checkpoint:
    from app.services import checkpoint

    return checkpoint.heads()


def _verify_copy(path: Path, keys_dir: Path | None, heads: Checkpoint | None) -> BackupReport:
    from app.services import backup_check

    if keys_dir is None or heads is None:
        return _verify_file(path)
    try:
        found = backup_check.verify_copy(path, keys_dir, heads)
    except backup_check.CopyRefused as exc:
        raise BackupError(reason=exc.zh, reason_en=exc.en) from None
    if found is None:  # no checkpoint to verify from: the whole file
        return _verify_file(path)
    residents, entries, total = found
    return BackupReport(str(path), residents, entries, total, path.stat().st_size)


def backup_to(dest: Path, keys_dir: Path | None = None) -> BackupReport:
    """Copy the open SQLite database to ``dest`` and verify the copy against the live one:
    from its verified checkpoint on, with the station's ``keys_dir``; whole without."""
    if not is_sqlite():
        raise BackupError(reason="PostgreSQL 站点请用 pg_dump 备份（见 README）",
                          reason_en="back up PostgreSQL stations with pg_dump (see README)")
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    # Every resident's personal data: the copy is its user's only from the first byte.
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    target = sqlite3.connect(partial)
    try:
        # One snapshot: the totals are read inside the same read transaction as the copy.
        with database.atomic():
            live = _live_totals()
            heads = _live_heads() if keys_dir is not None else None
            database.connection().backup(target)
        # A copy is one self-contained file: no -wal/-shm beside it, now or when verified.
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
    try:
        report = _verify_copy(partial, keys_dir, heads)
    except BackupError:
        partial.unlink(missing_ok=True)
        raise
    if (report.residents, report.total_points) != live:
        partial.unlink(missing_ok=True)
        raise BackupError(reason="备份与当前数据不一致",
                          reason_en="the copy differs from the live data")
    with open(partial, "r+b") as fh:  # Windows flushes only through a writable handle
        os.fsync(fh.fileno())
    os.replace(partial, dest)
    return BackupReport(str(dest), report.residents, report.entries, report.total_points,
                        report.size_bytes)


@dataclass(frozen=True)
class BackupFile:
    """One backup on disk, as the desk lists it."""

    path: Path
    made_at: dt.datetime
    kind: str  # daily | close | manual | migration | other
    size_bytes: int


_STAMPED = re.compile(r"(?:station|before-migration)-(\d{8})-(\d{6})(?:-(\w+))?\.db$")


def list_backups(config: Config) -> list[BackupFile]:
    """The backup files in the station's backup folder, newest first. Time and kind come
    from the names this module gives; a file copied in by hand is listed by its time."""
    if not config.backup_dir.is_dir():
        return []
    found = []
    for path in config.backup_dir.glob("*.db"):
        try:
            stat = path.stat()
        except OSError:  # removed by the rotation meanwhile
            continue
        match = _STAMPED.match(path.name)
        if match:
            made = dt.datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
            kind = match.group(3) or "migration"
        else:
            made, kind = dt.datetime.fromtimestamp(stat.st_mtime), "other"
        found.append(BackupFile(path, made, kind, stat.st_size))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def default_name(now: dt.datetime, kind: str = "manual") -> str:
    return f"station-{now:%Y%m%d-%H%M%S}-{kind}.db"


def export_target(config: Config, dest: Path) -> Path:
    """Where ``backup --to`` may write: outside the data directory (a copy there protects
    against nothing and escapes the rotation) and never over an existing file."""
    target = Path(dest).expanduser().resolve()
    if target.is_relative_to(config.data_dir.resolve()):
        raise BackupError(reason=f"不能把备份复制到数据目录 {config.data_dir} 之内；请选择 U 盘等"
                                 "其他位置（本机的定期备份已在 backups 文件夹中）",
                          reason_en=f"the copy must go outside the data directory "
                                    f"{config.data_dir}")
    if target.exists() or target.is_symlink():
        raise BackupError(reason=f"{target} 已存在，不会覆盖；请换一个文件名",
                          reason_en=f"{target} exists and is not overwritten")
    return target


def backup(config: Config, now: dt.datetime, to: Path | None = None) -> BackupReport:
    if not config.is_sqlite:
        raise BackupError(reason="PostgreSQL 站点请用 pg_dump 备份（见 README）",
                          reason_en="back up PostgreSQL stations with pg_dump (see README)")
    return backup_to(to or config.backup_dir / default_name(now), config.data_dir / "keys")


def backup_before_migration(config: Config) -> Path:
    """A plain copy before the schema changes (nothing else has the file open yet)."""
    dest = config.backup_dir / f"before-migration-{dt.datetime.now():%Y%m%d-%H%M%S}.db"
    return Path(backup_to(dest).path)


def _new_folder(parent: Path, name: str) -> Path:
    """A folder of that name, or name-2, name-3…: a copy kept aside is never overwritten."""
    parent.mkdir(parents=True, exist_ok=True)
    for n in range(1, 1000):
        folder = parent / (name if n == 1 else f"{name}-{n}")
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        return folder
    raise BackupError(reason=f"{parent} 里已有太多 {name}", reason_en=f"too many {name} folders")


def _live_files(config: Config) -> list[Path]:
    live = config.sqlite_path
    return [Path(str(live) + suffix) for suffix in ("", *SQLITE_SIDE_FILES)] + [
        config.data_dir / "audit.anchor"]


def undo_restore(config: Config, aside: Path) -> None:
    """Put back the database a restore moved aside (the restore failed after the swap)."""
    if database.obj is not None:
        database.close()
    for current in _live_files(config):
        current.unlink(missing_ok=True)
        kept = aside / current.name
        if kept.exists():
            shutil.move(kept, current)
    aside.rmdir()


def restore(config: Config, source: Path, now: dt.datetime) -> Path:
    """Put a backup already verified by ``verify_for_restore`` in place of the SQLite
    database; the current one is moved to a new folder beside it first (returned), so a
    restore can itself be undone."""
    live = config.sqlite_path
    aside = _new_folder(config.data_dir, f"before-restore-{now:%Y%m%d-%H%M%S}")
    if database.obj is not None:
        database.close()
    # The audit anchor belongs to the database being replaced: it goes aside with it.
    for current in _live_files(config):
        if current.exists():
            shutil.move(current, aside / current.name)
    shutil.copyfile(source, live)
    with open(live, "r+b") as fh:  # Windows flushes only through a writable handle
        os.fsync(fh.fileno())
    return aside
