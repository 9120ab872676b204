"""What the honour roll poster (光荣榜) shows for a period: the station, the period, the
residents who earned most points in it, and the period's commendations by title.

Names only: nothing here carries an ID number or a phone, so the poster cannot print
one. Points earned are the period's awards net of its deductions, by business day,
leaving out every entry since reversed (a mistake corrected is no merit); spending,
refunds, adjustments and the year-end clearing are not merit either.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

import peewee as pw

from app.models import LedgerEntry, Resident
from app.services import honours, station
from app.services.errors import InvalidInput
from app.services.errors.honours import BadPeriod

DEFAULT_TOP = 10
MAX_TOP = 50
_PERIOD = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{1,2})|[Qq](?P<quarter>[1-4]))?")


@dataclass(frozen=True)
class Period:
    key: str  # 2026-11, 2026Q4, 2026
    start: dt.date
    end: dt.date
    label: str  # 2026年11月, 2026年第四季度, 2026年度


def parse_period(typed: str) -> Period:
    """A month (2026-11), a quarter (2026Q4) or a year (2026)."""
    found = _PERIOD.fullmatch((typed or "").strip())
    if found is None or not 2000 <= int(found["year"]) <= 2100:
        raise BadPeriod(period=typed)
    year = int(found["year"])
    if found["month"]:
        month = int(found["month"])
        if not 1 <= month <= 12:
            raise BadPeriod(period=typed)
        last = calendar.monthrange(year, month)[1]
        return Period(f"{year}-{month:02d}", dt.date(year, month, 1),
                      dt.date(year, month, last), f"{year}年{month}月")
    if found["quarter"]:
        quarter = int(found["quarter"])
        first = 3 * quarter - 2
        last = calendar.monthrange(year, first + 2)[1]
        return Period(f"{year}Q{quarter}", dt.date(year, first, 1),
                      dt.date(year, first + 2, last), f"{year}年第{'一二三四'[quarter - 1]}季度")
    return Period(str(year), dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}年度")


@dataclass(frozen=True)
class Earner:
    rank: int  # equal points share a rank (1, 2, 2, 4)
    name: str
    points: int


@dataclass(frozen=True)
class Honoured:
    who: str  # 甲, 甲 与 乙, 张明月家
    level: str  # 社区级 …
    awarded_on: str


@dataclass(frozen=True)
class Roll:
    station: str
    period: Period
    top: list[Earner]
    titles: list[tuple[str, list[Honoured]]]  # by title, in the list's order
    published: dt.date
    demo: bool = False
    people: list[str] = field(default_factory=list)  # every name printed (fonts check)

    def as_dict(self) -> dict:
        return {"station": self.station, "period": self.period.key,
                "label": self.period.label, "from": self.period.start.isoformat(),
                "to": self.period.end.isoformat(), "published": self.published.isoformat(),
                "top": [e.__dict__ for e in self.top],
                "commendations": [{"title": t, "names": [h.__dict__ for h in rows]}
                                  for t, rows in self.titles]}


def top_earners(start: dt.date, end: dt.date, limit: int = DEFAULT_TOP) -> list[Earner]:
    """Residents (not archived) by points earned from ``start`` to ``end``, best first;
    the ``limit`` best, and everyone tied with the last of them (a tie is not cut)."""
    reversed_ = LedgerEntry.select(LedgerEntry.corrects).where(
        LedgerEntry.kind == "reversal", LedgerEntry.corrects.is_null(False))
    earned = pw.fn.SUM(LedgerEntry.points)
    # Summed per resident first, names joined after: half the time of joining every entry.
    per_resident = (LedgerEntry.select(LedgerEntry.resident.alias("rid"),
                                       earned.alias("points"))
                    .where(LedgerEntry.kind.in_(("award", "deduct")),
                           LedgerEntry.business_date.between(start, end),
                           LedgerEntry.seq.not_in(reversed_))
                    .group_by(LedgerEntry.resident).having(earned > 0))
    rows = (Resident.select(Resident.name, per_resident.c.points)
            .join(per_resident, on=per_resident.c.rid == Resident.id)
            .where(Resident.archived == False)  # noqa: E712
            .order_by(per_resident.c.points.desc(), Resident.resident_no).tuples())
    out: list[Earner] = []
    for n, (name, points) in enumerate(rows):
        points = int(points)
        if n >= limit and points != out[-1].points:
            break
        rank = out[-1].rank if out and out[-1].points == points else n + 1
        out.append(Earner(rank, name, points))
    return out


def roll(period: Period, published: dt.date, top: int = DEFAULT_TOP) -> Roll:
    """The roll of ``period``, published on ``published``: its ``top`` earners and its
    commendations (not withdrawn), grouped by title (the list's titles first, in its
    order, then others by name)."""
    if not 0 <= top <= MAX_TOP:
        raise InvalidInput(what=f"积分榜人数须在 0 到 {MAX_TOP} 之间。",
                           what_en=f"The number of top residents is 0 to {MAX_TOP}.",
                           field="top")
    info = station.current()
    earners = top_earners(period.start, period.end, top) if top else []
    found = sorted(honours.commendations(period.start, period.end),
                   key=lambda c: (c.awarded_on, c.id))
    order = {t: n for n, t in enumerate(honours.TITLES)}
    titles = sorted({c.title for c in found}, key=lambda t: (order.get(t, len(order)), t))
    groups = [(t, [Honoured(c.who, c.level_zh, c.awarded_on) for c in found if c.title == t])
              for t in titles]
    people = [e.name for e in earners] + [c.who for c in found]
    return Roll(info.name, period, earners, groups, published, info.demo, people)
