"""``package import`` at the centre: each station package checked (its station, its key,
its signature, its records' hash) and merged in one transaction of its own; a file that
does not check is refused whole and the next one is taken.

The order of the checks follows what may be trusted: nothing in the manifest is believed
before the signature of the key registered for the station it names verifies.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.models import write_transaction
from app.models.district import MemberKey, MemberStation, PackageReceipt
from app.services import centre, district_merge, package_file, package_sequence
from app.services.changes import NOTHING, Changes
from app.services.context import Context
from app.services.errors import DeskError
from app.services.errors.packages import (
    PackageBadSignature,
    PackageDamaged,
    PackageForeignKey,
    PackageKeyRevoked,
    PackageNotForCentre,
    PackageStationMismatch,
    PackageUnknownStation,
)
from app.services.operations import translate_storage_errors
from app.services.package_sequence import Checked


@dataclass
class FileResult:
    file: str
    station: str | None = None
    seq: int | None = None
    status: str = "refused"  # imported | already | refused | skipped (stopped before it)
    reason: str | None = None  # the refusal's code
    message: str | None = None
    message_en: str | None = None
    added: int = 0
    changed: int = 0
    exceptions: dict[str, int] = field(default_factory=dict)  # newly listed, by kind


def import_files(ctx: Context, paths: Iterable[Path],
                 progress: Callable[[int, int], bool] | None = None) -> list[FileResult]:
    """Import each file in turn; a refusal is that file's answer, not the run's end.

    ``progress(done, total)`` is told before each file and at the end; when it answers
    False the files not yet begun are answered ``skipped`` and left untouched (each file
    is merged in a transaction of its own, so one begun is never left half merged)."""
    centre.require_centre()
    paths = list(paths)
    results = []
    for done, path in enumerate(paths):
        result = FileResult(str(path))
        if progress is not None and not progress(done, len(paths)):
            results += [FileResult(str(p), status="skipped") for p in paths[done:]]
            return results
        try:
            import_one(ctx, Path(path), result)
        except DeskError as exc:
            result.status, result.reason = "refused", exc.code
            result.message, result.message_en = exc.message("zh"), exc.message("en")
            result.added = result.changed = 0
            result.exceptions = {}
        results.append(result)
    if progress is not None:
        progress(len(paths), len(paths))
    return results


def changes_of(results: list[FileResult]) -> Changes:
    """What an import changed, for the pages that show the centre's data."""
    return Changes(district=True) if any(r.status == "imported" for r in results) \
        else NOTHING


def _when(value: object, path: Path, name: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(str(value)).replace(tzinfo=None)
    except ValueError:
        raise PackageDamaged(path=str(path), detail=f"清单的 {name} 不是时间") from None


def check(path: Path, result: FileResult) -> Checked | None:
    """The package at ``path`` checked against the station it names; None if the same
    file was imported before."""
    package = package_file.open_package(path)
    m = package.manifest
    if m.get("direction") != "station":
        raise PackageNotForCentre(path=str(path), detail="中心发给站点的包请在站点用 package apply",
                                  detail_en="a centre's package is applied at its station")
    claimed = m.get("station")
    code = claimed.get("code") if isinstance(claimed, dict) else None
    if not isinstance(code, str):
        raise PackageDamaged(path=str(path), detail="清单没有站点代码")
    result.station = code
    if PackageReceipt.select().where(PackageReceipt.sha256 == package.sha256).exists():
        result.seq = m.get("seq") if isinstance(m.get("seq"), int) else None
        return None
    station = MemberStation.get_or_none(MemberStation.code == code)
    if station is None:
        raise PackageUnknownStation(path=str(path), station=code)
    key_id = m.get("key_id")
    if type(key_id) is not int:
        raise PackageDamaged(path=str(path), detail="清单没有密钥编号")
    key = MemberKey.get_or_none(MemberKey.station == station, MemberKey.key_id == key_id)
    if key is None or not package.verify(bytes(key.public_key)):
        signer = _signed_by_another(package, station, key_id)
        if signer:
            raise PackageStationMismatch(path=str(path), claimed=code, signer=signer)
        if key is None:
            raise PackageForeignKey(path=str(path), station=code, key_id=str(key_id))
        raise PackageBadSignature(path=str(path), signer=code, key_id=str(key_id))
    seq = m.get("seq")
    if type(seq) is not int or seq < 1:
        raise PackageDamaged(path=str(path), detail="清单的包编号不对")
    result.seq = seq
    exported_at = _when(m.get("exported_at"), path, "exported_at")
    if key.revoked_at is not None and key.revoked_at <= exported_at:
        raise PackageKeyRevoked(path=str(path), station=code, key_id=str(key_id),
                                revoked_at=str(key.revoked_at), exported_at=str(exported_at))
    period = m.get("period") if isinstance(m.get("period"), dict) else {}
    start = period.get("from")
    package.check_records()
    return Checked(package, station, key_id, seq, exported_at,
                   _when(start, path, "period.from") if start else None,
                   _when(period.get("to") or m.get("exported_at"), path, "period.to"))


def _signed_by_another(package: package_file.Package, station: MemberStation,
                       key_id: int) -> str | None:
    """The code of another registered station whose key signed this package (a package
    claiming to come from a station it does not come from)."""
    others = (MemberKey.select(MemberKey, MemberStation.code).join(MemberStation)
              .where(MemberKey.key_id == key_id, MemberKey.station != station))
    for key in others:
        if package.verify(bytes(key.public_key)):
            return key.station.code
    return None


def import_one(ctx: Context, path: Path, result: FileResult) -> None:
    checked = check(path, result)
    if checked is None:
        result.status = "already"
        return
    m = checked.package.manifest
    with translate_storage_errors(), write_transaction():
        if PackageReceipt.select().where(
                PackageReceipt.sha256 == checked.package.sha256).exists():
            result.status = "already"  # another import took it meanwhile
            return
        now = ctx.clock.now()
        receipt = PackageReceipt.create(
            station=checked.station, seq=checked.seq, sha256=checked.package.sha256,
            full=bool(m.get("full")), key_id=checked.key_id, period_from=checked.period_from,
            period_to=checked.period_to, counts=json.dumps(m.get("counts", {}), sort_keys=True),
            imported_at=now, request_id=uuid.uuid4().hex)
        merged = district_merge.merge(checked.station.id, checked.seq, path)
        receipt.added, receipt.changed = merged.added, merged.changed
        receipt.save()
        listed = dict(Counter(package_sequence.follow_up(ctx, checked, receipt, merged)))
        centre.record(ctx, "centre.package.import", f"{checked.station.code}-{checked.seq:05d}",
                      {"sha256": checked.package.sha256, "added": merged.added,
                       "changed": merged.changed, "exceptions": listed})
    result.status, result.added, result.changed = "imported", merged.added, merged.changed
    result.exceptions = listed
