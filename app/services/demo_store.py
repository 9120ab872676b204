"""Demo data for the points store: everyday goods and a donated haircut service with
stock, and a month of sales at the desk (some paid with store vouchers, a surplus
returned to the points, some from the balance), all made through the store's own
services by the demo clerk, so every invariant the check verifies holds."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import peewee as pw

from app.models import Clerk, Resident, StoreItem, Voucher, VoucherResolution
from app.services import store, store_items, store_stock
from app.services.context import Actor, Context, FixedClock
from app.services.errors import InsufficientPoints
from app.services.errors.store import OutOfStock
from app.services.store_items import ItemInput

# name, points, unit, category, donor, kind, stock, low-stock mark
ITEMS = [
    ("香皂", 5, "块", "日用品", "", "goods", 60, 10),
    ("毛巾", 12, "条", "日用品", "", "goods", 40, 8),
    ("洗衣粉", 15, "袋", "日用品", "", "goods", 30, 6),
    ("大米 5kg", 40, "袋", "粮油", "共建单位 新华粮油公司", "goods", 20, 5),
    ("食用油 1.8L", 35, "桶", "粮油", "", "goods", 15, 4),
    ("牙膏", 6, "支", "日用品", "", "goods", 50, 10),
    ("雨伞", 20, "把", "日用品", "", "goods", 3, 4),
    ("义剪", 10, "次", "服务", "志愿者 李师傅理发店", "service", 30, 5),
]
DAYS = 30
SALES_PER_DAY = 2


def generate(ctx: Context, rng: random.Random, clerk: Clerk, today: dt.date) -> dict:
    """The items (received 31 days ago) and a month of sales; inside the demo's
    transaction. Returns how many sales were made."""
    start = dt.datetime.combine(today - dt.timedelta(days=DAYS + 1), dt.time(8, 30))
    clock = FixedClock(start)
    admin = replace(ctx, clock=clock)
    desk = Context(ctx.data_dir, clock, Actor(clerk.id, clerk.username, clerk.display_name,
                                              "clerk"))
    for name, points, unit, category, donor, kind, stock, low in ITEMS:
        if not StoreItem.select().where(StoreItem.name == name).exists():
            store_items.add_item(admin, ItemInput(name, points, kind, unit, category, donor, low,
                                                  stock))
    sales = 0
    for day in range(1, DAYS + 1):
        for n in range(SALES_PER_DAY):
            clock.at = start + dt.timedelta(days=day, hours=1 + 3 * n,
                                            minutes=rng.randrange(60))
            sales += _one_sale(desk, rng)
        if day == 15:
            store_stock.receive(desk, "香皂", 24, donor="爱心企业 新华日化")
    return {"store_sales": sales}


def _random(query: pw.ModelSelect, rng: random.Random) -> tuple | None:
    count = query.count()
    return query.offset(rng.randrange(count)).limit(1).tuples().first() if count else None


def _one_sale(desk: Context, rng: random.Random) -> int:
    """One sale: every other one paid with a store voucher someone holds from the demo
    history (what it leaves from their balance), else from the balance of someone who
    has enough; 0 if it cannot be made (stock ran out, not enough points)."""
    on_sale = [i for i in store_items.list_items() if i.stock > 2]
    if not on_sale:
        return 0
    picked = rng.sample(on_sale, k=min(len(on_sale), rng.choice((1, 1, 2))))
    lines = [(i.name, 1) for i in picked]
    total = sum(i.points for i in picked)
    day = desk.clock.today()
    held = None
    if rng.random() < 0.5:
        held = _random(Voucher.select(Voucher.resident, Voucher.token).where(
            Voucher.scope.in_(("store", "any")), Voucher.issue_date <= day,
            Voucher.expiry_date >= day,
            Voucher.id.not_in(VoucherResolution.select(VoucherResolution.voucher)))
            .order_by(Voucher.id), rng)
    buyer = held or _random(Resident.select(Resident.id).where(
        Resident.archived == False, Resident.balance >= total)  # noqa: E712
        .order_by(Resident.id), rng)
    if buyer is None:
        return 0
    try:
        store.sell(desk, buyer[0], lines, [held[1]] if held else [], True if held else None)
    except (InsufficientPoints, OutOfStock):
        return 0
    return 1
