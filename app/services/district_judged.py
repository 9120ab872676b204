"""The district report's figures that the columns alone cannot give, counted as the
station's own report counts them: an activity counts once it was held (closed), an
attendance once its resident signed in at an activity held, a commendation while it
stands (not withdrawn), a merchant's statement in the period it was approved in and in
the one it was paid in. Whether it was held, signed in, withdrawn, approved or paid is
in the record's ``data`` (the station changes these records, and the newest version is
kept), so these few records (thousands a year in a district, beside millions of ledger
entries) are read whole and judged here.

A statement's day is the end of the period it covers, and it is approved and paid
days or weeks later: every statement record is read, whatever its day (a few a
merchant a month), and placed by its approval and its payment."""

from __future__ import annotations

import json
from collections import defaultdict

import peewee as pw

from app.models.district import DistrictRecord, Institute, MemberStation
from app.services.reports.period import Period

JUDGED = ("activity", "attendance", "commendation")
ROLES = {"volunteer": "volunteers", "audience": "audience"}


def _of(query: pw.ModelSelect, institute: str | None) -> list[tuple]:
    if institute is not None:
        query = query.where(DistrictRecord.station.in_(
            MemberStation.select(MemberStation.id).join(Institute)
            .where(Institute.name == institute)))
    return list(query.tuples())


def _rows(period: Period, institute: str | None) -> list[tuple]:
    r = DistrictRecord
    return _of(r.select(r.station, r.kind, r.uid, r.resident, r.amount, r.category, r.ref, r.data)
               .where(r.kind.in_(JUDGED), r.day.between(period.start, period.end)), institute)


def _within(value: object, period: Period) -> bool:
    """A date or a time (ISO text, with a T or a space) falls on a day of ``period``."""
    return bool(value) and period.start.isoformat() <= str(value)[:10] <= period.end.isoformat()


def _settlements(period: Period, institute: str | None,
                 out: dict[int, dict[str, int | float]]) -> None:
    r = DistrictRecord
    for station, amount, data in _of(r.select(r.station, r.amount, r.data)
                                     .where(r.kind == "statement"), institute):
        data = json.loads(data or "{}")
        for step, key in (("approved_at", "statements"), ("paid_on", "paid")):
            if _within(data.get(step), period):
                out[station][f"settlement.{key}.count"] += 1
                out[station][f"settlement.{key}.amount_fen"] += amount or 0


def by_station(period: Period, institute: str | None) -> dict[int, dict[str, int | float]]:
    """The figures of activities, attendance, commendations and settlements, per
    station id."""
    rows = [(station, kind, uid, who, amount, category, ref, json.loads(data or "{}"))
            for station, kind, uid, who, amount, category, ref, data in _rows(period, institute)]
    held = {(station, uid) for station, kind, uid, *_, data in rows
            if kind == "activity" and data.get("state") == "closed"}
    out: dict[int, dict[str, int | float]] = defaultdict(lambda: defaultdict(int))
    persons: dict[tuple[int, str], set[str]] = defaultdict(set)
    for station, kind, uid, who, amount, category, ref, data in rows:
        figures = out[station]
        if kind == "activity" and (station, uid) in held:
            figures["activities"] += 1
        elif (kind == "attendance" and category in ROLES and (station, ref) in held
              and data.get("signed_in_at")):
            figures[f"{ROLES[category]}.person_times"] += 1
            if who:
                persons[(station, ROLES[category])].add(who)
            if category == "volunteer":
                figures["volunteers.hours"] += (amount or 0) / 10
        elif kind == "commendation" and not data.get("withdrawn_at"):
            figures["honours.count"] += 1
            figures[f"honours.level.{category}"] += 1
    for (station, key), who in persons.items():
        out[station][f"{key}.persons"] = len(who)
    _settlements(period, institute, out)
    return {station: dict(figures) for station, figures in out.items()}
