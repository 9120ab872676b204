"""A confirmed write survives a power cut: every connection the desk opens (the window's
thread, a worker thread, the command line) runs with the pragmas that make a commit
durable, and every write is on the disk (its WAL synced) before it is acknowledged.

A SIGKILL cannot tell a synced write from one still in the page cache (the kernel keeps
the cache), so these tests read the pragmas back and watch the sync calls themselves.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading

import pytest
from checking_tools import program

from app.models import database
from app.runtime.config import resolve
from app.runtime.startup import open_station
from app.views.common.background import Runner

pytestmark = pytest.mark.skipif(bool(os.environ.get("STATION_DESK_TEST_PG")),
                                reason="SQLite's pragmas and files")

# Written out, not read from app.models.db: the test must not follow the code it checks.
DURABLE = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 5000}
PASSWORD = "Desk-2026!"


def pragmas(conn) -> dict:  # noqa: ANN001 - a DB-API connection
    return {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in DURABLE}


def worker_pragmas() -> tuple[int, dict]:
    """Run in a background thread: its own connection, as the desk's workers get one."""
    try:
        return threading.get_ident(), pragmas(database.connection())
    finally:
        database.close()  # this thread's connection only


# Runs the real command line, reading the pragmas back on every connection it opens.
CLI_READING_PRAGMAS = """
import json, sys
import peewee
from app.cli.main import main

names, out, argv = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3:]
seen = []
connect = peewee.SqliteDatabase.connect

def connect_and_read(self, reuse_if_open=False):
    opened = connect(self, reuse_if_open)
    if opened:
        conn = self.connection()
        seen.append({n: conn.execute(f"PRAGMA {n}").fetchone()[0] for n in names})
    return opened

peewee.SqliteDatabase.connect = connect_and_read
code = main(argv)
with open(out, "w") as f:
    json.dump(seen, f)
sys.exit(code)
"""


def cli_pragmas(data_dir, out) -> list[dict]:  # noqa: ANN001
    env = {**os.environ, "STATION_DESK_PASSWORD": PASSWORD}
    done = subprocess.run(
        [sys.executable, "-c", CLI_READING_PRAGMAS, json.dumps(list(DURABLE)), str(out),
         "--data-dir", str(data_dir), "init", "--station-code", "XH01",
         "--station-name", "新华社区新时代文明实践站", "--admin", "admin"],
        capture_output=True, text=True, env=env, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text())


def test_every_kind_of_connection_is_durable(tmp_path, qtbot):
    """The window's thread, a worker thread and the command line all read back WAL,
    synchronous=FULL, foreign keys on and the busy timeout."""
    opened = open_station(resolve(tmp_path / "desk", None))  # as the window opens it
    try:
        gui = pragmas(database.connection())
        runner = Runner()
        results: list = []
        runner.run(None, worker_pragmas, results.append, results.append)
        qtbot.waitUntil(lambda: bool(results), timeout=10000)
        assert runner.finish()
    finally:
        opened.close()
    worker_thread, worker = results[0]
    assert worker_thread != threading.get_ident()
    cli = cli_pragmas(tmp_path / "cli", tmp_path / "cli-pragmas.json")
    assert cli, "the command line opened no connection"
    assert {"window": gui, "worker": worker} == {"window": DURABLE, "worker": DURABLE}
    assert cli == [DURABLE] * len(cli)


# A batch of acknowledged writes: each operation, then a line in the acknowledgement file.
BATCH = """
import os, sys
from app.runtime.config import resolve
from app.services import auth, deeds, ledger, residents, station, vouchers
from app.services import redemption
from app.runtime.startup import open_station

data_dir, acks, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
opened = open_station(resolve(data_dir, None))
ctx = opened.context
station.init_station(ctx, "XH01", "测试站", "admin", "Desk-2026!")
ctx = ctx.as_actor(auth.sign_in(ctx, "admin", "Desk-2026!"))
person = residents.register(ctx, residents.ResidentInput(name="张明月")).id
ledger.adjust(ctx, person, 100, "开户")
ack = os.open(acks, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
os.write(ack, b"begin\\n")
for n in range(rounds):
    deeds.record_deed(ctx, person, "LOST_AND_FOUND")
    os.write(ack, b"deed\\n")
    token = vouchers.issue(ctx, person, 5).vouchers[0].token
    os.write(ack, b"issue\\n")
    redemption.redeem(ctx, token)
    os.write(ack, b"redeem\\n")
opened.close()
"""
ROUNDS = 4
SYNC = re.compile(r"\b(?:fsync|fdatasync)\(\d+<(?P<path>[^>]*)>\)\s+=\s+0")
ACK = re.compile(r'\bwrite\(\d+<[^>]*/acks>, "(?P<what>\w+)\\n"')


def test_each_acknowledged_write_is_synced_before_it_is_acknowledged(tmp_path):
    """Under strace: between two acknowledgements the WAL was synced at least once."""
    strace = program("strace", "strace")
    trace = tmp_path / "trace"
    done = subprocess.run(
        [strace, "-f", "-qq", "-y", "-e", "trace=fsync,fdatasync,write", "-o", str(trace),
         sys.executable, "-c", BATCH, str(tmp_path / "desk"), str(tmp_path / "acks"),
         str(ROUNDS)],
        capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    syncs_before_each: list[tuple[str, int]] = []
    syncs = None  # counting starts at "begin"
    for line in trace.read_text().splitlines():
        if (ack := ACK.search(line)) is not None:
            if syncs is not None:
                syncs_before_each.append((ack["what"], syncs))
            syncs = 0
        elif syncs is not None and (sync := SYNC.search(line)) and sync["path"].endswith("-wal"):
            syncs += 1
    assert [what for what, _ in syncs_before_each] == ["deed", "issue", "redeem"] * ROUNDS
    unsynced = [(n, what) for n, (what, count) in enumerate(syncs_before_each) if count == 0]
    assert unsynced == [], f"acknowledged before the WAL was synced: {unsynced}"
