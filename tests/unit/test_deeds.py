"""Recording deeds by the catalogue's rules: points, quantities, caps, dates, review,
admin overrides, group deeds, deductions and request-id idempotency."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from app.models import Deed, LedgerEntry
from app.services import catalogue, deeds, ledger, residents, station
from app.services.errors import (
    AlreadyReviewed,
    CapExceeded,
    DeedTypeNotFound,
    FutureDate,
    InvalidQuantity,
    OverrideOutOfBounds,
    PermissionDenied,
    ReasonRequired,
    RequestConflict,
    ResidentArchived,
    ZeroPoints,
)
from app.services.residents import ResidentInput

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def other(ctx):
    return residents.register(ctx, ResidentInput(name="李四"))


def test_points_come_from_the_catalogue(ctx, resident):
    """Returning lost property earns the catalogue's 2 points, posted to the ledger."""
    result = deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND")
    assert (result.points, result.status, result.balance) == (2, "approved", 2)
    entry = LedgerEntry.get(LedgerEntry.resident == resident.id)
    assert (entry.kind, entry.points, entry.balance_after) == ("award", 2, 2)
    assert entry.deed.uid == result.deed_uid


@pytest.mark.parametrize("hours, points", [("0.5", 1), ("1.5", 3), (2, 4), ("3.0", 6)])
def test_hours_in_half_hour_steps(ctx, resident, hours, points):
    """Volunteer hours count in steps of 0.5 at the type's points per hour."""
    result = deeds.record_deed(ctx, resident.id, "ENV_CLEANUP", hours)
    assert result.points == points
    assert Deed.get(Deed.uid == result.deed_uid).quantity_tenths == int(Decimal(str(hours)) * 10)


@pytest.mark.parametrize("code, quantity, error", [
    ("ENV_CLEANUP", "1.25", InvalidQuantity), ("ENV_CLEANUP", 0, InvalidQuantity),
    ("ENV_CLEANUP", -1, InvalidQuantity), ("ENV_CLEANUP", "25", InvalidQuantity),
    ("ENV_CLEANUP", "abc", InvalidQuantity), ("ENV_CLEANUP", "nan", InvalidQuantity),
    ("ENV_CLEANUP", "1_0", InvalidQuantity), ("ENV_CLEANUP", "1e1", InvalidQuantity),
    ("LOST_AND_FOUND", "1.5", InvalidQuantity),
    ("SECURITY_PATROL", "0.5", ZeroPoints),  # 1 point an hour: half an hour earns nothing
])
def test_bad_quantities_are_refused(ctx, resident, counts, code, quantity, error):
    """Quantities off the 0.5 grid, non-positive, too large or earning 0 are refused."""
    before = counts()
    with pytest.raises(error):
        deeds.record_deed(ctx, resident.id, code, quantity)
    assert counts() == before


def test_day_cap_reports_what_is_left(ctx, resident, counts):
    """4 hours/day: after 3 hours, 1.5 more is refused and the clerk is told 1 is left."""
    deeds.record_deed(ctx, resident.id, "ENV_CLEANUP", 3)
    before = counts()
    with pytest.raises(CapExceeded) as err:
        deeds.record_deed(ctx, resident.id, "ENV_CLEANUP", "1.5")
    assert (err.value.data["used"], err.value.data["left"], err.value.data["cap"]) == ("3", "1", 4)
    assert "还可登记 1" in str(err.value)
    assert counts() == before
    assert deeds.record_deed(ctx, resident.id, "ENV_CLEANUP", 1).points == 2
    assert deeds.cap_state(resident.id, "ENV_CLEANUP", TODAY).left == 0


