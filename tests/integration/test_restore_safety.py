"""A voucher stays spent through a restore, and a restore trusts neither the person nor
the file: driven through the command line exactly as a station (or an attacker with an
ordinary PC) would."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.models import database, open_database
from app.models.migrations import migrate
from app.runtime.config import resolve
from app.runtime.startup import InstanceLock
from app.services import auth, backup, ledger, residents
from app.services import station as stations
from app.services.context import Clock, Context
from tests.integration.cli_helpers import ok_json, run

CLERK = "Clerk-2026?"


def _set_up(home: Path) -> None:
    """A station with one resident holding 40 points, and a clerk ``li`` (made in-process:
    a dozen command-line starts per test would cost minutes)."""
    ctx = Context(home, Clock())
    open_database(home / "station.db")
    try:
        migrate()
        stations.init_station(ctx, "XH01", "新华站", "admin", "Desk-2026!")
        admin = ctx.as_actor(auth.sign_in(ctx, "admin", "Desk-2026!"))
        auth.add_clerk(admin, "li", "李敏", "clerk", CLERK)
        person = residents.register(admin, residents.ResidentInput(name="王芳"))
        ledger.adjust(admin, person.id, 40, "开户")
    finally:
        database.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("template")
    _set_up(home)
    return home


@pytest.fixture
def station(template, tmp_path) -> Path:
    home = tmp_path / "desk"
    shutil.copytree(template, home)
    return home


def issue(home: Path, points: str) -> dict:
    return ok_json(home, "--as", "admin", "voucher", "issue", "1", points)["vouchers"][0]


def verify(home: Path, token: str) -> dict:
    return json.loads(run(home, "--json", "--as", "admin", "voucher", "verify", token).stdout)


def backup_to(home: Path, usb: Path) -> Path:
    target = usb / "b.db"
    ok_json(home, "--as", "admin", "backup", "--to", str(target))
    return target


def test_redeemed_voucher_stays_redeemed_through_a_restore(station, tmp_path):
    """Issue, back up, redeem, void, issue again, restore: the redemption and the void
    are carried into the restored data, the serial never goes backwards, and a voucher
    issued after the backup is listed as not carried."""
    first, second = issue(station, "10"), issue(station, "5")
    copy = backup_to(station, tmp_path)
    ok_json(station, "--as", "admin", "voucher", "redeem", first["token"])
    ok_json(station, "--as", "admin", "voucher", "void", second["serial"], "--reason", "错发")
    later = issue(station, "5")
    restored = ok_json(station, "--as", "admin", "restore", str(copy))
    carried = restored["carried"]
    assert carried["redeemed"] == [first["serial"]] and carried["voided"] == [second["serial"]]
    assert carried["not_carried"] == [later["serial"]] and "database" in carried["sources"]
    assert verify(station, first["token"])["reason"] == "redeemed"
    again = run(station, "--as", "admin", "voucher", "redeem", first["token"])
    assert again.returncode == 2 and "不能重复使用" in again.stderr
    assert ok_json(station, "--as", "admin", "balance", "1")["balance"] == 40 - 15 + 5
    after = issue(station, "5")
    assert after["serial"] > later["serial"] and after["token"] != later["token"]
    assert verify(station, later["token"])["reason"] == "unknown_serial"
    assert ok_json(station, "check")["message"]
    # The restore is in both histories: the data kept aside and the restored data.
    with sqlite3.connect(Path(restored["previous"]) / "station.db") as conn:
        replaced = conn.execute("SELECT target FROM audit_record "
                                "WHERE action = 'backup.restore.replaced'").fetchall()
    assert replaced == [(str(copy),)]
    with sqlite3.connect(station / "station.db") as conn:
        actions = {a for (a,) in conn.execute("SELECT action FROM audit_record")}
    assert {"backup.restore", "restore.carry"} <= actions


def test_the_journal_carries_what_an_unreadable_database_knew(station, tmp_path):
    voucher = issue(station, "10")
    copy = backup_to(station, tmp_path)
    ok_json(station, "--as", "admin", "voucher", "redeem", voucher["token"])
    (station / "station.db").write_bytes(b"\x00garbage" * 4096)
    restored = ok_json(station, "--as", "admin", "restore", str(copy))
    assert restored["carried"]["redeemed"] == [voucher["serial"]]
    assert restored["carried"]["sources"] == ["journal"] and restored["carried"]["unreadable"]
    assert verify(station, voucher["token"])["reason"] == "redeemed"


def test_an_edited_journal_line_is_not_believed(station, tmp_path):
    voucher, other = issue(station, "10"), issue(station, "5")
    copy = backup_to(station, tmp_path)
    ok_json(station, "--as", "admin", "voucher", "redeem", voucher["token"])
    journal = station / "vouchers.journal"
    journal.write_text(journal.read_text(encoding="utf-8").replace(
        voucher["serial"], other["serial"]), encoding="utf-8")
    (station / "station.db").write_bytes(b"\x00garbage" * 4096)
    restored = ok_json(station, "--as", "admin", "restore", str(copy))
    assert restored["carried"]["journal_bad_lines"] >= 1
    assert other["serial"] not in restored["carried"]["redeemed"]


def test_restore_is_for_admins_of_the_live_station(station, tmp_path):
    """A clerk is refused; and while the desk holds the station, restore is refused too
    rather than falling back to the backup's own clerk list."""
    copy = backup_to(station, tmp_path)
    refused = run(station, "--as", "li", "restore", str(copy), password=CLERK)
    assert refused.returncode == 2 and "管理员" in refused.stderr
    lock = InstanceLock(station / "station.db")
    lock.acquire()
    try:
        refused = run(station, "--as", "li", "restore", str(copy), password=CLERK)
    finally:
        lock.release()
    assert refused.returncode == 2 and "另一个 StationDesk" in refused.stderr


