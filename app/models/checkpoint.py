"""How far the ledger, the vouchers and the audit log have been verified: the start-up
check verifies only what was written after this row (app.services.checkpoint)."""

from __future__ import annotations

import peewee as pw

from app.models.base import BaseModel


class VerifiedCheckpoint(BaseModel):
    """One row: the highest id of each sealed table that a passed check covered, and the
    audit record's hash there (the chain is verified on from it). Sealed like the rows it
    counts, so an edited checkpoint cannot hide later records from the check."""

    ledger_seq = pw.IntegerField()
    voucher_id = pw.IntegerField()
    resolution_id = pw.IntegerField()
    operation_id = pw.IntegerField()
    audit_seq = pw.IntegerField()
    audit_hash = pw.CharField()
    checked_at = pw.CharField()  # ISO text: sealed exactly as stored on either database
    mac = pw.CharField(null=True)  # app.services.seal
