"""Which column of a roster holds what: the header row found among the first rows (title
rows above it, often one merged cell, are passed over) and each column recognised by the
everyday Chinese header stations use. The clerk may correct any column's field."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.services.errors.roster import RosterBadMapping, RosterNoHeader
from app.services.roster_read import Cell, RawRow

HEADER_SEARCH_ROWS = 10
IGNORE = "ignore"

# field -> (Chinese label, English label, headers seen on real rosters)
FIELDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "name": ("姓名", "Name", ("姓名", "居民姓名", "名字", "人员姓名", "成员姓名")),
    "gender": ("性别", "Gender", ("性别",)),
    "id_number": ("身份证号", "ID number", (
        "身份证号", "身份证号码", "证件号码", "证件号", "公民身份号码", "身份证", "身份证件号码")),
    "phone": ("联系电话", "Phone", (
        "联系电话", "手机号", "手机号码", "电话", "手机", "联系方式", "电话号码")),
    "address": ("住址", "Address", (
        "住址", "家庭住址", "地址", "现住址", "居住地址", "户籍地址", "详细地址")),
    "grid": ("网格", "Grid", ("网格", "所属网格", "网格名称")),
    "household_head": ("户主姓名", "Household head", ("户主", "户主姓名")),
    "relation": ("与户主关系", "Relation to head", ("与户主关系", "关系", "家庭关系")),
    "tags": ("标签", "Tags", ("标签", "人员类别", "人群类别", "人员类型", "类别", "特殊人群")),
    "note": ("备注", "Note", ("备注", "说明")),
}
_BRACKETS = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")
_ALIASES = sorted(((alias, field) for field, (_, _, aliases) in FIELDS.items()
                   for alias in aliases), key=lambda pair: -len(pair[0]))


def _header_text(cell: Cell) -> str:
    """``* 身份证号码（18位）`` → ``身份证号码``."""
    text = unicodedata.normalize("NFKC", "" if cell is None else str(cell))
    text = _BRACKETS.sub("", text)
    return "".join(ch for ch in text if not ch.isspace() and ch not in "*:：")


def field_of(header: Cell) -> str | None:
    """The field a header names: an exact alias, else the longest alias it contains
    (``户主姓名`` is the head's name, not a name)."""
    text = _header_text(header)
    if not text:
        return None
    for alias, field in _ALIASES:
        if text == alias:
            return field
    for alias, field in _ALIASES:
        if len(alias) > 1 and alias in text:
            return field
    return None


@dataclass(frozen=True)
class Layout:
    """Where the header is and what each column holds (``IGNORE`` or a field name)."""

    header_row: int  # index into the rows read (0-based)
    headers: tuple[str, ...]
    fields: tuple[str, ...]

    def column_of(self, field: str) -> int | None:
        return self.fields.index(field) if field in self.fields else None


def _guess(headers: Sequence[Cell]) -> list[str]:
    fields: list[str] = []
    for header in headers:
        field = field_of(header)
        # The first column of a field wins; a second "电话" is left for the clerk.
        fields.append(field if field is not None and field not in fields else IGNORE)
    return fields


def detect(rows: Sequence[RawRow], file: str) -> Layout:
    """The header row: among the first rows, the one whose cells name the most fields
    (a name column among them)."""
    best: tuple[int, int] | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        fields = _guess(row.cells)
        known = sum(f != IGNORE for f in fields)
        if "name" in fields and (best is None or known > best[1]):
            best = (index, known)
    if best is None:
        raise RosterNoHeader(file=file, rows=HEADER_SEARCH_ROWS)
    cells = rows[best[0]].cells
    headers = tuple("" if c is None else str(c).strip() for c in cells)
    return Layout(best[0], headers, tuple(_guess(cells)))


def remap(layout: Layout, fields: Sequence[str]) -> Layout:
    """The layout with each column's field as the clerk set it; one column per field."""
    fields = list(fields) + [IGNORE] * (len(layout.headers) - len(fields))
    for field in fields:
        if field != IGNORE and field not in FIELDS:
            raise RosterBadMapping(what=f"没有“{field}”这一项。可用：{', '.join(FIELDS)}",
                                   what_en=f"no field “{field}”; known: {', '.join(FIELDS)}")
        if field != IGNORE and fields.count(field) > 1:
            label = FIELDS[field][0]
            raise RosterBadMapping(what=f"“{label}”对应了多列，请只保留一列。",
                                   what_en=f"{FIELDS[field][1]} is given to several columns; "
                                           "keep one.")
    if "name" not in fields:
        raise RosterBadMapping(what="必须有一列对应“姓名”。",
                               what_en="one column must be the name.")
    return Layout(layout.header_row, layout.headers, tuple(fields[:len(layout.headers)]))


def with_overrides(layout: Layout, overrides: Mapping[str, str]) -> Layout:
    """Overrides as the command line gives them: a header's text (or its column number,
    1 for A) → a field or ``ignore``; a field given to another column moves."""
    fields = list(layout.fields)
    for column, field in overrides.items():
        index = _column_index(layout, column)
        if field != IGNORE:
            fields = [IGNORE if f == field else f for f in fields]
        fields[index] = field
    return remap(layout, fields)


def _column_index(layout: Layout, column: str) -> int:
    wanted = _header_text(column)
    for index, header in enumerate(layout.headers):
        if _header_text(header) == wanted and wanted:
            return index
    if column.isascii() and column.isdigit() and 1 <= int(column) <= len(layout.headers):
        return int(column) - 1
    names = "、".join(h for h in layout.headers if h)
    raise RosterBadMapping(what=f"表头中没有“{column}”列。表头：{names}",
                           what_en=f"no column “{column}” in the header: {names}")
