"""The grammar of the station's reports: ``report month|quarter|year PERIOD`` and
``report range --from D --to D``, each with the workbook, the PDF and a tag filter."""

from __future__ import annotations

import argparse

from app.cli.grammar_parts import PDF_OUT
from app.cli.grammar_parts import action_group as _actions
from app.cli.grammar_parts import sub_command as _sub

PERIODS = (("month", "月报", "月份，如 2026-10"), ("quarter", "季报", "季度，如 2026Q3"),
           ("year", "年报", "年份，如 2026"))


def _outputs(s: argparse.ArgumentParser) -> None:
    s.add_argument("--xlsx", default=None, help="写入的 Excel（xlsx）文件：每节一张表，带图表")
    s.add_argument("--pdf", default=None, help=PDF_OUT + "：带图表与站长签字栏")
    s.add_argument("--tag", default=None, metavar="CODE",
                   help="只统计带这个标签的居民（标签代码，如 party_member）")
    # also after the sub-command, as the report's own option; SUPPRESS keeps a --json
    # given before the sub-command
    s.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="以一个 JSON 对象输出每项指标（按键名）")


def add_commands(sub: argparse._SubParsersAction) -> None:
    r = _actions(_sub(sub, "report", "统计报表：月报、季报、年报或任意日期段，每项附上期对比"),
                 "报表期间")
    for name, title, period_help in PERIODS:
        s = _sub(r, name, f"{title}（与上一{title[0]}对比）")
        s.add_argument("period", help=period_help)
        _outputs(s)
    s = _sub(r, "range", "任意日期段（与之前同样天数的日期段对比）")
    s.add_argument("--from", dest="start", required=True, help="开始日期，YYYY-MM-DD")
    s.add_argument("--to", dest="end", required=True, help="结束日期，YYYY-MM-DD（含）")
    _outputs(s)
