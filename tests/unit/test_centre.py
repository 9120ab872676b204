"""The centre's role and tree, its exception list and the package it sends a station."""

from __future__ import annotations

import base64
import json

import openpyxl
import pytest

from app.models import AuditRecord, DeedType
from app.models.district import Centre, MemberKey, MemberStation, ReturnPackage
from app.services import (
    centre,
    centre_exceptions,
    centre_members,
    centre_return,
    package_file,
    package_import,
)
from app.services.context import Context
from app.services.errors.centre import (
    CentreExists,
    CentreOnly,
    ExceptionNotFound,
    InstituteExists,
    InstituteNotFound,
    KeyringConflict,
    KeyringInvalid,
    NotACentre,
    StationDatabase,
)
from tests.unit import centre_support
from tests.unit.centre_support import INSTITUTE, open_exceptions

district, hub = centre_support.district, centre_support.hub


def test_init_makes_the_centre_with_a_sealed_key_and_the_catalogue(db, tmp_path, clock):
    ctx = Context(tmp_path, clock)
    info = centre.init_centre(ctx, "新华区新时代文明实践中心")
    row = Centre.get()
    assert row.name == info.name and len(bytes(row.public_key)) == 32
    assert b"ENCRYPTED" in bytes(row.private_key_encrypted)  # never plain in the database
    assert (tmp_path / "keys" / "station.kek").exists()
    public = centre.private_key(ctx, row).public_key().public_bytes_raw()
    assert public == bytes(row.public_key)
    assert info.deed_types == DeedType.select().count() > 0
    init = AuditRecord.get(AuditRecord.action == "centre.init")
    assert json.loads(init.detail)["operator"] == centre.operator()
    with pytest.raises(CentreExists):
        centre.init_centre(ctx, "又一个中心")


def test_a_station_database_cannot_become_a_centre(ctx):
    with pytest.raises(StationDatabase):
        centre.init_centre(ctx, "新华区新时代文明实践中心")
    assert not Centre.select().exists()
    with pytest.raises(NotACentre):
        centre.check_command("centre", "stations")
    with pytest.raises(NotACentre):
        centre.check_command("package", "import")
    centre.check_command("deed", "types")  # a station's own command runs


def test_a_centre_refuses_station_commands(hub):
    with pytest.raises(CentreOnly, match="voucher redeem"):
        centre.check_command("voucher", "redeem")
    with pytest.raises(CentreOnly):
        centre.check_command("init", None)
    with pytest.raises(CentreOnly):
        centre.check_command("keys", "rotate")
    for allowed in (("centre", "stations"), ("package", "import"), ("audit", "verify"),
                    ("check", None)):
        centre.check_command(*allowed)


def test_a_centre_database_cannot_become_a_station(hub, tmp_path, clock):
    """Whatever asks (the window's first-run wizard, a script): the centre stays as it was."""
    from app.models import Clerk, Station
    from app.services import station

    with pytest.raises(CentreOnly, match="init"):
        station.init_station(Context(tmp_path, clock), "XH09", "新华九站", "admin",
                             "Passw0rd-123")
    assert not Station.select().exists() and not Clerk.select().exists()


def test_an_empty_database_is_not_a_centre(db):
    with pytest.raises(NotACentre, match="还没有初始化"):
        centre_members.stations()


def test_the_tree_lists_stations_under_their_institutes(hub, district):
    with pytest.raises(InstituteExists):
        centre_members.add_institute(hub, INSTITUTE)
    with pytest.raises(InstituteNotFound):
        centre_members.add_station(hub, "XH01", "没有这个所", district.ring_a)
    package_import.import_files(hub, [district.a[1]])
    rows = centre_members.stations()
    assert [(r.institute, r.code, r.last_seq) for r in rows] == [
        (INSTITUTE, "XH01", 1), (INSTITUTE, "XH02", None)]
    assert rows[0].last_exported_at == "2026-11-20T10:00:00" and rows[0].keys == 1


def _ring(tmp_path, ring: dict):
    path = tmp_path / "ring.json"
    path.write_text(json.dumps(ring), encoding="utf-8")
    return path


def test_a_newer_keyring_adds_keys_and_revocations(hub, district, tmp_path):
    ring = json.loads(district.ring_a.read_text(encoding="utf-8"))
    new_key = base64.b64encode(bytes(range(32))).decode()
    ring["keys"] = [{**ring["keys"][0], "revoked": True},
                    {"key_id": 2, "public_key": new_key, "valid_from": "2026-11-22",
                     "retired_on": None, "revoked": False}]
    done = centre_members.add_station(hub, "XH01", INSTITUTE, _ring(tmp_path, ring))
    assert (done.new, done.keys_added, done.keys_revoked) == (False, [2], [1])
    station = MemberStation.get(MemberStation.code == "XH01")
    assert {k.key_id: k.revoked_at is not None for k in station.keys} == {1: True, 2: False}
    ring["keys"][1]["public_key"] = base64.b64encode(bytes(32)).decode()
    with pytest.raises(KeyringConflict):
        centre_members.add_station(hub, "XH01", INSTITUTE, _ring(tmp_path, ring))


