"""The deed catalogue: loading the published default, listing, finding, and admin edits."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from app import RESOURCES
from app.models import DeedType, write_transaction
from app.models.fixed_sql import FixedSql
from app.services import audit, pinyin
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import DeedTypeNotFound, InvalidInput
from app.services.permissions import require

DEFAULT_CATALOGUE = RESOURCES / "default-deed-catalogue.csv"
CATEGORIES = {"social": "社会公德", "family": "家庭美德", "professional": "职业道德",
              "personal": "个人品德"}
UNITS = {"per_hour": "小时", "per_time": "次", "per_award": "项", "once": "次"}
PERIODS = {"day": "天", "month": "月", "year": "年", "lifetime": "人"}
THIS_PERIOD = {"day": "当天", "month": "本月", "year": "本年", "lifetime": "累计"}
_CAP = re.compile(r"([0-9]+|once|one)\b.*?(?:/|per )(day|month|year|person)")


def parse_cap(text: str) -> tuple[int | None, str | None]:
    """``4 hours/day`` → (4, day); ``once per person`` → (1, lifetime); empty → no cap."""
    text = text.strip().lower()
    if not text:
        return None, None
    match = _CAP.search(text)
    if not match:
        raise InvalidInput(what=f"无法识别上限“{text}”。", what_en=f"Unreadable cap “{text}”.")
    number = 1 if match.group(1) in ("once", "one") else int(match.group(1))
    period = match.group(2)
    return number, ("lifetime" if period == "person" else period)


@dataclass(frozen=True)
class DeedTypeInfo:
    code: str
    name_zh: str
    name_en: str
    category: str
    points: int
    unit: str
    cap_quantity: int | None
    cap_period: str | None
    needs_review: bool
    active: bool
    tag: str = ""
    note: str = ""

    @property
    def changes(self) -> Changes:
        """As the result of ``save_type``: the catalogue changed."""
        return Changes(catalogue=True)

    @property
    def is_deduction(self) -> bool:
        return self.points < 0


def info_of(t: DeedType) -> DeedTypeInfo:
    return DeedTypeInfo(t.code, t.name_zh, t.name_en, t.category, t.points, t.unit,
                        t.cap_quantity, t.cap_period, t.needs_review, t.active, t.tag, t.note)


def row_values(row: dict[str, str | None], order: int) -> dict[str, object]:
    """One row of the catalogue's CSV as a deed type's columns."""
    cap, period = parse_cap(row.get("cap") or "")
    name_zh = (row.get("name_zh") or "").strip()
    return {
        "code": (row.get("code") or "").strip().upper(), "name_zh": name_zh,
        "name_en": (row.get("name_en") or "").strip(),
        "category": (row.get("category") or "").strip(),
        "points": _whole(row.get("points")), "unit": (row.get("unit") or "").strip(),
        "cap_quantity": cap, "cap_period": period,
        "needs_review": (row.get("needs_review") or "").strip().lower() in ("yes", "true", "1"),
        "note": (row.get("note") or "").strip(),
        "pinyin_initials": pinyin.initials(name_zh), "sort_order": order,
    }


def _whole(text: str | None) -> int:
    try:
        return int(str(text).strip())
    except ValueError:
        raise InvalidInput(what=f"分值“{text}”不是整数。",
                           what_en=f"Points “{text}” is not a whole number.") from None


def _read_csv(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [row_values(row, order) for order, row in enumerate(csv.DictReader(fh))]


def load_default(path: Path = DEFAULT_CATALOGUE) -> int:
    """Fill an empty catalogue with the default standard; call inside a transaction."""
    rows = _read_csv(path)
    for row in rows:
        DeedType.create(**row)
    return len(rows)


def list_types(include_retired: bool = False) -> list[DeedTypeInfo]:
    query = DeedType.select().order_by(DeedType.points < 0, DeedType.sort_order)
    if not include_retired:
        query = query.where(DeedType.active == True)  # noqa: E712
    return [info_of(t) for t in query]


_TYPE_COLUMNS = tuple(DeedType._meta.columns)
# Asked at every deed: written out once (app.models.fixed_sql).
_TYPE_BY_CODE = FixedSql("SELECT " + ", ".join(f'"{c}"' for c in _TYPE_COLUMNS)
                          + ' FROM "deed_type" WHERE "code" = {p}')


def get_type(code: str) -> DeedType:
    """An active deed type by its code."""
    row = _TYPE_BY_CODE.row(code.strip().upper())
    if row is None:
        raise DeedTypeNotFound(deed_type=code)
    values = dict(zip(_TYPE_COLUMNS, row, strict=True))
    # SQLite hands back 0 and 1, PostgreSQL true and false: as the model reads them.
    values["needs_review"] = bool(values["needs_review"])
    values["active"] = bool(values["active"])
    if not values["active"]:
        raise DeedTypeNotFound(deed_type=code)
    return DeedType(**values)


def find_types(text: str) -> list[DeedTypeInfo]:
    """Deed types whose Chinese name, initials, English name or code contain ``text``."""
    needle = text.strip().lower()
    return [t for t, model in ((info_of(m), m) for m in DeedType.select()
                               .where(DeedType.active == True)  # noqa: E712
                               .order_by(DeedType.sort_order))
            if not needle or needle in model.name_zh.lower() or needle in model.pinyin_initials
            or needle in model.name_en.lower() or needle in model.code.lower()]


_EDITABLE = {f.name for f in fields(DeedTypeInfo)} - {"code"}


Record = Callable[[Context, str, str, dict[str, Any]], object]


def save_type(ctx: Context, code: str, **changes: object) -> DeedTypeInfo:
    """Add a deed type or change one (a station's admin); retiring is ``active=False``."""
    require(ctx, "catalogue.edit")
    with write_transaction():
        return write_type(ctx, code, changes, audit.record)


def write_type(ctx: Context, code: str, changes: dict[str, object],
               record: Record) -> DeedTypeInfo:
    """Check and write one deed type, audited through ``record`` (the station's log under
    its clerk, or the centre's under its operator); call inside the write's transaction,
    once who may write has been settled."""
    unknown = set(changes) - _EDITABLE
    if unknown:
        raise InvalidInput(what=f"未知字段：{', '.join(sorted(unknown))}",
                           what_en=f"Unknown fields: {', '.join(sorted(unknown))}")
    code = check_code(code)
    existing = DeedType.get_or_none(DeedType.code == code)
    merged = {**(info_of(existing).__dict__ if existing else {}), **changes, "code": code}
    _validate(merged)
    merged["pinyin_initials"] = pinyin.initials(str(merged["name_zh"]))
    before = info_of(existing).__dict__ if existing else None
    if existing:
        DeedType.update(**{k: v for k, v in merged.items() if k != "code"}).where(
            DeedType.id == existing.id).execute()
    else:
        last = DeedType.select().order_by(DeedType.sort_order.desc()).first()
        DeedType.create(**merged, sort_order=(last.sort_order + 1) if last else 0)
    record(ctx, "catalogue.save", code, {"before": before, "after": changes})
    return info_of(DeedType.get(DeedType.code == code))


def check_code(code: str) -> str:
    code = code.strip().upper()
    if not re.fullmatch(r"[A-Z][A-Z0-9_]{1,31}", code):
        raise InvalidInput(what=f"项目代码“{code}”须为大写字母开头，由字母、数字和下划线组成。",
                           what_en=f"The code “{code}” must be capital letters, digits and "
                                   "underscores.")
    return code


def _validate(t: dict[str, object]) -> None:
    found = problems(t)
    if found:
        raise InvalidInput(what="；".join(p[0] for p in found) + "。",
                           what_en="; ".join(p[1] for p in found) + ".")


def problems(t: dict[str, object]) -> list[tuple[str, str]]:
    """What is wrong with a deed type's values, in Chinese and in English."""
    found = []
    if not str(t.get("name_zh") or "").strip():
        found.append(("中文名称不能为空", "the Chinese name is required"))
    if "name_en" not in t:  # a new type: the column has no default
        found.append(("新项目须给出英文名称", "a new type needs its English name"))
    if t.get("category") not in CATEGORIES:
        found.append(("类别须为四类之一", "unknown category"))
    if t.get("unit") not in UNITS:
        found.append(("单位须为 per_hour / per_time / per_award / once", "unknown unit"))
    points = t.get("points")
    if not isinstance(points, int) or points == 0 or abs(points) > 1000:
        found.append(("分值须为非零整数，绝对值不超过 1000", "points: a non-zero whole number"))
    cap, period = t.get("cap_quantity"), t.get("cap_period")
    if (cap is None) != (period is None) or (period is not None and period not in PERIODS) or (
            cap is not None and (not isinstance(cap, int) or cap <= 0)):
        found.append(("上限须同时给出正整数数量和周期（day/month/year/lifetime）",
                         "a cap needs a positive number and a period"))
    return found
