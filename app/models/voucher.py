"""Merchants, vouchers and how each voucher was resolved (exactly once)."""

from __future__ import annotations

import peewee as pw

from app.models.base import EMPTY, BaseModel
from app.models.clerk import Clerk
from app.models.resident import Resident


class Merchant(BaseModel):
    """A partner merchant where vouchers are spent (指定商户); ``active`` False: suspended."""

    uid = pw.CharField(unique=True)
    name = pw.CharField(unique=True)
    active = pw.BooleanField(default=True)
    created_at = pw.DateTimeField()
    # Schema step 11: what a resident and the station need to know of the partner. The
    # database's own default lets the step add them in place (see migrations).
    contact = pw.CharField(default="", constraints=[EMPTY])
    phone = pw.CharField(default="", constraints=[EMPTY])
    address = pw.CharField(default="", constraints=[EMPTY])
    offer = pw.CharField(default="", constraints=[EMPTY])  # what it sells or does for vouchers
    terms = pw.CharField(default="", constraints=[EMPTY])  # e.g. vouchers cover half a bill
    share_percent = pw.IntegerField(null=True)  # the share of a bill vouchers may cover
    agreement_from = pw.DateField(null=True)
    agreement_to = pw.DateField(null=True)


class Voucher(BaseModel):
    serial = pw.CharField(unique=True)  # <station>-<year>-<6-digit seq>
    year = pw.IntegerField()
    seq = pw.IntegerField()
    resident = pw.ForeignKeyField(Resident, backref="vouchers")
    points = pw.IntegerField()
    issue_date = pw.DateField()
    expiry_date = pw.DateField()
    scope = pw.CharField()  # any | merchant | store
    merchant = pw.ForeignKeyField(Merchant, null=True, backref="vouchers")
    key_id = pw.IntegerField()
    token = pw.TextField()
    nonce = pw.CharField(null=True)  # hex; inside the signed token (None: a version 1 token)
    check_code = pw.CharField()
    issue_uid = pw.CharField(index=True)  # the issuing operation
    clerk = pw.ForeignKeyField(Clerk, backref="vouchers_issued")
    created_at = pw.DateTimeField()
    mac = pw.CharField(null=True)  # app.services.seal

    class Meta:
        indexes = ((("year", "seq"), True),)


class VoucherResolution(BaseModel):
    """Redeemed, voided or expired: the UNIQUE voucher column is the single-use guarantee."""

    voucher = pw.ForeignKeyField(Voucher, unique=True, backref="resolutions")
    kind = pw.CharField()  # redeemed | voided | expired
    at = pw.DateTimeField()
    clerk = pw.ForeignKeyField(Clerk, null=True)
    merchant = pw.ForeignKeyField(Merchant, null=True)
    reason = pw.TextField(default="")
    request_id = pw.CharField()
    mac = pw.CharField(null=True)  # app.services.seal


class SerialFloor(BaseModel):
    """Serials a year's vouchers must stay above: those the station issued in data that a
    restore replaced. A serial, once given out, is never given out again."""

    year = pw.IntegerField()
    floor = pw.IntegerField()
    reason = pw.TextField(default="")
    at = pw.DateTimeField()


class VoucherPrint(BaseModel):
    """Each time a voucher was printed; every print after the first is a reprint (补打)."""

    voucher = pw.ForeignKeyField(Voucher, backref="prints")
    at = pw.DateTimeField()
    clerk = pw.ForeignKeyField(Clerk, null=True)
    reprint = pw.BooleanField(default=False)
