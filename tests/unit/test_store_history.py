"""An item's movement history (入库、捐赠、兑换、盘点), newest first, each with when it
happened, the signed quantity, the stock after it, its particulars and the clerk who
made it; a retired item keeps its history."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import StoreSale
from app.services import store, store_items, store_stock
from app.services.errors.store import ItemNotFound
from app.services.store_items import ItemInput


@pytest.fixture
def towels(ctx):
    """Towels at 12 points, 3 received when the item was added (given by 爱心超市)."""
    return store_items.add_item(ctx, ItemInput("毛巾", 12, donor="爱心超市", stock=3))


def test_every_kind_of_movement_newest_first_with_its_clerk(ctx, clerk_ctx, towels, resident,
                                                             give, clock):
    give(resident.id, 50)
    clock.advance(minutes=5)
    store_stock.receive(clerk_ctx, "毛巾", 5, cost_yuan="12.50")
    clock.advance(minutes=5)
    store.sell(clerk_ctx, resident.id, [("毛巾", 2)], [])
    clock.advance(minutes=5)
    store_stock.stocktake(ctx, "毛巾", 5, "破损 1 条")
    rows = store_stock.movements("毛巾")
    assert [(r.kind, r.quantity, r.stock_after) for r in rows] == [
        ("stocktake", -1, 5), ("sale", -2, 6), ("receive", 5, 8), ("receive", 3, 3)]
    assert [r.clerk for r in rows] == ["王站长", "李敏", "李敏", "王站长"]
    assert [r.at for r in rows] == sorted((r.at for r in rows), reverse=True)
    assert isinstance(rows[0].at, dt.datetime) and rows[-1].at == clock.now() - \
        dt.timedelta(minutes=15)
    assert (rows[0].reason, rows[2].cost_fen, rows[3].donor) == ("破损 1 条", 1250, "爱心超市")
    sale = StoreSale.get()
    assert (rows[1].buyer, rows[1].sale) == (f"{resident.name}（{resident.resident_no}）",
                                             sale.uid)
    assert [r.buyer for r in rows if r.kind != "sale"] == ["", "", ""]


def test_a_retired_item_keeps_its_history(ctx, towels):
    store_items.retire_item(ctx, "毛巾")
    assert [(r.kind, r.quantity) for r in store_stock.movements("毛巾")] == [("receive", 3)]
    with pytest.raises(ItemNotFound):
        store_stock.movements("电视")


def test_the_history_stops_at_its_limit(ctx, towels):
    for quantity in range(1, 5):
        store_stock.receive(ctx, "毛巾", quantity)
    rows = store_stock.movements("毛巾", limit=2)
    assert [r.quantity for r in rows] == [4, 3]
