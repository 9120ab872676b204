"""The centre's organisation tree: institutes (实践所), the stations under them with the
public keyrings they exported (``station-desk keys export``), keys the centre revokes,
and the notices it sends down."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from app.models import write_transaction
from app.models.district import (
    CentreNotice,
    DistrictException,
    Institute,
    MemberKey,
    MemberStation,
)
from app.services import centre, text
from app.services.context import Context
from app.services.errors import InvalidStationCode
from app.services.errors.centre import (
    InstituteExists,
    InstituteNotFound,
    KeyringConflict,
    KeyringInvalid,
    MemberKeyNotFound,
    MemberStationNotFound,
)
from app.services.tokens import STATION_CODE

INSTITUTE_NAME = text.Kind("实践所名称", "The institute's name", 60)
NOTICE_TITLE = text.Kind("通知标题", "The notice's title", 100)
NOTICE_BODY = text.Kind("通知内容", "The notice's body", 4000, multiline=True)
REASON = text.Kind("吊销理由", "The reason", 500, multiline=True)


def add_institute(ctx: Context, name: str) -> str:
    centre.require_centre()
    name = text.clean(name, INSTITUTE_NAME, required=True, field="name")
    with write_transaction():
        if Institute.select().where(Institute.name == name).exists():
            raise InstituteExists(name=name)
        uid = uuid.uuid4().hex
        Institute.create(uid=uid, name=name, created_at=ctx.clock.now())
        centre.record(ctx, "centre.institute.add", uid, {"name": name})
    return uid


@dataclass(frozen=True)
class Registered:
    code: str
    name: str
    institute: str
    new: bool  # registered now (False: its keyring brought up to date)
    keys_added: list[int]
    keys_revoked: list[int]


def _read_keyring(path: Path) -> dict:
    def bad(zh: str, en: str) -> KeyringInvalid:
        return KeyringInvalid(path=str(path), reason=zh, reason_en=en)

    try:
        ring = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise bad("文件不存在", "no such file") from None
    except (OSError, UnicodeDecodeError, ValueError):
        raise bad("不是 JSON 文件", "not a JSON file") from None
    if isinstance(ring, dict) and "keys" not in ring and isinstance(ring.get("keyring"), dict):
        ring = ring["keyring"]  # as `--json keys export` wraps it
    if not isinstance(ring, dict) or not isinstance(ring.get("keys"), list):
        raise bad("没有 keys 列表", "it has no list of keys")
    if ring.get("algorithm", "Ed25519") != "Ed25519":
        raise bad("算法不是 Ed25519", "the algorithm is not Ed25519")
    for key in ring["keys"]:
        try:
            int(key["key_id"])
            raw = base64.b64decode(key["public_key"], validate=True)
            dt.date.fromisoformat(key["valid_from"])
            if key.get("retired_on") is not None:
                dt.date.fromisoformat(key["retired_on"])
        except (KeyError, TypeError, ValueError, binascii.Error):
            raise bad("密钥条目不完整", "a key entry is incomplete") from None
        if len(raw) != 32:
            raise bad("公钥长度不对", "a public key has the wrong length")
    return ring


def add_station(ctx: Context, code: str, institute: str, keyring: Path,
                name: str | None = None) -> Registered:
    """Register a station and its keyring, or bring a registered one's keyring up to
    date: new keys are added, keys the station revoked are marked revoked from now (a
    package it wrote before stays good). A key id never changes its key."""
    centre.require_centre()
    code = code.strip().upper()
    if not STATION_CODE.fullmatch(code):
        raise InvalidStationCode()
    ring = _read_keyring(keyring)
    if str(ring.get("station", code)).upper() != code:
        raise KeyringInvalid(path=str(keyring), reason=f"它是站点 {ring['station']} 的公钥",
                             reason_en=f"it is station {ring['station']}'s keyring")
    now = ctx.clock.now()
    with write_transaction():
        home = Institute.get_or_none(Institute.name == institute.strip())
        if home is None:
            raise InstituteNotFound(name=institute.strip())
        station = MemberStation.get_or_none(MemberStation.code == code)
        new = station is None
        label = text.clean(name or ring.get("name") or "", text.STATION_NAME)
        if station is None:
            station = MemberStation.create(code=code, name=label, institute=home,
                                           registered_at=now)
        else:
            station.institute = home
            station.name = label or station.name
            station.save()
        added, revoked = _merge_keys(station, ring, keyring, now)
        centre.record(ctx, "centre.station.add" if new else "centre.station.update", code,
                      {"institute": home.name, "keys_added": added, "keys_revoked": revoked})
    return Registered(code, station.name, home.name, new, added, revoked)


def _merge_keys(station: MemberStation, ring: dict, path: Path,
                now: dt.datetime) -> tuple[list[int], list[int]]:
    known = {k.key_id: k for k in station.keys}
    added, revoked = [], []
    for entry in ring["keys"]:
        key_id = int(entry["key_id"])
        raw = base64.b64decode(entry["public_key"])
        retired = entry.get("retired_on")
        key = known.get(key_id)
        if key is None:
            key = MemberKey.create(station=station, key_id=key_id, public_key=raw,
                                   valid_from=dt.date.fromisoformat(entry["valid_from"]),
                                   retired_on=dt.date.fromisoformat(retired) if retired else None)
            added.append(key_id)
        elif bytes(key.public_key) != raw:
            raise KeyringConflict(station=station.code, key_id=str(key_id))
        elif retired and key.retired_on is None:
            key.retired_on = dt.date.fromisoformat(retired)
            key.save()
        if entry.get("revoked") and key.revoked_at is None:
            key.revoked_at = now
            key.save()
            revoked.append(key_id)
    return added, revoked


def member(code: str) -> MemberStation:
    station = MemberStation.get_or_none(MemberStation.code == code.strip().upper())
    if station is None:
        raise MemberStationNotFound(station=code)
    return station


def revoke_key(ctx: Context, code: str, key_id: int, reason: str) -> dt.datetime:
    """Revoke a station's key at the centre (a stolen desk PC): packages it signs after
    now are refused, and the next package for the station tells it so."""
    centre.require_centre()
    reason = text.clean(reason, REASON, required=True, field="reason")
    now = ctx.clock.now()
    with write_transaction():
        station = member(code)
        key = MemberKey.get_or_none(MemberKey.station == station, MemberKey.key_id == key_id)
        if key is None:
            raise MemberKeyNotFound(station=station.code, key_id=str(key_id))
        if key.revoked_at is None:
            key.revoked_at = now
            key.save()
        centre.record(ctx, "centre.key.revoke", f"{station.code}-K{key_id}",
                      {"reason": reason, "revoked_at": str(key.revoked_at)})
    return key.revoked_at


def add_notice(ctx: Context, title: str, body: str, code: str | None = None) -> str:
    """A notice for one station, or (no code) for every station, sent with the next
    packages the centre writes for them."""
    centre.require_centre()
    title = text.clean(title, NOTICE_TITLE, required=True, field="title")
    body = text.clean(body, NOTICE_BODY, field="body")
    with write_transaction():
        station = member(code) if code else None
        uid = uuid.uuid4().hex
        CentreNotice.create(uid=uid, station=station, title=title, body=body,
                            created_at=ctx.clock.now())
        centre.record(ctx, "centre.notice.add", uid,
                      {"title": title, "station": station.code if station else None})
    return uid


@dataclass(frozen=True)
class StationRow:
    institute: str
    code: str
    name: str
    keys: int
    last_seq: int | None
    last_exported_at: str | None
    last_imported_at: str | None
    open_exceptions: int


def stations() -> list[StationRow]:
    """The tree, institute by institute, with where each station's packages have got to."""
    centre.require_centre()
    open_counts: dict[int, int] = {}
    for exc in DistrictException.select(DistrictException.station).where(
            DistrictException.state == "open"):
        open_counts[exc.station_id] = open_counts.get(exc.station_id, 0) + 1
    rows = []
    for home in Institute.select().order_by(Institute.name):
        for s in home.stations.order_by(MemberStation.code):
            rows.append(StationRow(home.name, s.code, s.name, s.keys.count(), s.last_seq,
                                   _iso(s.last_exported_at), _iso(s.last_imported_at),
                                   open_counts.get(s.id, 0)))
    return rows


def institutes() -> list[str]:
    centre.require_centre()
    return [i.name for i in Institute.select().order_by(Institute.name)]


def _iso(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.datetime) else str(value)

