"""PostgreSQL for stations with several desks: the database class, and its driver
(psycopg2) loaded only when a PostgreSQL station connects.

peewee binds the driver it finds at its own import; a SQLite station keeps psycopg2
out of that import (see ``app.POSTGRES_DRIVERS``), so this adapter brings its own.
"""

from __future__ import annotations

from typing import Any

import peewee


class _Psycopg2(peewee.Psycopg2Adapter):
    """peewee's psycopg2 adapter, with the driver imported when the station is opened."""

    def __init__(self) -> None:
        import psycopg2
        from psycopg2 import extensions, extras

        extras.register_uuid()  # what peewee does when it finds the driver itself
        self.driver, self.extensions = psycopg2, extensions
        self.txn_idle = extensions.TRANSACTION_STATUS_IDLE
        self.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
        self.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN
        super().__init__()
        self.json_type = self.jsonb_type = extras.Json

    def check_driver(self) -> None:
        return None  # imported above, or the station did not open

    def get_binary_type(self) -> Any:
        return self.driver.Binary

    def connect(self, db: peewee.PostgresqlDatabase, **params: Any) -> Any:
        if db.database.startswith("postgresql://"):
            params.setdefault("dsn", db.database)
        else:
            params.setdefault("dbname", db.database)
        conn = self.driver.connect(**params)
        if db._register_unicode:
            self.extensions.register_type(self.extensions.UNICODE, conn)
            self.extensions.register_type(self.extensions.UNICODEARRAY, conn)
        if db._encoding:
            conn.set_client_encoding(db._encoding)
        return conn


class StationPostgresqlDatabase(peewee.PostgresqlDatabase):
    psycopg2_adapter = _Psycopg2


def connect(url: str) -> peewee.Database:
    """The database a ``postgresql://`` URL names (user, password, host, port, name)."""
    from playhouse.db_url import parse

    return StationPostgresqlDatabase(**parse(url))
