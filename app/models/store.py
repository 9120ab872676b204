"""The points store (积分超市): items, their stock movements, and sales at the desk."""

from __future__ import annotations

import peewee as pw

from app.models.base import BaseModel
from app.models.clerk import Clerk
from app.models.resident import Resident
from app.models.voucher import Voucher


class StoreItem(BaseModel):
    """Goods or a service priced in points. ``stock`` is the sum of the item's movements,
    kept on the row so that a sale takes the last one with one guarded UPDATE."""

    uid = pw.CharField(unique=True)
    name = pw.CharField(unique=True)
    kind = pw.CharField(default="goods")  # goods | service
    unit = pw.CharField(default="件")
    category = pw.CharField(default="")
    points = pw.IntegerField(constraints=[pw.Check("points > 0")])
    donor = pw.CharField(default="")  # a unit or person who gives this item
    stock = pw.IntegerField(default=0, constraints=[pw.Check("stock >= 0")])
    low_stock = pw.IntegerField(default=0)  # listed as low at or below this
    active = pw.BooleanField(default=True)
    created_at = pw.DateTimeField()


class StoreSale(BaseModel):
    """One sale at the desk: what it cost, how it was paid, and the points returned when
    the vouchers came to more than the sale (never cash)."""

    uid = pw.CharField(unique=True)
    resident = pw.ForeignKeyField(Resident, backref="store_sales")
    points = pw.IntegerField()  # the items' total
    from_balance = pw.IntegerField(default=0)
    from_vouchers = pw.IntegerField(default=0)
    returned_points = pw.IntegerField(default=0)
    clerk = pw.ForeignKeyField(Clerk, backref="store_sales")
    request_id = pw.CharField()
    at = pw.DateTimeField(index=True)


class StoreSaleLine(BaseModel):
    sale = pw.ForeignKeyField(StoreSale, backref="lines")
    item = pw.ForeignKeyField(StoreItem, backref="sale_lines")
    quantity = pw.IntegerField()
    points_each = pw.IntegerField()


class StoreSaleVoucher(BaseModel):
    """A voucher spent on a sale; the voucher's resolution (redeemed) says the same."""

    sale = pw.ForeignKeyField(StoreSale, backref="vouchers")
    voucher = pw.ForeignKeyField(Voucher, unique=True, backref="store_sale")
    points = pw.IntegerField()


class StockMovement(BaseModel):
    """One change to an item's stock: received (bought or donated), sold, or counted."""

    uid = pw.CharField(unique=True)
    item = pw.ForeignKeyField(StoreItem, backref="movements")
    kind = pw.CharField()  # receive | sale | stocktake
    quantity = pw.IntegerField()  # signed
    stock_after = pw.IntegerField()
    cost_fen = pw.IntegerField(null=True)  # what was paid for a purchase, where known
    donor = pw.CharField(default="")
    reason = pw.CharField(default="")  # a stocktake's reason
    sale = pw.ForeignKeyField(StoreSale, null=True, backref="movements")
    clerk = pw.ForeignKeyField(Clerk, null=True, backref="stock_movements")
    request_id = pw.CharField()
    at = pw.DateTimeField()
