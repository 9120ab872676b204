"""Command-line handlers for the station's reports: every figure by its key (``--json``),
or as lines beside the previous period; the workbook and the PDF when asked."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.support import (
    Handlers,
    Invocation,
    Outcome,
    check_outputs,
    parse_date,
    reader,
    written_lines,
)
from app.services.errors import InvalidInput


def _lines(answer: dict) -> str:
    period, before = answer["period"], answer["previous_period"]
    out = [f"{answer['station']} 统计报表 {period['label']}（{period['start']} 至 "
           f"{period['end']}），上期 {before['label']}"]
    if answer["tag"]:
        out.append(f"标签：{answer['tag']}")
    for section in answer["sections"]:
        out.append(f"【{section['title']}】")
        for f in section["figures"]:
            value, previous, change = (
                (f"{v / 100:.2f}" if f["unit"] == "fen" else str(v))
                for v in (f["value"], f["previous"], f["change"]))
            sign = "+" if f["change"] > 0 else ""
            out.append(f"  {f['label']}：{value}（上期 {previous}，{sign}{change}）")
    out += written_lines(answer)
    return "\n".join(out)


def cmd_report(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services.reports import period, report

    check_outputs(args)
    ctx = reader(call)
    if args.action == "range":
        start, end = parse_date(args.start), parse_date(args.end)
        if start is None or end is None:
            raise InvalidInput(what="请给出开始和结束日期。", what_en="Give both dates.")
        chosen = period.date_range(start, end)
    else:
        chosen = period.parse(args.action, args.period)
    made = report.compute(chosen, args.tag)
    answer = made.as_dict()
    if args.xlsx:
        from app.services.reports import xlsx

        xlsx.write_xlsx(made, Path(args.xlsx))
        answer["xlsx"] = args.xlsx
    if args.pdf:
        from app.printing.report import printout

        printout(made, str(ctx.clock.today())).write(Path(args.pdf))
        answer["pdf"] = args.pdf
    return answer, _lines


HANDLERS: Handlers = {("report", action): cmd_report
                      for action in ("month", "quarter", "year", "range")}
