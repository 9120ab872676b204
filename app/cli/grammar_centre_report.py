"""The grammar of the district report at the centre: ``centre report PERIOD`` (a month
2026-10, a quarter 2026Q3 or a year 2026, or ``--from D --to D``), for the district or one
institute, on the console, as JSON, as a workbook and as a PDF."""

from __future__ import annotations

import argparse

from app.cli.grammar_parts import PDF_OUT
from app.cli.grammar_parts import sub_command as _sub


def add_report(actions: argparse._SubParsersAction) -> None:
    """``report`` under the ``centre`` command's actions."""
    s = _sub(actions, "report", "区级报表：各站点、各实践所与全区的统计，附各站最近上报与落后天数")
    s.add_argument("period", nargs="?", default=None,
                   help="期间：月 2026-10、季度 2026Q3 或年 2026（或用 --from 与 --to）")
    s.add_argument("--from", dest="start", default=None, help="日期段的开始日期，YYYY-MM-DD")
    s.add_argument("--to", dest="end", default=None, help="日期段的结束日期，YYYY-MM-DD（含）")
    s.add_argument("--institute", default=None, metavar="NAME", help="只统计这个实践所的站点")
    s.add_argument("--xlsx", default=None,
                   help="写入的 Excel（xlsx）文件：中心、实践所、站点各一张表，带合计行")
    s.add_argument("--pdf", default=None, help=PDF_OUT + "：全区与各实践所的指标、各站上报进度")
    # also after the sub-command, as the report's own option; SUPPRESS keeps a --json
    # given before the sub-command
    s.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="以一个 JSON 对象输出每个站点、实践所与全区的每项指标")

