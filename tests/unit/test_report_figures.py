"""Each report figure equals what the ledger and the records say: a hand-made month is
counted again from the raw rows (tests/report_recount.py), the previous period's column
too, with and without a tag; the period forms and their previous periods."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services.errors import InvalidInput
from app.services.reports import period, report
from tests import report_month
from tests.report_recount import both

OCT = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
SEP = (dt.date(2026, 9, 1), dt.date(2026, 9, 30))


@pytest.fixture
def month(ctx):
    return report_month.build(ctx)


def test_every_figure_of_the_month_and_the_month_before_is_recounted(month):
    """Every key the report gives, now and before, equals the raw rows' count."""
    got = report.compute(period.parse("month", "2026-10"))
    now, before = both(*OCT, SEP)
    assert got.figures() == now
    assert got.previous_figures() == before
    assert got.previous_period == period.parse("month", "2026-09")


def test_the_hand_made_month_reads_as_built(month):
    """What the month was built to hold: four award categories, the pending deed left out,
    the reversed deduction still counted and its reversal beside it, both merchants, the
    expired voucher, the open activity and the withdrawn honour left out."""
    f = report.compute(period.parse("month", "2026-10")).figures()
    # social: a clean-up of 2 hours at the desk, and the two activities' 2 + 1 + 1.5 hours
    assert [f[f"awarded.category.{c}.points"] for c in
            ("social", "family", "professional", "personal")] == [4 + (4 + 2 + 3), 2, 3, 4]
    assert (f["deducted.person_times"], f["deducted.points"]) == (3, 9)
    assert (f["reversals.count"], f["reversals.points"]) == (1, 2)
    assert f["vouchers.redeemed.merchant.红星理发店.count"] == 2
    assert f["vouchers.redeemed.store.points"] == 21
    assert (f["vouchers.expired.count"], f["vouchers.voided.points"]) == (1, 5)
    assert (f["activities"], f["volunteers.new"], f["audience.person_times"]) == (2, 2, 3)
    assert (f["honours.count"], f["honours.title.好邻居"]) == (2, 1)
    assert f["settlement.approved.amount_fen"] == 2000


@pytest.mark.parametrize("tag", ["party_member", "elderly_alone", "volunteer", "nobody"])
def test_a_tag_narrows_every_figure_to_its_residents(month, tag):
    got = report.compute(period.parse("month", "2026-10"), tag=tag)
    now, before = both(*OCT, SEP, tag=tag)
    assert got.figures() == now and got.previous_figures() == before
    assert got.tag == tag


def test_a_quarter_and_a_range_are_recounted_too(month):
    quarter = report.compute(period.parse("quarter", "2026Q4"))
    assert quarter.figures() == both(dt.date(2026, 10, 1), dt.date(2026, 12, 31),
                                     (dt.date(2026, 7, 1), dt.date(2026, 9, 30)))[0]
    days = report.compute(period.date_range(dt.date(2026, 9, 25), dt.date(2026, 10, 10)))
    now, before = both(dt.date(2026, 9, 25), dt.date(2026, 10, 10),
                       (dt.date(2026, 9, 9), dt.date(2026, 9, 24)))
    assert days.figures() == now and days.previous_figures() == before


def test_change_is_the_difference_with_the_previous_period(month):
    got = report.compute(period.parse("month", "2026-10"))
    awarded = got.figure("awarded.points")
    assert awarded.change == awarded.value - awarded.previous
    assert got.as_dict()["figures"]["awarded.points"] == awarded.value


@pytest.mark.parametrize(("kind", "value", "start", "end", "before"), [
    ("month", "2026-01", "2026-01-01", "2026-01-31", ("2025-12-01", "2025-12-31")),
    ("month", "2024-03", "2024-03-01", "2024-03-31", ("2024-02-01", "2024-02-29")),
    ("quarter", "2026Q1", "2026-01-01", "2026-03-31", ("2025-10-01", "2025-12-31")),
    ("quarter", "2026q3", "2026-07-01", "2026-09-30", ("2026-04-01", "2026-06-30")),
    ("year", "2026", "2026-01-01", "2026-12-31", ("2025-01-01", "2025-12-31")),
])
def test_periods_and_the_period_before(kind, value, start, end, before):
    p = period.parse(kind, value)
    assert (str(p.start), str(p.end)) == (start, end)
    earlier = period.previous(p)
    assert (str(earlier.start), str(earlier.end)) == before


def test_a_range_is_set_beside_as_many_days_before_it():
    p = period.date_range(dt.date(2026, 3, 1), dt.date(2026, 3, 10))
    assert period.previous(p) == period.Period("range", dt.date(2026, 2, 19),
                                               dt.date(2026, 2, 28))


@pytest.mark.parametrize(("kind", "value"), [("month", "2026-13"), ("month", "2026/10"),
                                             ("quarter", "2026Q5"), ("year", "26"),
                                             ("week", "2026")])
def test_a_period_written_wrong_is_refused_with_a_message(kind, value):
    with pytest.raises(InvalidInput) as raised:
        period.parse(kind, value)
    assert raised.value.what and raised.value.what_en


def test_a_range_ending_before_it_starts_is_refused():
    with pytest.raises(InvalidInput):
        period.date_range(dt.date(2026, 3, 10), dt.date(2026, 3, 1))
