"""The district report (区级报表): the station report's figures for a period, per station,
per institute (实践所) and for the centre, counted from the records the stations' packages
brought (see ``district_figures``), with each station's last package and how many days
its data is behind, so the centre sees who has not reported.

A station is behind when the last package it sent was written before the end of the
period (or before today, for a period not over yet): what it did since is not counted
yet. A station that never sent one is behind too."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.models.district import Institute, MemberStation
from app.services import district_figures as figures
from app.services.district_figures import FIGURES, SECTIONS, Figure
from app.services.errors import InvalidInput
from app.services.reports import period as periods
from app.services.reports.period import Period

LEVELS = {"station": ("站点", "Station"), "institute": ("实践所", "Institute"),
          "centre": ("中心", "Centre")}


def parse_period(text: str | None, start: dt.date | None = None,
                 end: dt.date | None = None) -> Period:
    """The period a clerk writes as the station's report does: ``2026-10`` (a month),
    ``2026Q3`` (a quarter), ``2026`` (a year), or two days (``start`` and ``end``)."""
    if start is not None or end is not None:
        if text or start is None or end is None:
            raise InvalidInput(what="日期段须同时给出开始和结束日期，且不再写期间。",
                               what_en="A range takes both dates and no period.",
                               field="period")
        return periods.date_range(start, end)
    for kind in ("month", "quarter", "year"):
        try:
            return periods.parse(kind, text or "")
        except InvalidInput:
            continue
    raise InvalidInput(what=f"期间“{text or ''}”应写成 2026-10（月）、2026Q3（季度）或 "
                            "2026（年）的格式，或用 --from 和 --to 给出日期段。",
                       what_en=f"Write the period “{text or ''}” as 2026-10, 2026Q3 or 2026, "
                               "or give --from and --to.", field="period")


@dataclass(frozen=True)
class Unit:
    """One row of the report: a station, an institute or the centre, with its figures
    and where its packages have got to (for an institute or the centre: how many of its
    stations are behind, and the oldest last package among them)."""

    level: str  # station | institute | centre
    code: str  # a station's code; an institute's or the centre's name
    name: str
    institute: str  # a station's institute; "" otherwise
    values: dict[str, int | float]
    stations: int = 1
    behind: int = 0
    last_exported_at: dt.datetime | None = None
    last_imported_at: dt.datetime | None = None
    days_behind: int | None = None  # None: never sent a package (stations only)

    @property
    def is_behind(self) -> bool:
        return self.behind > 0

    def as_dict(self) -> dict:
        return {"level": self.level, "code": self.code, "name": self.name,
                "institute": self.institute, "stations": self.stations, "behind": self.behind,
                "last_exported_at": _iso(self.last_exported_at),
                "last_imported_at": _iso(self.last_imported_at),
                "days_behind": self.days_behind, "figures": dict(self.values)}


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat(sep=" ") if value else None


@dataclass(frozen=True)
class DistrictReport:
    centre_name: str
    period: Period
    made_on: dt.date
    institute: str | None  # the one institute asked for, or None for the whole district
    stations: tuple[Unit, ...]
    institutes: tuple[Unit, ...]
    centre: Unit
    figures: tuple[Figure, ...] = field(default=FIGURES)

    def sections(self) -> list[tuple[str, str, str, list[Figure]]]:
        """(key, Chinese title, English title, figures) in the order shown."""
        return [(key, zh, en, [f for f in self.figures if f.section == key])
                for key, (zh, en) in SECTIONS.items()]

    def levels(self) -> list[tuple[str, tuple[Unit, ...]]]:
        return [("centre", (self.centre,)), ("institute", self.institutes),
                ("station", self.stations)]

    def as_dict(self) -> dict:
        return {"centre": self.centre_name, "period": self.period.as_dict(),
                "made_on": str(self.made_on), "institute": self.institute,
                "figures": [{"key": f.key, "label": f.zh, "label_en": f.en, "unit": f.unit,
                             "section": f.section} for f in self.figures],
                "totals": self.centre.as_dict(),
                "institutes": [u.as_dict() for u in self.institutes],
                "stations": [u.as_dict() for u in self.stations],
                "behind": [u.code for u in self.stations if u.is_behind]}


def days_behind(last_exported_at: dt.datetime | None, chosen: Period,
                today: dt.date) -> int | None:
    """Days between what a station's last package covers and the end of ``chosen`` (or
    today, when sooner); 0 when the package reaches it, None when none came."""
    if last_exported_at is None:
        return None
    due = min(chosen.end, today)
    return max(0, (due - last_exported_at.date()).days)


def centre_name() -> str:
    from app.services.centre import require_centre

    return require_centre().name


def institute_names() -> list[str]:
    return [name for (name,) in Institute.select(Institute.name).order_by(Institute.name)
            .tuples()]


def _members(institute: str | None) -> list[tuple]:
    query = (MemberStation.select(MemberStation.id, MemberStation.code, MemberStation.name,
                                  Institute.name, MemberStation.last_exported_at,
                                  MemberStation.last_imported_at)
             .join(Institute).order_by(Institute.name, MemberStation.code))
    if institute is not None:
        query = query.where(Institute.name == institute)
    return list(query.tuples())


def _group(level: str, code: str, name: str, parts: list[Unit]) -> Unit:
    sent = [u.last_exported_at for u in parts if u.last_exported_at]
    imported = [u.last_imported_at for u in parts if u.last_imported_at]
    return Unit(level, code, name, "", figures.total([u.values for u in parts]),
                stations=sum(u.stations for u in parts), behind=sum(u.behind for u in parts),
                last_exported_at=min(sent) if len(sent) == len(parts) and sent else None,
                last_imported_at=max(imported) if imported else None)


def compute(chosen: Period, today: dt.date, institute: str | None = None) -> DistrictReport:
    """Every figure of ``chosen`` for each member station, each institute and the centre
    (or, with ``institute``, that institute's stations and their total only)."""
    name = centre_name()
    institute = (institute or "").strip() or None
    if institute is not None and institute not in institute_names():
        raise InvalidInput(what=f"没有名为“{institute}”的实践所（见 centre report 的 "
                                "--institute 与已登记的实践所）。",
                           what_en=f"There is no institute named “{institute}”.",
                           field="institute")
    found = figures.by_station(chosen, institute)
    stations = []
    for sid, code, sname, iname, sent, imported in _members(institute):
        late = days_behind(sent, chosen, today)
        stations.append(Unit("station", code, sname or code, iname,
                             found.get(sid) or figures.zeros(),
                             behind=int(late is None or late > 0), last_exported_at=sent,
                             last_imported_at=imported, days_behind=late))
    names = [institute] if institute else institute_names()
    institutes = tuple(_group("institute", n, n, [u for u in stations if u.institute == n])
                       for n in names)
    whole = _group("centre", name, name if institute is None else f"{name}（{institute}）",
                   list(stations))
    return DistrictReport(name, chosen, today, institute, tuple(stations), institutes, whole)

