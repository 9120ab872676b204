"""Demo residents' requests (百姓点单, 微心愿): a handful taken over the last three weeks,
in every state — open (one urgent), assigned to a team, turned into a planned activity,
done with a note, withdrawn.

Everything goes through the requests service, acting as the demo clerk on a clock set to
the moment each step happened. The teams and activities are the demo's own when it has
them (``demo_volunteering``); without them the requests stay unassigned, still in every
other state.
"""

from __future__ import annotations

import datetime as dt
import random

from app.models import Activity, ActivityTeam, Clerk, Resident, Team, write_transaction
from app.models.requests import ResidentRequest
from app.services import requests
from app.services.context import Actor, Context, FixedClock

# text, kind, urgent, for whom, days ago, team, what became of it, note
REQUESTS = (
    ("楼道灯坏了，请帮忙报修", "order", False, "", 20, "蓝色志愿服务队", "done",
     "已联系物业更换灯管"),
    ("独居老人希望有人陪同去医院复查", "order", True, "3栋李奶奶", 12, "橙色志愿服务队", "done",
     "志愿者陪同到社区卫生服务中心"),
    ("代买降压药", "order", False, "", 8, None, "withdrawn", "家属已代买"),
    ("孩子放学后无人辅导作业", "order", False, "", 6, "紫色志愿服务队", "activity", ""),
    ("想要一套儿童绘本", "wish", False, "留守儿童小雨", 5, "紫色志愿服务队", None, ""),
    ("小区绿地垃圾较多，希望组织清理", "order", False, "", 3, None, "activity", ""),
    ("希望学习使用智能手机挂号", "wish", False, "", 2, None, None, ""),
    ("下水道堵塞，污水外溢", "order", True, "", 0, None, None, ""),
)


def _at(ctx: Context, clerk: Clerk, when: dt.datetime) -> Context:
    return Context(ctx.data_dir, FixedClock(when), Actor(clerk.id, clerk.username,
                                                        clerk.display_name, clerk.role))


def generate(ctx: Context, clerk: Clerk, rng: random.Random) -> dict:
    """The demo requests, all or nothing, once (a station with requests keeps them)."""
    with write_transaction():
        if ResidentRequest.select().exists():
            return {"requests": 0}
        return {"requests": _generate(ctx, clerk, rng)}


def _planned(team: str | None) -> int | None:
    """An activity still to come, the team's own when it has one."""
    query = Activity.select(Activity.id).where(Activity.state != "closed").order_by(Activity.date)
    if team is not None:
        own = (query.join(ActivityTeam).join(Team).where(Team.name == team).first())
        if own is not None:
            return own.id
    first = query.first()
    return first.id if first else None


def _generate(ctx: Context, clerk: Clerk, rng: random.Random) -> int:
    now = ctx.clock.now()
    people = [i for (i,) in Resident.select(Resident.id).where(Resident.archived == False)  # noqa: E712
              .order_by(Resident.id).limit(200).tuples()]
    known = {name for (name,) in Team.select(Team.name).tuples()}
    for what, kind, urgent, whom, ago, team, outcome, note in REQUESTS:
        taken = now - dt.timedelta(days=ago, hours=rng.randint(1, 6))
        asked = rng.choice(people) if people and rng.random() < 0.7 else None
        made = requests.take_request(_at(ctx, clerk, taken), what, kind, asked, whom,
                                     "urgent" if urgent else "normal")
        step = _at(ctx, clerk, min(taken + dt.timedelta(hours=2), now))
        if team in known:
            requests.assign_request(step, made.number, team=team)
        activity = _planned(team if team in known else None) if outcome == "activity" else None
        if activity is not None:
            requests.assign_request(step, made.number, activity=activity)
        later = _at(ctx, clerk, min(taken + dt.timedelta(days=2), now))
        if outcome == "done":
            requests.complete_request(later, made.number, note)
        elif outcome == "withdrawn":
            requests.withdraw_request(later, made.number, note)
    return len(REQUESTS)
