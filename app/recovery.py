"""Restoring a station from a backup, shared by the desk window and the command line.

The caller must not hold the station open: ``authorise`` and ``restore`` open and close
it themselves, take the single-writer lock, and keep the replaced database aside.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.config import Config, resolve
from app.services.context import Context
from app.startup import InstanceLock, StartupError, open_station


def authorise(config: Config, username: str, password: str, source: Path,
              use_current: bool = True) -> Context:
    """An admin of the current database; if that cannot even be read (or must not be
    touched: ``use_current=False`` for a database that failed its start-up check, since a
    sign-in writes), an admin of the backup, checked on a scratch copy of it."""
    from app.services import auth, permissions, station

    opened = None
    # A new PC has no station yet: opening one here would create an empty database.
    if use_current and (not config.is_sqlite or config.sqlite_path.exists()):
        try:
            opened = open_station(config, check=False)
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
    with tempfile.TemporaryDirectory() as scratch:
        shutil.copyfile(source, Path(scratch) / "station.db")
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


def restore(config: Config, ctx: Context, plain: Path, label: str) -> Restored:
    """Verify ``plain``, put it in place of the station's database, and audit it."""
    from app.models import write_transaction
    from app.services import audit, backup

    backup.verify(plain)
    lock = InstanceLock(config.sqlite_path)
    lock.acquire()
    try:
        report, aside = backup.restore(config, plain, ctx.clock.now())
    finally:
        lock.release()
    reopened = open_station(config)
    try:
        with write_transaction():
            audit.record(ctx, "backup.restore", label, {"kept_aside": str(aside)})
    finally:
        reopened.close()
    return Restored(label, report.residents, report.entries, report.total_points, str(aside))
