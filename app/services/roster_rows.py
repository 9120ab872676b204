"""One roster row made clean, or refused with its reasons (Chinese and English).

What Excel and clerks do to a roster, and what is done about it:

- full-width digits and letters (１３８…, ＩＤ) are made ASCII (NFKC) in numbers; spaces
  inside numbers, a lower-case x, surrounding ideographic spaces go; a legacy 15-digit ID
  number becomes its 18-digit form;
- phones lose their ``+86`` / ``0086`` prefix, spaces, dashes and brackets;
- an ID number Excel stored as a number has lost its last digits (Excel keeps 15
  significant digits) or shows as ``6.5E+17``: it is refused with how to fix the sheet.
  A 15-digit number survives as a number whole, and is taken.

Who a resident is: the ID number when there is one; without one, the name and the mobile
number; without either, the name and the full address. A row with a name alone cannot be
told from a namesake and is refused.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from app.services import idnumber, text
from app.services.errors import DeskError, InvalidIdNumber
from app.services.residents import ADDRESS_FIELDS, parse_address
from app.services.roster_columns import Layout
from app.services.roster_read import Cell

Reason = tuple[str, str]  # Chinese, English
_PHONE = re.compile(r"1[3-9][0-9]{9}")
_PHONE_NOISE = re.compile(r"[\s\-–—()（）.·]")
_SCIENTIFIC = re.compile(r"[0-9](\.[0-9]+)?E\+?[0-9]+")
_TOTALS = ("合计", "总计", "小计", "共计")
HEAD_RELATIONS = ("户主", "本人", "户主本人")
EXCEL_NUMBER: Reason = (
    "身份证号被 Excel 存成了数字，后几位已丢失（或显示为 6.5E+17 这样的科学计数）。"
    "请在 Excel/WPS 中把该列设置为“文本”格式，按证件重新填写后再导入",
    "Excel stored the ID number as a number and lost its last digits (or shows it as "
    "6.5E+17). Format the column as Text in Excel/WPS, type the numbers again from the "
    "cards, and import again")
EXCEL_ZEROS: Reason = (
    "身份证号末尾为 000 且校验位不符：多半是 Excel 把它当数字存过，后三位变成了 0。"
    "请把该列设置为“文本”格式，按证件重新填写",
    "The ID number ends in 000 and its check digit fails: Excel probably stored it as a "
    "number, turning its last digits into 0. Format the column as Text and type it again")


@dataclass
class Candidate:
    """A row that may become a resident (or is found already registered)."""

    row: int
    name: str
    id_number: str | None = None
    gender: str = ""
    birth_date: dt.date | None = None
    phone: str | None = None
    address: dict[str, str] = field(default_factory=dict)
    grid: str = ""
    head_name: str = ""
    relation: str = ""
    tag_names: tuple[str, ...] = ()
    note: str = ""
    notes: list[Reason] = field(default_factory=list)  # said in the report, not refusals

    def address_key(self) -> str:
        return "".join(self.address.get(k, "") for k in ADDRESS_FIELDS)

    def key(self) -> tuple[str, ...]:
        if self.id_number:
            return ("id", self.id_number)
        if self.phone:
            return ("phone", self.name, self.phone)
        return ("address", self.name, self.address_key())


@dataclass(frozen=True)
class Outcome:
    """What a row came to before the station is asked: a candidate, or a refusal or a
    skip with its reasons."""

    row: int
    name: str
    candidate: Candidate | None
    status: str = ""  # "refused" or "skipped" when there is no candidate
    reasons: tuple[Reason, ...] = ()


def plain_text(cell: Cell) -> str:
    """A text cell with every kind of surrounding space gone (U+3000 included)."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip().strip("\u3000\u00a0\ufeff").strip()


def _number_text(cell: Cell) -> str:
    """A number as typed: NFKC (full-width digits and letters), no spaces, upper case,
    and no leading apostrophe (Excel's "keep as text" mark, seen in exported CSV)."""
    return "".join(unicodedata.normalize("NFKC", plain_text(cell)).split()).lstrip("'").upper()


