"""Integrity checks: the database file, foreign keys, and every ledger invariant.

Used by ``station-desk check``, at start-up, and on every backup before it counts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
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
from app.models.migrations import install_guards, missing_guards
from app.services import audit, seal
from app.services.errors import KeyUnavailable


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    facts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def storage_check(report: Report, quick: bool = True) -> None:
    if not is_sqlite():
        return
    pragma = "quick_check" if quick else "integrity_check"
    rows = [r[0] for r in database.execute_sql(f"PRAGMA {pragma}").fetchall()]
    if rows != ["ok"]:
        report.problems.append(f"数据库文件损坏（{pragma}）：" + "; ".join(rows[:5]))
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


def guard_check(report: Report) -> None:
    """The append-only triggers must all be there; any that were dropped are reported and
    installed again at once."""
    missing = missing_guards()
    if missing:
        install_guards()
        report.problems.append(f"防改触发器被删除（{'、'.join(missing)}），已重新安装")


def seal_check(report: Report, keys_dir: Path) -> None:
    """Every ledger entry, voucher, resolution and audit record carries a valid seal."""
    if not Station.select().exists():
        return  # nothing is sealed before the station (and its secret) is set up
    try:
        key = seal.station_key(keys_dir)
    except KeyUnavailable as exc:
        report.problems.append(f"无法校验记录的校验码：{exc.message()}")
        return
    for broken in seal.verify(lambda sql: database.execute_sql(sql), key):
        report.problems.append(broken.describe())


def audit_cross_check(report: Report) -> None:
    """Each redemption and void in the audit log still has its resolution (a deleted one
    would make the voucher spendable again), and each voucher issued is still on record
    (deleting it with its debit would give the points back)."""
    resolved = set(Voucher.select(Voucher.serial, VoucherResolution.kind).join(VoucherResolution)
                   .tuples())
    lost = [rec.target for rec in AuditRecord.select(AuditRecord.action, AuditRecord.target)
            .where(AuditRecord.action.in_(list(_AUDITED_RESOLUTIONS)))
            if (rec.target, _AUDITED_RESOLUTIONS[rec.action]) not in resolved]
    if lost:
        report.problems.append(f"{len(lost)} 张兑换券的核销/作废记录被删除："
                               + "、".join(lost[:10]))
    on_record = {s for (s,) in Voucher.select(Voucher.serial).tuples()}
    gone = [serial for (detail,) in AuditRecord.select(AuditRecord.detail)
            .where(AuditRecord.action == "voucher.issue").tuples()
            for serial in json.loads(detail).get("serials", []) if serial not in on_record]
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


def run_check(keys_dir: Path, quick: bool = False) -> Report:
    report = Report()
    storage_check(report, quick=quick)
    if report.ok:
        guard_check(report)
        ledger_check(report)
        seal_check(report, keys_dir)
        audit_cross_check(report)
        chain = audit.verify_chain()
        report.facts["audit_records"] = chain.records
        if not chain.ok:
            report.problems.append("审计日志：" + chain.problem)
    return report
