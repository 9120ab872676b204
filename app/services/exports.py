"""Exports of the station's records to xlsx: residents, the ledger, activities, vouchers.

ID numbers and phones are masked as the desk shows them; only an admin may export them in
full. Every export is written to the audit log (who, when, what, how many rows, where)
before the file is written: nothing leaves unrecorded. Rows are read a page at a time by
key, so a station of 100,000 residents or millions of entries exports in bounded memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import peewee as pw

from app.models import Household, Resident
from app.services import audit, idnumber, search, tags
from app.services.context import Context
from app.services.errors import InvalidInput
from app.services.export_tables import TABLES, Table, as_date, as_datetime, keyset
from app.services.permissions import require
from app.services.volunteer_record import check_period, id_type_label
from app.services.xlsx_out import Column, Progress, check_target, write_table

KINDS = ("residents", "ledger", "activities", "vouchers")


@dataclass(frozen=True)
class Exported:
    kind: str
    path: str
    rows: int
    full: bool
    start: str | None = None
    end: str | None = None


RESIDENT_COLUMNS = (
    Column("居民编号", 10), Column("姓名", 12), Column("性别", 6),
    Column("出生日期", 12, "date"), Column("证件类型", 12), Column("证件号码", 22),
    Column("手机号码", 14), Column("住址", 30), Column("网格", 12), Column("户", 14),
    Column("与户主关系", 10), Column("标签", 24), Column("积分余额", 10, "number"),
    Column("登记时间", 18, "datetime"), Column("状态", 8), Column("备注", 30))
_GENDERS = {"M": "男", "F": "女"}


class _Address(NamedTuple):
    compound: str
    building: str
    unit: str
    room: str


def _resident_rows(full: bool, tag: str | None) -> tuple[int, Iterator[tuple]]:
    where = Resident.id.in_(tags.residents_with(tag)) if tag else pw.SQL("1 = 1")
    names = tags.names()
    total = Resident.select().where(where).count()

    def page(last: object) -> pw.ModelSelect:
        query = (Resident.select(
            Resident.id, Resident.resident_no, Resident.name, Resident.gender,
            Resident.birth_date, Resident.id_type, Resident.id_number, Resident.phone,
            Resident.compound, Resident.building, Resident.unit, Resident.room, Resident.grid,
            Household.name, Resident.relation, Resident.tags, Resident.balance,
            Resident.created_at, Resident.archived, Resident.note)
            .join(Household, pw.JOIN.LEFT_OUTER).where(where).order_by(Resident.id))
        return query.where(Resident.id > last) if last is not None else query

    def rows() -> Iterator[tuple]:
        for (_, number, name, gender, birth, id_type, id_number, phone, compound, building,
             unit, room, grid, household, relation, codes, balance, created, archived,
             note) in keyset(page):
            yield (number, name, _GENDERS.get(gender, ""), as_date(birth),
                   id_type_label(id_type, id_number),
                   (id_number or "") if full else idnumber.mask(id_number),
                   (phone or "") if full else idnumber.mask_phone(phone),
                   search.address_of(_Address(compound, building, unit, room)), grid,
                   household or "", relation, "、".join(names.get(c, c) for c in
                                                        codes.split(",") if c),
                   balance, as_datetime(created), "已归档" if archived else "在册", note)
    return total, rows()


def export(ctx: Context, kind: str, path: Path, *, full: bool = False,
           start: dt.date | None = None, end: dt.date | None = None, tag: str | None = None,
           progress: Progress | None = None) -> Exported:
    """Write one of ``KINDS`` to ``path`` (xlsx). ``full`` (residents, admin only) keeps
    ID numbers and phones whole; ``start``/``end`` bound the ledger, activities and
    vouchers by date; ``tag`` (a code or a name) limits residents to those carrying it."""
    if kind not in KINDS:
        raise InvalidInput(what=f"不能导出“{kind}”：可导出 {'、'.join(KINDS)}。",
                           what_en=f"Cannot export “{kind}”: choose one of {', '.join(KINDS)}.")
    require(ctx, "data.export_full" if full else "data.export")
    target = check_target(path)
    check_period(start, end)
    if kind == "residents":
        tag = tags.find(tag).code if tag else None
        table = Table("居民名单", RESIDENT_COLUMNS, *_resident_rows(full, tag))
    else:
        table = TABLES[kind](start, end)
    result = Exported(kind, str(target.resolve()), table.total, full,
                      str(start) if start else None, str(end) if end else None)
    audit.note_access(ctx, f"export.{kind}", "", {
        "rows": table.total, "full": full, "from": result.start, "to": result.end,
        "tag": tag, "file": result.path})
    written = write_table(target, table.title, table.columns, table.rows, table.total,
                          progress)
    return Exported(kind, result.path, written, full, result.start, result.end)
