"""Command-line handlers for the station's tag list and for exports to xlsx. Their
arguments are declared in ``app.cli.grammar_tags_export``."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from app.cli.support import Handlers, Invocation, Outcome, parse_date, reader, signed_in


def _tag_lines(r: dict) -> str:
    lines = [f"{t['code']:<20} {t['name']}  {t['residents']} 人"
             + ("  （已停用）" if t["retired"] else "") for t in r["tags"]]
    return "\n".join(lines) or "（没有标签）"


def cmd_tag_list(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import tags

    reader(call)
    listed = [{**dataclasses.asdict(t), "residents": tags.count_with(t.code)}
              for t in tags.list_tags(include_retired=not args.active)]
    return {"tags": listed}, _tag_lines


def _tag(view: object, said: str) -> Outcome:
    shown = dataclasses.asdict(view)
    return shown, lambda r: f"{said}标签 {r['name']}（代码 {r['code']}）"


def cmd_tag_add(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import tags

    view = tags.add_tag(signed_in(args, call), args.name, args.en, request_id=args.request_id)
    return _tag(view, "已添加")


def cmd_tag_rename(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import tags

    view = tags.rename_tag(signed_in(args, call), args.name, args.new_name, args.en,
                           request_id=args.request_id)
    return _tag(view, "已改名为")


def cmd_tag_retire(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import tags

    view = tags.retire_tag(signed_in(args, call), args.name, request_id=args.request_id)
    return _tag(view, "已停用")


def _export(kind: str, args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import exports

    ctx = signed_in(args, call, personal=True)
    done = exports.export(ctx, kind, Path(args.xlsx), full=getattr(args, "full", False),
                          start=parse_date(getattr(args, "start", None)),
                          end=parse_date(getattr(args, "end", None)),
                          tag=getattr(args, "tag", None))
    return (dataclasses.asdict(done),
            lambda r: f"已导出 {r['rows']} 行到 {r['path']}"
                      + ("（完整证件号和手机号，已记入审计日志）" if r["full"] else ""))


HANDLERS: Handlers = {
    ("tag", "list"): cmd_tag_list,
    ("tag", "add"): cmd_tag_add,
    ("tag", "rename"): cmd_tag_rename,
    ("tag", "retire"): cmd_tag_retire,
    ("resident", "export"): lambda args, call: _export("residents", args, call),
    ("ledger", "export"): lambda args, call: _export("ledger", args, call),
    ("activity", "export"): lambda args, call: _export("activities", args, call),
    ("voucher", "export"): lambda args, call: _export("vouchers", args, call),
}
