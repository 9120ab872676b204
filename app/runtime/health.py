"""The start-up health check: is this database safe to write to?

Whether the file reads as a database (before migrations, which write), the ledger
invariants over what was written since the verified checkpoint, and the audit anchor:
the audit chain's head noted outside the database at each clean close and backup, which
must still be in the chain (a lost WAL or a swapped-in older file would drop it). Its
cost follows the writes since the last check, not the station's size; the whole-file
checks (``full_check``) run on demand, in the background and with every backup. A
database that fails is never written to; the clerk is told what is wrong and offered
the newest verified backup.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from app.runtime.config import Config
from app.services.errors import DeskError
from app.services.findings import Report

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


class FailedWholeCheck(DamagedDatabase):
    """The whole-file check (the desk's background check after sign-in, or
    ``station-desk check``) found faults the start-up check, which reads only what is new,
    could not see; remembered until a whole check passes (``kept_findings``)."""

    code = "failed_whole_check"
    zh = "数据库整体检查发现问题，本站已停止写入：{problems}。{advice}"
    en = ("The check of the whole database found problems; nothing more will be written: "
          "{problems_en}. {advice_en}")


class WholeCheckRunning(DeskError):
    """A station never checked before (the first start after an upgrade) is checked whole
    in the background while the desk shows sign-in; nothing is written until it passes."""

    code = "whole_check_running"
    zh = ("本站（升级后首次启动）正在后台检查全部数据，通过之前暂不能登记或修改，查询不受影响。"
          "请稍候再试。")
    en = ("The first start after an upgrade checks the whole database in the background; "
          "nothing can be written until it passes (looking things up works). Try again soon.")


def never_checked(config: Config) -> bool:
    """A set-up station with no verified checkpoint yet: its start would check it whole.
    (An edited checkpoint or a missing secret is not this: the start-up check says so.)"""
    from app.models import Station
    from app.services import checkpoint

    if not Station.select().exists():
        return False
    try:
        return checkpoint.read(config.data_dir / "keys") is None
    except (checkpoint.CheckpointEdited, DeskError):
        return False


def hold_until_checked(held: bool) -> None:
    """Writes wait for the whole check (``WholeCheckRunning``), or go on after its pass."""
    from app.models.db import hold_until_checked as hold

    hold(WholeCheckRunning if held else None)


def stop_writes(damage: DamagedDatabase) -> None:
    """Refuse every business write to the open database with ``damage`` from now on, as a
    failed start-up check leaves the file unwritten (the desk's background check found it)."""
    from app.models.db import hold_writes

    hold_writes(lambda: damage)


def storage_problems(config: Config) -> list[str]:
    """Whether the file reads as a database at all (its schema): cheap at any size. The
    whole-file checks run in ``full_check``, ``station-desk check`` and every backup."""
    try:
        from app.models import database

        database.execute_sql("SELECT COUNT(*) FROM sqlite_master" if config.is_sqlite
                             else "SELECT 1").fetchall()
    except Exception as exc:  # noqa: BLE001 - any failure to read the file is the finding
        return [f"数据库文件无法读取（{exc}）"]
    return []


def ledger_problems(config: Config) -> list[str]:
    """The start-up check: what was written after the verified checkpoint (everything,
    once, on a station that has none yet); on success the checkpoint moves to it."""
    from app.models import Station
    from app.services import checkpoint, integrity

    keys = config.data_dir / "keys"
    if not Station.select().exists():
        report = Report()
        integrity.guard_check(report)  # nothing is sealed before the station is set up
        return report.problems
    try:
        since = checkpoint.read(keys)
    except checkpoint.CheckpointEdited as exc:
        return [str(exc)]
    except DeskError as exc:  # no station secret: no seal can be verified
        return [f"无法校验记录的校验码：{exc.message()}"]
    report = _whole_ledger(keys) if since is None else integrity.check_since(keys, since)
    if report.ok and report.verified is not None:
        checkpoint.advance(keys, report.verified)
    return report.problems


def _whole_ledger(keys: Path) -> Report:
    """Every ledger invariant, the seals and the audit chain, in one snapshot (a station
    from before checkpoints, or one whose checkpoint was removed): once."""
    from app.services import checkpoint, integrity

    report = Report()
    integrity.guard_check(report)
    with integrity.snapshot():
        report.verified = checkpoint.heads()
        integrity.ledger_check(report)
        integrity.seal_check(report, keys)
        integrity.audit_cross_check(report)
        integrity.audit_chain_check(report)
    return report


def full_check(config: Config, progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None, write: bool = True) -> Report:
    """The whole check of the open database (integrity_check, foreign keys, every ledger
    invariant, every seal, the whole audit chain), for ``station-desk check`` and the
    desk's background check: ``progress(done, total)`` after each step; ``cancelled()``
    stops it (``report.cancelled``). A pass advances the checkpoint to what it saw when
    it began. Call it on a thread of its own: it takes a while on a large station.
    ``write=False`` (opened without the lock): the checkpoint stays and dropped guards
    are only reported."""
    from app.runtime import kept_findings
    from app.services import checkpoint, integrity

    keys = config.data_dir / "keys"
    report = integrity.run_check(keys, progress=progress, cancelled=cancelled, repair=write)
    if not report.cancelled:
        if report.ok:
            kept_findings.forget(config)
        else:
            kept_findings.remember(config, report.problems)
    if write and report.ok and report.verified is not None:
        from app.models import Station

        if Station.select().exists():
            checkpoint.advance(keys, report.verified)
    return report


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


def damaged(config: Config, problems: list[str],
            kind: type[DamagedDatabase] = DamagedDatabase) -> DamagedDatabase:
    newest = newest_verified_backup(config) if config.is_sqlite else None
    if newest:
        advice = f"可从最近一份已校验的备份恢复：station-desk restore {newest}"
        advice_en = f"Restore the newest verified backup: station-desk restore {newest}"
    else:
        advice, advice_en = "请联系管理员。", "Call your administrator."
    return kind(problems="；".join(problems), advice=advice, advice_en=advice_en,
                problems_en="; ".join(problems), backup=newest)
