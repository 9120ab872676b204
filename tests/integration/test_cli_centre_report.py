"""``station-desk centre report`` at the centre: every figure by station, institute and
district as JSON, the console tables, the workbook and the PDF, and refusals in one line."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from app.models import database, open_database
from app.models.migrations import migrate
from tests.district_records import fill, make_centre, make_district, of_institute, recount
from tests.integration.cli_helpers import ok_json, run


@pytest.fixture
def centre(tmp_path):
    """A centre's database (SQLite here) holding the hand-made district's records."""
    path = tmp_path / "centre.db"
    open_database(path)
    migrate()
    make_centre()
    fill(make_district())
    database.close()
    return tmp_path / "data", str(path)


def _reopened(path: str) -> None:
    open_database(path)


def test_json_gives_every_figure_as_plain_sql_counts_it(centre):
    data, path = centre
    answer = ok_json(data, "--db", path, "centre", "report", "2026Q2")
    assert answer["period"]["start"] == "2026-04-01"
    _reopened(path)
    try:
        start, end = dt.date(2026, 4, 1), dt.date(2026, 6, 30)
        assert answer["totals"]["figures"] == recount(start, end, "1 = 1")
        for unit in answer["institutes"]:
            assert unit["figures"] == recount(start, end, of_institute(unit["name"]))
    finally:
        database.close()
    assert {u["code"] for u in answer["stations"]} == {"CG01", "CG02", "CG03", "XH01", "XH02",
                                                       "HX01"}
    assert "CG03" in answer["behind"]


def test_the_console_shows_the_levels_and_who_is_behind(centre):
    data, path = centre
    done = run(data, "--db", path, "centre", "report", "2026", "--institute", "城关街道实践所")
    assert done.returncode == 0, done.stderr
    assert "【各站点】" in done.stdout and "CG03 南关社区站" in done.stdout
    assert "从未上报" in done.stdout
    assert "XH01" not in done.stdout  # another institute's station


def test_xlsx_has_a_sheet_a_level_with_totals(centre, tmp_path):
    from openpyxl import load_workbook

    data, path = centre
    target = tmp_path / "区级报表.xlsx"
    answer = ok_json(data, "--db", path, "centre", "report", "2026", "--xlsx", str(target))
    book = load_workbook(target)
    assert book.sheetnames == ["中心", "实践所", "站点"]
    whole = answer["totals"]["figures"]
    centre_rows = {row[3]: row[2] for row in book["中心"].iter_rows(min_row=2, values_only=True)}
    assert centre_rows["awarded.points"] == whole["awarded.points"]
    assert centre_rows["settlement.statements.amount_fen"] == pytest.approx(
        whole["settlement.statements.amount_fen"] / 100)
    stations = list(book["站点"].iter_rows(values_only=True))
    head = list(stations[0])
    column = head.index("加分分值")
    assert stations[-1][0] == "合计"
    assert stations[-1][column] == sum(r[column] for r in stations[1:-1]) == whole[
        "awarded.points"]
    never = next(r for r in stations if r[0] == "CG03")
    assert never[head.index("最近上报包生成时间")] == "从未上报"
    institutes = list(book["实践所"].iter_rows(values_only=True))
    assert [r[0] for r in institutes[1:]] == [u["name"] for u in answer["institutes"]] + ["合计"]


def test_pdf_names_the_period_the_institutes_and_the_stations_behind(centre, tmp_path):
    from pypdf import PdfReader

    data, path = centre
    target = tmp_path / "区级报表.pdf"
    answer = ok_json(data, "--db", path, "centre", "report", "2026-10", "--pdf", str(target))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(target.read_bytes()))
                   .pages)
    assert "新时代文明实践区级统计报表" in text and "2026年10月" in text
    for unit in answer["institutes"]:
        assert unit["name"] in text
    assert f"上报落后的站点（{len(answer['behind'])}）" in text
    assert "CG02" in text and "从未上报" in text
    awarded = answer["totals"]["figures"]["awarded.points"]
    assert f"{awarded:,}" in text


@pytest.mark.parametrize(("args", "said"), [
    (("2026-13",), "2026Q3"), (("--from", "2026-02-01"), "日期段"),
    (("2026", "--institute", "河东"), "河东"), (("2026", "--from", "2026-01-01",
                                                 "--to", "2026-01-02"), "日期段")])
def test_bad_periods_and_unknown_institutes_are_refused_in_one_line(centre, args, said):
    data, path = centre
    done = run(data, "--db", path, "centre", "report", *args)
    assert done.returncode == 2
    assert said in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_a_station_database_is_not_a_centre(tmp_path):
    done = run(tmp_path / "data", "--db", str(tmp_path / "plain.db"), "centre", "report", "2026")
    assert done.returncode == 2
    assert "不是区中心" in done.stderr
