"""`station-desk resident import` from a script: the dry run and its report, the import
and its re-import, a corrected column, an .xls and a GBK CSV, and a damaged file refused
in one line. One station for the whole file: each test brings its own roster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import new_station, ok_json, run
from openpyxl import load_workbook

from tests import roster_files as rf

ROW_KEYS = {"row", "name", "status", "reason"}


@pytest.fixture(scope="module")
def station(tmp_path_factory):
    return new_station(tmp_path_factory.mktemp("roster-station"))


def imported(station: Path, *args: str) -> dict:
    return ok_json(station, "--as", "admin", "resident", "import", *args)


def test_a_dry_run_reports_every_row_and_writes_nothing(station, tmp_path):
    path = rf.gbk_csv(tmp_path / "名册.csv")
    report = tmp_path / "报告.xlsx"
    dry = imported(station, str(path), "--dry-run", "--report", str(report))
    assert dry["dry_run"] is True
    assert (dry["imported"], dry["skipped"]) == (2, 1)
    assert all(set(r).issuperset(ROW_KEYS) for r in dry["rows"])
    assert [r["status"] for r in dry["rows"]] == ["imported", "skipped", "imported"]
    found = ok_json(station, "--as", "admin", "resident", "find", "欧阳华")
    assert found["results"] == []
    sheet = load_workbook(report).worksheets[0]
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "欧阳华", None, "买买提·艾力"]
    done = imported(station, str(path))
    assert done["imported"] == 2
    found = ok_json(station, "--as", "admin", "resident", "find", "ouyanghua")
    assert [h["name"] for h in found["results"]] == ["欧阳华"]


def test_the_messy_roster_and_its_reimport(station, tmp_path):
    path = rf.messy_xlsx(tmp_path / "花名册.xlsx")
    first = imported(station, str(path))
    assert (first["imported"], first["refused"], first["skipped"]) == (7, 8, 2)
    rows = {r["row"]: r for r in first["rows"]}
    assert rows[rf.data_row(4)]["status"] == "refused"
    assert "文本" in rows[rf.data_row(4)]["reason"]
    assert rows[rf.data_row(8)]["reason"] == "与第 4 行重复"
    again = imported(station, str(path))
    assert (again["imported"], again["existing"]) == (0, 7)
    plain = run(station, "--as", "admin", "resident", "import", str(path))
    assert plain.returncode == 0 and "导入 0 人，已存在 7 人" in plain.stdout
    assert "第 8 行 钱七" in plain.stdout
    check = run(station, "check")
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_column_corrected_by_hand(station, tmp_path):
    path = rf.odd_header_xlsx(tmp_path / "odd.xlsx")
    done = imported(station, str(path), "--column", "公民证件=id_number",
                    "--column", "3=ignore")
    assert done["imported"] == 2
    found = ok_json(station, "--as", "admin", "resident", "find", "韩梅梅")
    assert found["results"][0]["id_masked"].startswith("110105")
    assert found["results"][0]["phone_masked"] == ""
    bad = run(station, "--json", "--as", "admin", "resident", "import", str(path),
              "--column", "公民证件=birthday")
    assert bad.returncode == 2 and json.loads(bad.stdout)["error"] == "roster_bad_mapping"


def test_an_xls_dry_run(station):
    dry = imported(station, str(rf.XLS_FIXTURE), "--dry-run")
    assert (dry["refused"], dry["skipped"]) == (8, 2)
    assert dry["imported"] + dry["existing"] == 7


def test_a_damaged_file_is_one_line_and_changes_nothing(station, tmp_path):
    broken = tmp_path / "坏名册.xlsx"
    broken.write_bytes(b"PK\x03\x04garbage")
    done = run(station, "--as", "admin", "resident", "import", str(broken))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "坏名册.xlsx" in done.stderr
    unsigned = run(station, "resident", "import", str(broken))
    assert unsigned.returncode == 2 and "--as" in unsigned.stderr
