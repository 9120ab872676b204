"""The district report's figures that the columns alone cannot give, counted as the
station's own report counts them: an activity counts once it was held (closed), an
attendance once its resident signed in at an activity held, a commendation while it
stands (not withdrawn). Whether it was held, signed in or withdrawn is in the record's
``data`` (the station changes these records, and the newest version is kept), so these
few records (thousands a year in a district, beside millions of ledger entries) are
read whole and judged here."""

from __future__ import annotations

import json
from collections import defaultdict

from app.models.district import DistrictRecord, Institute, MemberStation
from app.services.reports.period import Period

JUDGED = ("activity", "attendance", "commendation")
ROLES = {"volunteer": "volunteers", "audience": "audience"}


def _rows(period: Period, institute: str | None) -> list[tuple]:
    r = DistrictRecord
    query = (r.select(r.station, r.kind, r.uid, r.resident, r.amount, r.category, r.ref, r.data)
             .where(r.kind.in_(JUDGED), r.day.between(period.start, period.end)))
    if institute is not None:
        query = query.where(r.station.in_(MemberStation.select(MemberStation.id).join(Institute)
                                          .where(Institute.name == institute)))
    return list(query.tuples())


def by_station(period: Period, institute: str | None) -> dict[int, dict[str, int | float]]:
    """The figures of activities, attendance and commendations, per station id."""
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
    return {station: dict(figures) for station, figures in out.items()}
