"""A volunteer's record, star levels, the numbered certificate register and the export
for the national volunteer information system (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
from pathlib import Path

import peewee as pw
import pytest
from openpyxl import load_workbook

from app.models import AuditRecord, OperationRecord, VolunteerCertificate, database
from app.services import activities, activity_close, attendance, certificates, residents, teams
from app.services.activities import ActivityPlan
from app.services.context import Actor
from app.services.errors import FutureDate, InvalidInput, InvalidText, PermissionDenied
from app.services.errors.certificates import NoServiceRecorded
from app.services.volunteer_export import COLUMNS, export_national
from app.services.volunteer_record import star_for, volunteer_record

FULL_ID = "11010519491231002X"
NOW = dt.datetime(2026, 11, 23, 9, 30)  # the fixture clock's
ROUNDS = 3


def hold(ctx, title: str, day: dt.date, times: dict[int, tuple[str, str | None]],
         audience: tuple[int, ...] = (), close: bool = True) -> int:
    """An activity on ``day`` 08:00–12:00 with each volunteer's sign-in and sign-out."""
    made = activities.add_activity(ctx, ActivityPlan(
        title, day, dt.time(8, 0), dt.time(12, 0), "ENV_CLEANUP", kind="environment"))
    for person, (sign_in, sign_out) in times.items():
        attendance.attend(ctx, made.id, [person], sign_in=dt.time.fromisoformat(sign_in),
                          sign_out=dt.time.fromisoformat(sign_out) if sign_out else None)
    if audience:
        attendance.attend(ctx, made.id, list(audience), role="audience",
                          sign_in=dt.time(8, 0))
    if close:
        activity_close.close_activity(ctx, made.id)
    return made.id


@pytest.fixture
def served(ctx, resident):
    """张明月 (full ID, phone) and 李华 served: 2 h and 1.5 h in December 2025, 3 h in
    March 2026; 李华 also sat in an audience, and an open activity has no hours yet."""
    other = residents.register(ctx, residents.ResidentInput(name="李华", phone="13900001111"))
    teams.add_team(ctx, "红色志愿服务队", colour="红色")
    teams.join_team(ctx, "红色志愿服务队", [resident.id], day=dt.date(2025, 12, 1))
    teams.leave_team(ctx, "红色志愿服务队", [resident.id], day=dt.date(2026, 2, 1))
    teams.add_team(ctx, "绿色志愿服务队")
    teams.join_team(ctx, "绿色志愿服务队", [resident.id], day=dt.date(2026, 2, 1))
    hold(ctx, "冬季清扫", dt.date(2025, 12, 20), {resident.id: ("08:00", "10:00"),
                                               other.id: ("08:00", "09:40")})
    hold(ctx, "植树节", dt.date(2026, 3, 12), {resident.id: ("08:30", "11:30")},
         audience=(other.id,))
    hold(ctx, "楼道整治", dt.date(2026, 11, 20), {resident.id: ("08:00", "12:00")}, close=False)
    return resident, other


def test_the_record_lists_teams_activities_and_hours_by_year(served):
    """Closed volunteer hours only: the audience seat and the open activity do not count."""
    person, other = served
    record = volunteer_record(person.id)
    assert [(t.team, t.joined_on, t.left_on) for t in record.teams] == [
        ("红色志愿服务队", "2025-12-01", "2026-02-01"), ("绿色志愿服务队", "2026-02-01", None)]
    assert [(s.date, s.title, s.hours) for s in record.services] == [
        ("2025-12-20", "冬季清扫", "2"), ("2026-03-12", "植树节", "3")]
    assert [(y.year, y.activities, y.hours) for y in record.years] == [(2025, 1, "2"),
                                                                      (2026, 1, "3")]
    assert (record.hours, record.total_hours, record.star.level) == ("5", "5", 0)
    assert record.id_masked == "110105********002X" and record.id_type == "居民身份证"
    assert [(s.title, s.hours) for s in volunteer_record(other.id).services] == [("冬季清扫",
                                                                                 "1.5")]


