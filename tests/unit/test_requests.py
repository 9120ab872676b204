"""Residents' requests (百姓点单, 微心愿): taken at the desk, assigned to a team, turned into
an activity, done with a note or withdrawn; bad transitions refused with nothing changed;
listed for the clerk; counted in the published statistics (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import AuditRecord, database
from app.models.requests import ResidentRequest
from app.services import activities, activity_close, attendance, requests, residents, teams
from app.services import volunteer_stats as stats
from app.services.activities import ActivityPlan
from app.services.errors import (
    ActivityNotFound,
    InvalidInput,
    InvalidText,
    RequestFinished,
    RequestNotFound,
    ResidentArchived,
    TeamNotFound,
)

DAY = dt.date(2026, 11, 23)  # the fixture clock's day


@pytest.fixture
def red(ctx) -> str:
    return teams.add_team(ctx, "红色志愿服务队").name


def take(ctx, what="帮忙修理楼道灯", **options) -> requests.RequestView:
    return requests.take_request(ctx, what, **options)


def test_a_request_from_taken_to_done(ctx, clock, resident, red):
    """Who asked, for whom, how urgent; a team takes it on; done with a note, its age."""
    made = take(ctx, "给独居老人送餐", kind="wish", resident_id=resident.id,
                beneficiary="李奶奶（3栋）", urgency="urgent")
    assert (made.status, made.kind, made.resident, made.beneficiary, made.urgency,
            made.team, made.age_days) == ("open", "wish", "张明月", "李奶奶（3栋）", "urgent",
                                          None, 0)
    assigned = requests.assign_request(ctx, made.number, team=red)
    assert (assigned.status, assigned.team) == ("assigned", red)
    assert assigned.assigned_at == str(clock.now())
    clock.advance(days=3)
    done = requests.complete_request(ctx, str(made.number), note="每周二、五送餐上门")
    assert (done.status, done.note, done.done_by, done.age_days) == (
        "done", "每周二、五送餐上门", "王站长", 3)
    actions = [a for (a,) in AuditRecord.select(AuditRecord.action)
               .where(AuditRecord.target == made.uid).order_by(AuditRecord.seq).tuples()]
    assert actions == ["request.take", "request.assign", "request.done"]


def test_done_twice_and_assigning_a_withdrawn_one_are_refused(ctx, counts, red):
    """A finished request stays as it ended: each refusal names its number and state."""
    done = take(ctx)
    requests.complete_request(ctx, done.number, note="已修好")
    gone = take(ctx, "代买药品")
    requests.withdraw_request(ctx, gone.number, note="家属已代买")
    before = counts()
    with pytest.raises(RequestFinished) as twice:
        requests.complete_request(ctx, done.number, note="again")
    assert f"点单 {done.number} 已于" in str(twice.value)
    assert str(twice.value).endswith("办结，不能再办结。")
    with pytest.raises(RequestFinished) as withdrawn:
        requests.assign_request(ctx, gone.number, team=red)
    assert "撤回，不能再分派" in str(withdrawn.value)
    assert "withdrawn" in withdrawn.value.message("en")
    with pytest.raises(RequestFinished):
        requests.withdraw_request(ctx, done.number)
    assert counts() == before
    row = ResidentRequest.get_by_id(done.number)
    assert (row.status, row.note) == ("done", "已修好")


def test_unknown_team_request_activity_and_bad_choices(ctx, counts, resident):
    made = take(ctx)
    residents.set_archived(ctx, resident.id, True)
    before = counts()
    with pytest.raises(TeamNotFound):
        requests.assign_request(ctx, made.number, team="不存在的队")
    with pytest.raises(RequestNotFound):
        requests.assign_request(ctx, 999, team="任何队")
    with pytest.raises(ActivityNotFound):
        requests.assign_request(ctx, made.number, activity=999)
    with pytest.raises(InvalidInput) as neither:
        requests.assign_request(ctx, made.number)
    assert neither.value.field == "team"
    for options in ({"kind": "gift"}, {"urgency": "asap"}):
        with pytest.raises(InvalidInput):
            take(ctx, **options)
    with pytest.raises(InvalidText) as empty:
        take(ctx, "   ")
    assert empty.value.field == "text"
    with pytest.raises(ResidentArchived):
        take(ctx, resident_id=resident.id)
    assert counts() == before
    assert ResidentRequest.get_by_id(made.number).status == "open"


def test_turned_into_an_activity_the_organiser_takes_it_on(ctx, red):
    """Linking a request to an activity: the activity's organising team takes it on."""
    made = take(ctx, "小区环境整治")
    planned = activities.add_activity(ctx, ActivityPlan(
        "幸福里环境整治", DAY, dt.time(8, 0), dt.time(11, 0), "ENV_CLEANUP",
        teams=(red,), kind="environment"))
    linked = requests.assign_request(ctx, made.number, activity=planned.id)
    assert (linked.status, linked.team, linked.activity_id, linked.activity) == (
        "assigned", red, planned.id, f"{DAY} 幸福里环境整治")
    teams.add_team(ctx, "蓝色志愿服务队")
    moved = requests.assign_request(ctx, made.number, team="蓝色志愿服务队")
    assert (moved.team, moved.activity_id) == ("蓝色志愿服务队", planned.id)


