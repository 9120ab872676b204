"""The district roll-up: packages a station sends to its centre and gets back, and, in a
centre's database, the organisation tree, the stations' keyrings, the merged records and
the exceptions found while merging.

Both sides live in every database (one schema); a centre's database is the one with a
``Centre`` row, a station's the one with a ``Station`` row.
"""

from __future__ import annotations

import peewee as pw

from app.models.base import BaseModel
from app.models.clerk import Clerk

# --- at the station ---------------------------------------------------------------------


class PackageExport(BaseModel):
    """A package this station wrote for its centre: its number and where the next starts."""

    seq = pw.IntegerField(unique=True)  # 1, 2, 3… a gap or a repeat is seen at the centre
    uid = pw.CharField(unique=True)
    full = pw.BooleanField(default=False)  # everything from the beginning (--full)
    period_from = pw.DateTimeField(null=True)  # the previous package's end; None: the start
    period_to = pw.DateTimeField()
    marks = pw.TextField()  # JSON: table -> the highest id the package holds
    counts = pw.TextField()  # JSON: record kind -> records in the package
    sha256 = pw.CharField()  # of the whole file as written
    key_id = pw.IntegerField()
    identities = pw.BooleanField(default=False)  # names, ID numbers and phones included
    clerk = pw.ForeignKeyField(Clerk, null=True, backref="packages_exported")
    request_id = pw.CharField()
    created_at = pw.DateTimeField()


class CentrePackage(BaseModel):
    """A package from the centre applied at this station (catalogue, notices, revoked
    keys, exceptions); the first one applied pins the centre's public key."""

    seq = pw.IntegerField(unique=True)
    centre_name = pw.CharField()
    public_key = pw.BlobField()
    sha256 = pw.CharField(unique=True)
    summary = pw.TextField()  # JSON: what changed, as shown after applying
    clerk = pw.ForeignKeyField(Clerk, null=True, backref="centre_packages_applied")
    request_id = pw.CharField()
    applied_at = pw.DateTimeField()


class CentreMessage(BaseModel):
    """A notice or an exception the centre sent this station, kept to be read."""

    uid = pw.CharField(unique=True)
    kind = pw.CharField()  # notice | exception
    title = pw.CharField()
    body = pw.TextField(default="")
    package = pw.ForeignKeyField(CentrePackage, backref="messages")
    received_at = pw.DateTimeField()
    read_at = pw.DateTimeField(null=True)


# --- at the centre ----------------------------------------------------------------------


class Centre(BaseModel):
    """The one district centre this database belongs to (a single row) and its key for
    the packages it sends back (the private half encrypted, as a station's keys are)."""

    uid = pw.CharField(unique=True)
    name = pw.CharField()
    public_key = pw.BlobField()
    private_key_encrypted = pw.BlobField()
    created_at = pw.DateTimeField()


class Institute(BaseModel):
    """A street institute (实践所) between the centre and its stations."""

    uid = pw.CharField(unique=True)
    name = pw.CharField(unique=True)
    created_at = pw.DateTimeField()


class MemberStation(BaseModel):
    """A station registered at the centre, with where its packages have got to."""

    code = pw.CharField(unique=True)
    name = pw.CharField(default="")
    institute = pw.ForeignKeyField(Institute, backref="stations")
    registered_at = pw.DateTimeField()
    last_seq = pw.IntegerField(null=True)  # the highest package number imported
    last_exported_at = pw.DateTimeField(null=True)  # when that package was written
    last_imported_at = pw.DateTimeField(null=True)
    sent_seq = pw.IntegerField(default=0)  # the last package the centre sent it


class MemberKey(BaseModel):
    """A public key of a member station, from its exported keyring."""

    station = pw.ForeignKeyField(MemberStation, backref="keys")
    key_id = pw.IntegerField()
    public_key = pw.BlobField()
    valid_from = pw.DateField()
    retired_on = pw.DateField(null=True)
    revoked_at = pw.DateTimeField(null=True)

    class Meta:
        indexes = ((("station", "key_id"), True),)


class PackageReceipt(BaseModel):
    """A station package imported at the centre. Two receipts with one number and two
    hashes: the station's data was copied or restored (an exception is listed)."""

    station = pw.ForeignKeyField(MemberStation, backref="receipts")
    seq = pw.IntegerField()
    sha256 = pw.CharField(unique=True)  # the same file twice is one receipt
    full = pw.BooleanField(default=False)
    key_id = pw.IntegerField()
    period_from = pw.DateTimeField(null=True)
    period_to = pw.DateTimeField()
    counts = pw.TextField()  # JSON, as in the manifest
    added = pw.IntegerField(default=0)  # records new at the centre
    changed = pw.IntegerField(default=0)  # records replaced by a newer version
    imported_at = pw.DateTimeField()
    request_id = pw.CharField()

    class Meta:
        indexes = ((("station", "seq"), False),)


class DistrictRecord(BaseModel):
    """One record of a station, merged at the centre: append-only kinds are a set union
    keyed by their global id; the kinds a station may change (residents, activities,
    statements…) keep the version from the highest package number.

    The columns besides ``data`` are what the district reports count by, filled by the
    station as it writes the package, so the centre needs no knowledge of each kind's
    fields to merge them."""

    station = pw.ForeignKeyField(MemberStation, backref="records", index=False)
    kind = pw.CharField()
    uid = pw.CharField()
    day = pw.DateField(null=True)
    resident = pw.CharField(null=True)  # a pseudonym, never a name or an ID number
    amount = pw.BigIntegerField(null=True)
    category = pw.CharField(null=True)
    ref = pw.CharField(null=True)
    data = pw.TextField()  # JSON: the whole record
    digest = pw.CharField()  # sha256 of the record as sent: a different one is a conflict
    package_seq = pw.IntegerField()

    class Meta:
        indexes = (
            (("kind", "uid"), True),
            (("station", "kind", "day"), False),
            (("kind", "day"), False),
        )


class DistrictException(BaseModel):
    """Something the centre must follow up: a voucher redeemed in two places, a record
    that contradicts another, a package repeated with other contents, a clock far off."""

    uid = pw.CharField(unique=True)
    kind = pw.CharField(index=True)  # double_redemption | contradiction | fork | gap | clock
    station = pw.ForeignKeyField(MemberStation, backref="exceptions")
    subject = pw.CharField()  # e.g. the voucher serial
    detail = pw.TextField()  # JSON
    receipt = pw.ForeignKeyField(PackageReceipt, null=True, backref="exceptions")
    found_at = pw.DateTimeField()
    state = pw.CharField(default="open")  # open | closed
    note = pw.TextField(default="")


class CentreNotice(BaseModel):
    """A notice the centre sends down with the next packages (to one station or all)."""

    uid = pw.CharField(unique=True)
    station = pw.ForeignKeyField(MemberStation, null=True, backref="notices")
    title = pw.CharField()
    body = pw.TextField(default="")
    created_at = pw.DateTimeField()


class ReturnPackage(BaseModel):
    """A package the centre wrote for a station (``centre package-for``)."""

    station = pw.ForeignKeyField(MemberStation, backref="returns")
    seq = pw.IntegerField()
    sha256 = pw.CharField()
    counts = pw.TextField()  # JSON
    created_at = pw.DateTimeField()
    request_id = pw.CharField()

    class Meta:
        indexes = ((("station", "seq"), True),)
