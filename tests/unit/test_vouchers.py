"""Vouchers: issuing in denominations with the points reserved at once, serials,
single redemption, voiding with a refund (admin), expiry and idempotent requests."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import AuditRecord, LedgerEntry, Voucher, VoucherResolution
from app.services import deeds, ledger, merchants, redemption, station, vouchers
from app.services.errors import (
    BelowMinimum,
    InsufficientPoints,
    InvalidDenominations,
    InvalidInput,
    PermissionDenied,
    ReasonRequired,
    VoucherAlreadyResolved,
    VoucherNotFound,
    VoucherRejected,
)


@pytest.fixture
def funded(resident, give):
    """The resident with 100 points to spend."""
    give(resident.id, 100)
    return resident


def test_issue_splits_into_default_denominations(ctx, funded):
    """88 points become 50+20+10+5+1+1+1, debited in the same operation."""
    result = vouchers.issue(ctx, funded.id, 88)
    assert [v.points for v in result.vouchers] == [50, 20, 10, 5, 1, 1, 1]
    assert result.balance == ledger.balance(funded.id) == 12
    issues = LedgerEntry.select().where(LedgerEntry.kind == "issue").order_by(LedgerEntry.seq)
    assert [(e.points, e.voucher_serial) for e in issues] == [
        (-v.points, v.serial) for v in result.vouchers]
    assert {v.expiry_date for v in result.vouchers} == {"2026-12-31"}


def test_custom_denominations_must_add_up(ctx, funded, counts):
    """Denominations chosen at the desk are used if they sum to the points, else refused."""
    assert [v.points for v in vouchers.issue(ctx, funded.id, 80, [40, 40]).vouchers] == [40, 40]
    before = counts()
    for faces in ([15, 5], [10, 0, 9], [20, -1], [19.0]):
        with pytest.raises(InvalidDenominations):
            vouchers.issue(ctx, funded.id, 19, faces)
    assert counts() == before


def test_insufficient_points_changes_nothing(ctx, funded, counts):
    """Asking for more than the balance is refused with both numbers; nothing is written."""
    before = counts()
    with pytest.raises(InsufficientPoints) as err:
        vouchers.issue(ctx, funded.id, 101)
    assert err.value.data == {"balance": 100, "requested": 101}
    assert counts() == before


def test_negative_balance_cannot_issue(ctx, resident):
    """After a deduction below zero, nothing can be exchanged until the balance recovers."""
    deeds.record_deed(ctx, resident.id, "LITTERING")
    with pytest.raises(InsufficientPoints):
        vouchers.issue(ctx, resident.id, 5)


def test_below_minimum_refused(ctx, funded, counts):
    """Fewer than the station's minimum (5) points per issue is refused."""
    before = counts()
    with pytest.raises(BelowMinimum) as err:
        vouchers.issue(ctx, funded.id, 4)
    assert err.value.data["minimum"] == 5
    with pytest.raises(InvalidInput):
        vouchers.issue(ctx, funded.id, 0)
    assert counts() == before


def test_serial_format_and_sequence(ctx, funded, clock, give):
    """Serials are XH01-<year>-<6 digits>, never reused, restarting at 000001 each year."""
    first = vouchers.issue(ctx, funded.id, 6)
    assert [v.serial for v in first.vouchers] == ["XH01-2026-000001", "XH01-2026-000002"]
    redemption.void(ctx, "XH01-2026-000002", "打印错误")
    second = vouchers.issue(ctx, funded.id, 5)
    assert [v.serial for v in second.vouchers] == ["XH01-2026-000003"]
    clock.advance(days=40)
    third = vouchers.issue(ctx, funded.id, 5)
    assert [v.serial for v in third.vouchers] == ["XH01-2027-000001"]
    assert third.vouchers[0].expiry_date == "2027-12-31"


def test_verify_then_redeem_once(ctx, clerk_ctx, funded):
    """A fresh voucher verifies; it redeems once; the second attempt says when, where, who."""
    token = vouchers.issue(ctx, funded.id, 20).vouchers[0].token
    verdict = redemption.verify(clerk_ctx, token)
    assert (verdict.ok, verdict.reason, verdict.serial, verdict.points, verdict.holder) == (
        True, "ok", "XH01-2026-000001", 20, "张明月")
    done = redemption.redeem(clerk_ctx, token)
    assert (done.serial, done.points, done.where) == ("XH01-2026-000001", 20, "本站积分超市")
    with pytest.raises(VoucherAlreadyResolved) as err:
        redemption.redeem(ctx, token)
    for part in ("2026-11-23 09:30", "本站积分超市", "李敏", "XH01-2026-000001"):
        assert part in str(err.value)
    assert "already redeemed" in err.value.message("en")
    assert VoucherResolution.select().count() == 1
    assert redemption.verify(ctx, token).reason == "redeemed"


