"""The points store's items (积分超市): goods and services priced in points, who gave them,
and when one is low; found by name, pinyin or number as the desk types.

A service (义剪 a haircut) keeps a stock like goods: the places on offer (a barber gives
twenty haircuts a month), so a sale can never promise one nobody will give.
"""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass

from app.models import StoreItem
from app.models.station import station_code
from app.services import audit, operations, pinyin, store_moves, text
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import InvalidInput
from app.services.errors.store import AmbiguousItem, ItemExists, ItemNotFound
from app.services.permissions import require

KINDS = {"goods": "物品", "service": "服务"}
ITEM_NAME = text.Kind("商品名称", "The item name", 40)
UNIT = text.Kind("单位", "The unit", 10)
CATEGORY = text.Kind("类别", "The category", 20)
DONOR = text.Kind("捐赠方", "The donor", 60)
MAX_POINTS = 100_000
MAX_QUANTITY = 100_000


@dataclass(frozen=True)
class ItemView:
    id: int
    uid: str
    name: str
    kind: str
    unit: str
    category: str
    points: int
    donor: str
    stock: int
    low_stock: int
    active: bool

    @property
    def low(self) -> bool:
        """At or below its low-stock mark (an item without a mark is low when gone)."""
        return self.stock <= self.low_stock

    def as_dict(self) -> dict:
        return {**self.__dict__, "low": self.low}

    @property
    def changes(self) -> Changes:
        return Changes(settings=True)


def view(item: StoreItem) -> ItemView:
    return ItemView(item.id, item.uid, item.name, item.kind, item.unit, item.category,
                    item.points, item.donor, item.stock, item.low_stock, item.active)


def whole(value: object, field: str, label_zh: str, label_en: str, *, minimum: int = 1,
          maximum: int = MAX_QUANTITY) -> int:
    """A whole number typed by the clerk, within bounds, or a refusal naming the field."""
    try:
        number = text.whole_number(value)
    except ValueError:
        number = -1
    if not minimum <= number <= maximum:
        raise InvalidInput(what=f"{label_zh}须为 {minimum} 到 {maximum} 之间的整数。",
                           what_en=f"{label_en}: a whole number from {minimum} to {maximum}.",
                           field=field)
    return number


@functools.cache
def _keys(name: str) -> tuple[str, str, str]:
    return pinyin.normalise(name), pinyin.full(name), pinyin.initials(name)


def matches(name: str, typed: str) -> bool:
    """``typed`` is part of the name, or the start of its full pinyin or its initials."""
    typed = pinyin.normalise(typed)
    if not typed:
        return False
    chars, full, initials = _keys(name)
    return typed in chars or full.startswith(typed) or initials.startswith(typed)


def search(typed: str, limit: int = 20) -> list[ItemView]:
    """Items on sale whose name or pinyin fits what was typed, exact names first. A store
    holds tens of items, so they are matched here rather than through an index."""
    items = [i for i in StoreItem.select().where(StoreItem.active == True)  # noqa: E712
             .order_by(StoreItem.name) if matches(i.name, typed)]
    items.sort(key=lambda i: i.name != typed.strip())
    return [view(i) for i in items[:limit]]


def find(query: str | int, active_only: bool = True) -> StoreItem:
    """The item a name, number or unambiguous name/pinyin fragment names."""
    typed = str(query).strip()
    item = StoreItem.get_or_none(StoreItem.name == typed)
    if item is None and typed.isascii() and typed.isdigit():
        item = StoreItem.get_or_none(StoreItem.id == int(typed))
    if item is None:
        found = search(typed)
        if len(found) > 1:
            raise AmbiguousItem(query=typed, names="、".join(i.name for i in found[:5]))
        item = StoreItem.get_by_id(found[0].id) if found else None
    if item is None or (active_only and not item.active):
        raise ItemNotFound(query=typed)
    return item


