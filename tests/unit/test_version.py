"""One version number: pyproject.toml's. ``station-desk --version`` and the app say it,
whether the app runs from a checkout, an installed wheel or a bundle that copied app/
and resources/ without installing it; and a start does not pay for finding it."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import app
from app.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def _pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]["version"]


def test_the_command_line_prints_the_version_of_pyproject(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"station-desk {_pyproject_version()}\n"
    assert app.__version__ == _pyproject_version()


def test_a_bundle_says_the_version_it_was_stamped_with(tmp_path):
    """The folder holding app/ and resources/: a bundle's VERSION file is its own word,
    above any installed distribution of the same name (an older one left behind)."""
    (tmp_path / "VERSION").write_text("2.3.4\n", "utf-8")
    assert app.find_version(tmp_path, lambda: "0.0.9") == "2.3.4"


def test_a_checkout_says_its_pyproject_version(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "station-desk"\nversion = "1.2.3"\n', "utf-8")
    assert app.find_version(tmp_path, lambda: "0.0.9") == "1.2.3"


def test_another_projects_pyproject_or_an_installed_wheel(tmp_path):
    """site-packages holds no pyproject of ours: the installed metadata says it."""
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "other"\nversion = "9.9.9"\n', "utf-8")
    assert app.find_version(tmp_path, lambda: "1.0.1") == "1.0.1"
    assert app.find_version(tmp_path, lambda: None) == app.UNKNOWN_VERSION


def test_a_malformed_stamp_is_not_taken_for_a_version(tmp_path):
    (tmp_path / "VERSION").write_text("<html>\n", "utf-8")
    assert app.find_version(tmp_path, lambda: "1.0.1") == "1.0.1"


def test_the_version_is_found_only_when_asked_for():
    """Building the command line (every start, the desk's too) reads no version: neither
    the installed metadata nor a TOML parser is loaded."""
    probe = ("import sys, app; from app.cli import grammar; grammar.parser(); "
             "print(sorted({'importlib.metadata', 'tomllib'} & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, check=True, timeout=60)
    assert done.stdout.strip() == "[]"