def test_redeem_replay_returns_the_first_result(ctx, funded):
    """A double scan with the same request id returns the first redemption, not an error."""
    token = vouchers.issue(ctx, funded.id, 5).vouchers[0].token
    first = redemption.redeem(ctx, token, request_id="scan-1")
    assert redemption.redeem(ctx, token, request_id="scan-1") == first
    assert VoucherResolution.select().count() == 1


def test_issue_replay_does_not_debit_twice(ctx, funded):
    """Repeating an issue request returns the same vouchers and debits once."""
    first = vouchers.issue(ctx, funded.id, 30, request_id="issue-1")
    assert vouchers.issue(ctx, funded.id, 30, request_id="issue-1") == first
    assert Voucher.select().count() == 2 and ledger.balance(funded.id) == 70


def test_void_refunds_and_blocks_redemption(ctx, funded):
    """Voiding (admin, with reason) gives the points back; the voucher cannot be used."""
    issued = vouchers.issue(ctx, funded.id, 50).vouchers[0]
    result = redemption.void(ctx, issued.serial.lower(), "居民放弃兑换")
    assert (result.points, result.balance) == (50, 100)
    refund = LedgerEntry.select().order_by(LedgerEntry.seq.desc()).first()
    assert (refund.kind, refund.voucher_serial, refund.reason) == ("refund", issued.serial,
                                                                   "居民放弃兑换")
    assert redemption.verify(ctx, issued.token).reason == "voided"
    with pytest.raises(VoucherAlreadyResolved) as err:
        redemption.redeem(ctx, issued.token)
    assert "作废" in str(err.value) and "居民放弃兑换" in str(err.value)
    with pytest.raises(VoucherAlreadyResolved):
        redemption.void(ctx, issued.serial, "再作废一次")
    assert ledger.balance(funded.id) == 100


def test_void_by_a_clerk_is_refused_and_audited(ctx, clerk_ctx, funded):
    """A clerk cannot void; the attempt leaves a 'permission.denied' audit record."""
    serial = vouchers.issue(ctx, funded.id, 5).vouchers[0].serial
    with pytest.raises(PermissionDenied):
        redemption.void(clerk_ctx, serial, "想作废")
    record = AuditRecord.select().order_by(AuditRecord.seq.desc()).first()
    assert (record.action, record.target, record.clerk_name) == ("permission.denied",
                                                                 "voucher.void", "li")
    assert VoucherResolution.select().count() == 0 and ledger.balance(funded.id) == 95


def test_void_needs_a_reason_and_a_known_serial(ctx, funded):
    """Voiding without a reason, or an unknown serial, is refused."""
    serial = vouchers.issue(ctx, funded.id, 5).vouchers[0].serial
    with pytest.raises(ReasonRequired):
        redemption.void(ctx, serial, "  ")
    with pytest.raises(VoucherNotFound):
        redemption.void(ctx, "XH01-2026-999999", "不存在")


def test_redeemed_voucher_cannot_be_voided(ctx, funded):
    """A redeemed voucher stays redeemed: no refund after the goods were handed over."""
    issued = vouchers.issue(ctx, funded.id, 5).vouchers[0]
    redemption.redeem(ctx, issued.token)
    with pytest.raises(VoucherAlreadyResolved):
        redemption.void(ctx, issued.serial, "事后作废")
    assert ledger.balance(funded.id) == 95


def test_expired_voucher_cannot_be_redeemed(ctx, funded, clock):
    """After 31 December the voucher is expired; the year-end run closes it once."""
    token = vouchers.issue(ctx, funded.id, 10).vouchers[0].token
    clock.advance(days=38)  # 2026-12-31
    assert redemption.verify(ctx, token).ok
    clock.advance(days=1)
    verdict = redemption.verify(ctx, token)
    assert (verdict.ok, verdict.reason) == (False, "expired")
    assert "2026-12-31" in verdict.message_zh
    with pytest.raises(VoucherRejected):
        redemption.redeem(ctx, token)
    assert redemption.expire(ctx).as_dict() == {"count": 1, "points": 10}
    assert redemption.expire(ctx).as_dict() == {"count": 0, "points": 0}
    assert VoucherResolution.get().kind == "expired"
    assert ledger.balance(funded.id) == 90


