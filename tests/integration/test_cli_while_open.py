"""Read-only commands that show no personal data answer while the desk holds the
station's single-writer lock (SQLite WAL lets readers in beside the writer); they
write nothing, and every other command is still refused."""

from __future__ import annotations

import json
import sqlite3

import pytest

from app.runtime.config import resolve
from app.runtime.startup import InstanceLock
from tests.integration.cli_helpers import new_station, ok_json, run


@pytest.fixture
def held(tmp_path):
    """A set-up station, checked before its newest deed, whose lock another process (the
    desk) holds."""
    data = new_station(tmp_path / "desk")
    ok_json(data, "--as", "admin", "resident", "add", "--name", "张明月")
    ok_json(data, "--as", "admin", "deed", "record", "张明月", "DONATION")
    ok_json(data, "check")
    # written after the checkpoint: a check that moved it would move it past this deed
    ok_json(data, "--as", "admin", "deed", "record", "张明月", "DONATION")
    lock = InstanceLock(resolve(data, None).sqlite_path)
    lock.acquire()
    yield data
    lock.release()


def stored_checkpoint(data) -> list:
    with sqlite3.connect(resolve(data, None).sqlite_path) as conn:
        return conn.execute("SELECT * FROM verified_checkpoint").fetchall()


@pytest.mark.parametrize("command", [["check"], ["audit", "verify"], ["deed", "types"]])
def test_a_read_only_command_answers_while_the_desk_is_open(held, command):
    assert ok_json(held, *command)["ok"] is True


def test_check_while_open_leaves_the_checkpoint_to_the_desk(held):
    """Without the lock ``check`` does not move the checkpoint (a write): the desk's own
    background check moves it."""
    before = stored_checkpoint(held)
    assert ok_json(held, "check")["ok"] is True
    assert stored_checkpoint(held) == before


def test_a_check_while_open_still_finds_damage(held):
    with sqlite3.connect(resolve(held, None).sqlite_path) as conn:
        conn.execute("UPDATE resident SET balance = balance + 100")
    done = run(held, "--json", "check")
    assert done.returncode == 1 and "余额" in json.loads(done.stdout)["message"]


@pytest.mark.parametrize("command", [["balance", "张明月"], ["merchant", "list"]])
def test_other_commands_are_still_refused_while_the_desk_is_open(held, command):
    done = run(held, "--as", "admin", *command)
    assert done.returncode == 2 and "正被另一个 StationDesk 使用" in done.stderr
