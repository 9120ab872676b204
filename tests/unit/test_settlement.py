"""Merchants' statements: every voucher redeemed for a merchant on exactly one statement,
drafts made again, approved statements that never change, payment into the fund."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import FundEntry, Statement, StatementItem
from app.services import fund, merchants, redemption, settlement, station, vouchers
from app.services.errors import (
    InvalidInput,
    MerchantSuspended,
    NothingToSettle,
    PermissionDenied,
    StatementLocked,
    StatementNotApproved,
)

NOV = settlement.month("2026-11")


@pytest.fixture
def redeem(ctx, resident, give, merchant):
    """Issue vouchers of the given faces for the merchant and redeem them there now."""
    give(resident.id, 500)

    def spend(*faces: int, shop: str = merchant) -> list[str]:
        issued = vouchers.issue(ctx, resident.id, sum(faces), denominations=list(faces),
                                scope="merchant", merchant=shop).vouchers
        for v in issued:
            redemption.redeem(ctx, v.token, shop)
        return [v.serial for v in issued]

    return spend


def test_month_is_checked():
    assert settlement.month("2026-02") == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    for bad in ("2026-13", "2026/11", "26-11", ""):
        with pytest.raises(InvalidInput):
            settlement.month(bad)


def test_statement_lists_the_month_at_the_rate(ctx, redeem, merchant):
    serials = redeem(20, 10, 5)
    station.update_settings(ctx, rate_points=2, rate_yuan=3)  # 2 points buy 3 yuan
    made = settlement.draft(ctx, merchant, *NOV)
    assert made.number == "JS-2026-0001" and made.state == "draft"
    assert (made.vouchers, made.points) == (3, 35)
    assert made.amount_fen == 35 * 3 * 100 // 2 and made.amount == "52.50"
    assert [i.serial for i in settlement.items(made.number)] == sorted(serials)
    assert {i.redeemed_on for i in settlement.items(made.number)} == {"2026-11-23"}


def test_a_voucher_is_on_exactly_one_statement(ctx, redeem, merchant, clock):
    redeem(20)
    first = settlement.draft(ctx, merchant, *NOV)
    settlement.approve(ctx, first.number)
    clock.advance(hours=1)
    late = redeem(5)
    second = settlement.draft(ctx, merchant, *NOV)  # the approved one keeps its voucher
    assert second.number != first.number
    assert [i.serial for i in settlement.items(second.number)] == late
    settlement.approve(ctx, second.number)
    with pytest.raises(NothingToSettle):
        settlement.draft(ctx, merchant, *NOV)
    assert StatementItem.select().count() == 2


def test_drafting_again_replaces_the_draft(ctx, redeem, merchant, clock):
    redeem(10)
    first = settlement.draft(ctx, merchant, *NOV)
    clock.advance(minutes=5)
    redeem(5)
    again = settlement.draft(ctx, merchant, *NOV)
    assert again.number == first.number and (again.vouchers, again.points) == (2, 15)
    assert Statement.select().count() == 1 and StatementItem.select().count() == 2


def test_only_the_period_and_the_merchant(ctx, redeem, merchant, clock):
    merchants.add(ctx, "红星理发店")
    redeem(10)
    redeem(5, shop="红星理发店")
    made = settlement.draft(ctx, merchant, *NOV)
    assert made.points == 10
    with pytest.raises(NothingToSettle):
        settlement.draft(ctx, merchant, *settlement.month("2026-10"))


def test_approved_statement_never_changes(ctx, redeem, merchant, counts):
    redeem(10)
    made = settlement.draft(ctx, merchant, *NOV)
    settlement.set_note(ctx, made.number, "11 月")
    settlement.approve(ctx, made.number)
    before = counts()
    with pytest.raises(StatementLocked):
        settlement.set_note(ctx, made.number, "改了")
    with pytest.raises(StatementLocked):
        settlement.approve(ctx, made.number)
    assert counts() == before
    kept = settlement.find(made.number)
    assert (kept.note, kept.state, kept.points) == ("11 月", "approved", 10)


def test_approve_is_for_an_admin(ctx, clerk_ctx, redeem, merchant):
    redeem(10)
    made = settlement.draft(clerk_ctx, merchant, *NOV)  # a clerk may make the draft
    with pytest.raises(PermissionDenied):
        settlement.approve(clerk_ctx, made.number)
    assert settlement.find(made.number).state == "draft"


def test_paid_writes_the_fund_in_the_same_operation(ctx, redeem, merchant):
    redeem(20, 10)
    fund.contribute(ctx, "100", "幸福里社区党委")
    made = settlement.draft(ctx, merchant, *NOV)
    with pytest.raises(StatementNotApproved):
        settlement.mark_paid(ctx, made.number, "转账 001")
    assert FundEntry.select().count() == 1
    settlement.approve(ctx, made.number)
    paid = settlement.mark_paid(ctx, made.number, "转账 001", dt.date(2026, 11, 23))
    assert (paid.state, paid.paid_reference, paid.paid_on) == ("paid", "转账 001", "2026-11-23")
    entry = FundEntry.get(FundEntry.statement == made.id)
    assert (entry.kind, entry.amount_fen, entry.balance_after_fen) == ("payment", -3000, 7000)
    assert fund.balance() == 7000
    with pytest.raises(StatementLocked):
        settlement.mark_paid(ctx, made.number, "转账 002")
    assert FundEntry.select().count() == 2


def test_adjusting_statement(ctx, redeem, merchant):
    redeem(10)
    made = settlement.draft(ctx, merchant, *NOV)
    with pytest.raises(InvalidInput):
        settlement.adjust(ctx, made.number, "5", "少算")
    settlement.approve(ctx, made.number)
    fix = settlement.adjust(ctx, made.number, "2.50", "漏记一张券", negative=True)
    assert (fix.adjusts, fix.amount_fen, fix.note, fix.vouchers) == (
        made.number, -250, "漏记一张券", 0)
    settlement.approve(ctx, fix.number)
    fund.contribute(ctx, "50", "幸福里社区党委")
    settlement.mark_paid(ctx, fix.number, "退款 1")
    assert fund.balance() == 5000 + 250  # the merchant paid back what it got too much


def test_suspended_merchant_refused_at_redeem(ctx, resident, give, merchant, counts):
    give(resident.id, 50)
    token = vouchers.issue(ctx, resident.id, 10).vouchers[0].token
    merchants.set_active(ctx, merchant, False)
    before = counts()
    with pytest.raises(MerchantSuspended) as refused:
        redemption.redeem(ctx, token, merchant)
    assert "暂停" in str(refused.value) and "suspended" in refused.value.message("en")
    assert counts() == before
    merchants.set_active(ctx, merchant, True)
    assert redemption.redeem(ctx, token, merchant).where == merchant


def test_merchant_details_and_places(ctx, clock):
    merchants.add(ctx, "红星理发店", merchants.Details(
        contact="刘师傅", phone="0512-1234567", address="幸福里 3 号", offer="理发",
        terms="每次最多抵扣一半", share_percent=50,
        agreement_from=dt.date(2026, 1, 1), agreement_to=dt.date(2026, 12, 31)))
    merchants.add(ctx, "过期小店", merchants.Details(agreement_to=dt.date(2026, 6, 30)))
    merchants.add(ctx, "暂停小店")
    merchants.set_active(ctx, "暂停小店", False)
    merchants.edit(ctx, "红星理发店", phone="13900001111")
    assert [r.name for r in merchants.places(clock.today())] == ["红星理发店"]
    row = merchants.places(clock.today())[0]
    assert (row.details.phone, row.details.share_percent) == ("13900001111", 50)
    with pytest.raises(InvalidInput):
        merchants.edit(ctx, "红星理发店", share_percent=120)
    with pytest.raises(InvalidInput):
        merchants.edit(ctx, "红星理发店", agreement_from=dt.date(2027, 1, 1))


def _drafted(ctx, merchant):
    return settlement.draft(ctx, merchant, *NOV).number


def _approved(ctx, merchant):
    number = _drafted(ctx, merchant)
    settlement.approve(ctx, number)
    return number


WRITES = {
    "merchant.edit": lambda c, m: merchants.edit(c, m, phone="123"),
    "merchant.suspend": lambda c, m: merchants.set_active(c, m, False),
    "statement.draft": _drafted,
    "statement.note": lambda c, m: settlement.set_note(c, _drafted(c, m), "备注"),
    "statement.approve": _approved,
    "statement.paid": lambda c, m: settlement.mark_paid(c, _approved(c, m), "T1"),
    "statement.adjust": lambda c, m: settlement.adjust(c, _approved(c, m), "1", "补"),
    "fund.contribute": lambda c, m: fund.contribute(c, "1", "党委"),
}


@pytest.mark.parametrize("action", sorted(WRITES))
def test_every_write_is_audited(ctx, redeem, merchant, action):
    from app.models import AuditRecord

    redeem(10)
    WRITES[action](ctx, merchant)
    newest = AuditRecord.select().order_by(AuditRecord.seq.desc()).first()
    assert (newest.action, newest.clerk_id) == (action, ctx.actor.clerk_id)