@pytest.mark.parametrize("body", ["不是 JSON", json.dumps({"station": "XH01"}),
                                  json.dumps({"station": "XH09", "keys": []}),
                                  json.dumps({"keys": [{"key_id": 1, "public_key": "AAAA",
                                                        "valid_from": "2026-01-01"}]}),
                                  json.dumps({"keys": [{"key_id": 2, "valid_from": "2026-01-01",
                                                        "public_key": "A" * 43 + "=",
                                                        "retired_on": "someday"}]})])
def test_a_keyring_that_does_not_read_is_refused(hub, tmp_path, body):
    path = tmp_path / "ring.json"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(KeyringInvalid):
        centre_members.add_station(hub, "XH01", INSTITUTE, path)
    assert not MemberKey.select().where(MemberKey.key_id == 2).exists()


def test_closing_an_exception_is_audited_and_it_leaves_the_open_list(hub, district, tmp_path):
    package_import.import_files(hub, [district.a[1], district.a[2], district.copy_2])
    listed = centre_exceptions.listed()
    assert sorted(r.kind for r in listed) == ["double_redemption", "fork"]
    assert centre_exceptions.listed("XH02") == []
    double = next(r for r in listed if r.kind == "double_redemption")
    with pytest.raises(ExceptionNotFound):
        centre_exceptions.close(hub, "999999", "已核实")
    closed = centre_exceptions.close(hub, str(double.id), "已核实：复制的数据目录，已停用")
    assert closed.state == "closed"
    assert [r.kind for r in centre_exceptions.listed()] == ["fork"]
    assert len(centre_exceptions.listed(include_closed=True)) == 2
    audit = AuditRecord.get(AuditRecord.action == "centre.exception.close")
    assert audit.target == double.uid and "已停用" in audit.detail
    with pytest.raises(ExceptionNotFound):
        centre_exceptions.close(hub, double.uid, "再关一次")
    sheet = tmp_path / "exceptions.xlsx"
    assert centre_exceptions.write_xlsx(sheet, centre_exceptions.listed(include_closed=True)) == 2
    rows = list(openpyxl.load_workbook(sheet).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("编号", "类别", "站点", "事项")
    assert {r[1] for r in rows[1:]} == {"重复核销", "包编号重复"}


def _read_back(path, public: bytes):
    package = package_file.open_package(path)
    assert package.verify(public)
    package.check_records()
    return package.manifest, list(package.records())


def test_the_package_for_a_station_carries_what_concerns_it(hub, district, tmp_path, clock):
    package_import.import_files(hub, [district.a[1], district.a[2], district.copy_2])
    centre_members.add_notice(hub, "十二月例会", "12 月 5 日上午九点", None)
    centre_members.add_notice(hub, "只给 XH02", "", "XH02")
    centre_members.revoke_key(hub, "XH01", 1, "前台电脑被盗")
    done = centre_return.package_for(hub, "XH01", tmp_path / "centre-XH01-00001.sdpkg")
    manifest, records = _read_back(done.path, bytes(Centre.get().public_key))
    assert manifest["direction"] == "centre" and manifest["station"] == "XH01"
    assert manifest["seq"] == done.seq == 1
    assert base64.b64decode(manifest["public_key"]) == bytes(Centre.get().public_key)
    by_kind: dict[str, list] = {}
    for r in records:
        by_kind.setdefault(r["kind"], []).append(r)
    assert len(by_kind["catalogue"]) == DeedType.select().count()
    assert [n["data"]["title"] for n in by_kind["notice"]] == ["十二月例会"]
    assert by_kind["revoked_key"] == [{"kind": "revoked_key", "uid": "XH01-K1", "amount": 1,
                                       "data": {"revoked_at": "2026-11-23T09:30:00"}}]
    assert sorted(e["category"] for e in by_kind["exception"]) == ["double_redemption", "fork"]
    assert all(e["data"]["title"] and e["data"]["body"] for e in by_kind["exception"])
    again = centre_return.package_for(hub, "XH01", tmp_path / "centre-XH01-00002.sdpkg")
    assert again.seq == 2
    assert [(p.seq, p.sha256) for p in ReturnPackage.select().order_by(ReturnPackage.seq)] == [
        (1, done.sha256), (2, again.sha256)]
    other = centre_return.package_for(hub, "XH02", tmp_path / "centre-XH02-00001.sdpkg")
    _, records = _read_back(other.path, bytes(Centre.get().public_key))
    assert other.seq == 1
    assert {r["data"]["title"] for r in records if r["kind"] == "notice"} == {"十二月例会",
                                                                              "只给 XH02"}
    assert not [r for r in records if r["kind"] in ("exception", "revoked_key")]
    assert open_exceptions()  # sending them down does not close them

