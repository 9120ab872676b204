"""Integrity checks: the database file, foreign keys, and every ledger invariant.

The whole check (``run_check``) is run by ``station-desk check``, in the background of
the desk and with every backup; the start-up check (``check_since``) verifies only what
was written after the verified checkpoint (app.services.checkpoint).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import peewee as pw

from app.models import (
    AuditRecord,
    LedgerEntry,
    Resident,
    Station,
    Voucher,
    VoucherResolution,
    database,
)
from app.models.db import is_sqlite
from app.models.district import Centre
from app.models.migrations import install_guards, missing_guards
from app.services import audit, checkpoint, seal
from app.services.errors import KeyUnavailable
from app.services.findings import Report
from app.services.notice_check import deed_check
from app.services.store_check import store_check

Progress = Callable[[int, int], None]  # (steps done, steps in all)




@contextlib.contextmanager
def snapshot() -> Iterator[None]:
    """One consistent view of the database for a whole check while desks keep writing
    (a deed recorded between two of its queries would look like a mismatch). SQLite: one
    read transaction; PostgreSQL: REPEATABLE READ. Writers are one at a time (see
    ``write_transaction``), so every row up to the newest one seen is committed."""
    outermost = database.transaction_depth() == 0  # else the caller's transaction is the view
    with database.atomic():
        if outermost and not is_sqlite():
            database.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def file_check(report: Report, quick: bool = False) -> None:
    if not is_sqlite():
        return
    pragma = "quick_check" if quick else "integrity_check"
    rows = [r[0] for r in database.execute_sql(f"PRAGMA {pragma}").fetchall()]
    if rows != ["ok"]:
        report.problems.append(f"数据库文件损坏（{pragma}）：" + "; ".join(rows[:5]))


def foreign_key_check(report: Report) -> None:
    if not is_sqlite():
        return
    fk = database.execute_sql("PRAGMA foreign_key_check").fetchall()
    if fk:
        report.problems.append(f"外键不一致：{len(fk)} 处")


def ledger_check(report: Report) -> None:
    """Balance = sum of entries for every resident; running balances agree; every voucher
    is paid for by exactly one issue entry and resolved at most once; refunds only for
    voided vouchers; reversals name an existing entry once."""
    sums = dict(LedgerEntry.select(LedgerEntry.resident, pw.fn.SUM(LedgerEntry.points))
                .group_by(LedgerEntry.resident).tuples())
    mismatched = 0
    for rid, cached in Resident.select(Resident.id, Resident.balance).tuples().iterator():
        if int(sums.get(rid) or 0) != cached:
            mismatched += 1
    if mismatched:
        report.problems.append(f"{mismatched} 位居民的余额与流水合计不符")
    # The newest entry of each resident carries the running balance.
    last_seq = (LedgerEntry.select(pw.fn.MAX(LedgerEntry.seq)).group_by(LedgerEntry.resident))
    stale = (LedgerEntry.select(LedgerEntry.resident, LedgerEntry.balance_after)
             .where(LedgerEntry.seq.in_(last_seq)).tuples())
    wrong_running = sum(1 for rid, after in stale if int(sums.get(rid) or 0) != after)
    if wrong_running:
        report.problems.append(f"{wrong_running} 位居民的最后一条流水余额不符")
    issued = dict(LedgerEntry.select(LedgerEntry.voucher_serial, pw.fn.SUM(LedgerEntry.points))
                  .where(LedgerEntry.kind == "issue").group_by(LedgerEntry.voucher_serial).tuples())
    refunds = dict(LedgerEntry.select(LedgerEntry.voucher_serial, pw.fn.COUNT(LedgerEntry.seq))
                   .where(LedgerEntry.kind == "refund")
                   .group_by(LedgerEntry.voucher_serial).tuples())
    voided = {s for (s,) in Voucher.select(Voucher.serial).join(VoucherResolution)
              .where(VoucherResolution.kind == "voided").tuples()}
    bad_vouchers = 0
    count = 0
    for serial, points in Voucher.select(Voucher.serial, Voucher.points).tuples().iterator():
        count += 1
        if issued.get(serial) != -points:
            bad_vouchers += 1
        if refunds.get(serial, 0) != (1 if serial in voided else 0):
            bad_vouchers += 1
    if bad_vouchers:
        report.problems.append(f"{bad_vouchers} 张兑换券的扣分/退回与记录不符")
    reversed_twice = (LedgerEntry.select(LedgerEntry.corrects)
                      .where(LedgerEntry.corrects.is_null(False))
                      .group_by(LedgerEntry.corrects).having(pw.fn.COUNT(LedgerEntry.seq) > 1)
                      .count())
    if reversed_twice:
        report.problems.append(f"{reversed_twice} 条流水被重复冲正")
    report.facts.update(residents=Resident.select().count(), entries=LedgerEntry.select().count(),
                        vouchers=count)


def guard_check(report: Report, repair: bool = True) -> None:
    """The append-only triggers must all be there; any that were dropped are reported and
    (``repair``) installed again at once."""
    missing = missing_guards()
    if missing and repair:
        install_guards()
        report.problems.append(f"防改触发器被删除（{'、'.join(missing)}），已重新安装")
    elif missing:
        report.problems.append(f"防改触发器被删除（{'、'.join(missing)}）")


def seal_check(report: Report, keys_dir: Path,
               since: checkpoint.Checkpoint | None = None) -> None:
    """Every ledger entry, voucher, resolution, operation and audit record (those after
    ``since``, when given) carries a valid seal; so does the checkpoint."""
    if not Station.select().exists() and not Centre.select().exists():
        return  # nothing is sealed before the station or centre (and its secret) is set up
    try:
        key = seal.station_key(keys_dir)
    except KeyUnavailable as exc:
        report.problems.append(f"无法校验记录的校验码：{exc.message()}")
        return
    tables = [t for t in seal.SEALED if since is None or t != checkpoint.TABLE]
    after = since.after() if since is not None else None
    for broken in seal.verify(lambda sql: database.execute_sql(sql), key, tables, after):
        report.problems.append(broken.describe())


def audit_cross_check(report: Report, after_seq: int | None = None) -> None:
    """Each redemption and void in the audit log (after record ``after_seq``, when given)
    still has its resolution (a deleted one would make the voucher spendable again), and
    each voucher issued is still on record (deleting it with its debit would give the
    points back); each clerk's role is the audited one."""
    records = AuditRecord.select(AuditRecord.action, AuditRecord.target, AuditRecord.detail).where(
        AuditRecord.action.in_([*_AUDITED_RESOLUTIONS, "voucher.issue"]))
    if after_seq is not None:
        records = records.where(AuditRecord.seq > after_seq)
    resolutions, issued = [], []
    for action, target, detail in records.tuples().iterator():
        if action == "voucher.issue":
            issued.extend(json.loads(detail).get("serials", []))
        else:
            resolutions.append((target, _AUDITED_RESOLUTIONS[action]))
    if after_seq is None:  # the whole log: read each table once
        resolved = set(Voucher.select(Voucher.serial, VoucherResolution.kind)
                       .join(VoucherResolution).tuples())
        on_record = {s for (s,) in Voucher.select(Voucher.serial).tuples()}
    else:  # a few new records: look up only the vouchers they name
        named = list({*issued, *(serial for serial, _ in resolutions)})
        resolved = set(Voucher.select(Voucher.serial, VoucherResolution.kind)
                       .join(VoucherResolution).where(Voucher.serial.in_(named)).tuples())
        on_record = {s for (s,) in Voucher.select(Voucher.serial)
                     .where(Voucher.serial.in_(named)).tuples()}
    lost = [serial for serial, kind in resolutions if (serial, kind) not in resolved]
    if lost:
        report.problems.append(f"{len(lost)} 张兑换券的核销/作废记录被删除："
                               + "、".join(lost[:10]))
    gone = [serial for serial in issued if serial not in on_record]
    if gone:
        report.problems.append(f"{len(gone)} 张已发放的兑换券记录被删除：" + "、".join(gone[:10]))
    report.problems.extend(role_problems(lambda sql: database.execute_sql(sql).fetchall()))


