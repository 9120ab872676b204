"""The command line's side of several small holes, driven as a subprocess as scripts
and admins use it: numbers in other scripts, account recovery with the station secret,
demo data only on an empty or demo station, replays that say so."""

from __future__ import annotations

import sqlite3
from functools import partial
from pathlib import Path

import pytest

from tests.integration import cli_helpers
from tests.integration.cli_helpers import PASSWORD, ok_json

run = partial(cli_helpers.run, new_password=None)


@pytest.fixture
def station(tmp_path) -> Path:
    ok_json(tmp_path, "init", "--station-code", "XH01", "--station-name", "新华社区文明实践站",
            "--admin", "admin", password=PASSWORD)
    return tmp_path


def test_points_in_other_scripts_are_refused_and_take_nothing(station):
    """`voucher issue 1 ٥` is a one-line refusal and the balance stays; full-width works."""
    ok_json(station, "--as", "admin", "resident", "add", "--name", "周八")
    ok_json(station, "--as", "admin", "deed", "record", "1", "DONATION", "--quantity", "５")
    before = ok_json(station, "--as", "admin", "balance", "1")["balance"]
    for typed in ("٥", "५", "5٠"):
        done = run(station, "--as", "admin", "voucher", "issue", "1", typed)
        assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    refused = run(station, "--as", "admin", "deed", "record", "1", "DONATION", "--quantity", "٣")
    assert refused.returncode == 2 and "数量" in refused.stderr
    faces = run(station, "--as", "admin", "voucher", "issue", "1", "5", "--denominations", "٥")
    assert faces.returncode == 2 and "面额" in faces.stderr
    assert ok_json(station, "--as", "admin", "balance", "1")["balance"] == before
    issued = ok_json(station, "--as", "admin", "voucher", "issue", "1", "５")
    assert issued["points"] == 5


def _lock_for_good(station: Path, username: str = "admin") -> None:
    """Twenty failed sign-ins, written as the desk records them (twenty subprocesses with
    a growing delay between them would take half an hour)."""
    with sqlite3.connect(station / "station.db") as con:
        con.execute("UPDATE clerk SET failed_attempts = 20 WHERE username = ?", (username,))


def test_the_only_admin_locked_for_good_recovers_with_the_station_secret(station):
    """`clerk recover` with the data directory's secret unlocks the admin with a new
    password; the old one no longer works, and the recovery is in the audit log."""
    _lock_for_good(station)
    locked = run(station, "--as", "admin", "clerk", "list")
    assert locked.returncode == 2 and "锁定" in locked.stderr
    done = ok_json(station, "clerk", "recover", "admin", new_password="Fresh-Start-7")
    assert done["recovered"] is True
    assert ok_json(station, "--as", "admin", "clerk", "list",
                   password="Fresh-Start-7")["clerks"][0]["locked"] is False
    assert run(station, "--as", "admin", "clerk", "list").returncode == 2
    assert ok_json(station, "audit", "verify")["records"] > 0


def test_recovery_with_another_secret_is_refused(station, tmp_path_factory):
    """A secret file that does not open this station's key recovers nothing."""
    other = tmp_path_factory.mktemp("other") / "station.kek"
    other.write_bytes(b"f" * 64)
    _lock_for_good(station)
    done = run(station, "clerk", "recover", "admin", "--kek-file", str(other),
               new_password="Fresh-Start-7")
    assert done.returncode == 2 and "密钥文件" in done.stderr
    assert run(station, "--as", "admin", "clerk", "list",
               password="Fresh-Start-7").returncode == 2
    missing = run(station, "clerk", "recover", "admin", "--kek-file", str(other) + ".none",
                  new_password="Fresh-Start-7")
    assert missing.returncode == 2 and "读不到" in missing.stderr



def test_demo_is_refused_on_a_live_station(station):
    """`demo` on a station with a real resident is a one-line refusal; no data appears."""
    ok_json(station, "--as", "admin", "resident", "add", "--name", "周八")
    done = run(station, "--as", "admin", "demo", "--residents", "20")
    assert done.returncode == 2 and "--data-dir" in done.stderr
    assert done.stderr.count("\n") == 1
    assert ok_json(station, "check")["residents"] == 1


def test_a_replay_says_so_in_json(station):
    """A deed recorded again with its request id comes back marked as a replay."""
    ok_json(station, "--as", "admin", "resident", "add", "--name", "周八")
    args = ("--as", "admin", "deed", "record", "1", "DONATION", "--request-id", "r-1")
    first, again = ok_json(station, *args), ok_json(station, *args)
    assert (first["replayed"], again["replayed"]) == (False, True)
    assert ok_json(station, "--as", "admin", "balance", "1")["balance"] == first["balance"]
