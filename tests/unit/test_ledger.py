"""The append-only ledger: admin corrections (adjust, reverse once), year-end expiry,
balances as the sum of entries, and the database refusing to change history."""

from __future__ import annotations

import datetime as dt

import peewee
import pytest

from app.models import LedgerEntry, database
from app.models.db import is_sqlite
from app.services import deeds, integrity, ledger, redemption, residents, station, vouchers
from app.services.errors import (
    AlreadyReversed,
    EntryNotFound,
    InvalidInput,
    NotReversible,
    PermissionDenied,
    ReasonRequired,
)
from app.services.residents import ResidentInput


def entry_sum(resident_id: int) -> int:
    return sum(e.points for e in LedgerEntry.select().where(LedgerEntry.resident == resident_id))


def test_adjust_posts_an_entry_with_reason_and_clerk(ctx, resident):
    """An admin adjustment is an entry naming who made it and why."""
    result = ledger.adjust(ctx, resident.id, 15, "纸质台账补录")
    assert (result.points, result.balance) == (15, 15)
    entry = LedgerEntry.get_by_id(result.seq)
    assert (entry.kind, entry.reason, entry.clerk_id) == ("adjust", "纸质台账补录",
                                                          ctx.actor.clerk_id)
    assert ledger.adjust(ctx, resident.id, -20, "多记更正").balance == -5


def test_adjust_is_admin_only(clerk_ctx, resident, counts):
    """A clerk cannot adjust points; nothing but the refusal's audit record is written."""
    before = counts()
    with pytest.raises(PermissionDenied):
        ledger.adjust(clerk_ctx, resident.id, 10, "想加分")
    after = counts()
    assert after.pop("audit_record") == before.pop("audit_record") + 1
    assert after == before


@pytest.mark.parametrize("points, reason, error", [
    (10, "", ReasonRequired), (10, "  ", ReasonRequired), (0, "无", InvalidInput),
    (1.5, "小数", InvalidInput), ("10", "文本", InvalidInput),
])
def test_adjust_validation(ctx, resident, counts, points, reason, error):
    """An adjustment needs a reason and a non-zero whole number."""
    before = counts()
    with pytest.raises(error):
        ledger.adjust(ctx, resident.id, points, reason)
    assert counts() == before


def test_reverse_cancels_an_award_once(ctx, resident):
    """A reversal is an equal and opposite entry naming the one it corrects; only once."""
    deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND")
    award = LedgerEntry.get(LedgerEntry.kind == "award")
    result = ledger.reverse(ctx, award.seq, "误登记")
    assert (result.points, result.balance) == (-2, 0)
    reversal = LedgerEntry.get_by_id(result.seq)
    assert (reversal.kind, reversal.corrects_id, reversal.deed_id) == ("reversal", award.seq,
                                                                        award.deed_id)
    with pytest.raises(AlreadyReversed):
        ledger.reverse(ctx, award.seq, "再冲一次")
    assert ledger.balance(resident.id) == 0


def test_reverse_a_deduction_and_an_adjustment(ctx, resident):
    """Deductions and adjustments can be reversed too."""
    deeds.record_deed(ctx, resident.id, "LITTERING")
    deduct = LedgerEntry.get(LedgerEntry.kind == "deduct")
    assert ledger.reverse(ctx, deduct.seq, "认定有误").balance == 0
    adjust = ledger.adjust(ctx, resident.id, 7, "补录")
    assert ledger.reverse(ctx, adjust.seq, "重复补录").balance == 0


def test_reverse_refuses_other_kinds(ctx, resident, give):
    """Voucher issues and reversals are not reversible; unknown entries are not found."""
    give(resident.id, 10)
    vouchers.issue(ctx, resident.id, 5)
    issue = LedgerEntry.get(LedgerEntry.kind == "issue")
    with pytest.raises(NotReversible):
        ledger.reverse(ctx, issue.seq, "想退券")
    adjust = LedgerEntry.get(LedgerEntry.kind == "adjust")
    reversal = ledger.reverse(ctx, adjust.seq, "冲正")
    with pytest.raises(NotReversible):
        ledger.reverse(ctx, reversal.seq, "冲正的冲正")
    with pytest.raises(EntryNotFound):
        ledger.reverse(ctx, 99999, "不存在")


