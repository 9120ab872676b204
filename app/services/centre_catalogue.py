"""The district's deed catalogue, edited at the centre (``centre catalogue …``) and sent
to the stations in every package the centre writes for them (``centre_return``).

The checks and the writing are the station's own (``catalogue.write_type``); only who may
write differs: at a centre whoever runs its commands, audited under the operator's system
user (``centre.record``), not a signed-in clerk. Each write is one operation: one
transaction and one request id, noted in its audit records.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.models import DeedType
from app.services import catalogue, centre, operations
from app.services.catalogue import DeedTypeInfo
from app.services.context import Context
from app.services.errors import DeskError
from app.services.errors.centre import CatalogueCodeNotFound, CatalogueFileInvalid

COLUMNS = ("code", "name_zh", "name_en", "category", "points", "unit", "cap", "needs_review",
           "note")
_REQUIRED = ("code", "name_zh", "name_en", "category", "points", "unit")


def listed(include_retired: bool = False) -> list[DeedTypeInfo]:
    centre.require_centre()
    return catalogue.list_types(include_retired)


def _run(ctx: Context, kind: str, request_id: str | None, params: dict[str, Any],
         body: Callable[[catalogue.Record], dict[str, Any]]) -> dict[str, Any]:
    """``body(record)`` as one operation; ``record`` audits under the operator, with the
    operation's request id."""
    def once(rid: str) -> dict[str, Any]:
        def record(c: Context, action: str, target: str, detail: dict[str, Any]) -> None:
            centre.record(c, action, target, {**detail, "request_id": rid})
        return body(record)

    centre.require_centre()
    result, _ = operations.run(ctx, kind, request_id, params, once)
    return result


def save(ctx: Context, code: str, changes: dict[str, object],
         request_id: str | None = None) -> DeedTypeInfo:
    """Add a deed type to the district catalogue or change one."""
    done = _run(ctx, "centre.catalogue.save", request_id, {"code": code, **changes},
                lambda record: asdict(catalogue.write_type(ctx, code, changes, record)))
    return DeedTypeInfo(**done)


def set_active(ctx: Context, code: str, active: bool,
               request_id: str | None = None) -> DeedTypeInfo:
    """Retire a deed type (``active=False``: stations stop offering it once they apply
    the next package) or bring it back."""
    def body(record: catalogue.Record) -> dict[str, Any]:
        wanted = catalogue.check_code(code)
        if not DeedType.select().where(DeedType.code == wanted).exists():
            raise CatalogueCodeNotFound(deed_type=wanted)
        return asdict(catalogue.write_type(ctx, wanted, {"active": active}, record))

    return DeedTypeInfo(**_run(ctx, "centre.catalogue.retire" if not active
                               else "centre.catalogue.restore", request_id,
                               {"code": code}, body))


@dataclass(frozen=True)
class Imported:
    path: str
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    not_in_file: list[str] = field(default_factory=list)


def import_csv(ctx: Context, path: Path, request_id: str | None = None) -> Imported:
    """Add or change every deed type the file lists (the default catalogue's columns), all
    or nothing; types it does not list stay as they are. A listed type that was retired
    is in force again."""
    centre.require_centre()
    rows = read_rows(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()

    def body(record: catalogue.Record) -> dict[str, Any]:
        added, changed, unchanged = [], [], 0
        for row in rows:
            code = str(row["code"])
            existing = DeedType.get_or_none(DeedType.code == code)
            now = catalogue.info_of(existing).__dict__ if existing else {}
            diff = {k: v for k, v in row.items() if k != "code" and now.get(k) != v}
            if not diff:
                unchanged += 1
                continue
            catalogue.write_type(ctx, code, diff, record)
            (changed if existing else added).append(code)
        listed_codes = {row["code"] for row in rows}
        missing = [t.code for t in DeedType.select(DeedType.code).order_by(DeedType.sort_order)
                   if t.code not in listed_codes]
        done = Imported(str(path), added, changed, unchanged, missing)
        record(ctx, "centre.catalogue.import", str(path),
               {"sha256": digest, "added": added, "changed": changed, "unchanged": unchanged})
        return asdict(done)

    return Imported(**_run(ctx, "centre.catalogue.import", request_id, {"sha256": digest}, body))


def read_rows(path: Path) -> list[dict[str, object]]:
    """The file's deed types as ``write_type`` takes them, or every row's problems at once."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "不是 UTF-8 文本 / not UTF-8 text"
        raise _invalid(path, [(f"无法读取（{reason}）", f"cannot be read ({reason})")]) from None
    reader = csv.DictReader(text.splitlines())
    absent = [c for c in _REQUIRED if c not in (reader.fieldnames or [])]
    if absent:
        raise _invalid(path, [(f"缺少列 {'、'.join(absent)}（应有 {','.join(COLUMNS)}）",
                               f"missing columns {', '.join(absent)}")])
    rows: list[dict[str, object]] = []
    found: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for order, raw in enumerate(reader):
        line = reader.line_num
        where = (f"第 {line} 行（{(raw.get('code') or '').strip() or '无代码'}）", f"line {line}")
        try:
            row = catalogue.row_values(raw, order)
            code = catalogue.check_code(str(row["code"]))
        except DeskError as exc:
            found.append((f"{where[0]}：{exc.message('zh')}", f"{where[1]}: {exc.message('en')}"))
            continue
        wrong = catalogue.problems(row)
        if not row["name_en"]:
            wrong.append(("英文名称不能为空", "the English name is required"))
        if code in seen:
            wrong.append((f"代码与第 {seen[code]} 行重复", f"the code repeats line {seen[code]}"))
        seen.setdefault(code, line)
        if wrong:
            found.append((f"{where[0]}：{'；'.join(w[0] for w in wrong)}",
                          f"{where[1]}: {'; '.join(w[1] for w in wrong)}"))
            continue
        rows.append({k: v for k, v in row.items() if k not in ("pinyin_initials", "sort_order")}
                    | {"active": True})
    if not rows and not found:
        found.append(("没有任何项目", "no deed types in it"))
    if found:
        raise _invalid(path, found)
    return rows


def _invalid(path: Path, found: list[tuple[str, str]]) -> CatalogueFileInvalid:
    return CatalogueFileInvalid(path=str(path), count=str(len(found)),
                                problems="；".join(f[0] for f in found),
                                problems_en="; ".join(f[1] for f in found))
