"""Refusals about the public notice (公示) of reviewed deeds and objections to them."""

from __future__ import annotations

from app.services.errors.base import DeskError


class NoticeEntryNotFound(DeskError):
    code = "notice_entry_not_found"
    field = "entry"
    zh = "找不到公示事项“{query}”。请用 notice 列出的编号或积分登记号。"
    en = "No entry “{query}”. Give the number shown by notice, or the deed's id."
    query: str


class NotOnNotice(DeskError):
    code = "not_on_notice"
    field = "entry"
    zh = "该事项（{deed}）不在公示中（{status}），不能提出异议。"
    en = "This entry ({deed_en}) is not on notice ({status_en}): no objection can be recorded."
    deed: str
    deed_en: str
    status: str
    status_en: str


class NoticeEnded(DeskError):
    code = "notice_ended"
    field = "entry"
    zh = "该事项（{deed}）的公示期已于 {until} 结束，不再受理异议。如有问题请联系管理员。"
    en = ("The notice period of this entry ({deed_en}) ended on {until}: objections are no "
          "longer taken. Ask an admin if something is wrong.")
    deed: str
    deed_en: str
    until: str


class ObjectionNotFound(DeskError):
    code = "objection_not_found"
    field = "objection"
    zh = "找不到异议“{query}”。请用异议编号（见 notice 的列表）。"
    en = "No objection “{query}”. Give its number (see the notice list)."
    query: str


class ObjectionResolved(DeskError):
    code = "objection_resolved"
    field = "objection"
    zh = "异议 {number} 已处理（{state}），不能再次处理。"
    en = "Objection {number} was already resolved ({state_en})."
    number: int
    state: str
    state_en: str


class NoticeDaysInvalid(DeskError):
    code = "notice_days_invalid"
    field = "notice_days"
    zh = "公示天数须为 0 至 30 的整数（0：审核通过即计入）。"
    en = "Notice days: a whole number from 0 to 30 (0: counted on approval)."
