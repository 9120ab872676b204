"""The district's deed catalogue edited at the centre: added, changed, retired, restored
and imported from a CSV file under the centre's own audit (the operator, not a clerk), all
or nothing; and the change reaching a station through the centre's package."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from app.models import AuditRecord, DeedType, OperationRecord
from app.services import catalogue, centre, centre_catalogue, centre_return, package_apply
from app.services.catalogue import DEFAULT_CATALOGUE
from app.services.errors import DeedTypeNotFound, InvalidInput
from app.services.errors.centre import CatalogueCodeNotFound, CatalogueFileInvalid, NotACentre
from app.services.package_file import fingerprint
from tests.district_packages import reopen
from tests.unit import centre_support
from tests.unit.centre_support import snapshot

district, hub = centre_support.district, centre_support.hub

SNOW = {"name_zh": "义务扫雪", "name_en": "Snow clearing", "category": "social", "points": 2,
        "unit": "per_hour", "cap_quantity": 4, "cap_period": "day"}


def _saves() -> list[dict]:
    return [json.loads(r.detail) for r in AuditRecord.select().where(
        AuditRecord.action == "catalogue.save").order_by(AuditRecord.seq)]


def test_a_type_is_added_and_changed_under_the_operator(hub):
    added = centre_catalogue.save(hub, "snow_clearing", SNOW)
    assert (added.code, added.points, added.active) == ("SNOW_CLEARING", 2, True)
    changed = centre_catalogue.save(hub, "SNOW_CLEARING", {"points": 3, "cap_quantity": None,
                                                           "cap_period": None})
    assert (changed.points, changed.cap_quantity, changed.name_zh) == (3, None, "义务扫雪")
    assert catalogue.get_type("SNOW_CLEARING").points == 3
    first, second = _saves()
    assert first["before"] is None and second["before"]["points"] == 2
    assert {first["operator"], second["operator"]} == {centre.operator()}
    assert first["request_id"] != second["request_id"]
    ops = {o.request_id: o.kind for o in OperationRecord.select()}
    assert ops == {first["request_id"]: "centre.catalogue.save",
                   second["request_id"]: "centre.catalogue.save"}
    assert AuditRecord.select().where(AuditRecord.clerk_id.is_null(False)).count() == 0


def test_the_same_request_again_writes_nothing(hub):
    centre_catalogue.save(hub, "SNOW_CLEARING", SNOW, request_id="r-1")
    before = snapshot()
    again = centre_catalogue.save(hub, "SNOW_CLEARING", SNOW, request_id="r-1")
    assert again.points == 2 and snapshot() == before


@pytest.mark.parametrize(("code", "changes", "said"), [
    ("SNOW_CLEARING", {**SNOW, "category": "weather"}, "类别"),
    ("SNOW_CLEARING", {k: v for k, v in SNOW.items() if k != "name_en"}, "英文名称"),
    ("ENV_CLEANUP", {"points": 0}, "分值"),
    ("ENV_CLEANUP", {"cap_period": None}, "上限"),
    ("ENV_CLEANUP", {"colour": "red"}, "未知字段"),
    ("9LIVES", SNOW, "项目代码"),
])
def test_a_bad_write_is_refused_and_changes_nothing(hub, code, changes, said):
    before = snapshot()
    with pytest.raises(InvalidInput, match=said) as refused:
        centre_catalogue.save(hub, code, changes)
    assert refused.value.message("en")
    assert snapshot() == before


def test_retire_and_restore(hub):
    retired = centre_catalogue.set_active(hub, "lost_and_found", False)
    assert not retired.active
    assert "LOST_AND_FOUND" not in {t.code for t in centre_catalogue.listed()}
    assert "LOST_AND_FOUND" in {t.code for t in centre_catalogue.listed(include_retired=True)}
    with pytest.raises(DeedTypeNotFound):
        catalogue.get_type("LOST_AND_FOUND")
    assert centre_catalogue.set_active(hub, "LOST_AND_FOUND", True).active
    before = snapshot()
    with pytest.raises(CatalogueCodeNotFound):
        centre_catalogue.set_active(hub, "NO_SUCH_TYPE", False)
    assert snapshot() == before


def test_a_station_database_is_no_centre(ctx):
    with pytest.raises(NotACentre):
        centre_catalogue.save(ctx, "SNOW_CLEARING", SNOW)
    assert not DeedType.select().where(DeedType.code == "SNOW_CLEARING").exists()


def _csv(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=centre_catalogue.COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _default_rows() -> list[dict]:
    with DEFAULT_CATALOGUE.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_csv_adds_and_changes_in_one_operation(hub, tmp_path):
    rows = _default_rows()
    rows[0]["points"] = "3"
    rows.append({"code": "SNOW_CLEARING", "name_zh": "义务扫雪", "name_en": "Snow clearing",
                 "category": "social", "points": "2", "unit": "per_hour", "cap": "4 hours/day",
                 "needs_review": "no", "note": ""})
    centre_catalogue.set_active(hub, rows[1]["code"], False)
    done = centre_catalogue.import_csv(hub, _csv(tmp_path / "目录.csv", rows))
    assert done.added == ["SNOW_CLEARING"]
    assert done.changed == [rows[0]["code"], rows[1]["code"]]  # a retired one listed: in force
    assert done.unchanged == len(rows) - 3 and done.not_in_file == []
    assert catalogue.get_type(rows[0]["code"]).points == 3
    assert catalogue.get_type("SNOW_CLEARING").cap_period == "day"
    assert catalogue.get_type(rows[1]["code"]).active
    summary = AuditRecord.get(AuditRecord.action == "centre.catalogue.import")
    request = json.loads(summary.detail)["request_id"]
    assert {d["request_id"] for d in _saves()[1:]} == {request}
    again = centre_catalogue.import_csv(hub, _csv(tmp_path / "again.csv", rows[:5]))
    assert (again.added, again.changed, again.unchanged) == ([], [], 5)
    assert len(again.not_in_file) == len(rows) - 5


def test_a_csv_with_bad_rows_changes_nothing_and_names_each(hub, tmp_path):
    rows = _default_rows()
    rows[0]["points"] = "5"  # a good change, left out with the rest
    rows[2]["points"] = "many"
    rows[3]["category"] = "weather"
    rows[4]["cap"] = "sometimes"
    rows[5]["code"] = rows[6]["code"]
    before = snapshot()
    with pytest.raises(CatalogueFileInvalid) as refused:
        centre_catalogue.import_csv(hub, _csv(tmp_path / "bad.csv", rows))
    said = refused.value.message("zh")
    assert refused.value.count == "4"
    for line in (4, 5, 6, 7):
        assert f"第 {line} 行" in said
    assert "many" in said and "类别" in said and "sometimes" in said and "重复" in said
    assert "line 7" in refused.value.message("en")
    assert snapshot() == before


@pytest.mark.parametrize(("body", "said"), [
    ("code,name_zh\nSNOW,扫雪\n", "缺少列"),
    ("code,name_zh,name_en,category,points,unit\n", "没有任何项目"),
    (b"\xff\xfe\x00", "无法读取"),
])
def test_a_file_that_is_no_catalogue_is_refused(hub, tmp_path, body, said):
    path = tmp_path / "x.csv"
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(body, encoding="utf-8")
    with pytest.raises(CatalogueFileInvalid, match=said):
        centre_catalogue.import_csv(hub, path)
    with pytest.raises(CatalogueFileInvalid, match="无法读取"):
        centre_catalogue.import_csv(hub, tmp_path / "absent.csv")


def test_a_change_at_the_centre_reaches_the_station(hub, district, tmp_path, clock):
    """Changed, added and retired at the centre; sent; applied at XH01, whose own local
    type stays as it was."""
    centre_catalogue.save(hub, "ENV_CLEANUP", {"points": 3})
    centre_catalogue.save(hub, "SNOW_CLEARING", SNOW)
    centre_catalogue.set_active(hub, "LOST_AND_FOUND", False)
    sent = centre_return.package_for(hub, "XH01", tmp_path / "centre-XH01-00001.sdpkg")
    key = fingerprint(bytes(centre.current().public_key))
    total = DeedType.select().count()
    station_dir = tmp_path / "XH01"
    shutil.copytree(district.folder / "XH01", station_dir)
    at_station = reopen(station_dir, clock)
    catalogue.save_type(at_station, "STAIRWELL_WATCH", name_zh="楼道巡查", name_en="Stair watch",
                        category="social", points=1, unit="per_time")
    done = package_apply.apply(at_station, Path(sent.path), trust=key)
    assert done["catalogue"] == {"added": ["SNOW_CLEARING"],
                                 "changed": ["ENV_CLEANUP", "LOST_AND_FOUND"],
                                 "unchanged": total - 3}
    assert catalogue.get_type("ENV_CLEANUP").points == 3
    assert catalogue.get_type("SNOW_CLEARING").cap_quantity == 4
    with pytest.raises(DeedTypeNotFound):
        catalogue.get_type("LOST_AND_FOUND")  # retired by the district: retired here
    assert catalogue.get_type("STAIRWELL_WATCH").points == 1  # the station's own: kept
    assert any("ENV_CLEANUP" in line for line in package_apply.summary_lines(done))
