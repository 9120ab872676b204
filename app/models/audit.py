"""Operation records (idempotency) and the hash-chained audit log."""

from __future__ import annotations

import peewee as pw

from app.models.base import BaseModel


class OperationRecord(BaseModel):
    """The first result of each request id: a repeated request returns it unchanged."""

    request_id = pw.CharField(unique=True)
    # Whose request it was: another clerk presenting the same id is refused. Empty for
    # requests recorded before version 4 of the schema.
    clerk_id = pw.IntegerField(null=True)
    kind = pw.CharField()
    fingerprint = pw.CharField()
    result = pw.TextField()
    created_at = pw.DateTimeField()


class AuditRecord(BaseModel):
    seq = pw.AutoField()
    at = pw.DateTimeField()
    clerk_id = pw.IntegerField(null=True)
    clerk_name = pw.CharField(default="")
    action = pw.CharField()
    target = pw.CharField(default="")
    detail = pw.TextField(default="{}")
    prev_hash = pw.CharField()
    hash = pw.CharField(unique=True)
    mac = pw.CharField(null=True)  # app.services.seal: the chain cannot be rebuilt without it
