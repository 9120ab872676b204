"""Paying partner merchants: statements of the vouchers redeemed for each, and the moral
fund (道德基金) that pays them."""

from __future__ import annotations

import peewee as pw

from app.models.base import EMPTY, BaseModel
from app.models.clerk import Clerk
from app.models.store import StockMovement
from app.models.voucher import Merchant, Voucher


class Statement(BaseModel):
    """A merchant's statement for a period: draft → approved (an admin; never changed
    after) → paid. A correction is a new statement that ``adjusts`` an approved one."""

    uid = pw.CharField(unique=True)
    number = pw.CharField(unique=True)
    merchant = pw.ForeignKeyField(Merchant, backref="statements")
    period_from = pw.DateField()
    period_to = pw.DateField()
    state = pw.CharField(default="draft")  # draft | approved | paid
    vouchers = pw.IntegerField(default=0)
    points = pw.IntegerField(default=0)
    rate_points = pw.IntegerField()  # the station's rate when the statement was made
    rate_yuan = pw.IntegerField()
    amount_fen = pw.IntegerField(default=0)  # payable; an adjusting statement may be < 0
    adjusts = pw.ForeignKeyField("self", null=True, backref="adjustments")
    note = pw.TextField(default="")
    created_by = pw.ForeignKeyField(Clerk, backref="statements_made")
    created_at = pw.DateTimeField()
    approved_by = pw.ForeignKeyField(Clerk, null=True, backref="statements_approved")
    approved_at = pw.DateTimeField(null=True)
    paid_on = pw.DateField(null=True)
    paid_reference = pw.CharField(default="")


class StatementItem(BaseModel):
    """A redeemed voucher on a statement: each on exactly one (the UNIQUE voucher)."""

    statement = pw.ForeignKeyField(Statement, backref="items")
    voucher = pw.ForeignKeyField(Voucher, unique=True, backref="statement_item")
    points = pw.IntegerField()


class FundEntry(BaseModel):
    """The moral fund's book: a contribution (+) or a payment (−), with the balance after."""

    uid = pw.CharField(unique=True)
    kind = pw.CharField()  # contribution | payment
    amount_fen = pw.IntegerField()  # signed
    balance_after_fen = pw.IntegerField()
    entry_date = pw.DateField(index=True)
    source = pw.CharField(default="")  # the member unit (联合大党委成员单位)
    budget_line = pw.CharField(default="")
    statement = pw.ForeignKeyField(Statement, null=True, backref="fund_entries")
    note = pw.TextField(default="")
    clerk = pw.ForeignKeyField(Clerk, backref="fund_entries")
    request_id = pw.CharField()
    at = pw.DateTimeField()
    # Step 12: the person or unit who gave (beside the member unit), and the store
    # purchase a payment paid for.
    donor = pw.CharField(default="", constraints=[EMPTY])
    stock_movement = pw.ForeignKeyField(StockMovement, null=True, backref="fund_entries")
