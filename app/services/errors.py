"""Typed errors a clerk can understand: what is wrong, and what to do.

Each error carries its data and a message in Chinese and English, so the desk, the
command line and the log all say the same thing. Raising one inside a service's
transaction rolls the transaction back: the data stays as it was.
"""

from __future__ import annotations

from typing import Any, ClassVar


class DeskError(Exception):
    """Base of every refusal a clerk may see."""

    code: ClassVar[str] = "error"
    zh: ClassVar[str] = "操作未完成。"
    en: ClassVar[str] = "The operation was not completed."
    field: ClassVar[str | None] = None  # the input field this error is about, if any

    def __init__(self, field: str | None = None, **data: Any) -> None:
        self.data = data
        if field is not None:
            self.field = field  # e.g. which catalogue field an InvalidInput is about
        super().__init__(self.message("zh"))

    def message(self, lang: str = "zh") -> str:
        template = self.en if lang == "en" else self.zh
        return template.format(**self.data)


def _error(name: str, code: str, zh: str, en: str, field: str | None = None) -> type[DeskError]:
    return type(name, (DeskError,), {"code": code, "zh": zh, "en": en, "field": field})


# Input
InvalidInput = _error("InvalidInput", "invalid_input", "{what}", "{what_en}")
InvalidIdNumber = _error(
    "InvalidIdNumber", "invalid_id_number",
    "身份证号无效：{reason}。请核对证件后重新输入。",
    "Invalid ID number: {reason_en}. Check the card and type it again.",
    "id_number",
)
IdNumberRegistered = _error(
    "IdNumberRegistered", "duplicate_id_number",
    "该证件号已登记，不能重复登记。请核对证件；如确是同一人，请管理员查找原登记。",
    "This ID number is already registered. Check the card; if it is the same person, ask "
    "an admin to find the existing record.",
    "id_number",
)
# What an admin sees: the other holder's resident number, never their name.
DuplicateIdNumber = type("DuplicateIdNumber", (IdNumberRegistered,), {
    "zh": "该证件号已登记给居民 {resident_no}，不能重复登记。请核对证件或查看该居民。",
    "en": "This ID number is already registered to resident {resident_no}.",
})
InvalidPhone = _error(
    "InvalidPhone", "invalid_phone",
    "手机号应为 11 位数字（以 1 开头），或留空。",
    "A mobile number has 11 digits starting with 1, or leave it empty.",
    "phone",
)
InvalidText = _error(
    "InvalidText", "invalid_text", "{label_zh}{problem_zh}", "{label_en} {problem_en}",
)
InvalidName = type("InvalidName", (InvalidText,), {"code": "invalid_name", "field": "name"})
# Look-ups
ResidentNotFound = _error(
    "ResidentNotFound", "resident_not_found",
    "找不到居民“{query}”。请检查编号或换个方式搜索。",
    "No resident matches “{query}”. Check the number or search another way.",
)
AmbiguousResident = _error(
    "AmbiguousResident", "ambiguous_resident",
    "“{query}”对应 {count} 位居民，请用居民编号或卡号指定一位。",
    "“{query}” matches {count} residents; use a resident number or card code.",
)
ResidentArchived = _error(
    "ResidentArchived", "resident_archived",
    "居民 {name}（{resident_no}）已归档，不能办理业务。",
    "Resident {name} ({resident_no}) is archived.",
)
CardReplaced = _error(
    "CardReplaced", "card_replaced",
    "这张居民卡已作废（已补办新卡）。请使用新卡，或按姓名搜索。",
    "This resident card was replaced by a new one. Use the new card or search by name.",
)
DeedTypeNotFound = _error(
    "DeedTypeNotFound", "deed_type_not_found",
    "积分项目“{code}”不存在或已停用。请从目录中选择。",
    "Deed type “{code}” does not exist or is retired. Pick one from the catalogue.",
    "deed_type",
)
MerchantNotFound = _error(
    "MerchantNotFound", "merchant_not_found",
    "找不到商户“{name}”。请先由管理员添加该商户。",
    "No merchant named “{name}”. Ask an admin to add it first.",
    "merchant",
)
VoucherNotFound = _error(
    "VoucherNotFound", "voucher_not_found",
    "找不到兑换券 {serial}。",
    "No voucher with serial {serial}.",
)
DeedNotFound = _error("DeedNotFound", "deed_not_found", "找不到该积分记录。", "No such deed.")
EntryNotFound = _error(
    "EntryNotFound", "entry_not_found", "找不到流水 {seq}。", "No ledger entry {seq}."
)
ClerkNotFound = _error(
    "ClerkNotFound", "clerk_not_found", "找不到经办人“{username}”。",
    "No clerk named “{username}”.",
)
# Rules
FutureDate = _error(
    "FutureDate", "future_date",
    "日期 {date} 晚于今天，不能登记未来的事项。",
    "The date {date} is in the future.",
    "date",
)
InvalidQuantity = _error(
    "InvalidQuantity", "invalid_quantity",
    "数量/时长须为大于 0 的数，以 {step} 为单位，不超过 {maximum}。",
    "The quantity must be a number above 0, in steps of {step_en}, at most {maximum}.",
    "quantity",
)
CapExceeded = _error(
    "CapExceeded", "cap_exceeded",
    "“{deed}”每{period_zh}最多 {cap} {unit_zh}，{this_period_zh}已登记 {used}，还可登记 {left}。",
    "“{deed}” is capped at {cap} per {period}; {used} already recorded, {left} left.",
    "quantity",
)
TooOld = _error(
    "TooOld", "too_old",
    "日期 {date} 太早：只能登记 {earliest} 及以后的事项（更早的已过结算期）。",
    "The date {date} is too early: deeds from {earliest} on can be recorded.",
    "date",
)
ZeroPoints = _error(
    "ZeroPoints", "zero_points",
    "这个数量折合不到 1 分（按“{deed}”每{unit_zh} {points} 分），请核对数量。",
    "This quantity earns less than one point (“{deed}”: {points} per unit).",
    "quantity",
)
OverrideOutOfBounds = _error(
    "OverrideOutOfBounds", "override_out_of_bounds",
    "调整后的分值须与标准同号，且不超过标准分值 {computed} 的两倍，并写明理由。",
    "An override keeps the sign of the standard {computed} points, at most twice it, "
    "with a reason.",
    "points",
)
InsufficientPoints = _error(
    "InsufficientPoints", "insufficient_points",
    "积分不足：余额 {balance} 分，本次需要 {requested} 分。",
    "Not enough points: balance {balance}, requested {requested}.",
    "points",
)
BelowMinimum = _error(
    "BelowMinimum", "below_minimum",
    "每次兑换不少于 {minimum} 分。",
    "At least {minimum} points per issue.",
    "points",
)
InvalidDenominations = _error(
    "InvalidDenominations", "invalid_denominations",
    "面额须为正整数，且合计等于 {points} 分（现为 {total} 分）。",
    "Denominations must be positive whole numbers adding up to {points} (now {total}).",
    "denominations",
)
ReasonRequired = _error(
    "ReasonRequired", "reason_required",
    "此操作必须填写理由。", "This action needs a reason.", "reason",
)
AlreadyReviewed = _error(
    "AlreadyReviewed", "already_reviewed",
    "该记录已审核（{status}），不能再次审核。",
    "This deed was already reviewed ({status}).",
)
AlreadyReversed = _error(
    "AlreadyReversed", "already_reversed",
    "流水 {seq} 已冲正过，不能重复冲正。",
    "Ledger entry {seq} was already reversed.",
)
NotReversible = _error(
    "NotReversible", "not_reversible",
    "这类流水（{kind}）不能冲正：兑换券请作废，冲正请再冲正。",
    "Entries of kind {kind} cannot be reversed; void the voucher instead.",
)
RequestConflict = _error(
    "RequestConflict", "request_conflict",
    "同一请求编号已用于另一项操作，本次未执行。请重新操作。",
    "This request id was already used for a different operation; nothing was done.",
)
RequestOfAnotherClerk = _error(
    "RequestOfAnotherClerk", "request_of_another_clerk",
    "这个请求编号已被另一位经办人使用，本次未执行。请用新的请求编号重新操作。",
    "This request id belongs to another clerk's operation; nothing was done. Use a new one.",
)
# Vouchers
VoucherRejected = _error(
    "VoucherRejected", "voucher_rejected",
    "兑换券无效：{reason_zh}",
    "Voucher rejected: {reason_en}",
)
VoucherAlreadyResolved = _error(
    "VoucherAlreadyResolved", "voucher_resolved",
    "兑换券 {serial} {what_zh}",
    "Voucher {serial} {what_en}",
)
# Access
NotSignedIn = _error(
    "NotSignedIn", "not_signed_in", "请先登录。", "Please sign in first."
)
PermissionDenied = _error(
    "PermissionDenied", "permission_denied",
    "“{action_zh}”需要管理员权限。请让管理员登录后操作。",
    "“{action}” needs an administrator. Ask an admin to sign in.",
)
BadCredentials = _error(
    "BadCredentials", "bad_credentials",
    "用户名或密码不正确。",
    "Wrong user name or password.",
    "password",
)
AccountLocked = _error(
    "AccountLocked", "account_locked",
    "登录失败次数过多，账号已锁定至 {until}。请稍后再试或联系管理员。",
    "Too many failed sign-ins; the account is locked until {until}.",
    "password",
)
WeakPassword = _error(
    "WeakPassword", "weak_password",
    "密码太弱：{reason_zh}。",
    "The password is too weak: {reason_en}.",
    "password",
)
DuplicateUsername = _error(
    "DuplicateUsername", "duplicate_username",
    "用户名“{username}”已存在。", "The user name “{username}” is taken.", "username",
)
StationSecretMismatch = _error(
    "StationSecretMismatch", "station_secret_mismatch",
    "密钥文件不是本站的（{reason}），不能用于恢复账号。请使用本站数据目录 keys/station.kek。",
    "That secret file is not this station's ({reason_en}); use keys/station.kek of this "
    "station's data directory.",
)
# Station
NotInitialised = _error(
    "NotInitialised", "not_initialised",
    "本站尚未初始化。请先运行 station-desk init 或在首次启动向导中设置。",
    "The station is not set up yet. Run station-desk init or the first-run wizard.",
)
AlreadyInitialised = _error(
    "AlreadyInitialised", "already_initialised",
    "本站已初始化（{code} {name}），不能重复初始化。",
    "The station is already set up ({code} {name}).",
)
InvalidStationCode = _error(
    "InvalidStationCode", "invalid_station_code",
    "站点代码须为 2–8 位大写字母或数字，例如 XH01。",
    "The station code is 2–8 capital letters or digits, e.g. XH01.",
    "station_code",
)
KeyUnavailable = _error(
    "KeyUnavailable", "key_unavailable",
    "无法读取本站签名密钥（{reason}）。兑换券暂不能发放，请联系管理员。",
    "The station signing key cannot be read ({reason}). Vouchers cannot be issued.",
)
DemoNeedsEmptyStation = _error(
    "DemoNeedsEmptyStation", "demo_needs_empty_station",
    "本站已有真实数据（{residents} 位居民，{entries} 条流水），不能载入演示数据："
    "演示券会像真券一样有效。请用 --data-dir 另建一个空的演示站。",
    "This station holds real data ({residents} residents, {entries} ledger entries); demo "
    "vouchers would be genuine. Make an empty demo station with --data-dir instead.",
)
DatabaseBusy = _error(
    "DatabaseBusy", "database_busy",
    "数据库正忙，请稍后重试。", "The database is busy; try again in a moment.",
)
StorageFull = _error(
    "StorageFull", "storage_full",
    "磁盘空间已满，本次操作未保存。请清理磁盘后重试。",
    "The disk is full; nothing was saved. Free some space and try again.",
)
