"""Setting a station up, its settings, the deed catalogue and desk check-ins."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.models import AuditRecord, Clerk, DeedType, SigningKey, Station
from app.services import catalogue, checkins, residents, station
from app.services.context import Context
from app.services.errors import (
    AlreadyInitialised,
    InvalidInput,
    InvalidStationCode,
    PermissionDenied,
    ResidentArchived,
    WeakPassword,
)
from app.services.residents import ResidentInput


def test_init_creates_station_key_admin_and_catalogue(ctx):
    """A new station has its identity, defaults, first key, admin and default catalogue."""
    info = station.current()
    assert (info.code, info.name) == ("XH01", "新华社区新时代文明实践站")
    assert (info.rate_points, info.rate_yuan, info.min_issue_points) == (1, 1, 5)
    assert info.denominations == (50, 20, 10, 5, 1)
    assert SigningKey.select().count() == 1
    assert Clerk.get(Clerk.username == "admin").role == "admin"
    types = catalogue.list_types()
    assert (len([t for t in types if not t.is_deduction]), len([t for t in types
                                                                if t.is_deduction])) == (21, 8)
    assert AuditRecord.select().where(AuditRecord.action == "station.init").count() == 1


def test_second_init_is_refused(ctx, counts):
    """A station is set up once; a second init changes nothing."""
    before = counts()
    with pytest.raises(AlreadyInitialised):
        station.init_station(ctx, "XH02", "另一个站", "boss", "Other-Admin-9")
    assert counts() == before


@pytest.mark.parametrize("code, name, password, error", [
    ("X", "站", "Desk-2026!", InvalidStationCode),
    ("XH-01", "站", "Desk-2026!", InvalidStationCode),
    ("TOOLONGCODE", "站", "Desk-2026!", InvalidStationCode),
    ("XH01", "  ", "Desk-2026!", InvalidInput),
    ("XH01", "站", "admin123", WeakPassword),
])
def test_init_validation_leaves_the_database_empty(db, tmp_path, clock, counts, code, name,
                                                   password, error):
    """Bad set-up input is refused before anything is written."""
    with pytest.raises(error):
        station.init_station(Context(tmp_path, clock), code, name, "admin", password)
    assert sum(counts().values()) == 0
    assert not station.is_initialised()


def test_a_new_station_gets_the_seed_tags(ctx):
    """The groups stations work with are on a new station's tag list, in their order."""
    from app.models import Tag
    from app.models.tag import SEED

    assert [t.name for t in Tag.select().order_by(Tag.sort_order)] == [zh for _, zh, _ in SEED]


def test_station_code_is_upper_cased(db, tmp_path, clock):
    """A code typed in lower case is stored in capitals."""
    assert station.init_station(Context(tmp_path, clock), " xh09 ", "站", "admin",
                                "Desk-2026!").code == "XH09"


def test_settings_are_normalised_and_audited(ctx):
    """Denominations typed with a Chinese comma are cleaned and sorted; the change is audited."""
    info = station.update_settings(ctx, denominations="5，20,1,10", rate_points=10)
    assert info.denominations == (20, 10, 5, 1) and info.rate_points == 10
    assert AuditRecord.select().order_by(AuditRecord.seq.desc()).first().action == \
        "station.settings"


@pytest.mark.parametrize("changes", [
    {"denominations": "50,20"}, {"denominations": "a,b"}, {"rate_yuan": 0},
    {"min_issue_points": "5"}, {"voucher_validity": "days:0"}, {"voucher_validity": "forever"},
    {"expiry_policy": "never"}, {"colour": "red"},
])
def test_bad_settings_are_refused(ctx, changes):
    """Settings outside their rules are refused and the station stays as it was."""
    before = Station.get().__data__
    with pytest.raises(InvalidInput):
        station.update_settings(ctx, **changes)
    assert Station.get().__data__ == before


def test_settings_are_admin_only(clerk_ctx):
    """A clerk cannot change the station's settings."""
    with pytest.raises(PermissionDenied):
        station.update_settings(clerk_ctx, min_issue_points=1)
    assert station.current().min_issue_points == 5


