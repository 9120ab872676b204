"""The district centre from the command line: set up, register, import a batch of
packages (one refused, the rest taken), follow the exceptions up and write the package
back; and each role refusing the other's commands."""

from __future__ import annotations

import json

import openpyxl
import pytest

from app.services import package_file
from tests.conftest import FAST_HASHER
from tests.district_packages import District
from tests.integration.cli_helpers import ok_json, run

INSTITUTE = "新华街道实践所"


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    return District(tmp_path_factory.mktemp("district"), FAST_HASHER)


@pytest.fixture
def centre_dir(tmp_path, district):
    home = tmp_path / "centre"
    ok_json(home, "centre", "init", "--name", "新华区新时代文明实践中心")
    ok_json(home, "centre", "add-institute", INSTITUTE)
    for code, ring in (("XH01", district.ring_a), ("XH02", district.ring_b)):
        ok_json(home, "centre", "add-station", code, "--institute", INSTITUTE,
                "--keyring", str(ring))
    return home


def test_a_batch_imports_what_checks_and_refuses_the_rest(centre_dir, district, tmp_path):
    cut = tmp_path / "cut.sdpkg"
    cut.write_bytes(district.a[2].read_bytes()[:500])
    done = run(centre_dir, "--json", "package", "import", str(district.a[1]), str(cut),
               str(district.copy_2), str(district.b1))
    assert done.returncode == 1, done.stderr
    answer = json.loads(done.stdout)
    assert answer["ok"] is False and (answer["imported"], answer["refused"]) == (3, 1)
    files = {f["file"]: f for f in answer["files"]}
    assert files[str(cut)]["status"] == "refused"
    assert files[str(cut)]["reason"] == "package_damaged"
    first = files[str(district.a[1])]
    assert (first["station"], first["seq"], first["status"]) == ("XH01", 1, "imported")
    assert first["added"] > 0 and set(first) >= {"changed", "exceptions", "reason"}
    again = run(centre_dir, "--json", "package", "import", str(district.a[1]))
    assert again.returncode == 0
    assert json.loads(again.stdout)["files"][0]["status"] == "already"
    refused = run(centre_dir, "package", "import", str(cut))
    assert refused.returncode == 2 and "拒收" in refused.stdout
    stations = ok_json(centre_dir, "centre", "stations")["stations"]
    assert [(s["code"], s["last_seq"]) for s in stations] == [("XH01", 2), ("XH02", 1)]


def test_exceptions_are_listed_written_and_closed(centre_dir, district, tmp_path):
    ok_json(centre_dir, "package", "import", str(district.a[1]), str(district.a[2]),
            str(district.copy_2))
    sheet = tmp_path / "异常清单.xlsx"
    listed = ok_json(centre_dir, "centre", "exceptions", "--xlsx", str(sheet))["exceptions"]
    assert sorted(e["kind"] for e in listed) == ["double_redemption", "fork"]
    double = next(e for e in listed if e["kind"] == "double_redemption")
    assert double["subject"] == district.serial and double["stations"] == ["XH01"]
    rows = list(openpyxl.load_workbook(sheet).active.iter_rows(values_only=True))
    assert len(rows) == 3
    assert ok_json(centre_dir, "centre", "exceptions", "--station", "XH02")["exceptions"] == []
    closed = ok_json(centre_dir, "centre", "exceptions", "close", str(double["id"]),
                     "--note", "已核实，复制的数据目录已停用")
    assert closed["state"] == "closed"
    assert [e["kind"] for e in ok_json(centre_dir, "centre", "exceptions")["exceptions"]] == [
        "fork"]
    assert len(ok_json(centre_dir, "centre", "exceptions", "--all")["exceptions"]) == 2
    text = run(centre_dir, "centre", "exceptions", "close", str(double["id"]), "--note", "x")
    assert text.returncode == 2 and "没有编号为" in text.stderr


def test_the_package_for_a_station_is_signed_by_the_centre(centre_dir, tmp_path):
    ok_json(centre_dir, "centre", "notice", "add", "--title", "十二月例会", "--body", "周五")
    revoked = ok_json(centre_dir, "centre", "revoke-key", "XH01", "1", "--reason", "电脑被盗")
    assert revoked["key_id"] == 1
    target = tmp_path / "centre-XH01-00001.sdpkg"
    done = ok_json(centre_dir, "centre", "package-for", "XH01", "--to", str(target))
    assert done["seq"] == 1 and done["counts"]["notice"] == 1
    assert done["counts"]["revoked_key"] == 1 and done["counts"]["catalogue"] > 0
    package = package_file.open_package(target)
    assert package.manifest["direction"] == "centre" and package.manifest["station"] == "XH01"
    assert ok_json(centre_dir, "centre", "package-for", "XH01", "--to",
                   str(tmp_path / "next.sdpkg"))["seq"] == 2


def test_each_role_refuses_the_other_s_commands(centre_dir, tmp_path):
    station = tmp_path / "station"
    ok_json(station, "init", "--station-code", "XH09", "--station-name", "第九站",
            "--admin", "admin")
    ring = tmp_path / "XH09.json"
    ring.write_text(run(station, "--json", "keys", "export").stdout, encoding="utf-8")
    added = ok_json(centre_dir, "centre", "add-station", "XH09", "--institute", INSTITUTE,
                    "--keyring", str(ring))  # the station's own export, as it prints it
    assert added["keys_added"] == [1] and added["name"] == "第九站"
    at_centre = run(centre_dir, "--as", "admin", "deed", "types")
    assert at_centre.returncode == 2 and "区中心的数据库" in at_centre.stderr
    at_station = run(station, "centre", "stations")
    assert at_station.returncode == 2 and "不是区中心" in at_station.stderr
    assert run(station, "centre", "init", "--name", "中心").returncode == 2
    assert run(station, "package", "import", str(ring)).returncode == 2
    signed = run(centre_dir, "--as", "admin", "centre", "stations")
    assert signed.returncode == 2 and "--as" in signed.stderr
    lines = run(centre_dir, "centre", "stations")
    assert lines.returncode == 0 and "第九站：尚未上报" in lines.stdout
