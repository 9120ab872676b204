"""Residents: registration, edits, archiving, cards, and finding one for an operation."""

from __future__ import annotations

import base64
import re
import secrets
import unicodedata
import uuid
from dataclasses import dataclass

from app.models import Household, Resident, RetiredCard, write_transaction
from app.models.station import station_code
from app.services import audit, idnumber, operations, resident_rows, search, tags, text
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import (
    AmbiguousResident,
    CardReplaced,
    DeskError,
    DuplicateIdNumber,
    IdNumberRegistered,
    InvalidInput,
    InvalidPhone,
    ResidentArchived,
    ResidentNotFound,
)
from app.services.permissions import require
from app.services.search import CARD_PATTERN

CARD_PREFIX = "SDC"
_PHONE = re.compile(r"1[0-9]{10}")
ADDRESS_FIELDS = ("compound", "building", "unit", "room")
_ADDRESS = re.compile(r"(?P<compound>.*?)(?:(?P<building>[0-9A-Za-z]+)(?:号楼|[栋幢号楼]))?"
                      r"(?:(?P<unit>[0-9A-Za-z]+)单元)?(?:(?P<room>[0-9A-Za-z]+)室?)?")


def parse_address(typed: str) -> dict[str, str]:
    """``幸福里3栋2单元501室`` → compound, building, unit and room; what does not fit that
    shape stays whole in ``compound``."""
    whole = unicodedata.normalize("NFKC", typed).strip()
    match = _ADDRESS.fullmatch(whole)
    parts = {k: (v or "") for k, v in match.groupdict().items()} if match else {}
    if not parts or not any(parts[k] for k in ADDRESS_FIELDS[1:]):
        return {"compound": whole, "building": "", "unit": "", "room": ""}
    return parts


def new_card_code() -> str:
    """A random, unguessable card code (80 bits), unlike the sequential resident number."""
    return CARD_PREFIX + base64.b32encode(secrets.token_bytes(10)).decode("ascii")


@dataclass(frozen=True)
class ResidentInput:
    """A registration or edit form. On an edit, ``id_number=None`` and ``phone=None`` keep
    the stored values: the desk only ever holds them masked."""

    name: str
    id_number: str | None = ""
    id_type: str = "cn_id"  # cn_id | other | none
    phone: str | None = ""
    compound: str = ""
    building: str = ""
    unit: str = ""
    room: str = ""
    grid: str = ""
    tags: tuple[str, ...] = ()
    household_id: int | None = None


@dataclass(frozen=True)
class ResidentView:
    """A resident as the desk shows them: ID and phone masked unless revealed."""

    id: int
    uid: str
    resident_no: str
    name: str
    id_type: str
    id_masked: str
    phone_masked: str
    gender: str
    birth_date: str
    compound: str
    building: str
    unit: str
    room: str
    address: str
    grid: str
    tags: tuple[str, ...]
    card_code: str
    archived: bool
    balance: int
    household_id: int | None = None  # an edit form sends it back, so the link is kept

    @property
    def changes(self) -> Changes:
        """As the result of a write (register, edit, archive, new card): this resident."""
        return Changes.of_residents([self.id])


def view_of(r: Resident | resident_rows.CardHolder) -> ResidentView:
    return ResidentView(
        r.id, r.uid, r.resident_no, r.name, r.id_type, idnumber.mask(r.id_number),
        idnumber.mask_phone(r.phone), r.gender, r.birth_date.isoformat() if r.birth_date else "",
        r.compound, r.building, r.unit, r.room, search.address_of(r), r.grid,
        tuple(t for t in r.tags.split(",") if t), r.card_code, r.archived, r.balance,
        r.household_id,
    )


def _name(data: ResidentInput) -> dict[str, object]:
    return {"name": text.clean(data.name, text.NAME, required=True)}


def _identity(ctx: Context, data: ResidentInput, resident_id: int | None) -> dict[str, object]:
    """ID type and number; ``id_number=None`` on an edit keeps the stored number."""
    if data.id_type not in ("cn_id", "other", "none"):
        raise InvalidInput(what="证件类型无效。", what_en="Unknown ID type.")
    if data.id_number is None:
        return {"id_type": data.id_type}
    values: dict[str, object] = {"id_type": data.id_type, "gender": "", "birth_date": None,
                                 "id_number": None}
    raw_id = data.id_number.strip()
    if data.id_type == "cn_id" and raw_id:
        parsed = idnumber.parse(raw_id, ctx.clock.today())
        values.update(id_number=parsed.number, gender=parsed.gender, birth_date=parsed.birth_date)
    elif data.id_type == "other" and raw_id:
        values["id_number"] = "".join(raw_id.split()).upper()
    if values["id_number"]:
        other = Resident.get_or_none(Resident.id_number == values["id_number"])
        if other is not None and other.id != resident_id:
            # A clerk learns only that the number is taken: naming its holder would let
            # anyone at the desk find out whose ID number they are holding.
            if ctx.actor is not None and ctx.actor.is_admin:
                raise DuplicateIdNumber(resident_no=other.resident_no)
            raise IdNumberRegistered()
    return values


