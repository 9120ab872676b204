"""Personal data stays with the station's clerks: the data directory is private to its
user, and every command that shows or writes personal data needs a signed-in clerk
and leaves an audit record."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from cli_helpers import new_station, ok_json, run

from app.cli import main as cli
from app.runtime.config import make_private, resolve

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX modes; Windows: the profile")


@pytest.fixture
def station(tmp_path):
    data = new_station(tmp_path / "data")
    ok_json(data, "--as", "admin", "resident", "add", "--name", "张明月", "--phone",
            "13812345678", "--id-number", "11010519491231002X", "--grid", "第一网格")
    ok_json(data, "--as", "admin", "resident", "household", "--name", "张家")
    return data


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def loose_modes(data: Path) -> list[str]:
    """Everything in the data directory that another user of the PC could read."""
    found = []
    for path in [data, *data.rglob("*")]:
        wanted = 0o700 if path.is_dir() else 0o600
        if mode(path) != wanted:
            found.append(f"{path.relative_to(data)} {oct(mode(path))}")
    return found


def audit_actions(data: Path) -> list[str]:
    with sqlite3.connect(data / "station.db") as conn:
        return [a for (a,) in conn.execute("SELECT action FROM audit_record ORDER BY seq")]


def test_a_new_station_and_its_backups_are_private(station, tmp_path):
    ok_json(station, "--as", "admin", "backup")
    exported = tmp_path / "usb" / "copy.db"
    exported.parent.mkdir()
    ok_json(station, "--as", "admin", "backup", "--to", str(exported))
    ok_json(station, "--as", "admin", "restore", str(exported))
    names = {p.name for p in station.iterdir()}
    assert {"keys", "backups", "logs", "station.db", "audit.anchor"} <= names
    assert any(n.startswith("before-restore-") for n in names)
    assert loose_modes(station) == []
    assert mode(exported) == 0o600


def test_an_older_station_is_made_private_when_opened(station):
    for path in [station, *station.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    ok_json(station, "check")
    assert loose_modes(station) == []


PERSONAL = {
    "resident.search": ["resident", "find", "张明月"],
    "resident.balance": ["balance", "1"],
    "household.view": ["resident", "household", "--show", "1"],
    "statement.export": ["statement", "1", "--pdf", "{out}/s.pdf"],
    "cards.export": ["resident", "cards", "--grid", "第一网格", "--pdf", "{out}/c.pdf"],
    "backup.create": ["backup"],
    "backup.export": ["backup", "--to", "{out}/b.db"],
}


@pytest.mark.parametrize("action", PERSONAL)
def test_personal_data_needs_a_signed_in_clerk_and_is_audited(station, tmp_path, action):
    out = tmp_path / "out"
    out.mkdir()
    words = [w.replace("{out}", str(out)) for w in PERSONAL[action]]
    before = audit_actions(station)
    refused = run(station, "--json", *words)
    assert refused.returncode == cli.EXIT_REFUSED and "--as" in refused.stderr
    assert "张明月" not in refused.stdout and list(out.iterdir()) == []
    wrong = run(station, "--as", "admin", *words, password="not-the-password")
    assert wrong.returncode == cli.EXIT_REFUSED and list(out.iterdir()) == []
    assert action not in audit_actions(station)
    ok_json(station, "--as", "admin", *words)
    assert audit_actions(station)[len(before):][-1] == action


def test_a_backup_copy_never_lands_in_the_data_directory_or_on_a_file(station, tmp_path):
    inside = run(station, "--as", "admin", "backup", "--to", str(station / "logs" / "x.db"))
    assert inside.returncode == cli.EXIT_REFUSED and "数据目录" in inside.stderr
    assert not (station / "logs" / "x.db").exists()
    existing = tmp_path / "old.db"
    existing.write_bytes(b"keep me")
    taken = run(station, "--as", "admin", "backup", "--to", str(existing))
    assert taken.returncode == cli.EXIT_REFUSED and "已存在" in taken.stderr
    assert existing.read_bytes() == b"keep me"
    assert "backup.export" not in audit_actions(station)


def test_verify_without_a_clerk_does_not_name_the_holder(station):
    ok_json(station, "--as", "admin", "deed", "record", "1", "DONATION", "--quantity", "3")
    token = ok_json(station, "--as", "admin", "voucher", "issue", "1", "5")["vouchers"][0]["token"]
    anonymous = ok_json(station, "voucher", "verify", token)
    assert anonymous["reason"] == "ok" and anonymous["holder"] == "张**"
    assert ok_json(station, "--as", "admin", "voucher", "verify", token)["holder"] == "张明月"


def test_a_folder_without_modes_does_not_stop_the_station(tmp_path, monkeypatch):
    """A FAT stick has no modes: what cannot be tightened is logged, and the desk opens."""
    loose = tmp_path / "station.db"
    loose.write_bytes(b"")
    loose.chmod(0o644)

    def refuse(self, mode):
        raise PermissionError(1, "Operation not permitted", str(self))

    monkeypatch.setattr(Path, "chmod", refuse)
    assert make_private(resolve(tmp_path)) == [loose]
