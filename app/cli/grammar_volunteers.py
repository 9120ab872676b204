"""The grammar of the volunteer commands: teams and their members, activities from
planning to closing, and their statistics. Each sub-command and option has its help line."""

from __future__ import annotations

import argparse

from app.cli.grammar_parts import PDF_OUT, REQUEST_ID, RESIDENT
from app.cli.grammar_parts import action_group as _actions
from app.cli.grammar_parts import sub_command as _sub

ROLES = ["volunteer", "audience"]
ACTIVITY = "活动：活动编号或活动标题"
DATE = "日期，YYYY-MM-DD"


def add_commands(sub: argparse._SubParsersAction) -> None:
    """The ``team`` and ``activity`` sub-commands and their options."""
    team = _actions(_sub(sub, "team", "志愿服务队：新建、入队、离队、列表"), "服务队操作")
    s = _sub(team, "add", "新建志愿服务队")
    s.add_argument("name", help="队名")
    s.add_argument("--colour", default="", help="颜色，如 红色")
    s.add_argument("--kind", default="skill", help="general 总队 / skill 技能队 / trade 行业队 / "
                                                  "unit 共建单位队（默认 skill）")
    s.add_argument("--parent", default=None, help="所属上级队（总队）")
    s.add_argument("--unit", default="", help="共建单位")
    s.add_argument("--leader", default=None, metavar="RESIDENT", help="队长（居民）")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    for action, text in (("join", "居民入队"), ("leave", "队员离队（记录保留）")):
        s = _sub(team, action, text)
        s.add_argument("team", help="队名或编号")
        s.add_argument("residents", nargs="+", metavar="RESIDENT", help=RESIDENT)
        s.add_argument("--date", default=None, help=DATE + "，默认今天")
        s.add_argument("--request-id", default=None, help=REQUEST_ID)
    _sub(team, "list", "各队及现有队员人数")

    act = _actions(_sub(sub, "activity", "志愿活动：安排、报名、签到、结算、统计"), "活动操作")
    s = _sub(act, "add", "安排一次活动")
    s.add_argument("title", help="活动标题")
    s.add_argument("--date", required=True, help=DATE)
    s.add_argument("--start", required=True, metavar="HH:MM", help="开始时间")
    s.add_argument("--end", required=True, metavar="HH:MM", help="结束时间")
    s.add_argument("--deed-type", required=True, metavar="CODE", help="志愿者按此积分项目计分")
    s.add_argument("--team", action="append", default=[], help="组织队伍（可多次给出）")
    s.add_argument("--kind", default="other", help="活动类型（见 activity kinds），默认 其他")
    s.add_argument("--project", default="", help="所属项目，如 爱心厨房（首次出现即新建）")
    s.add_argument("--place", default="", help="地点")
    s.add_argument("--capacity", type=int, default=None, help="报名名额，默认不限")
    s.add_argument("--max-hours", default=None, help="每人本次最多计的时长，默认为活动时长")
    s.add_argument("--room", default="", help="同时为活动时间预订该场地（见 room list）")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(act, "signup", "报名（满额后进入候补）")
    s.add_argument("activity", help=ACTIVITY)
    s.add_argument("residents", nargs="+", metavar="RESIDENT", help=RESIDENT)
    s.add_argument("--role", default="volunteer", choices=ROLES,
                   help="volunteer 志愿者 / audience 群众（服务对象）")
    s.add_argument("--cancel", action="store_true", help="取消报名，空出的名额给第一位候补")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(act, "attend", "签到/签退：不给时间即现在扫码，补录请给 --in/--out")
    s.add_argument("activity", help=ACTIVITY)
    s.add_argument("residents", nargs="+", metavar="RESIDENT", help=RESIDENT)
    s.add_argument("--role", default=None, choices=ROLES, help="默认：报名时的角色，或志愿者")
    s.add_argument("--in", dest="sign_in", default=None, metavar="HH:MM", help="签到时间（补录）")
    s.add_argument("--out", dest="sign_out", default=None, metavar="HH:MM",
                   help="签退时间（补录）")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(act, "sheet", "打印签到表：报名名单，每行一个二维码，另留现场登记空行")
    s.add_argument("activity", help=ACTIVITY)
    s.add_argument("--pdf", required=True, metavar="FILE", help=PDF_OUT)
    s = _sub(act, "close", "结算：签到签退折算时长与积分（只结算一次）")
    s.add_argument("activity", help=ACTIVITY)
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(act, "list", "活动列表")
    s.add_argument("--from", dest="start", default=None, help="起始" + DATE)
    s.add_argument("--to", dest="end", default=None, help="截止" + DATE)
    s = _sub(act, "stats", "统计：场次、人数与人次、时长、新增志愿者")
    s.add_argument("--from", dest="start", default=None, help="起始" + DATE)
    s.add_argument("--to", dest="end", default=None, help="截止" + DATE)
    s.add_argument("--by", default="kind", choices=["activity", "team", "project", "kind",
                                                     "month"], help="按什么分组，默认 kind")
    s.add_argument("--xlsx", default=None, metavar="FILE", help="另存为 Excel 表")
    s = _sub(act, "kinds", "活动类型；管理员可用 --add 增改")
    s.add_argument("--add", default=None, metavar="CODE", help="新增或修改的类型代码")
    s.add_argument("--name-zh", default="", help="中文名称")
    s.add_argument("--name-en", default="", help="英文名称")
