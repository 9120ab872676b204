"""The grammar of the honour roll commands (光荣榜): commendations recorded and withdrawn,
nominations made at the desk and decided, the list, and the poster for a period."""

from __future__ import annotations

import argparse

from app.cli.grammar_parts import PDF_OUT, REQUEST_ID, RESIDENT
from app.cli.grammar_parts import action_group as _actions
from app.cli.grammar_parts import sub_command as _sub

LEVEL = "级别：community 社区、street 街道、district 区县、city 市、province 省、national 国家"
TITLE = "荣誉称号，如 道德模范、身边好人、好婆婆、好媳妇、好邻居、文明家庭、最美志愿者、星级志愿者"
PERIOD = "期间：2026-11（月）、2026Q4（季度）或 2026（年）"


def _top(text: str) -> int:
    from app.services.errors import InvalidInput
    from app.services.honour_roll import MAX_TOP

    if not text.isascii() or not text.isdigit() or int(text) > MAX_TOP:
        raise InvalidInput(what=f"--top 应为 0 到 {MAX_TOP} 之间的整数。",
                           what_en=f"--top takes a whole number from 0 to {MAX_TOP}.")
    return int(text)


def add_commands(sub: argparse._SubParsersAction) -> None:
    """The ``honour`` sub-command and its actions."""
    honour = _actions(_sub(sub, "honour", "光荣榜：表彰、推荐与评议、张贴榜单"), "光荣榜操作")
    s = _sub(honour, "add", "登记一项表彰（管理员）：个人、结对（--partner）或家庭（--household）")
    s.add_argument("resident", help=RESIDENT)
    s.add_argument("--title", required=True, help=TITLE + "；管理员也可填写其他称号")
    s.add_argument("--level", required=True, help=LEVEL)
    s.add_argument("--date", default=None, help="表彰日期，如 2026-11-23（默认今天）")
    s.add_argument("--partner", default=None, metavar="RESIDENT",
                   help="结对表彰（好婆媳、好邻居）的另一位居民")
    s.add_argument("--household", action="store_true", help="表彰该居民所在的家庭（户）")
    s.add_argument("--citation", default="", help="事迹简介")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)

    s = _sub(honour, "withdraw", "撤销误登的表彰（管理员，须写理由；记录保留备查）")
    s.add_argument("commendation", help="表彰编号，见 honour list")
    s.add_argument("--reason", required=True, help="撤销理由")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)

    s = _sub(honour, "nominate", "登记推荐（我推荐我评议身边好人），待管理员评议")
    s.add_argument("resident", help="被推荐的" + RESIDENT)
    s.add_argument("--title", required=True, help="推荐的称号：" + TITLE)
    s.add_argument("--reason", required=True, help="推荐理由（事迹）")
    s.add_argument("--partner", default=None, metavar="RESIDENT", help="结对推荐的另一位居民")
    s.add_argument("--by", default=None, metavar="RESIDENT", help="推荐人（本站居民）")
    s.add_argument("--by-name", default="", metavar="NAME", help="推荐单位或推荐人姓名")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)

    s = _sub(honour, "decide", "评议推荐（管理员）：--accept 采纳并登记表彰，或 --decline 不采纳")
    s.add_argument("nomination", help="推荐编号，见 honour list")
    choice = s.add_mutually_exclusive_group(required=True)
    choice.add_argument("--accept", action="store_true", help="采纳：按推荐的称号登记表彰")
    choice.add_argument("--decline", action="store_true", help="不采纳（须写 --note）")
    s.add_argument("--level", default=None, help="采纳时的" + LEVEL)
    s.add_argument("--date", default=None, help="表彰日期（默认今天）")
    s.add_argument("--citation", default="", help="事迹简介（默认用推荐理由）")
    s.add_argument("--note", default="", help="不采纳的说明")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)

    s = _sub(honour, "list", "表彰与推荐：某期间的表彰，以及待评议的推荐")
    s.add_argument("period", nargs="?", default=None, help=PERIOD + "（默认全部）")
    s.add_argument("--withdrawn", action="store_true", help="也列出已撤销的表彰")
    s.add_argument("--nominations", default="pending",
                   choices=["pending", "accepted", "declined", "all"],
                   help="列出哪些推荐（默认 pending 待评议）")

    s = _sub(honour, "roll", "光荣榜海报：某期间积分前几名和表彰名单（只印姓名）写入 PDF")
    s.add_argument("period", help=PERIOD)
    s.add_argument("--pdf", required=True, help=PDF_OUT)
    s.add_argument("--size", default="A4", choices=["A4", "A3"], help="纸张（默认 A4）")
    s.add_argument("--top", type=_top, default=10, help="积分榜人数（默认 10，0 不列积分榜）")
