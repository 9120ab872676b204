"""Resident search as the desk types: name substring, full pinyin and initials (every
surname reading), phone (full or last 4), ID tail (last 4 or 6), resident number and
card code — ranked, paged, and fast at 100,000 residents.

Every resident has a handful of search terms; a query is an exact look-up plus a
prefix range on the term index (a substring of a name is a prefix of one of its
suffixes). The range is read in index order and stops as soon as a page is full.

A phone number or an ID tail is matched only whole: answering its prefixes would let
anyone at the desk recover a number digit by digit (and the ID's birth day from its
tail). Those terms rank at RANK_IDENTITY and above, which the prefix range skips; a
query with a digit in it ranges over resident numbers only, which also covers an index
written before identity terms had ranks of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.models import Resident, ResidentSearchTerm, database
from app.services import pinyin
from app.services.idnumber import mask, mask_phone

CARD_PATTERN = re.compile(r"SDC[A-Z2-7]{16}")
RANK_EXACT = 0  # card code, resident number
RANK_START = 1  # the whole name, pinyin from the first syllable
RANK_PART = 2  # a later part of the name
RANK_IDENTITY = 3  # the full phone; from this rank up a term matches only whole
RANK_IDENTITY_TAIL = 4  # a phone's last 4, an ID's last 4 or 6
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
        add(phone, RANK_IDENTITY)
        add(phone[-4:], RANK_IDENTITY_TAIL)
    if id_number:
        add(id_number.lower()[-4:], RANK_IDENTITY_TAIL)
        add(id_number.lower()[-6:], RANK_IDENTITY_TAIL)
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
_SQL_HITS = ("SELECT id, resident_no, name, id_number, phone, compound, building, unit, room, "
             "grid, balance, archived FROM resident WHERE id IN ({ids})")


def address_of(r: Resident) -> str:
    return _address(r.compound, r.building, r.unit, r.room)


def _address(compound: str, building: str, unit: str, room: str) -> str:
    return "".join((compound, f"{building}栋" if building else "", f"{unit}单元" if unit else "",
                    f"{room}室" if room else ""))


def _hit(row: tuple) -> ResidentHit:
    """A row in the order of ``_HIT_COLUMNS``, masked."""
    (rid, number, name, id_number, phone, compound, building, unit, room, grid, balance,
     archived) = row
    return ResidentHit(rid, number, name, mask(id_number), mask_phone(phone),
                       _address(compound, building, unit, room), grid, balance, bool(archived))


# Written out once rather than built by the ORM per keystroke: these run as the clerk
# types, and building them costs more than running them. "{p}" is the driver's marker.
_SQL_CARD = "SELECT r.id FROM resident r WHERE r.card_code = {p}{active}"
_SQL_EXACT = ("SELECT t.resident_id FROM resident_search_term t{join} WHERE t.term = {p}"
              "{active} ORDER BY t.rank, t.resident_id")
_SQL_PREFIX = ("SELECT t.resident_id FROM resident_search_term t{join}"
               " WHERE t.term > {p} AND t.term < {p} AND t.rank <= {p}{active}"
               " ORDER BY t.term, t.rank, t.resident_id")
_JOIN = " JOIN resident r ON r.id = t.resident_id"
_ACTIVE = " AND NOT r.archived"


def _sql(template: str, include_archived: bool) -> str:
    return template.format(p=database.param, join="" if include_archived else _JOIN,
                           active="" if include_archived else _ACTIVE)


def _ranked_ids(query: str, wanted: int, include_archived: bool = False) -> list[int]:
    """Resident ids in rank order: card code, exact term, then terms starting with the
    query. Archived residents are filtered in the queries themselves, so a few archived
    namesakes cannot push every active one off the page."""
    found: list[int] = []
    seen: set[int] = set()

    def take(sql: str, params: tuple) -> bool:
        cursor = database.execute_sql(sql, params)
        for (rid,) in cursor:
            if rid not in seen:
                seen.add(rid)
                found.append(rid)
                if len(found) >= wanted:
                    cursor.close()  # the rest of the range is never read
                    return True
        return False

    card = query.upper()  # a scanner behind caps lock types the card code in lower case
    if CARD_PATTERN.fullmatch(card) and take(
            _SQL_CARD.format(p=database.param, active="" if include_archived else _ACTIVE),
            (card,)):
        return found
    term = pinyin.normalise(query)
    if take(_sql(_SQL_EXACT, include_archived), (term,)):
        return found
    widest = RANK_EXACT if any(c.isdigit() for c in term) else RANK_PART
    take(_sql(_SQL_PREFIX, include_archived), (term, term + _TOP, widest))
    return found


@dataclass(frozen=True)
class SearchPage:
    hits: list[ResidentHit]
    has_more: bool


def grids() -> list[str]:
    """The grids residents are registered in (for choosing a grid to print cards for)."""
    return [g for (g,) in Resident.select(Resident.grid).where(Resident.grid != "")
            .distinct().order_by(Resident.grid).tuples()]


def listing(offset: int = 0, limit: int = 100, grid: str | None = None,
            include_archived: bool = False, after_id: int | None = None) -> SearchPage:
    """All residents by number, a page at a time (the residents list before any search).
    ``after_id`` (the last id of the previous page) pages without OFFSET, so the last page
    of 100,000 residents costs what the first does."""
    query = Resident.select(*_HIT_COLUMNS).order_by(Resident.id)
    if after_id is not None:
        query = query.where(Resident.id > after_id)
    if grid:
        query = query.where(Resident.grid == grid)
    if not include_archived:
        query = query.where(Resident.archived == False)  # noqa: E712
    rows = list(query.offset(offset).limit(limit + 1).tuples())
    return SearchPage([_hit(r) for r in rows[:limit]], len(rows) > limit)


def card_codes(ids: list[int]) -> dict[int, str]:
    """Residents' card codes by id: for an admin's listing (a card code opens the
    resident at any desk, so the callers show it to admins only)."""
    return dict(Resident.select(Resident.id, Resident.card_code)
                .where(Resident.id.in_(ids)).tuples()) if ids else {}


def search(query: str, offset: int = 0, limit: int = 50, include_archived: bool = False
           ) -> SearchPage:
    """Ranked residents matching ``query``; ``has_more`` says whether a next page exists."""
    if not pinyin.normalise(query):
        return SearchPage([], False)
    ids = _ranked_ids(query, offset + limit + 1, include_archived)
    page = ids[offset:offset + limit]
    if not page:
        return SearchPage([], False)
    marks = ", ".join([database.param] * len(page))
    rows = {row[0]: row for row in database.execute_sql(_SQL_HITS.format(ids=marks), page)}
    return SearchPage([_hit(rows[i]) for i in page if i in rows], len(ids) > offset + limit)
