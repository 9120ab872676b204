"""Where a data directory runs: recorded on first open; a copy or a move is held
read-only until an admin says whether the desk moved or is a second desk."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from app.models import AuditRecord, DeskPlacement
from app.runtime.config import resolve
from app.runtime.startup import open_station
from app.services import auth, deeds, placement, redemption, residents, station, vouchers
from app.services.context import Context, FixedClock
from app.services.errors import PermissionDenied

PASSWORD = "Desk-2026!"
CLERK_PASSWORD = "Clerk-2026?"


@pytest.fixture
def clock():
    return FixedClock(dt.datetime(2026, 11, 23, 10))


@pytest.fixture
def original(tmp_path, clock):
    """A closed station with one resident holding points, and a clerk."""
    config = resolve(tmp_path / "desk", None)
    opened = open_station(config, clock)
    ctx = Context(config.data_dir, clock)
    station.init_station(ctx, "XH01", "新华社区新时代文明实践站", "admin", PASSWORD)
    ctx = ctx.as_actor(auth.sign_in(ctx, "admin", PASSWORD))
    auth.add_clerk(ctx, "li", "李敏", "clerk", CLERK_PASSWORD)
    person = residents.register(ctx, residents.ResidentInput(name="张明月"))
    for _ in range(9):
        deeds.record_deed(ctx, person.id, "DONATION")
    vouchers.issue(ctx, person.id, 5)
    opened.close()
    return config


def copy_of(config, target):
    """The whole data directory copied elsewhere, as a USB stick or a file manager does."""
    shutil.copytree(config.data_dir, target, ignore=shutil.ignore_patterns("*.lock"))
    return resolve(target, None)


def signed_in(opened, username="admin", password=PASSWORD):
    return opened.context.as_actor(auth.sign_in(opened.context, username, password))


def test_first_open_records_where_the_data_directory_runs(original, clock):
    """The first open notes this machine and this place as desk 1."""
    opened = open_station(original, clock)
    try:
        [row] = DeskPlacement.select()
        assert (row.desk_no, row.reason) == (1, "first")
        assert row.machine == placement.machine_fingerprint()
        assert row.location == str(original.sqlite_path.resolve())
        assert placement.check() is None
        assert placement.serial_block() == (1, 999_999)
    finally:
        opened.close()


def test_machine_fingerprint_never_stores_the_raw_machine_id():
    """What is stored is a SHA-256 fingerprint, stable across calls, not the id itself."""
    raw = placement._machine_id()
    assert raw and raw not in placement.machine_fingerprint()
    assert len(placement.machine_fingerprint()) == 64
    assert placement.machine_fingerprint() == placement.machine_fingerprint()


def test_a_copy_refuses_writes_until_an_admin_says_it_moved(original, tmp_path, clock):
    """A copied data directory is read-only (sign-in still works) until `moved`."""
    copy = copy_of(original, tmp_path / "usb")
    opened = open_station(copy, clock)
    try:
        found = placement.check()
        assert found is not None
        assert found.was_location == str(original.sqlite_path.resolve())
        assert found.now_location == str(copy.sqlite_path.resolve())
        ctx = signed_in(opened)  # sign-in bookkeeping passes the gate
        with pytest.raises(placement.DeskNotConfirmed) as refused:
            deeds.record_deed(ctx, 1, "DONATION")
        message = refused.value.message("zh")
        assert "desk moved" in message and "desk second" in message
        assert residents.get(1).balance == 13  # reading works
        placement.confirm_moved(ctx)
        deeds.record_deed(ctx, 1, "DONATION")
        assert residents.get(1).balance == 15
        assert placement.check() is None and placement.serial_block() == (1, 999_999)
        newest = placement.newest()
        assert (newest.reason, newest.clerk, newest.desk_no) == ("moved", "admin", 1)
    finally:
        opened.close()
    again = open_station(copy, clock)  # decided once: the next start asks nothing
    try:
        assert placement.check() is None
    finally:
        again.close()


def test_a_second_desk_gets_its_own_number_and_serial_block(original, tmp_path, clock):
    """`second`: desk 2, its vouchers numbered from its own block, audited."""
    copy = copy_of(original, tmp_path / "desk2")
    opened = open_station(copy, clock)
    try:
        ctx = signed_in(opened)
        assert placement.become_second_desk(ctx) == 2
        lo, hi = placement.serial_block()
        assert (lo, hi) == (2_000_001, 2_999_999)
        issued = vouchers.issue(ctx, 1, 10, denominations=[5, 5])
        assert [v.serial for v in issued.vouchers] == ["XH01-2026-2000001",
                                                       "XH01-2026-2000002"]
        assert redemption.verify(ctx, issued.vouchers[0].token).ok
        assert AuditRecord.select().where(AuditRecord.action == "desk.second").count() == 1
    finally:
        opened.close()
    first = open_station(original, clock)  # the original desk carries on in its own block
    try:
        ctx = signed_in(first)
        [voucher] = vouchers.issue(ctx, 1, 5).vouchers
        assert voucher.serial == "XH01-2026-000002"
    finally:
        first.close()


def test_a_chosen_desk_number_is_used_and_a_taken_one_refused(original, tmp_path, clock):
    """An admin who already made a desk 2 elsewhere names 3; desk 1 is taken here."""
    opened = open_station(copy_of(original, tmp_path / "desk3"), clock)
    try:
        ctx = signed_in(opened)
        for taken in (1, 0, 100):
            with pytest.raises(placement.DeskNumberRefused):
                placement.become_second_desk(ctx, taken)
        assert placement.check() is not None
        assert placement.become_second_desk(ctx, 3) == 3
        assert placement.serial_block() == (3_000_001, 3_999_999)
    finally:
        opened.close()


def test_a_different_machine_at_the_same_path_is_held(original, clock, monkeypatch):
    """The same folder on another PC (a cloned disk, a copy to the same user path)."""
    monkeypatch.setattr(placement, "_machine_id", lambda: "another-pc")
    opened = open_station(original, clock)
    try:
        found = placement.check()
        assert found is not None and found.was_location == found.now_location
        assert found.was_machine != found.now_machine
        with pytest.raises(placement.DeskNotConfirmed):
            deeds.record_deed(signed_in(opened), 1, "DONATION")
    finally:
        opened.close()


def test_only_an_admin_decides_and_nothing_to_decide_is_refused(original, tmp_path, clock):
    """A clerk is refused (and the refusal audited); a desk in place has nothing to decide."""
    opened = open_station(copy_of(original, tmp_path / "usb"), clock)
    try:
        clerk = signed_in(opened, "li", CLERK_PASSWORD)
        for decide in (placement.confirm_moved, placement.become_second_desk):
            with pytest.raises(PermissionDenied):
                decide(clerk)
        assert placement.check() is not None
    finally:
        opened.close()
    home = open_station(original, clock)
    try:
        with pytest.raises(placement.NothingToDecide):
            placement.confirm_moved(signed_in(home))
    finally:
        home.close()


def test_block_exhaustion_is_refused_before_anything_is_written(original, clock,
                                                               monkeypatch):
    """A desk whose block is used up this year says so instead of borrowing another's."""
    opened = open_station(original, clock)
    try:
        ctx = signed_in(opened)
        assert vouchers.last_seq(2026) == 1  # one voucher issued so far
        monkeypatch.setattr(placement, "serial_block", lambda: (1, 3))
        before = residents.get(1).balance
        with pytest.raises(placement.SerialBlockExhausted):
            vouchers.issue(ctx, 1, 10, denominations=[4, 3, 3])
        assert residents.get(1).balance == before
        assert len(vouchers.issue(ctx, 1, 10, denominations=[5, 5]).vouchers) == 2
    finally:
        opened.close()
