"""Exporting the station's package for the district centre (``package export``).

What a package holds: every record made since the previous package (``--full``: since
the beginning), in the kinds of ``package_kinds`` and ``package_kinds_more``. Append-only
tables are followed by id: a package records in ``PackageExport.marks`` the highest id
of each it sent, and the next starts above it. Which changeable rows are sent again is
said in each kind's docstring.

Exporting changes none of the station's data. Everything is read in one read
transaction (one consistent snapshot: a deed recorded meanwhile is in this package
whole or in the next one whole) and streamed into the file. The only write is the
``PackageExport`` row (and its audit record), in a transaction of its own once the file
is safely on disk: it moves the marks on, so the next package starts where this one
ended, and it must not exist for a file that was never written. If that write fails,
the file is removed: a package the station does not remember must not reach the centre
under a number the next export will use again.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import peewee as pw

from app import __version__
from app.models import PackageExport, Station, write_transaction
from app.services import audit, keys, package_file, package_kinds, package_kinds_more
from app.services.context import Context
from app.services.errors import InvalidInput, NotInitialised
from app.services.errors.packages import PackageExportClash
from app.services.integrity import snapshot
from app.services.permissions import require

Progress = Callable[[int, str], None]  # (records written so far, the kind being written)
_EVERY = 5000  # records between two progress reports

KINDS = (package_kinds.residents, package_kinds.ledger, package_kinds.vouchers,
         package_kinds.resolutions, package_kinds.checkins, package_kinds_more.activities,
         package_kinds_more.attendance, package_kinds_more.teams, package_kinds_more.store,
         package_kinds_more.merchants, package_kinds_more.statements, package_kinds_more.fund,
         package_kinds_more.commendations)
MARKED = package_kinds.MARKED + package_kinds_more.MARKED_MORE


@dataclass(frozen=True)
class Exported:
    file: str
    seq: int
    full: bool
    identities: bool
    period: dict
    counts: dict
    sha256: str
    bytes: int
    seconds: float
    key_id: int


def default_name(code: str, seq: int) -> str:
    return f"{code}-{seq:05d}.sdpkg"


def next_seq() -> int:
    return (PackageExport.select(pw.fn.MAX(PackageExport.seq)).scalar() or 0) + 1


def last_export() -> PackageExport | None:
    return PackageExport.select().order_by(PackageExport.seq.desc()).first()


def export(ctx: Context, path: Path, full: bool = False,
           progress: Progress | None = None) -> Exported:
    """Write the next package to ``path`` (a folder: the default name inside it)."""
    require(ctx, "package.export")
    started = time.perf_counter()
    station = Station.select().first()
    if station is None:
        raise NotInitialised()
    key = keys.proven_active_key(ctx)
    signer = keys.private_key(ctx, key)
    now = ctx.clock.now()
    with snapshot():
        previous = last_export()
        seq = previous.seq + 1 if previous else 1
        target = _target(Path(path), default_name(station.code, seq))
        since = None if full or previous is None else previous.period_to
        before = {} if full or previous is None else json.loads(previous.marks)
        scope = package_kinds.Scope(station.code, station.package_secret,
                                    station.share_identities, since, before)
        scope.marks = {m._meta.table_name: m.select(pw.fn.MAX(col)).scalar() or 0
                       for m, col in MARKED}
        scope.load_people()
        manifest = {"direction": "station",
                    "station": {"code": station.code, "name": station.name},
                    "key_id": key.key_id, "seq": seq,
                    "previous_seq": previous.seq if previous else None, "full": full,
                    "exported_at": now.isoformat(),
                    "period": {"from": since.isoformat() if since else None,
                               "to": now.isoformat()},
                    "identities": station.share_identities, "app_version": __version__,
                    "demo": station.demo}  # demo data: the centre can tell it from real
        try:
            sha256, counts = package_file.write(target, manifest,
                                                _reported(scope, progress), signer)
        except OSError as exc:  # a full or pulled-out USB stick
            raise InvalidInput(what=f"写入 {target} 失败（{exc.strerror or exc}），未作任何改动。",
                               what_en=f"Writing {target} failed ({exc.strerror or exc}); "
                                       "nothing changed.") from exc
    result = Exported(str(target), seq, full, station.share_identities, manifest["period"],
                      counts, sha256, target.stat().st_size,
                      round(time.perf_counter() - started, 3), key.key_id)
    try:
        _remember(ctx, result, since, now, scope.marks)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return result


def _target(path: Path, name: str) -> Path:
    """The file to write: ``path``, or the default name inside it if it is a folder."""
    target = path / name if path.is_dir() else path
    folder = target.parent
    if target.exists():  # a package not yet at the centre must not be written over
        raise InvalidInput(what=f"{target} 已存在，请换一个文件名或文件夹。",
                           what_en=f"{target} exists already: choose another name or folder.")
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise InvalidInput(what=f"无法写入 {folder}：文件夹不存在或只读。",
                           what_en=f"Cannot write to {folder}: no such folder, or read-only.")
    return target


def _reported(scope: package_kinds.Scope, progress: Progress | None) -> Iterator[dict]:
    written = 0
    for kind in KINDS:
        for rec in kind(scope):
            written += 1
            if progress is not None and written % _EVERY == 0:
                progress(written, rec["kind"])
            yield rec
    if progress is not None:
        progress(written, "")


def _remember(ctx: Context, done: Exported, since: dt.datetime | None, now: dt.datetime,
              marks: dict[str, int]) -> None:
    try:
        with write_transaction():
            PackageExport.create(
                seq=done.seq, uid=f"{uuid.uuid4().hex}", full=done.full, period_from=since,
                period_to=now, marks=json.dumps(marks, sort_keys=True),
                counts=json.dumps(done.counts, sort_keys=True), sha256=done.sha256,
                key_id=done.key_id, identities=done.identities,
                clerk=ctx.actor.clerk_id if ctx.actor else None,
                request_id=uuid.uuid4().hex, created_at=now)
            audit.record(ctx, "package.export", str(done.seq),
                         {k: v for k, v in asdict(done).items() if k != "seconds"})
    except pw.IntegrityError as exc:
        raise PackageExportClash(seq=str(done.seq)) from exc
