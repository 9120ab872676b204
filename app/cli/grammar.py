"""The command line's grammar: every sub-command and option, each with its help line.

The command line speaks Chinese, like the desk: ``station-desk --help`` and the help
of every sub-command say what it does; argparse's own words (usage, options …) come
from ``app.cli.argparse_words``. The names of commands and options are a contract that
scripts rely on (see DESIGN.md).
"""

from __future__ import annotations

import argparse

from app.cli import (
    grammar_centre,
    grammar_centre_report,
    grammar_closeout,
    grammar_honours,
    grammar_notice,
    grammar_package,
    grammar_report,
    grammar_requests,
    grammar_rooms,
    grammar_roster,
    grammar_settlement,
    grammar_store,
    grammar_tags_export,
    grammar_volunteer_records,
    grammar_volunteers,
)
from app.cli.grammar_parts import PDF_OUT, REQUEST_ID, RESIDENT, Parser
from app.cli.grammar_parts import action_group as _actions
from app.cli.grammar_parts import sub_command as _sub
from app.cli.support import BACKUP_PASSWORD_ENV, NEW_PASSWORD_ENV
from app.services.purposes import PURPOSES
from app.services.text import whole_number


class ShowVersion(argparse.Action):
    """``--version``: prints ``station-desk <version>`` and exits. The version is found
    only here, when asked for, not each time the grammar is built (every start)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS,
                 help: str | None = None) -> None:  # noqa: A002 - argparse's own
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        import app

        print(f"station-desk {app.__version__}")
        parser.exit()


def _positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise ValueError(text)
    return value


def _roll_width(text: str) -> int:
    """A receipt printer's printable width: one the receipt layout is made for."""
    from app.printing import ROLL_WIDTHS
    from app.services.errors import InvalidInput

    widths = "、".join(map(str, ROLL_WIDTHS))
    if not text.isascii() or not text.isdigit() or int(text) not in ROLL_WIDTHS:
        raise InvalidInput(what=f"--thermal 应为小票打印机的可打印宽度（点）：{widths}。",
                           what_en=f"--thermal takes a receipt width in dots: {widths}.")
    return int(text)


