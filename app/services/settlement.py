"""Paying partner merchants (结算): a statement per merchant and period of every voucher
redeemed for it and not yet on a statement, payable at the station's rate (copied onto
the statement). Draft → approved (an admin; never changed after) → paid (from the moral
fund, in the same transaction). A correction is a new statement that adjusts one."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import uuid
from dataclasses import dataclass

from app.models import Voucher, VoucherResolution
from app.models.settlement import Statement, StatementItem
from app.models.station import station_code
from app.services import audit, fund, merchants, operations, station, text
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import (
    InvalidInput,
    NothingToSettle,
    ReasonRequired,
    StatementLocked,
    StatementNotApproved,
    StatementNotFound,
)
from app.services.permissions import require

STATES = {"draft": "草稿", "approved": "已审核", "paid": "已付款"}
REFERENCE = text.Kind("付款凭证号", "The payment reference", 60)


def month(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day of ``YYYY-MM``."""
    found = re.fullmatch(r"([0-9]{4})-([0-9]{2})", (value or "").strip())
    if not found or not 1 <= int(found.group(2)) <= 12:
        raise InvalidInput(what=f"月份“{value}”应写成 2026-11 的格式。",
                           what_en=f"Write the month “{value}” as 2026-11.", field="month")
    year, number = int(found.group(1)), int(found.group(2))
    return dt.date(year, number, 1), dt.date(year, number, calendar.monthrange(year, number)[1])


def amount_fen(points: int, rate_points: int, rate_yuan: int) -> int:
    """What ``points`` are worth at a rate, to the fen (rounded down, like ``yuan_of``)."""
    return points * rate_yuan * 100 // rate_points


@dataclass(frozen=True)
class StatementView:
    id: int
    number: str
    merchant: str
    period_from: str
    period_to: str
    state: str
    vouchers: int
    points: int
    amount_fen: int
    rate: str  # e.g. "1 分 = 1 元"
    adjusts: str  # the number of the statement it corrects, if any
    note: str
    approved_by: str
    paid_on: str
    paid_reference: str

    @property
    def amount(self) -> str:
        return fund.yuan(self.amount_fen)

    @property
    def changes(self) -> Changes:
        return Changes(settings=True, vouchers=True)


@dataclass(frozen=True)
class ItemRow:
    serial: str
    redeemed_on: str
    points: int


def view(s: Statement) -> StatementView:
    return StatementView(
        s.id, s.number, s.merchant.name, str(s.period_from)[:10], str(s.period_to)[:10],
        s.state, s.vouchers, s.points, s.amount_fen, f"{s.rate_points} 分 = {s.rate_yuan} 元",
        s.adjusts.number if s.adjusts_id else "", s.note,
        s.approved_by.display_name if s.approved_by_id else "",
        str(s.paid_on)[:10] if s.paid_on else "", s.paid_reference)


def find(number: str) -> Statement:
    typed = (number or "").strip().upper()
    found = Statement.get_or_none(Statement.number == typed)
    if found is None:
        raise StatementNotFound(query=number)
    return found


def items(number: str) -> list[ItemRow]:
    """The vouchers on a statement, by serial, with the day each was redeemed."""
    query = (StatementItem.select(Voucher.serial, VoucherResolution.at, StatementItem.points)
             .join(Voucher).join(VoucherResolution)
             .where(StatementItem.statement == find(number).id).order_by(Voucher.serial))
    return [ItemRow(serial, str(at)[:10], points) for serial, at, points in query.tuples()]


def statements(merchant: str | None = None) -> list[StatementView]:
    query = Statement.select().order_by(Statement.number.desc())
    if merchant:
        query = query.where(Statement.merchant == merchants.resolve(merchant).id)
    return [view(s) for s in query]


def _next_number(year: int) -> str:
    prefix = f"JS-{year}-"
    last = (Statement.select(Statement.number).where(Statement.number.startswith(prefix))
            .order_by(Statement.number.desc()).first())
    return f"{prefix}{(int(last.number[len(prefix):]) + 1 if last else 1):04d}"


def _locked(s: Statement) -> StatementLocked:
    return StatementLocked(number=s.number, state=s.state, state_zh=STATES[s.state])


def draft(ctx: Context, merchant: str, start: dt.date, end: dt.date,
          request_id: str | None = None) -> StatementView:
    """The draft statement of ``merchant`` for start…end: every voucher redeemed for it in
    the period and on no other statement. A draft made again replaces the old draft's
    items (vouchers redeemed since join it); approved statements are never touched."""
    require(ctx, "settlement.make")
    shop = merchants.resolve(merchant)
    if start > end:
        raise InvalidInput(what="起始日期晚于结束日期。", what_en="The start is after the end.")
    params = {"merchant": shop.name, "from": str(start), "to": str(end)}

    def body(rid: str) -> dict:
        old = Statement.get_or_none(Statement.merchant == shop.id, Statement.state == "draft",
                                    Statement.period_from == start,
                                    Statement.period_to == end, Statement.adjusts.is_null())
        if old is not None:
            StatementItem.delete().where(StatementItem.statement == old.id).execute()
        after = dt.datetime.combine(start, dt.time())
        before = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
        taken = StatementItem.select(StatementItem.voucher)
        found = list(VoucherResolution.select(VoucherResolution.voucher, Voucher.points)
                     .join(Voucher)
                     .where(VoucherResolution.kind == "redeemed",
                            VoucherResolution.merchant == shop.id,
                            VoucherResolution.at >= after, VoucherResolution.at < before,
                            VoucherResolution.voucher.not_in(taken))
                     .order_by(Voucher.serial).tuples())
        if not found and old is None:
            raise NothingToSettle(merchant=shop.name, start=str(start), end=str(end))
        info = station.current()
        points = sum(p for _, p in found)
        totals = {"vouchers": len(found), "points": points, "rate_points": info.rate_points,
                  "rate_yuan": info.rate_yuan,
                  "amount_fen": amount_fen(points, info.rate_points, info.rate_yuan)}
        if old is None:
            made = Statement.create(
                uid=f"{station_code()}-S{uuid.uuid4().hex}", number=_next_number(start.year),
                merchant=shop, period_from=start, period_to=end, created_by=ctx.actor.clerk_id,
                created_at=ctx.clock.now(), **totals)
        else:
            Statement.update(**totals).where(Statement.id == old.id).execute()
            made = old
        if found:
            StatementItem.insert_many([{"statement": made.id, "voucher": v, "points": p}
                                       for v, p in found]).execute()
        audit.record(ctx, "statement.draft", made.number, {**params, **totals})
        return {"id": made.id}

    result, _ = operations.run(ctx, "statement.draft", request_id, params, body)
    return view(Statement.get_by_id(result["id"]))


