"""The daily close-out (日结): what one clerk did at one desk since their last close-out,
counted twice and reconciled, saved once a day, printed for signature, reprinted.

The cut: a close-out covers what the clerk wrote after the previous close-out's ``to_at``
(the same desk and clerk) up to its own ``to_at``, so a day once closed stays closed and
whatever is written later, even dated earlier, falls into the next close-out. ``to_at``
is the second before now (a write in the very second of the close-out goes to the next
one, never nowhere), or the end of an earlier day closed late. A clerk's first close-out at
a desk starts at the beginning of the first day closed there, each table read from where
that day begins in it (``closeout_floors``), so it reads a day and not the station's years.

One close-out per business date, desk and clerk (the table's unique key): a second one
the same day is refused, naming the first; the clerk's later work waits for the next
day's close-out, and the saved one is reprinted (补打) as often as needed.

The desk number is this data directory's (``placement``); PostgreSQL desks share one
database and count as desk 1, so there the close-out is per clerk.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import asdict, dataclass

import peewee as pw

from app.models import Clerk, Closeout, DeskPlacement, write_transaction
from app.models.station import station_code
from app.services import audit, operations, placement
from app.services.changes import NOTHING, Changes
from app.services.closeout_figures import Window, compute
from app.services.closeout_floors import floors_after, floors_at
from app.services.context import Context
from app.services.errors import FutureDate
from app.services.errors.closeout import CloseoutExists, CloseoutNotFound, CloseoutOutOfOrder
from app.services.permissions import require

SECOND = dt.timedelta(seconds=1)


@dataclass(frozen=True)
class CloseoutView:
    """A close-out as shown and printed: saved (``id``) or only previewed."""

    id: int | None
    business_date: str
    desk_no: int
    clerk: str  # user name
    clerk_name: str
    from_at: str | None
    to_at: str
    figures: list[dict]
    differences: int  # figures that did not reconcile
    created_at: str | None = None

    @property
    def saved(self) -> bool:
        return self.id is not None

    @property
    def issued_ranges(self) -> list[dict]:
        return next((f.get("ranges", []) for f in self.figures
                     if f["key"] == "vouchers_issued"), [])

    def as_dict(self) -> dict:
        return {**asdict(self), "issued_ranges": self.issued_ranges}

    @property
    def changes(self) -> Changes:
        return NOTHING  # a close-out changes no figure any page shows


def desk_no() -> int:
    return placement.status().desk_no


def _previous(desk: int, clerk_id: int) -> Closeout | None:
    return (Closeout.select().where(Closeout.desk_no == desk, Closeout.clerk == clerk_id)
            .order_by(Closeout.to_at.desc()).first())


def _first_start(desk: int, day: dt.date) -> dt.datetime:
    """Where a clerk's first close-out at a desk starts: at the start of the first day
    closed at this desk (what was written before the desk closed days is no close-out's),
    and never before a copy became this desk (its history before is the other desk's)."""
    first = Closeout.select(pw.fn.MIN(Closeout.business_date)).where(
        Closeout.desk_no == desk).scalar()
    began = min(day, _as_date(first)) if first else day
    start = dt.datetime.combine(began, dt.time()) - SECOND  # the window starts after it
    if desk == 1:
        return start
    made = (DeskPlacement.select().where(DeskPlacement.desk_no == desk,
                                         DeskPlacement.reason == "second_desk")
            .order_by(DeskPlacement.id).first())
    return max(start, made.at) if made else start


def _cut(ctx: Context, day: dt.date | None) -> tuple[dt.date, int, Window]:
    """The business date, the desk and the window of the clerk's close-out of ``day``;
    refuses a day closed already, one before the last close-out, or one to come."""
    actor = ctx.actor
    now = ctx.clock.now()
    day = day or now.date()
    if day > now.date():
        raise FutureDate(date=day.isoformat())
    desk = desk_no()
    end = now - SECOND if day == now.date() else dt.datetime.combine(day, dt.time(23, 59, 59))
    last = _previous(desk, actor.clerk_id)
    if last is not None:
        last_day = _as_date(last.business_date)
        if last_day == day:
            raise CloseoutExists(date=str(day), clerk=actor.display_name, desk=desk,
                                 to_at=_text(last.to_at))
        if last_day > day or _as_datetime(last.to_at) >= end:
            raise CloseoutOutOfOrder(date=str(day), clerk=actor.display_name, desk=desk,
                                     last=str(last_day), to_at=_text(last.to_at))
        return day, desk, Window(actor.clerk_id, _as_datetime(last.to_at), end,
                                 json.loads(last.figures)["floors"])
    start = _first_start(desk, day)
    return day, desk, Window(actor.clerk_id, start, end, floors_at(start))


def preview(ctx: Context, day: dt.date | None = None) -> CloseoutView:
    """The figures a close-out of ``day`` would save now, without saving anything."""
    return _previewed(ctx, day)[0]


def _previewed(ctx: Context, day: dt.date | None) -> tuple[CloseoutView, Window]:
    actor = require(ctx, "closeout.make")
    day, desk, window = _cut(ctx, day)
    figures = compute(window)
    return CloseoutView(None, str(day), desk, actor.username, actor.display_name,
                        _text(window.start), _text(window.end), figures,
                        sum(not f["ok"] for f in figures)), window


def save(ctx: Context, day: dt.date | None = None, request_id: str | None = None
         ) -> CloseoutView:
    """Close the clerk's day: the figures recomputed in the saving transaction and kept."""
    actor = require(ctx, "closeout.make")

    def body(rid: str) -> dict:
        shown, window = _previewed(ctx, day)
        kept = {"figures": shown.figures, "floors": floors_after(window)}
        row = Closeout.create(
            uid=f"{station_code()}-C{uuid.uuid4().hex}", business_date=shown.business_date,
            desk_no=shown.desk_no, clerk=actor.clerk_id, from_at=shown.from_at,
            to_at=shown.to_at, figures=json.dumps(kept, ensure_ascii=False),
            differences=shown.differences, request_id=rid, created_at=ctx.clock.now())
        audit.record(ctx, "closeout.save", row.uid, {
            "date": shown.business_date, "desk": shown.desk_no,
            "differences": shown.differences})
        return {"id": row.id}

    result, _ = operations.run(ctx, "closeout.save", request_id,
                               {"date": str(day) if day else None}, body)
    return get(ctx, result["id"])


def get(ctx: Context, closeout_id: int | str) -> CloseoutView:
    """A saved close-out, as it was saved (a clerk sees their own, an admin every one)."""
    actor = require(ctx, "closeout.make")
    try:
        number = int(closeout_id)
    except (TypeError, ValueError):
        raise CloseoutNotFound(query=str(closeout_id)) from None
    query = Closeout.select(Closeout, Clerk).join(Clerk).where(Closeout.id == number)
    if not actor.is_admin:
        query = query.where(Closeout.clerk == actor.clerk_id)
    row = query.first()
    if row is None:
        raise CloseoutNotFound(query=str(closeout_id))
    return _view(row, json.loads(row.figures)["figures"])


def reprinted(ctx: Context, closeout_id: int | str) -> CloseoutView:
    """A saved close-out to print again (补打): the reprint is on file in the audit log."""
    view = get(ctx, closeout_id)
    with write_transaction():
        audit.record(ctx, "closeout.reprint", str(view.id), {"date": view.business_date})
    return view


def listing(ctx: Context, limit: int = 200) -> list[CloseoutView]:
    """The newest saved close-outs first, without their figures."""
    actor = require(ctx, "closeout.make")
    query = (Closeout.select(Closeout.id, Closeout.business_date, Closeout.desk_no,
                             Closeout.from_at, Closeout.to_at, Closeout.differences,
                             Closeout.created_at, Clerk.username, Clerk.display_name)
             .join(Clerk).order_by(Closeout.to_at.desc(), Closeout.id.desc()).limit(limit))
    if not actor.is_admin:
        query = query.where(Closeout.clerk == actor.clerk_id)
    return [_view(row, []) for row in query]


def _view(row: Closeout, figures: list[dict]) -> CloseoutView:
    return CloseoutView(row.id, str(_as_date(row.business_date)), row.desk_no,
                        row.clerk.username, row.clerk.display_name, _text(row.from_at),
                        _text(row.to_at), figures, row.differences, _text(row.created_at))


def _as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _as_datetime(value: object) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def _text(value: object) -> str | None:
    return None if value is None else str(_as_datetime(value))
