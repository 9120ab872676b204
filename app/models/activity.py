"""Check-ins at the desk."""

from __future__ import annotations

import peewee as pw

from app.models.base import BaseModel
from app.models.clerk import Clerk
from app.models.resident import Resident


class CheckIn(BaseModel):
    uid = pw.CharField(unique=True)
    resident = pw.ForeignKeyField(Resident, backref="checkins")
    checkin_date = pw.DateField(index=True)
    purpose = pw.CharField()
    clerk = pw.ForeignKeyField(Clerk)
    created_at = pw.DateTimeField()