def id_number(cell: Cell, today: dt.date) -> tuple[idnumber.IdNumber | None, Reason | None]:
    if cell is None or cell == "":
        return None, None
    if isinstance(cell, float) or (isinstance(cell, int) and len(str(abs(cell))) != 15):
        return None, EXCEL_NUMBER
    typed = _number_text(cell)
    if _SCIENTIFIC.fullmatch(typed):
        return None, EXCEL_NUMBER
    if not typed:
        return None, None
    try:
        return idnumber.parse(typed, today), None
    except InvalidIdNumber as exc:
        if (len(typed) == 18 and typed.isascii() and typed.isdigit() and typed.endswith("000")
                and idnumber.check_character(typed[:17]) != typed[17]):
            return None, EXCEL_ZEROS
        return None, (f"身份证号有误：{exc.reason}", f"bad ID number: {exc.reason_en}")


def phone(cell: Cell) -> tuple[str | None, Reason | None]:
    typed = _PHONE_NOISE.sub("", _number_text(cell))
    if not typed:
        return None, None
    for prefix in ("+86", "0086"):
        if typed.startswith(prefix):
            typed = typed[len(prefix):]
    if len(typed) == 13 and typed.startswith("86"):
        typed = typed[2:]
    if not _PHONE.fullmatch(typed):
        return None, (f"手机号“{plain_text(cell)}”无效：应为 11 位、以 1 开头",
                      f"bad mobile number “{plain_text(cell)}”: 11 digits starting with 1")
    return typed, None


def is_totals(cells: tuple[Cell, ...]) -> bool:
    """A 合计 / 总计 row a roster ends with (or a subtotal between groups): its first
    filled cell says so (a remark that merely mentions 合计 does not)."""
    first = next((c for c in cells if plain_text(c)), None)
    return isinstance(first, str) and "".join(first.split()).startswith(_TOTALS)


def _text(value: str, kind: text.Kind, reasons: list[Reason]) -> str:
    try:
        return text.clean(value, kind)
    except DeskError as exc:
        reasons.append((exc.message("zh"), exc.message("en")))
        return ""


def outcome(number: int, cells: tuple[Cell, ...], layout: Layout, today: dt.date) -> Outcome:
    """One row: skipped (blank, totals), refused (with every reason at once), or a candidate."""
    def cell(name: str) -> Cell:
        index = layout.column_of(name)
        return cells[index] if index is not None and index < len(cells) else None

    raw_name = plain_text(cell("name"))
    mapped = [cells[i] for i, f in enumerate(layout.fields) if f != "ignore" and i < len(cells)]
    if all(plain_text(c) == "" for c in mapped):
        return Outcome(number, "", None, "skipped", (("空行", "blank row"),))
    if is_totals(cells):
        return Outcome(number, raw_name, None, "skipped", (("合计行", "totals row"),))
    reasons: list[Reason] = []
    name = _text(" ".join(raw_name.split()), text.NAME, reasons)
    if not raw_name:
        reasons.append(("没有姓名", "no name"))
    parsed, problem = id_number(cell("id_number"), today)
    mobile, phone_problem = phone(cell("phone"))
    reasons.extend(r for r in (problem, phone_problem) if r)
    address = parse_address(plain_text(cell("address")))
    for key in ADDRESS_FIELDS:
        address[key] = _text(address[key], text.ADDRESS, reasons)
    found = Candidate(
        number, name, parsed.number if parsed else None,
        parsed.gender if parsed else _gender(plain_text(cell("gender"))),
        parsed.birth_date if parsed else None, mobile, address,
        _text(plain_text(cell("grid")), text.GRID, reasons),
        " ".join(plain_text(cell("household_head")).split()),
        plain_text(cell("relation")),
        tuple(t for t in re.split(r"[,，、;；/|\s]+", plain_text(cell("tags"))) if t),
        _text(plain_text(cell("note")), text.NOTE, reasons))
    if not reasons and not (found.id_number or found.phone or found.address_key()):
        reasons.append(("没有身份证号、手机号和住址，无法与同名居民区分",
                        "no ID number, phone or address: cannot be told from a namesake"))
    if reasons:
        return Outcome(number, name or raw_name, None, "refused", tuple(reasons))
    return Outcome(number, name, found)


def _gender(typed: str) -> str:
    return {"男": "M", "女": "F", "M": "M", "F": "F"}.get(typed.upper(), "")
