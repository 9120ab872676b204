"""The start-up health check: is this database safe to write to?

A quick storage check (before migrations, which write), the foreign-key check, every
ledger invariant, and the audit anchor: the audit chain's head noted outside the
database at each clean close and backup, which must still be in the chain (a lost WAL
or a swapped-in older file would drop it). A database that fails is never written to;
the clerk is told what is wrong and offered the newest verified backup.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from app.runtime.config import Config
from app.services.errors import DeskError

ANCHOR_FILE = "audit.anchor"
LOW_SPACE_BYTES = 200 * 1024 * 1024


class DamagedDatabase(DeskError):
    code = "damaged_database"
    zh = "数据库未通过启动检查，已停止写入：{problems}。{advice}"
    en = ("The database failed its start-up check and will not be written to: {problems_en}. "
          "{advice_en}")
    problems: str
    problems_en: str
    advice: str
    advice_en: str
    backup: Path | None = None  # the newest verified backup, offered for restoring


FULL_CHECK_BYTES = 256 * 1024 * 1024


def storage_problems(config: Config) -> list[str]:
    """integrity_check (quick_check on a file over 256 MB, whose full check runs with every
    backup instead) and foreign_key_check; a file that is not a database says so."""
    from app.services import integrity

    report = integrity.Report()
    quick = config.is_sqlite and config.sqlite_path.stat().st_size > FULL_CHECK_BYTES
    try:
        integrity.storage_check(report, quick=quick)
    except Exception as exc:  # noqa: BLE001 - any failure to read the file is the finding
        return [f"数据库文件无法读取（{exc}）"]
    return report.problems


def ledger_problems(config: Config) -> list[str]:
    """Every ledger invariant, the seals, the append-only guards (put back if dropped) and
    the redemptions the audit log knows of."""
    from app.services import integrity

    report = integrity.Report()
    integrity.guard_check(report)
    integrity.ledger_check(report)
    integrity.seal_check(report, config.data_dir / "keys")
    integrity.audit_cross_check(report)
    return report.problems


def anchor_path(config: Config) -> Path:
    return config.data_dir / ANCHOR_FILE


def anchor_problems(config: Config) -> list[str]:
    from app.models import AuditRecord

    path = anchor_path(config)
    if not path.exists():
        return []
    head = path.read_text(encoding="ascii").strip()
    if head and not AuditRecord.select().where(AuditRecord.hash == head).exists():
        return ["最近的操作记录不见了（数据库文件可能被替换，或 WAL 文件丢失）"]
    return []


def write_anchor(config: Config) -> None:
    """Note the audit chain's head outside the database (clean close, after a backup)."""
    from app.models import AuditRecord

    last = AuditRecord.select(AuditRecord.hash).order_by(AuditRecord.seq.desc()).first()
    if last is None:
        return
    path = anchor_path(config)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(last.hash, encoding="ascii")
    os.replace(tmp, path)


def space_warnings(config: Config) -> list[str]:
    try:
        free = shutil.disk_usage(config.data_dir).free
    except OSError:
        return []
    if free < LOW_SPACE_BYTES:
        return [f"磁盘剩余空间不足（{free // (1024 * 1024)} MB）：请尽快清理，否则可能无法保存。"]
    return []


def newest_verified_backup(config: Config) -> Path | None:
    from app.services import backup

    candidates = sorted(config.backup_dir.glob("*.db"), key=lambda p: p.stat().st_mtime,
                        reverse=True) if config.backup_dir.is_dir() else []
    for path in candidates:
        try:
            backup.verify(path)
        except DeskError:
            continue
        return path
    return None


def damaged(config: Config, problems: list[str]) -> DamagedDatabase:
    newest = newest_verified_backup(config) if config.is_sqlite else None
    if newest:
        advice = f"可从最近一份已校验的备份恢复：station-desk restore {newest}"
        advice_en = f"Restore the newest verified backup: station-desk restore {newest}"
    else:
        advice, advice_en = "请联系管理员。", "Call your administrator."
    return DamagedDatabase(problems="；".join(problems), advice=advice, advice_en=advice_en,
                           problems_en="; ".join(problems), backup=newest)
