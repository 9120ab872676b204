"""Commendations on the honour roll (光荣榜): a title at a level, given to a person, a
pair (好婆媳, 好邻居: two residents) or a household, recorded by an admin; withdrawn
(with a reason) when recorded in error, and kept for the audit.

Titles come from a list a clerk picks from; an admin recording a commendation may type
another (a county has its own). One title at one level goes to the same person, pair or
household once a year, as the published rules count it ("one per title per year").
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict, dataclass

from app.models import Household, Resident
from app.models.honour import Commendation
from app.models.station import station_code
from app.services import audit, operations, residents, text
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import FutureDate, ReasonRequired
from app.services.errors.honours import (
    CommendationNotFound,
    CommendationWithdrawn,
    DuplicateCommendation,
    NoHousehold,
    PairNeedsPartner,
    PairOrHousehold,
    UnknownLevel,
    UnknownTitle,
)
from app.services.permissions import require

TITLES = ("道德模范", "身边好人", "好婆婆", "好媳妇", "好婆媳", "好邻居", "文明家庭",
          "最美家庭", "最美志愿者", "星级志愿者", "十星级文明户")
PAIR_TITLES = frozenset({"好婆媳", "好邻居"})  # usually given to two residents together
HOUSEHOLD_TITLES = frozenset({"文明家庭", "最美家庭", "十星级文明户"})
# code -> (Chinese, English), from the lowest level up
LEVELS = {"community": ("社区级", "community"), "street": ("街道级", "street"),
          "district": ("区县级", "district"), "city": ("市级", "city"),
          "province": ("省级", "province"), "national": ("国家级", "national")}
_LEVEL_WORDS = {"社区": "community", "村": "community", "街道": "street", "乡镇": "street",
                "镇": "street", "区": "district", "县": "district", "区县": "district",
                "市": "city", "州": "city", "省": "province", "国家": "national"}
TITLE = text.Kind("荣誉称号", "The title", 20)
CITATION = text.Kind("事迹简介", "The citation", 500, multiline=True)


def level_code(typed: str) -> str:
    """The level's code from its code or its Chinese name (区, 区级, 区县级 …)."""
    word = (typed or "").strip()
    lowered = word.lower()
    if lowered in LEVELS:
        return lowered
    bare = word.removesuffix("级")
    if bare in _LEVEL_WORDS:
        return _LEVEL_WORDS[bare]
    raise UnknownLevel(level=word)


def clean_title(typed: str, free: bool) -> str:
    """A title from the list, or (``free``: an admin) any other short title."""
    title = text.clean(typed, TITLE, field="title", required=True)
    if not free and title not in TITLES:
        raise UnknownTitle(title=title, titles="、".join(TITLES))
    return title


def household_name(name: str) -> str:
    """How a household is named on the roll: 张明月家, unless its name says so already."""
    return name if name.endswith(("家", "户", "家庭")) else f"{name}家"


@dataclass(frozen=True)
class CommendationView:
    id: int
    uid: str
    title: str
    level: str
    level_zh: str
    awarded_on: str
    kind: str  # person | pair | household
    who: str  # names only: 甲, 甲 与 乙, 张明月家
    resident_id: int | None
    partner_id: int | None
    household_id: int | None
    citation: str
    nomination_id: int | None
    withdrawn_at: str | None
    withdrawn_reason: str

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def changes(self) -> Changes:
        people = {i for i in (self.resident_id, self.partner_id) if i is not None}
        return Changes(residents=frozenset(people), honours=True)


