"""The honour roll of a period: its periods as the board names them, the residents who
earned most (recomputed here from the raw ledger rows), and the commendations grouped by
title, withdrawn ones left out."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import LedgerEntry, Resident
from app.services import deeds, honour_roll, honours, ledger, residents, vouchers
from app.services.errors import InvalidInput
from app.services.errors.honours import BadPeriod
from app.services.honours import Subject
from app.services.residents import ResidentInput

NOV = honour_roll.parse_period("2026-11")


@pytest.mark.parametrize(("typed", "key", "start", "end", "label"), [
    ("2026-11", "2026-11", "2026-11-01", "2026-11-30", "2026年11月"),
    ("2026-2", "2026-02", "2026-02-01", "2026-02-28", "2026年2月"),
    ("2026Q4", "2026Q4", "2026-10-01", "2026-12-31", "2026年第四季度"),
    ("2024q1", "2024Q1", "2024-01-01", "2024-03-31", "2024年第一季度"),
    (" 2026 ", "2026", "2026-01-01", "2026-12-31", "2026年度"),
])
def test_periods(typed, key, start, end, label):
    period = honour_roll.parse_period(typed)
    assert (period.key, period.start.isoformat(), period.end.isoformat(), period.label) == (
        key, start, end, label)


@pytest.mark.parametrize("typed", ["2026-13", "2026Q5", "26-11", "2026/11", "", "十一月",
                                   "2026-00", "1999"])
def test_periods_refused(typed):
    with pytest.raises(BadPeriod):
        honour_roll.parse_period(typed)


@pytest.fixture
def month(ctx, give):
    """Six residents with awards and deductions in October and November, one award
    reversed, an adjustment and vouchers (neither of them merit), one archived."""
    made = [residents.register(ctx, ResidentInput(name=n)).id
            for n in ("甲一", "乙二", "丙三", "丁四", "戊五", "己六")]
    a, b, c, d, e, f = made
    for rid, code, qty, day in (
            (a, "ENV_CLEANUP", 3, 2), (a, "ENV_CLEANUP", 2, 5), (a, "LITTERING", 1, 6),
            (b, "ENV_CLEANUP", 4, 3), (b, "ENV_CLEANUP", 4, 20),
            (c, "ENV_CLEANUP", 4, 4), (c, "TREE_PLANTING", 1, 21),
            (d, "ENV_CLEANUP", 3, 7), (d, "ENV_CLEANUP", 1, 8),
            (e, "ENV_CLEANUP", 4, 9),
            (f, "ENV_CLEANUP", 4, 10), (f, "ENV_CLEANUP", 4, 11)):
        deeds.record_deed(ctx, rid, code, qty, dt.date(2026, 11, day))
    for rid in (a, b):  # October: not this month
        deeds.record_deed(ctx, rid, "ENV_CLEANUP", 4, dt.date(2026, 10, 31))
    mistaken = LedgerEntry.select().where(LedgerEntry.resident == b, LedgerEntry.kind == "award",
                                          LedgerEntry.business_date == dt.date(2026, 11, 20)).get()
    ledger.reverse(ctx, mistaken.seq, "登记错了日期")
    give(e, 500)
    vouchers.issue(ctx, e, 100)
    residents.set_archived(ctx, f, True)
    return made


def earned_by_hand(start: dt.date, end: dt.date) -> dict[str, int]:
    """Awards and deductions dated in the period, not since reversed, of residents not
    archived, read from every raw ledger row."""
    rows = list(LedgerEntry.select())
    undone = {r.corrects_id for r in rows if r.kind == "reversal"}
    names = {r.id: (r.name, r.archived) for r in Resident.select()}
    total: dict[str, int] = {}
    for r in rows:
        name, archived = names[r.resident_id]
        if (r.kind in ("award", "deduct") and start <= r.business_date <= end
                and r.seq not in undone and not archived):
            total[name] = total.get(name, 0) + r.points
    return {n: p for n, p in total.items() if p > 0}


def test_the_top_earners_are_what_the_ledger_says(ctx, month):
    top = honour_roll.top_earners(NOV.start, NOV.end, 10)
    by_hand = earned_by_hand(NOV.start, NOV.end)
    assert {e.name: e.points for e in top} == by_hand
    assert [e.points for e in top] == sorted(by_hand.values(), reverse=True)
    assert "己六" not in by_hand and "乙二" in by_hand  # archived; reversed but earned before
    assert by_hand["甲一"] == 2 * 3 + 2 * 2 - 2  # the littering deduction counts
    assert by_hand["戊五"] == 8  # the adjustment and the vouchers are not merit


def test_equal_points_share_a_rank_and_a_tie_is_not_cut(ctx, month):
    top = honour_roll.top_earners(NOV.start, NOV.end, 10)
    assert [(e.rank, e.points) for e in top] == [(1, 10), (2, 8), (2, 8), (2, 8), (2, 8)]
    assert [e.name for e in top] == ["丙三", "甲一", "乙二", "丁四", "戊五"]  # ties by number
    two = honour_roll.top_earners(NOV.start, NOV.end, 2)
    assert len(two) == 5  # the four tied at 8 all stay
    october = honour_roll.top_earners(dt.date(2026, 10, 1), dt.date(2026, 10, 31), 1)
    assert [(e.name, e.points) for e in october] == [("甲一", 8), ("乙二", 8)]


def test_the_roll_groups_commendations_by_title_names_only(ctx, month):
    a, b, c, d, *_ = month
    house = residents.create_household(ctx, "丙三")
    Resident.update(household=house.id).where(Resident.id == c).execute()
    honours.record(ctx, Subject(a), "身边好人", "community", dt.date(2026, 11, 3))
    honours.record(ctx, Subject(b), "身边好人", "street", dt.date(2026, 11, 2))
    honours.record(ctx, Subject(a, b), "好邻居", "community", dt.date(2026, 11, 4))
    honours.record(ctx, Subject(c, household=True), "文明家庭", "district", dt.date(2026, 11, 5))
    honours.record(ctx, Subject(d), "最美护河人", "city", dt.date(2026, 11, 6))
    honours.record(ctx, Subject(d), "道德模范", "city", dt.date(2026, 10, 6))  # October
    gone = honours.record(ctx, Subject(d), "好婆婆", "community", dt.date(2026, 11, 6))
    honours.withdraw(ctx, gone.id, "误登")
    roll = honour_roll.roll(NOV, dt.date(2026, 11, 23), top=3)
    assert roll.station == "新华社区新时代文明实践站" and roll.period == NOV
    assert [t for t, _ in roll.titles] == ["身边好人", "好邻居", "文明家庭", "最美护河人"]
    groups = {t: [(h.who, h.level) for h in people] for t, people in roll.titles}
    assert groups["身边好人"] == [("乙二", "街道级"), ("甲一", "社区级")]
    assert groups["好邻居"] == [("甲一 与 乙二", "社区级")]
    assert groups["文明家庭"] == [("丙三家", "区县级")]
    assert roll.as_dict()["top"][0] == {"rank": 1, "name": "丙三", "points": 10}
    assert roll.as_dict()["published"] == "2026-11-23"
    assert honour_roll.roll(NOV, dt.date(2026, 11, 23), top=0).top == []
    with pytest.raises(InvalidInput):
        honour_roll.roll(NOV, dt.date(2026, 11, 23), top=51)
