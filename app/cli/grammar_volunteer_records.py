"""The grammar of the ``volunteer`` command: a volunteer's record, the 志愿服务记录证明 and
its register, and the export for the national volunteer information system."""

from __future__ import annotations

import argparse

from app.cli.grammar_parts import PDF_OUT, REQUEST_ID, RESIDENT
from app.cli.grammar_parts import action_group as _actions
from app.cli.grammar_parts import sub_command as _sub

DATE = "日期，YYYY-MM-DD"


def _period(s: argparse.ArgumentParser, start: str, end: str) -> None:
    s.add_argument("--from", dest="start", default=None, help=start)
    s.add_argument("--to", dest="end", default=None, help=end)


def add_commands(sub: argparse._SubParsersAction) -> None:
    """The ``volunteer`` sub-command and its actions."""
    vol = _actions(_sub(sub, "volunteer",
                        "志愿者：服务记录、志愿服务记录证明、证明登记簿、全国系统导出"),
                   "志愿者操作")
    s = _sub(vol, "record", "志愿者的服务记录：所在队伍、参加的活动、分年度时长、星级")
    s.add_argument("resident", help=RESIDENT)
    _period(s, "起始" + DATE + "（默认最早）", "截止" + DATE + "（默认最近）")
    s = _sub(vol, "certificate", "出具志愿服务记录证明（编号记入登记簿）并写入 PDF")
    s.add_argument("resident", help=RESIDENT)
    _period(s, "证明期间的起始" + DATE + "（默认首次服务）",
            "证明期间的截止" + DATE + "（默认今天）")
    s.add_argument("--pdf", required=True, help=PDF_OUT)
    s.add_argument("--full-id", action="store_true",
                   help="打印完整证件号（仅管理员，记入审计日志；默认只印部分号码）")
    s.add_argument("--in-charge", default="", metavar="NAME",
                   help="出具单位负责人姓名（默认留空待签）")
    s.add_argument("--handler", default=None, metavar="NAME",
                   help="经办人姓名（默认为当前经办人）")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(vol, "certificates", "志愿服务记录证明登记簿：已出具的证明，新的在前")
    s.add_argument("--year", type=int, default=None, help="只列这一年出具的")
    s = _sub(vol, "export",
             "导出全国志愿服务信息系统用的 Excel 表（仅管理员；含完整证件号和手机号）")
    _period(s, "起始" + DATE, "截止" + DATE)
    s.add_argument("--xlsx", required=True, metavar="FILE",
                   help="写入的 Excel 文件（由管理员指定位置）")
