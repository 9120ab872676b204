"""The resident look-ups of every scan and every deed, with their SQL written out once
(``app.models.fixed_sql``): a card scanned at the desk, and the resident a deed is for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.models.fixed_sql import FixedSql
from app.services.errors import ResidentArchived, ResidentNotFound

_BY_CARD = FixedSql(
    'SELECT "id", "uid", "resident_no", "name", "id_type", "id_number", "phone", "gender", '
    '"birth_date", "compound", "building", "unit", "room", "grid", "tags", "card_code", '
    '"archived", "balance", "household_id" FROM "resident" WHERE "card_code" = {p}')
_BRIEF = FixedSql('SELECT "uid", "name", "resident_no", "archived", "balance" '
                   'FROM "resident" WHERE "id" = {p}')


@dataclass(frozen=True)
class CardHolder:
    """The columns of a resident that ``residents.view_of`` shows, as the model has them."""

    id: int
    uid: str
    resident_no: str
    name: str
    id_type: str
    id_number: str | None
    phone: str | None
    gender: str
    birth_date: dt.date | None
    compound: str
    building: str
    unit: str
    room: str
    grid: str
    tags: str
    card_code: str
    archived: bool
    balance: int
    household_id: int | None


def by_card(code: str) -> CardHolder | None:
    """The resident whose card code this is, or None."""
    row = _BY_CARD.row(code)
    if row is None:
        return None
    values = list(row)
    birth, archived = values[8], values[16]
    values[8] = dt.date.fromisoformat(birth) if isinstance(birth, str) else birth
    values[16] = bool(archived)
    return CardHolder(*values)


@dataclass(frozen=True)
class Brief:
    """What an operation on one resident names them by, and their balance."""

    id: int
    uid: str
    name: str
    resident_no: str
    balance: int


def brief(resident_id: int, active: bool = False) -> Brief:
    """The resident an operation works on (``residents.load`` without the whole row);
    ``active`` refuses an archived resident."""
    row = _BRIEF.row(resident_id)
    if row is None:
        raise ResidentNotFound(query=str(resident_id))
    uid, name, number, archived, balance = row
    if active and archived:
        raise ResidentArchived(name=name, resident_no=number)
    return Brief(resident_id, uid, name, number, balance)
