"""Applying a package from the district centre at the station (``package apply``):
catalogue updates, notices, revoked keys and the exceptions that concern this station.

The first package applied pins the centre's public key, once an admin has compared its
fingerprint with the centre's (``trust``); every later package must be signed by that
key. Packages are applied in their numbers' order: a repeat or an older one is refused
(a gap is allowed and said: the centre's later packages carry its whole state). The
whole package is applied in one transaction, or nothing of it is.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from dataclasses import fields
from pathlib import Path

import peewee as pw

from app.models import CentreMessage, CentrePackage, SigningKey, Station, write_transaction
from app.services import audit, catalogue, package_file, revocation
from app.services.context import Context
from app.services.errors import NotInitialised
from app.services.errors.packages import (
    CentreKeyChanged,
    CentreKeyUntrusted,
    CentrePackageStale,
    PackageBadSignature,
    PackageDamaged,
    PackageWrongDirection,
    PackageWrongStation,
)
from app.services.permissions import require

_TYPE_FIELDS = {f.name for f in fields(catalogue.DeedTypeInfo)} - {"code"}


def pinned_key() -> bytes | None:
    """The centre's public key this station trusts (from the first package applied)."""
    first = CentrePackage.select(CentrePackage.public_key).order_by(CentrePackage.seq).first()
    return bytes(first.public_key) if first else None


def _declared_key(pkg: package_file.Package) -> bytes:
    try:
        key = base64.b64decode(str(pkg.manifest.get("public_key", "")), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise PackageDamaged(path=str(pkg.path), detail="public_key") from exc
    if len(key) != 32:
        raise PackageDamaged(path=str(pkg.path), detail="public_key")
    return key


def _checked(path: Path, code: str, trust: str | None) -> tuple[package_file.Package, bytes,
                                                                 bool]:
    """The package once its direction, key, signature, records and address check; and
    whether its key is to be pinned now."""
    pkg = package_file.open_package(path)
    direction = str(pkg.manifest.get("direction"))
    if direction != "centre":
        raise PackageWrongDirection(path=str(path), direction=direction)
    key, pinned = _declared_key(pkg), pinned_key()
    if pinned is not None and key != pinned:
        raise CentreKeyChanged(path=str(path), fingerprint=package_file.fingerprint(key),
                               pinned=package_file.fingerprint(pinned))
    if not pkg.verify(key):
        raise PackageBadSignature(path=str(path), signer="区中心 / the centre",
                                  key_id=package_file.fingerprint(key))
    if pinned is None and (trust or "").replace(" ", "") != \
            package_file.fingerprint(key).replace(" ", ""):
        raise CentreKeyUntrusted(fingerprint=package_file.fingerprint(key))
    pkg.check_records()
    addressed = str(pkg.manifest.get("station"))
    if addressed != code:
        raise PackageWrongStation(path=str(path), addressed=addressed, station=code)
    return pkg, key, pinned is None


def apply(ctx: Context, path: Path, trust: str | None = None) -> dict:
    """Apply the centre's package at ``path``; returns what changed (also kept in
    ``CentrePackage.summary``)."""
    require(ctx, "package.apply")
    station = Station.select().first()
    if station is None:
        raise NotInitialised()
    pkg, key, pinning = _checked(Path(path), station.code, trust)
    seq = pkg.manifest.get("seq")
    if not isinstance(seq, int) or seq < 1:
        raise PackageDamaged(path=str(path), detail="seq")
    with write_transaction():
        last = CentrePackage.select(pw.fn.MAX(CentrePackage.seq)).scalar() or 0
        if seq <= last:
            repeat = seq == last or CentrePackage.select().where(
                CentrePackage.seq == seq).exists()
            raise CentrePackageStale(
                path=str(path), seq=str(seq), last=str(last),
                why="这个包已经导入过" if repeat else "这是一个更早的包",
                why_en="this package was applied already" if repeat else "it is older")
        summary = {"seq": seq, "centre": _centre_name(pkg), "gap": seq != last + 1,
                   "fingerprint": package_file.fingerprint(key), "pinned": pinning,
                   "catalogue": {"added": [], "changed": [], "unchanged": 0},
                   "notices": [], "exceptions": [], "revoked_keys": [], "ignored": 0}
        applied = CentrePackage.create(
            seq=seq, centre_name=summary["centre"], public_key=key, sha256=pkg.sha256,
            summary="{}", clerk=ctx.actor.clerk_id if ctx.actor else None,
            request_id=uuid.uuid4().hex, applied_at=ctx.clock.now())
        for rec in pkg.records():
            _apply_one(ctx, station.code, applied, rec, summary)
        applied.summary = json.dumps(summary, ensure_ascii=False)
        applied.save()
        audit.record(ctx, "package.apply", str(seq), summary)
    return summary


def _centre_name(pkg: package_file.Package) -> str:
    centre = pkg.manifest.get("centre")
    return str(centre.get("name", "")) if isinstance(centre, dict) else ""


def _apply_one(ctx: Context, code: str, package: CentrePackage, rec: dict,
               summary: dict) -> None:
    kind, data = rec.get("kind"), rec.get("data") or {}
    if kind == "catalogue":
        _deed_type(ctx, str(rec["uid"]), data, summary["catalogue"])
    elif kind in ("notice", "exception"):
        title = (str(data.get("title", "")) if kind == "notice"
                 else f"{rec.get('category') or '异常'}：{rec.get('ref') or ''}")
        body = (str(data.get("body", "")) if kind == "notice"
                else json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))
        _, made = CentreMessage.get_or_create(
            uid=str(rec["uid"]), defaults={"kind": kind, "title": title[:255], "body": body,
                                           "package": package,
                                           "received_at": ctx.clock.now()})
        if made:
            summary["notices" if kind == "notice" else "exceptions"].append(title)
    elif kind == "revoked_key" and str(rec.get("uid", "")).startswith(f"{code}-K"):
        _revoke(ctx, int(rec["amount"]), package.seq, summary)
    else:
        summary["ignored"] += 1


