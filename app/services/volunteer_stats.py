"""The figures stations publish about volunteering, per activity, team, project, kind or
month: 场次 (activities), 参与人数 (distinct persons) beside 人次 (person-times), for
volunteers and for the audience separately, volunteer hours and new volunteers.

Only closed activities count: their attendance is final and their hours are awarded.
A volunteer is new in a period when their first volunteer attendance at any closed
activity falls in it. An activity organised by two teams counts for each team; the
total counts it once.

Residents' requests (百姓点单, 微心愿) count beside them: taken in the period (by the day
taken) and done in it (by the day done), under the team that took them on, the month,
or the activity that met them; one with none of these counts under "（无）".
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import peewee as pw

from app.models import Activity, ActivityKind, ActivityTeam, Participant, Project, Team
from app.models.requests import ResidentRequest
from app.services.activities import hours_text
from app.services.errors import InvalidInput

GROUPS = {"activity": "活动", "team": "志愿服务队", "project": "项目", "kind": "活动类型",
          "month": "月份"}
NONE_ZH = "（无）"


@dataclass
class Figures:
    key: str
    label: str
    activities: int = 0
    volunteers: dict[str, int] = field(default_factory=lambda: {"persons": 0, "person_times": 0})
    audience: dict[str, int] = field(default_factory=lambda: {"persons": 0, "person_times": 0})
    volunteer_hours: str = "0"
    new_volunteers: int = 0
    requests_taken: int = 0
    requests_done: int = 0


@dataclass(frozen=True)
class StatsReport:
    start: str | None
    end: str | None
    by: str
    rows: list[Figures]
    total: Figures


class _Tally:
    def __init__(self) -> None:
        self.activities: set[int] = set()
        self.persons: dict[str, set[int]] = {"volunteer": set(), "audience": set()}
        self.times = {"volunteer": 0, "audience": 0}
        self.tenths = 0
        self.requests = {"taken": 0, "done": 0}

    def figures(self, key: str, label: str, new: set[int]) -> Figures:
        return Figures(key, label, len(self.activities),
                       {"persons": len(self.persons["volunteer"]),
                        "person_times": self.times["volunteer"]},
                       {"persons": len(self.persons["audience"]),
                        "person_times": self.times["audience"]},
                       hours_text(self.tenths), len(self.persons["volunteer"] & new),
                       self.requests["taken"], self.requests["done"])


def _closed(start: dt.date | None, end: dt.date | None) -> pw.Expression:
    where = Activity.state == "closed"
    if start:
        where &= Activity.date >= start
    if end:
        where &= Activity.date <= end
    return where


def _new_volunteers(start: dt.date | None, end: dt.date | None) -> set[int]:
    first = pw.fn.MIN(Activity.date)
    query = (Participant.select(Participant.resident).join(Activity)
             .where(Activity.state == "closed", Participant.role == "volunteer",
                    Participant.signed_in_at.is_null(False))
             .group_by(Participant.resident))
    having = []
    if start:
        having.append(first >= start)
    if end:
        having.append(first <= end)
    if having:
        query = query.having(*having)
    return {rid for (rid,) in query.tuples()}


def _keys(start: dt.date | None, end: dt.date | None, by: str) -> dict[int, list[tuple]]:
    """Each closed activity of the period → the groups it counts in: (key, label)."""
    rows = (Activity.select(Activity.id, Activity.uid, Activity.title, Activity.date,
                            ActivityKind.code, ActivityKind.name_zh, Project.name)
            .join(ActivityKind).switch(Activity).join(Project, pw.JOIN.LEFT_OUTER)
            .where(_closed(start, end)).order_by(Activity.date, Activity.id).tuples())
    keys: dict[int, list[tuple]] = {}
    for aid, uid, title, day, code, kind, project in rows:
        keys[aid] = {"activity": [(uid, f"{day} {title}")], "kind": [(code, kind)],
                     "project": [(project or "", project or NONE_ZH)],
                     "month": [(str(day)[:7], str(day)[:7])], "team": []}[by]
    if by == "team" and keys:
        for aid, name in (ActivityTeam.select(ActivityTeam.activity, Team.name).join(Team)
                          .where(ActivityTeam.activity.in_(list(keys)))
                          .order_by(Team.id).tuples()):
            keys[aid].append((name, name))
        for groups in keys.values():
            groups[:] = groups or [("", NONE_ZH)]
    return keys


def activity_stats(start: dt.date | None = None, end: dt.date | None = None,
                   by: str = "kind") -> StatsReport:
    if by not in GROUPS:
        choices = "、".join(f"{k}（{v}）" for k, v in GROUPS.items())
        raise InvalidInput(what=f"分组方式须为：{choices}。",
                           what_en=f"Group by one of: {', '.join(GROUPS)}.", field="by")
    if start and end and end < start:
        raise InvalidInput(what="结束日期不能早于开始日期。",
                           what_en="The end is before the start.")
    keys = _keys(start, end, by)
    tallies: dict[tuple, _Tally] = defaultdict(_Tally)
    total = _Tally()
    for aid, groups in keys.items():
        total.activities.add(aid)
        for group in groups:
            tallies[group].activities.add(aid)
    attended = (Participant.select(Participant.activity, Participant.resident, Participant.role,
                                   Participant.hours_tenths).join(Activity)
                .where(_closed(start, end), Participant.signed_in_at.is_null(False)).tuples())
    for aid, rid, role, tenths in attended:
        for tally in [total, *(tallies[g] for g in keys[aid])]:
            tally.persons[role].add(rid)
            tally.times[role] += 1
            if role == "volunteer":
                tally.tenths += tenths or 0
    _count_requests(start, end, by, tallies, total)
    new = _new_volunteers(start, end)
    rows = [tally.figures(key, label, new) for (key, label), tally in tallies.items()]
    return StatsReport(str(start) if start else None, str(end) if end else None, by, rows,
                       total.figures("", "合计", new))


def _in_period(column: pw.Field, start: dt.date | None, end: dt.date | None) -> pw.Expression:
    where = column.is_null(False)
    if start:
        where &= column >= dt.datetime.combine(start, dt.time())
    if end:
        where &= column < dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
    return where


def _count_requests(start: dt.date | None, end: dt.date | None, by: str,
                    tallies: dict[tuple, _Tally], total: _Tally) -> None:
    """Add the requests taken, and those done, in the period to the total and to the
    group each belongs to."""
    for what, column in (("taken", ResidentRequest.taken_at), ("done", ResidentRequest.done_at)):
        where = _in_period(column, start, end)
        if what == "done":
            where &= ResidentRequest.status == "done"
        rows = (ResidentRequest.select(column, Team.name, Activity.uid, Activity.title,
                                       Activity.date, ActivityKind.code, ActivityKind.name_zh,
                                       Project.name)
                .join(Team, pw.JOIN.LEFT_OUTER).switch(ResidentRequest)
                .join(Activity, pw.JOIN.LEFT_OUTER).join(ActivityKind, pw.JOIN.LEFT_OUTER)
                .switch(Activity).join(Project, pw.JOIN.LEFT_OUTER)
                .where(where).order_by(column, ResidentRequest.id).tuples())
        for at, team, uid, title, day, code, kind, project in rows:
            month = str(at)[:7]
            group = {"team": (team, team), "month": (month, month),
                     "activity": (uid, f"{day} {title}"), "kind": (code, kind),
                     "project": (project, project)}[by]
            total.requests[what] += 1
            tallies[group if group[0] else ("", NONE_ZH)].requests[what] += 1


HEADERS = ("分组", "活动场次", "志愿者人数", "志愿者人次", "服务对象人数", "服务对象人次",
           "志愿服务时长（小时）", "新增志愿者", "群众点单受理", "群众点单办结")


def write_xlsx(report: StatsReport, path: Path) -> None:
    """The report as a sheet stations paste into their own: one row a group, a total row."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "志愿服务统计"
    period = f"{report.start or '最早'} 至 {report.end or '最近'}"
    sheet.append([f"志愿服务统计（按{GROUPS[report.by]}，{period}）"])
    sheet.append(list(HEADERS))
    for f in [*report.rows, report.total]:
        sheet.append([f.label, f.activities, f.volunteers["persons"],
                      f.volunteers["person_times"], f.audience["persons"],
                      f.audience["person_times"], float(f.volunteer_hours), f.new_volunteers,
                      f.requests_taken, f.requests_done])
    sheet.column_dimensions["A"].width = 30
    book.save(path)