@pytest.mark.parametrize("points, rate_points, rate_yuan, yuan", [
    (25, 1, 1, "25.00"), (25, 10, 1, "2.50"), (5, 1, 3, "15.00"), (7, 10, 1, "0.70"),
])
def test_yuan_equivalent(ctx, points, rate_points, rate_yuan, yuan):
    """The yuan value of points follows the station's rate, to the fen."""
    info = station.update_settings(ctx, rate_points=rate_points, rate_yuan=rate_yuan)
    assert station.yuan_of(points, info) == yuan


@pytest.mark.parametrize("text, cap", [
    ("4 hours/day", (4, "day")), ("2 times/year", (2, "year")), ("4 times/month", (4, "month")),
    ("once per person", (1, "lifetime")), ("one per title per year", (1, "year")),
    ("", (None, None)),
])
def test_catalogue_caps_are_read(text, cap):
    """Caps written as in the published rules are understood."""
    assert catalogue.parse_cap(text) == cap


def test_find_deed_types_by_initials_name_or_code(ctx):
    """The desk finds a deed type by pinyin initials, Chinese, English or code."""
    for text in ("sjbm", "拾金", "lost property", "lost_and"):
        assert "LOST_AND_FOUND" in [t.code for t in catalogue.find_types(text)], text


def test_catalogue_edit_add_retire_and_validate(ctx, clerk_ctx):
    """An admin adds and retires types; invalid ones and clerks are refused."""
    added = catalogue.save_type(ctx, "snow_clearing", name_zh="义务扫雪", name_en="Snow clearing",
                                category="social", points=2, unit="per_hour", cap_quantity=4,
                                cap_period="day")
    assert (added.code, added.cap_quantity) == ("SNOW_CLEARING", 4)
    assert DeedType.get(DeedType.code == "SNOW_CLEARING").pinyin_initials == "ywsx"
    with pytest.raises(InvalidInput):
        catalogue.save_type(ctx, "BAD_TYPE", name_zh="坏", name_en="Bad", category="misc",
                            points=0, unit="per_hour", cap_quantity=3)
    with pytest.raises(PermissionDenied):
        catalogue.save_type(clerk_ctx, "SNOW_CLEARING", points=50)
    catalogue.save_type(ctx, "SNOW_CLEARING", active=False)
    assert "SNOW_CLEARING" not in [t.code for t in catalogue.list_types()]
    assert "SNOW_CLEARING" in [t.code for t in catalogue.list_types(include_retired=True)]


def test_check_in_counts_residents_once_a_day(ctx, resident, clock):
    """Check-ins are recorded with their purpose; a resident counts once per day."""
    other = residents.register(ctx, ResidentInput(name="李四"))
    assert checkins.check_in(ctx, resident.id, "deed").today_count == 1
    assert checkins.check_in(ctx, resident.id, "redeem").today_count == 1
    clock.advance(minutes=45)
    assert checkins.check_in(ctx, other.id).today_count == 2
    assert checkins.purposes_today(resident.id, clock.today()) == ["deed", "redeem"]
    assert checkins.times_today(other.id, clock.today()) == [("consult", "10:15")]
    clock.advance(days=1)
    assert checkins.count_on(clock.today()) == 0
    assert checkins.count_on(dt.date(2026, 11, 23)) == 2


def test_check_in_refusals_and_replay(ctx, resident, clock):
    """Unknown purposes and archived residents are refused; a repeated request counts once."""
    with pytest.raises(InvalidInput):
        checkins.check_in(ctx, resident.id, "shopping")
    first = checkins.check_in(ctx, resident.id, request_id="ci-1")
    assert checkins.check_in(ctx, resident.id, request_id="ci-1") == dataclasses.replace(
        first, replayed=True)
    assert checkins.purposes_today(resident.id, clock.today()) == ["consult"]
    residents.set_archived(ctx, resident.id, True)
    with pytest.raises(ResidentArchived):
        checkins.check_in(ctx, resident.id)
