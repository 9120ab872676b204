"""Station identity and settings, and the station's voucher-signing keys."""

from __future__ import annotations

import secrets

import peewee as pw

from app.models.base import EMPTY, BaseModel


class Station(BaseModel):
    """The one station this database belongs to (a single row)."""

    code = pw.CharField(unique=True)
    name = pw.CharField()
    # rate_points points are worth rate_yuan yuan (1:1 by default; 10:1 and 1:3 occur).
    rate_points = pw.IntegerField(default=1)
    rate_yuan = pw.IntegerField(default=1)
    voucher_validity = pw.CharField(default="year_end")  # year_end | days:N
    expiry_policy = pw.CharField(default="year_end")  # year_end | none
    denominations = pw.CharField(default="50,20,10,5,1")
    min_issue_points = pw.IntegerField(default=5)
    idle_lock_minutes = pw.IntegerField(default=10)
    created_at = pw.DateTimeField()
    # Demo data was loaded: every screen and printout says so until an admin starts for
    # real (a new, empty station database; see app.runtime.fresh_start).
    demo = pw.BooleanField(default=False)
    # Step 13: the days a reviewed deed stays on the public notice (公示) before it counts.
    notice_days = pw.IntegerField(default=3, constraints=[pw.SQL("DEFAULT 3")])
    # Step 14: district packages. Residents leave the station only as pseudonyms keyed by
    # this secret (which never leaves it), unless an admin authorised the centre to receive
    # names, ID numbers and phones (audited).
    package_secret = pw.CharField(default=lambda: secrets.token_hex(32), constraints=[EMPTY])
    share_identities = pw.BooleanField(default=False, constraints=[pw.SQL("DEFAULT FALSE")])


def station_code() -> str:
    """The station's code, read once per open database (it never changes after set-up)."""
    from app.models.db import database

    code = getattr(database.obj, "station_code", None)
    if code is None:
        code = Station.select(Station.code).scalar()
        if code is None:
            return ""
        database.obj.station_code = code
    return code


class SigningKey(BaseModel):
    """An Ed25519 key pair; the private half only ever stored encrypted."""

    key_id = pw.IntegerField(primary_key=True)
    public_key = pw.BlobField()
    private_key_encrypted = pw.BlobField(null=True)
    valid_from = pw.DateField()
    retired_on = pw.DateField(null=True)
    revoked_at = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField()
