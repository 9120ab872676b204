"""Fixtures for the service tests, on top of ``tests/conftest.py``.

Password hashing: the tests use argon2id with minimal cost (``tests/conftest.py``);
``test_auth`` checks the production parameters and signs in once with them (the
``real_hasher`` fixture).
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from argon2 import PasswordHasher

from app.models import ALL_MODELS, database, open_database
from app.models.db import is_sqlite
from app.services import auth, ledger, merchants

REAL_HASHER = auth._passwords()  # the production parameters
PG_URL = os.environ.get("STATION_DESK_TEST_PG", "")
MERCHANT = "幸福里便民超市"


@pytest.fixture
def real_hasher() -> PasswordHasher:
    """The password hasher the desk uses in production."""
    return REAL_HASHER


@pytest.fixture
def db_location(db, tmp_path) -> str:
    """What ``open_database`` was given: the SQLite file, or the PostgreSQL URL."""
    return PG_URL or str(tmp_path / "station.db")


@pytest.fixture
def reopen(db_location) -> Callable[[], None]:
    """Close the database and open it again, as a restart of the desk does."""

    def again() -> None:
        database.close()
        open_database(db_location)
        database.connect(reuse_if_open=True)

    return again


@pytest.fixture
def counts(db) -> Callable[[], dict[str, int]]:
    """Row counts of every table: compare before and after a refused operation."""

    def take() -> dict[str, int]:
        return {m._meta.table_name: m.select().count() for m in ALL_MODELS}

    return take


@pytest.fixture
def unguard(db) -> Callable[[str], None]:
    """Remove a table's append-only triggers: an attacker with write access to the file
    (or the server) who wants to tamper with it."""

    def drop(table: str) -> None:
        if is_sqlite():
            for op in ("update", "delete"):
                database.execute_sql(f'DROP TRIGGER IF EXISTS "{table}_no_{op}"')
        else:
            database.execute_sql(f'DROP TRIGGER IF EXISTS "{table}_append_only" ON "{table}"')

    return drop


@pytest.fixture
def give(ctx) -> Callable[[int, int], int]:
    """Credit a resident with points through an admin adjustment; returns the balance."""

    def credit(resident_id: int, points: int) -> int:
        return ledger.adjust(ctx, resident_id, points, "测试入账").balance

    return credit


@pytest.fixture
def merchant(ctx) -> str:
    """A partner merchant of the station."""
    return merchants.add(ctx, MERCHANT).name
