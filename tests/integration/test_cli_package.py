"""``station-desk package …`` from a script: a station head exports the package for the
centre, decides whether identities go with it, and applies the centre's package back."""

from __future__ import annotations

import json
import zipfile

import pytest
from cli_helpers import new_station, ok_json, run
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests import centre_packages as cp


@pytest.fixture(scope="module")
def station(tmp_path_factory):
    data = new_station(tmp_path_factory.mktemp("station"))
    ok_json(data, "--as", "admin", "demo", "--residents", "30", "--seed", "6")
    return data


def test_an_admin_exports_the_package_and_the_next_starts_after_it(station, tmp_path):
    first = ok_json(station, "--as", "admin", "package", "export", "--to", str(tmp_path))
    assert {"file", "seq", "full", "period", "counts", "sha256", "bytes", "seconds"} <= set(first)
    assert first["file"].endswith(f"XH01-{first['seq']:05d}.sdpkg")
    assert first["counts"]["resident"] == 30 and first["counts"]["ledger"] > 0
    second = ok_json(station, "--as", "admin", "package", "export", "--to",
                     str(tmp_path / "next.sdpkg"))
    assert second["seq"] == first["seq"] + 1 and "ledger" not in second["counts"]
    assert second["period"]["from"] == first["period"]["to"]
    whole = ok_json(station, "--as", "admin", "package", "export", "--full", "--to",
                    str(tmp_path / "full.sdpkg"))
    assert whole["full"] and whole["counts"]["ledger"] == first["counts"]["ledger"]
    said = run(station, "--as", "admin", "package", "export", "--to", str(tmp_path))
    assert said.returncode == 0 and "上报包" in said.stdout and "化名" in said.stdout


def test_a_clerk_may_not_export(station, tmp_path):
    ok_json(station, "--as", "admin", "clerk", "add", "zhou", "--name", "周敏")
    refused = run(station, "--json", "--as", "zhou", "package", "export", "--to",
                  str(tmp_path), password="Clerk-2026?")
    assert refused.returncode == 2
    assert json.loads(refused.stdout)["error"] == "permission_denied"
    assert not list(tmp_path.glob("*.sdpkg"))


def test_identity_sharing_is_turned_on_and_off_by_an_admin(tmp_path):
    data = new_station(tmp_path / "s")
    ok_json(data, "--as", "admin", "resident", "add", "--name", "欧阳娜仁",
            "--phone", "13812345678")
    assert ok_json(data, "--as", "admin", "package", "identities")["identities"] is False
    assert ok_json(data, "--as", "admin", "package", "identities", "on")["identities"]
    shared = ok_json(data, "--as", "admin", "package", "export", "--to", str(tmp_path))
    with zipfile.ZipFile(shared["file"]) as zf:
        assert "欧阳娜仁" in zf.read("records.jsonl").decode()
    ok_json(data, "--as", "admin", "package", "identities", "off")
    hidden = ok_json(data, "--as", "admin", "package", "export", "--full", "--to",
                     str(tmp_path / "hidden.sdpkg"))
    with zipfile.ZipFile(hidden["file"]) as zf:
        text = "".join(zf.read(n).decode() for n in zf.namelist())
    assert "欧阳娜仁" not in text and "13812345678" not in text


def test_the_centres_package_is_applied_after_its_fingerprint_is_checked(tmp_path):
    data = new_station(tmp_path / "s")
    key = Ed25519PrivateKey.generate()
    path = cp.standard(tmp_path / "centre-XH01-00001.sdpkg", key)
    first = run(data, "--as", "admin", "package", "apply", str(path))
    assert first.returncode == 2 and cp.fingerprint(key) in first.stderr
    assert len(first.stderr.strip().splitlines()) == 1
    applied = run(data, "--as", "admin", "package", "apply", str(path),
                  "--trust", cp.fingerprint(key))
    assert applied.returncode == 0, applied.stderr
    assert "GARBAGE_SORT" in applied.stdout and "十二月文明实践活动安排" in applied.stdout
    again = run(data, "--json", "--as", "admin", "package", "apply", str(path))
    assert json.loads(again.stdout)["error"] == "centre_package_stale"
    other = cp.standard(tmp_path / "other.sdpkg", key, seq=2, station="XH02")
    wrong = run(data, "--json", "--as", "admin", "package", "apply", str(other))
    assert json.loads(wrong.stdout)["error"] == "package_wrong_station"
    listed = ok_json(data, "--as", "admin", "package", "messages", "--read", "N-1")
    assert {m["uid"]: m["read"] for m in listed["messages"]} == {"N-1": True, "X-1": False}
