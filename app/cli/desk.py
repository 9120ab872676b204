"""Command-line handlers for where this data directory runs: ``desk show``, and the
admin's decision about a copy opened elsewhere (``desk moved`` / ``desk second``)."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.support import Handlers, Invocation, Outcome, reader, signed_in

_REASONS = {"first": "首次启用", "moved": "确认搬迁", "second_desk": "设为新前台"}


def _shown(r: dict[str, Any]) -> str:
    if r["shared"]:
        return "本站使用 PostgreSQL 共享数据库：各前台共用一份数据，无需确认位置。"
    lo, hi = r["serial_block"]
    rec, here = r["recorded"], r["here"]
    lines = [f"{r['desk_no']} 号前台，兑换券编号 {lo:06d}–{hi:06d}"]
    if rec:
        lines.append(f"登记位置：{rec['location']}（电脑 {rec['machine']}，"
                     f"{_REASONS.get(rec['reason'], rec['reason'])} {rec['at']}"
                     f"{' ' + rec['clerk'] if rec['clerk'] else ''}）")
    lines.append(f"当前位置：{here['location']}（电脑 {here['machine']}）")
    if not r["confirmed"]:
        lines.append("位置与登记不符，写入已暂停：搬到了这台电脑请运行 station-desk --as ADMIN "
                     "desk moved；作为第二个前台请运行 station-desk --as ADMIN desk second。")
    return "\n".join(lines)


def cmd_desk_show(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import placement

    reader(call)
    return (placement.status().__dict__, _shown)


def cmd_desk_moved(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import placement

    desk_no = placement.confirm_moved(signed_in(args, call))
    return ({"desk_no": desk_no},
            lambda r: f"已确认：本数据目录搬到了这台电脑，继续作为 {r['desk_no']} 号前台。")


def cmd_desk_second(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import placement

    desk_no = placement.become_second_desk(signed_in(args, call), args.desk_number)
    lo, hi = placement.serial_block()
    return ({"desk_no": desk_no, "serial_block": [lo, hi]},
            lambda r: f"本数据目录现为 {r['desk_no']} 号前台，兑换券编号 {lo}–{hi}。"
                      "两个前台的数据各自独立：此前发放的券两边都能核销，请只在一处核销；"
                      "多个前台请改用 PostgreSQL 共享数据库（见 README）。")


HANDLERS: Handlers = {
    ("desk", "show"): cmd_desk_show,
    ("desk", "moved"): cmd_desk_moved,
    ("desk", "second"): cmd_desk_second,
}