def _phone(data: ResidentInput) -> dict[str, object]:
    """The mobile number; ``phone=None`` on an edit keeps the stored number."""
    if data.phone is None:
        return {}
    phone = re.sub(r"[\s-]", "", unicodedata.normalize("NFKC", data.phone))
    if phone and not _PHONE.fullmatch(phone):
        raise InvalidPhone()
    return {"phone": phone or None}


def _rest(data: ResidentInput, resident_id: int | None) -> dict[str, object]:
    # A tag retired since the resident got it stays; no one gets it anew.
    kept = (resident_id and Resident.select(Resident.tags)
            .where(Resident.id == resident_id).scalar()) or ""
    codes = tags.codes_for(data.tags, kept=kept.split(","))
    if data.household_id is not None and not Household.select().where(
            Household.id == data.household_id).exists():
        raise InvalidInput(what=f"没有编号为 {data.household_id} 的户。",
                           what_en=f"No household {data.household_id}.", field="household")
    values: dict[str, object] = {"tags": ",".join(codes),
                                 "household": data.household_id}
    for key in ADDRESS_FIELDS:
        values[key] = text.clean(getattr(data, key), text.ADDRESS, field=key)
    values["grid"] = text.clean(data.grid, text.GRID, field="grid")
    return values


def _clean(ctx: Context, data: ResidentInput, resident_id: int | None) -> dict[str, object]:
    return {**_name(data), **_identity(ctx, data, resident_id), **_phone(data),
            **_rest(data, resident_id)}


def validate(ctx: Context, data: ResidentInput, resident_id: int | None = None
             ) -> list[DeskError]:
    """Every problem with a form at once (for messages next to each field); saving checks
    the same rules again."""
    problems: list[DeskError] = []
    for check in (lambda: _name(data), lambda: _identity(ctx, data, resident_id),
                  lambda: _phone(data), lambda: _rest(data, resident_id)):
        try:
            check()
        except DeskError as exc:
            problems.append(exc)
    return problems


@dataclass(frozen=True)
class HouseholdView:
    id: int
    uid: str
    name: str
    members: tuple[str, ...]  # resident numbers
    balance: int  # the members' balances together, where a village counts by household


def create_household(ctx: Context, name: str) -> HouseholdView:
    """A household (户) that residents can be linked to, for schemes that count by it."""
    require(ctx, "resident.register")
    if not name.strip():
        raise InvalidInput(what="请填写户名（通常为户主姓名）。",
                           what_en="Name the household (usually its head).", field="household")
    name = text.clean(name, text.HOUSEHOLD, field="household")
    with write_transaction():
        household = Household.create(uid=f"{station_code()}-H{uuid.uuid4().hex}",
                                     name=name, created_at=ctx.clock.now())
        audit.record(ctx, "household.create", household.uid)
    return household_view(household.id)


def household_view(household_id: int) -> HouseholdView:
    household = Household.get_or_none(Household.id == household_id)
    if household is None:
        raise InvalidInput(what=f"没有编号为 {household_id} 的户。",
                           what_en=f"No household {household_id}.", field="household")
    members = list(Resident.select(Resident.resident_no, Resident.balance)
                   .where(Resident.household == household_id).order_by(Resident.id).tuples())
    return HouseholdView(household.id, household.uid, household.name,
                         tuple(m[0] for m in members), sum(m[1] for m in members))


def possible_duplicates(data: ResidentInput, exclude_id: int | None = None) -> list[ResidentView]:
    """Residents with the same name and phone: the desk warns before saving another."""
    phone = re.sub(r"[\s-]", "", unicodedata.normalize("NFKC", data.phone or ""))
    if not phone:
        return []
    query = Resident.select().where(Resident.name == " ".join(data.name.split()),
                                    Resident.phone == phone)
    return [view_of(r) for r in query if r.id != exclude_id]


def register(ctx: Context, data: ResidentInput, request_id: str | None = None) -> ResidentView:
    """Register a resident; a repeated request (a double click) returns the first one."""
    require(ctx, "resident.register")
    params = {k: v for k, v in data.__dict__.items()}

    def body(rid: str) -> dict:
        values = _clean(ctx, data, None)
        last = Resident.select(Resident.id).order_by(Resident.id.desc()).first()
        number = f"{(last.id if last else 0) + 1:06d}"
        now = ctx.clock.now()
        resident = Resident.create(uid=f"{station_code()}-R{number}", resident_no=number,
                                   card_code=new_card_code(), created_at=now, updated_at=now,
                                   **values)
        search.index_resident(resident.id, _terms(resident))
        audit.record(ctx, "resident.register", resident.uid, {"name": resident.name})
        return {"id": resident.id}

    result, _ = operations.run(ctx, "resident.register", request_id, params, body)
    return view_of(load(result["id"]))


