"""SQL written out once, for the paths a clerk waits on at every scan and every deed.

peewee builds each statement anew on every call (about 0.1 ms apiece), which was most of
the time a recorded deed took. A ``FixedSql`` holds its text with ``{p}`` for each
parameter and fills in the open database's marker once, so the same text reaches the
driver every time (SQLite then reuses its prepared statement). The text must be valid on
SQLite and PostgreSQL alike, and hold no literal percent sign (psycopg2 formats it).
"""

from __future__ import annotations

from typing import Any

from app.models.db import database


class FixedSql:
    __slots__ = ("template", "_texts")

    def __init__(self, template: str) -> None:
        self.template = template
        self._texts: dict[str, str] = {}

    def text(self) -> str:
        param = database.param
        text = self._texts.get(param)
        if text is None:
            text = self._texts[param] = self.template.format(p=param)
        return text

    def run(self, *params: Any) -> Any:
        """The cursor, for reading rows."""
        return database.execute_sql(self.text(), params)

    def row(self, *params: Any) -> tuple | None:
        """The first row, or None. Every row is read, so that a write with RETURNING has
        finished before the next statement."""
        rows = database.execute_sql(self.text(), params).fetchall()
        return rows[0] if rows else None

    def value(self, *params: Any) -> Any:
        """The first column of the first row, or None."""
        row = self.row(*params)
        return None if row is None else row[0]


def insert(table: str, columns: tuple[str, ...], returning: str | None = None) -> FixedSql:
    """``INSERT INTO table (columns) VALUES (...)``, with ``RETURNING`` the new row's id."""
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join(["{p}"] * len(columns))
    tail = f' RETURNING "{returning}"' if returning else ""
    return FixedSql(f'INSERT INTO "{table}" ({names}) VALUES ({marks}){tail}')