def test_the_cap_is_checked_before_recording_with_the_same_refusal(ctx, resident, counts):
    """What the desk asks before saving: the refusal recording would give, nothing written."""
    deeds.record_deed(ctx, resident.id, "ENV_CLEANUP", 3)
    before = counts()
    deeds.check_cap(resident.id, "ENV_CLEANUP", 1, TODAY)  # exactly the cap: fine
    with pytest.raises(CapExceeded) as err:
        deeds.check_cap(resident.id, "ENV_CLEANUP", "1.5", TODAY)
    assert (err.value.data["used"], err.value.data["left"]) == ("3", "1")
    deeds.check_cap(resident.id, "LOST_AND_FOUND", 20, TODAY)  # no cap
    assert counts() == before


def test_day_cap_is_per_day_and_per_resident(ctx, resident, other, clock):
    """The day cap starts afresh the next day and does not touch other residents."""
    deeds.record_deed(ctx, resident.id, "ENV_CLEANUP", 4)
    deeds.record_deed(ctx, other.id, "ENV_CLEANUP", 4)
    deeds.record_deed(ctx, resident.id, "ENV_CLEANUP", 4, deed_date=TODAY - dt.timedelta(1))
    clock.advance(days=1)
    assert deeds.record_deed(ctx, resident.id, "ENV_CLEANUP", 4).points == 8


def test_month_cap(ctx, resident):
    """Policy publicity: 4 times a month; November full, October still open."""
    deeds.record_deed(ctx, resident.id, "POLICY_PUBLICITY", 3, deed_date=dt.date(2026, 11, 1))
    deeds.record_deed(ctx, resident.id, "POLICY_PUBLICITY", 1)
    with pytest.raises(CapExceeded) as err:
        deeds.record_deed(ctx, resident.id, "POLICY_PUBLICITY", 1, deed_date=dt.date(2026, 11, 2))
    assert err.value.data["period"] == "month" and err.value.data["left"] == "0"
    assert deeds.record_deed(ctx, resident.id, "POLICY_PUBLICITY", 4,
                             deed_date=dt.date(2026, 10, 31)).points == 8


def test_year_cap(ctx, resident):
    """Blood donation counts at most twice a year."""
    deeds.record_deed(ctx, resident.id, "BLOOD_DONATION", 1, deed_date=dt.date(2026, 1, 5))
    deeds.record_deed(ctx, resident.id, "BLOOD_DONATION", 1)
    with pytest.raises(CapExceeded) as err:
        deeds.record_deed(ctx, resident.id, "BLOOD_DONATION", 1, deed_date=dt.date(2026, 7, 1))
    assert err.value.data["period"] == "year"
    assert deeds.record_deed(ctx, resident.id, "BLOOD_DONATION", 1,
                             deed_date=dt.date(2025, 12, 31)).points == 5


def test_lifetime_cap(ctx, resident, clock):
    """Registering as a volunteer earns points once per person, ever."""
    deeds.record_deed(ctx, resident.id, "VOLUNTEER_SIGNUP")
    clock.advance(days=400)
    with pytest.raises(CapExceeded) as err:
        deeds.record_deed(ctx, resident.id, "VOLUNTEER_SIGNUP")
    assert err.value.data["period"] == "lifetime" and err.value.data["left"] == "0"


def test_future_date_refused(ctx, resident, counts):
    """A deed dated tomorrow is refused; today and the past are fine."""
    before = counts()
    with pytest.raises(FutureDate):
        deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", deed_date=TODAY + dt.timedelta(1))
    assert counts() == before
    result = deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", deed_date=dt.date(2026, 3, 1))
    assert LedgerEntry.get(LedgerEntry.deed == Deed.get(Deed.uid == result.deed_uid).id
                           ).business_date == dt.date(2026, 3, 1)


def test_unknown_or_retired_type_refused(ctx, resident):
    """Only active catalogue types can be recorded."""
    with pytest.raises(DeedTypeNotFound):
        deeds.record_deed(ctx, resident.id, "NO_SUCH_DEED")
    catalogue.save_type(ctx, "LOST_AND_FOUND", active=False)
    with pytest.raises(DeedTypeNotFound):
        deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND")


