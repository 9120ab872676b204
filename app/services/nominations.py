"""Nominations at the desk (我推荐我评议身边好人): any clerk records who a resident (or a
unit) puts forward, for which title and why; an admin decides. Accepting makes the
commendation, linked to the nomination, in the same transaction; declining keeps the
nomination with the admin's note."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict, dataclass

from app.models import Clerk, Resident
from app.models.honour import Commendation, Nomination
from app.models.station import station_code
from app.services import audit, honours, operations, residents, text
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import ReasonRequired
from app.services.errors.honours import (
    NominationDecided,
    NominationNotFound,
    NominationPending,
    NominatorNeeded,
    PairNeedsPartner,
)
from app.services.permissions import require

STATES = {"pending": ("待评议", "pending"), "accepted": ("已采纳", "accepted"),
          "declined": ("未采纳", "declined")}
NOMINATOR = text.Kind("推荐人", "The nominator", 40)


@dataclass(frozen=True)
class NominationView:
    id: int
    uid: str
    nominee_id: int
    partner_id: int | None
    who: str  # 甲, or 甲 与 乙
    title: str
    reason: str
    nominator: str  # the resident's name, or the unit / person typed
    state: str
    state_zh: str
    recorded_at: str
    decided_by: str
    decided_at: str | None
    decision_note: str
    commendation_id: int | None

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def changes(self) -> Changes:
        people = {i for i in (self.nominee_id, self.partner_id) if i is not None}
        return Changes(residents=frozenset(people), honours=True)


def _views(rows: list[Nomination]) -> list[NominationView]:
    ids = {i for n in rows for i in (n.nominee_id, n.partner_id, n.nominator_id) if i}
    names = dict(Resident.select(Resident.id, Resident.name)
                 .where(Resident.id.in_(ids or {0})).tuples())
    clerks = dict(Clerk.select(Clerk.id, Clerk.display_name).where(
        Clerk.id.in_({n.decided_by_id for n in rows if n.decided_by_id} or {0})).tuples())
    made = {c.nomination_id: c.id for c in Commendation.select().where(
        Commendation.nomination.in_([n.id for n in rows] or [0]))}
    out = []
    for n in rows:
        who = names[n.nominee_id] + (f" 与 {names[n.partner_id]}" if n.partner_id else "")
        out.append(NominationView(
            n.id, n.uid, n.nominee_id, n.partner_id, who, n.title, n.reason,
            names[n.nominator_id] if n.nominator_id else n.nominator_name, n.state,
            STATES[n.state][0], str(n.recorded_at), clerks.get(n.decided_by_id, ""),
            str(n.decided_at) if n.decided_at else None, n.decision_note, made.get(n.id)))
    return out


def view(nomination_id: int) -> NominationView:
    return _views([Nomination.get_by_id(nomination_id)])[0]


def nominations(state: str | None = "pending") -> list[NominationView]:
    """Nominations in ``state`` (None: all), oldest first: the first put forward is the
    first an admin decides."""
    query = Nomination.select().order_by(Nomination.recorded_at, Nomination.id)
    if state is not None:
        query = query.where(Nomination.state == state)
    return _views(list(query))


@dataclass(frozen=True)
class NominationInput:
    nominee_id: int
    title: str
    reason: str
    partner_id: int | None = None
    nominator_id: int | None = None  # a resident who nominates
    nominator_name: str = ""  # or a unit, or someone not on the roster


def nominate(ctx: Context, data: NominationInput,
             request_id: str | None = None) -> NominationView:
    """Record a nomination (any clerk): a title from the list, a reason, who nominates."""
    require(ctx, "honour.nominate")
    fields = {"title": honours.clean_title(data.title, free=False),
              "reason": text.clean(data.reason, text.REASON, field="reason"),
              "nominator_name": text.clean(data.nominator_name, NOMINATOR, field="nominator")}
    if not fields["reason"]:
        raise ReasonRequired()
    if data.nominator_id is None and not fields["nominator_name"]:
        raise NominatorNeeded()

    def body(rid: str) -> dict:
        nominee = residents.load(data.nominee_id, active=True)
        if data.partner_id is not None:
            if data.partner_id == nominee.id:
                raise PairNeedsPartner(name=nominee.name)
            residents.load(data.partner_id, active=True)
        if data.nominator_id is not None:
            residents.load(data.nominator_id)
        waiting = Nomination.get_or_none(Nomination.nominee == nominee.id,
                                         Nomination.title == fields["title"],
                                         Nomination.state == "pending")
        if waiting is not None:
            raise NominationPending(name=nominee.name, title=fields["title"],
                                    number=waiting.id)
        row = Nomination.create(
            uid=f"{station_code()}-N{uuid.uuid4().hex}", nominee=nominee.id,
            partner=data.partner_id, nominator=data.nominator_id, recorded_by=ctx.actor.clerk_id,
            recorded_at=ctx.clock.now(), **fields)
        audit.record(ctx, "honour.nominate", row.uid, {
            "nominee": nominee.uid, "partner": data.partner_id, "title": fields["title"],
            "nominator": data.nominator_id, "nominator_name": fields["nominator_name"]})
        return {"id": row.id}

    result, _ = operations.run(ctx, "honour.nominate", request_id,
                               {**asdict(data), **fields}, body)
    return view(result["id"])


def find(query: str | int) -> Nomination:
    typed = str(query).strip()
    row = Nomination.get_or_none(Nomination.uid == typed)
    if row is None and typed.isascii() and typed.isdigit():
        row = Nomination.get_or_none(Nomination.id == int(typed))
    if row is None:
        raise NominationNotFound(query=typed)
    return row


def _open(query: str | int) -> Nomination:
    row = find(query)
    if row.state != "pending":
        decided = _views([row])[0]
        raise NominationDecided(number=row.id, name=decided.who, title=row.title,
                                clerk=decided.decided_by, at=str(row.decided_at),
                                state=STATES[row.state][0], state_en=STATES[row.state][1])
    return row


def accept(ctx: Context, query: str | int, level: str, awarded_on: dt.date | None = None,
           citation: str = "", request_id: str | None = None) -> NominationView:
    """Accept a nomination (admin): the commendation is made, linked to it, with the
    nomination's title, for the nominee (and partner), in one transaction."""
    require(ctx, "honour.decide")
    fields = {"level": honours.level_code(level),
              "awarded_on": honours.award_date(ctx, awarded_on),
              "citation": text.clean(citation, honours.CITATION, field="citation")}

    def body(rid: str) -> dict:
        row = _open(query)
        honours.create(ctx, honours.Subject(row.nominee_id, row.partner_id), row.title,
                       fields["level"], fields["awarded_on"], fields["citation"] or row.reason,
                       nomination_id=row.id)
        _decide(ctx, row, "accepted", fields["citation"])
        return {"id": row.id}

    result, _ = operations.run(ctx, "honour.accept", request_id,
                               {"nomination": str(query), **fields}, body)
    return view(result["id"])


def decline(ctx: Context, query: str | int, note: str,
            request_id: str | None = None) -> NominationView:
    """Decline a nomination (admin), saying why: the nomination stays on file."""
    require(ctx, "honour.decide")
    why = text.clean(note, text.REASON, field="note")
    if not why:
        raise ReasonRequired()

    def body(rid: str) -> dict:
        row = _open(query)
        _decide(ctx, row, "declined", why)
        return {"id": row.id}

    result, _ = operations.run(ctx, "honour.decline", request_id,
                               {"nomination": str(query), "note": why}, body)
    return view(result["id"])


def _decide(ctx: Context, row: Nomination, state: str, note: str) -> None:
    Nomination.update(state=state, decided_by=ctx.actor.clerk_id, decided_at=ctx.clock.now(),
                      decision_note=note).where(Nomination.id == row.id).execute()
    audit.record(ctx, f"honour.{state}", row.uid, {"note": note, "title": row.title})
