"""The grammar of the public notice (公示): list the entries on notice (posting those whose
period has passed) and print the notice for the board; record an objection; resolve one."""

from __future__ import annotations

import argparse

from app.cli.grammar_parts import PDF_OUT, REQUEST_ID
from app.cli.grammar_parts import sub_command as _sub


def add_commands(sub: argparse._SubParsersAction) -> None:
    """``notice [--pdf FILE]``, ``notice object ENTRY --reason R [--by NAME]`` and
    ``notice resolve OBJECTION --uphold|--dismiss --note N``."""
    s = _sub(sub, "notice", "公示：列出待审核与公示中的积分事项，计入公示期满且无异议的；"
                            "打印公示")
    s.add_argument("--pdf", default=None, metavar="FILE", help=PDF_OUT + "（公示栏用，A4）")
    # Also after the sub-command; SUPPRESS keeps a --json given before it.
    s.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="以一个 JSON 对象输出结果")
    actions = s.add_subparsers(dest="action", required=False, metavar="操作", title="异议")
    o = _sub(actions, "object", "对公示中的事项登记异议（公示期内，任何经办人）")
    o.add_argument("entry", help="事项：notice 列出的编号，或积分登记号")
    o.add_argument("--reason", required=True, help="异议理由")
    o.add_argument("--by", default="", help="提出异议的人（可不填）")
    o.add_argument("--request-id", default=None, help=REQUEST_ID)
    r = _sub(actions, "resolve", "处理异议（管理员）：成立则该事项不计分，不成立则期满计入")
    r.add_argument("objection", help="异议编号（见 notice）")
    decision = r.add_mutually_exclusive_group(required=True)
    decision.add_argument("--uphold", action="store_true", help="异议成立：该事项驳回，不计分")
    decision.add_argument("--dismiss", action="store_true", help="异议不成立：公示期满即计入")
    r.add_argument("--note", required=True, help="处理意见")
    r.add_argument("--request-id", default=None, help=REQUEST_ID)
