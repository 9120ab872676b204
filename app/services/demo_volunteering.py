"""Demo volunteer work: teams by colour and skill under a 总队, partner units' teams, brand
projects, and two months of activities — most closed with their volunteers' hours and
points and their audience, a few planned in the coming weeks with sign-ups and a
waiting list.

Everything goes through the services (teams, activities, attendance, closing), acting
as the demo clerk on a clock set to the day each thing happened, so every ledger
invariant holds and the history is the demo clerk's, like the rest of the demo.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from app.models import Clerk, Resident, Team, write_transaction
from app.services import activities, activity_close, attendance, teams
from app.services.activities import ActivityPlan
from app.services.context import Actor, Context, FixedClock

GENERAL = "新华志愿服务总队"
# name, colour, kind, parent team, partner unit
TEAMS = ((GENERAL, "", "general", None, ""),
         ("红色志愿服务队", "红色", "skill", GENERAL, ""),
         ("紫色志愿服务队", "紫色", "skill", GENERAL, ""),
         ("绿色志愿服务队", "绿色", "skill", GENERAL, ""),
         ("蓝色志愿服务队", "蓝色", "trade", GENERAL, ""),
         ("橙色志愿服务队", "橙色", "skill", GENERAL, ""),
         ("幸福里幼儿园亲子志愿队", "", "unit", None, "幸福里幼儿园"),
         ("新华派出所平安志愿队", "", "unit", None, "新华派出所"))


@dataclass(frozen=True)
class _Kind:
    title: str
    kind: str
    deed_type: str
    team: str
    project: str
    place: str
    start: dt.time
    end: dt.time
    volunteers: int
    audience: int


def _t(hhmm: str) -> dt.time:
    return dt.time(*map(int, hhmm.split(":")))


KINDS = (
    _Kind("爱心厨房·为独居老人送餐", "care", "ELDER_CARE", "橙色志愿服务队", "爱心厨房",
          "社区食堂", _t("10:30"), _t("12:30"), 5, 6),
    _Kind("四点半课堂·作业辅导", "culture", "TUTORING_CHILDREN", "紫色志愿服务队", "校外课堂",
          "四点半课堂", _t("16:30"), _t("18:00"), 3, 8),
    _Kind("文化小舞台·周末演出", "culture", "POLICY_PUBLICITY", "紫色志愿服务队", "文化小舞台",
          "活动室", _t("19:00"), _t("20:30"), 6, 15),
    _Kind("义诊义剪进社区", "clinic", "SKILLED_SERVICE", "蓝色志愿服务队", "义诊义剪",
          "活动室", _t("09:00"), _t("11:30"), 4, 10),
    _Kind("幸福里环境整治", "environment", "ENV_CLEANUP", "绿色志愿服务队", "",
          "幸福里小区", _t("08:00"), _t("10:00"), 8, 0),
    _Kind("党员日·政策宣讲", "theory", "POLICY_PUBLICITY", "红色志愿服务队", "",
          "道德讲堂", _t("09:00"), _t("10:30"), 3, 12),
    _Kind("平安巡防", "other", "SECURITY_PATROL", "新华派出所平安志愿队", "",
          "新华街沿线", _t("19:00"), _t("21:00"), 5, 0),
    _Kind("亲子环保小卫士", "environment", "ENV_CLEANUP", "幸福里幼儿园亲子志愿队", "",
          "幸福里幼儿园", _t("15:00"), _t("16:30"), 6, 6),
)
PAST, EVERY = 20, 3  # twenty activities, one every three days before today
PLANNED = 4  # and four in the coming weeks
POOL = 160  # residents who take part: volunteers and audience


def _clerk_ctx(ctx: Context, clerk: Clerk, at: dt.datetime) -> Context:
    return Context(ctx.data_dir, FixedClock(at), Actor(clerk.id, clerk.username,
                                                      clerk.display_name, clerk.role))


def generate(ctx: Context, clerk: Clerk, rng: random.Random) -> dict:
    """Teams, projects and activities on a demo station's residents, all or nothing (once:
    a station that has teams already keeps them). Call it after a bulk load has built its
    indexes again: each service call looks residents' ledgers up by index."""
    with write_transaction():
        return _generate(ctx, clerk, rng)


