"""The points store's stock: every change is an append-only movement (received, sold,
counted), and the item's ``stock`` moves in the same transaction through one guarded
UPDATE, so two desks taking the last one cannot both succeed and the stock never goes
below zero (the database's CHECK refuses it too)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import peewee as pw

from app.models import Clerk, Resident, StockMovement, StoreItem, StoreSale
from app.services import audit, operations, store_items, text
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import InvalidInput, ReasonRequired
from app.services.permissions import require
from app.services.store_moves import move

MAX_COST_YUAN = Decimal(1_000_000)


def yuan_to_fen(value: object) -> int | None:
    """A cost typed in yuan (``12.5``, ``１２``) as whole fen; blank is unknown."""
    if value is None or str(value).strip() == "":
        return None
    typed = text.ascii_digits(value)
    try:
        amount = Decimal(typed) if typed is not None else Decimal(-1)
    except InvalidOperation:
        amount = Decimal(-1)
    if not (0 <= amount <= MAX_COST_YUAN) or amount != amount.quantize(Decimal("0.01")):
        raise InvalidInput(what="进货金额须为不小于 0 的元数，最多两位小数。",
                           what_en="The cost: yuan, at least 0, at most two decimals.",
                           field="cost")
    return int(amount * 100)


@dataclass(frozen=True)
class Moved:
    item: str
    quantity: int
    stock: int
    unit: str

    def as_dict(self) -> dict:
        return dict(self.__dict__)

    @property
    def changes(self) -> Changes:
        return Changes(settings=True)


def receive(ctx: Context, query: str | int, quantity: object, donor: str = "",
            cost_yuan: object = None, request_id: str | None = None) -> Moved:
    """Stock received: bought (with its cost in yuan, where known) or given by ``donor``."""
    require(ctx, "store.stock")
    count = store_items.whole(quantity, "quantity", "入库数量", "The quantity")
    donor = text.clean(donor, store_items.DONOR, field="donor")
    cost_fen = yuan_to_fen(cost_yuan)

    def body(rid: str) -> dict:
        item = store_items.find(query)
        after = move(ctx, item, count, "receive", rid, cost_fen=cost_fen, donor=donor)
        audit.record(ctx, "store.receive", item.uid,
                     {"quantity": count, "donor": donor, "cost_fen": cost_fen})
        return {"item": item.name, "quantity": count, "stock": after, "unit": item.unit}

    result, _ = operations.run(ctx, "store.receive", request_id,
                               {"item": str(query), "quantity": count, "donor": donor,
                                "cost_fen": cost_fen}, body)
    return Moved(**result)


def stocktake(ctx: Context, query: str | int, counted: object, reason: str,
              request_id: str | None = None) -> Moved:
    """The stock as counted on the shelf, with why it differs (a movement of the
    difference; a count that agrees is recorded too, as a zero movement)."""
    require(ctx, "store.stock")
    count = store_items.whole(counted, "count", "盘点数量", "The count", minimum=0)
    reason = text.clean(reason, text.REASON, field="reason")
    if not reason:
        raise ReasonRequired()

    def body(rid: str) -> dict:
        item = store_items.find(query)
        stock = StoreItem.select(StoreItem.stock).where(StoreItem.id == item.id).scalar()
        after = move(ctx, item, count - stock, "stocktake", rid, reason=reason)
        audit.record(ctx, "store.stocktake", item.uid,
                     {"before": stock, "counted": count, "reason": reason})
        return {"item": item.name, "quantity": count - stock, "stock": after,
                "unit": item.unit}

    result, _ = operations.run(ctx, "store.stocktake", request_id,
                               {"item": str(query), "count": count, "reason": reason}, body)
    return Moved(**result)


@dataclass(frozen=True)
class MovementRow:
    """One line of an item's history: ``kind`` receive (``donor`` set when given),
    sale or stocktake; ``clerk`` the display name of who made it; a sale's ``buyer`` (name
    and resident number) and ``sale`` (its uid, as on the receipt)."""

    at: dt.datetime
    kind: str
    quantity: int
    stock_after: int
    donor: str
    reason: str
    cost_fen: int | None
    clerk: str
    buyer: str = ""
    sale: str = ""


def movements(query: str | int, limit: int = 100) -> list[MovementRow]:
    """An item's movements, newest first (a retired item's too)."""
    item = store_items.find(query, active_only=False)
    rows = (StockMovement.select(StockMovement, Clerk.display_name,
                                 StoreSale.uid.alias("sale_uid"), Resident.name,
                                 Resident.resident_no)
            .join(Clerk, pw.JOIN.LEFT_OUTER, on=StockMovement.clerk == Clerk.id)
            .switch(StockMovement)
            .join(StoreSale, pw.JOIN.LEFT_OUTER, on=StockMovement.sale == StoreSale.id)
            .join(Resident, pw.JOIN.LEFT_OUTER, on=StoreSale.resident == Resident.id)
            .where(StockMovement.item == item.id)
            .order_by(StockMovement.id.desc()).limit(limit).objects())
    return [MovementRow(m.at, m.kind, m.quantity, m.stock_after, m.donor, m.reason,
                        m.cost_fen, m.display_name or "",
                        f"{m.name}（{m.resident_no}）" if m.name else "", m.sale_uid or "")
            for m in rows]
