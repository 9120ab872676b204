"""What an import would do with each row, decided against the station as it is: new,
already there, refused (a duplicate in the file), or skipped; the households the 户主
columns describe; the tags named by the station's list. Nothing is written here."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from app.models import Resident
from app.models.tag import Tag
from app.services.residents import ADDRESS_FIELDS
from app.services.roster_rows import HEAD_RELATIONS, Candidate, Outcome, Reason


@dataclass
class NewHousehold:
    head: Candidate | None  # None: the head is a resident registered before
    name: str
    members: list[Candidate] = field(default_factory=list)
    existing_id: int | None = None  # the existing head's household, when they have one
    existing_head_id: int | None = None


@dataclass
class Plan:
    outcomes: list[Outcome]
    new: list[Candidate] = field(default_factory=list)
    existing: dict[int, Reason] = field(default_factory=dict)  # row -> why it is there
    refused: dict[int, list[Reason]] = field(default_factory=dict)  # beyond the row's own
    households: list[NewHousehold] = field(default_factory=list)
    tag_codes: dict[int, str] = field(default_factory=dict)  # row -> "code,code"


class _Station:
    """Who the station has, loaded once: by ID number, by name and phone, by name and
    address (a resident without an ID is known by these)."""

    def __init__(self) -> None:
        self.by_id: set[str] = set()
        self.by_phone: set[tuple[str, str]] = set()
        # Registered at the desk without an ID number: a roster row with one is still them.
        self.by_phone_without_id: set[tuple[str, str]] = set()
        self.by_address: dict[tuple[str, str], tuple[int, int | None]] = {}
        self.by_name: dict[str, list[tuple[int, int | None, str]]] = defaultdict(list)
        query = Resident.select(Resident.id, Resident.name, Resident.id_number, Resident.phone,
                                Resident.household, *[getattr(Resident, k) for k in
                                                      ADDRESS_FIELDS]).tuples()
        for rid, name, number, phone, household, *parts in query:
            address = "".join(parts)
            if number:
                self.by_id.add(number)
            if phone:
                self.by_phone.add((name, phone))
                if not number:
                    self.by_phone_without_id.add((name, phone))
            self.by_address[(name, address)] = (rid, household)
            self.by_name[name].append((rid, household, address))

    def has(self, c: Candidate) -> Reason | None:
        if c.id_number:
            if c.id_number in self.by_id:
                return ("本站已有此身份证号的居民", "a resident with this ID number is registered")
            if c.phone and (c.name, c.phone) in self.by_phone_without_id:
                return ("本站已有同名且同手机号的居民（登记时未填身份证号）",
                        "a resident with this name and phone is registered (without an ID "
                        "number)")
            return None
        if c.phone and (c.name, c.phone) in self.by_phone:
            return ("本站已有同名且同手机号的居民", "a resident with this name and phone is "
                                         "registered")
        if not c.phone and (c.name, c.address_key()) in self.by_address:
            return ("本站已有同名且同住址的居民", "a resident with this name and address is "
                                         "registered")
        return None

    def resident(self, name: str, address: str) -> tuple[int, int | None] | None:
        """A registered resident of that name (at that address, when it is known)."""
        found = [(r, h) for r, h, a in self.by_name.get(name, ()) if not address or a == address]
        return found[0] if len(found) == 1 else None


def tag_lookup() -> dict[str, str]:
    """A tag's Chinese name, English name or code → its code (retired tags are not
    offered any more)."""
    lookup: dict[str, str] = {}
    for code, name, name_en in Tag.select(Tag.code, Tag.name, Tag.name_en).where(
            Tag.retired == False).tuples():  # noqa: E712
        for key in (code, name, name_en):
            if key:
                lookup[key.casefold()] = code
    return lookup


def make(outcomes: list[Outcome]) -> Plan:
    plan = Plan(outcomes)
    station = _Station()
    tags = tag_lookup()
    seen: dict[tuple[str, ...], int] = {}
    known: list[Candidate] = []  # new and already registered: households are built from both
    registered: dict[int, Candidate] = {}
    for o in outcomes:
        c = o.candidate
        if c is None:
            continue
        first = seen.setdefault(c.key(), c.row)
        if first != c.row:
            plan.refused[c.row] = [(f"与第 {first} 行重复", f"a duplicate of row {first}")]
            continue
        there = station.has(c)
        if there:
            plan.existing[c.row] = there
            registered[c.row] = c
        else:
            plan.new.append(c)
            plan.tag_codes[c.row] = _tags(c, tags)
        known.append(c)
    _households(plan, known, registered, station)
    return plan


def _tags(c: Candidate, tags: dict[str, str]) -> str:
    codes = set()
    for name in c.tag_names:
        code = tags.get(name.casefold())
        if code is None:
            c.notes.append((f"标签“{name}”不在本站标签列表中，未导入（请管理员先添加）",
                            f"tag “{name}” is not on the station's list and was left out "
                            "(an admin may add it)"))
        else:
            codes.add(code)
    return ",".join(sorted(codes))


def _is_head(c: Candidate) -> bool:
    return c.relation in HEAD_RELATIONS or (bool(c.head_name) and c.head_name == c.name)


def _households(plan: Plan, known: list[Candidate], registered: dict[int, Candidate],
                station: _Station) -> None:
    """Members find their head by the head's name in the 户主 column (at the same address
    when both have one), or, with only a relation column, as the rows after the head's."""
    by_head: dict[int, NewHousehold] = {}
    heads: dict[str, list[Candidate]] = defaultdict(list)
    for c in known:
        if _is_head(c):
            heads[c.name].append(c)
    last_head: Candidate | None = None
    for c in known:
        if _is_head(c):
            c.relation = c.relation or "户主"
            last_head = c
            _household_of(plan, by_head, c, registered, station)
            continue
        head = _find_head(c, heads, last_head)
        if head is not None:
            if c.row not in registered:
                _household_of(plan, by_head, head, registered, station).members.append(c)
        elif c.head_name and c.row not in registered:
            _join_registered(plan, c, station)


def _find_head(c: Candidate, heads: dict[str, list[Candidate]], last: Candidate | None
               ) -> Candidate | None:
    if c.head_name:
        named = heads.get(c.head_name, [])
        same = [h for h in named if h.address_key() == c.address_key()]
        found = same or named
        return found[0] if len(found) == 1 else None
    return last if c.relation and last is not None else None


def _household_of(plan: Plan, by_head: dict[int, NewHousehold], head: Candidate,
                  registered: dict[int, Candidate], station: _Station) -> NewHousehold:
    household = by_head.get(head.row)
    if household is None:
        household = NewHousehold(head if head.row not in registered else None, f"{head.name}户")
        if head.row in registered:
            found = station.resident(head.name, head.address_key())
            if found is not None:
                household.existing_head_id, household.existing_id = found
        by_head[head.row] = household
        plan.households.append(household)
    return household


def _join_registered(plan: Plan, c: Candidate, station: _Station) -> None:
    """A member whose head is not in the file: the registered head's household, if the
    head is known and has one."""
    found = station.resident(c.head_name, c.address_key())
    if found is not None and found[1] is not None:
        plan.households.append(NewHousehold(None, "", [c], existing_id=found[1]))
        return
    c.notes.append((f"户主“{c.head_name}”不在本文件中（或有重名），未建户",
                    f"the head “{c.head_name}” is not in this file (or has namesakes): "
                    "no household made"))
