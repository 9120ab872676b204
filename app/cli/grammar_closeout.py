"""The grammar of the daily close-out (日结): close the day, preview it, list the saved
ones and reprint one. Each sub-command and option has its help line."""

from __future__ import annotations

import argparse

from app.cli.grammar_parts import PDF_OUT, REQUEST_ID
from app.cli.grammar_parts import sub_command as _sub


def add_commands(sub: argparse._SubParsersAction) -> None:
    """``closeout [--date D] [--pdf FILE] [--preview]``, ``closeout list`` and
    ``closeout show ID [--pdf FILE]``."""
    s = _sub(sub, "closeout", "日结：本人在本前台自上次日结以来的业务，逐项与流水核对并保存")
    s.add_argument("--date", default=None,
                   help="营业日 YYYY-MM-DD，默认今天；补做前一天的日结时给出（截至当天 24 时）")
    s.add_argument("--pdf", default=None, metavar="FILE", help=PDF_OUT + "（日结单，供签字）")
    s.add_argument("--preview", action="store_true", help="只预览各项数字，不保存")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    actions = s.add_subparsers(dest="action", required=False, metavar="操作", title="日结单")
    _sub(actions, "list", "已保存的日结单（经办人看本人的，管理员看全部）")
    show = _sub(actions, "show", "查看一张已保存的日结单；给出 --pdf 即补打")
    show.add_argument("id", help="日结单号（见 closeout list）")
    # SUPPRESS: the option given before ``show`` is kept, not reset by the sub-command.
    show.add_argument("--pdf", default=argparse.SUPPRESS, metavar="FILE",
                      help=PDF_OUT + "（标注“补打”）")
