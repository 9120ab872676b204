"""Restoring a station from a backup, shared by the desk window and the command line.

The caller must not hold the station open: ``authorise`` and ``restore`` open and close
it themselves, take the single-writer lock, and keep the replaced database aside.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.runtime.config import Config, resolve
from app.runtime.startup import InstanceLock, StartupError, StationInUse, open_station
from app.services.context import Context
from app.services.errors import DeskError


def authorise(config: Config, username: str, password: str, source: Path,
              use_current: bool = True) -> Context:
    """An admin of the current database; if that cannot even be read (or must not be
    touched: ``use_current=False`` for a database that failed its start-up check, since a
    sign-in writes), an admin of the backup, checked on a scratch copy of it."""
    from app.services import auth, backup, permissions, station

    opened = None
    # A new PC has no station yet: opening one here would create an empty database.
    if use_current and (not config.is_sqlite or config.sqlite_path.exists()):
        try:
            opened = open_station(config, check=False)
        except StationInUse:
            raise  # never an excuse to sign in against the backup instead
        except StartupError:
            opened = None
    if opened is not None:
        try:
            if station.is_initialised():
                ctx = opened.context.as_actor(auth.sign_in(opened.context, username, password))
                permissions.require(ctx, "backup.restore")
                return ctx
        finally:
            opened.close()
    # The station's own database cannot vouch for the admin: the station secret must be
    # here, and the backup must verify under it, before its admins are believed.
    backup.verify_for_restore(source, config.data_dir / "keys", None)
    with tempfile.TemporaryDirectory() as scratch:
        shutil.copyfile(source, Path(scratch) / "station.db")
        shutil.copytree(config.data_dir / "keys", Path(scratch) / "keys")
        trial = open_station(resolve(scratch, None), check=False)
        try:
            ctx = trial.context.as_actor(auth.sign_in(trial.context, username, password))
            permissions.require(ctx, "backup.restore")
        finally:
            trial.close()
    return Context(config.data_dir, ctx.clock, ctx.actor)


@contextlib.contextmanager
def plain_copy(config: Config, source: Path, password: str | None) -> Iterator[Path]:
    """The backup as a plain SQLite file: an encrypted copy is decrypted beside the
    database (never in a shared temporary folder) for as long as it is needed."""
    from app.services import backup_crypto

    if not (source.is_file() and backup_crypto.is_encrypted(source)):
        yield source
        return
    config.data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=config.data_dir) as scratch:
        plain = Path(scratch) / "restored.db"
        backup_crypto.decrypt_file(source, plain, password or "")
        yield plain


@dataclass(frozen=True)
class Restored:
    path: str
    residents: int
    entries: int
    total_points: int
    previous: str
    carried: dict = field(default_factory=dict)  # carryover.CarryReport.as_dict()


def _live_station_code(config: Config) -> str | None:
    try:
        conn = sqlite3.connect(f"file:{config.sqlite_path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT code FROM station").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def restore(config: Config, ctx: Context, plain: Path, source: Path) -> Restored:
    """Verify ``plain`` (the backup ``source``, decrypted if it was encrypted), note the
    restore in the live station's history, put the backup in place, and carry into it
    every voucher redemption, void and serial the live station knew of."""
    from app.models import write_transaction
    from app.models.db import bookkeeping
    from app.services import audit, backup, carryover

    if not config.is_sqlite:
        raise backup.BackupError(reason="PostgreSQL 站点请用 pg_restore 恢复（见 README）",
                                 reason_en="restore PostgreSQL stations with pg_restore")
    backup.check_source(config, source)
    # Held from the first read of the live data to the last write of the restored data:
    # nothing may open the station in between, or see the backup before the carry-over.
    lock = InstanceLock(config.sqlite_path)
    lock.acquire()
    try:
        code = _live_station_code(config) if config.sqlite_path.exists() else None
        report = backup.verify_for_restore(plain, config.data_dir / "keys", code)
        known = carryover.read_live(config.sqlite_path, config.data_dir)
        if code is not None:
            # Noted in the replaced data too, unless it failed its check: that is never
            # written.
            with contextlib.suppress(DeskError):
                live = open_station(config, lock=False)
                try:
                    with bookkeeping(), write_transaction():  # also from a held copy
                        audit.record(ctx, "backup.restore.replaced", str(source),
                                     {"carrying": len(known.resolved)})
                finally:
                    live.close()
        aside = backup.restore(config, plain, ctx.clock.now())
        try:
            carried = _carry_over(config, ctx, known, source, aside)
        except BaseException:
            # The backup in place without what the live station knew would reopen spent
            # vouchers: put the replaced database back, as if nothing had happened.
            backup.undo_restore(config, aside)
            raise
    finally:
        lock.release()
    return Restored(str(source), report.residents, report.entries, report.total_points,
                    str(aside), carried.as_dict())


def _carry_over(config: Config, ctx: Context, known, source: Path, aside: Path):
    """Open the restored data (checked like any start) and write the carry-over into it."""
    from app.models import Clerk, write_transaction
    from app.models.db import bookkeeping
    from app.services import audit, carryover
    from app.services.context import new_request_id

    reopened = open_station(config, lock=False)
    try:
        # The admin as the restored data knows them (they may have joined after the copy).
        here = Clerk.get_or_none(Clerk.username == ctx.actor.username)
        actor = replace(ctx.actor, clerk_id=here.id) if here else None
        restored_ctx = reopened.context.as_actor(actor)
        # A backup from another PC opens held until an admin decides where it runs; what
        # the restore did and carried over is on file all the same.
        with bookkeeping(), write_transaction():
            audit.record(restored_ctx, "backup.restore", str(source),
                         {"kept_aside": str(aside), "admin": ctx.actor.username})
            return carryover.apply(restored_ctx, known, new_request_id())
    finally:
        reopened.close()


def carried_text(carried: dict, lang: str = "zh") -> str:
    """What a restore carried over from the replaced data, and what it could not."""
    counts = {k: len(carried[k]) for k in ("redeemed", "voided", "expired")}
    missing = carried["not_carried"]
    if lang == "en":
        lines = [f"Carried over from before the restore: {counts['redeemed']} redeemed, "
                 f"{counts['voided']} voided, {counts['expired']} expired vouchers "
                 f"(from: {', '.join(carried['sources']) or 'nothing'})."]
        if carried["floors"]:
            lines.append("New serials continue above " + ", ".join(
                f"{n} in {y}" for y, n in carried["floors"].items()) + ".")
        if missing:
            lines.append(f"Not carried: {len(missing)} vouchers issued after the backup "
                         "(the restored data has no record of them): " + ", ".join(missing))
        if carried["unreadable"]:
            lines.append(f"The replaced database could not be read ({carried['unreadable']}); "
                         "the voucher journal was used.")
        if carried["journal_bad_lines"]:
            lines.append(f"{carried['journal_bad_lines']} journal lines did not verify and "
                         "were ignored.")
        return "\n".join(lines)
    lines = [f"已带入恢复前的兑换券记录：核销 {counts['redeemed']} 张，作废 {counts['voided']} 张，"
             f"过期 {counts['expired']} 张（来源：{'、'.join(carried['sources']) or '无'}）。"]
    if carried["floors"]:
        lines.append("新券编号接着 " + "、".join(f"{y} 年第 {n} 号" for y, n in
                                            carried["floors"].items()) + " 往后编，不会重号。")
    if missing:
        lines.append(f"未能带入 {len(missing)} 张备份之后发放的兑换券（恢复后的数据没有它们的记录，"
                     "扫码会显示“无此券”）：" + "、".join(missing))
    if carried["unreadable"]:
        lines.append(f"原数据库无法读取（{carried['unreadable']}），已改用兑换券日志。")
    if carried["journal_bad_lines"]:
        lines.append(f"兑换券日志中有 {carried['journal_bad_lines']} 行校验不符，已忽略。")
    return "\n".join(lines)
