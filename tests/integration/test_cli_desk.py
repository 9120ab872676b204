"""`station-desk desk …` and the refusal a copied data directory gives every write
command, driven as a subprocess."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.integration.test_cli import ok_json, run

DECIDE = ("station-desk --as ADMIN desk moved", "station-desk --as ADMIN desk second")


@pytest.fixture
def station(tmp_path):
    ok_json(tmp_path, "init", "--station-code", "XH01", "--station-name", "新华社区",
            "--admin", "admin")
    return tmp_path


def copied(station_dir, target):
    shutil.copytree(station_dir, target, ignore=shutil.ignore_patterns("*.lock"))
    return target


def with_points(station_dir):
    ok_json(station_dir, "--as", "admin", "resident", "add", "--name", "陈十一")
    ok_json(station_dir, "--as", "admin", "deed", "record", "1", "DONATION", "--quantity", "5")


def test_a_copied_data_directory_refuses_writes_naming_the_deciding_commands(
        station, tmp_path_factory):
    """Every write on the copy: one line naming `desk moved` and `desk second`, exit 2."""
    with_points(station)
    copy = copied(station, tmp_path_factory.mktemp("usb") / "data")
    for write in (["deed", "record", "1", "DONATION"], ["voucher", "issue", "1", "5"],
                  ["resident", "add", "--name", "褚十二"], ["checkin", "1"]):
        done = run(copy, "--as", "admin", *write)
        assert done.returncode == 2, write
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
        assert all(command in done.stderr for command in DECIDE), done.stderr
    as_json = run(copy, "--json", "--as", "admin", "deed", "record", "1", "DONATION")
    assert json.loads(as_json.stdout)["error"] == "desk_not_confirmed"
    # Reading still works, and nothing was written.
    assert ok_json(copy, "--as", "admin", "balance", "1")["balance"] == 10
    assert run(copy, "check").returncode == 0
    assert run(copy, "audit", "verify").returncode == 0
    assert run(copy, "deed", "types").returncode == 0
    shown = ok_json(copy, "desk", "show")
    assert shown["confirmed"] is False
    assert shown["recorded"]["location"] == str((station / "station.db").resolve())
    assert shown["here"]["location"] == str((copy / "station.db").resolve())


def test_desk_moved_lets_the_copy_write_again(station, tmp_path_factory):
    """After `desk moved` the copy is this desk: writes work, same serial block."""
    with_points(station)
    copy = copied(station, tmp_path_factory.mktemp("newpc") / "data")
    moved = ok_json(copy, "--as", "admin", "desk", "moved")
    assert moved["desk_no"] == 1
    assert ok_json(copy, "--as", "admin", "deed", "record", "1", "DONATION")["balance"] == 12
    shown = ok_json(copy, "desk", "show")
    assert shown["confirmed"] is True and shown["serial_block"] == [1, 999_999]


def test_desk_second_issues_from_its_own_serial_block(station, tmp_path_factory):
    """`desk second`: desk 2, and its vouchers never share a serial with desk 1's."""
    with_points(station)
    copy = copied(station, tmp_path_factory.mktemp("desk2") / "data")
    second = ok_json(copy, "--as", "admin", "desk", "second")
    assert second["desk_no"] == 2
    here = ok_json(copy, "--as", "admin", "voucher", "issue", "1", "5")
    there = ok_json(station, "--as", "admin", "voucher", "issue", "1", "5")
    assert here["vouchers"][0]["serial"].endswith("-2000001")
    assert there["vouchers"][0]["serial"].endswith("-000001")
    assert ok_json(copy, "desk", "show")["serial_block"] == [2_000_001, 2_999_999]
    chosen = copied(station, tmp_path_factory.mktemp("desk3") / "data")
    assert ok_json(chosen, "--as", "admin", "desk", "second", "--desk-number", "3")[
        "desk_no"] == 3


def test_a_clerk_cannot_decide(station, tmp_path_factory):
    """Deciding is an admin's: a clerk's `desk moved` is refused and changes nothing."""
    ok_json(station, "--as", "admin", "clerk", "add", "li")
    copy = copied(station, tmp_path_factory.mktemp("usb") / "data")
    done = run(copy, "--as", "li", "desk", "moved", password="Clerk-2026?")
    assert done.returncode == 2 and "管理员" in done.stderr
    assert ok_json(copy, "desk", "show")["confirmed"] is False