_AUDITED_RESOLUTIONS = {"voucher.redeem": "redeemed", "voucher.void": "voided"}


def role_problems(fetch: seal.Fetch) -> list[str]:
    """A clerk's role is set once, when the clerk is created, and the audit log says which:
    a role edited into the file (a clerk made admin) disagrees with it."""
    audited = {}
    for action, target, detail in fetch("SELECT action, target, detail FROM audit_record "
                                        "WHERE action IN ('clerk.create', 'station.init') "
                                        "ORDER BY seq"):
        data = json.loads(detail or "{}")
        if action == "station.init":
            audited.setdefault(data.get("admin"), "admin")
        else:
            audited.setdefault(target, data.get("role"))
    wrong = [name for name, role in fetch("SELECT username, role FROM clerk ORDER BY id")
             if audited.get(name) != role]
    return [f"经办人 {'、'.join(wrong)} 的角色与审计日志不符（被改动）"] if wrong else []


def audit_chain_check(report: Report, since: checkpoint.Checkpoint | None = None) -> None:
    chain = audit.verify_chain(
        since=(since.audit_seq, since.audit_hash) if since is not None else None)
    report.facts["audit_records"] = chain.records
    if not chain.ok:
        report.problems.append("审计日志：" + chain.problem)


class _Cancelled(Exception):
    pass


