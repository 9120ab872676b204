"""One movement of an item's stock, with the item's ``stock`` moved by one guarded UPDATE
in the same transaction: a change that would take it below zero matches no row and is
refused, so two desks taking the last one cannot both succeed."""

from __future__ import annotations

import uuid
from typing import Protocol

from app.models import StoreItem
from app.models.fixed_sql import FixedSql, insert
from app.models.station import station_code
from app.services.context import Context
from app.services.errors.store import OutOfStock

_MOVE = FixedSql('UPDATE "store_item" SET "stock" = "stock" + {p} '
                 'WHERE "id" = {p} AND "stock" + {p} >= 0 RETURNING "stock"')
_RECORD = insert("stock_movement", ("uid", "item_id", "kind", "quantity", "stock_after",
                                    "cost_fen", "donor", "reason", "sale_id", "clerk_id",
                                    "request_id", "at"))


class Stocked(Protocol):
    """An item as a movement needs it: a store item, or a sale's line of one."""

    name: str
    unit: str

    @property
    def item_id(self) -> int: ...


def move(ctx: Context, item: Stocked | StoreItem, quantity: int, kind: str, rid: str, *,
         cost_fen: int | None = None, donor: str = "", reason: str = "",
         sale_id: int | None = None) -> int:
    """Move ``item``'s stock by ``quantity`` and record it; call inside the operation's
    transaction. Refused (``OutOfStock``) when it would take the stock below zero."""
    item_id = item.id if isinstance(item, StoreItem) else item.item_id
    after = _MOVE.value(quantity, item_id, quantity)
    if after is None:
        stock = StoreItem.select(StoreItem.stock).where(StoreItem.id == item_id).scalar()
        raise OutOfStock(name=item.name, stock=stock or 0, wanted=-quantity, unit=item.unit)
    _RECORD.run(f"{station_code()}-K{uuid.uuid4().hex}", item_id, kind, quantity, after,
                cost_fen, donor, reason, sale_id, ctx.actor.clerk_id if ctx.actor else None,
                rid, ctx.clock.now())
    return after