def list_items(low_only: bool = False, include_retired: bool = False) -> list[ItemView]:
    query = StoreItem.select().order_by(StoreItem.category, StoreItem.name)
    if not include_retired:
        query = query.where(StoreItem.active == True)  # noqa: E712
    items = [view(i) for i in query]
    return [i for i in items if i.low] if low_only else items


@dataclass(frozen=True)
class ItemInput:
    """What the clerk types for an item; ``stock`` is only for a new one (received)."""

    name: str
    points: int | str
    kind: str = "goods"
    unit: str = "件"
    category: str = ""
    donor: str = ""
    low_stock: int | str = 0
    stock: int | str = 0


def _clean(data: ItemInput) -> dict:
    if data.kind not in KINDS:
        raise InvalidInput(what="类型须为 goods（物品）或 service（服务）。",
                           what_en="The kind is goods or service.", field="kind")
    return {"name": text.clean(data.name, ITEM_NAME, field="name", required=True),
            "points": whole(data.points, "points", "积分价", "The points price",
                            maximum=MAX_POINTS),
            "kind": data.kind,
            "unit": text.clean(data.unit, UNIT, field="unit") or ("次" if data.kind == "service"
                                                                  else "件"),
            "category": text.clean(data.category, CATEGORY, field="category"),
            "donor": text.clean(data.donor, DONOR, field="donor"),
            "low_stock": whole(data.low_stock, "low_stock", "低库存提示", "The low-stock mark",
                               minimum=0)}


def add_item(ctx: Context, data: ItemInput, request_id: str | None = None) -> ItemView:
    """A new item; an opening ``stock`` is received as its first movement."""
    require(ctx, "store.items")
    fields = _clean(data)
    stock = whole(data.stock, "stock", "初始库存", "The opening stock", minimum=0)

    def body(rid: str) -> dict:
        if StoreItem.select().where(StoreItem.name == fields["name"]).exists():
            raise ItemExists(name=fields["name"])
        item = StoreItem.create(uid=f"{station_code()}-I{uuid.uuid4().hex}",
                                created_at=ctx.clock.now(), **fields)
        if stock:
            store_moves.move(ctx, item, stock, "receive", rid, donor=fields["donor"])
        audit.record(ctx, "store.item.add", item.uid, {**fields, "stock": stock})
        return {"id": item.id}

    result, _ = operations.run(ctx, "store.item.add", request_id, {**fields, "stock": stock},
                               body)
    return view(StoreItem.get_by_id(result["id"]))


def edit_item(ctx: Context, query: str | int, data: ItemInput,
              request_id: str | None = None) -> ItemView:
    """New name, price, unit, category, donor or low-stock mark (not the stock: that
    moves only by receiving, counting and selling)."""
    require(ctx, "store.items")
    fields = _clean(data)

    def body(rid: str) -> dict:
        item = find(query, active_only=False)
        if StoreItem.select().where(StoreItem.name == fields["name"],
                                    StoreItem.id != item.id).exists():
            raise ItemExists(name=fields["name"])
        before = {k: getattr(item, k) for k in fields}
        StoreItem.update(**fields).where(StoreItem.id == item.id).execute()
        audit.record(ctx, "store.item.edit", item.uid, {"before": before, "after": fields})
        return {"id": item.id}

    result, _ = operations.run(ctx, "store.item.edit", request_id,
                               {"item": str(query), **fields}, body)
    return view(StoreItem.get_by_id(result["id"]))


def retire_item(ctx: Context, query: str | int, request_id: str | None = None) -> ItemView:
    """Take an item off sale; its sales and movements stay on record."""
    require(ctx, "store.items")

    def body(rid: str) -> dict:
        item = find(query)
        StoreItem.update(active=False).where(StoreItem.id == item.id).execute()
        audit.record(ctx, "store.item.retire", item.uid, {"stock": item.stock})
        return {"id": item.id}

    result, _ = operations.run(ctx, "store.item.retire", request_id, {"item": str(query)}, body)
    return view(StoreItem.get_by_id(result["id"]))
