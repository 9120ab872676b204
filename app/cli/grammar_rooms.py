"""The grammar of the room commands: the station's rooms, booking one for an activity, a
team or a partner unit, cancelling, and the week's bookings."""

from __future__ import annotations

import argparse

from app.cli.grammar_parts import REQUEST_ID
from app.cli.grammar_parts import action_group as _actions
from app.cli.grammar_parts import sub_command as _sub

ROOM = "场地：名称或编号"


def add_commands(sub: argparse._SubParsersAction) -> None:
    """The ``room`` sub-commands and their options."""
    room = _actions(_sub(sub, "room", "场地：新增、预订、取消、一周安排"), "场地操作")
    s = _sub(room, "add", "新增场地（管理员）")
    s.add_argument("name", help="场地名称，如 道德讲堂")
    s.add_argument("--capacity", type=int, default=None, help="容纳人数")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(room, "rename", "场地改名或改容纳人数（管理员）")
    s.add_argument("room", help=ROOM)
    s.add_argument("name", help="新名称")
    s.add_argument("--capacity", type=int, default=None, help="容纳人数")
    s = _sub(room, "retire", "停用场地（管理员；须先取消今后的预订）")
    s.add_argument("room", help=ROOM)
    s = _sub(room, "list", "场地列表")
    s.add_argument("--all", action="store_true", help="包括已停用的场地")
    s = _sub(room, "book", "预订场地：为一个活动、志愿服务队或共建单位（三者选一）")
    s.add_argument("room", help=ROOM)
    s.add_argument("--date", required=True, help="日期，YYYY-MM-DD")
    s.add_argument("--start", required=True, metavar="HH:MM", help="开始时间")
    s.add_argument("--end", required=True, metavar="HH:MM", help="结束时间")
    holder = s.add_mutually_exclusive_group(required=True)
    holder.add_argument("--activity", default="", help="活动编号")
    holder.add_argument("--team", default="", help="志愿服务队")
    holder.add_argument("--unit", default="", help="共建单位，如 新华派出所")
    s.add_argument("--purpose", default="", help="用途")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(room, "cancel", "取消预订（记录保留，时间空出）")
    s.add_argument("booking", help="预订号")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(room, "week", "一周的场地安排（周一至周日）")
    s.add_argument("--date", default=None, help="这一周中的任一天，默认今天")
