"""The append-only points ledger: balances, history, corrections and year-end expiry.

A balance is the sum of a resident's entries; ``Resident.balance`` caches it and is
written in the same transaction as every entry (the integrity check recomputes it).
Nothing here updates or deletes an entry: a mistake is corrected by a new entry that
names the one it corrects, who made it and why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

import peewee as pw

from app.models import LedgerEntry, Resident
from app.models.fixed_sql import FixedSql
from app.services import audit, operations, residents, text
from app.services.changes import Changes
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
from app.services.posting import Posted, post

KIND_ZH = {"award": "加分", "deduct": "扣分", "issue": "兑换", "refund": "退回", "adjust": "调整",
           "reversal": "冲正", "expire": "清零",
           "store_sale": "积分超市", "store_return": "超市退差"}
KIND_EN = {"award": "Award", "deduct": "Deduction", "issue": "Voucher issue", "refund": "Refund",
           "adjust": "Adjustment", "reversal": "Reversal", "expire": "Year-end clearing",
           "store_sale": "Points store", "store_return": "Store voucher surplus"}


def balance(resident_id: int) -> int:
    value = Resident.select(Resident.balance).where(Resident.id == resident_id).scalar()
    if value is None:
        raise ResidentNotFound(query=str(resident_id))
    return value


@dataclass(frozen=True, slots=True)  # fifty of them at every scan: slots build faster
class EntryRow:
    seq: int
    business_date: str
    created_at: str
    kind: str
    points: int
    balance_after: int
    clerk: str
    corrects: int | None
    voucher_serial: str | None = None
    deed_code: str | None = None  # a deed's entry: its type, named in both languages
    deed_name: str | None = None
    deed_name_en: str | None = None
    reason: str = ""

    @property
    def description(self) -> str:
        """What the entry was for, in Chinese (the passbook's and the command line's)."""
        return describe(self, "zh")


def describe(row: EntryRow, language: str = "zh") -> str:
    """What an entry was for, in ``language`` (``zh`` or ``en``): the deed type's name
    (a reversal says so), the voucher's serial, or the kind with the reason given.
    A reason is the clerk's own words and stays as typed."""
    english = language == "en"
    kind = (KIND_EN if english else KIND_ZH)[row.kind]
    colon = ": " if english else "："
    if row.deed_name:
        name = row.deed_name_en if english and row.deed_name_en else row.deed_name
        return f"{kind}{colon}{name}" if row.kind == "reversal" else name
    if row.voucher_serial:
        return f"{kind} {row.voucher_serial}"
    return f"{kind}{colon}{row.reason}" if row.reason else kind


_ENTRIES = ('SELECT e."seq", e."business_date", e."created_at", e."kind", e."points", '
            'e."balance_after", c."display_name", e."corrects_id", e."voucher_serial", '
            't."code", t."name_zh", t."name_en", e."reason" FROM "ledger_entry" e '
            'LEFT OUTER JOIN "deed" d ON d."id" = e."deed_id" '
            'LEFT OUTER JOIN "deed_type" t ON t."id" = d."deed_type_id" '
            'LEFT OUTER JOIN "clerk" c ON c."id" = e."clerk_id" '
            'WHERE e."resident_id" = {{p}}{start}{end} '
            'ORDER BY e."seq"{order} LIMIT {{p}} OFFSET {{p}}')
# One written-out statement per shape of the question (a page of the passbook at every
# scan, a statement between two dates).
_ENTRY_PAGES = {(newest, start, end): FixedSql(_ENTRIES.format(
    order=" DESC" if newest else "", start=' AND e."business_date" >= {p}' if start else "",
    end=' AND e."business_date" <= {p}' if end else ""))
    for newest in (True, False) for start in (True, False) for end in (True, False)}


def entries(resident_id: int, offset: int = 0, limit: int = 50, newest_first: bool = True,
            start: dt.date | None = None, end: dt.date | None = None) -> list[EntryRow]:
    """A page of a resident's entries as plain rows (one query, no per-row look-ups)."""
    statement = _ENTRY_PAGES[newest_first, start is not None, end is not None]
    params = [resident_id, *(d for d in (start, end) if d is not None), limit, offset]
    return [EntryRow(seq, str(day), str(at), kind, points, after, clerk or "", corrects,
                     serial, code, name_zh, name_en, reason or "")
            for (seq, day, at, kind, points, after, clerk, corrects, serial, code, name_zh,
                 name_en, reason) in statement.run(*params)]


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

    @property
    def changes(self) -> Changes:
        return Changes.of_residents([self.resident_id], ledger=True)


