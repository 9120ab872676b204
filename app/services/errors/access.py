"""Refusals about who may act, the station's set-up and keys, and the storage."""

from __future__ import annotations

from app.services.errors.base import DeskError


class NotSignedIn(DeskError):
    code = "not_signed_in"
    zh = "请先登录。"
    en = "Please sign in first."


class PermissionDenied(DeskError):
    code = "permission_denied"
    zh = "“{action_zh}”需要管理员权限。请让管理员登录后操作。"
    en = "“{action}” needs an administrator. Ask an admin to sign in."
    action: str
    action_zh: str


class BadCredentials(DeskError):
    code = "bad_credentials"
    field = "password"
    zh = "用户名或密码不正确。"
    en = "Wrong user name or password."


class AccountLocked(DeskError):
    code = "account_locked"
    field = "password"
    zh = "登录失败次数过多，账号已锁定至 {until}。请稍后再试或联系管理员。"
    en = "Too many failed sign-ins; the account is locked until {until}."
    until: str


class WeakPassword(DeskError):
    code = "weak_password"
    field = "password"
    zh = "密码太弱：{reason_zh}。"
    en = "The password is too weak: {reason_en}."
    reason_zh: str
    reason_en: str


class DuplicateUsername(DeskError):
    code = "duplicate_username"
    field = "username"
    zh = "用户名“{username}”已存在。"
    en = "The user name “{username}” is taken."
    username: str


class StationSecretMismatch(DeskError):
    code = "station_secret_mismatch"
    zh = "密钥文件不是本站的（{reason}），不能用于恢复账号。请使用本站数据目录 keys/station.kek。"
    en = ("That secret file is not this station's ({reason_en}); use keys/station.kek of this "
          "station's data directory.")
    reason: str
    reason_en: str


class NotInitialised(DeskError):
    code = "not_initialised"
    zh = "本站尚未初始化。请先运行 station-desk init 或在首次启动向导中设置。"
    en = "The station is not set up yet. Run station-desk init or the first-run wizard."


class AlreadyInitialised(DeskError):
    code = "already_initialised"
    zh = "本站已初始化（{station_code} {name}），不能重复初始化。"
    en = "The station is already set up ({station_code} {name})."
    station_code: str
    name: str


class InvalidStationCode(DeskError):
    code = "invalid_station_code"
    field = "station_code"
    zh = "站点代码须为 2–8 位大写字母或数字，例如 XH01。"
    en = "The station code is 2–8 capital letters or digits, e.g. XH01."


class KeyUnavailable(DeskError):
    code = "key_unavailable"
    zh = "无法读取本站签名密钥（{reason}）。兑换券暂不能发放，请联系管理员。"
    en = "The station signing key cannot be read ({reason}). Vouchers cannot be issued."
    reason: str


class DemoNeedsEmptyStation(DeskError):
    code = "demo_needs_empty_station"
    zh = ("本站已有真实数据（{residents} 位居民，{entries} 条流水），不能载入演示数据："
          "演示券会像真券一样有效。请用 --data-dir 另建一个空的演示站。")
    en = ("This station holds real data ({residents} residents, {entries} ledger entries); "
          "demo vouchers would be genuine. Make an empty demo station with --data-dir instead.")
    residents: int
    entries: int


class NotADemoStation(DeskError):
    code = "not_a_demo_station"
    zh = "本站没有载入演示数据，不能清除：它的记录都是真实的。"
    en = "This station holds no demo data: its records are real and are not cleared."


class FreshStartUnavailable(DeskError):
    code = "fresh_start_unavailable"
    zh = "{reason}"
    en = "{reason_en}"
    reason: str
    reason_en: str


class DatabaseBusy(DeskError):
    code = "database_busy"
    zh = "数据库正忙，请稍后重试。"
    en = "The database is busy; try again in a moment."


class StorageFull(DeskError):
    code = "storage_full"
    zh = "磁盘空间已满，本次操作未保存。请清理磁盘后重试。"
    en = "The disk is full; nothing was saved. Free some space and try again."
