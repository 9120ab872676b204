"""A backup of a checked station is verified from its checkpoint on (the rows written
since, its newest rows and its balances against the live ones), not the whole file again
(nor a start-up check of the live rows the copy's check reads anyway); a damaged, cut or
edited copy is still refused and never counts."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from app.cli.main import main
from app.runtime import health
from app.runtime.config import resolve
from app.services import backup, backup_check, deeds, residents
from app.services.backup import BackupError
from tests.conftest import ADMIN_PASSWORD, PG_URL

NOW = dt.datetime(2026, 11, 23, 18)


@pytest.fixture
def config(ctx, tmp_path):
    """A station checked once (its checkpoint set), with deeds recorded since."""
    if PG_URL:
        pytest.skip("SQLite backups")
    person = residents.register(ctx, residents.ResidentInput(name="孙丽"))
    deeds.record_deed(ctx, person.id, "DONATION")
    config = resolve(tmp_path, str(tmp_path / "station.db"))
    assert health.ledger_problems(config) == []
    for _ in range(3):
        deeds.record_deed(ctx, person.id, "DONATION")
    return config


@pytest.fixture
def no_whole_file_check(monkeypatch):
    def whole(path: Path) -> backup.BackupReport:
        raise AssertionError("the whole file was checked again")

    monkeypatch.setattr(backup, "_verify_file", whole)


def spoil_copy(monkeypatch, spoil) -> None:  # noqa: ANN001
    """``spoil(path)`` runs on the fresh copy just before it is verified."""
    real = backup_check.verify_copy

    def spoiled(path: Path, *args: object) -> object:
        spoil(path)
        return real(path, *args)

    monkeypatch.setattr(backup_check, "verify_copy", spoiled)


def edit(path: Path, *statements: str) -> None:
    """Statements run on the copy, its append-only guards dropped first."""
    conn = sqlite3.connect(path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"):
        conn.execute(f'DROP TRIGGER "{name}"')
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_a_checked_station_is_backed_up_without_checking_the_whole_file_again(
        config, no_whole_file_check):
    report = backup.backup(config, NOW)
    assert (report.residents, report.entries, report.total_points) == (1, 4, 8)
    assert Path(report.path).is_file()


def garbage_in_the_residents_page(path: Path) -> None:
    """The residents' balances: read back to the live total, whoever wrote since."""
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master "
                            "WHERE name = 'resident'").fetchone()[0]
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(os.urandom(page_size))


def cut_short(path: Path) -> None:
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size - 4096)


@pytest.mark.parametrize("spoil, reason", [
    (garbage_in_the_residents_page, "不是有效"),
    (cut_short, "不是有效"),
    (lambda path: edit(path, "UPDATE ledger_entry SET reason = 'x' "
                             "WHERE seq = (SELECT MAX(seq) FROM ledger_entry)"), "校验码不符"),
    (lambda path: edit(path, "UPDATE ledger_entry SET points = 50 "
                             "WHERE seq = (SELECT MAX(seq) FROM ledger_entry)"), "余额"),
    (lambda path: edit(path, "DELETE FROM operation_record "
                             "WHERE id = (SELECT MAX(id) FROM operation_record)"), "不一致"),
    (lambda path: edit(path, "UPDATE verified_checkpoint SET ledger_seq = ledger_seq + 3"),
     "启动检查校验点"),
], ids=["damaged page", "cut short", "newest entry edited", "newest points changed",
        "newest record gone", "checkpoint moved on"])
def test_a_damaged_or_edited_copy_is_refused_and_never_counts(config, monkeypatch, spoil,
                                                              reason, no_whole_file_check):
    spoil_copy(monkeypatch, spoil)
    with pytest.raises(BackupError, match=reason):
        backup.backup(config, NOW)
    assert list(config.backup_dir.iterdir()) == []  # neither the copy nor its leftovers


def test_the_backup_command_does_not_run_the_start_up_check_first(config, monkeypatch,
                                                                  capsys):
    def start_up_check(config: object) -> list[str]:
        raise AssertionError("the start-up check ran")

    monkeypatch.setattr(health, "ledger_problems", start_up_check)
    monkeypatch.setenv("STATION_DESK_PASSWORD", ADMIN_PASSWORD)
    assert main(["--data-dir", str(config.data_dir), "--as", "admin", "backup"]) == 0
    assert "备份完成并已校验" in capsys.readouterr().out
