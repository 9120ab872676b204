"""The integrity check's look at deeds and their public notice (公示): an approved deed has
exactly one award or deduction entry, a deed pending, on notice or rejected has none, a
deed on notice knows when its notice ends, an objection still open holds a deed on
notice, and a deed whose objection was upheld counted nothing."""

from __future__ import annotations

import peewee as pw

from app.models import Deed, LedgerEntry
from app.models.notice import Objection
from app.services.findings import Report


def deed_check(report: Report) -> None:
    """In SQL, not row by row: a station has a million deeds."""
    posted = (LedgerEntry.select(LedgerEntry.deed.alias("deed_id"),
                                 pw.fn.COUNT(LedgerEntry.seq).alias("n"))
              .where(LedgerEntry.kind.in_(("award", "deduct")), LedgerEntry.deed.is_null(False))
              .group_by(LedgerEntry.deed).alias("posted"))
    expected = pw.Case(None, [(Deed.status == "approved", 1)], 0)
    wrong = (Deed.select(pw.fn.COUNT(Deed.id))
             .join(posted, pw.JOIN.LEFT_OUTER, on=(posted.c.deed_id == Deed.id))
             .where(pw.fn.COALESCE(posted.c.n, 0) != expected).scalar())
    unended = Deed.select().where(Deed.status == "notice", Deed.notice_until.is_null()).count()
    if wrong:
        report.problems.append(f"{wrong} 条积分登记的状态与流水不符（已生效须恰有一条加/扣分流水，"
                               "待审核、公示中、已驳回的不得有）")
    if unended:
        report.problems.append(f"{unended} 条公示中的积分登记没有公示截止日")
    stray = (Objection.select(Objection.id).join(Deed)
             .where(((Objection.state == "open") & (Deed.status != "notice"))
                    | ((Objection.state == "upheld") & (Deed.status == "approved"))).count())
    if stray:
        report.problems.append(f"{stray} 条公示异议与积分登记的状态不符（未处理的异议须在公示中，"
                               "异议成立的不得生效）")
