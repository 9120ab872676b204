"""The one database handle every model uses, and how it is opened.

A ``DatabaseProxy`` is bound at start-up (or per test) to SQLite or PostgreSQL.
SQLite gets its pragmas through the constructor so that every connection — every
thread — runs with WAL, synchronous=FULL and foreign keys on.
"""

from __future__ import annotations

import contextlib
import contextvars
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import peewee

from app import POSTGRES_DRIVERS

for _driver in POSTGRES_DRIVERS:  # peewee is in: a PostgreSQL station may load one now
    if _driver in sys.modules and sys.modules[_driver] is None:
        del sys.modules[_driver]

database = peewee.DatabaseProxy()

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    # A voucher a resident walked away with must survive a power cut.
    "synchronous": "full",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -16000,
}

# Any constant works: it only has to be the same for every writer of one database.
_PG_WRITE_LOCK_KEY = 20261123

# Set inside ``bookkeeping()``: writes that pass a hold on the database (see ``hold_writes``).
_bookkeeping: contextvars.ContextVar[bool] = contextvars.ContextVar("bookkeeping", default=False)


def open_database(url_or_path: str | Path) -> peewee.Database:
    """Open (but do not migrate) the database at a SQLite path or a ``postgresql://`` URL."""
    text = str(url_or_path)
    if text.startswith(("postgres://", "postgresql://")):
        from app.models.postgres import connect

        db = connect(text)
    else:
        path = text.removeprefix("sqlite:///")
        db = peewee.SqliteDatabase(path, pragmas=SQLITE_PRAGMAS, timeout=5)
    database.initialize(db)
    return db


def is_sqlite(db: peewee.Database | None = None) -> bool:
    target = db if db is not None else database.obj
    return isinstance(target, peewee.SqliteDatabase)


def hold_writes(refusal: Callable[[], Exception] | None) -> None:
    """Refuse every business write to the open database with ``refusal()`` until it is
    lifted with None (a copied data directory waiting for an admin's decision). The hold
    belongs to this open database: opening another one starts without it."""
    database.obj.write_refusal = refusal


def hold_until_checked(refusal: Callable[[], Exception] | None) -> None:
    """Refuse every business write with ``refusal()`` while the whole check of a station
    never checked before runs in the background; lifted with None once it passes. Apart
    from ``hold_writes``: an admin's decision about a copied station does not lift it."""
    database.obj.check_refusal = refusal


@contextlib.contextmanager
def bookkeeping() -> Iterator[None]:
    """Writes that record who tried what (sign-in counters, refusals, the admin's own
    decision about a held database): they pass a hold, since they change no business data."""
    token = _bookkeeping.set(True)
    try:
        yield
    finally:
        _bookkeeping.reset(token)


@contextlib.contextmanager
def write_transaction() -> Iterator[None]:
    """One business operation, one transaction, writers strictly one at a time.

    SQLite: ``BEGIN IMMEDIATE`` takes the write lock before the first read, so a
    read-then-write never fails with BUSY_SNAPSHOT. PostgreSQL: a transaction-scoped
    advisory lock gives the same single-writer order (balances, serials and the audit
    chain are read and then extended).
    """
    if database.transaction_depth() > 0:
        with database.atomic():
            yield
        return
    for held in ("write_refusal", "check_refusal"):
        refusal = getattr(database.obj, held, None)
        if refusal is not None and not _bookkeeping.get():
            raise refusal()
    if is_sqlite():
        try:
            with database.atomic("IMMEDIATE"):
                yield
        except peewee.OperationalError as exc:
            # After SQLITE_FULL or an I/O error SQLite has already rolled the whole
            # transaction back, so peewee's ROLLBACK fails: report the real cause.
            cause: BaseException | None = exc
            while cause is not None and "no transaction is active" in str(cause):
                cause = cause.__context__
            if cause is not None and cause is not exc:
                raise cause from None
            raise
    else:
        with database.atomic():
            database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_PG_WRITE_LOCK_KEY,))
            yield
