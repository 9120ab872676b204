"""Refusals of the points store (积分超市): its items, their stock, and sales at the desk."""

from __future__ import annotations

from app.services.errors.base import DeskError


class ItemNotFound(DeskError):
    code = "store_item_not_found"
    field = "item"
    zh = "积分超市没有商品“{query}”。请用商品名称、拼音或编号，可用 store list 查看。"
    en = "The points store has no item “{query}”. Give its name, pinyin or number (store list)."
    query: str


class AmbiguousItem(DeskError):
    code = "store_item_ambiguous"
    field = "item"
    zh = "“{query}”对应多件商品：{names}。请写全名称。"
    en = "“{query}” matches several items: {names}. Give the full name."
    query: str
    names: str


class ItemExists(DeskError):
    code = "store_item_exists"
    field = "name"
    zh = "积分超市已有商品“{name}”，请换一个名称或修改原商品。"
    en = "The points store already has an item “{name}”; choose another name or edit it."
    name: str


class OutOfStock(DeskError):
    code = "store_out_of_stock"
    field = "item"
    zh = "“{name}”库存不足：现有 {stock} {unit}，需要 {wanted} {unit}。"
    en = "Not enough “{name}” in stock: {stock} left, {wanted} wanted."
    name: str
    stock: int
    wanted: int
    unit: str


class VoucherOfAnotherResident(DeskError):
    code = "store_voucher_of_another"
    field = "voucher"
    zh = "兑换券 {serial} 属于{holder}，不是本次购物的居民{buyer}：只能用本人的兑换券。"
    en = "Voucher {serial} belongs to {holder}, not to {buyer}: only one's own vouchers pay."
    serial: str
    holder: str
    buyer: str


class VoucherNotNeeded(DeskError):
    code = "store_voucher_not_needed"
    field = "voucher"
    zh = "不用兑换券 {serial} 已够支付 {total} 分：请把它还给居民，下次再用。"
    en = "The sale ({total} points) is paid without voucher {serial}: hand it back for later."
    serial: str
    total: int


class VoucherTwice(DeskError):
    code = "store_voucher_twice"
    field = "voucher"
    zh = "兑换券 {serial} 已扫过一次。"
    en = "Voucher {serial} was scanned already."
    serial: str


class PaymentShort(DeskError):
    code = "store_payment_short"
    field = "voucher"
    zh = ("兑换券共 {covered} 分，不够支付 {total} 分：请再扫券，"
          "或经居民同意从积分余额扣除差额 {rest} 分。")
    en = ("The vouchers cover {covered} of {total} points: scan more, or take the other "
          "{rest} from the resident's balance if they agree.")
    covered: int
    total: int
    rest: int


class EmptySale(DeskError):
    code = "store_empty_sale"
    field = "item"
    zh = "请至少选一件商品。"
    en = "Pick at least one item."
