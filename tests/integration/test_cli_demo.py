"""``station-desk demo clear``: an admin clears demo data and the station starts for
real, from the command line as from the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import new_station, ok_json, run


@pytest.fixture
def demo_station(tmp_path) -> Path:
    station = new_station(tmp_path)
    ok_json(station, "--as", "admin", "demo", "--residents", "8")
    return station


def test_demo_clear_starts_the_station_for_real(demo_station):
    before = ok_json(demo_station, "--as", "admin", "resident", "find", "0000")
    assert before["results"]
    done = ok_json(demo_station, "--as", "admin", "demo", "clear")
    assert done["station"] == "XH01" and done["clerks"] == ["admin"]
    assert done["deed_types"] > 20
    kept = Path(done["demo_kept_at"])
    assert kept.parent == demo_station and (kept / "station.db").is_file()
    assert ok_json(demo_station, "--as", "admin", "resident", "find", "0000")["results"] == []
    assert run(demo_station, "check").returncode == 0
    again = run(demo_station, "--as", "admin", "demo", "clear")
    assert again.returncode == 2 and "没有载入演示数据" in again.stderr
    assert again.stderr.count("\n") == 1
    # Demo data may be loaded again into the empty station (a trainer starts over).
    ok_json(demo_station, "--as", "admin", "demo", "--residents", "3")


def test_demo_clear_needs_an_admin(demo_station):
    ok_json(demo_station, "--as", "admin", "clerk", "add", "li", "--name", "李敏")
    done = run(demo_station, "--as", "li", "demo", "clear", password="Clerk-2026?")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    nobody = run(demo_station, "demo", "clear")
    assert nobody.returncode == 2 and "--as" in nobody.stderr
    assert ok_json(demo_station, "--as", "admin", "resident", "find", "0000")["results"]
    assert not list(demo_station.glob("demo-*"))
