"""One movement of an item's stock, with the item's ``stock`` moved by one guarded UPDATE
in the same transaction: a change that would take it below zero matches no row and is
refused, so two desks taking the last one cannot both succeed."""

from __future__ import annotations

import uuid

from app.models import StockMovement, StoreItem
from app.models.fixed_sql import FixedSql
from app.models.station import station_code
from app.services.context import Context
from app.services.errors.store import OutOfStock

_MOVE = FixedSql('UPDATE "store_item" SET "stock" = "stock" + {p} '
                 'WHERE "id" = {p} AND "stock" + {p} >= 0 RETURNING "stock"')


def move(ctx: Context, item: StoreItem, quantity: int, kind: str, rid: str, *,
         cost_fen: int | None = None, donor: str = "", reason: str = "",
         sale_id: int | None = None) -> int:
    """Move ``item``'s stock by ``quantity`` and record it; call inside the operation's
    transaction. Refused (``OutOfStock``) when it would take the stock below zero."""
    after = _MOVE.value(quantity, item.id, quantity)
    if after is None:
        stock = StoreItem.select(StoreItem.stock).where(StoreItem.id == item.id).scalar()
        raise OutOfStock(name=item.name, stock=stock or 0, wanted=-quantity, unit=item.unit)
    StockMovement.create(uid=f"{station_code()}-K{uuid.uuid4().hex}", item=item.id, kind=kind,
                         quantity=quantity, stock_after=after, cost_fen=cost_fen, donor=donor,
                         reason=reason, sale=sale_id,
                         clerk=ctx.actor.clerk_id if ctx.actor else None, request_id=rid,
                         at=ctx.clock.now())
    return after
