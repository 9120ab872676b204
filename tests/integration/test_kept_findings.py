"""What a whole check found holds the station through a restart, until the file is
replaced by a restore or a later whole check passes: the start-up check alone reads only
what is new and would let writes go on over the damage."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.integration.cli_helpers import ok_json, run
from tests.integration.test_restore_safety import backup_to, station, template  # noqa: F401


def _edit_first_entry(home: Path, reason: str) -> None:
    """An older ledger row edited behind the desk's back, its guard put back after."""
    with sqlite3.connect(home / "station.db") as conn:
        (guard,) = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                                "AND name = 'ledger_entry_no_update'").fetchone()
        conn.execute("DROP TRIGGER ledger_entry_no_update")
        conn.execute("UPDATE ledger_entry SET reason = ? WHERE seq = 1", (reason,))
        conn.execute(guard)


def _first_reason(home: Path) -> str:
    with sqlite3.connect(home / "station.db") as conn:
        return conn.execute("SELECT reason FROM ledger_entry WHERE seq = 1").fetchone()[0]


def test_a_finding_holds_the_station_until_a_restore(station, tmp_path):  # noqa: F811
    copy = backup_to(station, tmp_path)  # the start before it verified the whole ledger
    original = _first_reason(station)
    _edit_first_entry(station, "改过")
    assert ok_json(station, "--as", "admin", "balance", "1")["balance"] == 40

    checked = run(station, "check")
    assert checked.returncode != 0 and "积分流水 #1" in checked.stdout + checked.stderr
    held = run(station, "--as", "admin", "balance", "1")
    assert held.returncode != 0 and "整体检查发现问题" in held.stderr
    assert "积分流水 #1" in held.stderr and "Traceback" not in held.stderr

    ok_json(station, "--as", "admin", "restore", str(copy))
    assert ok_json(station, "--as", "admin", "balance", "1")["balance"] == 40
    assert _first_reason(station) == original


def test_a_later_whole_check_that_passes_releases_it(station, tmp_path):  # noqa: F811
    backup_to(station, tmp_path)
    original = _first_reason(station)
    _edit_first_entry(station, "改过")
    assert run(station, "check").returncode != 0
    assert run(station, "--as", "admin", "balance", "1").returncode != 0
    _edit_first_entry(station, original)  # what was wrong is put right
    assert ok_json(station, "check")["problems"] == []
    assert ok_json(station, "--as", "admin", "balance", "1")["balance"] == 40
