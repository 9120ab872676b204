"""Merchants, statements and the moral fund from the command line, as the contract names
them: details, suspension refused at redeem, settle → approve → paid, the fund's report."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from cli_helpers import new_station, ok_json, run
from openpyxl import load_workbook
from pypdf import PdfReader

SHOP = "红星理发店"


@pytest.fixture
def station(tmp_path):
    data = new_station(tmp_path / "data")
    ok_json(data, "--as", "admin", "resident", "add", "--name", "王芳")
    for _ in range(3):  # 120 points to spend
        ok_json(data, "--as", "admin", "deed", "record", "1", "LOST_AND_FOUND",
                "--quantity", "20")
    return data


def test_merchant_details_suspend_and_places(station, tmp_path):
    ok_json(station, "--as", "admin", "merchant", "add", SHOP, "--contact", "刘师傅",
            "--phone", "0512-1234567", "--address", "幸福里 3 号", "--terms", "每单最多抵一半",
            "--offer", "理发", "--share", "50")
    ok_json(station, "--as", "admin", "merchant", "edit", SHOP, "--phone", "13900001111")
    listed = ok_json(station, "merchant", "list")
    assert listed["merchants"] == [SHOP]  # the names, as before the details came
    assert [(m["name"], m["phone"], m["share_percent"]) for m in listed["details"]] == [
        (SHOP, "13900001111", "50")]
    token = ok_json(station, "--as", "admin", "voucher", "issue", "1", "5", "--merchant",
                    SHOP)["vouchers"][0]["token"]
    ok_json(station, "--as", "admin", "merchant", "suspend", SHOP)
    refused = run(station, "--as", "admin", "voucher", "redeem", token, "--merchant", SHOP)
    assert refused.returncode == 2 and "暂停合作" in refused.stderr
    assert refused.stderr.count("\n") == 1
    pdf = tmp_path / "places.pdf"
    assert ok_json(station, "merchant", "places", "--pdf", str(pdf))["merchants"] == 0
    ok_json(station, "--as", "admin", "merchant", "reactivate", SHOP)
    assert ok_json(station, "merchant", "places", "--pdf", str(pdf))["merchants"] == 1
    text = PdfReader(pdf).pages[0].extract_text()
    assert "哪里可以用兑换券" in text and SHOP in text and "13900001111" in text


def test_settle_approve_pay_and_report(station, tmp_path):
    ok_json(station, "--as", "admin", "merchant", "add", SHOP)
    issued = ok_json(station, "--as", "admin", "voucher", "issue", "1", "35", "--merchant",
                     SHOP)["vouchers"]
    for v in issued:
        ok_json(station, "--as", "admin", "voucher", "redeem", v["token"], "--merchant", SHOP)
    ok_json(station, "--as", "admin", "fund", "add", "100", "--source", "幸福里社区党委",
            "--donor", "王书记", "--budget-line", "党建经费")
    month = dt.date.today().strftime("%Y-%m")
    pdf, xlsx = tmp_path / "js.pdf", tmp_path / "js.xlsx"
    made = ok_json(station, "--as", "admin", "merchant", "settle", SHOP, "--month", month,
                   "--pdf", str(pdf), "--xlsx", str(xlsx))
    assert (made["vouchers"], made["amount"], made["state"]) == (len(issued), "35.00", "draft")
    assert isinstance(made["id"], int) and made["statement"].startswith("JS-")
    text = PdfReader(pdf).pages[0].extract_text()
    assert all(v["serial"] in text for v in issued) and "商户签章" in text
    sheet = load_workbook(xlsx).active
    assert sorted(r[0].value for r in sheet.iter_rows(min_row=3, max_row=2 + len(issued))) \
        == sorted(v["serial"] for v in issued)
    early = run(station, "--as", "admin", "merchant", "paid", made["statement"],
                "--reference", "T1")
    assert early.returncode == 2 and "审核" in early.stderr
    listed = run(station, "merchant", "statements")
    assert listed.returncode == 0 and f"{made['statement']}  草稿" in listed.stdout
    assert "draft" not in listed.stdout
    ok_json(station, "--as", "admin", "merchant", "approve", made["statement"])
    assert f"{made['statement']}  已审核" in run(station, "merchant", "statements").stdout
    again = run(station, "--json", "--as", "admin", "merchant", "approve", made["statement"])
    assert again.returncode == 2 and json.loads(again.stdout)["error"] == "statement_locked"
    paid = ok_json(station, "--as", "admin", "merchant", "paid", made["statement"],
                   "--reference", "转账 001")
    assert paid["fund_balance"] == "65.00"
    report = ok_json(station, "fund", "report", "--pdf", str(tmp_path / "f.pdf"),
                     "--xlsx", str(tmp_path / "f.xlsx"))
    assert (report["contributions"], report["payments"], report["closing"]) == (
        "100.00", "35.00", "65.00")
    assert report["owed"] == "0.00" and report["short"] is False
    assert "王书记" in PdfReader(tmp_path / "f.pdf").pages[0].extract_text()
    sheet = load_workbook(tmp_path / "f.xlsx").active
    header = [c.value for c in sheet[2]]
    given = [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[1] == "捐助"]
    assert [(r[header.index("捐赠人")], r[header.index("预算科目")]) for r in given] == [
        ("王书记", "党建经费")]
    ok_json(station, "--as", "admin", "voucher", "issue", "1", "70")
    short = ok_json(station, "fund", "report")
    assert short["short"] is True and "不足" in short["warning"]


def test_bad_input_is_one_line(station):
    for args, words in ((("fund", "add", "12.345", "--source", "党委"), "金额"),
                        (("merchant", "settle", "无此店", "--month", "2026-11"), "找不到商户"),
                        (("merchant", "approve", "JS-2099-0001"), "找不到结算单")):
        done = run(station, "--as", "admin", *args)
        assert done.returncode == 2 and words in done.stderr and "Traceback" not in done.stderr
