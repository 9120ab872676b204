"""Demo requests: a handful in every state, the demo clerk's, made through the services
(every invariant holds), once; with the demo's teams and activities they are assigned and
turned into activities too."""

from __future__ import annotations

import datetime as dt
import random

from app.models import Clerk
from app.models.requests import ResidentRequest
from app.services import activities, demo, demo_requests, demo_station, integrity, teams
from app.services.activities import ActivityPlan


def states() -> set[str]:
    return {s for (s,) in ResidentRequest.select(ResidentRequest.status).tuples()}


def test_demo_requests_in_every_state(ctx):
    """On the demo's teams and activities: open (one urgent), assigned, turned into a
    planned activity, done and withdrawn — the demo clerk's, every invariant held, once."""
    demo.generate(ctx, residents=20)
    helper = Clerk.get(Clerk.username == demo_station.CLERK_USERNAME)
    assert ResidentRequest.select().count() == len(demo_requests.REQUESTS)
    assert states() == {"open", "assigned", "done", "withdrawn"}
    assert ResidentRequest.select().where(ResidentRequest.activity.is_null(False)).exists()
    assert {c for (c,) in ResidentRequest.select(ResidentRequest.taken_by).tuples()} == {
        helper.id}
    assert ResidentRequest.select().where(ResidentRequest.urgency == "urgent",
                                          ResidentRequest.status == "open").exists()
    assert integrity.run_check(ctx.keys_dir).ok
    demo.generate(ctx, residents=5)  # more demo residents: the requests are not made twice
    assert ResidentRequest.select().count() == len(demo_requests.REQUESTS)


def test_demo_requests_without_teams_stay_unassigned(ctx):
    demo_requests.generate(ctx, demo_station.clerk(ctx), random.Random(1))
    assert states() == {"open", "done", "withdrawn"}


def test_demo_requests_use_the_demos_teams_and_activities(ctx):
    for name in ("蓝色志愿服务队", "橙色志愿服务队", "紫色志愿服务队"):
        teams.add_team(ctx, name)
    later = ctx.clock.today() + dt.timedelta(days=5)
    planned = activities.add_activity(ctx, ActivityPlan(
        "四点半课堂", later, dt.time(16, 30), dt.time(18, 0), "TUTORING_CHILDREN",
        teams=("紫色志愿服务队",), kind="culture"))
    helper = demo_station.clerk(ctx)
    demo_requests.generate(ctx, helper, random.Random(1))
    assert states() == {"open", "assigned", "done", "withdrawn"}
    linked = ResidentRequest.select().where(ResidentRequest.activity == planned.id)
    assert linked.count() == 2
    assert {r.team.name for r in linked} == {"紫色志愿服务队"}
    done = ResidentRequest.get(ResidentRequest.status == "done",
                               ResidentRequest.urgency == "urgent")
    assert done.team.name == "橙色志愿服务队" and done.note and done.done_at > done.taken_at
