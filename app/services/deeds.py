"""Recording deeds by the catalogue's rules, and reviewing those that need it.

Points come from the deed type (an admin may override within bounds, with a reason);
caps per day, month, year or person hold at record time; no future dates; a type that
needs review records a pending deed whose points count only once approved.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from app.models import Deed, DeedType, Resident, Station
from app.models.fixed_sql import FixedSql, insert
from app.models.station import station_code
from app.services import audit, catalogue, ledger, operations, resident_rows, residents, text
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import (
    AlreadyReviewed,
    CapExceeded,
    DeedNotFound,
    FutureDate,
    InvalidQuantity,
    OverrideOutOfBounds,
    ReasonRequired,
    TooOld,
    ZeroPoints,
)
from app.services.permissions import require

MAX_QUANTITY = {"per_hour": 24, "per_time": 20, "per_award": 5, "once": 1}
BACKDATE_DAYS = 366  # how far back a deed may be dated
_DECIMAL = re.compile(r"[0-9]{1,4}(\.[0-9]{1,2})?")
STATUS_ZH = {"approved": "已生效", "pending": "待审核", "rejected": "已驳回", "notice": "公示中"}
STATUS_EN = {"notice": "on notice"}  # the others read as they are stored


def quantity_tenths(quantity: object, unit: str) -> int:
    """Hours in steps of 0.5; occasions, titles and once-only deeds in whole numbers."""
    maximum = MAX_QUANTITY[unit]
    step = Decimal("0.5") if unit == "per_hour" else Decimal(1)
    typed = text.ascii_digits(quantity)
    try:
        # Plain ASCII decimals only: Decimal() would also take "1_0", "1e1", "NaN" and
        # every other script's digits.
        value = Decimal(typed) if typed is not None and _DECIMAL.fullmatch(typed) else None
    except InvalidOperation:
        value = None
    if value is None or value <= 0 or value > maximum or value % step:
        raise InvalidQuantity(maximum=maximum, step=step, step_en=step)
    return int(value * 10)


def points_for(points_per_unit: int, tenths: int) -> int:
    """Whole points, rounded toward zero (0.5 hours at 1 point an hour earns nothing)."""
    magnitude = abs(points_per_unit) * tenths // 10
    return magnitude if points_per_unit > 0 else -magnitude


def _period(deed_date: dt.date, period: str) -> tuple[dt.date, dt.date]:
    if period == "day":
        return deed_date, deed_date
    if period == "month":
        start = deed_date.replace(day=1)
        nxt = (start + dt.timedelta(days=32)).replace(day=1)
        return start, nxt - dt.timedelta(days=1)
    if period == "year":
        return deed_date.replace(month=1, day=1), deed_date.replace(month=12, day=31)
    return dt.date.min, dt.date.max


# A reversed deed no longer counts: it was a mistake, corrected. Asked at every capped
# deed, so written out once (app.models.fixed_sql).
_USED = FixedSql(
    'SELECT COALESCE(SUM(d."quantity_tenths"), 0) FROM "deed" d WHERE d."resident_id" = {p} '
    'AND d."deed_type_id" = {p} AND d."status" != \'rejected\' '
    'AND d."deed_date" BETWEEN {p} AND {p} AND d."id" NOT IN ('
    'SELECT e."deed_id" FROM "ledger_entry" e WHERE e."resident_id" = {p} '
    'AND e."kind" = \'reversal\' AND e."deed_id" IS NOT NULL)')
_INSERT_DEED = insert("deed", (
    "uid", "resident_id", "deed_type_id", "quantity_tenths", "deed_date", "points",
    "override_reason", "note", "status", "recorded_by_id", "recorded_at", "review_note",
    "group_uid"), returning="id")


def used_quantity(resident_id: int, deed_type: DeedType, deed_date: dt.date) -> int:
    """Tenths of the cap already used in the period that holds ``deed_date``."""
    start, end = _period(deed_date, deed_type.cap_period or "lifetime")
    return int(_USED.value(resident_id, deed_type.id, start, end, resident_id))


@dataclass(frozen=True)
class CapState:
    cap: int | None  # in the type's unit; None: no cap
    period: str | None
    used: Decimal
    left: Decimal | None


def cap_state(resident_id: int, type_code: str, deed_date: dt.date) -> CapState:
    """What the desk shows before saving: how much of the cap is left."""
    t = catalogue.get_type(type_code)
    if t.cap_quantity is None:
        return CapState(None, None, Decimal(0), None)
    used = used_quantity(resident_id, t, deed_date)
    return CapState(t.cap_quantity, t.cap_period, Decimal(used) / 10,
                    max(Decimal(t.cap_quantity * 10 - used) / 10, Decimal(0)))


def _within_cap(resident_id: int, t: DeedType, tenths: int, deed_date: dt.date) -> None:
    if t.cap_quantity is None:
        return
    used = used_quantity(resident_id, t, deed_date)
    if used + tenths > t.cap_quantity * 10:
        left = max(t.cap_quantity * 10 - used, 0)
        raise CapExceeded(deed=t.name_zh, deed_en=t.name_en or t.name_zh,
                          cap=t.cap_quantity, period=t.cap_period,
                          period_zh=catalogue.PERIODS[t.cap_period],
                          this_period_zh=catalogue.THIS_PERIOD[t.cap_period],
                          unit_zh=catalogue.UNITS[t.unit], used=_fmt(used), left=_fmt(left))


def check_cap(resident_id: int, type_code: str, quantity: object, deed_date: dt.date) -> None:
    """Raise ``CapExceeded`` now if recording this would exceed the type's cap: the desk
    says so before the clerk saves (recording checks again, in its transaction)."""
    t = catalogue.get_type(type_code)
    _within_cap(resident_id, t, quantity_tenths(quantity, t.unit), deed_date)


@dataclass(frozen=True)
class DeedResult:
    deed_uid: str
    resident_id: int
    name: str
    deed_type: str
    deed_name: str
    points: int
    status: str
    balance: int
    deed_name_en: str = ""  # results recorded before English names were kept have none
    notice_until: str | None = None  # approved onto the public notice (公示) until this day
    replayed: bool = False  # the first result of a request made before, returned again

    @property
    def changes(self) -> Changes:
        # Recording may add to the review queue and reviewing takes from it; only an
        # approved deed moves points.
        return Changes.of_residents([self.resident_id], ledger=self.status == "approved",
                                    pending=True)


class DeedResults(list[DeedResult]):
    """A group deed's results, one per participant, in the order they were given."""

    @property
    def changes(self) -> Changes:
        return Changes.union(r.changes for r in self)


