"""Clearing demo data: the station starts for real on a new, empty database file.

The demo's ledger, vouchers and audit log are append-only, sealed and hash-chained:
deleting their rows would break the very guarantees a real station relies on. So the
demo database is not emptied but set aside, whole and untouched, in a folder of the data
directory (``demo-YYYYMMDD-HHMMSS``, with its voucher journal and audit anchor), and a
new station database takes its place in one transaction: the same station code, name
and settings, the deed catalogue, the clerk accounts (passwords unchanged; not the demo
clerk), the merchants an admin added (not the demo's invented ones), a new signing key,
and serial floors above every demo serial, so that no real voucher repeats a demo
voucher's number. Residents, households, deeds, the ledger, vouchers and check-ins start
empty.

The caller holds the station open with its single-writer lock and an admin signed in;
the station is closed on return (the caller opens it again, or the window starts anew).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from app.runtime.config import SQLITE_SIDE_FILES, Config
from app.runtime.health import ANCHOR_FILE
from app.runtime.startup import open_station
from app.services.context import Clock, Context
from app.services.errors import FreshStartUnavailable, NotADemoStation

NEW_SUFFIX = ".fresh"  # the new database beside the live one until it takes its place


@dataclass(frozen=True)
class Cleared:
    """What starting for real kept and where the demo data went."""

    station: str
    demo_kept_at: str  # the folder holding the demo database, untouched
    clerks: tuple[str, ...]
    deed_types: int
    merchants: int


@dataclass(frozen=True)
class _Kept:
    station: dict
    clerks: list[dict]
    deed_types: list[dict]
    merchants: list[dict]
    floors: dict[int, int]  # year → the highest serial the demo used


def _read_kept() -> _Kept:
    import peewee as pw

    from app.models import Clerk, DeedType, Merchant, SerialFloor, Station, Voucher
    from app.services import demo, demo_station

    station = Station.select().dicts().get()
    floors: dict[int, int] = {}
    for model, column in ((Voucher, Voucher.seq), (SerialFloor, SerialFloor.floor)):
        for year, top in (model.select(model.year, pw.fn.MAX(column)).group_by(model.year)
                          .tuples()):
            floors[year] = max(top, floors.get(year, 0))
    return _Kept(
        station={k: v for k, v in station.items() if k not in ("id", "demo")},
        clerks=list(Clerk.select().where(Clerk.username != demo_station.CLERK_USERNAME)
                    .order_by(Clerk.id).dicts()),
        deed_types=list(DeedType.select().order_by(DeedType.id).dicts()),
        merchants=[{k: v for k, v in m.items() if k != "id"} for m in
                   Merchant.select().where(Merchant.name.not_in(demo.MERCHANTS))
                   .order_by(Merchant.id).dicts()],
        floors=floors)


def _write_fresh(ctx: Context, kept: _Kept, demo_copy: Path) -> None:
    """The new station's rows, in one transaction of the (new, empty) open database."""
    from app.models import Clerk, DeedType, Merchant, SerialFloor, Station, write_transaction
    from app.services import audit, keys

    now = ctx.clock.now()
    with write_transaction():
        Station.create(**kept.station)
        keys.create_key(ctx, ctx.clock.today(), first=True)  # the secret file is kept
        for clerk in kept.clerks:
            Clerk.create(**{**clerk, "failed_attempts": 0, "locked_until": None})
            # The role a clerk has is the one the audit log gave them (integrity check).
            audit.record(ctx, "clerk.create", clerk["username"],
                         {"role": clerk["role"], "kept_from_demo": True})
        if kept.deed_types:
            DeedType.insert_many(kept.deed_types).execute()
        for merchant in kept.merchants:
            Merchant.create(**merchant)
        for year, floor in sorted(kept.floors.items()):
            SerialFloor.create(year=year, floor=floor, at=now,
                               reason="演示数据用过的编号 / serials used by demo data")
        audit.record(ctx, "demo.clear", kept.station["code"], {
            "demo_kept_at": str(demo_copy), "clerks": [c["username"] for c in kept.clerks],
            "deed_types": len(kept.deed_types), "merchants": len(kept.merchants),
            "serial_floors": {str(y): f for y, f in kept.floors.items()}})


def _set_aside(config: Config, aside: Path) -> None:
    """Link the closed demo database into ``aside`` (the new file replaces it atomically
    afterwards) and move its companions there."""
    from app.services import journal

    live = config.sqlite_path
    try:
        os.link(live, aside / live.name)
    except OSError:  # a file system without hard links: a copy (the station is closed)
        shutil.copy2(live, aside / live.name)
    companions = [Path(str(live) + side) for side in SQLITE_SIDE_FILES]
    companions += [config.data_dir / ANCHOR_FILE, journal.path_of(config.data_dir)]
    for path in companions:
        if path.exists():
            shutil.move(path, aside / path.name)


def start_for_real(config: Config, ctx: Context) -> Cleared:
    """Put the demo station aside and start an empty real one (see the module's text).
    ``ctx``: an admin of the open demo station. Refused, with nothing changed, on a
    station that holds no demo data or is not a SQLite file."""
    from app.models import database, open_database
    from app.models.migrations import migrate
    from app.services import permissions, station
    from app.services.backup import _new_folder

    permissions.require(ctx, "demo.clear")
    if not station.is_demo():
        raise NotADemoStation()
    if not config.is_sqlite:
        raise FreshStartUnavailable(
            reason="PostgreSQL 站点不能在此清除演示数据：请新建一个空数据库，用 station-desk init "
                   "初始化，再把 --db 指向它。",
            reason_en="On PostgreSQL, create an empty database, run station-desk init on it "
                      "and point --db at it.")
    kept = _read_kept()
    fresh = config.sqlite_path.with_name(config.sqlite_path.name + NEW_SUFFIX)
    for side in ("", *SQLITE_SIDE_FILES):
        Path(str(fresh) + side).unlink(missing_ok=True)  # left by an attempt that failed
    aside = _new_folder(config.data_dir, f"demo-{ctx.clock.now():%Y%m%d-%H%M%S}")
    database.close()
    try:
        open_database(str(fresh))
        migrate()
        _write_fresh(ctx, kept, aside)
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # all of it in the file
    except BaseException:
        database.close()
        for side in ("", *SQLITE_SIDE_FILES):
            Path(str(fresh) + side).unlink(missing_ok=True)
        aside.rmdir()
        open_database(config.db_url)  # the demo station, as it was
        raise
    database.close()
    _set_aside(config, aside)
    os.replace(fresh, config.sqlite_path)
    for side in SQLITE_SIDE_FILES:  # none after a clean close; if any, they go with it
        if Path(str(fresh) + side).exists():
            os.replace(Path(str(fresh) + side), Path(str(config.sqlite_path) + side))
    # Opened once as any start opens it: checked, its place and audit anchor recorded.
    reopened = open_station(config, ctx.clock, lock=False)
    reopened.close()
    return Cleared(kept.station["code"], str(aside), tuple(c["username"] for c in kept.clerks),
                   len(kept.deed_types), len(kept.merchants))


def start_for_real_closed(config: Config, username: str, password: str,
                          clock: Clock | None = None) -> Cleared:
    """The same, for the window: the station is closed when this runs; it is opened here
    (with its lock), the admin signed in with ``password``, and closed again."""
    from app.services import auth

    opened = open_station(config, clock)
    try:
        base = opened.context
        return start_for_real(config, base.as_actor(auth.sign_in(base, username, password)))
    finally:
        opened.close()
