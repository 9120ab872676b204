"""Refusals about residents' requests (百姓点单, 微心愿): a request not found, and one whose
state does not allow what was asked (done twice, assigning a withdrawn one…)."""

from __future__ import annotations

from app.services.errors.base import DeskError


class RequestNotFound(DeskError):
    code = "request_not_found"
    field = "request"
    zh = "找不到点单“{query}”。请用点单编号，可用 request list 查看。"
    en = "No request “{query}”. Give its number (see request list)."
    query: str


class RequestFinished(DeskError):
    """The request is done or withdrawn: it is kept as it ended."""

    code = "request_finished"
    field = "request"
    zh = "点单 {number} 已于 {when} {state_zh}，不能再{action_zh}。"
    en = "Request {number} was {state_en} on {when}; it cannot be {action_en}."
    number: int
    when: str
    state_zh: str
    state_en: str
    action_zh: str
    action_en: str
