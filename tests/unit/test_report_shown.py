"""A figure as the reports page and PDF print it."""

from __future__ import annotations

from app.services.reports.report import Figure


def _figure(unit: str) -> Figure:
    return Figure(key="k", zh="指标", en="figure", unit=unit, value=0, previous=0)


def test_money_hours_and_counts_are_shown_each_their_way():
    assert _figure("fen").shown(123456) == "1,234.56"
    assert _figure("hours").shown(2.25) == "2.2" and _figure("hours").shown(3) == "3.0"
    assert _figure("points").shown(12000) == "12,000"


def test_only_a_gain_gets_a_plus_sign():
    f = _figure("count")
    assert (f.shown(5, signed=True), f.shown(-5, signed=True), f.shown(0, signed=True)) == \
        ("+5", "-5", "0")
    assert f.shown(5) == "5"
