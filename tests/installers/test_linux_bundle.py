"""The offline Linux bundle (packaging/build-linux.sh): its install.sh refuses clearly what
it cannot do and leaves the previous program as it was; its uninstall.sh keeps the data.

These run the scripts against stand-ins for python3, dpkg-query and apt-get (fast). The
whole bundle, built, installed with no network and started under Xvfb, is checked by
packaging/check-linux.sh: tests/run.sh runs it in CI, and the last test here runs it when
STATION_DESK_PACKAGE_CHECK=1."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"


def _script(path: Path, text: str) -> None:
    path.write_text("#!/bin/sh\n" + text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A bundle folder as build-linux.sh lays it out (without wheels: nothing gets that far)."""
    folder = tmp_path / "StationDesk-9.9.9"
    folder.mkdir()
    text = (LINUX / "install.sh").read_text()
    (folder / "install.sh").write_text(
        text.replace("@VERSION@", "9.9.9").replace("@PYTHONS@", "3.11 3.12 3.13"))
    for name in ("uninstall.sh", "station-desk.desktop", "README.txt"):
        shutil.copy(LINUX / name, folder)
    shutil.copy(ROOT / "packaging" / "qt-libraries.sh", folder)
    return folder


@pytest.fixture
def fake_bin(tmp_path: Path) -> Path:
    """python3 that is version $FAKE_PY, with or without venv's pip ($FAKE_ENSUREPIP), and
    whose `-m venv` fails half-way (the folder made); dpkg-query that finds nothing;
    apt-get that cannot install."""
    folder = tmp_path / "bin"
    folder.mkdir()
    _script(folder / "python3", """\
case "$*" in
  *version_info*) echo "$FAKE_PY" ;;
  *"-m ensurepip"*) exit "$FAKE_ENSUREPIP" ;;
  *"-m venv"*) mkdir -p "$3/bin"; echo "venv: stopped in $3" >&2; exit 1 ;;
  *) exit 3 ;;
esac
""")
    _script(folder / "dpkg-query", "exit 1\n")
    _script(folder / "pgrep", 'exit "${FAKE_RUNNING:-1}"\n')
    _script(folder / "apt-get", 'echo "apt-get $*" >> "$HOME/apt-calls"; exit 100\n')
    return folder


def _install(bundle: Path, fake_bin: Path, home: Path, py: str = "3.11",
             ensurepip: int = 0, running: bool = False) -> subprocess.CompletedProcess[str]:
    home.mkdir(exist_ok=True)
    env = {"HOME": str(home), "PATH": f"{fake_bin}:/usr/bin:/bin", "LANG": "C.UTF-8",
           "FAKE_PY": py, "FAKE_ENSUREPIP": str(ensurepip),
           "FAKE_RUNNING": "0" if running else "1"}
    return subprocess.run(["bash", str(bundle / "install.sh")], env=env, capture_output=True,
                          text=True, timeout=60, check=False)


@pytest.mark.parametrize("py", ["3.10", "3.9", "3.14"])
def test_install_refuses_a_python_the_bundle_has_no_wheels_for(bundle, fake_bin, tmp_path, py):
    home = tmp_path / "home"
    done = _install(bundle, fake_bin, home, py=py)
    assert done.returncode != 0
    assert f"python3 是 {py}，无法安装" in done.stderr
    assert f"this PC's python3 is {py}: not installed" in done.stderr
    assert "3.11" in done.stderr
    assert not (home / ".local").exists()


def test_install_without_python3_venv_says_which_package_to_install(bundle, fake_bin, tmp_path):
    home = tmp_path / "home"
    done = _install(bundle, fake_bin, home, py="3.12", ensurepip=1)
    assert done.returncode != 0
    assert "缺少 python3-venv" in done.stderr
    assert "sudo apt-get install python3-venv python3.12-venv" in done.stderr
    assert not (home / ".local").exists()


