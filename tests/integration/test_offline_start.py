"""The start command needs the network once: after the first install, a station with no
network starts the desk straight away (packaging/run.sh), and the application menu has an
entry that starts the installed program."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from app import __version__
from tests.checking_tools import program, unavailable

ROOT = Path(__file__).resolve().parents[2]
NOT_COPIED = shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info",
                                    ".pytest_cache", "build", "dist", "tests", "benchmarks")


def _offline(unshare: str) -> list[str]:
    """A prefix that runs a command in a network namespace of its own: no network at all."""
    prefix = [unshare, "-n"] if os.geteuid() == 0 else [unshare, "-r", "-n"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        unavailable(f"a network namespace cannot be made here ({probe.stderr.strip()})")
    return prefix


def _start(checkout: Path, env: dict[str, str], prefix: tuple[str, ...] = ()) -> \
        subprocess.CompletedProcess[str]:
    return subprocess.run([*prefix, "bash", str(checkout / "packaging" / "run.sh"), "--version"],
                          cwd=checkout, env=env, capture_output=True, text=True, timeout=900,
                          check=False)


def test_second_start_works_without_network(tmp_path):
    offline = _offline(program("unshare", "util-linux"))
    checkout = tmp_path / "station-desk"
    shutil.copytree(ROOT, checkout, ignore=NOT_COPIED)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env["XDG_DATA_HOME"] = str(tmp_path / "share")

    first = _start(checkout, env)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == f"station-desk {__version__}"
    entry = (tmp_path / "share" / "applications" / "stationdesk.desktop").read_text("utf-8")
    assert f'Exec="{checkout}/.venv/bin/station-desk"' in entry
    assert "Name[zh_CN]=文明实践站前台" in entry

    # Offline, and with pip's local wheel folders and indexes out of reach too, an install
    # cannot run (pip finds no build tools), so a start that succeeds is one that did not.
    env = {k: v for k, v in env.items() if not k.startswith("PIP_")}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1")
    second = _start(checkout, env, tuple(offline))
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == f"station-desk {__version__}"

    (checkout / "constraints.txt").write_text(
        (checkout / "constraints.txt").read_text("utf-8") + "\n", "utf-8")
    changed = _start(checkout, env, tuple(offline))
    assert changed.returncode != 0, "a changed constraints.txt must install again"
    assert "setuptools" in changed.stderr