def _terms(r: Resident) -> dict[str, int]:
    return search.resident_terms(r.name, r.resident_no, r.phone, r.id_number)


def update(ctx: Context, resident_id: int, data: ResidentInput) -> ResidentView:
    require(ctx, "resident.edit")
    with write_transaction():
        resident = load(resident_id)
        values = _clean(ctx, data, resident_id)
        before = {k: str(getattr(resident, k)) for k in values if k != "household"}
        for key, value in values.items():
            setattr(resident, key, value)
        resident.updated_at = ctx.clock.now()
        resident.save()
        search.index_resident(resident.id, _terms(resident))
        changed = {k: v for k, v in before.items() if v != str(getattr(resident, k))}
        audit.record(ctx, "resident.edit", resident.uid,
                     {"changed": sorted(changed)})  # values stay out: they may be personal data
        return view_of(resident)


def set_archived(ctx: Context, resident_id: int, archived: bool) -> ResidentView:
    require(ctx, "resident.archive")
    with write_transaction():
        resident = load(resident_id)
        resident.archived = archived
        resident.updated_at = ctx.clock.now()
        resident.save()
        audit.record(ctx, "resident.archive" if archived else "resident.unarchive", resident.uid)
        return view_of(resident)


def reissue_card(ctx: Context, resident_id: int) -> ResidentView:
    """A new card code for a lost card; the old code stops working at once."""
    require(ctx, "resident.reissue_card")
    with write_transaction():
        resident = load(resident_id)
        RetiredCard.create(code=resident.card_code, resident=resident, retired_at=ctx.clock.now())
        resident.card_code = new_card_code()
        resident.save()
        audit.record(ctx, "resident.reissue_card", resident.uid)
        return view_of(resident)


@dataclass(frozen=True)
class Revealed:
    id_number: str
    phone: str


def reveal(ctx: Context, resident_id: int) -> Revealed:
    """The full ID number and phone, for an admin who asks; the look is audited."""
    require(ctx, "resident.reveal")
    with write_transaction():
        resident = load(resident_id)
        audit.record(ctx, "resident.reveal", resident.uid)
        return Revealed(resident.id_number or "", resident.phone or "")


def load(resident_id: int, active: bool = False) -> Resident:
    """The resident row an operation works on; ``active`` refuses an archived resident."""
    resident = Resident.get_or_none(Resident.id == resident_id)
    if resident is None:
        raise ResidentNotFound(query=str(resident_id))
    if active and resident.archived:
        raise ResidentArchived(name=resident.name, resident_no=resident.resident_no)
    return resident


def get(resident_id: int) -> ResidentView:
    return view_of(load(resident_id))


def by_card(code: str) -> ResidentView:
    """The resident a scanned card belongs to; a replaced card is refused with its reason."""
    resident = resident_rows.by_card(code)
    if resident is not None:
        return view_of(resident)
    if RetiredCard.select().where(RetiredCard.code == code).exists():
        raise CardReplaced()
    raise ResidentNotFound(query=code)


def cardholders(grid: str | None = None) -> list[ResidentView]:
    """Every active resident (of ``grid`` when given) by number: who gets a card. One
    query, however many there are."""
    query = Resident.select().where(Resident.archived == False)  # noqa: E712
    if grid:
        query = query.where(Resident.grid == grid)
    return [view_of(r) for r in query.order_by(Resident.id)]


def resolve(query: str, active_only: bool = True) -> ResidentView:
    """A resident number, a card code, or a search that finds exactly one resident.

    A short number that is also someone's phone or ID tail is ambiguous: at a desk of
    100,000 residents picking the resident number silently could pick the wrong person.
    """
    typed = unicodedata.normalize("NFKC", query).strip()
    if not typed:
        raise ResidentNotFound(query=query)
    resident = Resident.get_or_none((Resident.resident_no == typed) | (Resident.card_code == typed))
    if resident is None and typed.isascii() and typed.isdigit() and len(typed) < 6:
        numbered = Resident.get_or_none(Resident.resident_no == f"{int(typed):06d}")
        others = [h for h in search.search(typed, limit=3).hits
                  if numbered is None or h.id != numbered.id]
        if numbered is not None and others:
            raise AmbiguousResident(query=query, count=1 + len(others))
        resident = numbered
    if resident is None:
        if CARD_PATTERN.fullmatch(typed):
            by_card(typed)  # raises with the right reason
        page = search.search(typed, limit=2)
        if not page.hits:
            raise ResidentNotFound(query=query)
        if len(page.hits) > 1:
            raise AmbiguousResident(query=query, count="多" if page.has_more else 2)
        resident = Resident.get_by_id(page.hits[0].id)
    if active_only and resident.archived:
        raise ResidentArchived(name=resident.name, resident_no=resident.resident_no)
    return view_of(resident)
