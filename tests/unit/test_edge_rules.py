"""Edge cases of the domain rules: caps after a reversal, back-dating, retries across
midnight, absurd amounts and dates, voiding after expiry, keys without their secret."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.services import deeds, keys, ledger, redemption, residents, vouchers
from app.services.errors import (
    CapExceeded,
    InvalidDenominations,
    InvalidInput,
    KeyUnavailable,
    ResidentArchived,
    TooOld,
    VoucherAlreadyResolved,
)


def test_a_reversed_deed_frees_its_cap(ctx, resident):
    """Reversing a mistaken deed gives its share of the daily cap back."""
    deeds.record_deed(ctx, resident.id, "ENV_CLEANUP", 4)
    with pytest.raises(CapExceeded):
        deeds.record_deed(ctx, resident.id, "ENV_CLEANUP", 1)
    seq = ledger.entries(resident.id)[0].seq
    ledger.reverse(ctx, seq, "录错了人")
    assert deeds.record_deed(ctx, resident.id, "ENV_CLEANUP", 1).points == 2
    assert ledger.entries(resident.id)[1].description.startswith("冲正：")


def test_deeds_cannot_be_dated_a_year_back(ctx, resident):
    """Back-dating past a year (or into a cleared period) would dodge caps and clearing."""
    with pytest.raises(TooOld):
        deeds.record_deed(ctx, resident.id, "BLOOD_DONATION", deed_date=dt.date(1, 1, 1))
    assert deeds.record_deed(ctx, resident.id, "BLOOD_DONATION",
                             deed_date=dt.date(2026, 1, 2)).points == 5


def test_a_retry_after_midnight_replays(ctx, resident, clock):
    """The same request id, retried after the date changed, returns the first result."""
    first = deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", request_id="req-1")
    clock.advance(days=1)
    again = deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", request_id="req-1")
    assert again == dataclasses.replace(first, replayed=True) and ledger.balance(resident.id) == 2
    ledger.adjust(ctx, resident.id, 20, "期初")
    issued = vouchers.issue(ctx, resident.id, 10, request_id="req-2")
    clock.advance(days=1)
    assert vouchers.issue(ctx, resident.id, 10, request_id="req-2") == issued


def test_absurd_amounts_and_dates_are_refused_quickly(ctx, resident):
    """A mistyped 10^23 points or a voucher valid for two centuries is refused outright."""
    ledger.adjust(ctx, resident.id, 50, "期初")
    with pytest.raises(InvalidDenominations):
        vouchers.issue(ctx, resident.id, 10**23)
    with pytest.raises(InvalidInput):
        vouchers.issue(ctx, resident.id, 10, expiry=dt.date(2200, 1, 1))
    assert ledger.balance(resident.id) == 50


def test_an_expired_voucher_cannot_be_voided_for_a_refund(ctx, resident, clock):
    """After its validity the points went with the year: voiding would refund them."""
    ledger.adjust(ctx, resident.id, 10, "期初")
    serial = vouchers.issue(ctx, resident.id, 10).vouchers[0].serial
    clock.advance(days=60)
    with pytest.raises(VoucherAlreadyResolved):
        redemption.void(ctx, serial, "遗失")
    assert ledger.balance(resident.id) == 0


def test_rotation_needs_the_key_secret(ctx):
    """A desk without the key secret cannot rotate keys into ones the others cannot read."""
    (ctx.keys_dir / keys.KEK_FILE).unlink()
    with pytest.raises(KeyUnavailable):
        keys.rotate(ctx)
    assert not (ctx.keys_dir / keys.KEK_FILE).exists()
    assert keys.active_key().key_id == 1


def test_archived_resident_gets_no_approved_points(ctx, resident):
    """A pending deed of a resident archived meanwhile cannot be approved."""
    pending = deeds.record_deed(ctx, resident.id, "HEROIC_ACT")
    residents.set_archived(ctx, resident.id, True)
    with pytest.raises(ResidentArchived):
        deeds.review_deed(ctx, pending.deed_uid, True)
    assert ledger.balance(resident.id) == 0


def test_addresses_are_split_as_written():
    """A typed address splits into compound, building, unit and room; odd ones stay whole."""
    assert residents.parse_address("幸福里3栋2单元501室") == {
        "compound": "幸福里", "building": "3", "unit": "2", "room": "501"}
    assert residents.parse_address("和平苑12号楼3单元1201")["building"] == "12"
    assert residents.parse_address("幸福里小区") == {
        "compound": "幸福里小区", "building": "", "unit": "", "room": ""}