def _names(ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(Resident.select(Resident.id, Resident.name).where(Resident.id.in_(ids))
                .tuples())


def views(rows: list[Commendation]) -> list[CommendationView]:
    """Views of commendation rows, reading every name in two queries."""
    names = _names({i for c in rows for i in (c.resident_id, c.partner_id) if i})
    homes = {i: n for i, n in Household.select(Household.id, Household.name).where(
        Household.id.in_({c.household_id for c in rows if c.household_id} or {0})).tuples()}
    out = []
    for c in rows:
        if c.household_id:
            kind, who = "household", household_name(homes[c.household_id])
        elif c.partner_id:
            kind, who = "pair", f"{names[c.resident_id]} 与 {names[c.partner_id]}"
        else:
            kind, who = "person", names[c.resident_id]
        out.append(CommendationView(
            c.id, c.uid, c.title, c.level, LEVELS.get(c.level, (c.level,))[0],
            str(c.awarded_on), kind, who, c.resident_id, c.partner_id, c.household_id,
            c.citation, c.nomination_id, str(c.withdrawn_at) if c.withdrawn_at else None,
            c.withdrawn_reason))
    return out


def view(commendation_id: int) -> CommendationView:
    return views([Commendation.get_by_id(commendation_id)])[0]


def commendations(start: dt.date | None = None, end: dt.date | None = None,
                  include_withdrawn: bool = False) -> list[CommendationView]:
    """Commendations awarded between ``start`` and ``end`` (either open), newest first."""
    query = Commendation.select()
    if start is not None:
        query = query.where(Commendation.awarded_on >= start)
    if end is not None:
        query = query.where(Commendation.awarded_on <= end)
    if not include_withdrawn:
        query = query.where(Commendation.withdrawn_at.is_null())
    return views(list(query.order_by(Commendation.awarded_on.desc(), Commendation.id.desc())))


@dataclass(frozen=True)
class Subject:
    """Who a commendation goes to: one resident, with a partner (a pair) or their household."""

    resident_id: int
    partner_id: int | None = None
    household: bool = False


def create(ctx: Context, subject: Subject, title: str, level: str, awarded_on: dt.date,
           citation: str, nomination_id: int | None = None) -> Commendation:
    """The commendation row, checked, inside the caller's transaction (and audited)."""
    person = residents.load(subject.resident_id, active=True)
    partner = None
    household_id = None
    if subject.partner_id is not None:
        if subject.household:
            raise PairOrHousehold()
        if subject.partner_id == person.id:
            raise PairNeedsPartner(name=person.name)
        partner = residents.load(subject.partner_id, active=True)
    elif subject.household:
        if person.household_id is None:
            raise NoHousehold(name=person.name)
        household_id = person.household_id
    same = Commendation.select().where(
        Commendation.title == title, Commendation.level == level,
        Commendation.withdrawn_at.is_null(),
        Commendation.awarded_on.between(dt.date(awarded_on.year, 1, 1),
                                        dt.date(awarded_on.year, 12, 31)))
    if household_id is not None:
        same = same.where(Commendation.household == household_id)
    else:
        pair = {person.id, partner.id if partner else None}
        same = same.where(Commendation.household.is_null(),
                          Commendation.resident.in_(pair - {None}),
                          (Commendation.partner.in_(pair - {None})) if partner
                          else Commendation.partner.is_null())
    found = same.first()
    if found is not None:
        raise DuplicateCommendation(who=views([found])[0].who, year=awarded_on.year,
                                    level=LEVELS[level][0], level_en=LEVELS[level][1],
                                    title=title, number=found.id)
    row = Commendation.create(
        uid=f"{station_code()}-C{uuid.uuid4().hex}", title=title, level=level,
        awarded_on=awarded_on, resident=person.id, partner=partner.id if partner else None,
        household=household_id, citation=citation, nomination=nomination_id,
        created_by=ctx.actor.clerk_id, created_at=ctx.clock.now())
    audit.record(ctx, "honour.record", row.uid, {
        "title": title, "level": level, "awarded_on": awarded_on, "resident": person.uid,
        "partner": partner.uid if partner else None, "household": household_id,
        "nomination": nomination_id})
    return row


def award_date(ctx: Context, day: dt.date | None) -> dt.date:
    day = day or ctx.clock.today()
    if day > ctx.clock.today():
        raise FutureDate(date=day.isoformat())
    return day


def record(ctx: Context, subject: Subject, title: str, level: str,
           awarded_on: dt.date | None = None, citation: str = "",
           request_id: str | None = None) -> CommendationView:
    """Record a commendation (admin): a title from the list or another one typed."""
    require(ctx, "honour.record")
    fields = {"title": clean_title(title, free=True), "level": level_code(level),
              "awarded_on": award_date(ctx, awarded_on),
              "citation": text.clean(citation, CITATION, field="citation")}

    def body(rid: str) -> dict:
        return {"id": create(ctx, subject, **fields).id}

    result, _ = operations.run(ctx, "honour.record", request_id,
                               {**asdict(subject), **fields}, body)
    return view(result["id"])


def find(query: str | int) -> Commendation:
    """A commendation by its number (as listed) or its uid."""
    typed = str(query).strip()
    row = Commendation.get_or_none(Commendation.uid == typed)
    if row is None and typed.isascii() and typed.isdigit():
        row = Commendation.get_or_none(Commendation.id == int(typed))
    if row is None:
        raise CommendationNotFound(query=typed)
    return row


def withdraw(ctx: Context, query: str | int, reason: str,
             request_id: str | None = None) -> CommendationView:
    """Withdraw a commendation recorded in error (admin, with a reason); the row stays,
    marked, for the audit, and leaves the roll and the reports."""
    require(ctx, "honour.record")
    why = text.clean(reason, text.REASON, field="reason")
    if not why:
        raise ReasonRequired()

    def body(rid: str) -> dict:
        row = find(query)
        if row.withdrawn_at is not None:
            raise CommendationWithdrawn(number=row.id, title=row.title,
                                        at=str(row.withdrawn_at))
        Commendation.update(withdrawn_at=ctx.clock.now(), withdrawn_reason=why).where(
            Commendation.id == row.id).execute()
        audit.record(ctx, "honour.withdraw", row.uid, {"reason": why, "title": row.title})
        return {"id": row.id}

    result, _ = operations.run(ctx, "honour.withdraw", request_id,
                               {"commendation": str(query), "reason": why}, body)
    return view(result["id"])

