"""What every part of the command line's grammar is made of: the parser that refuses
usage mistakes as one line, a sub-command opening its own help, and the help lines that
recur (a resident, a request id, a PDF written)."""

from __future__ import annotations

import argparse
from typing import NoReturn

RESIDENT = "居民：居民编号、卡号或能唯一确定一人的查找词"
REQUEST_ID = "请求号：重复同一请求只生效一次（脚本重试用）"
PDF_OUT = "写入的 PDF 文件"


class Parser(argparse.ArgumentParser):
    """Usage mistakes are refusals like any other: one line, and JSON under --json.
    Every parser's own ``-h`` is described in Chinese too."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - argparse's own
        super().__init__(*args, add_help=False, **kwargs)
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        from app.services.errors import InvalidInput

        raise InvalidInput(what=f"命令用法有误：{message}。运行 station-desk --help 查看用法。",
                           what_en=f"Usage: {message}. Run station-desk --help.")


def sub_command(parent: argparse._SubParsersAction, name: str, help: str) -> Parser:  # noqa: A002
    """A sub-command, listed under its parent with ``help`` and opening its own help."""
    return parent.add_parser(name, help=help, description=help)


def action_group(parser: argparse.ArgumentParser, title: str) -> argparse._SubParsersAction:
    return parser.add_subparsers(dest="action", required=True, metavar="操作", title=title)
