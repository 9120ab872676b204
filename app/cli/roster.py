"""Command-line handler for ``resident import``: a roster brought in from Excel, WPS or
CSV, every row reported (``--json``: ``imported``, ``refused`` and each row's ``row``,
``name``, ``status`` and ``reason``)."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from app.cli.support import Handlers, Invocation, Outcome, check_writable, signed_in
from app.services.errors import InvalidInput


def _overrides(columns: list[str]) -> dict[str, str]:
    pairs = {}
    for given in columns:
        header, sep, field = given.rpartition("=")
        if not sep or not header.strip() or not field.strip():
            raise InvalidInput(what="--column 应写成 表头=字段，如 身份证号码=id_number"
                                    f"（现为“{given}”）。",
                               what_en=f"--column takes HEADER=FIELD, e.g. 身份证号码=id_number "
                                       f"(got “{given}”).", field="column")
        pairs[header.strip()] = field.strip()
    return pairs


def _lines(result: dict[str, Any]) -> str:
    head = "试导入（未写入）：" if result["dry_run"] else "已完成导入："
    if result["replayed"]:
        head = "此请求已执行过，结果如下："
    lines = [f"{head}导入 {result['imported']} 人，已存在 {result['existing']} 人，"
             f"未导入 {result['refused']} 行，跳过 {result['skipped']} 行；"
             f"新建 {result['households']} 户。用时 {result['seconds']} 秒。"]
    lines += [f"  第 {r['row']} 行 {r['name'] or '（无姓名）'}：{r['reason']}"
              for r in result["rows"] if r["status"] == "refused"]
    if result["report"]:
        lines.append(f"每行结果见 {result['report']}")
    return "\n".join(lines)


def cmd_resident_import(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import roster_import, roster_report

    ctx = signed_in(args, call, personal=True)
    if args.report:
        check_writable(args.report)
    roster = roster_import.load(args.file, overrides=_overrides(args.column))
    result = roster_import.run(ctx, roster, dry_run=args.dry_run, request_id=args.request_id)
    if args.report and result.rows:
        roster_report.write(result, args.report)
    answer = {k: v for k, v in dataclasses.asdict(result).items() if k != "rows"}
    answer["rows"] = [dataclasses.asdict(r) for r in result.rows]
    answer["report"] = args.report if args.report and result.rows else None
    return answer, _lines


HANDLERS: Handlers = {("resident", "import"): cmd_resident_import}
