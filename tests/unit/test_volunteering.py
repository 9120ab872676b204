"""Teams, activities, sign-up with a waiting list, attendance by scan, and closing an
activity into hours and points (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import LedgerEntry, Participant
from app.services import activities, activity_close, attendance, catalogue, residents, teams
from app.services.activities import ActivityPlan
from app.services.errors import (
    ActivityClosed,
    InvalidInput,
    ResidentArchived,
    ScanOnAnotherDay,
    TeamExists,
    UnsuitableDeedType,
)

DAY = dt.date(2026, 11, 23)  # the fixture clock's day; it shows 09:30


@pytest.fixture
def people(ctx):
    """Six residents, by position."""
    return [residents.register(ctx, residents.ResidentInput(name=name)).id
            for name in ("赵一", "钱二", "孙三", "李四", "周五", "吴六")]


def plan(**changes) -> ActivityPlan:
    base = {"title": "幸福里环境整治", "date": DAY, "start": dt.time(8, 0),
            "end": dt.time(11, 0), "deed_type": "ENV_CLEANUP", "kind": "environment"}
    return ActivityPlan(**{**base, **changes})


def ledger_sum(resident_id: int) -> int:
    return sum(e.points for e in LedgerEntry.select().where(LedgerEntry.resident == resident_id))


def test_team_with_parent_leader_and_members(ctx, people):
    """A branch team under a general team; joining twice is reported, not doubled."""
    teams.add_team(ctx, "新华志愿服务总队", kind="general")
    team = teams.add_team(ctx, "红色志愿服务队", colour="红色", parent="新华志愿服务总队",
                          leader_id=people[0])
    assert (team.parent, team.leader, team.members) == ("新华志愿服务总队", "赵一", 1)
    joined = teams.join_team(ctx, "红色志愿服务队", [people[0], people[1]])
    assert [m.changed for m in joined.members] == [False, True]
    assert [t.members for t in teams.list_teams(DAY)] == [0, 2]
    teams.leave_team(ctx, "红色志愿服务队", [people[1]])
    assert [m[1] for m in teams.members("红色志愿服务队", DAY)] == ["赵一"]
    with pytest.raises(TeamExists):
        teams.add_team(ctx, "红色志愿服务队")


def test_leaving_is_refused_before_joining_and_reported_for_a_non_member(ctx, people):
    """A leave dated before the join is refused by its date and changes nothing; a resident
    who is not a member is reported as unchanged."""
    teams.add_team(ctx, "绿色志愿服务队")
    teams.join_team(ctx, "绿色志愿服务队", [people[0]], day=DAY)
    with pytest.raises(InvalidInput) as refused:
        teams.leave_team(ctx, "绿色志愿服务队", [people[0]], day=DAY - dt.timedelta(days=1))
    assert refused.value.field == "date"
    assert [m[1] for m in teams.members("绿色志愿服务队", DAY)] == ["赵一"]
    left = teams.leave_team(ctx, "绿色志愿服务队", [people[1], people[0]], day=DAY)
    assert [m.changed for m in left.members] == [False, True]
    assert teams.members("绿色志愿服务队", DAY) == []


def test_activity_refuses_a_deduction_and_bad_times(ctx):
    """An activity awards through an award type, and ends after it starts."""
    with pytest.raises(UnsuitableDeedType):
        activities.add_activity(ctx, plan(deed_type="LITTERING"))
    with pytest.raises(InvalidInput):
        activities.add_activity(ctx, plan(start=dt.time(11, 0), end=dt.time(10, 0)))
    made = activities.add_activity(ctx, plan(project="爱心厨房"))
    assert (made.kind, made.project, made.max_hours, made.state) == ("环境整治", "爱心厨房",
                                                                     "3", "planned")


def test_capacity_and_waiting_list(ctx, people):
    """Two places: the third and fourth wait in order; a cancellation moves the first
    waiting resident up; signing up again changes nothing."""
    a = activities.add_activity(ctx, plan(capacity=2))
    result = activities.sign_up(ctx, a.id, people[:4])
    assert [(r.signup, r.position) for r in result.residents] == [
        ("booked", None), ("booked", None), ("waiting", 1), ("waiting", 2)]
    again = activities.sign_up(ctx, a.id, [people[0]])
    assert again.residents[0].repeated and (again.booked, again.waiting) == (2, 2)
    moved = activities.cancel_signup(ctx, a.id, [people[1]])
    assert [r.name for r in moved.residents] == ["孙三"]
    assert (moved.booked, moved.waiting) == (2, 1)


def test_repeated_scan_is_reported_and_not_counted(ctx, clock, people):
    """Scan, scan again at once (repeat), sign out later, scan once more (repeat); a
    walk-in is registered on the spot; the count moves once per person."""
    a = activities.add_activity(ctx, plan())
    activities.sign_up(ctx, a.id, [people[0]])
    first = attendance.scan(ctx, a.id, people[0])
    assert (first.outcome, first.walk_in, first.attended) == ("signed_in", False, 1)
    assert attendance.scan(ctx, a.id, people[0]).outcome == "repeat"
    walk_in = attendance.scan(ctx, a.id, people[1], role="audience")
    assert (walk_in.walk_in, walk_in.role, walk_in.attended) == (True, "audience", 2)
    clock.advance(minutes=60)
    assert attendance.scan(ctx, a.id, people[0]).outcome == "signed_out"
    assert attendance.scan(ctx, a.id, people[0]).outcome == "repeat"
    assert attendance.scan(ctx, a.id, people[1]).outcome == "repeat"
    assert activities.view(activities.resolve(a.id)).attended == 2
    assert activities.view(activities.resolve(a.id)).state == "open"


def test_scan_only_on_the_day(ctx, people):
    """A live scan for another day's activity is refused; keyed times are accepted."""
    a = activities.add_activity(ctx, plan(date=DAY - dt.timedelta(days=1)))
    with pytest.raises(ScanOnAnotherDay):
        attendance.scan(ctx, a.id, people[0])
    keyed = attendance.attend(ctx, a.id, [people[0]], sign_in=dt.time(8, 0),
                              sign_out=dt.time(9, 40))
    assert keyed.marks[0].outcome == "signed_in_out"


