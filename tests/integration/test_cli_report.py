"""`station-desk report month|quarter|year PERIOD` and `report range`: every figure by its
key under --json (the same as the service counts, beside the previous period), the
workbook and the PDF written, a tag filter, and wrong periods refused in one line. One
station for the whole file, its month built in-process once."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import load_workbook

from app.models import database, open_database
from app.services import auth
from app.services.context import Context, FixedClock
from app.services.reports import period, report
from tests import report_month
from tests.integration.cli_helpers import PASSWORD, new_station, ok_json, run
from tests.integration.printing_checks import pdf_text
from tests.report_recount import both


@pytest.fixture(scope="module")
def station(tmp_path_factory):
    data_dir = new_station(tmp_path_factory.mktemp("report") / "data")
    open_database(data_dir / "station.db")
    base = Context(data_dir, FixedClock(dt.datetime(2026, 11, 2, 9, 0)))
    report_month.build(base.as_actor(auth.sign_in(base, "admin", PASSWORD)))
    expected = report.compute(period.parse("month", "2026-10")).as_dict()
    database.close()
    return data_dir, expected


def test_month_gives_every_figure_by_key_with_the_previous_month(station):
    data_dir, expected = station
    got = ok_json(data_dir, "report", "month", "2026-10")
    assert got["figures"] == expected["figures"]
    assert got["previous"] == expected["previous"]
    assert got["period"] == {"kind": "month", "label": "2026-10", "start": "2026-10-01",
                             "end": "2026-10-31"}
    assert got["previous_period"]["label"] == "2026-09"


def test_json_after_the_sub_command_and_a_tag(station):
    data_dir, _ = station
    done = run(data_dir, "report", "month", "2026-10", "--tag", "party_member", "--json")
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    open_database(data_dir / "station.db")
    try:
        now, before = both(dt.date(2026, 10, 1), dt.date(2026, 10, 31),
                           (dt.date(2026, 9, 1), dt.date(2026, 9, 30)), tag="party_member")
    finally:
        database.close()
    assert got["tag"] == "party_member"
    assert got["figures"] == now and got["previous"] == before


def test_quarter_and_year_and_range_name_their_periods(station):
    data_dir, _ = station
    quarter = ok_json(data_dir, "report", "quarter", "2026Q4")
    assert quarter["previous_period"]["label"] == "2026Q3"
    assert quarter["figures"]["activities"] == 2
    year = ok_json(data_dir, "report", "year", "2026")
    assert year["figures"]["activities"] == 3
    days = ok_json(data_dir, "report", "range", "--from", "2026-10-01", "--to", "2026-10-10")
    assert days["previous_period"]["start"] == "2026-09-21"


def test_xlsx_and_pdf_are_written(station, tmp_path):
    data_dir, expected = station
    book, sheet = tmp_path / "r.xlsx", tmp_path / "r.pdf"
    got = ok_json(data_dir, "report", "month", "2026-10", "--xlsx", str(book), "--pdf",
                  str(sheet))
    assert (got["xlsx"], got["pdf"]) == (str(book), str(sheet))
    rows = load_workbook(book)["积分"].iter_rows(min_row=2, values_only=True)
    assert {r[4]: r[1] for r in rows}["awarded.points"] == expected["figures"]["awarded.points"]
    text = "".join(pdf_text(sheet.read_bytes()))
    assert "站长签字" in text and "2026年10月" in text


def test_plain_lines_show_each_figure_beside_the_previous(station):
    data_dir, expected = station
    done = run(data_dir, "report", "month", "2026-10")
    assert done.returncode == 0, done.stderr
    awarded = expected["figures"]["awarded.points"]
    before = expected["previous"]["awarded.points"]
    assert f"加分分值：{awarded}（上期 {before}，+{awarded - before}）" in done.stdout


@pytest.mark.parametrize("args", [("month", "2026-13"), ("quarter", "2026Q5"),
                                  ("range", "--from", "2026-10-10", "--to", "2026-10-01"),
                                  ("month", "2026-10", "--tag", "a,b")])
def test_wrong_periods_are_refused_in_one_line(station, args):
    data_dir, _ = station
    done = run(data_dir, "report", *args)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
