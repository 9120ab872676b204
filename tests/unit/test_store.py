"""The points store: items, stock received and counted, and sales paid by vouchers (the
surplus back to the points, never cash), from the balance, or both; every refusal leaves
the data as it was, and the integrity check stays clean."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import LedgerEntry, StockMovement, StoreItem, StoreSale, VoucherResolution
from app.services import integrity, ledger, residents, store, store_items, store_stock, vouchers
from app.services.errors import (
    InsufficientPoints,
    InvalidInput,
    PermissionDenied,
    ReasonRequired,
    VoucherAlreadyResolved,
    VoucherRejected,
)
from app.services.errors.store import (
    AmbiguousItem,
    EmptySale,
    ItemExists,
    ItemNotFound,
    OutOfStock,
    PaymentShort,
    VoucherNotNeeded,
    VoucherOfAnotherResident,
    VoucherTwice,
)
from app.services.residents import ResidentInput
from app.services.store_items import ItemInput


@pytest.fixture
def shelf(ctx):
    """Soap at 5 points (10 in stock), towels at 12 (3), rice at 30 (1)."""
    for name, points, stock in (("香皂", 5, 10), ("毛巾", 12, 3), ("大米", 30, 1)):
        store_items.add_item(ctx, ItemInput(name, points, stock=stock, low_stock=2))
    return ctx


@pytest.fixture
def wallet(ctx, resident, give):
    """The resident with three store vouchers (20, 10, 5) and 15 points left."""
    give(resident.id, 50)
    issued = vouchers.issue(ctx, resident.id, 35, [20, 10, 5], scope="store")
    return [v.token for v in issued.vouchers]


def check_clean(ctx) -> None:
    report = integrity.run_check(ctx.keys_dir)
    assert report.problems == []


def test_items_with_opening_stock_are_received_movements(shelf):
    soap = store_items.find("香皂")
    assert soap.stock == 10 and soap.points == 5
    moves = list(StockMovement.select().where(StockMovement.item == soap.id))
    assert [(m.kind, m.quantity, m.stock_after) for m in moves] == [("receive", 10, 10)]


def test_items_are_found_by_name_pinyin_and_initials(shelf):
    assert [i.name for i in store_items.search("mj")] == ["毛巾"]
    assert [i.name for i in store_items.search("dami")] == ["大米"]
    assert [i.name for i in store_items.search("皂")] == ["香皂"]
    assert store_items.find("xiangz").name == "香皂"
    store_items.add_item(shelf, ItemInput("毛毯", 40))
    with pytest.raises(AmbiguousItem):
        store_items.find("mao")
    with pytest.raises(ItemNotFound):
        store_items.find("电视")


def test_item_rules(ctx, shelf, clerk_ctx, counts):
    before = counts()
    with pytest.raises(ItemExists):
        store_items.add_item(ctx, ItemInput("香皂", 3))
    for bad in (0, -1, "abc", "1.5"):
        with pytest.raises(InvalidInput):
            store_items.add_item(ctx, ItemInput("洗衣粉", bad))
    with pytest.raises(InvalidInput):
        store_items.add_item(ctx, ItemInput("洗衣粉", 5, kind="food"))
    with pytest.raises(PermissionDenied):
        store_items.add_item(clerk_ctx, ItemInput("洗衣粉", 5))
    assert {k: v for k, v in counts().items() if k != "audit_record"} == {
        k: v for k, v in before.items() if k != "audit_record"}


def test_edit_and_retire(ctx, shelf):
    edited = store_items.edit_item(ctx, "毛巾", ItemInput("纯棉毛巾", 15, category="日用品"))
    assert (edited.name, edited.points, edited.stock) == ("纯棉毛巾", 15, 3)
    store_items.retire_item(ctx, "纯棉毛巾")
    assert "纯棉毛巾" not in [i.name for i in store_items.list_items()]
    with pytest.raises(ItemNotFound):
        store_items.find("纯棉毛巾")


def test_receive_and_stocktake(ctx, shelf, clerk_ctx):
    moved = store_stock.receive(clerk_ctx, "毛巾", 5, cost_yuan="12.50")
    assert moved.stock == 8
    donated = store_stock.receive(clerk_ctx, "毛巾", 2, donor="爱心超市")
    assert donated.stock == 10
    counted = store_stock.stocktake(clerk_ctx, "毛巾", 7, "破损 3 条")
    assert (counted.quantity, counted.stock) == (-3, 7)
    rows = store_stock.movements("毛巾")
    assert [(r.kind, r.quantity, r.stock_after) for r in rows][:3] == [
        ("stocktake", -3, 7), ("receive", 2, 10), ("receive", 5, 8)]
    assert rows[2].cost_fen == 1250 and rows[1].donor == "爱心超市"
    with pytest.raises(ReasonRequired):
        store_stock.stocktake(clerk_ctx, "毛巾", 6, " ")
    with pytest.raises(InvalidInput):
        store_stock.receive(clerk_ctx, "毛巾", 1, cost_yuan="1.234")
    assert store_items.find("毛巾").stock == 7
    check_clean(ctx)


def test_low_stock_list(ctx, shelf):
    assert [i.name for i in store_items.list_items(low_only=True)] == ["大米"]


def test_sale_by_vouchers_returns_the_difference(ctx, shelf, resident, wallet):
    """Soap ×2 and towel ×1 cost 22; vouchers 20 + 5 pay 25; 3 points come back."""
    sale = store.sell(ctx, resident.id, [("香皂", 2), ("毛巾", 1)], [wallet[0], wallet[2]])
    assert (sale.points_charged, sale.from_vouchers, sale.from_balance,
            sale.returned_points) == (22, 25, 0, 3)
    assert sale.balance == ledger.balance(resident.id) == 15 + 3
    assert [v["points"] for v in sale.vouchers] == [20, 5]
    assert store_items.find("香皂").stock == 8 and store_items.find("毛巾").stock == 2
    assert {r.kind for r in VoucherResolution.select()} == {"redeemed"}
    returned = LedgerEntry.get(LedgerEntry.kind == store.RETURN_KIND)
    assert returned.points == 3 and returned.request_id == StoreSale.get().request_id
    check_clean(ctx)


def test_sale_from_the_balance(ctx, shelf, resident, give):
    give(resident.id, 40)
    sale = store.sell(ctx, resident.id, [("毛巾", 2)])
    assert (sale.points_charged, sale.from_balance, sale.returned_points) == (24, 24, 0)
    assert ledger.balance(resident.id) == 16
    entry = LedgerEntry.get(LedgerEntry.kind == store.SALE_KIND)
    assert entry.points == -24 and "毛巾×2" in entry.reason
    check_clean(ctx)


def test_vouchers_then_the_rest_from_the_balance(ctx, shelf, resident, wallet):
    """Rice (30) with the 20 voucher: the other 10 only when the clerk says so."""
    with pytest.raises(PaymentShort):
        store.sell(ctx, resident.id, [("大米", 1)], [wallet[0]])
    sale = store.sell(ctx, resident.id, [("大米", 1)], [wallet[0]], from_balance=True)
    assert (sale.from_vouchers, sale.from_balance, sale.returned_points) == (20, 10, 0)
    assert ledger.balance(resident.id) == 5
    check_clean(ctx)


def test_insufficient_balance_changes_nothing(ctx, shelf, resident, give, counts):
    give(resident.id, 10)
    before = counts()
    with pytest.raises(InsufficientPoints):
        store.sell(ctx, resident.id, [("毛巾", 1)])
    assert counts() == before
    assert ledger.balance(resident.id) == 10 and store_items.find("毛巾").stock == 3


def test_refused_vouchers(ctx, shelf, resident, wallet, merchant, give, counts, clock):
    other = residents.register(ctx, ResidentInput(name="李四"))
    give(other.id, 10)
    theirs = vouchers.issue(ctx, other.id, 10, [10], scope="store").vouchers[0].token
    give(resident.id, 10)
    shop = vouchers.issue(ctx, resident.id, 10, [10], merchant=merchant,
                          scope="merchant").vouchers[0].token
    store.sell(ctx, resident.id, [("香皂", 1)], [wallet[2]])
    before = counts()
    cases = [([wallet[2]], VoucherAlreadyResolved), ([theirs], VoucherOfAnotherResident),
             ([shop], VoucherRejected), ([wallet[1], wallet[1]], VoucherTwice),
             (["NOT-A-TOKEN"], VoucherRejected), ([wallet[0], wallet[1]], VoucherNotNeeded)]
    for tokens, error in cases:
        with pytest.raises(error):
            store.sell(ctx, resident.id, [("香皂", 1)], tokens)
    clock.at = dt.datetime(2027, 1, 2, 9, 0)  # past the vouchers' 31 December
    with pytest.raises(VoucherRejected, match="过期"):
        store.sell(ctx, resident.id, [("香皂", 1)], [wallet[1]])
    assert counts() == before


def test_stock_never_goes_negative(ctx, shelf, resident, give, counts):
    give(resident.id, 100)
    before = counts()
    with pytest.raises(OutOfStock):
        store.sell(ctx, resident.id, [("香皂", 1), ("大米", 2)])
    assert counts() == before and store_items.find("香皂").stock == 10
    with pytest.raises(EmptySale):
        store.sell(ctx, resident.id, [])
    with pytest.raises(InvalidInput):
        store.sell(ctx, resident.id, [("香皂", 1)] * (store.MAX_LINES + 1))


def test_a_repeated_sale_request_sells_once(ctx, shelf, resident, give):
    give(resident.id, 40)
    first = store.sell(ctx, resident.id, [("毛巾", 1)], request_id="r-1")
    again = store.sell(ctx, resident.id, [("毛巾", 1)], request_id="r-1")
    assert first == again and store_items.find("毛巾").stock == 2


def test_the_check_sees_a_forged_stock(ctx, shelf, unguard):
    StoreItem.update(stock=99).where(StoreItem.name == "香皂").execute()
    report = integrity.run_check(ctx.keys_dir)
    assert any("库存" in p for p in report.problems)
