"""The command line's side of several small holes, driven as a subprocess as scripts
and admins use it: numbers in other scripts, account recovery with the station secret,
demo data only on an empty or demo station, replays that say so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PASSWORD = "Desk-2026!"


def run(data_dir: Path, *args: str, password: str = PASSWORD,
        new_password: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "STATION_DESK_PASSWORD": password}
    env.pop("STATION_DESK_NEW_PASSWORD", None)
    if new_password is not None:
        env["STATION_DESK_NEW_PASSWORD"] = new_password
    return subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, env=env, timeout=120,
                          stdin=subprocess.DEVNULL)


def ok_json(data_dir: Path, *args: str, **kw: str) -> dict:
    done = run(data_dir, "--json", *args, **kw)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def station(tmp_path) -> Path:
    ok_json(tmp_path, "init", "--station-code", "XH01", "--station-name", "新华社区文明实践站",
            "--admin", "admin", password=PASSWORD)
    return tmp_path


def test_points_in_other_scripts_are_refused_and_take_nothing(station):
    """`voucher issue 1 ٥` is a one-line refusal and the balance stays; full-width works."""
    ok_json(station, "--as", "admin", "resident", "add", "--name", "周八")
    ok_json(station, "--as", "admin", "deed", "record", "1", "DONATION", "--quantity", "５")
    before = ok_json(station, "balance", "1")["balance"]
    for typed in ("٥", "५", "5٠"):
        done = run(station, "--as", "admin", "voucher", "issue", "1", typed)
        assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    refused = run(station, "--as", "admin", "deed", "record", "1", "DONATION", "--quantity", "٣")
    assert refused.returncode == 2 and "数量" in refused.stderr
    assert ok_json(station, "balance", "1")["balance"] == before
    issued = ok_json(station, "--as", "admin", "voucher", "issue", "1", "５")
    assert issued["points"] == 5
