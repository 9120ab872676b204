"""Volunteering figures of a report: 场次, persons beside person-times for volunteers and
for the audience, service hours and new volunteers, in all and by organising team.

They follow ``volunteer_stats``: only closed activities count (their attendance is
final), a participant counts once signed in, and a volunteer is new in the period their
first volunteer attendance at a closed activity falls in. Under a tag, an activity counts
when a tagged resident attended it."""

from __future__ import annotations

import peewee as pw

from app.models import Activity, ActivityTeam, Participant, Team
from app.services.reports.scope import NONE_EN, NONE_ZH, Row, Scope, hours


def _attended(scope: Scope) -> pw.Expression:
    return ((Activity.state == "closed") & scope.dates(Activity.date)
            & Participant.signed_in_at.is_null(False) & scope.residents(Participant.resident))


def _activities(scope: Scope) -> int:
    if not scope.tag:
        return Activity.select().where(Activity.state == "closed",
                                       scope.dates(Activity.date)).count()
    return (Participant.select(pw.fn.COUNT(Participant.activity.distinct())).join(Activity)
            .where(_attended(scope)).scalar()) or 0


def _new_volunteers(scope: Scope) -> int:
    first = pw.fn.MIN(Activity.date)
    firsts = (Participant.select(Participant.resident).join(Activity)
              .where(Activity.state == "closed", Participant.role == "volunteer",
                     Participant.signed_in_at.is_null(False),
                     scope.residents(Participant.resident))
              .group_by(Participant.resident)
              .having(first.between(scope.period.start, scope.period.end)))
    return firsts.count()


def volunteering(scope: Scope) -> list[Row]:
    found = {role: (times, persons, tenths) for role, times, persons, tenths in (
        Participant.select(Participant.role, pw.fn.COUNT(Participant.id),
                           pw.fn.COUNT(Participant.resident.distinct()),
                           pw.fn.SUM(Participant.hours_tenths))
        .join(Activity).where(_attended(scope)).group_by(Participant.role).tuples())}
    v_times, v_persons, v_tenths = found.get("volunteer", (0, 0, 0))
    a_times, a_persons, _ = found.get("audience", (0, 0, 0))
    return [
        Row("activities", "活动场次", "Activities", "count", _activities(scope)),
        Row("volunteers.persons", "志愿者人数", "Volunteers (persons)", "count", v_persons),
        Row("volunteers.person_times", "志愿者人次", "Volunteers (person-times)", "count",
            v_times),
        Row("volunteers.hours", "志愿服务时长（小时）", "Service hours", "hours",
            hours(v_tenths)),
        Row("volunteers.new", "新增志愿者", "New volunteers", "count", _new_volunteers(scope)),
        Row("audience.persons", "服务群众人数", "Audience (persons)", "count", a_persons),
        Row("audience.person_times", "服务群众人次", "Audience (person-times)", "count",
            a_times),
    ]


def by_grid(scope: Scope) -> list[Row]:
    """Per grid of the participant's home: volunteers (persons, person-times, hours) and
    the audience's person-times."""
    from app.models import Resident

    found: dict[str, dict[str, tuple[int, int, int]]] = {}
    for grid, role, times, persons, tenths in (
            Participant.select(Resident.grid, Participant.role, pw.fn.COUNT(Participant.id),
                               pw.fn.COUNT(Participant.resident.distinct()),
                               pw.fn.SUM(Participant.hours_tenths))
            .join(Activity).switch(Participant).join(Resident).where(_attended(scope))
            .group_by(Resident.grid, Participant.role).tuples()):
        found.setdefault(grid or "", {})[role] = (times, persons, tenths or 0)
    rows: list[Row] = []
    for grid in sorted(found):
        zh_name, en_name = (grid, grid) if grid else (NONE_ZH, NONE_EN)
        v_times, v_persons, v_tenths = found[grid].get("volunteer", (0, 0, 0))
        a_times = found[grid].get("audience", (0, 0, 0))[0]
        key = f"grid.{grid or '-'}"
        rows += [Row(f"{key}.volunteers.persons", f"{zh_name}：志愿者人数",
                     f"{en_name}: volunteers (persons)", "count", v_persons),
                 Row(f"{key}.volunteers.person_times", f"{zh_name}：志愿者人次",
                     f"{en_name}: volunteer person-times", "count", v_times),
                 Row(f"{key}.volunteers.hours", f"{zh_name}：志愿服务时长（小时）",
                     f"{en_name}: service hours", "hours", hours(v_tenths)),
                 Row(f"{key}.audience.person_times", f"{zh_name}：服务群众人次",
                     f"{en_name}: audience person-times", "count", a_times)]
    return rows


def by_team(scope: Scope) -> list[Row]:
    """Per organising team: activities, volunteer person-times and hours. An activity of
    two teams counts for each."""
    rows: list[Row] = []
    activities = {name: count for name, count in (
        ActivityTeam.select(Team.name, pw.fn.COUNT(ActivityTeam.activity.distinct()))
        .join(Team).switch(ActivityTeam).join(Activity)
        .where(Activity.state == "closed", scope.dates(Activity.date),
               Activity.id.in_(Participant.select(Participant.activity).join(Activity)
                               .where(_attended(scope))) if scope.tag else pw.SQL("1 = 1"))
        .group_by(Team.name).tuples())}
    served = {name: (times, tenths) for name, times, tenths in (
        Participant.select(Team.name, pw.fn.COUNT(Participant.id),
                           pw.fn.SUM(Participant.hours_tenths))
        .join(Activity).join(ActivityTeam, on=(ActivityTeam.activity == Activity.id))
        .join(Team).where(_attended(scope), Participant.role == "volunteer")
        .group_by(Team.name).tuples())}
    for name in sorted(activities.keys() | served.keys()):
        times, tenths = served.get(name, (0, 0))
        rows += [Row(f"team.{name}.activities", f"{name}：活动场次", f"{name}: activities",
                     "count", activities.get(name, 0)),
                 Row(f"team.{name}.volunteers.person_times", f"{name}：志愿者人次",
                     f"{name}: volunteer person-times", "count", times),
                 Row(f"team.{name}.volunteers.hours", f"{name}：志愿服务时长（小时）",
                     f"{name}: service hours", "hours", hours(tenths))]
    return rows