def test_close_turns_attendance_into_hours_and_points_once(ctx, people):
    """1 h 40 min rounds down to 1.5 h (3 points); 4 h is capped at the 3-hour activity;
    an audience member earns nothing; closing again changes nothing."""
    a = activities.add_activity(ctx, plan(date=DAY - dt.timedelta(days=1)))
    attendance.attend(ctx, a.id, [people[0]], sign_in=dt.time(8, 0), sign_out=dt.time(9, 40))
    attendance.attend(ctx, a.id, [people[1]], sign_in=dt.time(7, 0), sign_out=dt.time(11, 0))
    attendance.attend(ctx, a.id, [people[2]], role="audience", sign_in=dt.time(8, 0))
    closing = activity_close.close_activity(ctx, a.id)
    got = {r.name: (r.hours, r.points, r.status) for r in closing.residents}
    assert got == {"赵一": ("1.5", 3, "approved"), "钱二": ("3", 6, "approved"),
                   "孙三": ("0", 0, None)}
    assert (closing.hours, closing.points) == ("4.5", 9)
    assert [ledger_sum(p) for p in people[:3]] == [3, 6, 0]
    entries = LedgerEntry.select().count()
    again = activity_close.close_activity(ctx, a.id)
    assert again.already_closed and again.residents == closing.residents
    assert LedgerEntry.select().count() == entries
    with pytest.raises(ActivityClosed):
        attendance.scan(ctx, a.id, people[3])


def test_close_respects_the_deed_types_cap(ctx, people):
    """ENV_CLEANUP is capped at 4 hours a day: with 3 hours already recorded that day, a
    3-hour volunteer earns points for the 1 hour left, and keeps the 3 hours of service."""
    from app.services import deeds

    day = DAY - dt.timedelta(days=1)
    deeds.record_deed(ctx, people[0], "ENV_CLEANUP", "3", day)
    a = activities.add_activity(ctx, plan(date=day))
    attendance.attend(ctx, a.id, [people[0]], sign_in=dt.time(8, 0), sign_out=dt.time(11, 0))
    award = activity_close.close_activity(ctx, a.id).residents[0]
    assert (award.hours, award.points, award.note) == ("3", 2, "cap")
    assert ledger_sum(people[0]) == 8