def test_archived_resident_refused(ctx, resident, counts):
    """No deed is recorded for an archived resident."""
    residents.set_archived(ctx, resident.id, True)
    before = counts()
    with pytest.raises(ResidentArchived):
        deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND")
    assert counts() == before


def test_needs_review_is_pending_without_ledger_entry(ctx, resident):
    """A deed that needs review is pending: no ledger entry, balance unchanged."""
    result = deeds.record_deed(ctx, resident.id, "HEROIC_ACT")
    assert (result.status, result.points, result.balance) == ("pending", 5, 0)
    assert LedgerEntry.select().count() == 0
    assert [p.deed_uid for p in deeds.pending_deeds()] == [result.deed_uid]


def test_approve_posts_the_points(ctx, resident):
    """Without a notice period, approving a pending deed posts its points, dated the
    deed's date; once only (with one, see test_notice)."""
    station.update_settings(ctx, notice_days=0)
    pending = deeds.record_deed(ctx, resident.id, "HEROIC_ACT", deed_date=dt.date(2026, 11, 20))
    approved = deeds.review_deed(ctx, pending.deed_uid, approve=True)
    assert (approved.status, approved.balance) == ("approved", 5)
    entry = LedgerEntry.get(LedgerEntry.resident == resident.id)
    assert (entry.points, entry.business_date) == (5, dt.date(2026, 11, 20))
    with pytest.raises(AlreadyReviewed):
        deeds.review_deed(ctx, pending.deed_uid, approve=False, note="重复")
    assert deeds.pending_deeds() == []


def test_pending_deeds_of_one_resident_and_the_count(ctx, resident):
    """The review queue filtered to one resident (their panel), and its length (the
    sidebar); reviewed deeds leave both."""
    other = residents.register(ctx, ResidentInput(name="李四"))
    mine = deeds.record_deed(ctx, resident.id, "HEROIC_ACT")
    theirs = deeds.record_deed(ctx, other.id, "HEROIC_ACT")
    deeds.record_deed(ctx, resident.id, "BLOOD_DONATION")  # approved at once: not pending
    assert [p.deed_uid for p in deeds.pending_deeds(resident_id=resident.id)] == [mine.deed_uid]
    assert [p.deed_uid for p in deeds.pending_deeds(resident_id=other.id)] == [theirs.deed_uid]
    assert deeds.pending_count() == 2
    deeds.review_deed(ctx, mine.deed_uid, approve=True)
    assert deeds.pending_deeds(resident_id=resident.id) == []
    assert deeds.pending_count() == 1


def test_reject_needs_a_reason_and_frees_the_cap(ctx, resident):
    """Rejecting needs a note, posts nothing, and no longer counts against the cap."""
    for _ in range(4):
        last = deeds.record_deed(ctx, resident.id, "FILIAL_PIETY")
    with pytest.raises(CapExceeded):
        deeds.record_deed(ctx, resident.id, "FILIAL_PIETY")
    with pytest.raises(ReasonRequired):
        deeds.review_deed(ctx, last.deed_uid, approve=False)
    rejected = deeds.review_deed(ctx, last.deed_uid, approve=False, note="材料不实")
    assert rejected.status == "rejected" and ledger.balance(resident.id) == 0
    assert deeds.record_deed(ctx, resident.id, "FILIAL_PIETY").status == "pending"


def test_review_is_admin_only(ctx, clerk_ctx, resident):
    """A clerk can record a deed that needs review but cannot approve it."""
    pending = deeds.record_deed(clerk_ctx, resident.id, "HEROIC_ACT")
    with pytest.raises(PermissionDenied):
        deeds.review_deed(clerk_ctx, pending.deed_uid, approve=True)
    assert Deed.get(Deed.uid == pending.deed_uid).status == "pending"