@contextlib.contextmanager
def _interruptible(cancelled: Callable[[], bool] | None) -> Iterator[None]:
    """Let ``cancelled`` stop even one long statement (integrity_check of a large file)."""
    if cancelled is None or not is_sqlite():
        yield
        return
    conn = database.connection()
    conn.set_progress_handler(lambda: 1 if cancelled() else 0, 100_000)
    try:
        yield
    except pw.OperationalError as exc:
        if cancelled() and "interrupt" in str(exc):
            raise _Cancelled from None
        raise
    finally:
        conn.set_progress_handler(None, 0)


def run_check(keys_dir: Path, quick: bool = False, progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None, repair: bool = True) -> Report:
    """The whole check, in steps: ``progress(done, total)`` after each; ``cancelled()``
    is asked between steps and during the long ones (the report then says so). Its
    ``verified`` is what it saw when it began, for ``checkpoint.advance`` on success."""
    report = Report()
    steps: list[Callable[[], None]] = [
        lambda: file_check(report, quick=quick),
        lambda: foreign_key_check(report),
        lambda: guard_check(report, repair),  # it may write (guards put back): before the snapshot
        lambda: ledger_check(report),
        lambda: store_check(report),
        lambda: deed_check(report),
        lambda: seal_check(report, keys_dir),
        lambda: audit_cross_check(report),
        lambda: audit_chain_check(report),
    ]
    snapshot_from = 3
    try:
        with _interruptible(cancelled), contextlib.ExitStack() as stack:
            for done, step in enumerate(steps, start=1):
                if cancelled is not None and cancelled():
                    raise _Cancelled
                if done == snapshot_from + 1:
                    stack.enter_context(snapshot())
                    report.verified = checkpoint.heads()
                step()
                if progress is not None:
                    progress(done, len(steps))
                if done == 1 and not report.ok:
                    break  # a damaged file: the rest would only read garbage
    except _Cancelled:
        report.cancelled = True
    return report


def check_since(keys_dir: Path, since: checkpoint.Checkpoint) -> Report:
    """The start-up check: only what was written after ``since`` (see recent_ledger_check),
    its seals, the audit chain on from the checkpoint's record, the audit cross-check of
    the new records, and the cheap whole checks (the guards, the clerks' roles)."""
    from app.services.recent import recent_ledger_check

    report = Report()
    guard_check(report)
    with snapshot():
        report.verified = checkpoint.heads()
        recent_ledger_check(report, since)
        store_check(report, since=since)
        seal_check(report, keys_dir, since)
        audit_cross_check(report, after_seq=since.audit_seq)
        audit_chain_check(report, since)
    return report