def test_the_same_request_id_takes_one_request(ctx):
    """A double click at the desk takes the request once."""
    first = take(ctx, request_id="r-1")
    again = take(ctx, request_id="r-1")
    assert first == again and ResidentRequest.select().count() == 1


def test_the_list_shows_what_is_still_open_urgent_first(ctx, clock, red):
    """Open and assigned before finished ones, urgent first, then oldest; by status,
    team and period."""
    old = take(ctx, "旧的一般事项")
    clock.advance(days=1)
    urgent = take(ctx, "紧急事项", urgency="urgent")
    finished = take(ctx, "已办事项", urgency="urgent")
    requests.complete_request(ctx, finished.number)
    requests.assign_request(ctx, old.number, team=red)
    today = clock.today()
    listed = requests.list_requests(today)
    assert [r.number for r in listed] == [urgent.number, old.number, finished.number]
    assert [r.age_days for r in listed] == [0, 1, 0]
    assert [r.number for r in requests.list_requests(today, status="active")] == [
        urgent.number, old.number]
    assert [r.number for r in requests.list_requests(today, status="open")] == [urgent.number]
    assert [r.number for r in requests.list_requests(today, team=red)] == [old.number]
    assert [r.number for r in requests.list_requests(today, start=today, end=today)] == [
        urgent.number, finished.number]
    with pytest.raises(InvalidInput):
        requests.list_requests(today, status="lost")


def test_requests_taken_and_done_in_the_statistics(ctx, clock, red, tmp_path):
    """Taken and done in the period (a withdrawn one is taken, not done), per team when
    grouped by team, and in the sheet; the activity figures beside them stay as they were."""
    teams.add_team(ctx, "蓝色志愿服务队")
    person = residents.register(ctx, residents.ResidentInput(name="志愿者")).id
    planned = activities.add_activity(ctx, ActivityPlan(
        "清扫", DAY, dt.time(8, 0), dt.time(9, 0), "ENV_CLEANUP", teams=(red,)))
    attendance.attend(ctx, planned.id, [person], sign_in=dt.time(8, 0), sign_out=dt.time(9, 0))
    activity_close.close_activity(ctx, planned.id)
    early = take(ctx, "上月的点单")
    requests.assign_request(ctx, early.number, team=red)
    clock.advance(days=8)
    requests.complete_request(ctx, early.number)
    for what, team in (("修灯", red), ("送药", "蓝色志愿服务队"), ("未分派", None)):
        made = take(ctx, what)
        if team:
            requests.assign_request(ctx, made.number, team=team)
    requests.complete_request(ctx, ResidentRequest.get(ResidentRequest.text == "送药").id)
    requests.withdraw_request(ctx, ResidentRequest.get(ResidentRequest.text == "未分派").id)
    week = stats.activity_stats(DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=8),
                                by="team")
    assert (week.total.requests_taken, week.total.requests_done) == (3, 2)
    assert week.total.activities == 0
    by_team = {f.label: (f.requests_taken, f.requests_done) for f in week.rows}
    assert by_team == {red: (1, 1), "蓝色志愿服务队": (1, 1), stats.NONE_ZH: (1, 0)}
    whole = stats.activity_stats(by="team")
    assert (whole.total.activities, whole.total.requests_taken, whole.total.requests_done) == (
        1, 4, 2)
    red_row = next(f for f in whole.rows if f.label == red)
    assert (red_row.activities, red_row.volunteers["person_times"], red_row.requests_taken,
            red_row.requests_done) == (1, 1, 2, 1)
    by_month = stats.activity_stats(by="month")
    assert {f.label: (f.requests_taken, f.requests_done) for f in by_month.rows} == {
        "2026-11": (1, 0), "2026-12": (3, 2)}

    from openpyxl import load_workbook

    stats.write_xlsx(week, tmp_path / "week.xlsx")
    sheet = list(load_workbook(tmp_path / "week.xlsx").active.iter_rows(values_only=True))
    assert sheet[1][-2:] == ("群众点单受理", "群众点单办结")
    assert sheet[-1][0] == "合计" and sheet[-1][-2:] == (3, 2)


def test_the_list_reads_in_one_query(ctx, resident, red, monkeypatch):
    """Who asked, the team, the activity and both clerks come with the rows, not a query
    per row: the desk's list stays quick after a year of requests."""
    for n in range(4):
        made = take(ctx, f"事项{n}", resident_id=resident.id)
        requests.assign_request(ctx, made.number, team=red)
        requests.complete_request(ctx, made.number, note="好")
    db = database.obj
    sent: list[str] = []
    real = db.execute_sql

    def counted(sql, *args, **kwargs):
        sent.append(sql)
        return real(sql, *args, **kwargs)

    monkeypatch.setattr(db, "execute_sql", counted)
    listed = requests.list_requests(DAY)
    assert [(r.resident, r.team, r.done_by) for r in listed] == [("张明月", red, "王站长")] * 4
    assert len(sent) == 1
