"""Who takes part in an activity as the window lists them, a waiting resident who comes
anyway, and a team's record (members with their dates, hours, activities) — SQLite and
PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services import (
    activities,
    activity_close,
    attendance,
    participants,
    residents,
    team_record,
    teams,
)
from app.services.activities import ActivityPlan

DAY = dt.date(2026, 11, 23)  # the fixture clock's day; it shows 09:30
YESTERDAY = DAY - dt.timedelta(days=1)


@pytest.fixture
def people(ctx):
    """Five residents, by position."""
    return [residents.register(ctx, residents.ResidentInput(name=name)).id
            for name in ("赵一", "钱二", "孙三", "李四", "周五")]


def plan(**changes) -> ActivityPlan:
    base = {"title": "幸福里环境整治", "date": DAY, "start": dt.time(8, 0),
            "end": dt.time(11, 0), "deed_type": "ENV_CLEANUP", "kind": "environment"}
    return ActivityPlan(**{**base, **changes})


def test_a_waiting_resident_who_attends_takes_a_place(ctx, people):
    """One place, two waiting: the first waiting resident comes anyway and is booked like
    anyone who came (no longer waiting); the second moves to the head of the list. A
    cancellation then frees no place for the waiting list: the one who came holds it."""
    a = activities.add_activity(ctx, plan(capacity=1))
    activities.sign_up(ctx, a.id, people[:3])
    mark = attendance.scan(ctx, a.id, people[1])
    assert (mark.outcome, mark.walk_in) == ("signed_in", False)
    rows = {r.name: (r.signup, r.position) for r in participants.of_activity(a.id)}
    assert rows == {"赵一": ("booked", None), "钱二": ("booked", None), "孙三": ("waiting", 1)}
    view = activities.view(activities.resolve(a.id))
    assert (view.booked, view.waiting, view.attended) == (2, 1, 1)
    moved = activities.cancel_signup(ctx, a.id, [people[0]])
    assert moved.residents == [] and (moved.booked, moved.waiting) == (1, 1)


def test_keyed_attendance_also_takes_the_waiting_resident_in(ctx, people):
    """Attendance keyed in from a paper sheet does the same as a scan."""
    a = activities.add_activity(ctx, plan(date=YESTERDAY, capacity=1))
    activities.sign_up(ctx, a.id, people[:2])
    attendance.attend(ctx, a.id, [people[1]], sign_in=dt.time(8, 0), sign_out=dt.time(10, 0))
    assert [r.signup for r in participants.of_activity(a.id)] == ["booked", "booked"]


def test_the_list_of_an_activity_after_closing(ctx, people):
    """Booked first, then the waiting list in order, then walk-ins; hours and points
    appear once the activity is closed."""
    a = activities.add_activity(ctx, plan(date=YESTERDAY, capacity=1))
    activities.sign_up(ctx, a.id, people[:3])
    activities.sign_up(ctx, a.id, [people[3]], role="audience")
    attendance.attend(ctx, a.id, [people[0]], sign_in=dt.time(8, 0), sign_out=dt.time(10, 0))
    attendance.attend(ctx, a.id, [people[4]], role="audience", sign_in=dt.time(8, 30))
    before = participants.of_activity(a.id)
    assert [(r.name, r.signup, r.position, r.walk_in) for r in before] == [
        ("赵一", "booked", None, False), ("钱二", "waiting", 1, False),
        ("孙三", "waiting", 2, False), ("李四", "waiting", 3, False),
        ("周五", None, None, True)]
    assert [r.resident_id for r in before] == people
    assert (before[0].signed_in, before[0].signed_out, before[0].hours) == ("08:00", "10:00",
                                                                           None)
    activity_close.close_activity(ctx, a.id)
    after = {r.name: (r.role, r.hours, r.points) for r in participants.of_activity(a.id)}
    assert after["赵一"] == ("volunteer", "2", 4)
    assert after["周五"] == ("audience", "0", 0)
    assert after["钱二"] == ("volunteer", None, None)


def test_a_teams_record(ctx, people):
    """Every spell of membership with its dates, the hours its closed activities gave
    its volunteers, and its activities newest first."""
    teams.add_team(ctx, "红色志愿服务队", colour="红色")
    teams.join_team(ctx, "红色志愿服务队", people[:2], day=YESTERDAY)
    teams.leave_team(ctx, "红色志愿服务队", [people[1]], day=DAY)
    past = activities.add_activity(ctx, plan(date=YESTERDAY, teams=("红色志愿服务队",)))
    activities.add_activity(ctx, plan(title="义诊", teams=("红色志愿服务队",)))
    activities.add_activity(ctx, plan(title="别队的活动"))
    attendance.attend(ctx, past.id, people[:2], sign_in=dt.time(8, 0), sign_out=dt.time(9, 30))
    assert team_record.hours("红色志愿服务队") == "0"
    activity_close.close_activity(ctx, past.id)
    spells = [(s.name, s.joined_on, s.left_on) for s in team_record.spells("红色志愿服务队")]
    assert spells == [("赵一", str(YESTERDAY), None), ("钱二", str(YESTERDAY), str(DAY))]
    assert team_record.hours("红色志愿服务队") == "3"
    assert [a.title for a in team_record.activities_of("红色志愿服务队")] == [
        "义诊", "幸福里环境整治"]
