"""Refusals of the district centre's commands: the database's role, the organisation tree,
the stations' keyrings and the exceptions list."""

from __future__ import annotations

from app.services.errors.base import DeskError


class NotACentre(DeskError):
    code = "not_a_centre"
    zh = "这个数据库不是区中心的（{what}）。请先在区中心的数据库上运行 centre init --name 名称。"
    en = "This database is not a district centre's ({what_en}). Run centre init --name N on " \
         "the centre's database first."
    what: str
    what_en: str


class CentreOnly(DeskError):
    code = "centre_database"
    zh = "这是区中心的数据库（{centre}），不能执行站点命令“{command}”。" \
         "区中心可用：centre …、package import、audit verify 和 check。"
    en = "This is the district centre's database ({centre}); the station command “{command}” " \
         "does not run here. A centre runs centre …, package import, audit verify and check."
    centre: str
    command: str


class StationDatabase(DeskError):
    code = "station_database"
    zh = "这是站点 {station} 的数据库，不能设为区中心。区中心须用一个单独的新数据库" \
         "（通常是 PostgreSQL：--db postgresql://…）。"
    en = "This is station {station}'s database; it cannot become the district centre. Give " \
         "the centre a new database of its own (usually --db postgresql://…)."
    station: str


class CentreExists(DeskError):
    code = "centre_exists"
    zh = "这个数据库已经是区中心“{name}”，不能重复初始化。"
    en = "This database is already the district centre “{name}”."
    name: str


class CentreNoOperatorSignIn(DeskError):
    code = "centre_no_sign_in"
    field = "as"
    zh = "区中心的命令不用 --as：能连上区中心数据库的操作员即有权操作，" \
         "审计日志记下操作系统用户与主机。"
    en = "Centre commands take no --as: whoever can reach the centre's database operates it; " \
         "the audit log records the system user and host."


class InstituteExists(DeskError):
    code = "institute_exists"
    field = "name"
    zh = "实践所“{name}”已经登记。"
    en = "The institute “{name}” is already registered."
    name: str


class InstituteNotFound(DeskError):
    code = "institute_not_found"
    field = "institute"
    zh = "没有登记名为“{name}”的实践所。请先用 centre add-institute 登记。"
    en = "No institute named “{name}”; register it first (centre add-institute)."
    name: str


class MemberStationNotFound(DeskError):
    code = "member_station_not_found"
    field = "station"
    zh = "站点 {station} 没有在区中心登记。请先用 centre add-station 登记。"
    en = "Station {station} is not registered at the centre (centre add-station)."
    station: str


class KeyringInvalid(DeskError):
    code = "keyring_invalid"
    field = "keyring"
    zh = "公钥文件 {path} 无法使用：{reason}。" \
         "请在站点运行 station-desk --json keys export 重新导出。"
    en = "The keyring {path} cannot be used: {reason_en}. Export it again at the station " \
         "(station-desk --json keys export)."
    path: str
    reason: str
    reason_en: str


class KeyringConflict(DeskError):
    code = "keyring_conflict"
    field = "keyring"
    zh = "公钥文件中站点 {station} 的密钥 {key_id} 与中心已登记的不同：" \
         "同一编号不能换成另一把密钥。" \
         "请核实这个文件确实来自该站点。"
    en = "Key {key_id} of station {station} in the keyring differs from the one registered: a " \
         "key id cannot change its key. Check that the file comes from that station."
    station: str
    key_id: str


class MemberKeyNotFound(DeskError):
    code = "member_key_not_found"
    field = "key_id"
    zh = "站点 {station} 没有登记编号为 {key_id} 的密钥。"
    en = "Station {station} has no registered key {key_id}."
    station: str
    key_id: str


class ExceptionNotFound(DeskError):
    code = "exception_not_found"
    field = "id"
    zh = "没有编号为 {ref} 的未处理异常。请用 centre exceptions 查看编号。"
    en = "No open exception {ref}; see centre exceptions for the numbers."
    ref: str


class CatalogueCodeNotFound(DeskError):
    code = "catalogue_code_not_found"
    field = "code"
    zh = "区级积分目录中没有项目“{deed_type}”。请用 centre catalogue list --all 查看代码。"
    en = "The district catalogue has no deed type “{deed_type}”; see centre catalogue list --all."
    deed_type: str


class CatalogueFileInvalid(DeskError):
    code = "catalogue_file_invalid"
    field = "file"
    zh = "目录文件 {path} 有 {count} 处错误，未作任何改动：{problems}"
    en = "The catalogue file {path} has {count} error(s); nothing was changed: {problems_en}"
    path: str
    count: str
    problems: str
    problems_en: str