def test_reverse_is_admin_only_and_needs_reason(ctx, clerk_ctx, resident, give):
    """Only an admin reverses, and only with a reason."""
    seq = ledger.adjust(ctx, resident.id, 3, "补录").seq
    with pytest.raises(PermissionDenied):
        ledger.reverse(clerk_ctx, seq, "冲正")
    with pytest.raises(ReasonRequired):
        ledger.reverse(ctx, seq, " ")
    assert ledger.balance(resident.id) == 3


def test_expire_balances_clears_and_is_idempotent(ctx, resident, clock):
    """Year-end clearing expires what was earned up to the cutoff; a rerun is refused and
    changes nothing."""
    other = residents.register(ctx, ResidentInput(name="李四"))
    debtor = residents.register(ctx, ResidentInput(name="王五"))
    deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", 5, deed_date=dt.date(2026, 11, 1))
    deeds.record_deed(ctx, other.id, "LOST_AND_FOUND", 2, deed_date=dt.date(2026, 11, 1))
    deeds.record_deed(ctx, other.id, "LOST_AND_FOUND", 1)  # after the cutoff: kept
    deeds.record_deed(ctx, debtor.id, "LITTERING")
    cutoff = dt.date(2026, 11, 22)
    first = ledger.expire_balances(ctx, cutoff)
    assert first.as_dict() == {"residents": 2, "points": 14}
    assert [ledger.balance(r) for r in (resident.id, other.id, debtor.id)] == [0, 2, -2]
    with pytest.raises(InvalidInput):
        ledger.expire_balances(ctx, cutoff)
    assert [ledger.balance(r) for r in (resident.id, other.id, debtor.id)] == [0, 2, -2]
    assert LedgerEntry.select().where(LedgerEntry.kind == "expire").count() == 2


def test_expire_never_takes_more_than_the_balance(ctx, resident, give, clock):
    """Points already spent on vouchers are not expired a second time."""
    give(resident.id, 30)
    vouchers.issue(ctx, resident.id, 25)
    clock.advance(days=1)  # a clearing closes only past days
    cleared = ledger.expire_balances(ctx, dt.date(2026, 11, 23))
    assert cleared.as_dict() == {"residents": 1, "points": 5}
    assert ledger.balance(resident.id) == 0


def test_expire_refuses_today_and_a_station_that_keeps_points(ctx, clock):
    """The cut-off must be a past day, and a station whose points never expire refuses."""
    with pytest.raises(InvalidInput):
        ledger.expire_balances(ctx, clock.today())
    station.update_settings(ctx, expiry_policy="none")
    with pytest.raises(InvalidInput):
        ledger.expire_balances(ctx, dt.date(2025, 12, 31))


def test_reversal_after_clearing_is_refused(ctx, resident, clock):
    """An award settled by a year-end clearing cannot be reversed (it would be taken twice)."""
    award = deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND")
    seq = ledger.entries(resident.id)[0].seq
    clock.advance(days=40)
    ledger.expire_balances(ctx, dt.date(2026, 12, 31))
    with pytest.raises(NotReversible):
        ledger.reverse(ctx, seq, "录错")
    assert ledger.balance(resident.id) == award.balance - 2


def test_expire_is_admin_only(clerk_ctx, resident):
    """A clerk cannot run the year-end clearing."""
    with pytest.raises(PermissionDenied):
        ledger.expire_balances(clerk_ctx, dt.date(2026, 12, 31))


def test_balance_is_the_sum_of_entries(ctx, resident, give):
    """After every kind of entry, balance = sum of entries = the last running balance."""
    deeds.record_deed(ctx, resident.id, "ENV_CLEANUP", 4)
    deeds.record_deed(ctx, resident.id, "UNCIVIL_DOG")
    give(resident.id, 40)
    issued = vouchers.issue(ctx, resident.id, 27)
    redemption.void(ctx, issued.vouchers[0].serial, "打印错误")
    assert ledger.balance(resident.id) == entry_sum(resident.id) == 8 - 2 + 40 - 27 + 20
    last = LedgerEntry.select().order_by(LedgerEntry.seq.desc()).first()
    assert last.balance_after == ledger.balance(resident.id)
    assert integrity.run_check(ctx.keys_dir).ok


