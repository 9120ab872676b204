"""Backups: verified before they count, rotated, encrypted for a second place, and
restored with the current database kept aside."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from app.runtime.config import resolve
from app.services import backup, backup_crypto, backup_rotation, deeds, residents
from app.services.backup import BackupError
from app.services.backup_crypto import BackupPasswordError


@pytest.fixture
def config(ctx, tmp_path):
    """The conftest station (a SQLite file in tmp_path) seen as a desk configuration."""
    person = residents.register(ctx, residents.ResidentInput(name="孙丽"))
    for _ in range(3):
        deeds.record_deed(ctx, person.id, "DONATION")
    return resolve(tmp_path, str(tmp_path / "station.db"))


def test_backup_is_verified_and_matches_live_balances(config):
    """A backup opens, passes integrity_check and carries the same balances."""
    report = backup.backup(config, dt.datetime(2026, 11, 23, 18))
    assert (report.residents, report.total_points) == (1, 6)
    assert backup.verify(report.path).entries == 3


def test_damaged_backup_never_counts(config, tmp_path):
    """A backup whose ledger no longer sums to its balances is refused by verify."""
    report = backup.backup(config, dt.datetime(2026, 11, 23, 18))
    with sqlite3.connect(report.path) as conn:
        conn.execute("UPDATE resident SET balance = 99")
    with pytest.raises(BackupError, match="余额"):
        backup.verify(report.path)
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises(BackupError):
        backup.verify(tmp_path / "junk.db")


def test_rotation_keeps_14_daily_and_12_monthly(config):
    """After 400 days of daily backups only the newest 14 days and 12 months remain."""
    start = dt.datetime(2025, 10, 20, 21)
    config.backup_dir.mkdir(parents=True, exist_ok=True)
    source = backup.backup(config, start, config.backup_dir / "manual.db")
    for day in range(400):
        when = start + dt.timedelta(days=day)
        path = config.backup_dir / backup.default_name(when, "daily")
        path.write_bytes(Path(source.path).read_bytes()[:64])
    backup_rotation.rotate(config)
    kept = backup_rotation.automatic(config)
    days = {when.date() for when, _ in kept}
    months = {(when.year, when.month) for when, _ in kept}
    assert len(kept) == len(days) and 14 <= len(kept) <= 14 + 12
    assert len(months) == 12
    newest = start + dt.timedelta(days=399)
    assert all((newest.date() - d).days < 14 for d in sorted(days)[-14:])
    assert (config.backup_dir / "manual.db").exists(), "manual backups are never rotated away"


def test_daily_backup_once_a_day(config):
    """The daily backup is made once per calendar day; a close backup always."""
    noon = dt.datetime(2026, 11, 23, 12)
    assert backup_rotation.run(config, noon, "daily") is not None
    assert backup_rotation.run(config, noon.replace(hour=16), "daily") is None
    assert backup_rotation.run(config, noon.replace(hour=17), "close") is not None
    assert backup_rotation.run(config, noon + dt.timedelta(days=1), "daily") is not None


def test_encrypted_copy_round_trip_and_tampering(config, tmp_path):
    """An encrypted copy decrypts to the same verified backup; a wrong password, a
    flipped byte or a truncation is refused."""
    plain = backup.backup(config, dt.datetime(2026, 11, 23, 18), tmp_path / "plain.db")
    sealed = tmp_path / "usb.sdbak"
    backup_crypto.encrypt_file(tmp_path / "plain.db", sealed, "usb-secret-1")
    assert backup_crypto.is_encrypted(sealed)
    assert b"SQLite format" not in sealed.read_bytes()
    out = tmp_path / "out.db"
    backup_crypto.decrypt_file(sealed, out, "usb-secret-1")
    assert out.read_bytes() == (tmp_path / "plain.db").read_bytes()
    assert backup.verify(out).total_points == plain.total_points
    with pytest.raises(BackupPasswordError):
        backup_crypto.decrypt_file(sealed, out, "wrong-password")
    data = bytearray(sealed.read_bytes())
    data[len(data) // 2] ^= 0x40
    (tmp_path / "flipped").write_bytes(bytes(data))
    with pytest.raises(BackupPasswordError):
        backup_crypto.decrypt_file(tmp_path / "flipped", out, "usb-secret-1")
    (tmp_path / "cut").write_bytes(sealed.read_bytes()[:-100])
    with pytest.raises(BackupPasswordError):
        backup_crypto.decrypt_file(tmp_path / "cut", out, "usb-secret-1")
