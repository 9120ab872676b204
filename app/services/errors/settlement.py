"""Refusals about partner merchants, their statements and the moral fund."""

from __future__ import annotations

from app.services.errors.base import DeskError


class MerchantSuspended(DeskError):
    code = "merchant_suspended"
    field = "merchant"
    zh = "商户“{name}”已暂停合作，不能为其核销兑换券。如已恢复合作，请管理员先恢复该商户。"
    en = ("The merchant “{name}” is suspended: no vouchers can be redeemed for it. "
          "An admin reactivates it first if the partnership resumed.")
    name: str


class StatementNotFound(DeskError):
    code = "statement_not_found"
    field = "statement"
    zh = "找不到结算单“{query}”。请用结算单号，如 JS-2026-0001。"
    en = "No statement “{query}”. Give its number, e.g. JS-2026-0001."
    query: str


class StatementLocked(DeskError):
    code = "statement_locked"
    zh = "结算单 {number} 已{state_zh}，不能再修改。更正请另开一张调整单。"
    en = "Statement {number} is {state}: it never changes. Make an adjusting statement instead."
    number: str
    state: str
    state_zh: str


class StatementNotApproved(DeskError):
    code = "statement_not_approved"
    zh = "结算单 {number} 还未审核（{state_zh}），审核后才能登记付款。"
    en = "Statement {number} is {state}, not approved: approve it before marking it paid."
    number: str
    state: str
    state_zh: str


class NothingToSettle(DeskError):
    code = "nothing_to_settle"
    zh = "商户“{merchant}”在 {start} 至 {end} 没有尚未结算的核销兑换券。"
    en = "The merchant “{merchant}” has no unsettled redeemed vouchers from {start} to {end}."
    merchant: str
    start: str
    end: str
