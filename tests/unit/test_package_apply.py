"""A package from the centre applied at the station: the centre's key pinned once its
fingerprint was checked, a repeat, an older package, another key, another station's
package refused with nothing changed; catalogue, notices, exceptions and this station's
revoked keys applied in one transaction."""

from __future__ import annotations

import json
import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.models import CentreMessage, CentrePackage, DeedType, SigningKey
from app.services import catalogue, package_apply, package_export
from app.services.errors import InvalidInput, PermissionDenied
from app.services.errors.packages import (
    CentreKeyChanged,
    CentreKeyUntrusted,
    CentrePackageStale,
    PackageTampered,
    PackageWrongDirection,
    PackageWrongStation,
)
from tests import centre_packages as cp


@pytest.fixture
def centre_key():
    return Ed25519PrivateKey.generate()


@pytest.fixture
def first(ctx, tmp_path, centre_key):
    """The centre's first package, applied with its fingerprint checked."""
    path = cp.standard(tmp_path / "centre-XH01-00001.sdpkg", centre_key)
    return package_apply.apply(ctx, path, trust=cp.fingerprint(centre_key))


def test_the_first_package_waits_for_its_fingerprint(ctx, tmp_path, centre_key, counts):
    path = cp.standard(tmp_path / "c1.sdpkg", centre_key)
    before = counts()
    with pytest.raises(CentreKeyUntrusted) as refused:
        package_apply.apply(ctx, path)
    assert refused.value.fingerprint == cp.fingerprint(centre_key)
    with pytest.raises(CentreKeyUntrusted):
        package_apply.apply(ctx, path, trust="0000 0000 0000 0000")
    assert counts() == before


def test_a_package_changes_what_it_says(ctx, first, centre_key):
    assert first["catalogue"] == {"added": ["GARBAGE_SORT"], "changed": ["ENV_CLEANUP"],
                                  "unchanged": 0}
    assert catalogue.get_type("GARBAGE_SORT").name_zh == "垃圾分类示范"
    assert catalogue.get_type("ENV_CLEANUP").points == 5
    assert first["notices"] == ["十二月文明实践活动安排"]
    assert first["exceptions"] == ["double_redemption：XH01-2026-000001"]
    assert first["pinned"] and first["ignored"] == 1  # another station's key
    kept = CentrePackage.get()
    assert bytes(kept.public_key) == cp.public(centre_key)
    assert json.loads(kept.summary) == first
    messages = package_apply.messages()
    assert {m["kind"] for m in messages} == {"notice", "exception"}
    assert not any(m["read"] for m in messages)


def test_a_message_is_marked_read(ctx, first):
    package_apply.mark_read(ctx, "N-1")
    read = {m["uid"]: m["read"] for m in package_apply.messages()}
    assert read == {"N-1": True, "X-1": False}


def test_a_repeat_or_an_older_package_is_refused(ctx, first, tmp_path, centre_key, counts):
    again = cp.standard(tmp_path / "again.sdpkg", centre_key)
    before = counts()
    with pytest.raises(CentrePackageStale) as refused:
        package_apply.apply(ctx, again)
    assert "已经导入过" in str(refused.value)
    package_apply.apply(ctx, cp.write(tmp_path / "c3.sdpkg", centre_key, 3, []))
    older = cp.write(tmp_path / "c2.sdpkg", centre_key, 2, [cp.notice("N-2", "迟到的通知")])
    before = counts()
    with pytest.raises(CentrePackageStale) as refused:
        package_apply.apply(ctx, older)
    assert "更早" in str(refused.value) and counts() == before


def test_a_gap_is_applied_and_said(ctx, first, tmp_path, centre_key):
    done = package_apply.apply(ctx, cp.write(tmp_path / "c5.sdpkg", centre_key, 5, []))
    assert done["gap"] is True and not done["pinned"]


def test_another_key_is_refused_after_the_first(ctx, first, tmp_path, counts):
    other = Ed25519PrivateKey.generate()
    path = cp.write(tmp_path / "c2.sdpkg", other, 2, [cp.notice("N-9", "假通知")])
    before = counts()
    with pytest.raises(CentreKeyChanged):
        package_apply.apply(ctx, path, trust=cp.fingerprint(other))
    assert counts() == before


def test_another_stations_package_is_refused(ctx, tmp_path, centre_key, counts):
    path = cp.standard(tmp_path / "centre-XH02.sdpkg", centre_key, station="XH02")
    before = counts()
    with pytest.raises(PackageWrongStation):
        package_apply.apply(ctx, path, trust=cp.fingerprint(centre_key))
    assert counts() == before


def test_a_changed_package_is_refused(ctx, tmp_path, centre_key):
    signed = cp.standard(tmp_path / "c1.sdpkg", centre_key)
    path = tmp_path / "changed.sdpkg"
    with zipfile.ZipFile(signed) as old, zipfile.ZipFile(path, "w") as new:
        for name in old.namelist():
            body = old.read(name)
            new.writestr(name, body.replace("十二月".encode(), "十一月".encode()))
    with pytest.raises(PackageTampered):
        package_apply.apply(ctx, path, trust=cp.fingerprint(centre_key))
    assert not CentreMessage.select().exists()


def test_the_stations_own_package_is_not_applied(ctx, tmp_path):
    done = package_export.export(ctx, tmp_path)
    with pytest.raises(PackageWrongDirection):
        package_apply.apply(ctx, done.file, trust="x")


def test_this_stations_revoked_key_is_revoked(ctx, tmp_path, centre_key):
    key_id = SigningKey.select().order_by(SigningKey.key_id.desc()).first().key_id
    path = cp.write(tmp_path / "c1.sdpkg", centre_key, 1,
                    [cp.revoked("XH01", key_id), cp.revoked("XH02", key_id)])
    done = package_apply.apply(ctx, path, trust=cp.fingerprint(centre_key))
    assert SigningKey.get(SigningKey.key_id == key_id).revoked_at is not None
    assert [r["key_id"] for r in done["revoked_keys"]] == [key_id]
    assert SigningKey.select().where(SigningKey.revoked_at.is_null()).exists()


def test_a_bad_record_applies_nothing_of_the_package(ctx, tmp_path, centre_key, counts):
    path = cp.write(tmp_path / "c1.sdpkg", centre_key, 1, [
        cp.notice("N-1", "通知"), cp.catalogue({**cp.NEW_TYPE, "category": "unknown"})])
    before = counts()
    with pytest.raises(InvalidInput):
        package_apply.apply(ctx, path, trust=cp.fingerprint(centre_key))
    assert counts() == before
    assert not DeedType.select().where(DeedType.code == "GARBAGE_SORT").exists()


def test_a_clerk_may_not_apply(clerk_ctx, tmp_path, centre_key):
    path = cp.standard(tmp_path / "c1.sdpkg", centre_key)
    with pytest.raises(PermissionDenied):
        package_apply.apply(clerk_ctx, path, trust=cp.fingerprint(centre_key))
