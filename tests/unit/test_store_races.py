"""The store's stock under pressure: two desks (processes, each with its own connection)
selling the last item at the same moment, and random sequences of receiving, counting
and selling: the stock is always the sum of its movements and never below zero."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.models import StockMovement, StoreItem, database
from app.services import ledger, residents, store, store_items, store_stock
from app.services.context import Actor
from app.services.errors.store import OutOfStock
from app.services.residents import ResidentInput
from app.services.store_items import ItemInput

NOW = dt.datetime(2026, 11, 23, 9, 30)


def desk(location: str, data_dir: str, actor: Actor, resident_id: int, barrier,
         results) -> None:
    from app.models import open_database
    from app.services.context import Context, FixedClock
    from app.services.errors.store import OutOfStock

    open_database(location)
    ctx = Context(Path(data_dir), FixedClock(NOW), actor)
    barrier.wait(timeout=60)
    try:
        store.sell(ctx, resident_id, [("大米", 1)])
        results.put("sold")
    except OutOfStock:
        results.put("out")
    except Exception as exc:  # reported to the test, which fails on it
        results.put(repr(exc))


def test_two_desks_selling_the_last_one(ctx, clerk_ctx, resident, db_location):
    store_items.add_item(ctx, ItemInput("大米", 30, stock=1))
    other = residents.register(ctx, ResidentInput(name="李四"))
    for rid in (resident.id, other.id):
        ledger.adjust(ctx, rid, 100, "测试入账")
    database.close()
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(2), spawn.Queue()
    workers = [spawn.Process(target=desk, args=(db_location, str(ctx.data_dir), actor, rid,
                                                barrier, results))
               for actor, rid in ((ctx.actor, resident.id), (clerk_ctx.actor, other.id))]
    for w in workers:
        w.start()
    outcomes = sorted(results.get(timeout=120) for _ in workers)
    for w in workers:
        w.join(timeout=60)
    assert outcomes == ["out", "sold"]
    database.connect(reuse_if_open=True)
    assert store_items.find("大米").stock == 0
    assert sorted([ledger.balance(resident.id), ledger.balance(other.id)]) == [70, 100]


operation = st.one_of(
    st.tuples(st.just("receive"), st.integers(1, 5)),
    st.tuples(st.just("stocktake"), st.integers(0, 6)),
    st.tuples(st.just("sell"), st.integers(1, 4)),
)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(operation, max_size=12))
@example([("sell", 3)])  # more than there is, every run
@example([("stocktake", 0), ("receive", 1), ("sell", 1), ("sell", 1)])
def test_stock_is_the_sum_of_its_movements(ctx, resident, operations):
    """Whatever happens, stock == the sum of movements, the chain of stock_after holds,
    and nothing ever goes below zero; a refused sale changes nothing."""
    name = f"香皂{StoreItem.select().count()}"
    store_items.add_item(ctx, ItemInput(name, 1, stock=2))
    ledger.adjust(ctx, resident.id, 100, "测试入账")
    expected = 2
    for action, number in operations:
        if action == "receive":
            store_stock.receive(ctx, name, number)
            expected += number
        elif action == "stocktake":
            store_stock.stocktake(ctx, name, number, "清点")
            expected = number
        elif number <= expected:
            store.sell(ctx, resident.id, [(name, number)])
            expected -= number
        else:
            with pytest.raises(OutOfStock):
                store.sell(ctx, resident.id, [(name, number)])
        item = store_items.find(name)
        moves = list(StockMovement.select().where(StockMovement.item == item.id)
                     .order_by(StockMovement.id))
        assert item.stock == expected == sum(m.quantity for m in moves) >= 0
        running = 0
        for m in moves:
            running += m.quantity
            assert m.stock_after == running >= 0
