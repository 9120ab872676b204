"""``centre package-for``: the signed package the centre sends a station, with the
district's catalogue (every deed type, so the station sees the whole current list),
the notices for it or for all, the keys of that station the centre revoked and the open
exceptions concerning it. Each package has its own number per station."""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.models import DeedType, write_transaction
from app.models.district import CentreNotice, MemberKey, MemberStation, ReturnPackage
from app.services import centre, centre_exceptions, centre_members, package_file
from app.services.context import Context
from app.services.xlsx_out import check_target


@dataclass(frozen=True)
class Written:
    station: str
    seq: int
    path: str
    sha256: str
    counts: dict[str, int]


def _stamp(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else str(value)


def _catalogue() -> Iterator[dict]:
    names = [f.name for f in DeedType._meta.sorted_fields if f.name != "id"]
    for t in DeedType.select().order_by(DeedType.sort_order, DeedType.code):
        yield {"kind": "catalogue", "uid": t.code,
               "data": {n: getattr(t, n) for n in names}}


def _records(station: MemberStation) -> Iterator[dict]:
    yield from _catalogue()
    for n in (CentreNotice.select()
              .where(CentreNotice.station.is_null() | (CentreNotice.station == station))
              .order_by(CentreNotice.id)):
        yield {"kind": "notice", "uid": n.uid,
               "data": {"title": n.title, "body": n.body, "created_at": _stamp(n.created_at)}}
    for k in (MemberKey.select().where(MemberKey.station == station,
                                       MemberKey.revoked_at.is_null(False))
              .order_by(MemberKey.key_id)):
        yield {"kind": "revoked_key", "uid": f"{station.code}-K{k.key_id}",
               "amount": k.key_id, "data": {"revoked_at": _stamp(k.revoked_at)}}
    for e in centre_exceptions.listed(station.code):
        yield {"kind": "exception", "uid": e.uid, "category": e.kind, "ref": e.subject,
               "data": {**e.detail, "title": f"{e.kind_zh}：{e.subject}",
                        "body": centre_exceptions.describe(e), "found_at": e.found_at}}


def package_for(ctx: Context, code: str, to: Path) -> Written:
    """Write the next package for station ``code`` to ``to`` and record it."""
    home = centre.require_centre()
    target = check_target(to)
    key = centre.private_key(ctx, home)
    with write_transaction():
        station = centre_members.member(code)
        seq = station.sent_seq + 1
        now = ctx.clock.now()
        manifest = {"direction": "centre", "centre": {"uid": home.uid, "name": home.name},
                    "public_key": base64.b64encode(bytes(home.public_key)).decode("ascii"),
                    "station": station.code, "seq": seq, "exported_at": now.isoformat()}
        sha, counts = package_file.write(target, manifest, _records(station), key)
        ReturnPackage.create(station=station, seq=seq, sha256=sha,
                             counts=json.dumps(counts, sort_keys=True), created_at=now,
                             request_id=uuid.uuid4().hex)
        station.sent_seq = seq
        station.save()
        centre.record(ctx, "centre.package.write", f"{station.code}-{seq:05d}",
                      {"sha256": sha, "counts": counts})
    return Written(station.code, seq, str(target), sha, counts)
