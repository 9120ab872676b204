"""Clerks who sign in at the desk, with their role and sign-in throttle state."""

from __future__ import annotations

import peewee as pw

from app.models.base import BaseModel


class Clerk(BaseModel):
    username = pw.CharField(unique=True)
    display_name = pw.CharField()
    role = pw.CharField()  # clerk | admin
    password_hash = pw.CharField()
    active = pw.BooleanField(default=True)
    # Kept in the database so that a restart does not reset the throttle.
    failed_attempts = pw.IntegerField(default=0)
    locked_until = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField()
