"""Refusals by the station's rules: dates, quantities, caps, points, reviews, reversals,
repeated requests and vouchers."""

from __future__ import annotations

from decimal import Decimal

from app.services.errors.base import DeskError


class FutureDate(DeskError):
    code = "future_date"
    field = "date"
    zh = "日期 {date} 晚于今天，不能登记未来的事项。"
    en = "The date {date} is in the future."
    date: str


class InvalidQuantity(DeskError):
    code = "invalid_quantity"
    field = "quantity"
    zh = "数量/时长须为大于 0 的数，以 {step} 为单位，不超过 {maximum}。"
    en = "The quantity must be a number above 0, in steps of {step_en}, at most {maximum}."
    maximum: int | Decimal
    step: Decimal
    step_en: Decimal


class CapExceeded(DeskError):
    code = "cap_exceeded"
    field = "quantity"
    zh = ("“{deed}”每{period_zh}最多 {cap} {unit_zh}，"
          "{this_period_zh}已登记 {used}，还可登记 {left}。")
    en = "“{deed_en}” is capped at {cap} per {period}; {used} already recorded, {left} left."
    deed: str
    deed_en: str
    cap: int
    period: str
    period_zh: str
    this_period_zh: str
    unit_zh: str
    used: str
    left: str


class TooOld(DeskError):
    code = "too_old"
    field = "date"
    zh = "日期 {date} 太早：只能登记 {earliest} 及以后的事项（更早的已过结算期）。"
    en = "The date {date} is too early: deeds from {earliest} on can be recorded."
    date: str
    earliest: str


class ZeroPoints(DeskError):
    code = "zero_points"
    field = "quantity"
    zh = "这个数量折合不到 1 分（按“{deed}”每{unit_zh} {points} 分），请核对数量。"
    en = "This quantity earns less than one point (“{deed_en}”: {points} per unit)."
    deed: str
    deed_en: str
    unit_zh: str
    points: int


class OverrideOutOfBounds(DeskError):
    code = "override_out_of_bounds"
    field = "points"
    zh = "调整后的分值须与标准同号，且不超过标准分值 {computed} 的两倍，并写明理由。"
    en = ("An override keeps the sign of the standard {computed} points, at most twice it, "
          "with a reason.")
    computed: int


class InsufficientPoints(DeskError):
    code = "insufficient_points"
    field = "points"
    zh = "积分不足：余额 {balance} 分，本次需要 {requested} 分。"
    en = "Not enough points: balance {balance}, requested {requested}."
    balance: int
    requested: int


class BelowMinimum(DeskError):
    code = "below_minimum"
    field = "points"
    zh = "每次兑换不少于 {minimum} 分。"
    en = "At least {minimum} points per issue."
    minimum: int


class InvalidDenominations(DeskError):
    code = "invalid_denominations"
    field = "denominations"
    zh = "面额须为正整数，且合计等于 {points} 分（现为 {total} 分）。"
    en = "Denominations must be positive whole numbers adding up to {points} (now {total})."
    points: int
    total: int


class ReasonRequired(DeskError):
    code = "reason_required"
    field = "reason"
    zh = "此操作必须填写理由。"
    en = "This action needs a reason."


class AlreadyReviewed(DeskError):
    code = "already_reviewed"
    zh = "该记录已审核（{status}），不能再次审核。"
    en = "This deed was already reviewed ({status_en})."
    status: str
    status_en: str


class AlreadyReversed(DeskError):
    code = "already_reversed"
    zh = "流水 {seq} 已冲正过，不能重复冲正。"
    en = "Ledger entry {seq} was already reversed."
    seq: int


class NotReversible(DeskError):
    code = "not_reversible"
    zh = "这类流水（{kind}）不能冲正：兑换券请作废，冲正请再冲正。"
    en = "Entries of kind {kind} cannot be reversed; void the voucher instead."
    kind: str


class RequestConflict(DeskError):
    code = "request_conflict"
    zh = "同一请求编号已用于另一项操作，本次未执行。请重新操作。"
    en = "This request id was already used for a different operation; nothing was done."


class RequestOfAnotherClerk(DeskError):
    code = "request_of_another_clerk"
    zh = "这个请求编号已被另一位经办人使用，本次未执行。请用新的请求编号重新操作。"
    en = "This request id belongs to another clerk's operation; nothing was done. Use a new one."


class VoucherRejected(DeskError):
    code = "voucher_rejected"
    zh = "兑换券无效：{reason_zh}"
    en = "Voucher rejected: {reason_en}"
    reason_zh: str
    reason_en: str


class VoucherAlreadyResolved(DeskError):
    code = "voucher_resolved"
    zh = "兑换券 {serial} {what_zh}"
    en = "Voucher {serial} was {what_en}"  # what_en: "voided on …", "already redeemed …"
    serial: str
    what_zh: str
    what_en: str
