"""A volunteer's record (志愿服务记录): the teams they served in, the activities they gave
hours to, their hours by year and in all, and their star level.

Hours are those awarded when an activity was closed (``Participant.hours_tenths``):
sign-out − sign-in, the time of service only, travel never scanned (《志愿服务记录与证明
出具办法》 counts service time in hours, excluding the journey). An activity not yet closed
has no hours to record. Star levels follow the 100/300/600/1000/1500-hour steps of the
national volunteer-record rules, on the volunteer's whole record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from app.models import Activity, ActivityKind, Participant, Resident, Team, TeamMember
from app.services import residents
from app.services.activities import hours_text
from app.services.errors import InvalidInput

# (hours at least, name): 一星 at 100 hours of service … 五星 at 1500.
STAR_LEVELS = ((100, "一星"), (300, "二星"), (600, "三星"), (1000, "四星"), (1500, "五星"))
ID_TYPES = {"cn_id": "居民身份证", "other": "其他证件", "none": "无"}


def id_type_label(id_type: str, id_number: str | None) -> str:
    """The document's name as the certificate and the national system write it."""
    return ID_TYPES.get(id_type, "其他证件") if id_number else ID_TYPES["none"]


@dataclass(frozen=True)
class Star:
    level: int  # 0: below the first step
    name: str  # 一星 … 五星; "" below the first step
    next_hours: int | None  # the hours of the next step; None at the top
    to_next: str | None  # the hours still to serve to reach it


def star_for(tenths: int) -> Star:
    """The star level of ``tenths`` tenths of an hour of service."""
    level = sum(1 for hours, _ in STAR_LEVELS if tenths >= hours * 10)
    name = STAR_LEVELS[level - 1][1] if level else ""
    following = STAR_LEVELS[level][0] if level < len(STAR_LEVELS) else None
    return Star(level, name, following,
                None if following is None else hours_text(following * 10 - tenths))


@dataclass(frozen=True)
class TeamSpell:
    team: str
    joined_on: str
    left_on: str | None  # None: still a member


@dataclass(frozen=True)
class ServiceLine:
    """One activity the volunteer gave hours to."""

    activity_uid: str
    date: str
    title: str
    kind: str
    hours: str
    tenths: int


@dataclass(frozen=True)
class YearHours:
    year: int
    activities: int
    hours: str


@dataclass(frozen=True)
class VolunteerRecord:
    resident_id: int
    resident_no: str
    name: str
    id_type: str  # 居民身份证 / 其他证件 / 无
    id_masked: str
    start: str | None  # the period asked for (None: from the first record / to the last)
    end: str | None
    teams: list[TeamSpell]
    services: list[ServiceLine]  # in the period, oldest first
    years: list[YearHours]  # in the period
    hours: str  # in the period
    tenths: int
    total_hours: str  # the whole record, whatever the period
    star: Star  # on the whole record


def check_period(start: dt.date | None, end: dt.date | None) -> None:
    if start and end and end < start:
        raise InvalidInput(what="结束日期不能早于开始日期。",
                           what_en="The end is before the start.")


def served(start: dt.date | None, end: dt.date | None) -> pw.Expression:
    """A volunteer's hours at a closed activity of the period (an audience seat or a
    visit too short to count is no service)."""
    where = ((Activity.state == "closed") & (Participant.role == "volunteer")
             & (Participant.hours_tenths > 0))
    if start:
        where &= Activity.date >= start
    if end:
        where &= Activity.date <= end
    return where


def service_lines(resident_id: int, start: dt.date | None = None,
                  end: dt.date | None = None) -> list[ServiceLine]:
    rows = (Participant.select(Activity.uid, Activity.date, Activity.title,
                               ActivityKind.name_zh, Participant.hours_tenths)
            .join(Activity).join(ActivityKind)
            .where(Participant.resident == resident_id, served(start, end))
            .order_by(Activity.date, Activity.start, Activity.id).tuples())
    return [ServiceLine(uid, str(day), title, kind, hours_text(tenths), tenths)
            for uid, day, title, kind, tenths in rows]


def years_of(lines: list[ServiceLine]) -> list[YearHours]:
    totals: dict[int, list[int]] = {}
    for line in lines:
        tally = totals.setdefault(int(line.date[:4]), [0, 0])
        tally[0] += 1
        tally[1] += line.tenths
    return [YearHours(year, count, hours_text(tenths))
            for year, (count, tenths) in sorted(totals.items())]


def _spells(resident_id: int) -> list[TeamSpell]:
    rows = (TeamMember.select(Team.name, TeamMember.joined_on, TeamMember.left_on)
            .join(Team).where(TeamMember.resident == resident_id)
            .order_by(TeamMember.joined_on, TeamMember.id).tuples())
    return [TeamSpell(name, str(joined), str(left) if left else None)
            for name, joined, left in rows]


def whole_tenths(resident_id: int) -> int:
    """All the hours of service on the volunteer's record, in tenths."""
    total = (Participant.select(pw.fn.SUM(Participant.hours_tenths)).join(Activity)
             .where(Participant.resident == resident_id, served(None, None)).scalar())
    return int(total or 0)


def volunteer_record(resident_id: int, start: dt.date | None = None,
                     end: dt.date | None = None) -> VolunteerRecord:
    """The record of one resident (archived residents keep theirs: it is kept 10 years)."""
    check_period(start, end)
    person: Resident = residents.load(resident_id)
    view = residents.view_of(person)
    lines = service_lines(resident_id, start, end)
    tenths = sum(line.tenths for line in lines)
    whole = whole_tenths(resident_id)
    return VolunteerRecord(
        person.id, person.resident_no, person.name,
        id_type_label(person.id_type, person.id_number),
        view.id_masked, str(start) if start else None, str(end) if end else None,
        _spells(resident_id), lines, years_of(lines), hours_text(tenths), tenths,
        hours_text(whole), star_for(whole))
