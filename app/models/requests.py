"""Residents' requests (百姓点单, 微心愿) taken at the desk and carried out by a team."""

from __future__ import annotations

import peewee as pw

from app.models.base import BaseModel
from app.models.clerk import Clerk
from app.models.resident import Resident
from app.models.volunteer import Activity, Team


class ResidentRequest(BaseModel):
    """One need brought to the station: ``open`` → ``assigned`` (a team takes it on) →
    ``done``; it may become an activity on the way, or be ``withdrawn``."""

    uid = pw.CharField(unique=True)
    kind = pw.CharField(default="order")  # order (百姓点单) | wish (微心愿)
    text = pw.TextField()
    resident = pw.ForeignKeyField(Resident, null=True, backref="requests")  # who asked
    beneficiary = pw.CharField(default="")  # for whom, when not the one who asked
    urgency = pw.CharField(default="normal")  # normal | urgent
    status = pw.CharField(default="open", index=True)  # open | assigned | done | withdrawn
    team = pw.ForeignKeyField(Team, null=True, backref="requests")
    activity = pw.ForeignKeyField(Activity, null=True, backref="requests")
    note = pw.TextField(default="")  # how it was met, written when it is done
    taken_by = pw.ForeignKeyField(Clerk, backref="requests_taken")
    taken_at = pw.DateTimeField()
    assigned_at = pw.DateTimeField(null=True)
    done_by = pw.ForeignKeyField(Clerk, null=True, backref="requests_done")
    done_at = pw.DateTimeField(null=True)
