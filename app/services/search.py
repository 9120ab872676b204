"""Resident search as the desk types: name substring, full pinyin and initials (every
surname reading), phone (full or last 4), ID tail (last 4 or 6), resident number and
card code — ranked, paged, and fast at 100,000 residents.

Every resident has a handful of search terms; a query is an exact look-up plus a
prefix range on the term index (a substring of a name is a prefix of one of its
suffixes). The range is read in index order and stops as soon as a page is full.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.models import Resident, ResidentSearchTerm
from app.services import pinyin
from app.services.idnumber import mask, mask_phone

CARD_PATTERN = re.compile(r"SDC[A-Z2-7]{16}")
RANK_EXACT = 0  # card code, resident number
RANK_START = 1  # the whole name, pinyin from the first syllable, the full phone
RANK_PART = 2  # a later part of the name, a phone or ID tail
_TOP = "\U0010ffff"


def resident_terms(name: str, resident_no: str, phone: str | None, id_number: str | None,
                   name_terms: dict[str, bool] | None = None) -> dict[str, int]:
    """All search terms of one resident with their rank."""
    terms: dict[str, int] = {}

    def add(term: str, rank: int) -> None:
        if term and rank < terms.get(term, 99):
            terms[term] = rank

    for term, starts in (pinyin.name_terms(name) if name_terms is None else name_terms).items():
        add(term, RANK_START if starts else RANK_PART)
    add(resident_no, RANK_EXACT)
    add(resident_no.lstrip("0"), RANK_EXACT)
    if phone:
        add(phone, RANK_START)
        add(phone[-4:], RANK_PART)
    if id_number:
        add(id_number.lower()[-4:], RANK_PART)
        add(id_number.lower()[-6:], RANK_PART)
    return terms


def index_resident(resident_id: int, terms: dict[str, int]) -> None:
    ResidentSearchTerm.delete().where(ResidentSearchTerm.resident == resident_id).execute()
    ResidentSearchTerm.insert_many(
        [{"resident": resident_id, "term": t, "rank": r} for t, r in terms.items()]
    ).execute()


@dataclass(frozen=True)
class ResidentHit:
    """One row of search results: only masked personal data leaves this module."""

    id: int
    resident_no: str
    name: str
    id_masked: str
    phone_masked: str
    address: str
    grid: str
    balance: int
    archived: bool


_HIT_COLUMNS = (Resident.id, Resident.resident_no, Resident.name, Resident.id_number,
                Resident.phone, Resident.compound, Resident.building, Resident.unit, Resident.room,
                Resident.grid, Resident.balance, Resident.archived)


def address_of(r: Resident) -> str:
    parts = [r.compound, f"{r.building}栋" if r.building else "", f"{r.unit}单元" if r.unit else "",
             f"{r.room}室" if r.room else ""]
    return "".join(p for p in parts if p)


def hit_of(r: Resident) -> ResidentHit:
    return ResidentHit(r.id, r.resident_no, r.name, mask(r.id_number), mask_phone(r.phone),
                       address_of(r), r.grid, r.balance, r.archived)


def _ranked_ids(query: str, wanted: int, include_archived: bool = False) -> list[int]:
    found: list[int] = []
    seen: set[int] = set()

    def take(ids: object) -> bool:
        for (rid,) in ids:  # type: ignore[attr-defined]
            if rid not in seen:
                seen.add(rid)
                found.append(rid)
                if len(found) >= wanted:
                    return True
        return False

    # A scanner behind caps lock types the card code in lower case.
    exact_card = Resident.select(Resident.id).where(Resident.card_code == query.upper())
    terms = ResidentSearchTerm.select(ResidentSearchTerm.resident)
    if not include_archived:
        # Filtered in the queries themselves: dropping archived residents after a fixed
        # over-fetch let a few archived namesakes push every active one off the page.
        exact_card = exact_card.where(Resident.archived == False)  # noqa: E712
        terms = terms.join(Resident).where(Resident.archived == False)  # noqa: E712
    if CARD_PATTERN.fullmatch(query.upper()) and take(exact_card.tuples()):
        return found
    term = pinyin.normalise(query)
    exact = (terms.where(ResidentSearchTerm.term == term)
             .order_by(ResidentSearchTerm.rank, ResidentSearchTerm.resident).tuples())
    if take(exact):
        return found
    prefix = (terms.where(ResidentSearchTerm.term > term, ResidentSearchTerm.term < term + _TOP)
              .order_by(ResidentSearchTerm.term, ResidentSearchTerm.rank,
                        ResidentSearchTerm.resident).tuples())
    take(prefix.iterator())
    return found


@dataclass(frozen=True)
class SearchPage:
    hits: list[ResidentHit]
    has_more: bool


def listing(offset: int = 0, limit: int = 100, grid: str | None = None,
            include_archived: bool = False) -> SearchPage:
    """All residents by number, a page at a time (the residents list before any search)."""
    query = Resident.select(*_HIT_COLUMNS).order_by(Resident.id)
    if grid:
        query = query.where(Resident.grid == grid)
    if not include_archived:
        query = query.where(Resident.archived == False)  # noqa: E712
    rows = list(query.offset(offset).limit(limit + 1).namedtuples())
    return SearchPage([hit_of(r) for r in rows[:limit]], len(rows) > limit)


def search(query: str, offset: int = 0, limit: int = 50, include_archived: bool = False
           ) -> SearchPage:
    """Ranked residents matching ``query``; ``has_more`` says whether a next page exists."""
    if not pinyin.normalise(query):
        return SearchPage([], False)
    ids = _ranked_ids(query, offset + limit + 1, include_archived)
    rows = {r.id: r for r in Resident.select(*_HIT_COLUMNS).where(Resident.id.in_(ids))
            .namedtuples()} if ids else {}
    ordered = [rows[i] for i in ids if i in rows and (include_archived or not rows[i].archived)]
    page = ordered[offset:offset + limit]
    return SearchPage([hit_of(r) for r in page], len(ordered) > offset + limit)