def _record_one(ctx: Context, rid: str, resident_id: int, t: DeedType, tenths: int,
                deed_date: dt.date, note: str, points: int, override_reason: str,
                group_uid: str | None) -> dict:
    resident = resident_rows.brief(resident_id, active=True)
    _within_cap(resident_id, t, tenths, deed_date)
    status = "pending" if t.needs_review else "approved"
    deed_uid = f"{station_code()}-D{uuid.uuid4().hex}"
    deed_id = _INSERT_DEED.value(
        deed_uid, resident_id, t.id, tenths, deed_date, points, override_reason, note, status,
        ctx.actor.clerk_id, ctx.clock.now(), "", group_uid)
    balance = resident.balance
    if status == "approved":
        kind = "award" if points > 0 else "deduct"
        balance = ledger.post(ctx, resident_id, kind, points, rid, deed_id=deed_id,
                              business_date=deed_date).balance_after
    audit.record(ctx, "deed.record", deed_uid, {"resident": resident.uid, "type": t.code,
                                                "quantity": _fmt(tenths), "points": points,
                                                "status": status})
    return {"deed_uid": deed_uid, "resident_id": resident_id, "name": resident.name,
            "deed_type": t.code, "deed_name": t.name_zh, "deed_name_en": t.name_en,
            "points": points, "status": status, "balance": balance}


