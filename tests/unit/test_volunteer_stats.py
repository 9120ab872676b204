"""Published figures on a hand-computed fixture: activities, distinct persons beside
person-times for volunteers and audience, hours and new volunteers; and a property:
closing awards exactly what the ledger shows, and a second close is a no-op."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models import LedgerEntry
from app.services import activities, activity_close, attendance, residents, teams
from app.services import volunteer_stats as stats
from app.services.activities import ActivityPlan

DAY = dt.date(2026, 11, 23)


def _activity(ctx, title, day, kind, team_names=()):
    return activities.add_activity(ctx, ActivityPlan(
        title=title, date=day, start=dt.time(8, 0), end=dt.time(12, 0),
        deed_type="ENV_CLEANUP", kind=kind, teams=tuple(team_names))).id


def _fixture(ctx):
    p = [residents.register(ctx, residents.ResidentInput(name=f"居民{i}")).id for i in range(6)]
    teams.add_team(ctx, "红色志愿服务队")
    teams.add_team(ctx, "蓝色志愿服务队")
    a = _activity(ctx, "清扫", DAY - dt.timedelta(days=2), "environment", ["红色志愿服务队"])
    b = _activity(ctx, "演出", DAY - dt.timedelta(days=1), "culture",
                  ["红色志愿服务队", "蓝色志愿服务队"])
    c = _activity(ctx, "未结算", DAY - dt.timedelta(days=1), "environment")
    keyed = {"sign_in": dt.time(8, 0)}
    attendance.attend(ctx, a, [p[0]], sign_out=dt.time(10, 0), **keyed)
    attendance.attend(ctx, a, [p[1]], sign_out=dt.time(9, 0), **keyed)
    attendance.attend(ctx, a, [p[2], p[3]], role="audience", **keyed)
    attendance.attend(ctx, b, [p[0]], sign_out=dt.time(9, 0), **keyed)
    attendance.attend(ctx, b, [p[2], p[4]], role="audience", **keyed)
    attendance.attend(ctx, c, [p[5]], sign_out=dt.time(9, 0), **keyed)
    activity_close.close_activity(ctx, a)
    activity_close.close_activity(ctx, b)
    return p


def _numbers(f: stats.Figures) -> tuple:
    return (f.activities, f.volunteers["persons"], f.volunteers["person_times"],
            f.audience["persons"], f.audience["person_times"], f.volunteer_hours,
            f.new_volunteers)


def test_persons_and_person_times_by_team(ctx):
    """Two closed activities (the open one does not count): 2 volunteers in 3
    person-times, 3 audience members in 4, 4 hours; the shared activity counts for both
    teams and once in the total."""
    _fixture(ctx)
    report = stats.activity_stats(DAY - dt.timedelta(days=7), DAY, by="team")
    assert _numbers(report.total) == (2, 2, 3, 3, 4, "4", 2)
    by_team = {f.label: _numbers(f) for f in report.rows}
    assert by_team == {"红色志愿服务队": (2, 2, 3, 3, 4, "4", 2),
                       "蓝色志愿服务队": (1, 1, 1, 2, 2, "1", 1)}


def test_new_volunteers_are_new_in_the_period(ctx):
    """From the second day on, the volunteer who first served the day before is not new."""
    _fixture(ctx)
    report = stats.activity_stats(DAY - dt.timedelta(days=1), DAY, by="kind")
    assert _numbers(report.total) == (1, 1, 1, 2, 2, "1", 0)
    assert [f.label for f in report.rows] == ["文化文艺"]


def test_stats_export_to_excel(ctx, tmp_path):
    """The sheet holds one row per group and the total row, with the headers."""
    from openpyxl import load_workbook

    _fixture(ctx)
    stats.write_xlsx(stats.activity_stats(by="month"), tmp_path / "s.xlsx")
    rows = list(load_workbook(tmp_path / "s.xlsx").active.iter_rows(values_only=True))
    assert rows[1] == stats.HEADERS
    assert rows[2] == ("2026-11", 2, 2, 3, 3, 4, 4.0, 2, 0, 0) and rows[3][0] == "合计"


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(minutes=st.lists(st.integers(min_value=1, max_value=300), min_size=1, max_size=4))
def test_close_awards_what_the_ledger_shows(ctx, minutes):
    """Whatever the times, the points of a close sum to what the ledger gained, hours
    never exceed the activity's cap, and closing twice adds nothing."""
    people = [residents.register(ctx, residents.ResidentInput(name="志愿者")).id
              for _ in minutes]
    a = _activity(ctx, "性质", DAY - dt.timedelta(days=3), "other")
    for person, length in zip(people, minutes, strict=True):
        out = dt.datetime.combine(DAY, dt.time(8, 0)) + dt.timedelta(minutes=length)
        attendance.attend(ctx, a, [person], sign_in=dt.time(8, 0), sign_out=out.time())
    before = sum(e.points for e in LedgerEntry.select())
    closing = activity_close.close_activity(ctx, a)
    after = sum(e.points for e in LedgerEntry.select())
    assert after - before == closing.points == sum(r.points for r in closing.residents)
    assert all(float(r.hours) <= 4 for r in closing.residents)
    assert activity_close.close_activity(ctx, a).points == closing.points
    assert sum(e.points for e in LedgerEntry.select()) == after
