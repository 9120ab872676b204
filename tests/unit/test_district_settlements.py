"""Settlements in the district report are counted as the station's report counts them:
a statement approved in the period (whatever period it covers, whatever state it is in
now), and paid in the period, by the day of each step; not by the period's end."""

from __future__ import annotations

import datetime as dt

from app.services import district_report
from app.services.reports import period
from tests.district_records import make_centre, make_district, record, write

TODAY = dt.date(2026, 12, 20)


def _settled(chosen: str) -> dict[str, int]:
    values = district_report.compute(period.parse("month", chosen), TODAY).centre.values
    return {key: values[key] for key in ("settlement.statements.count",
                                         "settlement.statements.amount_fen",
                                         "settlement.paid.count", "settlement.paid.amount_fen")}


def test_a_statement_counts_when_approved_and_when_paid(db):
    make_centre()
    station = make_district({"所": [("A1", "站", None)]})["A1"]
    october = dt.date(2026, 10, 31)
    write([record(station, "statement", october, None, 4000, "paid", "M-1",
                  approved_at="2026-11-02T10:00:00", paid_on="2026-12-05"),
           record(station, "statement", october, None, 900, "approved", "M-2",
                  approved_at="2026-11-30T23:59:00", paid_on=None),
           record(station, "statement", dt.date(2026, 11, 30), None, 700, "draft", "M-1",
                  approved_at=None, paid_on=None)])
    assert _settled("2026-10") == dict.fromkeys(_settled("2026-10"), 0)
    assert _settled("2026-11") == {"settlement.statements.count": 2,
                                   "settlement.statements.amount_fen": 4900,
                                   "settlement.paid.count": 0, "settlement.paid.amount_fen": 0}
    assert _settled("2026-12") == {"settlement.statements.count": 0,
                                   "settlement.statements.amount_fen": 0,
                                   "settlement.paid.count": 1, "settlement.paid.amount_fen": 4000}
