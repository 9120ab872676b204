"""Writing a planned import: households, residents and their search terms (name, pinyin,
phone, ID tail) with ``executemany``, as demo data is loaded: one import of 10,000 rows is
a few thousand statements fewer than registering them one by one. The caller holds the
transaction; ``step`` is called between chunks and may raise to cancel (rolling back)."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Sequence

from app.models import Household, Resident, ResidentSearchTerm, database
from app.models.db import is_sqlite
from app.models.station import station_code
from app.services import pinyin, search
from app.services.context import Context
from app.services.residents import new_card_code
from app.services.roster_plan import Plan

CHUNK = 1000
Step = Callable[[int, int], None]


def _insert(table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    """SQLite: ``executemany`` (one prepared statement). PostgreSQL's driver sends each
    row of an ``executemany`` on its own round trip (10,000 residents and their 150,000
    search terms took minutes), so there rows go 500 to a multi-row INSERT."""
    if not rows:
        return
    marks = "(" + ", ".join([database.param] * len(columns)) + ")"
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f'INSERT INTO "{table}" ({names}) VALUES '
    cursor = database.cursor()
    if is_sqlite():
        cursor.executemany(sql + marks, rows)
        return
    for start in range(0, len(rows), 500):
        part = rows[start:start + 500]
        cursor.execute(sql + ", ".join([marks] * len(part)), [v for row in part for v in row])


def _next_id(model: type) -> int:
    return (model.select(model._meta.primary_key).order_by(model._meta.primary_key.desc())
            .scalar() or 0) + 1


def _move_sequences(*models: type) -> None:
    """Rows were written with their ids: on PostgreSQL the sequences must move past them,
    or the next resident registered at the desk would collide with an imported one."""
    if is_sqlite():
        return
    for model in models:
        table = model._meta.table_name
        database.execute_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                             f'GREATEST((SELECT MAX(id) FROM "{table}"), 1))')


def write(ctx: Context, plan: Plan, step: Step) -> int:
    """Households and residents of ``plan``; returns how many households were made."""
    code = station_code()
    now = str(ctx.clock.now())
    household_of: dict[int, int] = {}  # row -> household id
    new_households: list[tuple] = []
    next_household = _next_id(Household)
    for h in plan.households:
        rows = [c.row for c in ([h.head] if h.head else []) + h.members]
        if not rows:
            continue
        target = h.existing_id
        if target is None:
            target = next_household
            next_household += 1
            new_households.append((target, f"{code}-H{uuid.uuid4().hex}", h.name, now))
            if h.existing_head_id is not None:
                Resident.update(household=target).where(
                    Resident.id == h.existing_head_id, Resident.household.is_null()).execute()
        household_of.update(dict.fromkeys(rows, target))
    _insert("household", ("id", "uid", "name", "created_at"), new_households)
    reading = functools.cache(pinyin.full)
    first = _next_id(Resident)
    total = len(plan.new)
    for start in range(0, total, CHUNK):
        people, terms = [], []
        for offset, c in enumerate(plan.new[start:start + CHUNK]):
            rid = first + start + offset
            number = f"{rid:06d}"
            a = c.address
            born = c.birth_date.isoformat() if c.birth_date else None
            people.append((rid, f"{code}-R{number}", number, c.name, "cn_id" if c.id_number
                           else "none", c.id_number, c.gender, born, c.phone,
                           a["compound"], a["building"], a["unit"], a["room"], c.grid,
                           plan.tag_codes.get(c.row, ""), new_card_code(), False, 0, now, now,
                           household_of.get(c.row), c.relation, c.note))
            variants = pinyin.char_variants(c.name, reading)
            found = search.resident_terms(c.name, number, c.phone, c.id_number,
                                          pinyin.name_terms(c.name, variants))
            terms.extend((rid, t, r) for t, r in found.items())
        _insert("resident", (
            "id", "uid", "resident_no", "name", "id_type", "id_number", "gender", "birth_date",
            "phone", "compound", "building", "unit", "room", "grid", "tags", "card_code",
            "archived", "balance", "created_at", "updated_at", "household_id", "relation",
            "note"), people)
        _insert(ResidentSearchTerm._meta.table_name, ("resident_id", "term", "rank"), terms)
        step(min(start + CHUNK, total), total)
    _move_sequences(Resident, Household)
    return len(new_households)
