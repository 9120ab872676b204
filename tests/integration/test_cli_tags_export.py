"""``station-desk tag …`` and the exports to xlsx from a script: the station's tag list
kept by an admin, and residents, ledger, activities and vouchers in Excel, masked unless
an admin asks for full numbers (audited). One demo station serves the whole file."""

from __future__ import annotations

import json
import sqlite3

import pytest
from cli_helpers import CLERK_PASSWORD, new_station, ok_json, run
from openpyxl import load_workbook


@pytest.fixture(scope="module")
def station(tmp_path_factory):
    data = new_station(tmp_path_factory.mktemp("station"))
    ok_json(data, "--as", "admin", "demo", "--residents", "25", "--seed", "4")
    ok_json(data, "--as", "admin", "clerk", "add", "li", "--name", "李敏")
    return data


def _sql(station, query: str, *params) -> list[tuple]:
    with sqlite3.connect(station / "station.db") as db:
        return db.execute(query, params).fetchall()


def _rows(path) -> list[tuple]:
    sheet = load_workbook(path).worksheets[0]
    assert sheet.freeze_panes == "A2"
    return list(sheet.iter_rows(values_only=True))


def test_an_admin_keeps_the_tag_list_and_a_clerk_may_only_read_it(station):
    listed = ok_json(station, "tag", "list")["tags"]
    assert {"独居老人", "空巢老人", "留守儿童", "五老人员", "志愿者"} <= {t["name"] for t in listed}
    volunteers = next(t for t in listed if t["code"] == "volunteer")
    raw = [tags for (tags,) in _sql(station, "SELECT tags FROM resident")]
    assert volunteers["residents"] == sum("volunteer" in t.split(",") for t in raw)
    added = ok_json(station, "--as", "admin", "tag", "add", "高龄老人", "--en", "Over 80")
    assert added["code"] == "gaolinglaoren" and not added["retired"]
    refused = run(station, "--json", "--as", "li", "tag", "add", "新标签",
                  password=CLERK_PASSWORD)
    assert refused.returncode == 2 and json.loads(refused.stdout)["error"] == "permission_denied"
    again = run(station, "--as", "admin", "tag", "add", "高龄 老人")
    assert again.returncode == 2 and "已有标签" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1
    ok_json(station, "--as", "admin", "resident", "add", "--name", "赵一", "--tag", "高龄老人")
    retired = ok_json(station, "--as", "admin", "tag", "retire", "高龄老人")
    assert retired["retired"] is True
    refused = run(station, "--as", "admin", "resident", "add", "--name", "赵二",
                  "--tag", "gaolinglaoren")
    assert refused.returncode == 2 and "已停用" in refused.stderr
    active = ok_json(station, "tag", "list", "--active")["tags"]
    assert "gaolinglaoren" not in {t["code"] for t in active}
    kept = next(t for t in ok_json(station, "tag", "list")["tags"]
                if t["code"] == "gaolinglaoren")
    assert kept["retired"] and kept["residents"] == 1
    renamed = ok_json(station, "--as", "admin", "tag", "rename", "高龄老人", "八十岁以上")
    assert renamed["code"] == "gaolinglaoren" and renamed["name"] == "八十岁以上"


def test_residents_export_masked_and_full_only_for_an_admin_audited(station, tmp_path):
    masked = tmp_path / "masked.xlsx"
    done = ok_json(station, "--as", "li", "resident", "export", "--xlsx", str(masked),
                   password=CLERK_PASSWORD)
    raw = dict(_sql(station, "SELECT resident_no, id_number FROM resident"))
    rows = _rows(masked)
    assert rows[0][:6] == ("居民编号", "姓名", "性别", "出生日期", "证件类型", "证件号码")
    assert done["rows"] == len(rows) - 1 == len(raw) and done["full"] is False
    for row in rows[1:]:
        number = raw[row[0]]
        assert number is None or (row[5] != number and row[5][:6] == number[:6]
                                  and row[5][-4:] == number[-4:] and "*" in row[5])
    full = tmp_path / "full.xlsx"
    refused = run(station, "--as", "li", "resident", "export", "--xlsx", str(full), "--full",
                  password=CLERK_PASSWORD)
    assert refused.returncode == 2 and not full.exists() and "Traceback" not in refused.stderr
    done = ok_json(station, "--as", "admin", "resident", "export", "--xlsx", str(full),
                   "--full")
    assert {row[0]: row[5] for row in _rows(full)[1:]} == {k: v for k, v in raw.items()}
    action, clerk, detail = _sql(station, "SELECT action, clerk_name, detail FROM audit_record "
                                          "ORDER BY seq DESC LIMIT 1")[0]
    assert (action, clerk) == ("export.residents", "admin")
    assert json.loads(detail)["rows"] == len(raw) and json.loads(detail)["full"] is True
    tagged = tmp_path / "volunteers.xlsx"
    ok_json(station, "--as", "admin", "resident", "export", "--xlsx", str(tagged),
            "--tag", "志愿者")
    expected = {no for no, tags in _sql(station, "SELECT resident_no, tags FROM resident")
                if "volunteer" in tags.split(",")}
    assert {row[0] for row in _rows(tagged)[1:]} == expected


def test_ledger_activities_and_vouchers_export_with_their_periods(station, tmp_path):
    ledger = tmp_path / "ledger.xlsx"
    done = ok_json(station, "--as", "admin", "ledger", "export", "--xlsx", str(ledger),
                   "--from", "2026-01-01", "--to", "2026-06-30")
    raw = _sql(station, "SELECT seq, points FROM ledger_entry WHERE business_date BETWEEN "
                        "'2026-01-01' AND '2026-06-30' ORDER BY seq")
    rows = _rows(ledger)[1:]
    assert done["rows"] == len(rows) == len(raw) and raw
    assert [(r[0], r[6]) for r in rows] == raw
    for kind, table in (("activity", "activity"), ("voucher", "voucher")):
        path = tmp_path / f"{kind}.xlsx"
        done = ok_json(station, "--as", "admin", kind, "export", "--xlsx", str(path))
        assert done["rows"] == len(_rows(path)) - 1 == _sql(
            station, f"SELECT COUNT(*) FROM {table}")[0][0]
    bad = run(station, "--as", "admin", "ledger", "export", "--xlsx",
              str(tmp_path / "no" / "such" / "folder.xlsx"))
    assert bad.returncode == 2 and "文件夹不存在" in bad.stderr
    backwards = run(station, "--as", "admin", "ledger", "export", "--xlsx", str(ledger),
                    "--from", "2026-06-30", "--to", "2026-01-01")
    assert backwards.returncode == 2 and "结束日期" in backwards.stderr
    unsigned = run(station, "resident", "export", "--xlsx", str(tmp_path / "x.xlsx"))
    assert unsigned.returncode == 2 and "--as" in unsigned.stderr
    assert run(station, "check").returncode == 0