def _generate(ctx: Context, clerk: Clerk, rng: random.Random) -> dict:
    if Team.select().exists():
        return {"teams": 0, "activities": 0}
    ids = [i for (i,) in Resident.select(Resident.id).where(Resident.archived == False)  # noqa: E712
           .order_by(Resident.id).limit(POOL).tuples()]
    if len(ids) < 2:
        return {"teams": 0, "activities": 0}
    now = ctx.clock.now()
    today = now.date()
    half = max(1, len(ids) * 5 // 8)
    volunteers, audience = ids[:half], ids[half:] or ids[:1]
    members = _teams(_clerk_ctx(ctx, clerk, now - dt.timedelta(days=90)), volunteers, rng)
    made = 0
    for n in range(PAST, 0, -1):
        day = today - dt.timedelta(days=n * EVERY)
        kind = KINDS[n % len(KINDS)]
        _past(lambda at: _clerk_ctx(ctx, clerk, min(at, now)), kind, day, members,
              audience, rng)
        made += 1
    for n in range(1, PLANNED + 1):
        kind = KINDS[(n * 3) % len(KINDS)]
        planned = activities.add_activity(_clerk_ctx(ctx, clerk, now),
                                          _plan(kind, today + dt.timedelta(days=n * 5),
                                                capacity=kind.volunteers))
        people = rng.sample(members[kind.team], min(len(members[kind.team]),
                                                    kind.volunteers + 2))
        activities.sign_up(_clerk_ctx(ctx, clerk, now), planned.id, people)
        made += 1
    return {"teams": len(TEAMS), "activities": made}


def _teams(ctx: Context, volunteers: list[int], rng: random.Random) -> dict[str, list[int]]:
    """The teams, each with a leader and members joined three months ago."""
    members: dict[str, list[int]] = {}
    for name, colour, kind, parent, unit in TEAMS:
        chosen = rng.sample(volunteers, min(len(volunteers), 12))
        teams.add_team(ctx, name, colour, kind, parent, chosen[0], unit)
        teams.join_team(ctx, name, chosen)
        members[name] = chosen
    return members


def _plan(kind: _Kind, day: dt.date, capacity: int | None = None) -> ActivityPlan:
    return ActivityPlan(kind.title, day, kind.start, kind.end, kind.deed_type, (kind.team,),
                        kind.kind, kind.project, kind.place, capacity)


def _past(clerk_at: Callable[[dt.datetime], Context], kind: _Kind, day: dt.date,
          members: dict[str, list[int]], audience: list[int], rng: random.Random) -> None:
    """A closed activity: planned a week before, signed up for (one more than the places:
    the last waits), attended (one came late and left early), closed that evening."""
    team = members[kind.team]
    week_before = dt.datetime.combine(day - dt.timedelta(days=7), dt.time(9, 0))
    made = activities.add_activity(clerk_at(week_before),
                                   _plan(kind, day, capacity=kind.volunteers))
    came = rng.sample(team, min(len(team), kind.volunteers))
    activities.sign_up(clerk_at(week_before + dt.timedelta(days=2)), made.id,
                       came + [r for r in team if r not in came][:1])
    ctx = clerk_at(dt.datetime.combine(day, kind.end) + dt.timedelta(hours=1))
    late = dt.datetime.combine(day, kind.start) + dt.timedelta(minutes=20)
    early = dt.datetime.combine(day, kind.end) - dt.timedelta(minutes=30)
    on_time, rest = came[:-1] or came, came[-1:] if len(came) > 1 else []
    attendance.attend(ctx, made.id, on_time, "volunteer", kind.start, kind.end)
    if rest:
        attendance.attend(ctx, made.id, rest, "volunteer", late.time(), early.time())
    if kind.audience:
        seen = rng.sample(audience, min(len(audience), kind.audience))
        seen = [r for r in seen if r not in came]
        if seen:
            attendance.attend(ctx, made.id, seen, "audience", kind.start)
    activity_close.close_activity(ctx, made.id)