def test_close_leaves_a_reviewed_type_pending(ctx, people):
    """A deed type that needs review records pending deeds: no points move yet."""
    catalogue.save_type(ctx, "ELDER_CARE", needs_review=True)
    a = activities.add_activity(ctx, plan(date=DAY - dt.timedelta(days=1),
                                          deed_type="ELDER_CARE"))
    attendance.attend(ctx, a.id, [people[0]], sign_in=dt.time(8, 0), sign_out=dt.time(10, 0))
    closing = activity_close.close_activity(ctx, a.id)
    assert (closing.residents[0].points, closing.residents[0].status) == (4, "pending")
    assert closing.points == 0 and ledger_sum(people[0]) == 0


def test_a_failed_close_changes_nothing(ctx, people):
    """An archived volunteer makes the close fail: no deed, no hours, still open."""
    a = activities.add_activity(ctx, plan(date=DAY - dt.timedelta(days=1)))
    attendance.attend(ctx, a.id, people[:2], sign_in=dt.time(8, 0), sign_out=dt.time(10, 0))
    residents.set_archived(ctx, people[1], True)
    with pytest.raises(ResidentArchived):
        activity_close.close_activity(ctx, a.id)
    assert ledger_sum(people[0]) == 0
    assert activities.resolve(a.id).state == "open"
    assert Participant.select().where(Participant.hours_tenths.is_null(False)).count() == 0


def test_no_sign_out_counts_to_the_end_or_the_close(ctx, clock, people):
    """Scanned in at 09:30 and never out: closed at 10:15 counts 0.5 h (not the 3-hour
    schedule); yesterday's volunteer without a sign-out counts to the scheduled end."""
    today = activities.add_activity(ctx, plan(end=dt.time(12, 0)))
    attendance.scan(ctx, today.id, people[0])
    clock.advance(minutes=45)
    award = activity_close.close_activity(ctx, today.id).residents[0]
    assert (award.hours, award.note) == ("0.5", "no_sign_out")
    past = activities.add_activity(ctx, plan(date=DAY - dt.timedelta(days=1)))
    attendance.attend(ctx, past.id, [people[1]], sign_in=dt.time(9, 0))
    assert activity_close.close_activity(ctx, past.id).residents[0].hours == "2"


def test_a_retried_scan_returns_the_first_answer(ctx, clock, people):
    """The same request id again (a retry after a lost answer) is a replay: the first
    result, marked so, and no sign-out an hour later."""
    a = activities.add_activity(ctx, plan())
    first = attendance.scan(ctx, a.id, people[0], request_id="scan-1")
    clock.advance(minutes=60)
    again = attendance.scan(ctx, a.id, people[0], request_id="scan-1")
    assert (again.outcome, again.replayed, first.replayed) == ("signed_in", True, False)
    assert Participant.get(Participant.resident == people[0]).signed_out_at is None


def test_a_refused_sign_up_changes_nothing(ctx, people, counts):
    """One archived resident among several: nobody is signed up."""
    a = activities.add_activity(ctx, plan())
    residents.set_archived(ctx, people[2], True)
    before = counts()
    with pytest.raises(ResidentArchived):
        activities.sign_up(ctx, a.id, people[:4])
    assert counts() == before


def test_volunteers_present_counts_only_signed_in_volunteers(ctx, people):
    """Whom a close will award, as the confirmation names them: not the audience, not
    those only signed up."""
    a = activities.add_activity(ctx, plan())
    activities.sign_up(ctx, a.id, people[:4])
    attendance.scan(ctx, a.id, people[0])
    attendance.scan(ctx, a.id, people[1])
    attendance.scan(ctx, a.id, people[5], role="audience")
    assert attendance.volunteers_present(a.id) == 2
