"""What the public notice (公示) shows: the deeds waiting for review or on notice and
their objections (the review page and ``station-desk notice``), and the notice for the
board: the entries on notice and the month's scores, by name only (never an ID number
or a phone), with where and until when to object. Reads only."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

import peewee as pw

from app.models import Clerk, Deed, DeedType, LedgerEntry, Resident, Station
from app.models.notice import Objection
from app.services.deeds import _fmt

RECENT_DAYS = 7  # a concluded notice stays on the review page this long
# state of an entry -> (Chinese, English) as every list shows it
STATES = {"pending": ("待审核", "Awaiting review"), "notice": ("公示中", "On notice"),
          "objected": ("有异议", "Objected"), "posted": ("已生效", "Counted"),
          "rejected": ("已驳回", "Rejected")}
# The entries that make a month's score: deeds' points and their reversals.
SCORE_KINDS = ("award", "deduct")


@dataclass(frozen=True)
class ObjectionRow:
    number: int
    uid: str
    reason: str
    raised_by: str
    state: str  # open | upheld | dismissed
    recorded_at: str
    recorded_by: str
    resolution: str


@dataclass(frozen=True)
class NoticeEntry:
    number: int  # the deed's id: what ``notice object`` takes
    deed_uid: str
    resident_id: int
    resident_name: str
    resident_no: str
    deed_name: str
    deed_name_en: str
    quantity: str
    points: int
    deed_date: str
    note: str
    recorded_by: str
    state: str  # a key of STATES
    notice_from: str | None  # the approval day
    notice_until: str | None
    objections: tuple[ObjectionRow, ...] = ()

    @property
    def open_objections(self) -> list[ObjectionRow]:
        return [o for o in self.objections if o.state == "open"]


def _state(status: str, has_open: bool) -> str:
    if status == "notice":
        return "objected" if has_open else "notice"
    return {"approved": "posted"}.get(status, status)


def entries(today: dt.date, recent_days: int = RECENT_DAYS,
            resident_id: int | None = None) -> list[NoticeEntry]:
    """Deeds waiting for review or on notice, and those whose notice ended in the last
    ``recent_days`` days (counted, or rejected on an objection), oldest first; only one
    resident's with ``resident_id``."""
    recent = Deed.notice_until.is_null(False) & (
        Deed.notice_until >= today - dt.timedelta(days=recent_days))
    query = (Deed.select(Deed, Resident, DeedType, Clerk)
             .join(Resident).switch(Deed).join(DeedType).switch(Deed)
             .join(Clerk, on=(Deed.recorded_by == Clerk.id))
             .where(Deed.status.in_(("pending", "notice")) | recent).order_by(Deed.id))
    if resident_id is not None:
        query = query.where(Deed.resident == resident_id)
    rows = list(query)
    found: dict[int, list[ObjectionRow]] = defaultdict(list)
    if rows:
        for o in (Objection.select(Objection, Clerk)
                  .join(Clerk, on=(Objection.recorded_by == Clerk.id))
                  .where(Objection.deed.in_([d.id for d in rows])).order_by(Objection.id)):
            found[o.deed_id].append(ObjectionRow(
                o.id, o.uid, o.reason, o.raised_by, o.state, str(o.recorded_at)[:16],
                o.recorded_by.display_name, o.resolution))
    out = []
    for d in rows:
        objections = tuple(found.get(d.id, ()))
        out.append(NoticeEntry(
            d.id, d.uid, d.resident.id, d.resident.name, d.resident.resident_no,
            d.deed_type.name_zh, d.deed_type.name_en, _fmt(d.quantity_tenths), d.points,
            str(d.deed_date), d.note, d.recorded_by.display_name,
            _state(d.status, any(o.state == "open" for o in objections)),
            str(d.reviewed_at.date()) if d.notice_until and d.reviewed_at else None,
            str(d.notice_until) if d.notice_until else None, objections))
    return out


@dataclass(frozen=True)
class Score:
    name: str
    points: int


@dataclass(frozen=True)
class Board:
    """The notice for the board on ``day``."""

    station: str
    day: str
    entries: list[NoticeEntry]  # on notice (objected ones too)
    period_from: str | None  # the earliest approval among them
    period_until: str | None  # the latest end among them: objections until this day
    month: str  # YYYY-MM
    scores: list[Score]  # the month's points per resident, highest first
    demo: bool = False


def month_scores(day: dt.date) -> list[Score]:
    """Per resident, the deeds' points counted from the first of ``day``'s month up to
    ``day`` (awards, deductions and their reversals; spending is no score), highest first;
    residents at zero left out. Names only."""
    start = day.replace(day=1)
    counted = (LedgerEntry.kind.in_(SCORE_KINDS)
               | ((LedgerEntry.kind == "reversal") & LedgerEntry.deed.is_null(False)))
    total = pw.fn.SUM(LedgerEntry.points)
    rows = (LedgerEntry.select(Resident.name, total)
            .join(Resident, on=(LedgerEntry.resident == Resident.id))
            .where(counted, LedgerEntry.business_date >= start, LedgerEntry.business_date <= day)
            .group_by(Resident.id, Resident.name).tuples())
    scores = [Score(name, int(points)) for name, points in rows if points]
    return sorted(scores, key=lambda s: (-s.points, s.name))


def board(day: dt.date) -> Board:
    station = Station.select().first()
    on_notice = [e for e in entries(day) if e.state in ("notice", "objected")]
    return Board(station.name, str(day), on_notice,
                 min((e.notice_from for e in on_notice if e.notice_from), default=None),
                 max((e.notice_until for e in on_notice if e.notice_until), default=None),
                 day.strftime("%Y-%m"), month_scores(day), bool(station.demo))
