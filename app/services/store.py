"""A sale in the points store (积分超市) at the desk.

The resident pays with store vouchers scanned one after another, straight from their
points balance (a ledger debit), or both: the vouchers first, the rest from the balance
when the clerk says so. Each voucher must be genuine, valid for the station's store (a
store or any-merchant voucher, never one for a named merchant), unresolved, and the
buyer's own: a voucher is the holder's points taken out of their balance, and a
difference paid back goes to the buyer's balance, so another resident's voucher would
move points from one person to another, which only an admin's adjustment may do. Each
voucher is resolved as redeemed exactly once (the UNIQUE resolution). Vouchers worth
more than the sale return the difference to the buyer's points, never cash; a voucher
the sale does not need is handed back instead. Every line takes its stock with one
guarded UPDATE: two desks selling the last one, exactly one succeeds.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field

import peewee as pw

from app.models.fixed_sql import FixedSql, insert
from app.models.station import station_code
from app.services import (
    audit,
    journal,
    operations,
    redemption,
    residents,
    seal,
    store_items,
    store_moves,
    tokens,
)
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import (
    InsufficientPoints,
    InvalidInput,
    VoucherAlreadyResolved,
    VoucherRejected,
)
from app.services.errors.store import (
    EmptySale,
    PaymentShort,
    VoucherNotNeeded,
    VoucherOfAnotherResident,
    VoucherTwice,
)
from app.services.permissions import require
from app.services.posting import post

# The ledger kinds a sale posts: the part paid from the balance, and a voucher surplus
# paid back. The integrity check (app.services.store_check) ties each to its sale.
SALE_KIND, RETURN_KIND = "store_sale", "store_return"
MAX_LINES = 50
# A sale is what a clerk waits on with the resident at the desk: its statements are
# written out once (app.models.fixed_sql), as a deed's are.
_RESIDENT = FixedSql('SELECT "name", "archived", "balance" FROM "resident" WHERE "id" = {p}')
_ITEM = FixedSql('SELECT "id", "name", "unit", "points" FROM "store_item" '
                 'WHERE "name" = {p} AND "active" = {p}')
_HOLDER = FixedSql('SELECT "id", "resident_id" FROM "voucher" WHERE "serial" = {p}')
_SALE = insert("store_sale", ("uid", "resident_id", "points", "from_balance", "from_vouchers",
                              "returned_points", "clerk_id", "request_id", "at"), "id")
_LINE = insert("store_sale_line", ("sale_id", "item_id", "quantity", "points_each"))
_PAID_BY = insert("store_sale_voucher", ("sale_id", "voucher_id", "points"))
_RESOLVED = seal.SealedInsert("voucher_resolution", (
    "voucher_id", "kind", "at", "clerk_id", "merchant_id", "reason", "request_id"))


@dataclass(frozen=True)
class Line:
    item_id: int
    name: str
    unit: str
    quantity: int
    points_each: int

    @property
    def points(self) -> int:
        return self.quantity * self.points_each


@dataclass(frozen=True)
class Scanned:
    serial: str
    points: int
    token: str = field(repr=False)
    voucher_id: int = 0


@dataclass(frozen=True)
class Plan:
    """What a sale would cost and how it would be paid; nothing written."""

    resident_id: int
    resident: str
    lines: tuple[Line, ...]
    vouchers: tuple[Scanned, ...]
    balance: int
    total: int
    covered: int  # by the vouchers
    from_balance: int
    returned: int  # the vouchers' surplus, back to the balance
    short: int  # not yet paid (scan more, or take it from the balance)


def lines_of(items: list[tuple[str | int, object]]) -> tuple[Line, ...]:
    """The sale's lines from (item, quantity) pairs; one line per item."""
    if not items:
        raise EmptySale()
    if len(items) > MAX_LINES:
        raise InvalidInput(what=f"一次兑换最多 {MAX_LINES} 行商品。",
                           what_en=f"At most {MAX_LINES} lines in one sale.", field="item")
    counted: Counter[int] = Counter()
    found = {}
    for query, quantity in items:
        row = _ITEM.row(str(query).strip(), True)  # the exact name, as the desk's list sends it
        if row is None:
            item = store_items.find(query)
            row = (item.id, item.name, item.unit, item.points)
        counted[row[0]] += store_items.whole(quantity, "quantity", "数量", "The quantity",
                                             maximum=1000)
        found[row[0]] = row
    return tuple(Line(i, found[i][1], found[i][2], q, found[i][3]) for i, q in counted.items())


def check_voucher(ctx: Context, resident_id: int, token: str,
                  scanned: tuple[str, ...] = ()) -> Scanned:
    """A scanned voucher that may pay for this resident's sale, or the refusal saying why.
    ``scanned``: the serials already scanned for the sale."""
    verdict = redemption.verify(ctx, token.strip(), None)
    if not verdict.ok:
        if verdict.reason in ("redeemed", "voided", "expired_resolved"):
            raise VoucherAlreadyResolved(serial=verdict.serial, what_zh=verdict.message_zh,
                                         what_en=verdict.message_en)
        raise VoucherRejected(reason_zh=verdict.message_zh, reason_en=verdict.message_en)
    if verdict.serial in scanned:
        raise VoucherTwice(serial=verdict.serial)
    voucher_id, holder = _HOLDER.row(verdict.serial)
    if holder != resident_id:
        buyer = residents.load(resident_id).name
        raise VoucherOfAnotherResident(serial=verdict.serial, holder=verdict.holder,
                                       buyer=buyer)
    return Scanned(verdict.serial, verdict.points, token.strip(), voucher_id)