def test_validity_setting_and_explicit_expiry(ctx, funded):
    """A validity of N days is honoured; an expiry before today is refused."""
    station.update_settings(ctx, voucher_validity="days:30")
    assert vouchers.issue(ctx, funded.id, 5).vouchers[0].expiry_date == "2026-12-23"
    with pytest.raises(InvalidInput):
        vouchers.issue(ctx, funded.id, 5, expiry=dt.date(2026, 11, 22))


def test_token_for_a_damaged_code(ctx, funded):
    """The printed serial and check code give back the token; a wrong code is refused."""
    issued = vouchers.issue(ctx, funded.id, 5).vouchers[0]
    assert len(issued.check_code) == 4
    assert redemption.token_for(issued.serial, issued.check_code) == issued.token
    assert redemption.token_for(f" {issued.serial.lower()} ", issued.check_code.lower()) == \
        issued.token
    wrong = "AAAA" if issued.check_code != "AAAA" else "BBBB"
    with pytest.raises(VoucherRejected):
        redemption.token_for(issued.serial, wrong)
    with pytest.raises(VoucherNotFound):
        redemption.token_for("XH01-2026-000099", issued.check_code)


def test_prints_and_reprints_are_counted(ctx, funded):
    """The first print is a print; every later one is a reprint (补打)."""
    serials = [v.serial for v in vouchers.issue(ctx, funded.id, 25).vouchers]
    assert vouchers.record_print(ctx, serials).reprints == 0
    assert vouchers.record_print(ctx, serials[:1]).reprints == 1


def test_voucher_rows_show_status(ctx, funded):
    """The voucher list of one issue shows each voucher's state."""
    result = vouchers.issue(ctx, funded.id, 25, request_id="issue-rows")
    redemption.redeem(ctx, result.vouchers[0].token)
    redemption.void(ctx, result.vouchers[1].serial, "污损")
    rows = vouchers.vouchers_of_issue("issue-rows")
    assert [r.status for r in rows] == ["redeemed", "voided"]
    assert rows[0].holder == "张明月" and rows[0].clerk == "王站长"


def test_merchant_voucher_only_at_its_merchant(ctx, funded, merchant):
    """A merchant-only voucher verifies there, and is wrong_scope elsewhere or at the store."""
    merchants.add(ctx, "红星理发店")
    token = vouchers.issue(ctx, funded.id, 5, scope="merchant",
                           merchant=merchant).vouchers[0].token
    assert redemption.verify(ctx, token, merchant).ok
    for elsewhere in ("红星理发店", None):
        verdict = redemption.verify(ctx, token, elsewhere)
        assert (verdict.ok, verdict.reason) == (False, "wrong_scope")
        assert merchant in verdict.message_zh
    with pytest.raises(VoucherRejected):
        redemption.redeem(ctx, token, "红星理发店")
    assert redemption.redeem(ctx, token, merchant).where == merchant


def test_store_voucher_not_at_a_merchant(ctx, funded, merchant):
    """A points-store voucher is refused at a merchant and accepted at the store."""
    token = vouchers.issue(ctx, funded.id, 5, scope="store").vouchers[0].token
    assert redemption.verify(ctx, token, merchant).reason == "wrong_scope"
    assert redemption.verify(ctx, token).ok


def test_any_scope_voucher_anywhere(ctx, funded, merchant):
    """An any-partner voucher is good at a merchant and at the store."""
    token = vouchers.issue(ctx, funded.id, 5).vouchers[0].token
    assert redemption.verify(ctx, token, merchant).ok and redemption.verify(ctx, token).ok


@pytest.mark.parametrize("scope, shop", [("merchant", None), ("any", "幸福里便民超市"),
                                         ("store", "幸福里便民超市"), ("everywhere", None)])
def test_scope_and_merchant_must_agree(ctx, funded, merchant, counts, scope, shop):
    """A merchant is named exactly when the scope is merchant; unknown scopes are refused."""
    before = counts()
    with pytest.raises(InvalidInput):
        vouchers.issue(ctx, funded.id, 5, scope=scope, merchant=shop)
    assert counts() == before


def test_face_values_are_read_in_ascii_and_full_width_digits_only():
    """The desk's issue dialog and the command line read face values in one place."""
    from app.services.errors import InvalidInput
    from app.services.vouchers import parse_faces

    assert parse_faces("２０+5，1") == [20, 5, 1] == parse_faces("20,5,1")
    with pytest.raises(InvalidInput):
        parse_faces("٢٠+5")
