"""The append-only points ledger: balances, history, corrections and year-end expiry.

A balance is the sum of a resident's entries; ``Resident.balance`` caches it and is
written in the same transaction as every entry (the integrity check recomputes it).
Nothing here updates or deletes an entry: a mistake is corrected by a new entry that
names the one it corrects, who made it and why.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import peewee as pw

from app.models import LedgerEntry, Resident
from app.models.station import station_code
from app.services import audit, operations, residents, seal
from app.services.context import Context
from app.services.errors import (
    AlreadyReversed,
    EntryNotFound,
    InvalidInput,
    NotReversible,
    ReasonRequired,
    ResidentNotFound,
)
from app.services.permissions import require

KIND_ZH = {"award": "加分", "deduct": "扣分", "issue": "兑换", "refund": "退回", "adjust": "调整",
           "reversal": "冲正", "expire": "清零"}


def post(ctx: Context, resident_id: int, kind: str, points: int, request_id: str, *,
         deed_id: int | None = None, voucher_serial: str | None = None,
         corrects: int | None = None, reason: str = "",
         business_date: dt.date | None = None) -> LedgerEntry:
    """Append one entry and move the cached balance; call inside a write transaction."""
    updated = (Resident.update(balance=Resident.balance + points)
               .where(Resident.id == resident_id).execute())
    if not updated:
        raise ResidentNotFound(query=str(resident_id))
    balance = Resident.select(Resident.balance).where(Resident.id == resident_id).scalar()
    return seal.create(
        ctx.keys_dir, LedgerEntry, uid=f"{station_code()}-L{uuid.uuid4().hex}",
        resident=resident_id, kind=kind, points=points, balance_after=balance, deed=deed_id,
        voucher_serial=voucher_serial, corrects=corrects, request_id=request_id,
        clerk=ctx.actor.clerk_id if ctx.actor else None, reason=reason,
        business_date=business_date or ctx.clock.today(), created_at=ctx.clock.now(),
    )


def balance(resident_id: int) -> int:
    value = Resident.select(Resident.balance).where(Resident.id == resident_id).scalar()
    if value is None:
        raise ResidentNotFound(query=str(resident_id))
    return value


@dataclass(frozen=True)
class EntryRow:
    seq: int
    business_date: str
    created_at: str
    kind: str
    points: int
    balance_after: int
    description: str
    clerk: str
    corrects: int | None
    voucher_serial: str | None = None
    deed_code: str | None = None  # with deed_name_en, lets the desk show the type in English
    deed_name_en: str | None = None


def _description(e: LedgerEntry, deed_name: str | None) -> str:
    if deed_name:
        return f"{KIND_ZH['reversal']}：{deed_name}" if e.kind == "reversal" else deed_name
    if e.voucher_serial:
        return f"{KIND_ZH[e.kind]} {e.voucher_serial}"
    return f"{KIND_ZH[e.kind]}：{e.reason}" if e.reason else KIND_ZH[e.kind]


def entries(resident_id: int, offset: int = 0, limit: int = 50, newest_first: bool = True,
            start: dt.date | None = None, end: dt.date | None = None) -> list[EntryRow]:
    """A page of a resident's entries as plain rows (one query, no per-row look-ups)."""
    from app.models import Clerk, Deed, DeedType

    query = (LedgerEntry
             .select(LedgerEntry, DeedType.code, DeedType.name_zh, DeedType.name_en,
                     Clerk.display_name)
             .join(Deed, pw.JOIN.LEFT_OUTER, on=(LedgerEntry.deed == Deed.id))
             .join(DeedType, pw.JOIN.LEFT_OUTER, on=(Deed.deed_type == DeedType.id))
             .switch(LedgerEntry)
             .join(Clerk, pw.JOIN.LEFT_OUTER, on=(LedgerEntry.clerk == Clerk.id))
             .where(LedgerEntry.resident == resident_id)
             .order_by(LedgerEntry.seq.desc() if newest_first else LedgerEntry.seq)
             .offset(offset).limit(limit))
    if start:
        query = query.where(LedgerEntry.business_date >= start)
    if end:
        query = query.where(LedgerEntry.business_date <= end)
    rows = []
    for e in query.objects():
        rows.append(EntryRow(
            e.seq, str(e.business_date), str(e.created_at), e.kind, e.points, e.balance_after,
            _description(e, getattr(e, "name_zh", None)), getattr(e, "display_name", None) or "",
            e.corrects_id, e.voucher_serial, getattr(e, "code", None), getattr(e, "name_en", None),
        ))
    return rows


def balance_before(resident_id: int, day: dt.date) -> int:
    """The balance at the start of ``day`` (the opening line of a statement)."""
    total = (LedgerEntry.select(pw.fn.COALESCE(pw.fn.SUM(LedgerEntry.points), 0))
             .where(LedgerEntry.resident == resident_id, LedgerEntry.business_date < day).scalar())
    return int(total)


