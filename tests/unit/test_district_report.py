"""The district report counts what the stations' records say, per station, per institute
and for the centre, and shows who is behind with their packages."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services import district_report
from app.services.errors import InvalidInput
from app.services.errors.centre import NotACentre
from app.services.reports import period
from tests.district_records import (
    DISTRICT,
    fill,
    make_centre,
    make_district,
    of_institute,
    of_station,
    pseudonym,
    record,
    recount,
    write,
)

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def district(db):
    make_centre()
    stations = make_district()
    fill(stations)
    return stations


@pytest.mark.parametrize("chosen", [period.parse("year", "2026"), period.parse("month", "2026-03"),
                                    period.parse("quarter", "2026Q2"),
                                    period.date_range(dt.date(2025, 12, 1),
                                                      dt.date(2026, 2, 14))])
def test_every_figure_at_every_level_is_the_plain_sql_recount(district, chosen):
    made = district_report.compute(chosen, TODAY)
    for unit in made.stations:
        assert unit.values == recount(chosen.start, chosen.end, of_station(district[unit.code]))
    for unit in made.institutes:
        assert unit.values == recount(chosen.start, chosen.end, of_institute(unit.code))
    assert made.centre.values == recount(chosen.start, chosen.end, "1 = 1")
    assert made.centre.values["awarded.points"] > 0  # the district is not empty


def test_a_resident_awarded_in_two_categories_is_one_person_awarded(db):
    make_centre()
    station = make_district({"所": [("A1", "站", None)]})["A1"]
    one = pseudonym(station, 1)
    day = dt.date(2026, 5, 5)
    write([record(station, "ledger", day, one, 5, "award", "social"),
           record(station, "ledger", day, one, 3, "award", "family"),
           record(station, "ledger", day, one, -2, "deduct", "social")])
    values = district_report.compute(period.parse("month", "2026-05"), TODAY).centre.values
    assert (values["awarded.persons"], values["awarded.person_times"],
            values["awarded.points"]) == (1, 2, 8)
    assert values["awarded.category.social.persons"] == 1
    assert values["awarded.category.family.persons"] == 1
    assert (values["deducted.persons"], values["deducted.points"]) == (1, 2)


def test_the_institute_filter_keeps_its_stations_only(district):
    name = "新华街道实践所"
    made = district_report.compute(period.parse("year", "2026"), TODAY, name)
    assert {u.code for u in made.stations} == {code for code, _, _ in DISTRICT[name]}
    assert [u.code for u in made.institutes] == [name]
    assert made.centre.values == recount(dt.date(2026, 1, 1), dt.date(2026, 12, 31),
                                         of_institute(name))


def test_an_unknown_institute_is_refused_by_name(district):
    with pytest.raises(InvalidInput, match="河东"):
        district_report.compute(period.parse("year", "2026"), TODAY, "河东")


def test_days_behind_run_from_the_last_package_to_the_period_end_or_today(district):
    made = district_report.compute(period.parse("month", "2026-10"), TODAY)
    late = {u.code: u.days_behind for u in made.stations}
    # CG01 and XH01 sent in November, HX01 on the 31st: October is covered
    assert (late["CG01"], late["XH01"], late["HX01"]) == (0, 0, 0)
    assert late["CG02"] == (dt.date(2026, 10, 31) - dt.date(2026, 9, 30)).days
    assert late["CG03"] is None  # never sent a package
    this_year = district_report.compute(period.parse("year", "2026"), TODAY)
    assert {u.code: u.days_behind for u in this_year.stations}["XH01"] == 1  # today: the 23rd
    behind = {u.code for u in made.stations if u.is_behind}
    assert behind == {"CG02", "CG03", "XH02"}
    by_name = {u.code: u for u in made.institutes}
    assert (by_name["城关街道实践所"].behind, by_name["城关街道实践所"].stations) == (2, 3)
    assert made.centre.behind == 3


def test_a_station_without_records_shows_zeros(district):
    made = district_report.compute(period.parse("year", "2026"), TODAY)
    never = {u.code: u for u in made.stations}["CG03"]
    assert set(never.values.values()) == {0}


def test_a_database_without_a_centre_is_refused(db):
    with pytest.raises(NotACentre):
        district_report.compute(period.parse("year", "2026"), TODAY)


@pytest.mark.parametrize(("text", "kind", "start", "end"), [
    ("2026-10", "month", dt.date(2026, 10, 1), dt.date(2026, 10, 31)),
    ("2026Q3", "quarter", dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
    ("2026", "year", dt.date(2026, 1, 1), dt.date(2026, 12, 31))])
def test_a_period_is_written_as_the_station_report_writes_it(text, kind, start, end):
    chosen = district_report.parse_period(text)
    assert (chosen.kind, chosen.start, chosen.end) == (kind, start, end)


def test_a_range_takes_two_days_and_no_period():
    chosen = district_report.parse_period(None, dt.date(2026, 2, 1), dt.date(2026, 2, 9))
    assert (chosen.kind, chosen.days) == ("range", 9)
    with pytest.raises(InvalidInput):
        district_report.parse_period("2026", dt.date(2026, 2, 1), dt.date(2026, 2, 9))
    with pytest.raises(InvalidInput):
        district_report.parse_period(None, dt.date(2026, 2, 1), None)


@pytest.mark.parametrize("text", ["2026-13", "26Q1", "二〇二六", "", None])
def test_a_period_in_no_known_form_is_refused_with_the_forms(text):
    with pytest.raises(InvalidInput, match="2026Q3"):
        district_report.parse_period(text)
