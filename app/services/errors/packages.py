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


class PackageKeyRevoked(DeskError):
    code = "package_key_revoked"
    field = "file"
    zh = "{path} 用站点 {station} 的密钥 {key_id} 签名，该密钥在 {revoked_at} 已吊销，" \
         "而包写于 {exported_at}，已拒收。"
    en = "{path} is signed with key {key_id} of station {station}, revoked at {revoked_at}, " \
         "before the package was written ({exported_at}); refused."
    path: str
    station: str
    key_id: str
    revoked_at: str
    exported_at: str


class PackageStationMismatch(DeskError):
    code = "package_station_mismatch"
    field = "file"
    zh = "{path} 自称来自站点 {claimed}，却是用站点 {signer} 的密钥签名的，已拒收。"
    en = "{path} claims to come from station {claimed} but was signed with a key of station " \
         "{signer}; refused."
    path: str
    claimed: str
    signer: str


class PackageNotForCentre(DeskError):
    code = "package_not_for_centre"
    field = "file"
    zh = "{path} 不是站点发往中心的上报包（{detail}），不能在中心导入。"
    en = "{path} is not a station's package for the centre ({detail_en}); it cannot be " \
         "imported here."
    path: str
    detail: str
    detail_en: str


# --- at the station: exporting for the centre and applying what it sends back ---------


class PackageExportClash(DeskError):
    code = "package_export_clash"
    field = "file"
    zh = "另一台前台刚刚导出了第 {seq} 号上报包；本次导出的文件已删除，未作任何改动。请重新导出。"
    en = "Another desk has just exported package {seq}; this export's file was removed and " \
         "nothing changed. Export again."
    seq: str


class PackageWrongDirection(DeskError):
    code = "package_wrong_direction"
    field = "file"
    zh = "{path} 不是区中心发给站点的包（是{direction}），不能在站点导入。"
    en = "{path} is not a package from the centre to a station ({direction}); it cannot be " \
         "applied at a station."
    path: str
    direction: str


class CentreKeyUntrusted(DeskError):
    code = "centre_key_untrusted"
    field = "file"
    zh = ("本站第一次导入区中心的包：中心公钥指纹为 {fingerprint}。请与区中心电话核对此指纹，"
          "无误后加 --trust \"{fingerprint}\" 再导入（此后只认这把公钥）。未作任何改动。")
    en = "The first package from the centre: its key's fingerprint is {fingerprint}. Check " \
         "it with the centre by phone, then apply again with --trust \"{fingerprint}\" " \
         "(only this key is accepted from then on). Nothing changed."
    fingerprint: str


class CentreKeyChanged(DeskError):
    code = "centre_key_changed"
    field = "file"
    zh = ("{path} 的签名公钥（指纹 {fingerprint}）不是本站认定的区中心公钥（指纹 {pinned}），"
          "已拒收，未作任何改动。请联系区中心。")
    en = "{path} is signed with a key (fingerprint {fingerprint}) that is not the centre's " \
         "key this station trusts ({pinned}); refused, nothing changed. Contact the centre."
    path: str
    fingerprint: str
    pinned: str


class CentrePackageStale(DeskError):
    code = "centre_package_stale"
    field = "file"
    zh = "{path} 是区中心的第 {seq} 号包，本站已导入到第 {last} 号：{why}。未作任何改动。"
    en = "{path} is the centre's package {seq}; this station has applied up to {last}: " \
         "{why_en}. Nothing changed."
    path: str
    seq: str
    last: str
    why: str
    why_en: str