def test_a_period_narrows_the_lines_but_not_the_whole_record(served):
    person, _ = served
    record = volunteer_record(person.id, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert [s.title for s in record.services] == ["植树节"]
    assert (record.hours, record.total_hours) == ("3", "5")
    with pytest.raises(InvalidInput):
        volunteer_record(person.id, dt.date(2026, 2, 1), dt.date(2026, 1, 1))


@pytest.mark.parametrize(("hours_tenths", "level", "name"), [
    (0, 0, ""), (999, 0, ""), (1000, 1, "一星"), (2995, 1, "一星"), (3000, 2, "二星"),
    (5999, 2, "二星"), (6000, 3, "三星"), (10000, 4, "四星"), (14999, 4, "四星"),
    (15000, 5, "五星"), (99999, 5, "五星")])
def test_star_levels_begin_exactly_at_100_300_600_1000_1500_hours(hours_tenths, level, name):
    star = star_for(hours_tenths)
    assert (star.level, star.name) == (level, name)
    assert star.next_hours == (None if level == 5 else (100, 300, 600, 1000, 1500)[level])
    if star.next_hours is not None:
        assert float(star.to_next) * 10 + hours_tenths == star.next_hours * 10


def test_certificates_are_numbered_in_a_row_per_year(ctx, clock, served):
    """Two in a row get consecutive numbers; a new year starts again at 0001."""
    person, other = served
    first = certificates.issue_certificate(ctx, person.id, person_in_charge="王站长")
    second = certificates.issue_certificate(ctx, other.id)
    assert (first.content.number, second.content.number) == ("2026-0001", "2026-0002")
    assert (first.content.start, first.content.end) == ("2025-12-20", "2026-11-23")
    assert (first.content.hours, first.content.activities) == ("5", 2)
    assert first.content.handler == "王站长" and second.content.person_in_charge == ""
    clock.advance(days=40)  # 2027-01-02
    third = certificates.issue_certificate(ctx, person.id, dt.date(2026, 1, 1),
                                           dt.date(2026, 12, 31))
    assert third.content.number == "2027-0001" and third.content.hours == "3"
    register = certificates.register()
    assert [r.number for r in register] == ["2027-0001", "2026-0002", "2026-0001"]
    assert [(r.name, r.hours, r.activities, r.start) for r in register][2] == (
        "张明月", "5", 2, "2025-12-20")
    assert [r.number for r in certificates.register(2026)] == ["2026-0002", "2026-0001"]


def test_a_repeated_request_gives_the_same_certificate_once(ctx, served):
    person, _ = served
    one = certificates.issue_certificate(ctx, person.id, request_id="cert-1")
    again = certificates.issue_certificate(ctx, person.id, request_id="cert-1")
    assert again.replayed and again.content == one.content
    assert VolunteerCertificate.select().count() == 1


def test_the_register_refuses_edits_and_removals(ctx, served):
    person, _ = served
    certificates.issue_certificate(ctx, person.id)
    with pytest.raises(pw.DatabaseError), VolunteerCertificate._meta.database.atomic():
        VolunteerCertificate.update(hours_tenths=9999).execute()
    with pytest.raises(pw.DatabaseError), VolunteerCertificate._meta.database.atomic():
        VolunteerCertificate.delete().execute()
    assert [r.hours for r in certificates.register()] == ["5"]


def test_the_id_is_masked_unless_an_admin_asks_and_the_choice_is_audited(ctx, clerk_ctx,
                                                                          served, counts):
    person, _ = served
    masked = certificates.issue_certificate(clerk_ctx, person.id)
    assert masked.content.id_text == "110105********002X" and not masked.content.full_id
    assert masked.content.handler == "李敏"
    before = counts()
    with pytest.raises(PermissionDenied):
        certificates.issue_certificate(clerk_ctx, person.id, full_id=True)
    assert VolunteerCertificate.select().count() == before["volunteer_certificate"]
    denied = AuditRecord.select().order_by(AuditRecord.seq.desc()).first()
    assert (denied.action, denied.target) == ("permission.denied",
                                              "volunteer.certificate_full_id")
    full = certificates.issue_certificate(ctx, person.id, full_id=True)
    assert full.content.id_text == FULL_ID and full.content.full_id
    assert [r.full_id for r in certificates.register()] == [True, False]
    issued = AuditRecord.get(AuditRecord.action == "volunteer.certificate",
                             AuditRecord.target == full.content.number)
    assert json.loads(issued.detail)["full_id"] is True
    assert all(FULL_ID not in r.result for r in OperationRecord.select())


def test_nothing_to_certify_or_a_future_end_is_refused_and_changes_nothing(ctx, served,
                                                                           counts):
    person, other = served
    before = counts()
    with pytest.raises(NoServiceRecorded) as refused:
        certificates.issue_certificate(ctx, other.id, dt.date(2026, 1, 1))
    assert "李华" in refused.value.message() and refused.value.field == "period"
    with pytest.raises(FutureDate):
        certificates.issue_certificate(ctx, person.id, end=dt.date(2026, 12, 1))
    with pytest.raises(InvalidText):
        certificates.issue_certificate(ctx, person.id, handler="张" * 30)
    assert counts() == before


def test_the_national_export_has_one_row_per_volunteer_per_activity(ctx, served, tmp_path):
    person, other = served
    path = tmp_path / "national.xlsx"
    done = export_national(ctx, path, dt.date(2025, 12, 1), dt.date(2026, 12, 31))
    assert (done.rows, done.volunteers, done.activities) == (3, 2, 2)
    sheet = load_workbook(path).active
    rows = [tuple(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == COLUMNS == ("姓名", "证件类型", "证件号码", "手机号码", "活动名称",
                                  "服务日期", "服务时长（小时）")
    assert rows[1:] == [
        ("张明月", "居民身份证", FULL_ID, "13812345678", "冬季清扫", "2025-12-20", 2),
        ("李华", "无", None, "13900001111", "冬季清扫", "2025-12-20", 1.5),
        ("张明月", "居民身份证", FULL_ID, "13812345678", "植树节", "2026-03-12", 3)]
    noted = AuditRecord.get(AuditRecord.action == "volunteer.export")
    assert json.loads(noted.detail)["rows"] == 3
    assert json.loads(noted.detail)["file"] == str(path.resolve())


def test_only_an_admin_exports_and_a_refusal_writes_no_file(clerk_ctx, served, tmp_path):
    path = tmp_path / "national.xlsx"
    with pytest.raises(PermissionDenied):
        export_national(clerk_ctx, path)
    assert not path.exists()
    assert AuditRecord.select().where(AuditRecord.action == "volunteer.export").count() == 0


def issuing_desk(location: str, data_dir: str, actor: Actor, resident_id: int, barrier,
                 results) -> None:
    """A desk process issuing certificates in lock-step with another desk."""
    from app.models import open_database
    from app.services.context import Context, FixedClock

    open_database(location)
    ctx = Context(Path(data_dir), FixedClock(NOW), actor)
    for _ in range(ROUNDS):
        barrier.wait(timeout=60)
        try:
            results.put(certificates.issue_certificate(ctx, resident_id).content.number)
        except Exception as exc:  # reported to the test, which fails on it
            results.put(f"error {exc!r}")


def test_two_desks_issuing_at_once_get_consecutive_numbers(ctx, clerk_ctx, served,
                                                           db_location, tmp_path):
    person, other = served
    database.close()  # the test's own connection stays out of the race
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(2), spawn.Queue()
    workers = [spawn.Process(target=issuing_desk, args=(db_location, str(tmp_path), c.actor,
                                                        rid, barrier, results))
               for c, rid in ((ctx, person.id), (clerk_ctx, other.id))]
    for w in workers:
        w.start()
    numbers = [results.get(timeout=120) for _ in range(2 * ROUNDS)]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    assert sorted(numbers) == [f"2026-{n:04d}" for n in range(1, 2 * ROUNDS + 1)]
    database.connect(reuse_if_open=True)
    assert sorted(r.number for r in certificates.register()) == sorted(numbers)