@dataclass(frozen=True)
class Statement:
    """A passbook page: the balance before ``start``, the entries, the balance after."""

    opening: int
    rows: list[EntryRow]
    closing: int


def statement(resident_id: int, start: dt.date, end: dt.date) -> Statement:
    opening = balance_before(resident_id, start)
    rows = entries(resident_id, limit=1_000_000, newest_first=False, start=start, end=end)
    return Statement(opening, rows, opening + sum(r.points for r in rows))


@dataclass(frozen=True)
class PostResult:
    seq: int
    resident_id: int
    name: str
    points: int
    balance: int


def _result(entry: LedgerEntry, name: str) -> dict:
    return {"seq": entry.seq, "resident_id": entry.resident_id, "name": name,
            "points": entry.points, "balance": entry.balance_after}


def adjust(ctx: Context, resident_id: int, points: int, reason: str,
           request_id: str | None = None) -> PostResult:
    """An admin's manual correction, up or down, with a reason."""
    require(ctx, "ledger.adjust")
    if not reason.strip():
        raise ReasonRequired()
    if not isinstance(points, int) or points == 0:
        raise InvalidInput(what="调整分值须为非零整数。",
                           what_en="Points: a non-zero whole number.")

    def body(rid: str) -> dict:
        resident = residents.load(resident_id)
        entry = post(ctx, resident_id, "adjust", points, rid, reason=reason.strip())
        audit.record(ctx, "ledger.adjust", resident.uid, {"points": points, "reason": reason})
        return _result(entry, resident.name)

    result, _ = operations.run(ctx, "ledger.adjust", request_id,
                               {"resident": resident_id, "points": points, "reason": reason}, body)
    return PostResult(**result)


def reverse(ctx: Context, seq: int, reason: str, request_id: str | None = None) -> PostResult:
    """Cancel an award, deduction or adjustment with an equal and opposite entry."""
    require(ctx, "ledger.reverse")
    if not reason.strip():
        raise ReasonRequired()

    def body(rid: str) -> dict:
        original = LedgerEntry.get_or_none(LedgerEntry.seq == seq)
        if original is None:
            raise EntryNotFound(seq=seq)
        if original.kind not in ("award", "deduct", "adjust"):
            raise NotReversible(kind=KIND_ZH[original.kind])
        if LedgerEntry.select().where(LedgerEntry.corrects == seq).exists():
            raise AlreadyReversed(seq=seq)
        cleared = last_clearing()
        if cleared and original.business_date <= cleared:
            # Its points were settled by the clearing: reversing now would take them twice.
            raise NotReversible(kind=f"{cleared} 清零前的{KIND_ZH[original.kind]}")
        entry = post(ctx, original.resident_id, "reversal", -original.points, rid,
                     deed_id=original.deed_id, corrects=seq, reason=reason.strip())
        audit.record(ctx, "ledger.reverse", str(seq), {"reason": reason})
        return _result(entry, original.resident.name)

    result, _ = operations.run(ctx, "ledger.reverse", request_id,
                               {"seq": seq, "reason": reason}, body)
    return PostResult(**result)


def last_clearing() -> dt.date | None:
    """The cut-off of the newest year-end clearing, if any."""
    value = (LedgerEntry.select(pw.fn.MAX(LedgerEntry.business_date))
             .where(LedgerEntry.kind == "expire").scalar())
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def expire_balances(ctx: Context, cutoff: dt.date, request_id: str | None = None) -> dict:
    """Year-end clearing: points earned up to ``cutoff`` and still unspent expire.

    Running it again changes nothing: the expiry entries are dated ``cutoff``, so the
    sum up to ``cutoff`` is then zero.
    """
    from app.services import station

    require(ctx, "ledger.expire")
    if station.current().expiry_policy != "year_end":
        raise InvalidInput(what="本站设置为积分不清零（清零规则：不清零）。",
                           what_en="This station's points do not expire.")
    if cutoff >= ctx.clock.today():
        # Today's deeds are still being recorded: a clearing closes only past days.
        raise InvalidInput(what="清零截止日必须早于今天。",
                           what_en="The cut-off must be before today.")

    def body(rid: str) -> dict:
        to_cutoff = (LedgerEntry.select(LedgerEntry.resident, pw.fn.SUM(LedgerEntry.points))
                     .where(LedgerEntry.business_date <= cutoff)
                     .group_by(LedgerEntry.resident)
                     .having(pw.fn.SUM(LedgerEntry.points) > 0).tuples())
        count = total = 0
        for resident_id, amount in list(to_cutoff):
            points = min(int(amount), balance(resident_id))
            if points > 0:
                post(ctx, resident_id, "expire", -points, rid, reason=f"{cutoff} 清零",
                     business_date=cutoff)
                count += 1
                total += points
        audit.record(ctx, "ledger.expire", str(cutoff), {"residents": count, "points": total})
        return {"residents": count, "points": total}

    result, _ = operations.run(ctx, "ledger.expire", request_id, {"cutoff": str(cutoff)}, body)
    return result