def _result(entry: Posted, name: str) -> dict:
    return {"seq": entry.seq, "resident_id": entry.resident_id, "name": name,
            "points": entry.points, "balance": entry.balance_after}


def adjust(ctx: Context, resident_id: int, points: int, reason: str,
           request_id: str | None = None) -> PostResult:
    """An admin's manual correction, up or down, with a reason."""
    require(ctx, "ledger.adjust")
    reason = text.clean(reason, text.REASON, field="reason")
    if not reason:
        raise ReasonRequired()
    if not isinstance(points, int) or points == 0:
        raise InvalidInput(what="调整分值须为非零整数。",
                           what_en="Points: a non-zero whole number.")

    def body(rid: str) -> dict:
        resident = residents.load(resident_id)
        entry = post(ctx, resident_id, "adjust", points, rid, reason=reason)
        audit.record(ctx, "ledger.adjust", resident.uid, {"points": points, "reason": reason})
        return _result(entry, resident.name)

    result, _ = operations.run(ctx, "ledger.adjust", request_id,
                               {"resident": resident_id, "points": points, "reason": reason}, body)
    return PostResult(**result)


def reverse(ctx: Context, seq: int, reason: str, request_id: str | None = None) -> PostResult:
    """Cancel an award, deduction or adjustment with an equal and opposite entry."""
    require(ctx, "ledger.reverse")
    reason = text.clean(reason, text.REASON, field="reason")
    if not reason:
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
                     deed_id=original.deed_id, corrects=seq, reason=reason)
        audit.record(ctx, "ledger.reverse", str(seq), {"reason": reason})
        return _result(entry, original.resident.name)

    result, _ = operations.run(ctx, "ledger.reverse", request_id,
                               {"seq": seq, "reason": reason}, body)
    return PostResult(**result)


def _unreversed(query: pw.ModelSelect) -> pw.ModelSelect:
    """Expiry entries that no reversal has cancelled."""
    reversal = LedgerEntry.alias()
    return query.where(LedgerEntry.kind == "expire", ~pw.fn.EXISTS(
        reversal.select(reversal.seq).where(reversal.corrects == LedgerEntry.seq)))


_LAST_CLEARING = FixedSql(
    'SELECT e."business_date" FROM "ledger_entry" e WHERE e."kind" = \'expire\' AND NOT EXISTS '
    '(SELECT 1 FROM "ledger_entry" r WHERE r."corrects_id" = e."seq") '
    'ORDER BY e."business_date" DESC LIMIT 1')


def last_clearing() -> dt.date | None:
    """The cut-off of the newest year-end clearing that was not reversed, if any (asked
    at every deed, so its SQL is written out once)."""
    value = _LAST_CLEARING.value()
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def clearing_totals(cutoff: dt.date) -> dict | None:
    """How many residents and points the unreversed clearing at ``cutoff`` took."""
    count, total = (_unreversed(LedgerEntry.select(
        pw.fn.COUNT(pw.fn.DISTINCT(LedgerEntry.resident)), pw.fn.SUM(LedgerEntry.points)))
        .where(LedgerEntry.business_date == cutoff).tuples().get())
    return {"residents": count, "points": -int(total)} if count else None


def _to_expire(previous: dt.date | None, cutoff: dt.date) -> dict[int, int]:
    """Per resident, the points earned after the previous clearing's cut-off and up to
    this one that are still unspent.

    Within the period, what was spent counts against what was earned, except spending
    the previous clearing already set against its own period's points (the balance it
    left dated up to its cut-off, ``carry``): that is credited back, so the same spending
    never shelters points twice. Later points are never taken: the balance left is at
    least the net of the entries after the cut-off.
    """
    window = LedgerEntry.business_date <= cutoff
    if previous is not None:
        window &= LedgerEntry.business_date > previous
    spent = pw.Case(None, [((LedgerEntry.points < 0) & (LedgerEntry.kind != "expire"),
                            LedgerEntry.points)], 0)
    period = {rid: (int(net), -int(out)) for rid, net, out in
              LedgerEntry.select(LedgerEntry.resident, pw.fn.SUM(LedgerEntry.points),
                                 pw.fn.SUM(spent))
              .where(window).group_by(LedgerEntry.resident).tuples()}
    carry: dict[int, int] = {}
    if previous is not None:
        carry = {rid: int(total) for rid, total in
                 LedgerEntry.select(LedgerEntry.resident, pw.fn.SUM(LedgerEntry.points))
                 .where(LedgerEntry.business_date <= previous)
                 .group_by(LedgerEntry.resident).tuples()}
    balances = dict(Resident.select(Resident.id, Resident.balance).tuples())
    out = {}
    for rid, (net, spending) in period.items():
        points = min(balances[rid], net + min(carry.get(rid, 0), spending))
        if points > 0:
            out[rid] = points
    return out


