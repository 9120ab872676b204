"""Faults a station will meet: a full disk, read-only or missing media, and a PC clock
that jumps. The disk tests mount a small tmpfs, so they need root (CI runs as root)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import time
import uuid

import pytest
from checking_tools import unavailable

from app.models import AuditRecord, LedgerEntry, OperationRecord, database
from app.runtime.config import resolve
from app.runtime.startup import StartupError, open_station
from app.services import auth, deeds, integrity, ledger, residents, station
from app.services.context import Context, FixedClock
from app.services.errors import StorageFull

PASSWORD = "Desk-2026!"


@pytest.fixture
def tmpfs(tmp_path):
    if os.environ.get("STATION_DESK_TEST_PG"):
        pytest.skip("the files are SQLite's")
    if os.geteuid() != 0:
        unavailable("mounting a tmpfs needs root")
    point = tmp_path / "media"
    point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(point)],
                          capture_output=True)
    if done.returncode:
        unavailable(f"a tmpfs cannot be mounted here: {done.stderr.decode().strip()}")
    yield point
    if database.obj is not None:
        database.close()
    subprocess.run(["umount", "-l", str(point)], check=False)


def _station(data_dir) -> tuple:
    config = resolve(data_dir, None)
    opened = open_station(config)
    ctx = Context(config.data_dir, FixedClock(dt.datetime(2026, 11, 23, 10)))
    station.init_station(ctx, "XH01", "新华站", "admin", PASSWORD)
    ctx = ctx.as_actor(auth.sign_in(ctx, "admin", PASSWORD))
    return config, opened, ctx


def test_disk_full_is_clear_partial_free_and_recovers(tmpfs):
    """Filling the disk gives StorageFull, leaves no partial operation, and work resumes
    once space is freed, without a restart."""
    config, opened, ctx = _station(tmpfs / "desk")
    person = residents.register(ctx, residents.ResidentInput(name="钱多多"))
    ok = 0
    with pytest.raises(StorageFull) as caught:
        for _ in range(10_000):
            # A note as long as allowed makes each deed big enough to fill 2 MB quickly.
            deeds.record_deed(ctx, person.id, "LOST_AND_FOUND", note="备注" * 250)
            ok += 1
    assert "磁盘" in caught.value.message("zh")
    assert ok > 0
    assert LedgerEntry.select().count() == ok, "a refused deed left a partial entry"
    assert ledger.balance(person.id) == 2 * ok
    subprocess.run(["mount", "-o", "remount,size=16m", str(tmpfs)], check=True)
    deeds.record_deed(ctx, person.id, "LOST_AND_FOUND")
    assert ledger.balance(person.id) == 2 * (ok + 1)
    assert integrity.run_check(ctx.keys_dir).ok
    opened.close()


def test_read_only_media_gives_a_clear_message(tmpfs):
    """A station on media that became read-only is refused quickly with a message."""
    config, opened, _ = _station(tmpfs / "desk")
    opened.close()
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    started = time.monotonic()
    with pytest.raises(StartupError) as caught:
        open_station(config)
    assert time.monotonic() - started < 2
    assert "不可写" in caught.value.message("zh") or "只读" in caught.value.message("zh")


def test_missing_media_gives_a_clear_message(tmp_path):
    """A data folder whose drive is gone (here: under a file) is refused with a message."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(StartupError) as caught:
        open_station(resolve(blocker / "desk", None))
    assert "数据目录" in caught.value.message("zh")


def test_clock_set_back_is_audited_and_order_kept(ctx, clock, resident):
    """A clock set back a day changes no ordering and is noted in the audit log."""
    first = deeds.record_deed(ctx, resident.id, "DONATION")
    clock.advance(days=-1)
    second = deeds.record_deed(ctx, resident.id, "DONATION")
    rows = ledger.entries(resident.id, newest_first=False)
    assert [r.balance_after for r in rows] == [first.balance, second.balance]
    assert rows[0].seq < rows[1].seq
    notes = AuditRecord.select().where(AuditRecord.action == "clock.behind")
    assert notes.count() == 1
    clock.advance(days=1)
    deeds.record_deed(ctx, resident.id, "DONATION", request_id=uuid.uuid4().hex)
    assert notes.count() == 1, "a clock back in step is not a new jump"


class JumpingClock(FixedClock):
    """A desk clock that somebody sets forward a year while the program runs."""

    def __init__(self, at: dt.datetime) -> None:
        super().__init__(at)
        self.pending = 0.0

    def take_jump(self) -> float:
        jump, self.pending = self.pending, 0.0
        return jump


def test_clock_jump_while_running_is_audited(ctx, resident):
    """A forward jump seen by the monotonic clock comparison is written to the audit log."""
    clock = JumpingClock(dt.datetime(2026, 11, 23, 10))
    jumpy = Context(ctx.data_dir, clock, ctx.actor)
    clock.pending = 365 * 86400.0
    before = OperationRecord.select().count()
    deeds.record_deed(jumpy, resident.id, "DONATION")
    note = AuditRecord.get(AuditRecord.action == "clock.jump")
    assert '"seconds": 31536000' in note.detail
    assert OperationRecord.select().count() == before + 1, "the deed itself still happened"
