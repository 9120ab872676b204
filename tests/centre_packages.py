"""Packages from the centre for a station, written in tests as the centre writes them
(``package_file.write`` with a generated Ed25519 key), before the centre side exists."""

from __future__ import annotations

import base64
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.services import package_file

NEW_TYPE = {"code": "GARBAGE_SORT", "name": "垃圾分类示范", "name_en": "Waste sorting model",
            "category": "social", "points": 3, "unit": "per_time", "cap_quantity": None,
            "cap_period": None, "needs_review": False, "active": True}


def public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def fingerprint(key: Ed25519PrivateKey) -> str:
    return package_file.fingerprint(public(key))


def notice(uid: str, title: str, body: str = "") -> dict:
    return {"kind": "notice", "uid": uid, "day": None, "resident": None, "amount": None,
            "category": None, "ref": None,
            "data": {"title": title, "body": body, "created_at": "2026-11-20T10:00:00"}}


def catalogue(data: dict) -> dict:
    return {"kind": "catalogue", "uid": data["code"], "day": None, "resident": None,
            "amount": None, "category": data.get("category"), "ref": None, "data": data}


def revoked(code: str, key_id: int) -> dict:
    return {"kind": "revoked_key", "uid": f"{code}-K{key_id}", "day": None, "resident": None,
            "amount": key_id, "category": None, "ref": None,
            "data": {"revoked_at": "2026-11-20T10:00:00"}}


def exception(uid: str, kind: str, subject: str, detail: dict) -> dict:
    return {"kind": "exception", "uid": uid, "day": None, "resident": None, "amount": None,
            "category": kind, "ref": subject, "data": detail}


def write(path: Path, key: Ed25519PrivateKey, seq: int, records: list[dict],
          station: str = "XH01") -> Path:
    manifest = {"direction": "centre", "centre": {"uid": "CTR-1", "name": "新华区文明实践中心"},
                "public_key": base64.b64encode(public(key)).decode("ascii"),
                "station": station, "seq": seq, "exported_at": "2026-11-20T10:00:00"}
    package_file.write(path, manifest, iter(records), key)
    return path


def standard(path: Path, key: Ed25519PrivateKey, seq: int = 1, station: str = "XH01") -> Path:
    """A package with one of each: a new deed type, a changed one, a notice, an
    exception about this station, another station's revoked key."""
    return write(path, key, seq, [
        catalogue(NEW_TYPE),
        catalogue({"code": "ENV_CLEANUP", "points": 5}),
        notice(f"N-{seq}", "十二月文明实践活动安排", "请各站于 12 月 5 日前上报。"),
        exception(f"X-{seq}", "double_redemption", f"{station}-2026-000001",
                  {"stations": [station, "XH02"]}),
        revoked("XH02", 1),
    ], station)