def test_a_crafted_backup_is_refused(station, tmp_path):
    """A clerk made admin and 5,000 points added by hand in the backup file."""
    copy = backup_to(station, tmp_path)
    with sqlite3.connect(copy) as conn:
        for trigger in ("ledger_entry_no_update", "ledger_entry_no_delete"):
            conn.execute(f'DROP TRIGGER IF EXISTS "{trigger}"')
        conn.execute("UPDATE clerk SET role = 'admin' WHERE username = 'li'")
        conn.execute("INSERT INTO ledger_entry (uid, resident_id, kind, points, balance_after, "
                     "request_id, reason, business_date, created_at, mac) SELECT 'x', 1, "
                     "'adjust', 5000, balance + 5000, 'x', '', '2026-01-01', "
                     "'2026-01-01 00:00:00', 'ffff' FROM resident WHERE id = 1")
        conn.execute("UPDATE resident SET balance = balance + 5000 WHERE id = 1")
    refused = run(station, "--as", "admin", "restore", str(copy))
    assert refused.returncode == 2 and "被改动" in refused.stderr
    assert ok_json(station, "--as", "admin", "balance", "1")["balance"] == 40


def test_a_backup_with_only_a_clerk_made_admin_is_refused(station, tmp_path):
    copy = backup_to(station, tmp_path)
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE clerk SET role = 'admin' WHERE username = 'li'")
    refused = run(station, "--as", "admin", "restore", str(copy))
    assert refused.returncode == 2 and "角色" in refused.stderr


def test_another_stations_backup_is_refused(station, tmp_path):
    other = tmp_path / "other"
    ok_json(other, "init", "--station-code", "ZZ09", "--station-name", "别站", "--admin", "admin")
    copy = backup_to(other, tmp_path)
    refused = run(station, "--as", "admin", "restore", str(copy))
    assert refused.returncode == 2 and "ZZ09" in refused.stderr


def test_the_live_file_and_the_data_folder_are_not_backups(station, tmp_path):
    config = resolve(station)
    for source in (station / "station.db", station / "station.db-wal"):
        with pytest.raises(backup.BackupError, match="数据库本身"):
            backup.check_source(config, source)
    for source in (station / "keys" / "station.kek", station / "before-restore-1" / "x.db"):
        with pytest.raises(backup.BackupError, match="数据目录"):
            backup.check_source(config, source)
    backup.check_source(config, station / "backups" / "station-20261123-180000-daily.db")
    refused = run(station, "--as", "admin", "restore", str(station / "station.db"))
    assert refused.returncode == 2 and "数据库本身" in refused.stderr


def test_two_restores_in_one_second_keep_both_originals(station, tmp_path):
    copy = backup_to(station, tmp_path)
    first = ok_json(station, "--as", "admin", "restore", str(copy))["previous"]
    second = ok_json(station, "--as", "admin", "restore", str(copy))["previous"]
    assert first != second and Path(first).is_dir() and Path(second).is_dir()
    assert (Path(first) / "station.db").exists() and (Path(second) / "station.db").exists()


def test_restore_on_a_new_pc_needs_the_station_secret(station, tmp_path):
    copy = backup_to(station, tmp_path)
    new_pc = tmp_path / "newpc"
    refused = run(new_pc, "--as", "admin", "restore", str(copy))
    assert refused.returncode == 2 and "station.kek" in refused.stderr
    shutil.copytree(station / "keys", new_pc / "keys")
    ok_json(new_pc, "--as", "admin", "restore", str(copy))
    assert ok_json(new_pc, "--as", "admin", "balance", "1")["balance"] == 40


def test_a_backup_with_a_dropped_guard_is_refused(station, tmp_path):
    voucher = issue(station, "10")
    copy = backup_to(station, tmp_path)
    ok_json(station, "--as", "admin", "voucher", "redeem", voucher["token"])
    with sqlite3.connect(copy) as conn:
        conn.execute('DROP TRIGGER "desk_placement_no_delete"')
    refused = run(station, "--as", "admin", "restore", str(copy))
    assert refused.returncode == 2 and "防改触发器被删除" in refused.stderr
    assert verify(station, voucher["token"])["reason"] == "redeemed"


def test_a_restore_failing_after_the_swap_puts_the_live_data_back(station, tmp_path,
                                                                  monkeypatch):
    """Whatever fails once the backup is in place (here the carry-over itself), the
    replaced database comes back as it was, so no spent voucher is reopened."""
    from app.runtime import recovery
    from app.services import carryover

    voucher = issue(station, "10")
    copy = backup_to(station, tmp_path)
    ok_json(station, "--as", "admin", "voucher", "redeem", voucher["token"])
    before = (station / "station.db").read_bytes()
    config = resolve(station)

    def broken(*_args, **_kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(carryover, "apply", broken)
    ctx = recovery.authorise(config, "admin", "Desk-2026!", copy)
    with pytest.raises(RuntimeError):
        recovery.restore(config, ctx, copy, copy)
    assert not list(station.glob("before-restore-*"))
    assert verify(station, voucher["token"])["reason"] == "redeemed"
    assert (station / "station.db").read_bytes()[:100] == before[:100]
