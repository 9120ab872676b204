"""The package file: what is written reads back, and a changed, cut or re-signed file is
refused before any record is trusted."""

from __future__ import annotations

import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.services import package_file
from app.services.errors.packages import PackageDamaged, PackageTampered, PackageUnsupported

RECORDS = [{"kind": "ledger", "uid": "E1", "amount": 5, "data": {"note": "捡垃圾"}},
           {"kind": "ledger", "uid": "E2", "amount": -3, "data": {}},
           {"kind": "voucher", "uid": "AB01-2026-000001", "amount": 10, "data": {}}]


def _public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


@pytest.fixture
def key():
    return Ed25519PrivateKey.generate()


@pytest.fixture
def written(tmp_path, key):
    path = tmp_path / "AB01-00001.sdpkg"
    sha, counts = package_file.write(path, {"station": {"code": "AB01"}, "seq": 1},
                                     iter(RECORDS), key)
    return path, sha, counts


def test_a_package_reads_back_as_written(written, key):
    path, sha, counts = written
    assert counts == {"ledger": 2, "voucher": 1}
    package = package_file.open_package(path)
    assert package.sha256 == sha and package.manifest["seq"] == 1
    assert package.manifest["counts"] == counts
    assert package.verify(_public(key))
    package.check_records()
    assert list(package.records()) == RECORDS
    assert not list(path.parent.glob(".*partial"))


def test_another_key_does_not_verify(written):
    package = package_file.open_package(written[0])
    assert not package.verify(_public(Ed25519PrivateKey.generate()))


def _rewrite(path, member: str, body: bytes) -> None:
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members[member] = body
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def test_changed_records_are_refused(written):
    path = written[0]
    with zipfile.ZipFile(path) as zf:
        body = zf.read(package_file.RECORDS)
    _rewrite(path, package_file.RECORDS, body.replace(b'"amount":5', b'"amount":50'))
    package = package_file.open_package(path)
    with pytest.raises(PackageTampered):
        package.check_records()


def test_a_changed_manifest_no_longer_verifies(written, key):
    path = written[0]
    with zipfile.ZipFile(path) as zf:
        body = zf.read(package_file.MANIFEST)
    _rewrite(path, package_file.MANIFEST, body.replace(b'"seq":1', b'"seq":2'))
    package = package_file.open_package(path)
    assert package.manifest["seq"] == 2 and not package.verify(_public(key))


def test_a_truncated_file_is_damaged(written):
    path = written[0]
    path.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(PackageDamaged):
        package_file.open_package(path)


def test_a_missing_member_or_other_file_is_damaged(written, tmp_path):
    path = written[0]
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist() if n != package_file.SIGNATURE}
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    with pytest.raises(PackageDamaged, match="manifest.sig"):
        package_file.open_package(path)
    other = tmp_path / "roster.xlsx"
    other.write_bytes(b"not a zip")
    with pytest.raises(PackageDamaged):
        package_file.open_package(other)
    with pytest.raises(PackageDamaged):
        package_file.open_package(tmp_path / "absent.sdpkg")


def test_a_newer_format_is_named(written):
    path = written[0]
    with zipfile.ZipFile(path) as zf:
        body = zf.read(package_file.MANIFEST)
    _rewrite(path, package_file.MANIFEST, body.replace(b'"version":1', b'"version":7'))
    with pytest.raises(PackageUnsupported, match="7"):
        package_file.open_package(path)
