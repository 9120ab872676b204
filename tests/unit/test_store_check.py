"""The integrity check knows the store's ledger kinds: clean after sales, whole and since a
checkpoint, and it names a sale whose rows no longer agree or a store entry without a sale."""

from __future__ import annotations

import pytest

from app.models import LedgerEntry, StoreSaleLine
from app.services import checkpoint, integrity, store, store_items, vouchers
from app.services.store_items import ItemInput


@pytest.fixture
def sold(ctx, resident, give):
    """Before: a checkpoint. Then a sale by voucher with 5 returned, one from the balance."""
    store_items.add_item(ctx, ItemInput("香皂", 5, stock=10))
    give(resident.id, 40)
    token = vouchers.issue(ctx, resident.id, 20, [20], scope="store").vouchers[0].token
    since = checkpoint.heads()
    store.sell(ctx, resident.id, [("香皂", 3)], [token])
    store.sell(ctx, resident.id, [("香皂", 1)])
    return since


def test_clean_after_sales_whole_and_since(ctx, sold):
    assert integrity.run_check(ctx.keys_dir).problems == []
    assert integrity.check_since(ctx.keys_dir, sold).problems == []


def test_a_forged_sale_line_is_named(ctx, sold, unguard):
    unguard("store_sale_line")
    StoreSaleLine.update(quantity=1).where(StoreSaleLine.quantity == 3).execute()
    for report in (integrity.run_check(ctx.keys_dir), integrity.check_since(ctx.keys_dir, sold)):
        assert any("积分超市兑换" in p for p in report.problems), report.problems


def test_a_store_entry_without_its_sale_is_named(ctx, sold, unguard):
    unguard("ledger_entry")
    LedgerEntry.update(request_id="elsewhere").where(
        LedgerEntry.kind == store.RETURN_KIND).execute()
    for report in (integrity.run_check(ctx.keys_dir), integrity.check_since(ctx.keys_dir, sold)):
        assert any("找不到对应的兑换" in p for p in report.problems), report.problems


def test_an_unknown_ledger_kind_is_named(ctx, sold, unguard):
    unguard("ledger_entry")
    LedgerEntry.update(kind="gift").where(LedgerEntry.kind == store.SALE_KIND).execute()
    assert any("未知类型" in p for p in integrity.run_check(ctx.keys_dir).problems)
