"""A day at the desk with every kind of operation a close-out counts, for the close-out's
service, command-line and window tests.

The store's sale and stock rows are written through the models, the way the store's
service writes them (a sale, its lines and vouchers, a stock movement per line, the
balance's part posted under the sale's request id): the close-out reads those tables,
whichever service fills them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from app.models import (
    StockMovement,
    StoreItem,
    StoreSale,
    StoreSaleLine,
    StoreSaleVoucher,
    write_transaction,
)
from app.services import (
    checkins,
    deeds,
    ledger,
    merchants,
    redemption,
    residents,
    station,
    vouchers,
)
from app.services.context import Context
from app.services.posting import post

SHOP_A, SHOP_B = "幸福里便民超市", "红星理发店"


@dataclass
class Day:
    """What the clerk did, as the close-out should count it."""

    awarded: tuple[int, int]  # count, points (the clerk's own; the admin approved one more)
    deducted: tuple[int, int]
    issued: list[str]  # the clerk's serials
    runs: list[tuple[str, str]]  # first and last serial of each contiguous run
    store: list[str]  # serials redeemed at the store (by scanning and by the sale)
    shop_a: list[str]
    shop_b: list[str]
    voided: str  # voided by the admin
    reprinted: str
    checkins: int


def _person(ctx: Context, name: str, id_number: str) -> int:
    return residents.register(ctx, residents.ResidentInput(
        name=name, id_number=id_number, compound="幸福里", building="1", unit="1",
        room="101", grid="第一网格")).id


def _move(ctx: Context, item: StoreItem, kind: str, quantity: int, rid: str,
          sale: StoreSale | None = None) -> None:
    item.stock += quantity
    item.save()
    StockMovement.create(uid=f"XH01-K{uuid.uuid4().hex}", item=item.id, kind=kind,
                         quantity=quantity, stock_after=item.stock, sale=sale,
                         clerk=ctx.actor.clerk_id, request_id=rid, at=ctx.clock.now())


def store_sale(ctx: Context, resident_id: int, item: StoreItem, quantity: int,
               voucher_serials: list[tuple[str, int]], from_balance: int) -> StoreSale:
    """A sale as the store writes it: paid by vouchers (already redeemed at the store)
    and the rest from the balance; what the vouchers cover beyond the sale goes back."""
    total = item.points * quantity
    covered = sum(points for _, points in voucher_serials)
    returned = max(covered + from_balance - total, 0)
    rid = uuid.uuid4().hex
    with write_transaction():
        sale = StoreSale.create(uid=f"XH01-S{uuid.uuid4().hex}", resident=resident_id,
                                points=total, from_balance=from_balance, from_vouchers=covered,
                                returned_points=returned, clerk=ctx.actor.clerk_id,
                                request_id=rid, at=ctx.clock.now())
        StoreSaleLine.create(sale=sale.id, item=item.id, quantity=quantity,
                             points_each=item.points)
        _move(ctx, item, "sale", -quantity, rid, sale)
        for serial, points in voucher_serials:
            StoreSaleVoucher.create(sale=sale.id, voucher=vouchers.Voucher.get(
                vouchers.Voucher.serial == serial).id, points=points)
        if from_balance:
            post(ctx, resident_id, "store_sale", -from_balance, rid)
        if returned:
            post(ctx, resident_id, "store_return", returned, rid)
    return sale


def busy_day(admin: Context, clerk: Context) -> Day:
    """The clerk's working day (with the admin's approvals, reversal and void between),
    the clock moving a minute per step."""
    tick = lambda: admin.clock.advance(minutes=1)  # noqa: E731 - one shared clock
    # The approval posts at once, as the close-out counts it (after a notice it would be
    # counted where it is posted: see test_notice_races).
    station.update_settings(admin, notice_days=0)
    merchants.add(admin, SHOP_A)
    merchants.add(admin, SHOP_B)
    a = _person(clerk, "张明月", "11010519491231002X")
    b = _person(clerk, "李建国", "110105194912310046")
    ledger.adjust(admin, a, 200, "期初积分")
    ledger.adjust(admin, b, 200, "期初积分")
    tick()
    deeds.record_deed(clerk, a, "ENV_CLEANUP", 2)  # +4
    deeds.record_deed(clerk, b, "BLOOD_DONATION")  # +5
    littering = deeds.record_deed(clerk, a, "LITTERING")  # -2
    deeds.record_deed(clerk, b, "CORRIDOR_CLUTTER")  # -2
    heroic = deeds.record_deed(clerk, a, "HEROIC_ACT")  # pending
    tick()
    deeds.review_deed(admin, heroic.deed_uid, True)
    seq = ledger.entries(a)  # the deduction's entry, reversed by the admin
    wrong = next(e.seq for e in seq if e.kind == "deduct" and e.points == littering.points)
    ledger.reverse(admin, wrong, "误扣")
    tick()
    first = vouchers.issue(clerk, a, 36, [20, 10, 5, 1])
    vouchers.issue(admin, b, 5, [5])  # between the clerk's two runs
    second = vouchers.issue(clerk, b, 30, [10, 10, 10])
    tick()
    vouchers.record_print(clerk, [v.serial for v in first.vouchers])
    vouchers.record_print(clerk, [first.vouchers[3].serial])  # a reprint
    tick()
    redemption.redeem(clerk, first.vouchers[0].token)  # at the store, scanned
    redemption.redeem(clerk, first.vouchers[1].token, SHOP_A)
    redemption.redeem(clerk, second.vouchers[0].token, SHOP_B)
    redemption.redeem(clerk, second.vouchers[1].token, SHOP_B)
    redemption.void(admin, first.vouchers[2].serial, "打印错误")
    tick()
    with write_transaction():
        item = StoreItem.create(uid=f"XH01-I{uuid.uuid4().hex}", name="洗衣液", points=6,
                                created_at=admin.clock.now())
        _move(clerk, item, "receive", 10, uuid.uuid4().hex)
        _move(clerk, item, "stocktake", -1, uuid.uuid4().hex)
    redemption.redeem(clerk, first.vouchers[3].token)  # 1 point, spent on the sale below
    store_sale(clerk, a, item, 1, [(first.vouchers[3].serial, 1)], 5)
    store_sale(clerk, b, item, 2, [], 12)
    tick()
    checkins.check_in(clerk, a, "deed")
    checkins.check_in(clerk, b, "redeem")
    tick()
    serials = [v.serial for v in first.vouchers + second.vouchers]
    return Day(awarded=(2, 9), deducted=(2, -4), issued=serials,
               runs=[(serials[0], serials[3]), (serials[4], serials[6])],
               store=[first.vouchers[0].serial, first.vouchers[3].serial],
               shop_a=[first.vouchers[1].serial],
               shop_b=[second.vouchers[0].serial, second.vouchers[1].serial],
               voided=first.vouchers[2].serial, reprinted=first.vouchers[3].serial,
               checkins=2)


def later(clock_owner: Context, **delta: float) -> dt.datetime:
    clock_owner.clock.advance(**delta)
    return clock_owner.clock.now()