def _deed_type(ctx: Context, code: str, data: dict, said: dict) -> None:
    wanted = {k: v for k, v in data.items() if k in _TYPE_FIELDS}
    if "name" in data and "name_zh" not in wanted:
        wanted["name_zh"] = data["name"]
    existing = catalogue.DeedType.get_or_none(catalogue.DeedType.code == code)
    if existing is not None:
        now = catalogue.info_of(existing).__dict__
        wanted = {k: v for k, v in wanted.items() if now.get(k) != v}
        if not wanted:
            said["unchanged"] += 1
            return
    else:
        wanted.setdefault("name_en", wanted.get("name_zh", code))
    catalogue.save_type(ctx, code, **wanted)
    said["changed" if existing else "added"].append(code)


def _revoke(ctx: Context, key_id: int, seq: int, summary: dict) -> None:
    key = SigningKey.get_or_none(SigningKey.key_id == key_id)
    if key is None or key.revoked_at is not None:
        summary["ignored"] += 1
        return
    done = revocation.revoke(ctx, key_id, f"区中心第 {seq} 号包吊销此密钥")
    summary["revoked_keys"].append(done)


def summary_lines(r: dict) -> list[str]:
    """What a package changed, as the CLI prints it and the window shows it."""
    lines = [f"已导入区中心（{r['centre']}）第 {r['seq']} 号包"
             + ("；中心公钥已认定，指纹 " + r["fingerprint"] if r["pinned"] else "")]
    if r["gap"]:
        lines.append("注意：中间有未收到的包（序号不连续），请向区中心索取。")
    cat = r["catalogue"]
    if cat["added"] or cat["changed"]:
        lines.append(f"积分目录：新增 {'、'.join(cat['added']) or '无'}；"
                     f"修改 {'、'.join(cat['changed']) or '无'}")
    lines += [f"通知：{t}" for t in r["notices"]]
    lines += [f"异常：{t}" for t in r["exceptions"]]
    lines += [f"已吊销本站密钥 {k['key_id']}（未兑付的券 {k['stranded']} 张）"
              for k in r["revoked_keys"]]
    if len(lines) == 1:
        lines.append("没有需要改动的内容。")
    return lines


def messages() -> list[dict]:
    """The centre's notices and exceptions, unread first, newest first."""
    query = CentreMessage.select().order_by(CentreMessage.read_at.is_null(False),
                                            CentreMessage.id.desc())
    return [{"uid": m.uid, "kind": m.kind, "title": m.title, "body": m.body,
             "received_at": m.received_at.isoformat(sep=" "), "read": m.read_at is not None}
            for m in query]


def mark_read(ctx: Context, uid: str) -> None:
    require(ctx, "package.apply")
    with write_transaction():
        CentreMessage.update(read_at=ctx.clock.now()).where(
            CentreMessage.uid == uid, CentreMessage.read_at.is_null()).execute()
        audit.record(ctx, "centre_message.read", uid)
