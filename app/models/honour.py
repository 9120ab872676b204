"""The honour roll (光荣榜): commendations, and residents' nominations of good people."""

from __future__ import annotations

import peewee as pw

from app.models.base import BaseModel
from app.models.clerk import Clerk
from app.models.resident import Household, Resident


class Nomination(BaseModel):
    """A resident put forward at the desk (我推荐我评议身边好人), decided by an admin."""

    uid = pw.CharField(unique=True)
    nominee = pw.ForeignKeyField(Resident, backref="nominations")
    partner = pw.ForeignKeyField(Resident, null=True, backref="nominations_as_partner")
    title = pw.CharField()  # the honour proposed, e.g. 身边好人
    reason = pw.TextField()
    nominator = pw.ForeignKeyField(Resident, null=True, backref="nominations_made")
    nominator_name = pw.CharField(default="")  # a unit, or someone not on the roster
    state = pw.CharField(default="pending", index=True)  # pending | accepted | declined
    recorded_by = pw.ForeignKeyField(Clerk, backref="nominations_recorded")
    recorded_at = pw.DateTimeField()
    decided_by = pw.ForeignKeyField(Clerk, null=True, backref="nominations_decided")
    decided_at = pw.DateTimeField(null=True)
    decision_note = pw.TextField(default="")


class Commendation(BaseModel):
    """An honour given to a person, a pair (好婆媳, 好邻居: ``partner``) or a household."""

    uid = pw.CharField(unique=True)
    title = pw.CharField()  # 道德模范, 身边好人, 好婆婆, 文明家庭, 最美志愿者…
    level = pw.CharField()  # community | street | district | city | province | national
    awarded_on = pw.DateField(index=True)
    resident = pw.ForeignKeyField(Resident, null=True, backref="commendations")
    partner = pw.ForeignKeyField(Resident, null=True, backref="commendations_as_partner")
    household = pw.ForeignKeyField(Household, null=True, backref="commendations")
    citation = pw.TextField(default="")
    nomination = pw.ForeignKeyField(Nomination, null=True, backref="commendations")
    created_by = pw.ForeignKeyField(Clerk, backref="commendations_recorded")
    created_at = pw.DateTimeField()
    withdrawn_at = pw.DateTimeField(null=True)  # recorded in error; stays for the audit
    withdrawn_reason = pw.TextField(default="")
