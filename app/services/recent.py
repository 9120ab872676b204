"""The ledger invariants over what was written after a verified checkpoint: the work of
the start-up check grows with the day's writes, not with the station's history.

For each resident with new entries the running balance chains on from their last entry
at or before the checkpoint, and the cached balance is the last one; every voucher
touched since (new, newly resolved, or named by a new entry) is paid by its issue
entries and refunded exactly when voided; no entry is reversed twice by a new reversal.
Rows before the checkpoint were verified by an earlier check; the whole check
(``integrity.run_check``) verifies them again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from app.models import database

if TYPE_CHECKING:
    from app.services.checkpoint import Checkpoint
    from app.services.findings import Report

# Runs SQL written with ``?`` placeholders: on the open database, or on a backup copy.
Rows = Callable[[str, Sequence[object]], list[tuple]]


def live_rows(sql: str, params: Sequence[object]) -> list[tuple]:
    return database.execute_sql(sql.replace("?", database.param), tuple(params)).fetchall()


def recent_ledger_check(report: Report, since: Checkpoint, rows: Rows = live_rows) -> None:
    _balances(report, since.ledger_seq, rows)
    _vouchers(report, since, rows)
    _reversals(report, since.ledger_seq, rows)


def _balances(report: Report, after: int, run: Rows) -> None:
    starts = {rid: (cached, start) for rid, cached, start in run(
        "SELECT r.id, r.balance, (SELECT p.balance_after FROM ledger_entry p "
        "WHERE p.resident_id = r.id AND p.seq <= ? ORDER BY p.seq DESC LIMIT 1) "
        "FROM resident r WHERE r.id IN (SELECT resident_id FROM ledger_entry WHERE seq > ?)",
        (after, after))}
    running = {rid: start or 0 for rid, (_, start) in starts.items()}
    broken_chain: set[int] = set()
    entries = 0
    for rid, points, balance_after in run(
            "SELECT resident_id, points, balance_after FROM ledger_entry WHERE seq > ? "
            "ORDER BY seq", (after,)):
        entries += 1
        if running.get(rid, 0) + points != balance_after:
            broken_chain.add(rid)
        running[rid] = balance_after
    if broken_chain:
        report.problems.append(f"{len(broken_chain)} 位居民的流水余额不连贯（上次检查之后）")
    cached_wrong = sum(1 for rid, (cached, _) in starts.items() if cached != running[rid])
    if cached_wrong:
        report.problems.append(f"{cached_wrong} 位居民的余额与流水合计不符")
    report.facts.update(new_entries=entries, residents_touched=len(starts))


def _vouchers(report: Report, since: Checkpoint, run: Rows) -> None:
    rows = run(
        "SELECT v.serial, v.points, "
        "(SELECT SUM(e.points) FROM ledger_entry e "
        " WHERE e.voucher_serial = v.serial AND e.kind = 'issue'), "
        "(SELECT COUNT(*) FROM ledger_entry e "
        " WHERE e.voucher_serial = v.serial AND e.kind = 'refund'), "
        "(SELECT r.kind FROM voucher_resolution r WHERE r.voucher_id = v.id) "
        "FROM voucher v WHERE v.id IN ("
        " SELECT id FROM voucher WHERE id > ?"
        " UNION SELECT voucher_id FROM voucher_resolution WHERE id > ?"
        " UNION SELECT w.id FROM ledger_entry e JOIN voucher w ON w.serial = e.voucher_serial"
        "  WHERE e.seq > ?)",
        (since.voucher_id, since.resolution_id, since.ledger_seq))
    bad = [serial for serial, points, issued, refunds, resolution in rows
           if issued != -points or refunds != (1 if resolution == "voided" else 0)]
    if bad:
        report.problems.append(f"{len(bad)} 张兑换券的扣分/退回与记录不符：" + "、".join(bad[:10]))
    report.facts["vouchers_touched"] = len(rows)


def _reversals(report: Report, after: int, run: Rows) -> None:
    twice = run(
        "SELECT corrects_id FROM ledger_entry WHERE corrects_id IN ("
        " SELECT corrects_id FROM ledger_entry WHERE seq > ? AND corrects_id IS NOT NULL) "
        "GROUP BY corrects_id HAVING COUNT(*) > 1", (after,))
    if twice:
        report.problems.append(f"{len(twice)} 条流水被重复冲正")