def plan(ctx: Context, resident_id: int, items: list[tuple[str | int, object]],
         voucher_tokens: list[str] = (), from_balance: bool | None = None) -> Plan:
    """Price the sale and check every voucher; ``from_balance`` (default: only when no
    voucher is given) lets the balance pay what the vouchers leave. Refuses what ``sell``
    would refuse, so the desk can say so before the clerk confirms."""
    known = _RESIDENT.row(resident_id)
    if known is None or known[1]:
        residents.load(resident_id, active=True)  # says which: not found, or archived
    lines = lines_of(list(items))
    scanned: list[Scanned] = []
    for token in voucher_tokens:
        scanned.append(check_voucher(ctx, resident_id, token, tuple(s.serial for s in scanned)))
    total = sum(line.points for line in lines)
    covered = sum(s.points for s in scanned)
    for s in scanned:
        if covered - s.points >= total:
            raise VoucherNotNeeded(serial=s.serial, total=total)
    rest = max(total - covered, 0)
    use_balance = not scanned if from_balance is None else from_balance
    return Plan(resident_id, known[0], lines, tuple(scanned), known[2], total, covered,
                rest if use_balance else 0, max(covered - total, 0),
                0 if use_balance else rest)


@dataclass(frozen=True)
class SaleResult:
    sale_id: int
    uid: str
    resident_id: int
    resident: str
    items: list[dict]
    points_charged: int  # what the items cost
    from_vouchers: int
    from_balance: int
    returned_points: int
    vouchers: list[dict]
    balance: int
    at: str

    def as_dict(self) -> dict:
        return dict(self.__dict__)

    @property
    def changes(self) -> Changes:
        return Changes.of_residents([self.resident_id], ledger=True, vouchers=True,
                                    settings=True)


def _summary(lines: tuple[Line, ...]) -> str:
    return "、".join(f"{line.name}×{line.quantity}" for line in lines)[:200]


def sell(ctx: Context, resident_id: int, items: list[tuple[str | int, object]],
         voucher_tokens: list[str] = (), from_balance: bool | None = None,
         request_id: str | None = None) -> SaleResult:
    """Sell ``items`` (item, quantity) to the resident, paid as ``plan`` says; one
    transaction: stock, vouchers, ledger and receipt data all happen or none does."""
    require(ctx, "store.sell")
    voucher_tokens = [t.strip() for t in voucher_tokens]
    params = {"resident": resident_id, "items": [[str(q), str(n)] for q, n in items],
              "vouchers": voucher_tokens, "from_balance": from_balance}

    def body(rid: str) -> dict:
        p = plan(ctx, resident_id, items, voucher_tokens, from_balance)
        if p.short:
            raise PaymentShort(covered=p.covered, total=p.total, rest=p.short)
        if p.from_balance > p.balance:
            raise InsufficientPoints(balance=p.balance, requested=p.from_balance)
        now = ctx.clock.now()
        clerk, uid = ctx.actor.clerk_id, f"{station_code()}-S{uuid.uuid4().hex}"
        sale_id = _SALE.value(uid, resident_id, p.total, p.from_balance, p.covered, p.returned,
                              clerk, rid, now)
        for line in p.lines:
            _LINE.run(sale_id, line.item_id, line.quantity, line.points_each)
            store_moves.move(ctx, line, -line.quantity, "sale", rid, sale_id=sale_id)
        resolved = []
        for s in p.vouchers:
            _PAID_BY.run(sale_id, s.voucher_id, s.points)
            # The UNIQUE voucher column makes a second resolution fail even if desks race.
            _RESOLVED(ctx.keys_dir, {"voucher_id": s.voucher_id, "kind": "redeemed", "at": now,
                                     "clerk_id": clerk, "merchant_id": None, "reason": "",
                                     "request_id": rid})
            resolved.append(journal.resolved(s.serial, "redeemed", now, ctx.actor.username,
                                             None, "", rid))
            audit.record(ctx, "voucher.redeem", s.serial,
                         {"where": redemption.STORE_ZH, "sale": uid})
        if resolved:
            journal.append(ctx.data_dir, resolved)
        balance = p.balance
        if p.from_balance:
            balance = post(ctx, resident_id, SALE_KIND, -p.from_balance, rid,
                           reason=_summary(p.lines)).balance_after
        if p.returned:
            balance = post(ctx, resident_id, RETURN_KIND, p.returned, rid,
                           reason=f"兑换券多出 {p.returned} 分").balance_after
        audit.record(ctx, "store.sell", uid, {
            "resident": resident_id, "total": p.total, "from_balance": p.from_balance,
            "vouchers": [s.serial for s in p.vouchers], "returned": p.returned})
        return {"sale_id": sale_id, "uid": uid, "resident_id": resident_id,
                "resident": p.resident,
                "items": [{"item": line.name, "unit": line.unit, "quantity": line.quantity,
                           "points_each": line.points_each, "points": line.points}
                          for line in p.lines],
                "points_charged": p.total, "from_vouchers": p.covered,
                "from_balance": p.from_balance, "returned_points": p.returned,
                "vouchers": [{"serial": s.serial, "points": s.points} for s in p.vouchers],
                "balance": balance, "at": now.strftime("%Y-%m-%d %H:%M:%S")}

    try:
        result, _ = operations.run(ctx, "store.sell", request_id, params, body)
    except pw.IntegrityError:
        if not voucher_tokens:
            raise
        # Another desk resolved one of these vouchers between our check and our write.
        serial = tokens.parse(voucher_tokens[0])[0].serial if voucher_tokens else ""
        raise VoucherAlreadyResolved(serial=serial, what_zh="刚刚已在另一前台被使用。",
                                     what_en="just used at another desk.") from None
    return SaleResult(**result)
