"""Command-line handler of the district report: the district's figures, each institute's
and each station's with its last package, as console tables or one JSON object; the
workbook and the PDF when asked."""

from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path

from app.cli.support import (
    Handlers,
    Invocation,
    Outcome,
    check_outputs,
    parse_date,
    written_lines,
)

# The figures the console shows for every station and institute (all of them: --json)
COLUMNS = (("activities", "场次"), ("volunteers.person_times", "志愿人次"),
           ("volunteers.hours", "时长"), ("awarded.points", "加分"), ("deducted.points", "扣分"),
           ("vouchers.issued.points", "发券分值"), ("vouchers.redeemed.points", "核销分值"),
           ("store.sales.points", "超市分值"))


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


def _table(head: list[str], rows: list[list[str]], left: int) -> list[str]:
    """Rows under ``head``, columns as wide as their widest cell; the first ``left``
    columns flush left, the numbers flush right."""
    widths = [max(_width(r[n]) for r in [head, *rows]) for n in range(len(head))]
    return ["  ".join(_pad(cell, widths[n], n >= left) for n, cell in enumerate(row)).rstrip()
            for row in [head, *rows]]


def _number(value: float, key: str) -> str:
    return f"{value:,.1f}" if key == "volunteers.hours" else f"{value:,}"


def _state(unit: dict) -> str:
    if unit["last_exported_at"] is None:
        return "从未上报"
    late = unit["days_behind"]
    return unit["last_exported_at"][:10] + (f" 落后{late}天" if late else " 已报齐")


def _lines(answer: dict) -> str:
    p, whole = answer["period"], answer["totals"]
    days = f"{p['start']} 至 {p['end']}"
    shown = days if p["kind"] == "range" else f"{p['label']}（{days}）"
    out = [f"{whole['name']} 区级报表 {shown}，{whole['stations']} 个站点，"
           f"{whole['behind']} 个上报落后"]
    labels = [label for _, label in COLUMNS]
    out.append("【全区与各实践所】")
    units = [*answer["institutes"], {**whole, "name": "合计" if answer["institute"] else
                                     "全区合计"}]
    out += _table(["实践所", "站点", "落后", *labels],
                  [[u["name"], str(u["stations"]), str(u["behind"]),
                    *(_number(u["figures"][k], k) for k, _ in COLUMNS)] for u in units], 1)
    out.append("【各站点】")
    out += _table(["站点", "实践所", "最近上报", *labels],
                  [[f"{u['code']} {u['name']}", u["institute"], _state(u),
                    *(_number(u["figures"][k], k) for k, _ in COLUMNS)]
                   for u in answer["stations"]], 3)
    out.append("全部指标见 --json、--xlsx 或 --pdf。")
    out += written_lines(answer)
    return "\n".join(out)


def cmd_centre_report(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import district_report

    check_outputs(args)
    chosen = district_report.parse_period(args.period, parse_date(args.start),
                                          parse_date(args.end))
    made = district_report.compute(chosen, call.context.clock.today(), args.institute)
    answer = made.as_dict()
    if args.xlsx:
        from app.services.district_report_xlsx import write_xlsx

        write_xlsx(made, Path(args.xlsx))
        answer["xlsx"] = args.xlsx
    if args.pdf:
        from app.printing.district_report import printout

        printout(made).write(Path(args.pdf))
        answer["pdf"] = args.pdf
    return answer, _lines


HANDLERS: Handlers = {("centre", "report"): cmd_centre_report}
