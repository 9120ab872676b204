"""Demo volunteer work: teams under a 总队 and partner units' teams, brand projects, two
months of closed activities and a few planned with a waiting list — made through the
services, so the integrity check stays clean and the statistics count them."""

from __future__ import annotations

import datetime as dt

from app.models import Activity, Clerk, Deed, LedgerEntry, Participant
from app.services import activities, demo, demo_station, integrity, team_record, teams
from app.services.volunteer_stats import activity_stats

DAY = dt.date(2026, 11, 23)  # the fixture clock's day


def test_demo_volunteering_keeps_the_station_whole_and_shows_in_the_figures(ctx):
    demo.generate(ctx, residents=300, seed=3)
    assert integrity.run_check(ctx.keys_dir).ok
    made = {t.name: t for t in teams.list_teams(DAY)}
    assert made["红色志愿服务队"].parent == "新华志愿服务总队"
    assert made["新华派出所平安志愿队"].unit == "新华派出所"
    assert all(t.members > 0 and t.leader for t in made.values())
    closed = activities.list_activities(DAY - dt.timedelta(days=62), DAY)
    assert len([a for a in closed if a.state == "closed"]) == 20
    coming = [a for a in activities.list_activities(DAY + dt.timedelta(days=1)) if a.waiting]
    assert coming and all(a.state == "planned" and a.booked == a.capacity for a in coming)
    report = activity_stats(DAY - dt.timedelta(days=62), DAY, "project")
    assert {"爱心厨房", "校外课堂", "文化小舞台", "义诊义剪"} <= {r.label for r in report.rows}
    total = report.total
    assert total.activities == 20 and total.volunteers["person_times"] > 100
    assert total.audience["persons"] > 0 and float(total.volunteer_hours) > 0
    assert float(team_record.hours("绿色志愿服务队")) > 0


def test_the_volunteering_history_is_the_demo_clerks(ctx):
    """Deeds, ledger entries and activities of the demo are credited to the demo clerk."""
    demo.generate(ctx, residents=60)
    helper = Clerk.get(Clerk.username == demo_station.CLERK_USERNAME)
    assert Participant.select().where(Participant.deed_uid.is_null(False)).count() > 0
    for column in (LedgerEntry.clerk, Deed.recorded_by, Activity.created_by,
                   Activity.closed_by):
        model = column.model
        assert {c for (c,) in model.select(column).where(column.is_null(False)).tuples()} \
            == {helper.id}, column


def test_a_tiny_demo_and_a_second_run(ctx):
    """Five residents are enough for a smaller volunteering history; loading demo data
    again keeps the teams it made the first time."""
    demo.generate(ctx, residents=5)
    demo.generate(ctx, residents=5, seed=2)
    assert len(teams.list_teams(DAY)) == 8
    assert integrity.run_check(ctx.keys_dir).ok
