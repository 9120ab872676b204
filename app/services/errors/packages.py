"""Refusals of a district package (station → centre, or centre → station): a file that
is not a whole package, was changed, or was signed by a key that does not belong."""

from __future__ import annotations

from app.services.errors.base import DeskError


class PackageDamaged(DeskError):
    code = "package_damaged"
    field = "file"
    zh = "{path} 不是完整的上报包（{detail}）。请重新从站点导出或重新拷贝该文件。"
    en = "{path} is not a whole package ({detail}). Export it again at the station or copy " \
         "it again."
    path: str
    detail: str


class PackageUnsupported(DeskError):
    code = "package_unsupported"
    field = "file"
    zh = "{path} 的格式版本为 {version}，本程序不支持。请把两端的文明实践站前台升级到同一版本。"
    en = "{path} has format version {version}, which this program does not read. Upgrade " \
         "StationDesk at both ends to the same version."
    path: str
    version: str


class PackageTampered(DeskError):
    code = "package_tampered"
    field = "file"
    zh = "{path} 的内容与签名时不一致（{member} 被改动或截断），已拒收。请让站点重新导出。"
    en = "{path} differs from what was signed ({member} was changed or cut short); refused. " \
         "Ask the station to export it again."
    path: str
    member: str


class PackageBadSignature(DeskError):
    code = "package_bad_signature"
    field = "file"
    zh = "{path} 的签名与 {signer} 登记的密钥 {key_id} 不符，已拒收。"
    en = "{path}: the signature does not match key {key_id} registered for {signer}; refused."
    path: str
    signer: str
    key_id: str


class PackageUnknownStation(DeskError):
    code = "package_unknown_station"
    field = "file"
    zh = ("{path} 来自站点 {station}，该站点尚未在中心登记。"
          "请先用 centre add-station 登记它及其公钥。")
    en = "{path} comes from station {station}, which is not registered at the centre. " \
         "Register it and its keyring first (centre add-station)."
    path: str
    station: str


class PackageForeignKey(DeskError):
    code = "package_foreign_key"
    field = "file"
    zh = ("{path} 用密钥 {key_id} 签名，但该密钥不在站点 {station} 登记的公钥中（或已吊销），"
          "已拒收。")
    en = "{path} is signed with key {key_id}, which is not in the keyring registered for " \
         "station {station} (or was revoked); refused."
    path: str
    station: str
    key_id: str


class PackageWrongStation(DeskError):
    code = "package_wrong_station"
    field = "file"
    zh = "{path} 是发给站点 {addressed} 的，本站是 {station}，不能导入。"
    en = "{path} is addressed to station {addressed}; this station is {station}."
    path: str
    addressed: str
    station: str


class NotACentre(DeskError):
    code = "not_a_centre"
    zh = "这个数据库不是区中心的（没有中心记录）：区级报表只在中心的数据库里统计。" \
         "请用 --db 指向中心的数据库，或先运行 centre init。"
    en = "This database is not a district centre's: district reports are counted in the " \
         "centre's database. Point --db at it, or run centre init first."
