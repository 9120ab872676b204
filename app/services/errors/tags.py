"""Refusals of the station's tag list (标签): adding, renaming, retiring, and giving a
resident a tag."""

from __future__ import annotations

from app.services.errors.base import DeskError


class TagNotFound(DeskError):
    code = "tag_not_found"
    field = "tags"
    zh = "没有标签“{query}”。可用 tag list 查看本站的标签。"
    en = "There is no tag “{query}”. See the station's tags with tag list."
    query: str


class TagExists(DeskError):
    code = "tag_exists"
    field = "name"
    zh = "已有标签“{name}”，请换一个名称。"
    en = "There is a tag “{name}” already; choose another name."
    name: str


class TagRetired(DeskError):
    code = "tag_retired"
    field = "tags"
    zh = "标签“{name}”已停用，不能再给居民添加；已有此标签的居民保留它。"
    en = "The tag “{name}” is retired: it is given to no one new (those who have it keep it)."
    name: str