def test_missing_qt_libraries_are_named_with_the_command_to_install_them(bundle, fake_bin,
                                                                        tmp_path):
    home = tmp_path / "home"
    done = _install(bundle, fake_bin, home)
    command = next(line for line in done.stderr.splitlines() if "sudo apt-get install" in line)
    assert "libxcb-cursor0" in command and "libegl1" in command
    assert "打开窗口还需要这些系统库" in done.stderr
    if os.geteuid() == 0:  # root tries the package source first, offline or not
        assert "install" in (home / "apt-calls").read_text()


def test_a_failed_install_puts_the_previous_program_back(bundle, fake_bin, tmp_path):
    home = tmp_path / "home"
    program = home / ".local" / "share" / "station-desk-program"
    program.mkdir(parents=True)
    (program / "kept").write_text("the older version")
    done = _install(bundle, fake_bin, home)
    assert done.returncode != 0
    assert "原有程序未改动" in done.stderr
    assert (program / "kept").read_text() == "the older version"
    assert sorted(p.name for p in program.parent.iterdir()) == ["station-desk-program"]


def test_install_refuses_while_the_desk_is_running(bundle, fake_bin, tmp_path):
    home = tmp_path / "home"
    program = home / ".local" / "share" / "station-desk-program"
    program.mkdir(parents=True)
    (program / "kept").write_text("the running version")
    done = _install(bundle, fake_bin, home, running=True)
    assert done.returncode != 0
    assert "StationDesk 正在运行：请先关闭前台窗口" in done.stderr
    assert (program / "kept").read_text() == "the running version"


def _installed(home: Path) -> dict[str, Path]:
    share = home / ".local" / "share"
    program = share / "station-desk-program"
    paths = {"program": program, "launcher": home / ".local" / "bin" / "station-desk",
             "entry": share / "applications" / "station-desk.desktop",
             "icon": share / "icons" / "hicolor" / "scalable" / "apps" / "station-desk.svg",
             "data": share / "StationDesk" / "station.db"}
    for path in paths.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    (program / "venv" / "bin").mkdir(parents=True)
    shutil.copy(LINUX / "uninstall.sh", program)
    paths["launcher"].write_text(f'#!/bin/sh\nexec "{program}/venv/bin/station-desk" "$@"\n')
    for name in ("entry", "icon", "data"):
        paths[name].write_text(name)
    return paths


def _uninstall(home: Path) -> subprocess.CompletedProcess[str]:
    script = home / ".local" / "share" / "station-desk-program" / "uninstall.sh"
    return subprocess.run(["bash", str(script)], env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=60, check=True)


def test_uninstall_removes_the_program_and_keeps_the_data(tmp_path):
    paths = _installed(tmp_path)
    done = _uninstall(tmp_path)
    for name in ("program", "launcher", "entry", "icon"):
        assert not paths[name].exists(), name
    assert paths["data"].read_text() == "data"
    assert f"本站数据仍保留在：{paths['data'].parent}" in done.stdout
    assert f"The station's data is kept in: {paths['data'].parent}" in done.stdout


def test_uninstall_leaves_a_station_desk_command_it_did_not_install(tmp_path):
    paths = _installed(tmp_path)
    paths["launcher"].write_text('#!/bin/sh\nexec /opt/elsewhere/station-desk "$@"\n')
    _uninstall(tmp_path)
    assert paths["launcher"].exists()
    assert not paths["program"].exists()


def test_the_menu_entry_names_the_program_in_chinese_and_english():
    entry = (LINUX / "station-desk.desktop").read_text().splitlines()
    assert "Name=StationDesk" in entry
    assert "Name[zh_CN]=文明实践站前台" in entry
    assert "Icon=station-desk" in entry


@pytest.mark.skipif(os.environ.get("STATION_DESK_PACKAGE_CHECK") != "1",
                    reason="builds and installs the whole bundle (3-5 min): "
                           "STATION_DESK_PACKAGE_CHECK=1, or tests/run.sh in CI")
def test_the_bundle_installs_offline_starts_upgrades_and_uninstalls():
    if os.geteuid() != 0:
        pytest.skip("packaging/check-linux.sh needs root (a network namespace)")
    done = subprocess.run(["bash", str(ROOT / "packaging" / "check-linux.sh")],
                          capture_output=True, text=True, timeout=1200, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "check-linux: passed." in done.stdout
