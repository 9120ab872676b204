"""How points are split into vouchers: the largest denominations first, and, where the
desk suggests an amount, no pile of 1-point vouchers (the rest stays on the balance)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services import vouchers
from app.services.errors import BelowMinimum, InsufficientPoints, InvalidDenominations

STATION = (50, 20, 10, 5, 1)


def test_an_exact_split_takes_the_largest_denominations_first():
    """What ``voucher issue`` with bare points gets, as it always has."""
    assert vouchers.split(88, STATION) == [50, 20, 10, 5, 1, 1, 1]
    assert vouchers.split(57, STATION) == [50, 5, 1, 1]


def test_without_ones_the_odd_points_stay_on_the_balance():
    assert vouchers.split(52, STATION, ones=False) == [50]
    assert vouchers.split(48, STATION, ones=False) == [20, 20, 5]
    assert vouchers.split(3, STATION, ones=False) == []


def test_a_remainder_the_station_has_a_denomination_for_is_issued():
    assert vouchers.split(52, (50, 20, 10, 5, 2, 1), ones=False) == [50, 2]


def test_the_suggested_amount_is_the_most_of_the_balance_without_ones():
    assert vouchers.suggested_points(52, STATION) == 50
    assert vouchers.suggested_points(57, STATION) == 55
    assert vouchers.suggested_points(100, STATION) == 100
    assert vouchers.suggested_points(4, STATION) == 0
    assert vouchers.suggested_points(-3, STATION) == 0


@given(st.integers(0, 5000),
       st.sets(st.integers(2, 200), max_size=5).map(lambda s: tuple(sorted(s | {1},
                                                                            reverse=True))))
def test_splits_hold_for_any_station(points, denominations):
    exact = vouchers.split(points, denominations)
    assert sum(exact) == points and exact == sorted(exact, reverse=True)
    assert set(exact) <= set(denominations)
    rounded = vouchers.split(points, denominations, ones=False)
    assert 1 not in rounded and rounded == sorted(rounded, reverse=True)
    assert set(rounded) <= set(denominations)
    smallest = min((d for d in denominations if d > 1), default=points + 1)
    assert 0 <= points - sum(rounded) < smallest  # only what no voucher above 1 can take
    assert vouchers.suggested_points(points, denominations) == sum(rounded)


def test_a_plan_is_what_issue_would_make_or_its_refusal(ctx):
    """The desk confirms a plan before issuing: the same faces, the same refusals."""
    assert vouchers.plan(57) == [50, 5, 1, 1]
    assert vouchers.plan(20, [10, 5, 5], balance=20) == [10, 5, 5]
    with pytest.raises(InvalidDenominations):
        vouchers.plan(20, [10, 5, 4])
    with pytest.raises(BelowMinimum):
        vouchers.plan(4)
    with pytest.raises(InsufficientPoints) as err:
        vouchers.plan(55, balance=52)
    assert err.value.data == {"balance": 52, "requested": 55}
