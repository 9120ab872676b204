"""The moral fund (道德基金): what the member units of the joint party committee give, what
it pays (merchants' statements, the points store's purchases), as an append-only book
whose every entry carries the balance after it. Beside it, what the station owes."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

import peewee as pw

from app.models import FundEntry, StockMovement
from app.models.settlement import Statement
from app.models.station import station_code
from app.services import audit, operations, text
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import FutureDate, InvalidInput
from app.services.permissions import require

SOURCE = text.Kind("来源单位", "The source unit", 60)
DONOR = text.Kind("捐赠人", "The donor", 40)
BUDGET_LINE = text.Kind("预算科目", "The budget line", 60)
KINDS = {"contribution": "捐助", "payment": "支出"}


def parse_yuan(value: str) -> int:
    """``12``, ``12.5`` or ``12.50`` yuan as fen; refused unless positive and to the fen."""
    typed = (value or "").strip().replace("，", "").replace(",", "")
    if not re.fullmatch(r"[0-9]{1,9}(\.[0-9]{1,2})?", typed):
        raise InvalidInput(what=f"金额“{value}”应写成元，最多两位小数，如 1200 或 35.50。",
                           what_en=f"Write the amount “{value}” in yuan, e.g. 1200 or 35.50.",
                           field="amount")
    whole, _, cents = typed.partition(".")
    fen = int(whole) * 100 + int((cents + "00")[:2])
    if fen <= 0:
        raise InvalidInput(what="金额须大于 0。", what_en="The amount must be above 0.",
                           field="amount")
    return fen


def yuan(fen: int) -> str:
    """Fen as yuan to the fen: 123456 → 1234.56, −50 → -0.50."""
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


@dataclass(frozen=True)
class FundRow:
    id: int
    entry_date: str
    kind: str
    amount_fen: int
    balance_after_fen: int  # in the book's order (entries as made)
    source: str  # the member unit, or where a payment went
    donor: str  # the person or unit who gave, beside the member unit
    budget_line: str
    statement: str  # the statement paid, if any
    note: str


@dataclass(frozen=True)
class FundSaved:
    entry: FundRow

    @property
    def changes(self) -> Changes:
        return Changes(settings=True)


def append(ctx: Context, kind: str, amount_fen: int, entry_date: dt.date, request_id: str,
           source: str = "", budget_line: str = "", statement: Statement | None = None,
           note: str = "", uid: str | None = None, donor: str = "",
           stock_movement: StockMovement | None = None) -> FundEntry:
    """One entry at the end of the book; call inside the operation's write transaction,
    which holds the single-writer lock, so the balance read here is the last one."""
    last = FundEntry.select(FundEntry.balance_after_fen).order_by(FundEntry.id.desc()).first()
    balance = (last.balance_after_fen if last else 0) + amount_fen
    return FundEntry.create(
        uid=uid or f"{station_code()}-F{uuid.uuid4().hex}", kind=kind, amount_fen=amount_fen,
        balance_after_fen=balance, entry_date=entry_date, source=source,
        budget_line=budget_line, statement=statement, note=note, clerk=ctx.actor.clerk_id,
        request_id=request_id, at=ctx.clock.now(), donor=donor, stock_movement=stock_movement)


def _row(e: FundEntry) -> FundRow:
    return FundRow(e.id, str(e.entry_date)[:10], e.kind, e.amount_fen, e.balance_after_fen,
                   e.source, e.donor, e.budget_line, e.statement.number if e.statement_id else "",
                   e.note)


def contribute(ctx: Context, amount: str, source: str, budget_line: str = "",
               donor: str = "", entry_date: dt.date | None = None, note: str = "",
               request_id: str | None = None) -> FundSaved:
    """A contribution to the fund from a member unit (``source``), perhaps through a
    named donor, under a budget line."""
    require(ctx, "fund.edit")
    fen = parse_yuan(amount)
    source = text.clean(source, SOURCE, field="source", required=True)
    donor = text.clean(donor, DONOR, field="donor")
    budget_line = text.clean(budget_line, BUDGET_LINE, field="budget_line")
    note = text.clean(note, text.NOTE, field="note")
    day = entry_date or ctx.clock.today()
    if day > ctx.clock.today():
        raise FutureDate(date=str(day))
    params = {"fen": fen, "source": source, "donor": donor, "budget_line": budget_line,
              "note": note, "date": str(day)}

    def body(rid: str) -> dict:
        entry = append(ctx, "contribution", fen, day, rid, source, budget_line, note=note,
                       donor=donor)
        audit.record(ctx, "fund.contribute", entry.uid, params)
        return {"id": entry.id}

    result, _ = operations.run(ctx, "fund.contribute", request_id, params, body)
    return FundSaved(_row(FundEntry.get_by_id(result["id"])))


@dataclass(frozen=True)
class StorePaid:
    rows: list[FundRow]

    @property
    def changes(self) -> Changes:
        return Changes(settings=True)


def record_store_purchases(ctx: Context, request_id: str | None = None) -> StorePaid:
    """Pay from the fund each points-store purchase received with a cost and not paid yet
    (one payment per stock movement, the payment linked to the movement it paid for)."""
    require(ctx, "fund.edit")

    def body(rid: str) -> dict:
        made = []
        paid = FundEntry.select(FundEntry.stock_movement).where(
            FundEntry.stock_movement == StockMovement.id)
        received = (StockMovement.select().where(StockMovement.kind == "receive",
                                                 StockMovement.cost_fen > 0, ~pw.fn.EXISTS(paid))
                    .order_by(StockMovement.id))
        for movement in received:
            day = movement.at.date() if hasattr(movement.at, "date") else ctx.clock.today()
            entry = append(ctx, "payment", -movement.cost_fen, day, rid,
                           source=movement.donor or "积分超市",
                           note=f"积分超市进货：{movement.item.name} × {movement.quantity}",
                           uid=f"{station_code()}-F-{movement.uid}", stock_movement=movement)
            made.append(entry.id)
        if made:
            audit.record(ctx, "fund.store_purchases", "", {"entries": made})
        return {"ids": made}

    result, _ = operations.run(ctx, "fund.store_purchases", request_id, {}, body)
    return StorePaid([_row(FundEntry.get_by_id(i)) for i in result["ids"]])


def balance() -> int:
    """The fund's balance now, in fen: the last entry's balance after."""
    last = FundEntry.select(FundEntry.balance_after_fen).order_by(FundEntry.id.desc()).first()
    return last.balance_after_fen if last else 0


@dataclass(frozen=True)
class FundBook:
    start: str | None
    end: str | None
    opening_fen: int  # entries dated before the period
    rows: list[tuple[FundRow, int]]  # each entry of the period and the period's running balance
    contributions_fen: int
    payments_fen: int  # negative
    closing_fen: int


def book(start: dt.date | None = None, end: dt.date | None = None) -> FundBook:
    """The entries dated in the period in date order, with a running balance that starts
    from everything dated before it (an entry may be dated back)."""
    if start and end and start > end:
        raise InvalidInput(what="起始日期晚于结束日期。", what_en="The start is after the end.")
    opening = 0
    if start is not None:
        opening = (FundEntry.select(pw.fn.COALESCE(pw.fn.SUM(FundEntry.amount_fen), 0))
                   .where(FundEntry.entry_date < start).scalar())
    query = FundEntry.select().order_by(FundEntry.entry_date, FundEntry.id)
    if start is not None:
        query = query.where(FundEntry.entry_date >= start)
    if end is not None:
        query = query.where(FundEntry.entry_date <= end)
    running, rows = opening, []
    for entry in query:
        running += entry.amount_fen
        rows.append((_row(entry), running))
    plus = sum(r.amount_fen for r, _ in rows if r.amount_fen > 0)
    minus = sum(r.amount_fen for r, _ in rows if r.amount_fen < 0)
    return FundBook(str(start) if start else None, str(end) if end else None, opening, rows,
                    plus, minus, running)
