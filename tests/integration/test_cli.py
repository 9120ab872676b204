"""The command line, driven as a subprocess exactly as scripts and admins use it."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from cli_helpers import new_station, ok_json, run

from app.runtime.startup import InstanceLock


@pytest.fixture
def station(tmp_path) -> Path:
    return new_station(tmp_path)


def test_init_twice_is_refused_with_one_line(station):
    """A second init changes nothing and says which station is already there."""
    done = run(station, "init", "--station-code", "ZZ09", "--station-name", "别的站",
               "--admin", "other")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "XH01" in done.stderr
    assert "Traceback" not in done.stderr


def test_resident_deed_balance_and_search(station):
    """Register, record a deed and read the balance back, as the contract names them."""
    added = ok_json(station, "--as", "admin", "resident", "add", "--name", "张明月",
                    "--id-number", "11010519491231002x", "--phone", "13812345678",
                    "--address", "幸福里3栋2单元501室", "--grid", "第一网格")
    assert added["resident_no"] == "000001"
    assert added["id_number"] == "110105********002X"
    deed = ok_json(station, "--as", "admin", "deed", "record", "000001", "ENV_CLEANUP",
                   "--quantity", "1.5")
    assert (deed["points"], deed["balance"]) == (3, 3)
    balance = ok_json(station, "--as", "admin", "balance", added["card_code"])
    assert balance["balance"] == 3 and balance["entries"][0]["points"] == 3
    found = ok_json(station, "--as", "admin", "resident", "find", "zmy")
    assert [r["name"] for r in found["results"]] == ["张明月"]
    assert found["results"][0]["address"] == "幸福里3栋2单元501室"


def test_bad_input_changes_nothing(station):
    """An invalid ID number is refused on one line, and no resident appears."""
    done = run(station, "--as", "admin", "resident", "add", "--name", "李四",
               "--id-number", "110105194912310021")
    assert done.returncode == 2 and "校验位" in done.stderr
    assert ok_json(station, "--as", "admin", "resident", "find", "李四")["results"] == []
    wrong = run(station, "--as", "admin", "deed", "record", "1", "ENV_CLEANUP",
                password="not-the-password")
    assert wrong.returncode == 2 and "密码" in wrong.stderr


def test_voucher_lifecycle(station):
    """Issue, verify, redeem once, refuse the second redemption, void by an admin only."""
    ok_json(station, "--as", "admin", "resident", "add", "--name", "王芳")
    ok_json(station, "--as", "admin", "deed", "record", "1", "DONATION", "--quantity", "3")
    issued = ok_json(station, "--as", "admin", "voucher", "issue", "1", "6")
    assert [v["points"] for v in issued["vouchers"]] == [5, 1] and issued["balance"] == 0
    token = issued["vouchers"][0]["token"]
    assert ok_json(station, "voucher", "verify", token)["reason"] == "ok"
    assert ok_json(station, "--as", "admin", "voucher", "redeem", token)["points"] == 5
    again = run(station, "--json", "voucher", "verify", token)
    assert again.returncode == 1 and json.loads(again.stdout)["reason"] == "redeemed"
    ok_json(station, "--as", "admin", "clerk", "add", "li", "--name", "李敏")
    refused = run(station, "--as", "li", "voucher", "void", issued["vouchers"][1]["serial"],
                  "--reason", "错发", password="Clerk-2026?")
    assert refused.returncode == 2 and "管理员" in refused.stderr
    voided = ok_json(station, "--as", "admin", "voucher", "void",
                     issued["vouchers"][1]["serial"], "--reason", "错发")
    assert voided["balance"] == 1
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert run(station, "voucher", "verify", forged).returncode == 1


def test_check_finds_a_tampered_balance(station):
    """`check` exits 1 when a cached balance no longer matches the ledger."""
    ok_json(station, "--as", "admin", "resident", "add", "--name", "赵六")
    ok_json(station, "--as", "admin", "deed", "record", "1", "DONATION")
    assert ok_json(station, "check")["residents"] == 1
    with sqlite3.connect(station / "station.db") as conn:
        conn.execute("UPDATE resident SET balance = 500")
    done = run(station, "--json", "check")
    assert done.returncode == 1 and json.loads(done.stdout)["problems"]


def test_backup_and_restore_round_trip(station, tmp_path_factory):
    """A verified backup restores the balances it had; the replaced database is kept."""
    ok_json(station, "--as", "admin", "resident", "add", "--name", "钱七")
    ok_json(station, "--as", "admin", "deed", "record", "1", "DONATION")
    target = tmp_path_factory.mktemp("usb") / "b.db"
    assert ok_json(station, "--as", "admin", "backup", "--to", str(target))["total_points"] == 2
    ok_json(station, "--as", "admin", "deed", "record", "1", "DONATION")
    restored = ok_json(station, "--as", "admin", "restore", str(target))
    assert Path(restored["previous"]).is_dir()
    assert ok_json(station, "--as", "admin", "balance", "1")["balance"] == 2
    assert ok_json(station, "audit", "verify")["records"] > 0


def test_second_copy_is_refused(station):
    """While another process holds the station, a command that writes says who and changes
    nothing (read-only ones answer beside it: test_cli_while_open)."""
    lock = InstanceLock(station / "station.db")
    lock.acquire()
    try:
        done = run(station, "--as", "admin", "merchant", "add", "新店")
    finally:
        lock.release()
    assert done.returncode == 2 and "pid" in done.stderr


def test_demo_data_passes_the_check(station):
    """Demo data is realistic and keeps every invariant."""
    made = ok_json(station, "--as", "admin", "demo", "--residents", "300", "--seed", "7")
    assert made["residents"] == 300 and made["entries"] > 1000 and made["vouchers"] > 0
    report = ok_json(station, "check")
    assert report["residents"] == 300 and report["vouchers"] == made["vouchers"]


def test_year_end_clearing(station):
    """`points expire` clears what was earned up to the cut-off, once: a rerun is refused."""
    ok_json(station, "--as", "admin", "resident", "add", "--name", "周八")
    ok_json(station, "--as", "admin", "deed", "record", "1", "DONATION", "--date", "2025-12-30")
    ok_json(station, "--as", "admin", "deed", "record", "1", "DONATION")
    first = ok_json(station, "--as", "admin", "points", "expire", "--cutoff", "2025-12-31")
    assert (first["residents"], first["points"]) == (1, 2)
    again = run(station, "--as", "admin", "points", "expire", "--cutoff", "2025-12-31")
    assert again.returncode == 2 and "2025-12-31" in again.stderr
    assert ok_json(station, "--as", "admin", "balance", "1")["balance"] == 2


def test_documents_to_files(station):
    """Vouchers (A4 and thermal), cards and statements can be written by a script."""
    from pypdf import PdfReader

    ok_json(station, "--as", "admin", "resident", "add", "--name", "吴桂兰", "--grid", "第二网格",
            "--id-number", "11010519491231002X", "--phone", "13912345678")
    ok_json(station, "--as", "admin", "deed", "record", "1", "DONATION", "--quantity", "5")
    sheet, roll = station / "v.pdf", station / "t.pdf"
    issued = ok_json(station, "--as", "admin", "voucher", "issue", "1", "6", "--pdf", str(sheet))
    ok_json(station, "--as", "admin", "voucher", "reprint", issued["vouchers"][0]["serial"],
            "--pdf", str(roll))
    cards, passbook = station / "c.pdf", station / "s.pdf"
    made = ok_json(station, "--as", "admin", "resident", "cards", "--grid", "第二网格",
                   "--pdf", str(cards))
    assert made["cards"] == 1
    ok_json(station, "--as", "admin", "statement", "1", "--pdf", str(passbook))
    texts = {p: "".join(page.extract_text() for page in PdfReader(p).pages)
             for p in (sheet, roll, cards, passbook)}
    assert all("吴桂兰" in t for t in texts.values())
    assert "补打" in texts[roll]
    assert not any("11010519491231002X" in t or "13912345678" in t for t in texts.values())


def test_restore_over_an_unreadable_database(station, tmp_path_factory):
    """When the station's file is garbage, an admin of the backup may restore it, and
    an encrypted copy asks for its own password."""
    ok_json(station, "--as", "admin", "resident", "add", "--name", "郑九")
    ok_json(station, "--as", "admin", "deed", "record", "1", "DONATION")
    sealed = tmp_path_factory.mktemp("usb") / "station.sdbak"
    env_password = os.environ.get("STATION_DESK_BACKUP_PASSWORD")
    os.environ["STATION_DESK_BACKUP_PASSWORD"] = "usb-secret-1"
    try:
        ok_json(station, "--as", "admin", "backup", "--to", str(sealed), "--encrypt")
        (station / "station.db").write_bytes(b"\x00garbage" * 4096)
        refused = run(station, "--as", "admin", "balance", "1")
        assert refused.returncode == 2 and "未通过启动检查" in refused.stderr
        restored = ok_json(station, "--as", "admin", "restore", str(sealed))
        assert restored["total_points"] == 2
        assert ok_json(station, "--as", "admin", "balance", "1")["balance"] == 2
    finally:
        if env_password is None:
            os.environ.pop("STATION_DESK_BACKUP_PASSWORD", None)
        else:
            os.environ["STATION_DESK_BACKUP_PASSWORD"] = env_password


def test_usage_mistakes_and_odd_input_are_one_line_refusals(station):
    """Unknown commands, bad numbers and dates are refusals: one line, JSON under --json."""
    for words in (["nosuch"], ["voucher", "issue", "1", "abc"], ["balance", "1", "--limit", "-1"]):
        done = run(station, "--json", *words)
        assert done.returncode == 2 and done.stderr.count("\n") == 1, words
        assert json.loads(done.stdout)["ok"] is False
    ok_json(station, "--as", "admin", "resident", "add", "--name", "冯十")
    bad_day = run(station, "--as", "admin", "deed", "record", "1", "DONATION", "--date",
                  "2026-02-30")
    assert bad_day.returncode == 2 and "没有 2026-02-30" in bad_day.stderr
    huge = run(station, "--as", "admin", "voucher", "issue", "1", "9" * 23)
    assert huge.returncode == 2
    nowhere = run(station, "--as", "admin", "voucher", "issue", "1", "5", "--pdf",
                  "/nonexistent/v.pdf")
    assert nowhere.returncode == 2
    assert ok_json(station, "--as", "admin", "balance", "1")["entries"] == []


def test_a_new_clerk_does_not_inherit_the_admin_password(station):
    """`clerk add` takes the new password from its own variable, never the signed-in one."""
    ok_json(station, "--as", "admin", "resident", "add", "--name", "褚十二")
    ok_json(station, "--as", "admin", "clerk", "add", "bob")
    assert run(station, "--as", "bob", "checkin", "1").returncode == 2  # the admin's password
    assert run(station, "--as", "bob", "checkin", "1", password="Clerk-2026?").returncode == 0


def test_restore_on_a_new_pc(station, tmp_path_factory):
    """A backup restores into an empty data directory holding the station's secret,
    authorised by the backup's admin."""
    ok_json(station, "--as", "admin", "resident", "add", "--name", "陈十一")
    ok_json(station, "--as", "admin", "deed", "record", "1", "DONATION")
    copy = tmp_path_factory.mktemp("usb") / "b.db"
    ok_json(station, "--as", "admin", "backup", "--to", str(copy))
    new_pc = tmp_path_factory.mktemp("newpc")
    shutil.copytree(station / "keys", new_pc / "keys")  # the secret travels with the admin
    ok_json(new_pc, "--as", "admin", "restore", str(copy))
    assert ok_json(new_pc, "--as", "admin", "balance", "1")["balance"] == 2
