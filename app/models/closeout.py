"""Daily close-outs (日结): what one clerk at one desk did since the last close-out."""

from __future__ import annotations

import peewee as pw

from app.models.base import BaseModel
from app.models.clerk import Clerk


class Closeout(BaseModel):
    """The figures of a close-out as printed and signed. A day once closed stays closed:
    what was written after ``to_at`` belongs to the next close-out."""

    uid = pw.CharField(unique=True)
    business_date = pw.DateField()
    desk_no = pw.IntegerField()
    clerk = pw.ForeignKeyField(Clerk, backref="closeouts")
    from_at = pw.DateTimeField(null=True)  # the previous close-out's end; None: the first
    to_at = pw.DateTimeField()
    figures = pw.TextField()  # JSON, every figure as recomputed and reconciled
    differences = pw.IntegerField(default=0)  # figures that did not reconcile
    request_id = pw.CharField()
    created_at = pw.DateTimeField()

    class Meta:
        indexes = ((("business_date", "desk_no", "clerk"), True),)