def parser() -> argparse.ArgumentParser:
    p = Parser(prog="station-desk",
               description="文明实践站前台 StationDesk：不带子命令时打开前台窗口。",
               epilog="退出码：0 完成；1 结果为否（检查发现问题、券不可核销）；"
                      "2 拒绝，未做任何更改；3 内部错误（见日志参考号）；"
                      "4 兑换券已发放但未打印，输出列出券号与令牌，"
                      "请用 voucher reprint 补打，切勿重新发放。")
    p.add_argument("--data-dir", help="数据目录（数据库、密钥、备份、日志）")
    p.add_argument("--db", help="数据库：SQLite 文件路径或 postgresql://… 地址")
    p.add_argument("--json", action="store_true", help="以一个 JSON 对象输出结果")
    p.add_argument("--as", dest="as_user", metavar="USER",
                   help="以该经办人身份执行（写操作和查看个人信息时必需；密码取自 "
                        "STATION_DESK_PASSWORD 或提示输入）")
    p.add_argument("--version", action=ShowVersion, help="显示版本号并退出")
    sub = p.add_subparsers(dest="command", metavar="子命令", title="子命令")

    s = _sub(sub, "init", "初始化本站：站点、签名密钥和第一位管理员")
    s.add_argument("--station-code", required=True, help="站点代码，2–8 位大写字母或数字，如 XH01")
    s.add_argument("--station-name", required=True, help="站点名称")
    s.add_argument("--admin", required=True, help="管理员用户名（密码取自 --as 的密码来源）")
    s.add_argument("--admin-name", default="", help="管理员姓名")

    s = _sub(sub, "demo",
             "生成演示数据（仅用于空站点）；demo clear 清除演示数据并正式启用（管理员）")
    s.add_argument("action", nargs="?", choices=["clear"],
                   help="clear：把演示数据库另存到数据目录的 demo-… 文件夹，换上一个空的正式数据库"
                        "（保留站点设置、积分目录和经办人账号）")
    s.add_argument("--residents", type=int, default=200, help="居民人数（默认 200）")
    s.add_argument("--seed", type=int, default=1, help="随机种子：同一种子生成同样的数据")
    s.add_argument("--activity", type=float, default=1.0,
                   help="每位居民的事迹数量倍数（1：约 10 条）")

    res = _actions(_sub(sub, "resident", "居民：登记、查找、户、居民卡"), "居民操作")
    s = _sub(res, "add", "登记新居民")
    s.add_argument("--name", required=True, help="姓名")
    s.add_argument("--id-number", default="", help="证件号码（身份证 18 位，旧 15 位自动转换）")
    s.add_argument("--id-type", default="cn_id", choices=["cn_id", "other", "none"],
                   help="证件类型：cn_id 居民身份证，other 其他证件，none 无证件（默认 cn_id）")
    s.add_argument("--phone", default="", help="手机号")
    s.add_argument("--address", default="", help="住址")
    s.add_argument("--grid", default="", help="所属网格")
    s.add_argument("--tag", action="append", default=[], help="标签（可重复），如 志愿者、党员")
    s.add_argument("--household", type=int, default=None, help="户编号（见 resident household）")
    s = _sub(res, "household", "新建一户，或查看一户的成员与合计积分")
    s.add_argument("--name", default=None, help="新建一户，以此命名（通常用户主姓名）")
    s.add_argument("--show", type=int, default=None, help="查看这一户（户编号）")
    s = _sub(res, "find", "查找居民（管理员另见卡号）")
    s.add_argument("query", help="姓名、拼音或首字母、居民编号、手机号或证件号后几位、卡号")
    s.add_argument("--limit", type=_positive, default=20, help="最多显示几人（默认 20）")
    s = _sub(res, "cards", "把居民卡写入 PDF，供打印")
    s.add_argument("--grid", default=None, help="只印这个网格的居民")
    s.add_argument("residents", nargs="*", help="只印这些居民（默认所有持卡居民）")
    s.add_argument("--pdf", required=True, help=PDF_OUT)
    s = _sub(res, "reissue-card", "补发居民卡：旧卡号随即作废")
    s.add_argument("resident", help=RESIDENT)
    grammar_roster.add_commands(res)

    deed = _actions(_sub(sub, "deed", "积分项目与登记"), "积分操作")
    _sub(deed, "types", "列出积分目录（项目代码、分值、单位、名称）")
    s = _sub(deed, "record", "为居民登记一项积分")
    s.add_argument("resident", help=RESIDENT)
    s.add_argument("type", help="项目代码，见 deed types")
    s.add_argument("--quantity", default="1", help="数量：小时、次数等，可带一位小数（默认 1）")
    s.add_argument("--date", default=None, help="事迹日期，如 2026-11-23（默认今天）")
    s.add_argument("--note", default="", help="备注")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)

    s = _sub(sub, "balance", "余额与最近流水")
    s.add_argument("resident", help=RESIDENT)
    s.add_argument("--limit", type=_positive, default=10, help="显示最近几条流水（默认 10）")

    s = _sub(sub, "statement", "积分存折页：一段时间的流水写入 PDF")
    s.add_argument("resident", help=RESIDENT)
    s.add_argument("--from", dest="start", default=None, help="起始日期，如 2026-01-01")
    s.add_argument("--to", dest="end", default=None, help="结束日期（默认今天）")
    s.add_argument("--pdf", required=True, help=PDF_OUT)

    s = _sub(sub, "checkin", "登记居民来站签到")
    s.add_argument("resident", help=RESIDENT)
    s.add_argument("--purpose", default="consult", choices=list(PURPOSES),
                   help="来站事由：" + "，".join(f"{code} {name}"
                                             for code, name in PURPOSES.items())
                   + "（默认 consult）")

    v = _actions(_sub(sub, "voucher", "兑换券：发放、核验、核销、作废、补打"), "兑换券操作")
    s = _sub(v, "issue", "把居民的积分换成兑换券（同时扣分）")
    s.add_argument("resident", help=RESIDENT)
    # whole_number, not int(): int() would read any script's digits.
    s.add_argument("points", type=whole_number, help="兑换的积分数")
    s.add_argument("--merchant", default=None, help="限这家商户使用（默认通用）")
    s.add_argument("--store", action="store_true", help="限本站积分超市")
    s.add_argument("--denominations", default=None, help="各张面值，如 20,20,10")
    s.add_argument("--pdf", default=None, help="把兑换券写入这个 PDF 文件，供打印")
    s.add_argument("--thermal", type=_roll_width, default=None, metavar="DOTS",
                   help="小票打印机宽度（点），需与 --pdf 同用")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(v, "verify", "核验兑换券：真券且此刻可核销时退出码为 0")
    s.add_argument("token", help="扫描得到的兑换券二维码内容")
    s.add_argument("--merchant", default=None, help="在这家商户核验（默认本站积分超市）")
    s = _sub(v, "redeem", "核销兑换券（每张只能核销一次）")
    s.add_argument("token", help="扫描得到的兑换券二维码内容")
    s.add_argument("--merchant", default=None, help="核销地点：商户名称（默认本站积分超市）")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(v, "void", "作废未使用的兑换券，积分退回持有人（管理员）")
    s.add_argument("serial", help="券号，如 XH01-2026-000123")
    s.add_argument("--reason", required=True, help="作废理由")
    _sub(v, "expire", "结清已过有效期、仍未使用的兑换券（不退分）")
    s = _sub(v, "reprint", "把未使用的兑换券再次写入 PDF（打印失败时）")
    s.add_argument("serials", nargs="+", help="券号（可多个，须属于同一位居民）")
    s.add_argument("--pdf", required=True, help=PDF_OUT)

    s = _actions(_sub(sub, "points", "积分：年终清零与撤销"), "积分操作")
    e = _sub(s, "expire", "年终清零（按本站清零规则）")
    e.add_argument("--cutoff", default=None, help="清零截止日，默认上一年 12 月 31 日")
    e = _sub(s, "unexpire", "撤销最近一次年终清零（误操作时）")
    e.add_argument("--cutoff", required=True, help="要撤销的那次清零的截止日")
    e.add_argument("--reason", required=True, help="撤销理由")

    grammar_settlement.add_commands(sub)
    grammar_report.add_commands(sub)

    s = _actions(_sub(sub, "clerk", "经办人账号"), "经办人操作")
    _sub(s, "list", "列出经办人")
    c = _sub(s, "add", f"新增经办人（管理员；新密码取自 {NEW_PASSWORD_ENV} 或提示输入）")
    c.add_argument("username", help="用户名：2–32 位字母、数字或 _ . -")
    c.add_argument("--name", default="", help="姓名")
    c.add_argument("--role", default="clerk", choices=["clerk", "admin"],
                   help="角色：clerk 经办人，admin 管理员（默认 clerk）")
    c = _sub(s, "recover", f"凭本站密钥文件解锁账号并设新密码（取自 {NEW_PASSWORD_ENV}）")
    c.add_argument("username", help="要解锁的用户名")
    c.add_argument("--kek-file", default=None, help="本站密钥文件，默认为数据目录 keys/station.kek")

    _sub(sub, "check", "完整性与账目不变量检查：发现问题时退出码为 1")
    s = _actions(_sub(sub, "audit", "审计日志"), "审计操作")
    a = _sub(s, "verify", "核对审计日志的哈希链与封印")
    a.add_argument("--anchor", default=None, help="此前记下的链头哈希：确认日志从那以后未被改写")
    s = _actions(_sub(sub, "keys", "签名密钥"), "密钥操作")
    _sub(s, "export", "导出公钥环，供核验方使用")
    _sub(s, "rotate", "启用新的签名密钥（旧券在有效期内仍有效）")
    k = _sub(s, "revoke", "吊销签名密钥：它签发的券随即失效")
    k.add_argument("key_id", type=int, help="密钥编号")
    k.add_argument("--reason", required=True, help="吊销理由")
    k.add_argument("--refund", action="store_true",
                   help="同时作废该密钥签发、仍未使用的兑换券并退回积分")

    s = _actions(_sub(sub, "desk", "本数据目录所在的电脑与前台编号"), "前台操作")
    _sub(s, "show", "登记的位置、前台编号与兑换券编号段")
    _sub(s, "moved", "确认数据目录搬到了这台电脑（管理员）")
    d = _sub(s, "second", "把这份复制的数据设为另一个前台（管理员）")
    d.add_argument("--desk-number", type=int, default=None, help="前台编号，默认下一个")

    grammar_volunteers.add_commands(sub)
    grammar_volunteer_records.add_commands(sub)
    grammar_rooms.add_commands(sub)
    grammar_requests.add_commands(sub)
    grammar_closeout.add_commands(sub)
    grammar_store.add_commands(sub)
    grammar_honours.add_commands(sub)
    grammar_tags_export.add_commands(sub)
    grammar_notice.add_commands(sub)
    grammar_centre_report.add_report(grammar_centre.add_commands(sub))
    grammar_centre.add_package_import(grammar_package.add_commands(sub))

    s = _sub(sub, "backup", "备份本站数据（并校验备份）")
    s.add_argument("--to", default=None,
                   help="备份到这个文件（如 U 盘上）；默认数据目录的备份文件夹")
    s.add_argument("--encrypt", action="store_true",
                   help=f"加密（带出本机时），密码取自 {BACKUP_PASSWORD_ENV} 或提示输入")
    s = _sub(sub, "restore", "从备份恢复（管理员；窗口须关闭）")
    s.add_argument("file", help="备份文件")
    return p
