"""Command-line handler of the district's deed catalogue at the centre (``centre catalogue
…``; grammar in ``app.cli.grammar_centre_catalogue``). Like every centre command it takes
no ``--as``: the operator is audited by system user and host."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from app.cli.support import Handlers, Invocation, Outcome, operator

_FIELDS = ("name_zh", "name_en", "category", "points", "unit", "tag", "note")


def _type_line(t: dict[str, Any]) -> str:
    cap = f"，上限 {t['cap_quantity']}/{t['cap_period']}" if t["cap_quantity"] else ""
    return (f"{t['code']:<24} {t['points']:>+5} 分/{t['unit']:<9} {t['category']:<12} "
            f"{t['name_zh']}{cap}{'，需复核' if t['needs_review'] else ''}"
            f"{'' if t['active'] else '（已停用）'}")


def _changes(args: argparse.Namespace) -> dict[str, object]:
    changes: dict[str, object] = {f: getattr(args, f) for f in _FIELDS
                                  if getattr(args, f) is not None}
    if args.needs_review is not None:
        changes["needs_review"] = args.needs_review == "yes"
    if args.no_cap:
        changes.update(cap_quantity=None, cap_period=None)
    for name in ("cap", "cap_period"):
        if getattr(args, name) is not None:
            changes["cap_quantity" if name == "cap" else name] = getattr(args, name)
    return changes


def cmd_catalogue(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import centre_catalogue

    ctx = operator(args, call)
    if args.step == "list":
        rows = [dataclasses.asdict(t) for t in centre_catalogue.listed(args.all)]
        return ({"types": rows},
                lambda r: "\n".join(map(_type_line, r["types"])) or "积分目录是空的。")
    if args.step == "import":
        done = centre_catalogue.import_csv(ctx, Path(args.file))
        return (dataclasses.asdict(done), _imported_lines)
    if args.step == "set":
        saved = centre_catalogue.save(ctx, args.code, _changes(args))
    else:
        saved = centre_catalogue.set_active(ctx, args.code, args.step == "restore")
    head = {"set": "已保存", "retire": "已停用", "restore": "已恢复"}[args.step]
    return ({"type": dataclasses.asdict(saved)},
            lambda r: f"{head}：{_type_line(r['type'])}\n随各站下一个下发包生效"
                      "（centre package-for 站点 --to 文件）。")


def _imported_lines(r: dict[str, Any]) -> str:
    lines = [f"已从 {r['path']} 导入积分目录：新增 {len(r['added'])} 项，"
             f"修改 {len(r['changed'])} 项，未变 {r['unchanged']} 项。"]
    if r["added"]:
        lines.append("新增：" + "、".join(r["added"]))
    if r["changed"]:
        lines.append("修改：" + "、".join(r["changed"]))
    if r["not_in_file"]:
        lines.append(f"文件中没有的 {len(r['not_in_file'])} 项保持原样"
                     "（如需停用，请用 centre catalogue retire 代码）。")
    return "\n".join(lines)


HANDLERS: Handlers = {("centre", "catalogue"): cmd_catalogue}