def test_entries_page_newest_first_with_descriptions(ctx, resident, give):
    """The history lists entries newest first, describing each in the clerk's words."""
    deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND")
    give(resident.id, 10)
    vouchers.issue(ctx, resident.id, 5)
    rows = ledger.entries(resident.id)
    assert [r.kind for r in rows] == ["issue", "adjust", "award"]
    assert rows[0].description == "兑换 XH01-2026-000001"
    assert rows[1].description == "调整：测试入账"
    assert rows[2].description == "拾金不昧" and rows[2].clerk == "王站长"
    assert [r.seq for r in ledger.entries(resident.id, offset=1, limit=1)] == [rows[1].seq]
    assert [r.kind for r in ledger.entries(resident.id, newest_first=False)][0] == "award"


def test_entries_are_described_in_chinese_or_english(ctx, resident, give):
    """One description of an entry, in either language: the deed type's own name (a
    reversal says so), the kind with a voucher's serial, or with the reason given."""
    deeds.record_deed(ctx, resident.id, "BLOOD_DONATION")
    ledger.reverse(ctx, ledger.entries(resident.id)[0].seq, "录错了人")
    give(resident.id, 10)
    vouchers.issue(ctx, resident.id, 5)
    rows = ledger.entries(resident.id, newest_first=False)
    assert [ledger.describe(r, "zh") for r in rows] == [
        "无偿献血", "冲正：无偿献血", "调整：测试入账", "兑换 XH01-2026-000001"]
    assert [ledger.describe(r, "en") for r in rows] == [
        "Voluntary blood donation", "Reversal: Voluntary blood donation",
        "Adjustment: 测试入账", "Voucher issue XH01-2026-000001"]
    assert [r.description for r in rows] == [ledger.describe(r, "zh") for r in rows]


def test_balance_before_a_day(ctx, resident):
    """A statement's opening balance counts entries dated before its first day."""
    deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", deed_date=dt.date(2026, 10, 1))
    deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", 2)
    assert ledger.balance_before(resident.id, dt.date(2026, 11, 1)) == 2
    assert ledger.balance_before(resident.id, dt.date(2026, 11, 24)) == 6


@pytest.fixture
def history(ctx, resident, give):
    """One row in each append-only table: an award, a redeemed voucher, audit records."""
    give(resident.id, 10)
    issued = vouchers.issue(ctx, resident.id, 5)
    redemption.redeem(ctx, issued.vouchers[0].token)
    return resident


def _refused() -> type[Exception]:
    # SQLite: RAISE(ABORT) in a trigger is a constraint failure (IntegrityError).
    # PostgreSQL: RAISE EXCEPTION is SQLSTATE P0001, which peewee maps to InternalError.
    return peewee.IntegrityError if is_sqlite() else peewee.InternalError


@pytest.mark.parametrize("table, column, value", [
    ("ledger_entry", "points", 1000), ("audit_record", "action", "nothing.happened"),
    ("voucher_resolution", "kind", "voided"), ("voucher", "points", 1000),
    ("operation_record", "result", "{}"),
])
def test_database_refuses_update_and_delete(history, table, column, value):
    """UPDATE and DELETE on an append-only table fail in the database itself."""
    before = database.execute_sql(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
    assert before
    param = "?" if is_sqlite() else "%s"
    with pytest.raises(_refused()), database.atomic():
        database.execute_sql(f'UPDATE "{table}" SET "{column}" = {param}', (value,))
    with pytest.raises(_refused()), database.atomic():
        database.execute_sql(f'DELETE FROM "{table}"')
    assert database.execute_sql(f'SELECT * FROM "{table}" ORDER BY 1').fetchall() == before
