"""What an imported package says beyond its records: where the station's numbering has
got to (a gap, a number used twice), whether its clock can be believed, and the
conflicts its records met; each listed as an exception, and the station's progress
(last package, when written, when imported) brought up to date."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from app.models.district import DistrictException, MemberStation, PackageReceipt
from app.services import centre_exceptions, package_file
from app.services.context import Context
from app.services.district_merge import APPEND_ONLY, Merged

# A station PC's clock this far ahead of the centre's, or a record dated this far after
# its package was written, is not believed.
CLOCK_SLACK = dt.timedelta(hours=1)


@dataclass(frozen=True)
class Checked:
    """A package whose signature, station and key have checked, with its manifest read."""

    package: package_file.Package
    station: MemberStation
    key_id: int
    seq: int
    exported_at: dt.datetime
    period_from: dt.datetime | None
    period_to: dt.datetime


def follow_up(ctx: Context, checked: Checked, receipt: PackageReceipt,
              merged: Merged) -> list[str]:
    """List what this package brought up; call inside the import's transaction. Returns
    the kinds of the exceptions newly listed."""
    station = checked.station
    found = _conflicts(ctx, checked, receipt, merged)
    found += _fork(ctx, checked, receipt)
    found += _gaps(ctx, station, receipt)
    found += _clock(ctx, checked, receipt, merged)
    if station.last_seq is None or checked.seq >= station.last_seq:
        station.last_seq, station.last_exported_at = checked.seq, checked.exported_at
    station.last_imported_at = ctx.clock.now()
    station.save()
    return found


def _subject(station: MemberStation, seq: int) -> str:
    return f"{station.code}-{seq:05d}"


def _conflicts(ctx: Context, checked: Checked, receipt: PackageReceipt,
               merged: Merged) -> list[str]:
    codes = dict(MemberStation.select(MemberStation.id, MemberStation.code).tuples())
    found = []
    for c in merged.conflicts:
        kind = "double_redemption" if c.kind == "voucher_resolution" else "contradiction"
        detail = {"record_kind": c.kind,
                  "stations": sorted({codes[c.kept_station], checked.station.code}),
                  "append_only": c.kind in APPEND_ONLY,
                  "kept": {"station": codes[c.kept_station], "seq": c.kept_seq,
                           "data": json.loads(c.kept_data)},
                  "other": {"station": checked.station.code, "seq": checked.seq,
                            "data": json.loads(c.new_data)}}
        found.append(centre_exceptions.Found(kind, c.uid, detail,
                                             (c.kind, c.kept_digest, c.new_digest)))
    return centre_exceptions.open_exceptions(ctx, checked.station, receipt, found)


def _fork(ctx: Context, checked: Checked, receipt: PackageReceipt) -> list[str]:
    twins = [r.sha256 for r in PackageReceipt.select(PackageReceipt.sha256).where(
        PackageReceipt.station == checked.station, PackageReceipt.seq == checked.seq,
        PackageReceipt.id != receipt.id)]
    if not twins:
        return []
    subject = _subject(checked.station, checked.seq)
    detail = {"seq": checked.seq, "sha256": sorted([*twins, receipt.sha256])}
    listed = centre_exceptions.open_exception(ctx, "fork", checked.station, subject, detail,
                                              receipt, receipt.sha256, *twins)
    return ["fork"] if listed else []


def _gaps(ctx: Context, station: MemberStation, receipt: PackageReceipt) -> list[str]:
    """A number below the highest received that has not arrived is a gap (unless a full
    package above it holds everything it held); one that arrives closes its gap."""
    received = dict(PackageReceipt.select(PackageReceipt.seq, PackageReceipt.full)
                    .where(PackageReceipt.station == station).tuples())
    top = max(received)
    floor = max((seq for seq, full in received.items() if full), default=0)
    found = []
    for seq in range(floor + 1, top):
        if seq not in received and centre_exceptions.open_exception(
                ctx, "gap", station, _subject(station, seq), {"seq": seq}, receipt):
            found.append("gap")
    for gap in DistrictException.select().where(DistrictException.station == station,
                                                DistrictException.kind == "gap",
                                                DistrictException.state == "open"):
        seq = json.loads(gap.detail).get("seq")
        if seq in received or (isinstance(seq, int) and seq <= floor):
            centre_exceptions.settle(gap.uid, "包已到达 / the package arrived" if seq in received
                                     else "已由完整包补齐 / a full package covers it")
    return found


def _clock(ctx: Context, checked: Checked, receipt: PackageReceipt,
           merged: Merged) -> list[str]:
    reasons = []
    now = ctx.clock.now()
    if checked.exported_at > now + CLOCK_SLACK:
        reasons.append(f"写于 {checked.exported_at}，晚于中心此刻 {now}")
    if merged.latest_day is not None and merged.latest_day > (
            checked.exported_at + CLOCK_SLACK).date().isoformat():
        reasons.append(f"有记录日期 {merged.latest_day} 晚于包的写出时间 {checked.exported_at}")
    for other_seq, other_to in (PackageReceipt.select(PackageReceipt.seq,
                                                      PackageReceipt.period_to)
                                .where(PackageReceipt.station == checked.station,
                                       PackageReceipt.seq != checked.seq).tuples()):
        other_to = _datetime(other_to)
        earlier, later = ((other_to, checked.period_to) if other_seq < checked.seq
                          else (checked.period_to, other_to))
        if earlier > later + CLOCK_SLACK:
            reasons.append(f"包 {other_seq} 写于 {other_to}，与本包（{checked.period_to}）的"
                           "先后颠倒")
            break
    if not reasons:
        return []
    detail = {"reasons": reasons, "exported_at": checked.exported_at, "centre_now": now}
    listed = centre_exceptions.open_exception(ctx, "clock", checked.station,
                                              _subject(checked.station, checked.seq), detail,
                                              receipt, receipt.sha256)
    return ["clock"] if listed else []


def _datetime(value: object) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
