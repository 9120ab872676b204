"""Importing station packages at the centre: what checks is merged once, what does not
is refused with its reason and changes nothing, and the sequence is followed."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.models.district import DistrictRecord, MemberStation
from app.services import centre_members, package_file, package_import
from tests.district_packages import sign_package
from tests.unit import centre_support
from tests.unit.centre_support import open_exceptions, snapshot

district, hub = centre_support.district, centre_support.hub


def _import(ctx, *paths):
    return package_import.import_files(ctx, list(paths))


def test_a_package_is_merged_record_by_record(hub, district):
    [done] = _import(hub, district.a[1])
    package = package_file.open_package(district.a[1])
    records = list(package.records())
    assert (done.status, done.station, done.seq) == ("imported", "XH01", 1)
    assert done.added == len(records) and done.changed == 0 and done.exceptions == {}
    stored = {(r.kind, r.uid): r for r in DistrictRecord.select()}
    assert set(stored) == {(r["kind"], r["uid"]) for r in records}
    ledger = [r for r in records if r["kind"] == "ledger"]
    assert sum(stored[("ledger", r["uid"])].amount for r in ledger) == sum(
        r["amount"] for r in ledger)
    station = MemberStation.get(MemberStation.code == "XH01")
    assert station.last_seq == 1 and str(station.last_exported_at) == "2026-11-20 10:00:00"
    assert station.last_imported_at is not None


def _tamper(path, target):
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members[package_file.RECORDS] = members[package_file.RECORDS].replace(b'"amount":100',
                                                                          b'"amount":900')
    with zipfile.ZipFile(target, "w") as zf:
        for name, body in members.items():
            zf.writestr(name, body)


def _truncate(path, target):
    body = path.read_bytes()
    target.write_bytes(body[: len(body) // 2])


def _foreign(key_id):
    """The same records and manifest, signed by a key the station never registered."""
    def make(path, target):
        package = package_file.open_package(path)
        sign_package(target, "XH01", key_id, Ed25519PrivateKey.generate(), 1,
                     list(package.records()),
                     dt.datetime.fromisoformat(package.manifest["exported_at"]))
    return make


@pytest.mark.parametrize(("make", "reason"), [
    (_tamper, "package_tampered"),
    (_truncate, "package_damaged"),
    (_foreign(7), "package_foreign_key"),
    (_foreign(1), "package_bad_signature"),
])
def test_a_package_that_does_not_check_is_refused_and_changes_nothing(hub, district,
                                                                      tmp_path, make, reason):
    bad = tmp_path / "bad.sdpkg"
    make(district.a[1], bad)
    before = snapshot()
    [refused] = _import(hub, bad)
    assert (refused.status, refused.reason) == ("refused", reason), refused.message
    assert refused.added == 0 and refused.message
    assert snapshot() == before
    refused, after_it = _import(hub, bad, district.b1)
    assert (refused.status, after_it.status) == ("refused", "imported")  # the next is taken


@pytest.mark.parametrize(("which", "reason"), [
    ("claims_b", "package_station_mismatch"),
    ("claims_unknown", "package_unknown_station"),
])
def test_a_package_claiming_another_station_is_refused(hub, district, which, reason):
    before = snapshot()
    [refused] = _import(hub, getattr(district, which))
    assert (refused.status, refused.reason) == ("refused", reason), refused.message
    assert snapshot() == before


def test_a_key_revoked_before_the_package_was_written_refuses_it(hub, district, clock):
    clock.advance(days=-3)  # the centre revokes on 20 November at 06:30
    centre_members.revoke_key(hub, "XH01", 1, "前台电脑被盗")
    clock.advance(days=3)
    before = snapshot()
    [refused] = _import(hub, district.a[1])  # written on 20 November at 10:00
    assert refused.reason == "package_key_revoked"
    assert snapshot() == before


def test_a_package_written_before_its_key_was_revoked_still_imports(hub, district):
    centre_members.revoke_key(hub, "XH01", 1, "前台电脑被盗")  # on 23 November
    assert _import(hub, district.a[1])[0].status == "imported"


def test_importing_again_changes_nothing(hub, district):
    _import(hub, district.a[1], district.a[2], district.a[3], district.b1)
    before = snapshot()
    again = _import(hub, district.a[3], district.a[1], district.b1, district.a[2])
    assert [r.status for r in again] == ["already"] * 4
    assert [(r.station, r.seq) for r in again] == [("XH01", 3), ("XH01", 1), ("XH02", 1),
                                                   ("XH01", 2)]
    assert snapshot() == before


def _gaps():
    return sorted(e.subject for e in open_exceptions("gap"))


def test_out_of_order_packages_list_a_gap_until_it_arrives(hub, district):
    _import(hub, district.a[3])
    assert _gaps() == ["XH01-00001", "XH01-00002"]
    _import(hub, district.a[1])
    assert _gaps() == ["XH01-00002"]
    station = MemberStation.get(MemberStation.code == "XH01")
    assert station.last_seq == 3 and str(station.last_exported_at) == "2026-11-21 11:00:00"
    _import(hub, district.a[2])
    assert _gaps() == []
    in_order = {(r.kind, r.uid, r.digest) for r in DistrictRecord.select()}
    assert ("voucher_resolution", district.serial) in {k[:2] for k in in_order}


def test_a_copied_data_directory_is_a_fork_and_its_redemption_a_double_one(hub, district):
    _import(hub, district.a[1], district.a[2])
    [done] = _import(hub, district.copy_2)
    assert done.status == "imported"
    assert done.exceptions == {"double_redemption": 1, "fork": 1}
    [fork] = open_exceptions("fork")
    assert fork.subject == "XH01-00002"
    [double] = open_exceptions("double_redemption")
    detail = json.loads(double.detail)
    assert double.subject == district.serial and detail["stations"] == ["XH01"]
    assert detail["kept"]["data"]["at"] == "2026-11-20T11:00:00"
    assert detail["other"]["data"]["at"] == "2026-11-20T15:00:00"
    kept = DistrictRecord.get(DistrictRecord.kind == "voucher_resolution",
                              DistrictRecord.uid == district.serial)
    assert json.loads(kept.data)["at"] == "2026-11-20T11:00:00"  # the first version stays
    merged = {r.uid for r in DistrictRecord.select().where(DistrictRecord.kind == "ledger")}
    assert district.copy_entries <= merged  # the copy's own deed is merged all the same


def _resident(grid):
    return {"kind": "resident", "uid": "P0123", "day": "2026-11-01", "resident": "P0123",
            "amount": 1960, "category": grid, "ref": None, "data": {"grid": grid}}


@pytest.mark.parametrize("order", [(5, 6), (6, 5)])
def test_a_changeable_record_keeps_the_version_of_the_highest_package(hub, district,
                                                                      tmp_path, order):
    key_id, private = district.key_a
    at = dt.datetime(2026, 11, 21, 9, 0)
    files = {seq: sign_package(tmp_path / f"{seq}.sdpkg", "XH01", key_id, private, seq,
                               [_resident(grid)], at + dt.timedelta(hours=seq))
             for seq, grid in ((5, "第一网格"), (6, "第二网格"))}
    results = _import(hub, *(files[seq] for seq in order))
    stored = DistrictRecord.get(DistrictRecord.kind == "resident", DistrictRecord.uid == "P0123")
    assert (stored.category, stored.package_seq) == ("第二网格", 6)
    assert [r.changed for r in results] == ([0, 1] if order == (5, 6) else [0, 0])
    assert open_exceptions("contradiction") == []


def test_another_version_of_an_append_only_record_is_a_contradiction(hub, district, tmp_path):
    key_id, private = district.key_a
    entry = {"kind": "ledger", "uid": "XH01-E9", "day": "2026-11-20", "resident": "P1",
             "amount": 5, "category": "award", "ref": None, "data": {}}
    at = dt.datetime(2026, 11, 21, 9, 0)
    first = sign_package(tmp_path / "7.sdpkg", "XH01", key_id, private, 7, [entry], at)
    second = sign_package(tmp_path / "8.sdpkg", "XH01", key_id, private, 8,
                          [{**entry, "amount": 50}], at + dt.timedelta(hours=1))
    _import(hub, first, second)
    [found] = open_exceptions("contradiction")
    assert found.subject == "XH01-E9"
    assert DistrictRecord.get(DistrictRecord.uid == "XH01-E9").amount == 5


def test_a_package_from_a_clock_far_off_is_listed(hub, district, tmp_path):
    key_id, private = district.key_a
    entry = {"kind": "ledger", "uid": "XH01-E10", "day": "2026-11-22", "resident": "P1",
             "amount": 5, "category": "award", "data": {}}
    future = sign_package(tmp_path / "a.sdpkg", "XH01", key_id, private, 1, [],
                          dt.datetime(2026, 11, 25, 9, 0))
    dated_after = sign_package(tmp_path / "b.sdpkg", "XH01", key_id, private, 2, [entry],
                               dt.datetime(2026, 11, 21, 9, 0))
    backwards = sign_package(tmp_path / "c.sdpkg", "XH01", key_id, private, 3, [],
                             dt.datetime(2026, 11, 20, 9, 0))
    [a], [b], [c] = (_import(hub, p) for p in (future, dated_after, backwards))
    assert [r.exceptions for r in (a, b, c)] == [{"clock": 1}] * 3
    reasons = [json.loads(e.detail)["reasons"] for e in open_exceptions("clock")]
    assert "晚于中心此刻" in reasons[0][0] and "晚于包的写出时间" in reasons[1][0]
    assert "先后颠倒" in reasons[2][0]


def test_a_package_in_time_raises_no_clock_exception(hub, district, tmp_path):
    _import(hub, district.a[1], district.a[2], district.a[3])
    key_id, private = district.key_a
    planned = {"kind": "activity", "uid": "XH01-A1", "day": "2026-12-24", "data": {}}
    ahead = sign_package(tmp_path / "4.sdpkg", "XH01", key_id, private, 4, [planned],
                         dt.datetime(2026, 11, 22, 9, 0))
    assert _import(hub, ahead)[0].status == "imported"  # an activity planned ahead
    assert open_exceptions("clock") == []


def test_a_centre_package_is_not_imported_at_the_centre(hub, tmp_path):
    path = tmp_path / "centre.sdpkg"
    package_file.write(path, {"direction": "centre", "station": "XH01", "seq": 1}, iter([]),
                       Ed25519PrivateKey.generate())
    [refused] = _import(hub, path)
    assert refused.reason == "package_not_for_centre"


def test_a_missing_file_is_refused_by_name(hub, tmp_path):
    [refused] = _import(hub, tmp_path / "nowhere.sdpkg")
    assert refused.reason == "package_damaged" and "nowhere.sdpkg" in refused.message


@pytest.mark.parametrize("bad", [
    {"kind": "ledger", "day": "2026-11-20", "data": {}},
    {"kind": "ledger", "uid": "E1", "day": "20.11.2026", "data": {}},
    {"kind": "ledger", "uid": "E1", "amount": "5", "data": {}},
    {"kind": "ledger", "uid": "E1", "ref": "x" * 256, "data": {}},
])
def test_a_record_not_of_the_agreed_shape_refuses_the_whole_package(hub, district, tmp_path,
                                                                    bad):
    key_id, private = district.key_a
    good = {"kind": "ledger", "uid": "E0", "day": "2026-11-20", "amount": 1, "data": {}}
    path = sign_package(tmp_path / "bad.sdpkg", "XH01", key_id, private, 4, [good, bad],
                        dt.datetime(2026, 11, 21, 9, 0))
    before = snapshot()
    [refused] = _import(hub, path)
    assert refused.reason == "package_damaged" and "第 2 条记录" in refused.message
    assert snapshot() == before