def adjust(ctx: Context, number: str, amount: str, reason: str, negative: bool = False,
           request_id: str | None = None) -> StatementView:
    """A correcting statement for an approved or paid one: ``amount`` yuan more to pay
    (``negative``: the merchant was paid that much too much), with the reason."""
    require(ctx, "settlement.make")
    original = find(number)
    if original.state == "draft":
        raise InvalidInput(what=f"结算单 {original.number} 还是草稿：请重新生成，不必开调整单。",
                           what_en=f"{original.number} is a draft: make it again instead.")
    reason = text.clean(reason, text.REASON, field="reason")
    if not reason:
        raise ReasonRequired()
    fen = fund.parse_yuan(amount) * (-1 if negative else 1)
    params = {"adjusts": original.number, "fen": fen, "reason": reason}

    def body(rid: str) -> dict:
        info = station.current()
        made = Statement.create(
            uid=f"{station_code()}-S{uuid.uuid4().hex}",
            number=_next_number(ctx.clock.today().year), merchant=original.merchant_id,
            period_from=original.period_from, period_to=original.period_to,
            rate_points=info.rate_points, rate_yuan=info.rate_yuan, amount_fen=fen,
            adjusts=original.id, note=reason, created_by=ctx.actor.clerk_id,
            created_at=ctx.clock.now())
        audit.record(ctx, "statement.adjust", made.number, params)
        return {"id": made.id}

    result, _ = operations.run(ctx, "statement.adjust", request_id, params, body)
    return view(Statement.get_by_id(result["id"]))


def set_note(ctx: Context, number: str, note: str) -> StatementView:
    """A draft's note; an approved statement refuses every change."""
    require(ctx, "settlement.make")
    s = find(number)
    note = text.clean(note, text.NOTE, field="note")

    def body(rid: str) -> dict:
        changed = (Statement.update(note=note)
                   .where(Statement.id == s.id, Statement.state == "draft").execute())
        if not changed:
            raise _locked(Statement.get_by_id(s.id))
        audit.record(ctx, "statement.note", s.number, {"note": note})
        return {"id": s.id}

    operations.run(ctx, "statement.note", None, {"number": s.number, "note": note}, body)
    return view(Statement.get_by_id(s.id))


def approve(ctx: Context, number: str, request_id: str | None = None) -> StatementView:
    """An admin approves a draft: from now on it never changes."""
    require(ctx, "settlement.approve")
    s = find(number)

    def body(rid: str) -> dict:
        # Conditional on the state: of two desks approving at once, one changes the row.
        changed = (Statement.update(state="approved", approved_by=ctx.actor.clerk_id,
                                    approved_at=ctx.clock.now())
                   .where(Statement.id == s.id, Statement.state == "draft").execute())
        if not changed:
            raise _locked(Statement.get_by_id(s.id))
        audit.record(ctx, "statement.approve", s.number,
                     {"vouchers": s.vouchers, "points": s.points, "amount_fen": s.amount_fen})
        return {"id": s.id}

    operations.run(ctx, "statement.approve", request_id, {"number": s.number}, body)
    return view(Statement.get_by_id(s.id))


def mark_paid(ctx: Context, number: str, reference: str, paid_on: dt.date | None = None,
              request_id: str | None = None) -> StatementView:
    """The approved statement paid (its date and the payment's reference), written in the
    moral fund's book as a payment in the same transaction."""
    require(ctx, "fund.edit")
    s = find(number)
    reference = text.clean(reference, REFERENCE, field="reference", required=True)
    day = paid_on or ctx.clock.today()
    params = {"number": s.number, "reference": reference, "paid_on": str(day)}

    def body(rid: str) -> dict:
        current = Statement.get_by_id(s.id)
        if current.state == "draft":
            raise StatementNotApproved(number=s.number, state="draft", state_zh=STATES["draft"])
        changed = (Statement.update(state="paid", paid_on=day, paid_reference=reference)
                   .where(Statement.id == s.id, Statement.state == "approved").execute())
        if not changed:
            raise _locked(current)
        fund.append(ctx, "payment", -current.amount_fen, day, rid, source=current.merchant.name,
                    statement=current, note=f"结算单 {s.number} 付款，凭证 {reference}")
        audit.record(ctx, "statement.paid", s.number, params)
        return {"id": s.id}

    operations.run(ctx, "statement.paid", request_id, params, body)
    return view(Statement.get_by_id(s.id))
