"""The base model: every table lives in the one proxied database."""

from __future__ import annotations

import peewee

from app.models.db import database


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False
