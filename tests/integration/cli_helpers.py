"""Driving ``station-desk`` as a subprocess, exactly as scripts and admins use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PASSWORD = "Desk-2026!"
CLERK_PASSWORD = "Clerk-2026?"


def run(data_dir: Path, *args: str, password: str = PASSWORD,
        new_password: str | None = CLERK_PASSWORD) -> subprocess.CompletedProcess:
    """``new_password=None``: no new clerk password in the environment at all."""
    env = {**os.environ, "STATION_DESK_PASSWORD": password}
    env.pop("STATION_DESK_NEW_PASSWORD", None)
    if new_password is not None:
        env["STATION_DESK_NEW_PASSWORD"] = new_password
    return subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, env=env, timeout=120,
                          stdin=subprocess.DEVNULL)


def ok_json(data_dir: Path, *args: str, **kwargs: str) -> dict:
    done = run(data_dir, "--json", *args, **kwargs)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["ok"] is True
    return result


def new_station(data_dir: Path) -> Path:
    ok_json(data_dir, "init", "--station-code", "XH01",
            "--station-name", "新华社区新时代文明实践站", "--admin", "admin")
    return data_dir
