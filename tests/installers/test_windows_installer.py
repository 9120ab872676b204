"""The built Windows installer against the manifest kept in the repository.

Slow (a first build downloads ~250 MB of wheels and compresses for minutes), so it runs
only with STATION_DESK_WINDOWS_BUILD=1; it builds dist/StationDesk-Setup-<version>.exe
when missing. With STATION_DESK_WINDOWS_WINE=1 as well it also installs and uses the
build under Wine (packaging/windows/wine-check.sh)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(os.environ.get("STATION_DESK_WINDOWS_BUILD") != "1",
                                reason="the Windows build runs only with "
                                       "STATION_DESK_WINDOWS_BUILD=1")


@pytest.fixture(scope="module")
def installer() -> Path:
    with (REPO / "pyproject.toml").open("rb") as f:
        version = tomllib.load(f)["project"]["version"]
    exe = REPO / "dist" / f"StationDesk-Setup-{version}.exe"
    if not exe.exists():
        subprocess.run(["bash", "packaging/build-windows.sh"], cwd=REPO, check=True)
    return exe


def test_the_installer_is_named_for_the_projects_version(installer):
    assert installer.is_file() and installer.stat().st_size > 10_000_000


def test_the_installer_holds_every_file_of_the_manifest(installer):
    if shutil.which("7z") is None:
        pytest.fail("7z is missing: apt-get install p7zip-full")
    result = subprocess.run([sys.executable, "packaging/windows/manifest.py",
                             "packaging/windows/expected-manifest.txt", str(installer)],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(os.environ.get("STATION_DESK_WINDOWS_WINE") != "1",
                    reason="the Wine run only with STATION_DESK_WINDOWS_WINE=1")
def test_the_installer_installs_and_runs_under_wine(installer):
    version = installer.stem.removeprefix("StationDesk-Setup-")
    result = subprocess.run(["bash", "packaging/windows/wine-check.sh", str(installer),
                             version], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
