"""Refusals of what was typed or scanned, and of look-ups that find nothing."""

from __future__ import annotations

from app.services.errors.base import DeskError


class InvalidInput(DeskError):
    code = "invalid_input"
    zh = "{what}"
    en = "{what_en}"
    what: str
    what_en: str
    field: str | None = None  # which field, when the caller knows it


class InvalidIdNumber(DeskError):
    code = "invalid_id_number"
    field = "id_number"
    zh = "身份证号无效：{reason}。请核对证件后重新输入。"
    en = "Invalid ID number: {reason_en}. Check the card and type it again."
    reason: str
    reason_en: str


class IdNumberRegistered(DeskError):
    code = "duplicate_id_number"
    field = "id_number"
    zh = "该证件号已登记，不能重复登记。请核对证件；如确是同一人，请管理员查找原登记。"
    en = ("This ID number is already registered. Check the card; if it is the same person, "
          "ask an admin to find the existing record.")


class DuplicateIdNumber(IdNumberRegistered):
    """What an admin sees: the other holder's resident number, never their name."""

    zh = "该证件号已登记给居民 {resident_no}，不能重复登记。请核对证件或查看该居民。"
    en = "This ID number is already registered to resident {resident_no}."
    resident_no: str


class InvalidPhone(DeskError):
    code = "invalid_phone"
    field = "phone"
    zh = "手机号应为 11 位数字（以 1 开头），或留空。"
    en = "A mobile number has 11 digits starting with 1, or leave it empty."


class InvalidText(DeskError):
    code = "invalid_text"
    zh = "{label_zh}{problem_zh}"
    en = "{label_en} {problem_en}"
    label_zh: str
    label_en: str
    problem_zh: str
    problem_en: str
    field: str | None = None


class InvalidName(InvalidText):
    code = "invalid_name"
    field: str | None = "name"


class ResidentNotFound(DeskError):
    code = "resident_not_found"
    zh = "找不到居民“{query}”。请检查编号或换个方式搜索。"
    en = "No resident matches “{query}”. Check the number or search another way."
    query: str


class AmbiguousResident(DeskError):
    code = "ambiguous_resident"
    zh = "“{query}”对应 {count} 位居民，请用居民编号或卡号指定一位。"
    en = "“{query}” matches {count} residents; use a resident number or card code."
    query: str
    count: int | str  # "多" when a search says only that there are more


class ResidentArchived(DeskError):
    code = "resident_archived"
    zh = "居民 {name}（{resident_no}）已归档，不能办理业务。"
    en = "Resident {name} ({resident_no}) is archived."
    name: str
    resident_no: str


class CardReplaced(DeskError):
    code = "card_replaced"
    zh = "这张居民卡已作废（已补办新卡）。请使用新卡，或按姓名搜索。"
    en = "This resident card was replaced by a new one. Use the new card or search by name."


class DeedTypeNotFound(DeskError):
    code = "deed_type_not_found"
    field = "deed_type"
    zh = "积分项目“{deed_type}”不存在或已停用。请从目录中选择。"
    en = "Deed type “{deed_type}” does not exist or is retired. Pick one from the catalogue."
    deed_type: str  # the code typed


class MerchantNotFound(DeskError):
    code = "merchant_not_found"
    field = "merchant"
    zh = "找不到商户“{name}”。请先由管理员添加该商户。"
    en = "No merchant named “{name}”. Ask an admin to add it first."
    name: str


class VoucherNotFound(DeskError):
    code = "voucher_not_found"
    zh = "找不到兑换券 {serial}。"
    en = "No voucher with serial {serial}."
    serial: str


class DeedNotFound(DeskError):
    code = "deed_not_found"
    zh = "找不到该积分记录。"
    en = "No such deed."


class EntryNotFound(DeskError):
    code = "entry_not_found"
    zh = "找不到流水 {seq}。"
    en = "No ledger entry {seq}."
    seq: int


class ClerkNotFound(DeskError):
    code = "clerk_not_found"
    zh = "找不到经办人“{username}”。"
    en = "No clerk named “{username}”."
    username: str
