"""The single-writer lock works where the OS has no positional file I/O (Windows has no
os.pread / os.pwrite): it still records its holder and names it to a second desk."""

import os

import pytest

from app.runtime.startup import InstanceLock, StationInUse


@pytest.fixture
def no_positional_io(monkeypatch):
    monkeypatch.delattr(os, "pwrite", raising=False)
    monkeypatch.delattr(os, "pread", raising=False)


def test_a_second_desk_is_told_who_holds_the_station(tmp_path, no_positional_io):
    first = InstanceLock(tmp_path / "station.db")
    first.acquire()
    try:
        with pytest.raises(StationInUse) as refused:
            InstanceLock(tmp_path / "station.db").acquire()
        assert f"pid {os.getpid()}" in refused.value.reason
    finally:
        first.release()


def test_the_lock_is_taken_again_once_released(tmp_path, no_positional_io):
    first = InstanceLock(tmp_path / "station.db")
    first.acquire()
    first.release()
    second = InstanceLock(tmp_path / "station.db")
    second.acquire()
    second.release()
    assert (tmp_path / "station.db.lock").read_text().endswith(f"pid {os.getpid()}")