def _fmt(tenths: int) -> str:
    return str(Decimal(tenths) / 10).rstrip("0").rstrip(".") if tenths % 10 else str(tenths // 10)


def _prepare(ctx: Context, type_code: str, quantity: object, deed_date: dt.date | None,
             points_override: int | None, override_reason: str
             ) -> tuple[DeedType, int, dt.date, int]:
    t = catalogue.get_type(type_code)
    tenths = quantity_tenths(quantity, t.unit)
    text.clean(override_reason, text.REASON, field="reason")
    today = ctx.clock.today()
    day = deed_date or today
    if day > today:
        raise FutureDate(date=day.isoformat())
    earliest = max(today - dt.timedelta(days=BACKDATE_DAYS),
                   (ledger.last_clearing() or dt.date.min) + dt.timedelta(days=1))
    if day < earliest:
        raise TooOld(date=day.isoformat(), earliest=earliest.isoformat())
    computed = points_for(t.points, tenths)
    if computed == 0:
        raise ZeroPoints(deed=t.name_zh, deed_en=t.name_en or t.name_zh,
                         unit_zh=catalogue.UNITS[t.unit], points=t.points)
    points = computed
    if points_override is not None and points_override != computed:
        require(ctx, "deed.override_points")
        if not override_reason.strip():
            raise ReasonRequired()
        if (points_override * computed <= 0) or abs(points_override) > 2 * abs(computed):
            raise OverrideOutOfBounds(computed=computed)
        points = points_override
    return t, tenths, day, points


def record_deed(ctx: Context, resident_id: int, type_code: str, quantity: object = 1,
                deed_date: dt.date | None = None, note: str = "",
                points_override: int | None = None, override_reason: str = "",
                request_id: str | None = None) -> DeedResult:
    """Record one deed for one resident (an award or a deduction)."""
    require(ctx, "deed.record")
    text.clean(note, text.NOTE, field="note")
    t, tenths, day, points = _prepare(ctx, type_code, quantity, deed_date, points_override,
                                      override_reason)
    # The caller's own arguments: a retry after midnight is still the same request.
    params = {"resident": resident_id, "type": t.code, "tenths": tenths,
              "date": str(deed_date) if deed_date else None, "note": note,
              "override": points_override}
    result, replayed = operations.run(
        ctx, "deed.record", request_id, params,
        lambda rid: _record_one(ctx, rid, resident_id, t, tenths, day, note.strip(), points,
                                override_reason.strip(), None))
    return DeedResult(**result, replayed=replayed)


def record_group_deed(ctx: Context, resident_ids: list[int], type_code: str,
                      quantity: object = 1, deed_date: dt.date | None = None, note: str = "",
                      request_id: str | None = None) -> DeedResults:
    """The same deed for several residents at once: all are recorded, or none."""
    require(ctx, "deed.record")
    text.clean(note, text.NOTE, field="note")
    t, tenths, day, points = _prepare(ctx, type_code, quantity, deed_date, None, "")
    ids = list(dict.fromkeys(resident_ids))
    params = {"residents": ids, "type": t.code, "tenths": tenths,
              "date": str(deed_date) if deed_date else None, "note": note}

    def body(rid: str) -> dict:
        group = uuid.uuid4().hex
        return {"deeds": [_record_one(ctx, rid, r, t, tenths, day, note.strip(), points, "",
                                      group) for r in ids]}

    result, replayed = operations.run(ctx, "deed.record_group", request_id, params, body)
    return DeedResults(DeedResult(**d, replayed=replayed) for d in result["deeds"])


@dataclass(frozen=True)
class PendingDeed:
    deed_uid: str
    resident_id: int
    resident_name: str
    resident_no: str
    deed_name: str
    quantity: str
    points: int
    deed_date: str
    note: str
    recorded_by: str
    deed_name_en: str = ""


def pending_deeds(limit: int = 200, resident_id: int | None = None) -> list[PendingDeed]:
    """The review queue, oldest first; only one resident's with ``resident_id``."""
    from app.models import Clerk

    query = (Deed.select(Deed, Resident, DeedType, Clerk)
             .join(Resident).switch(Deed).join(DeedType).switch(Deed)
             .join(Clerk, on=(Deed.recorded_by == Clerk.id))
             .where(Deed.status == "pending").order_by(Deed.id).limit(limit))
    if resident_id is not None:
        query = query.where(Deed.resident == resident_id)
    return [PendingDeed(d.uid, d.resident.id, d.resident.name, d.resident.resident_no,
                        d.deed_type.name_zh, _fmt(d.quantity_tenths), d.points,
                        str(d.deed_date), d.note, d.recorded_by.display_name,
                        d.deed_type.name_en) for d in query]


def pending_count() -> int:
    """How many deeds wait for review (the whole queue, not only its first page)."""
    return Deed.select().where(Deed.status == "pending").count()


def check_review_note(approve: bool, note: str) -> None:
    """Refuses a review note that cannot be saved: too long, or empty on a rejection. The
    window asks before its confirmation, so a clerk is not asked and then refused."""
    text.clean(note, text.REASON, field="note")
    if not approve and not note.strip():
        raise ReasonRequired()


def review_deed(ctx: Context, deed_uid: str, approve: bool, note: str = "",
                request_id: str | None = None) -> DeedResult:
    """Approve or reject a pending deed. With a notice period (``Station.notice_days``)
    an approved deed goes on the public notice (公示) and its points count once the
    period has passed without an upheld objection (app.services.notice); without one
    they count from now."""
    require(ctx, "deed.review")
    check_review_note(approve, note)

    def body(rid: str) -> dict:
        deed = Deed.get_or_none(Deed.uid == deed_uid)
        if deed is None:
            raise DeedNotFound()
        if deed.status != "pending":
            raise AlreadyReviewed(status=STATUS_ZH[deed.status],
                                  status_en=STATUS_EN.get(deed.status, deed.status))
        if approve:
            residents.load(deed.resident_id, active=True)
        today = ctx.clock.today()
        days = (Station.select(Station.notice_days).scalar() or 0) if approve else 0
        deed.status = ("notice" if days else "approved") if approve else "rejected"
        deed.notice_until = today + dt.timedelta(days=days) if days else None
        deed.reviewed_by = ctx.actor.clerk_id
        deed.reviewed_at = ctx.clock.now()
        deed.review_note = note.strip()
        deed.save()
        resident = deed.resident
        balance = resident.balance
        if deed.status == "approved":
            kind = "award" if deed.points > 0 else "deduct"
            balance = ledger.post(ctx, resident.id, kind, deed.points, rid, deed_id=deed.id,
                                  business_date=posting_date(deed.deed_date, today)
                                  ).balance_after
        detail = {"note": note}
        if deed.notice_until:  # the close-out counts the points where they are posted
            detail["notice_until"] = str(deed.notice_until)
        audit.record(ctx, "deed.approve" if approve else "deed.reject", deed.uid, detail)
        return {"deed_uid": deed.uid, "resident_id": resident.id, "name": resident.name,
                "deed_type": deed.deed_type.code, "deed_name": deed.deed_type.name_zh,
                "deed_name_en": deed.deed_type.name_en, "points": deed.points,
                "status": deed.status, "balance": balance,
                "notice_until": str(deed.notice_until) if deed.notice_until else None}

    result, replayed = operations.run(ctx, "deed.review", request_id,
                                      {"deed": deed_uid, "approve": approve, "note": note}, body)
    return DeedResult(**result, replayed=replayed)


def posting_date(deed_date: dt.date, today: dt.date) -> dt.date:
    """The business date of a reviewed deed's points: the deed's own day, unless a
    year-end clearing has closed it meanwhile; then the day they count (points dated
    into a cleared period would escape every clearing)."""
    cleared = ledger.last_clearing()
    return today if cleared is not None and deed_date <= cleared else deed_date
