"""The public notice (公示) of reviewed deeds: objections recorded at the desk, resolved by
an admin, and each deed's points posted exactly once when its period has passed.

A deed of a type that needs review moves through these states (``Deed.status``):

- ``pending`` 待审核: recorded, waiting for an admin's review.
- ``notice`` 公示中: approved onto the board until ``notice_until`` (the approval day plus
  the station's ``notice_days``, inclusive). Any clerk may record an objection until
  then; an open objection (有异议) holds the points, however long it stays open.
- ``approved`` 已生效: its one award (or deduction) entry is in the ledger.
- ``rejected`` 已驳回: rejected on review, or an objection to it was upheld. No points.

Posting is never a clerk's chore: ``post_due`` runs at sign-in, when the review page
opens, on ``station-desk notice`` and when an objection is dismissed after the period.
Each deed is moved from ``notice`` to ``approved`` by one conditional update, in the
same transaction as its ledger entry: two desks posting at once post it once.

The entry is dated the day it posts, the day its points start to count: a deed on
notice across New Year counts in the new year, and every entry stays after the newest
year-end clearing's cut-off (a clearing closes only days before today), so no clearing
misses it or takes it twice.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import peewee as pw

from app.models import Deed
from app.models.notice import Objection
from app.models.station import station_code
from app.services import audit, operations, text
from app.services.changes import Changes
from app.services.context import Context
from app.services.deeds import STATUS_ZH
from app.services.errors import ReasonRequired
from app.services.errors.notice import (
    NoticeEnded,
    NoticeEntryNotFound,
    NotOnNotice,
    ObjectionNotFound,
    ObjectionResolved,
)
from app.services.permissions import require
from app.services.posting import post

OBJECTION_ZH = {"open": "待处理", "upheld": "异议成立", "dismissed": "异议不成立"}


def find_deed(entry: str) -> Deed:
    """The deed an ENTRY names: its number (as ``notice`` lists it) or its uid."""
    key = (entry or "").strip()
    deed = (Deed.get_or_none(Deed.id == int(key)) if key.isascii() and key.isdigit()
            else Deed.get_or_none(Deed.uid == key) if key else None)
    if deed is None:
        raise NoticeEntryNotFound(query=entry)
    return deed


def _find_objection(ref: str) -> Objection:
    key = (ref or "").strip()
    found = (Objection.get_or_none(Objection.id == int(key)) if key.isascii() and key.isdigit()
             else Objection.get_or_none(Objection.uid == key) if key else None)
    if found is None:
        raise ObjectionNotFound(query=ref)
    return found


def _open_objection(deed_id: object) -> pw.ModelSelect:
    return Objection.select(Objection.id).where(Objection.deed == deed_id,
                                                Objection.state == "open")


def _due(today: dt.date) -> pw.ModelSelect:
    """Deeds whose notice period ended before ``today`` with no objection open."""
    return (Deed.select(Deed.id).where(Deed.status == "notice", Deed.notice_until < today,
                                       ~pw.fn.EXISTS(_open_objection(Deed.id)))
            .order_by(Deed.id))


def _post(ctx: Context, rid: str, deed_id: int, today: dt.date) -> dict | None:
    """Post one deed if it is due: the conditional update decides, inside the write
    transaction, so a deed another desk has just posted (or an objection just raised)
    is left alone."""
    moved = (Deed.update(status="approved")
             .where(Deed.id == deed_id, Deed.status == "notice", Deed.notice_until < today,
                    ~pw.fn.EXISTS(_open_objection(deed_id))).execute())
    if not moved:
        return None
    deed = Deed.get_by_id(deed_id)
    entry = post(ctx, deed.resident_id, "award" if deed.points > 0 else "deduct", deed.points,
                 rid, deed_id=deed.id, business_date=today)
    audit.record(ctx, "deed.post", deed.uid, {"points": deed.points,
                                              "notice_until": str(deed.notice_until)})
    return {"deed_uid": deed.uid, "number": deed.id, "resident_id": deed.resident_id,
            "name": deed.resident.name, "deed_name": deed.deed_type.name_zh,
            "deed_name_en": deed.deed_type.name_en, "points": deed.points,
            "balance": entry.balance_after}


@dataclass(frozen=True)
class DuePosted:
    """The deeds ``post_due`` posted (none when nothing was due)."""

    posted: list[dict]

    @property
    def changes(self) -> Changes:
        if not self.posted:
            return Changes()
        return Changes.of_residents([p["resident_id"] for p in self.posted], ledger=True,
                                    pending=True)


def post_due(ctx: Context) -> DuePosted:
    """Post every deed whose notice period has passed with no objection open. Nothing
    due: nothing written (a read, so cheap at every sign-in)."""
    today = ctx.clock.today()
    if not _due(today).exists():
        return DuePosted([])

    def body(rid: str) -> dict:
        return {"posted": [p for (deed_id,) in _due(today).tuples()
                           if (p := _post(ctx, rid, deed_id, today)) is not None]}

    result, _ = operations.run(ctx, "notice.post_due", None, {"day": str(today)}, body)
    return DuePosted(result["posted"])


@dataclass(frozen=True)
class ObjectionResult:
    number: int
    uid: str
    deed_number: int
    deed_uid: str
    resident_id: int
    name: str
    deed_name: str
    deed_name_en: str
    points: int
    reason: str
    raised_by: str
    state: str  # open | upheld | dismissed
    notice_until: str
    resolution: str = ""
    deed_status: str = "notice"  # what the deed is now: notice | approved | rejected
    replayed: bool = False

    @property
    def changes(self) -> Changes:
        return Changes.of_residents([self.resident_id], ledger=self.deed_status == "approved",
                                    pending=True)


def _result(o: Objection, deed: Deed) -> dict:
    return {"number": o.id, "uid": o.uid, "deed_number": deed.id, "deed_uid": deed.uid,
            "resident_id": deed.resident_id, "name": deed.resident.name,
            "deed_name": deed.deed_type.name_zh, "deed_name_en": deed.deed_type.name_en,
            "points": deed.points, "reason": o.reason, "raised_by": o.raised_by,
            "state": o.state, "notice_until": str(deed.notice_until or ""),
            "resolution": o.resolution, "deed_status": deed.status}


def record_objection(ctx: Context, entry: str, reason: str, raised_by: str = "",
                     request_id: str | None = None) -> ObjectionResult:
    """Record an objection to a deed on notice (any clerk); it holds the deed's points
    until an admin resolves it. Refused once the period has ended."""
    require(ctx, "notice.object")
    reason = text.clean(reason, text.REASON, field="reason")
    if not reason:
        raise ReasonRequired()
    raised_by = text.clean(raised_by, text.NAME, field="raised_by")

    def body(rid: str) -> dict:
        deed = find_deed(entry)
        t = deed.deed_type
        if deed.status != "notice":
            raise NotOnNotice(deed=t.name_zh, deed_en=t.name_en or t.name_zh,
                              status=STATUS_ZH[deed.status], status_en=deed.status)
        if ctx.clock.today() > deed.notice_until:
            raise NoticeEnded(deed=t.name_zh, deed_en=t.name_en or t.name_zh,
                              until=str(deed.notice_until))
        objection = Objection.create(
            uid=f"{station_code()}-O{uuid.uuid4().hex}", deed=deed, reason=reason,
            raised_by=raised_by, recorded_by=ctx.actor.clerk_id, recorded_at=ctx.clock.now())
        audit.record(ctx, "notice.object", deed.uid, {"objection": objection.uid,
                                                      "reason": reason, "by": raised_by})
        return _result(objection, deed)

    result, replayed = operations.run(
        ctx, "notice.object", request_id,
        {"entry": entry, "reason": reason, "by": raised_by}, body)
    return ObjectionResult(**result, replayed=replayed)


def resolve_objection(ctx: Context, objection: str, uphold: bool, note: str,
                      request_id: str | None = None) -> ObjectionResult:
    """An admin's decision, with a note. Upheld: the deed is rejected (no points) and
    its other open objections are closed with it. Dismissed: the deed counts when its
    period has passed, at once if it already has and no other objection is open."""
    require(ctx, "notice.resolve")
    note = text.clean(note, text.REASON, field="note")
    if not note:
        raise ReasonRequired()

    def body(rid: str) -> dict:
        found = _find_objection(objection)
        if found.state != "open":
            raise ObjectionResolved(number=found.id, state=OBJECTION_ZH[found.state],
                                    state_en=found.state)
        deed = found.deed
        others = [o.id for o in _open_objection(deed.id) if o.id != found.id]
        closing = [found.id, *others] if uphold else [found.id]
        Objection.update(state="upheld" if uphold else "dismissed",
                         resolved_by=ctx.actor.clerk_id, resolved_at=ctx.clock.now(),
                         resolution=note).where(Objection.id.in_(closing),
                                                Objection.state == "open").execute()
        if uphold:
            Deed.update(status="rejected").where(Deed.id == deed.id,
                                                 Deed.status == "notice").execute()
        else:
            _post(ctx, rid, deed.id, ctx.clock.today())
        audit.record(ctx, "notice.uphold" if uphold else "notice.dismiss", found.uid,
                     {"deed": deed.uid, "note": note, "closed": len(closing)})
        return _result(Objection.get_by_id(found.id), Deed.get_by_id(deed.id))

    result, replayed = operations.run(
        ctx, "notice.resolve", request_id,
        {"objection": objection, "uphold": uphold, "note": note}, body)
    return ObjectionResult(**result, replayed=replayed)
