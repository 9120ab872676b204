"""The district round trip: stations export their packages with the real exporter, the
centre (on the test database: PostgreSQL in that run) imports them in any order, and its
report shows, for each station, each institute and the district, the same figures as the
stations' own reports, for a year and for months; importing again changes nothing."""

from __future__ import annotations

import random

import pytest

from app.models.district import DistrictRecord
from app.services import centre, centre_members, package_import
from app.services.context import Context, FixedClock
from app.services.district_figures import FIGURE_BY_KEY
from app.services.district_report import compute, parse_period
from tests.conftest import FAST_HASHER, NOW
from tests.district_round_trip import (
    CENTRE_ONLY,
    PERIODS,
    PLAN,
    SHARED,
    Stations,
    centre_side,
    summed,
)
from tests.unit.centre_support import open_exceptions, snapshot


@pytest.fixture(scope="module")
def stations(tmp_path_factory):
    return Stations(tmp_path_factory.mktemp("stations"), FixedClock(NOW), FAST_HASHER)


def _centre(folder, stations) -> Context:
    ctx = Context(folder, stations.clock)
    centre.init_centre(ctx, "新华区新时代文明实践中心")
    for name in sorted({institute for institute, _, _ in PLAN.values()}):
        centre_members.add_institute(ctx, name)
    for code, (institute, _, _) in PLAN.items():
        centre_members.add_station(ctx, code, institute, stations.rings[code])
    return ctx


def _ordered(files, order):
    if order == "newest first":  # XH01's incremental package before its full one
        return files[::-1]
    if order == "shuffled":
        files = list(files)
        random.Random(15).shuffle(files)
    return files


def _report(period):
    return compute(parse_period(period), NOW.date())


def _differences(centre_figures, expected):
    found = centre_side(centre_figures)
    return {key: (found[key], expected[key]) for key in SHARED if found[key] != expected[key]}


def test_the_mapping_names_every_figure_of_the_centre_once():
    assert not set(SHARED) & CENTRE_ONLY
    assert set(SHARED) | CENTRE_ONLY == set(FIGURE_BY_KEY)


@pytest.mark.parametrize("order", ["as written", "newest first", "shuffled"])
def test_the_centre_shows_each_station_s_own_figures(db, tmp_path, stations, order):
    hub = _centre(tmp_path / "centre", stations)
    results = package_import.import_files(hub, _ordered(stations.packages, order))
    assert [r.status for r in results] == ["imported"] * len(stations.packages), results
    assert open_exceptions() == []  # no gap left, nothing contradicts
    for period in PERIODS:
        made = _report(period)
        assert sorted(u.code for u in made.stations) == sorted(PLAN)
        for unit in made.stations:
            own = stations.figures[unit.code][period]
            assert _differences(unit.values, own) == {}, (unit.code, period)
        for unit in made.institutes:
            own = summed([stations.figures[code][period] for code, (name, _, _) in PLAN.items()
                          if name == unit.code])
            assert _differences(unit.values, own) == {}, (unit.code, period)
        whole = summed([stations.figures[code][period] for code in PLAN])
        assert _differences(made.centre.values, whole) == {}, period


def test_the_stations_figures_are_not_empty(stations):
    """The comparison means something: every station held activities, awarded, issued
    and redeemed vouchers, sold in the store and commended in the year; the district
    deducted, settled and paid; XH01's days after its first package are in its November."""
    for code in PLAN:
        year = stations.figures[code]["2026"]
        for key in ("activities", "volunteers.hours", "audience.person_times",
                    "awarded.points", "vouchers.issued.count", "vouchers.redeemed.count",
                    "store.sales.count", "honours.count"):
            assert year[key], (code, key)
    district = summed([stations.figures[code]["2026"] for code in PLAN])
    for key in ("deducted.points", "settlement.statements.count", "settlement.paid.amount_fen"):
        assert district[key], key
    november = stations.figures["XH01"]["2026-11"]
    for key in ("vouchers.redeemed.store.count", "vouchers.voided.count",
                "vouchers.expired.count"):
        assert november[key], key


def test_importing_everything_again_changes_nothing(db, tmp_path, stations):
    hub = _centre(tmp_path / "centre", stations)
    package_import.import_files(hub, stations.packages)
    before, figures = snapshot(), [_report(p).as_dict() for p in PERIODS]
    rows = DistrictRecord.select().count()
    again = package_import.import_files(hub, _ordered(stations.packages, "shuffled"))
    assert [r.status for r in again] == ["already"] * len(stations.packages)
    assert sum(r.added + r.changed for r in again) == 0
    assert DistrictRecord.select().count() == rows > 0
    assert snapshot() == before
    assert [_report(p).as_dict() for p in PERIODS] == figures
