"""`station-desk closeout`: preview, save with the sheet for signature, refuse a second one
the same day, list and reprint (补打), driven as a subprocess."""

from __future__ import annotations

import json

from tests.integration.cli_helpers import new_station, ok_json, run
from tests.integration.printing_checks import pdf_text, render


def _a_day(data_dir):
    ok_json(data_dir, "--as", "admin", "resident", "add", "--name", "陈十一")
    for _ in range(4):
        ok_json(data_dir, "--as", "admin", "deed", "record", "1", "DONATION")
    ok_json(data_dir, "--as", "admin", "deed", "record", "1", "LITTERING")
    issued = ok_json(data_dir, "--as", "admin", "voucher", "issue", "1", "5")
    ok_json(data_dir, "--as", "admin", "voucher", "redeem", issued["vouchers"][0]["token"])
    ok_json(data_dir, "--as", "admin", "checkin", "1")
    return issued["vouchers"][0]["serial"]


def _figure(result, key):
    return next(f for f in result["figures"] if f["key"] == key)


def test_closeout_previews_saves_refuses_again_lists_and_reprints(tmp_path):
    station = new_station(tmp_path / "data")
    serial = _a_day(station)
    shown = ok_json(station, "--as", "admin", "closeout", "--preview")
    assert shown["saved"] is False and shown["id"] is None
    assert _figure(shown, "deeds_awarded")["records"] == {"count": 4, "amount": 8}
    assert ok_json(station, "--as", "admin", "closeout", "list")["closeouts"] == []

    sheet = tmp_path / "closeout.pdf"
    saved = ok_json(station, "--as", "admin", "closeout", "--pdf", str(sheet))
    assert saved["differences"] == 0 and saved["saved"] is True
    assert saved["issued_ranges"] == [{"first": serial, "last": serial, "count": 1,
                                       "points": 5}]
    assert _figure(saved, "deeds_deducted")["check"] == {"count": 1, "amount": -2}
    assert _figure(saved, "redeemed_store")["serials"] == [serial]
    assert _figure(saved, "checkins")["records"]["count"] == 1
    text = "".join(pdf_text(sheet.read_bytes()))
    assert "日结单" in text and "日结单（补打）" not in text and serial in text
    assert "经办人签字" in text and "站长签字" in text
    assert render(sheet.read_bytes(), 100, tmp_path)

    again = run(station, "--json", "--as", "admin", "closeout")
    assert again.returncode == 2 and json.loads(again.stdout)["error"] == "closeout_exists"
    assert again.stderr.count("\n") == 1 and "Traceback" not in again.stderr

    listed = ok_json(station, "--as", "admin", "closeout", "list")["closeouts"]
    assert [c["id"] for c in listed] == [saved["id"]]
    copy = tmp_path / "again.pdf"
    shown = ok_json(station, "--as", "admin", "closeout", "show", str(saved["id"]), "--pdf",
                    str(copy))
    assert shown["figures"] == saved["figures"]
    assert "日结单（补打）" in "".join(pdf_text(copy.read_bytes()))
    plain = run(station, "--as", "admin", "closeout", "show", str(saved["id"]))
    assert plain.returncode == 0 and "各项核对相符" in plain.stdout


def test_closeout_refusals_are_one_line(tmp_path):
    station = new_station(tmp_path / "data")
    for words, code in ((["closeout", "--date", "2026-13-01"], "invalid_input"),
                        (["closeout", "--date", "2999-01-01"], "future_date"),
                        (["closeout", "show", "99"], "closeout_not_found")):
        done = run(station, "--json", "--as", "admin", *words)
        assert done.returncode == 2, done.stderr
        assert json.loads(done.stdout)["error"] == code
    assert run(station, "closeout").returncode == 2  # no --as: who closes?
