"""Where a data directory runs: one row each time its place was settled (first open,
moved here, made a second desk). The newest row is where it belongs."""

from __future__ import annotations

import peewee as pw

from app.models.base import BaseModel


class DeskPlacement(BaseModel):
    desk_no = pw.IntegerField()  # 1 for the first desk; a second desk's serials get a block
    machine = pw.CharField()  # a fingerprint of the machine id, never the id itself
    location = pw.TextField()  # the resolved path of the database file
    reason = pw.CharField()  # first | moved | second_desk
    clerk = pw.CharField(default="")  # the admin who decided ("" on the first open)
    at = pw.DateTimeField()
