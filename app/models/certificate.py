"""The register of volunteer service certificates (志愿服务记录证明) the station issued."""

from __future__ import annotations

import peewee as pw

from app.models.base import BaseModel
from app.models.clerk import Clerk
from app.models.resident import Resident


class VolunteerCertificate(BaseModel):
    """One issued certificate, as printed: a fact, never changed or removed."""

    number = pw.CharField(unique=True)  # from the register, e.g. 2026-0007
    resident = pw.ForeignKeyField(Resident, backref="certificates")
    period_from = pw.DateField(null=True)
    period_to = pw.DateField(null=True)
    hours_tenths = pw.IntegerField()
    activities = pw.IntegerField()
    full_id = pw.BooleanField(default=False)  # the whole ID number was printed (admin, audited)
    person_in_charge = pw.CharField(default="")
    handler = pw.CharField(default="")
    issued_by = pw.ForeignKeyField(Clerk, backref="certificates_issued")
    issued_at = pw.DateTimeField()