def test_override_within_bounds_with_reason(ctx, resident):
    """An admin may override the points (same sign, at most double) with a reason."""
    result = deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", points_override=4,
                               override_reason="归还巨额现金")
    assert result.points == 4 and result.balance == 4
    assert Deed.get(Deed.uid == result.deed_uid).override_reason == "归还巨额现金"
    assert deeds.record_deed(ctx, resident.id, "LITTERING", points_override=-3,
                             override_reason="屡教不改").points == -3


@pytest.mark.parametrize("points, reason, error", [
    (5, "太多", OverrideOutOfBounds), (-2, "反号", OverrideOutOfBounds),
    (0, "清零", OverrideOutOfBounds), (3, "", ReasonRequired), (3, "   ", ReasonRequired),
])
def test_override_out_of_bounds_or_without_reason(ctx, resident, counts, points, reason, error):
    """Overrides beyond double, of the wrong sign or without a reason are refused."""
    before = counts()
    with pytest.raises(error):
        deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", points_override=points,
                          override_reason=reason)
    assert counts() == before


def test_override_is_admin_only(clerk_ctx, resident):
    """A clerk may not change the standard points, even with a reason."""
    with pytest.raises(PermissionDenied):
        deeds.record_deed(clerk_ctx, resident.id, "LOST_AND_FOUND", points_override=3,
                          override_reason="表现突出")
    assert ledger.balance(resident.id) == 0


def test_group_deed_records_everyone(ctx, resident, other):
    """A group deed gives each participant the same points, sharing one group id."""
    results = deeds.record_group_deed(ctx, [resident.id, other.id, resident.id],
                                      "TREE_PLANTING", 2)
    assert [(r.resident_id, r.points) for r in results] == [(resident.id, 4), (other.id, 4)]
    groups = {d.group_uid for d in Deed.select()}
    assert len(groups) == 1 and None not in groups


def test_group_deed_is_all_or_nothing(ctx, resident, other, counts):
    """If one participant cannot be credited (cap reached), nobody is."""
    deeds.record_deed(ctx, other.id, "TREE_PLANTING", 4)
    before = counts()
    with pytest.raises(CapExceeded):
        deeds.record_group_deed(ctx, [resident.id, other.id], "TREE_PLANTING", 1)
    assert counts() == before
    assert ledger.balance(resident.id) == 0


def test_deduction_can_go_below_zero(ctx, resident):
    """A deduction is recorded even when it takes the balance below zero."""
    deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND")
    result = deeds.record_deed(ctx, resident.id, "LITTERING", 2)
    assert (result.points, result.balance) == (-4, -2)
    assert LedgerEntry.select().order_by(LedgerEntry.seq.desc()).first().kind == "deduct"


def test_same_request_id_returns_the_first_result(ctx, resident, counts):
    """A double click (same request id) returns the first result and changes nothing."""
    first = deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", request_id="req-1")
    before = counts()
    again = deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", request_id="req-1")
    assert again == dataclasses.replace(first, replayed=True)
    assert counts() == before
    assert ledger.balance(resident.id) == 2


def test_same_request_id_with_other_parameters_conflicts(ctx, resident, other, counts):
    """Reusing a request id for a different deed is refused and changes nothing."""
    deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", request_id="req-2")
    before = counts()
    with pytest.raises(RequestConflict):
        deeds.record_deed(ctx, other.id, "LOST_AND_FOUND", request_id="req-2")
    with pytest.raises(RequestConflict):
        deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", 2, request_id="req-2")
    with pytest.raises(RequestConflict):
        ledger.adjust(ctx, resident.id, 2, "补录", request_id="req-2")
    assert counts() == before


def test_group_deed_replay_returns_the_first_result(ctx, resident, other):
    """Repeating a group deed with the same request id credits nobody twice."""
    first = deeds.record_group_deed(ctx, [resident.id, other.id], "DONATION", request_id="g-1")
    assert deeds.record_group_deed(ctx, [resident.id, other.id], "DONATION", request_id="g-1"
                                   ) == [dataclasses.replace(d, replayed=True) for d in first]
    assert Deed.select().count() == 2
