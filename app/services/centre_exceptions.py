"""The centre's exception list: what merging found that people must follow up (a voucher
redeemed in two places, a record contradicting another, a package number used twice, a
missing package, a station clock far off), like an offline-circulation exception list.

An exception's uid is made from what it is about, so finding the same thing again (a
second copy of the same conflict) lists it once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.models import write_transaction
from app.models.district import DistrictException, MemberStation, PackageReceipt
from app.services import centre, text
from app.services.context import Context
from app.services.errors.centre import ExceptionNotFound

KINDS = {"double_redemption": ("重复核销", "Voucher redeemed twice"),
         "contradiction": ("记录矛盾", "Contradicting records"),
         "fork": ("包编号重复", "Package number used twice"),
         "gap": ("缺包", "Missing package"),
         "clock": ("时钟异常", "Station clock far off")}
NOTE = text.Kind("处理说明", "The note", 1000, multiline=True)
_CHUNK = 500


def exception_uid(kind: str, subject: str, *parts: str) -> str:
    body = "|".join([kind, subject, *sorted(parts)])
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Found:
    """An exception found while importing: what it is about, and the parts of it (e.g.
    the two digests) that make it the same exception when it is found again."""

    kind: str
    subject: str
    detail: dict[str, Any]
    parts: tuple[str, ...] = ()


def open_exceptions(ctx: Context, station: MemberStation, receipt: PackageReceipt | None,
                    found: list[Found]) -> list[str]:
    """List what was found (inside the import's transaction), in bulk: a package with
    thousands of conflicts costs a few statements. Returns the kinds newly listed."""
    by_uid = {exception_uid(f.kind, f.subject, *f.parts): f for f in found}
    uids = list(by_uid)
    for start in range(0, len(uids), _CHUNK):
        chunk = uids[start:start + _CHUNK]
        for (uid,) in DistrictException.select(DistrictException.uid).where(
                DistrictException.uid.in_(chunk)).tuples():
            by_uid.pop(uid)
    now = ctx.clock.now()
    rows = [{"uid": uid, "kind": f.kind, "station": station, "subject": f.subject,
             "detail": json.dumps({"stations": [station.code], **f.detail},
                                  ensure_ascii=False, sort_keys=True, default=str),
             "receipt": receipt, "found_at": now} for uid, f in by_uid.items()]
    for start in range(0, len(rows), _CHUNK):
        DistrictException.insert_many(rows[start:start + _CHUNK]).execute()
    return [f.kind for f in by_uid.values()]


def open_exception(ctx: Context, kind: str, station: MemberStation, subject: str,
                   detail: dict[str, Any], receipt: PackageReceipt | None,
                   *parts: str) -> bool:
    """List one exception; False if it was listed before."""
    return bool(open_exceptions(ctx, station, receipt, [Found(kind, subject, detail, parts)]))


def settle(uid: str, note: str) -> None:
    """Close an open exception the merge itself resolved (a missing package arrived)."""
    (DistrictException.update(state="closed", note=note)
     .where(DistrictException.uid == uid, DistrictException.state == "open").execute())


@dataclass(frozen=True)
class ExceptionRow:
    id: int
    uid: str
    kind: str
    kind_zh: str
    stations: list[str]
    subject: str
    detail: dict[str, Any]
    found_at: str
    state: str
    note: str


def _row(e: DistrictException, code: str) -> ExceptionRow:
    detail = json.loads(e.detail)
    stations = detail.get("stations") or [code]
    found = e.found_at.isoformat() if isinstance(e.found_at, dt.datetime) else str(e.found_at)
    return ExceptionRow(e.id, e.uid, e.kind, KINDS.get(e.kind, (e.kind,))[0], stations,
                        e.subject, detail, found, e.state, e.note)


def listed(station: str | None = None, include_closed: bool = False) -> list[ExceptionRow]:
    """Open exceptions (all with ``include_closed``), oldest first; ``station``: only
    those concerning that station (found in its packages or naming it)."""
    centre.require_centre()
    query = (DistrictException.select(DistrictException, MemberStation.code)
             .join(MemberStation).order_by(DistrictException.id))
    if not include_closed:
        query = query.where(DistrictException.state == "open")
    code = station.strip().upper() if station else None
    rows = [_row(e, e.station.code) for e in query]
    return [r for r in rows if code is None or code in r.stations]


def close(ctx: Context, ref: str, note: str) -> ExceptionRow:
    """Close an open exception with what was done about it (audited)."""
    centre.require_centre()
    note = text.clean(note, NOTE, required=True, field="note")
    with write_transaction():
        query = DistrictException.select().where(DistrictException.state == "open")
        target = (query.where(DistrictException.id == int(ref)) if ref.isascii()
                  and ref.isdigit() else query.where(DistrictException.uid == ref)).first()
        if target is None:
            raise ExceptionNotFound(ref=ref)
        target.state, target.note = "closed", note
        target.save()
        centre.record(ctx, "centre.exception.close", target.uid,
                      {"kind": target.kind, "subject": target.subject, "note": note})
    return _row(target, target.station.code)


def describe(row: ExceptionRow) -> str:
    """One line saying what the exception is about, for people (the list, the sheet, the
    station's message)."""
    d = row.detail
    if row.kind == "double_redemption":
        return f"兑换券 {row.subject} 的核销记录有两个不同版本（{'、'.join(row.stations)}）"
    if row.kind == "contradiction":
        return (f"{d.get('record_kind')} {row.subject} 有两个互相矛盾的版本"
                f"（{'、'.join(row.stations)}）")
    if row.kind == "fork":
        return f"包 {row.subject} 编号重复而内容不同：数据目录被复制或从备份恢复过"
    if row.kind == "gap":
        return f"缺少包 {row.subject}"
    if row.kind == "clock":
        return f"包 {row.subject}：" + "；".join(d.get("reasons", []))
    return row.subject


def write_xlsx(path: Path, rows: list[ExceptionRow]) -> int:
    from app.services.xlsx_out import Column, write_table

    columns = [Column("编号", 8, "number"), Column("类别", 12), Column("站点", 14),
               Column("事项", 24), Column("说明", 60), Column("发现时间", 18, "datetime"),
               Column("状态", 8), Column("处理说明", 30)]
    data = [(r.id, r.kind_zh, "、".join(r.stations), r.subject, describe(r),
             dt.datetime.fromisoformat(r.found_at), "未处理" if r.state == "open" else "已处理",
             r.note) for r in rows]
    return write_table(path, "异常清单", columns, data, len(data))
