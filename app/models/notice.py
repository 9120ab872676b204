"""Objections raised against a deed while it is on the public notice (公示)."""

from __future__ import annotations

import peewee as pw

from app.models.base import BaseModel
from app.models.clerk import Clerk
from app.models.ledger import Deed


class Objection(BaseModel):
    """An objection holds the deed's points until an admin resolves it: upheld (the deed
    is rejected) or dismissed (the deed counts once its notice period is over)."""

    uid = pw.CharField(unique=True)
    deed = pw.ForeignKeyField(Deed, backref="objections")
    reason = pw.TextField()
    raised_by = pw.CharField(default="")  # who objected, if they gave a name
    recorded_by = pw.ForeignKeyField(Clerk, backref="objections_recorded")
    recorded_at = pw.DateTimeField()
    state = pw.CharField(default="open", index=True)  # open | upheld | dismissed
    resolved_by = pw.ForeignKeyField(Clerk, null=True, backref="objections_resolved")
    resolved_at = pw.DateTimeField(null=True)
    resolution = pw.TextField(default="")
