"""The station's list of resident tags (标签): what it offers, what an admin adds, renames
and retires, and which residents carry a tag (for reports and exports).

A resident stores the codes of their tags (comma-separated, sorted). A code is made once,
when the tag is added, and never changes: renaming a tag renames it on every resident at
once, and a retired tag stays on the residents who have it, only no one new gets it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import peewee as pw

from app.models import Resident, Tag
from app.services import audit, operations, pinyin, text
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors.tags import TagExists, TagNotFound, TagRetired
from app.services.permissions import require

NAME = text.Kind("标签名称", "The tag name", 20)
NAME_EN = text.Kind("英文名称", "The English name", 60)
_CODE = re.compile(r"[a-z][a-z0-9_]{0,39}")


@dataclass(frozen=True)
class TagView:
    code: str
    name: str
    name_en: str
    retired: bool

    @property
    def changes(self) -> Changes:
        """As the result of a write: every resident shows their tags by name."""
        return Changes(all_residents=True, settings=True)


def _view(t: Tag) -> TagView:
    return TagView(t.code, t.name, t.name_en, bool(t.retired))


def list_tags(include_retired: bool = True) -> list[TagView]:
    """The station's tags in the admin's order, the retired ones last."""
    query = Tag.select().order_by(Tag.retired, Tag.sort_order, Tag.id)
    if not include_retired:
        query = query.where(Tag.retired == False)  # noqa: E712
    return [_view(t) for t in query]


def names() -> dict[str, str]:
    """Every tag's Chinese name by code, retired ones included (residents keep them)."""
    return dict(Tag.select(Tag.code, Tag.name).tuples())


def _clean_name(name: str) -> str:
    return text.clean(unicodedata.normalize("NFKC", name or ""), NAME, field="name",
                      required=True).replace(" ", "")


def find(query: str) -> Tag:
    """A tag by its code or its name (as typed, cleaned)."""
    typed = unicodedata.normalize("NFKC", query or "").strip()
    tag = Tag.get_or_none((Tag.code == typed) | (Tag.name == typed.replace(" ", "")))
    if tag is None:
        raise TagNotFound(query=query)
    return tag


def codes_for(wanted: Iterable[str], kept: Iterable[str] = ()) -> list[str]:
    """The codes of ``wanted`` tags (codes or names) for a resident who has ``kept``
    already: a retired tag is refused unless the resident has it."""
    kept = set(kept)
    codes = set()
    for query in wanted:
        if not query.strip():
            continue
        tag = find(query)
        if tag.retired and tag.code not in kept:
            raise TagRetired(name=tag.name)
        codes.add(tag.code)
    return sorted(codes)


def _new_code(name: str) -> str:
    """A readable code from the name's pinyin, made unique: it is stored on residents and
    never changes, even when the tag is renamed."""
    base = re.sub(r"[^a-z0-9]+", "_", pinyin.full(name)).strip("_")[:30] or "tag"
    base = base if base[0].isalpha() else f"t_{base}"
    taken = {c for (c,) in Tag.select(Tag.code).where(Tag.code.startswith(base)).tuples()}
    code, n = base, 1
    while code in taken:
        n += 1
        code = f"{base}_{n}"
    return code


def _name_free(name: str, tag_id: int | None = None) -> None:
    other = Tag.get_or_none(Tag.name == name)
    if other is not None and other.id != tag_id:
        raise TagExists(name=name)


def add_tag(ctx: Context, name: str, name_en: str = "", request_id: str | None = None
            ) -> TagView:
    """A new tag offered to residents (admin); the name of a retired tag offers it again."""
    require(ctx, "tag.manage")
    clean = _clean_name(name)
    english = text.clean(name_en, NAME_EN, field="name_en")

    def body(_rid: str) -> dict:
        retired = Tag.get_or_none((Tag.name == clean) & (Tag.retired == True))  # noqa: E712
        if retired is not None:
            Tag.update(retired=False).where(Tag.id == retired.id).execute()
            audit.record(ctx, "tag.restore", retired.code, {"name": clean})
            return {"code": retired.code}
        _name_free(clean)
        last = Tag.select(pw.fn.MAX(Tag.sort_order)).scalar() or 0
        code = _new_code(clean)
        Tag.create(code=code, name=clean, name_en=english, sort_order=last + 1,
                   created_at=ctx.clock.now())
        audit.record(ctx, "tag.add", code, {"name": clean})
        return {"code": code}

    result, _ = operations.run(ctx, "tag.add", request_id, {"name": clean, "en": english}, body)
    return _view(Tag.get(Tag.code == result["code"]))


def rename_tag(ctx: Context, query: str, new_name: str, name_en: str | None = None,
               request_id: str | None = None) -> TagView:
    """A new name for a tag (admin); residents keep it, since they hold its code."""
    require(ctx, "tag.manage")
    clean = _clean_name(new_name)

    def body(_rid: str) -> dict:
        tag = find(query)
        _name_free(clean, tag.id)
        changes: dict = {"name": clean}
        if name_en is not None:
            changes["name_en"] = text.clean(name_en, NAME_EN, field="name_en")
        Tag.update(**changes).where(Tag.id == tag.id).execute()
        audit.record(ctx, "tag.rename", tag.code, {"from": tag.name, "to": clean})
        return {"code": tag.code}

    result, _ = operations.run(ctx, "tag.rename", request_id,
                               {"tag": query, "name": clean, "en": name_en}, body)
    return _view(Tag.get(Tag.code == result["code"]))


def retire_tag(ctx: Context, query: str, request_id: str | None = None) -> TagView:
    """Offer a tag no more (admin); residents who have it keep it."""
    require(ctx, "tag.manage")

    def body(_rid: str) -> dict:
        tag = find(query)
        if not tag.retired:
            Tag.update(retired=True).where(Tag.id == tag.id).execute()
            audit.record(ctx, "tag.retire", tag.code, {"name": tag.name})
        return {"code": tag.code}

    result, _ = operations.run(ctx, "tag.retire", request_id, {"tag": query}, body)
    return _view(Tag.get(Tag.code == result["code"]))


def carrying(code: str) -> pw.Expression:
    """The condition "the resident carries tag ``code``", for a query on ``Resident``."""
    return ((Resident.tags == code) | Resident.tags.startswith(f"{code},")
            | Resident.tags.endswith(f",{code}") | Resident.tags.contains(f",{code},"))


def residents_with(code: str) -> pw.ModelSelect:
    """The ids of the residents who carry the tag ``code`` (archived ones included: a
    report filters by date and state itself), as a sub-query: ``Resident.id.in_(…)``."""
    if not _CODE.fullmatch(code) or not Tag.select().where(Tag.code == code).exists():
        raise TagNotFound(query=code)
    return Resident.select(Resident.id).where(carrying(code))


def count_with(code: str) -> int:
    """How many residents carry the tag."""
    return residents_with(code).count()
