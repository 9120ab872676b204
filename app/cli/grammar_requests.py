"""The grammar of the ``request`` command: residents' requests (百姓点单, 微心愿) taken,
assigned to a team or turned into an activity, done or withdrawn, and listed."""

from __future__ import annotations

import argparse

from app.cli.grammar_parts import REQUEST_ID
from app.cli.grammar_parts import action_group as _actions
from app.cli.grammar_parts import sub_command as _sub

REQUEST = "点单编号（见 request list）"
DATE = "日期，YYYY-MM-DD"


def add_commands(sub: argparse._SubParsersAction) -> None:
    """The ``request`` sub-command and its actions."""
    req = _actions(_sub(sub, "request", "群众点单、微心愿：受理、分派、转为活动、办结、撤回"),
                   "点单操作")
    s = _sub(req, "add", "受理一项群众点单或微心愿")
    s.add_argument("text", help="需要什么，如 帮独居老人修理门锁")
    s.add_argument("--resident", default=None, metavar="RESIDENT",
                   help="提出的居民：居民编号、卡号或能唯一确定一人的查找词")
    s.add_argument("--kind", default="order", choices=["order", "wish"],
                   help="order 百姓点单（默认）/ wish 微心愿")
    s.add_argument("--for", dest="beneficiary", default="", metavar="WHOM",
                   help="为谁（不是提出人本人时），如 3栋李奶奶")
    s.add_argument("--urgent", action="store_true", help="紧急")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(req, "assign", "分派给承接的志愿服务队（可同时指明转为哪个活动）")
    s.add_argument("request", help=REQUEST)
    s.add_argument("--team", default=None, help="队名或编号")
    s.add_argument("--activity", default=None, help="转为的活动编号")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(req, "activity", "转为活动：由该活动落实（活动的组织队伍承接尚未分派的点单）")
    s.add_argument("request", help=REQUEST)
    s.add_argument("activity", help="活动编号（见 activity list）")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    for action, text, note in (("done", "办结", "办理情况，如 已上门修好"),
                               ("withdraw", "撤回（居民不再需要或无法办理）", "撤回原因")):
        s = _sub(req, action, text)
        s.add_argument("request", help=REQUEST)
        s.add_argument("--note", default="", help=note)
        s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(req, "list", "点单列表：未办结的在前，紧急的在前")
    s.add_argument("--status", default=None,
                   choices=["active", "open", "assigned", "done", "withdrawn"],
                   help="active 未办结 / open 待分派 / assigned 已分派 / done 已办结 / "
                        "withdrawn 已撤回；默认全部")
    s.add_argument("--team", default=None, help="只列该队承接的")
    s.add_argument("--from", dest="start", default=None, help="受理起始" + DATE)
    s.add_argument("--to", dest="end", default=None, help="受理截止" + DATE)
