"""Deeds and the append-only points ledger."""

from __future__ import annotations

import peewee as pw

from app.models.base import BaseModel
from app.models.catalogue import DeedType
from app.models.clerk import Clerk
from app.models.resident import Resident


class Deed(BaseModel):
    uid = pw.CharField(unique=True)
    # Indexed together with deed_type and deed_date below (the cap look-up). No index of
    # its own on the type or either clerk: nothing looks deeds up by them, and every index
    # costs each deed its page writes.
    resident = pw.ForeignKeyField(Resident, backref="deeds", index=False)
    deed_type = pw.ForeignKeyField(DeedType, backref="deeds", index=False)
    quantity_tenths = pw.IntegerField()  # 1.5 hours is stored as 15
    deed_date = pw.DateField()
    points = pw.IntegerField()
    override_reason = pw.TextField(default="")
    note = pw.TextField(default="")
    status = pw.CharField(index=True)  # approved | pending | rejected
    recorded_by = pw.ForeignKeyField(Clerk, backref="deeds_recorded", index=False)
    recorded_at = pw.DateTimeField()
    reviewed_by = pw.ForeignKeyField(Clerk, null=True, backref="deeds_reviewed", index=False)
    reviewed_at = pw.DateTimeField(null=True)
    review_note = pw.TextField(default="")
    group_uid = pw.CharField(null=True)
    # Step 13: a deed of a type that needs review is posted on the board (公示) until this
    # day; its points count only after it, and only if no objection is upheld.
    notice_until = pw.DateField(null=True)

    class Meta:
        indexes = ((("resident", "deed_type", "deed_date"), False),)


class LedgerEntry(BaseModel):
    """One signed change to one resident's points. Never updated, never deleted."""

    seq = pw.AutoField()
    uid = pw.CharField(unique=True)
    # Indexed together with seq below, which serves every per-resident look-up.
    resident = pw.ForeignKeyField(Resident, backref="ledger", index=False)
    kind = pw.CharField()  # award | deduct | issue | refund | adjust | reversal | expire
    points = pw.IntegerField()
    balance_after = pw.IntegerField()
    # No index on deed, request_id or clerk: nothing looks entries up by them, and every
    # index costs each deed its page writes. The voucher serial is looked up (the check).
    deed = pw.ForeignKeyField(Deed, null=True, backref="entries", index=False)
    voucher_serial = pw.CharField(null=True, index=True)
    corrects = pw.ForeignKeyField("self", null=True, backref="corrections")
    request_id = pw.CharField()
    clerk = pw.ForeignKeyField(Clerk, null=True, backref="entries", index=False)
    reason = pw.TextField(default="")
    business_date = pw.DateField()
    created_at = pw.DateTimeField()
    mac = pw.CharField(null=True)  # app.services.seal

    class Meta:
        indexes = (
            (("resident", "seq"), False),
            (("kind", "business_date"), False),  # the newest clearing, at every deed
        )