@dataclass(frozen=True)
class Clearing:
    """A year-end clearing: how many residents lost how many unspent points."""

    residents: int
    points: int

    def as_dict(self) -> dict:
        return asdict(self)  # what the command line prints

    @property
    def changes(self) -> Changes:
        return Changes(all_residents=True, ledger=True)


@dataclass(frozen=True)
class ClearingReversed:
    cutoff: str
    residents: int
    points: int  # given back

    def as_dict(self) -> dict:
        return asdict(self)  # what the command line prints

    @property
    def changes(self) -> Changes:
        return Changes(all_residents=True, ledger=True)


def expire_balances(ctx: Context, cutoff: dt.date, request_id: str | None = None) -> Clearing:
    """Year-end clearing: points earned up to ``cutoff`` and still unspent expire.

    Cut-offs only move forward: a cut-off on or before the newest unreversed clearing
    is refused (that one settled everything up to its cut-off), so running the same
    clearing again changes nothing.
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
        previous = last_clearing()
        if previous is not None and cutoff <= previous:
            raise InvalidInput(
                what=f"已于截止日 {previous} 清零过：新的截止日须晚于 {previous}。"
                     f"如清零有误，请先撤销 {previous} 的清零。",
                what_en=f"Points were cleared up to {previous}: a new cut-off must be later. "
                        f"To redo it, reverse the {previous} clearing first.")
        expiring = _to_expire(previous, cutoff)
        for resident_id, points in expiring.items():
            post(ctx, resident_id, "expire", -points, rid, reason=f"{cutoff} 清零",
                 business_date=cutoff)
        result = {"residents": len(expiring), "points": sum(expiring.values())}
        audit.record(ctx, "ledger.expire", str(cutoff), result)
        return result

    result, _ = operations.run(ctx, "ledger.expire", request_id, {"cutoff": str(cutoff)}, body)
    return Clearing(**result)


def reverse_clearing(ctx: Context, cutoff: dt.date, reason: str,
                     request_id: str | None = None) -> ClearingReversed:
    """Undo the newest clearing, made by mistake: each of its expiries gets an equal and
    opposite entry dated the cut-off (so sums up to the cut-off net out), with the reason.
    The cut-off may then be cleared again."""
    require(ctx, "ledger.expire.reverse")
    reason = text.clean(reason, text.REASON, field="reason")
    if not reason:
        raise ReasonRequired()

    def body(rid: str) -> dict:
        expiries = list(_unreversed(LedgerEntry.select())
                        .where(LedgerEntry.business_date == cutoff).order_by(LedgerEntry.seq))
        if not expiries:
            done = LedgerEntry.select().where(LedgerEntry.kind == "expire",
                                              LedgerEntry.business_date == cutoff).exists()
            raise InvalidInput(
                what=f"截止日 {cutoff} 的清零已撤销过，不能重复撤销。" if done else
                f"没有截止日为 {cutoff} 的清零。",
                what_en=f"The {cutoff} clearing was already reversed." if done else
                f"There is no clearing with the cut-off {cutoff}.")
        newest = last_clearing()
        if newest != cutoff:
            raise InvalidInput(
                what=f"只能撤销最近一次清零（截止日 {newest}），请先撤销它。",
                what_en=f"Only the newest clearing (cut-off {newest}) can be reversed first.")
        for e in expiries:
            post(ctx, e.resident_id, "reversal", -e.points, rid, corrects=e.seq,
                 reason=f"撤销 {cutoff} 清零：{reason}", business_date=cutoff)
        result = {"cutoff": str(cutoff), "residents": len(expiries),
                  "points": -sum(e.points for e in expiries)}
        audit.record(ctx, "ledger.expire.reverse", str(cutoff),
                     {**result, "reason": reason})
        return result

    result, _ = operations.run(ctx, "ledger.expire.reverse", request_id,
                               {"cutoff": str(cutoff), "reason": reason}, body)
    return ClearingReversed(**result)
