"""The ``volunteer`` command as the contract names it: a volunteer's record, the
certificate written to a PDF with its number from the register, the register, and the
national export; admin-only parts refused to a clerk on one line."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from cli_helpers import CLERK_PASSWORD, new_station, ok_json, run
from openpyxl import load_workbook
from printing_checks import assert_private, pdf_text

YESTERDAY = str(dt.date.today() - dt.timedelta(days=1))
FULL_ID = "11010519491231002X"


@pytest.fixture
def station(tmp_path) -> Path:
    """Two volunteers served 1.5 h at yesterday's closed activity; a clerk, 李敏."""
    data = new_station(tmp_path / "data")
    admin(data, "resident", "add", "--name", "张明月", "--id-number", FULL_ID, "--phone",
          "13812345678")
    admin(data, "resident", "add", "--name", "李华")
    admin(data, "team", "add", "红色志愿服务队", "--leader", "000001")
    made = admin(data, "activity", "add", "清扫楼道", "--date", YESTERDAY, "--start", "08:00",
                 "--end", "10:00", "--deed-type", "ENV_CLEANUP", "--team", "红色志愿服务队")
    admin(data, "activity", "attend", str(made["id"]), "000001", "000002", "--in", "08:00",
          "--out", "09:45")
    admin(data, "activity", "close", str(made["id"]))
    admin(data, "clerk", "add", "li", "--name", "李敏")
    return data


def admin(data: Path, *args: str) -> dict:
    return ok_json(data, "--as", "admin", *args)


def clerk(data: Path, *args: str):  # noqa: ANN201 - a finished process
    return run(data, "--as", "li", *args, password=CLERK_PASSWORD)


def audit_actions(data: Path) -> list[str]:
    with closing(sqlite3.connect(data / "station.db")) as conn:
        return [a for (a,) in conn.execute("SELECT action FROM audit_record ORDER BY seq")]


def test_record_shows_teams_hours_and_star(station):
    record = admin(station, "volunteer", "record", "000001")
    assert [t["team"] for t in record["teams"]] == ["红色志愿服务队"]
    assert [(s["title"], s["hours"]) for s in record["services"]] == [("清扫楼道", "1.5")]
    assert (record["total_hours"], record["star"]["level"], record["star"]["next_hours"]) == (
        "1.5", 0, 100)
    assert record["id_masked"] == "110105********002X" and FULL_ID not in json.dumps(record)
    assert audit_actions(station)[-1] == "volunteer.record"
    needs_clerk = run(station, "volunteer", "record", "000001")
    assert needs_clerk.returncode == 2 and "--as" in needs_clerk.stderr


def test_certificates_in_a_row_and_the_register(station, tmp_path):
    """A clerk issues two in a row (masked ID); the register lists them, newest first."""
    first = clerk(station, "--json", "volunteer", "certificate", "000001", "--pdf",
                  str(tmp_path / "a.pdf"), "--in-charge", "王站长")
    assert first.returncode == 0, first.stderr
    one = json.loads(first.stdout)
    year = dt.date.today().year
    assert (one["number"], one["hours"], one["activities"], one["full_id"]) == (
        f"{year}-0001", "1.5", 1, False)
    text = "\n".join(pdf_text((tmp_path / "a.pdf").read_bytes()))
    assert_private(text)
    assert "110105********002X" in text and "王站长" in text and "李敏" in text
    two = json.loads(clerk(station, "--json", "volunteer", "certificate", "000002", "--pdf",
                           str(tmp_path / "b.pdf")).stdout)
    assert two["number"] == f"{year}-0002"
    listed = admin(station, "volunteer", "certificates")["certificates"]
    assert [(c["number"], c["name"], c["handler"]) for c in listed] == [
        (f"{year}-0002", "李华", "李敏"), (f"{year}-0001", "张明月", "李敏")]
    assert audit_actions(station)[-1] == "volunteer.register"
    plain = run(station, "--as", "admin", "volunteer", "certificates")
    assert f"{year}-0001" in plain.stdout and plain.returncode == 0


def test_full_id_only_for_an_admin(station, tmp_path):
    refused = clerk(station, "volunteer", "certificate", "000001", "--pdf",
                    str(tmp_path / "c.pdf"), "--full-id")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "管理员" in refused.stderr and not (tmp_path / "c.pdf").exists()
    assert admin(station, "volunteer", "certificates")["certificates"] == []
    done = admin(station, "volunteer", "certificate", "000001", "--pdf",
                 str(tmp_path / "c.pdf"), "--full-id")
    assert done["full_id"] and FULL_ID in "".join(pdf_text((tmp_path / "c.pdf").read_bytes()))


def test_nothing_to_certify_is_refused_on_one_line(station, tmp_path):
    today = str(dt.date.today())
    done = run(station, "--json", "--as", "admin", "volunteer", "certificate", "000001",
               "--from", today, "--pdf", str(tmp_path / "d.pdf"))
    assert done.returncode == 2 and json.loads(done.stdout)["error"] == "no_service_recorded"
    assert not (tmp_path / "d.pdf").exists()


def test_the_national_export_is_for_admins(station, tmp_path):
    target = tmp_path / "national.xlsx"
    refused = clerk(station, "volunteer", "export", "--xlsx", str(target))
    assert refused.returncode == 2 and not target.exists() and "管理员" in refused.stderr
    done = admin(station, "volunteer", "export", "--from", YESTERDAY, "--xlsx", str(target))
    assert (done["rows"], done["volunteers"], done["activities"]) == (2, 2, 1)
    assert audit_actions(station)[-1] == "volunteer.export"
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0] == ("姓名", "证件类型", "证件号码", "手机号码", "活动名称", "服务日期",
                       "服务时长（小时）")
    assert rows[1] == ("张明月", "居民身份证", FULL_ID, "13812345678", "清扫楼道", YESTERDAY,
                       1.5)


def test_help_lists_the_volunteer_commands():
    done = run(Path("/nonexistent-unused"), "volunteer", "--help")
    assert done.returncode == 0
    for action in ("record", "certificate", "certificates", "export"):
        assert action in done.stdout
