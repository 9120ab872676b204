"""The base model: every table lives in the one proxied database."""

from __future__ import annotations

import peewee

from app.models.db import database

# A text column added to a table that already has rows: the database fills them with ''
# (peewee's own NOT NULL column add rebuilds a SQLite table, breaking its foreign keys).
EMPTY = peewee.SQL("DEFAULT ''")


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False
