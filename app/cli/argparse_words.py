"""argparse's own words ("usage:", "options", "the following arguments are required" …)
in the command line's language, so that its help and its refusals speak one language.

argparse looks every one of its words up through gettext (the names ``_`` and
``ngettext`` it imports from the gettext module). ``speaking`` lends it a translation
of its messages for as long as the command line builds and reads its arguments, and
gives the originals back afterwards, so nothing else in the process is affected. The
catalogue keeps argparse's own message ids; an id it does not know (a newer Python's)
stays in English, which is also what the English command line would say.
"""

from __future__ import annotations

import argparse
import gettext
from collections.abc import Iterator
from contextlib import contextmanager

# argparse's message ids (Python 3.11–3.14) that a user can see, in Chinese.
CHINESE = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "%(heading)s:": "%(heading)s：",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "ambiguous option: %(option)s could match %(matches)s":
        "选项 %(option)s 不明确，可能是：%(matches)s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "无效的选择 %(value)r（可选：%(choices)s）",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":
        "无效的选择 %(value)r，是否要用 %(closest)r？（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的值",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "not allowed with argument %s": "不能与参数 %s 同用",
    "one of the arguments %s is required": "参数 %s 须给出其中之一",
    "ignored explicit argument %r": "多余的值 %r",
    "unexpected option string: %s": "意外的选项：%s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "没有子命令 %(parser_name)r（可选：%(choices)s）",
    "option '%(option)s' is deprecated": "选项 %(option)s 已不再使用",
    "command '%(parser_name)s' is deprecated": "子命令 %(parser_name)s 已不再使用",
    "argument '%(argument_name)s' is deprecated": "参数 %(argument_name)s 已不再使用",
}
CATALOGUES = {"zh": CHINESE}


class Catalogue(gettext.NullTranslations):
    """A gettext translation held in a dict: argparse's ids → the language's words."""

    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__()
        self.messages = messages

    def gettext(self, message: str) -> str:
        return self.messages.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        chosen = msgid1 if n == 1 else msgid2
        return self.messages.get(chosen, chosen)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """argparse speaks ``language`` inside the block (English, its own, needs nothing)."""
    messages = CATALOGUES.get(language)
    if messages is None:
        yield
        return
    catalogue = Catalogue(messages)
    before = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = catalogue.gettext, catalogue.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = before  # type: ignore[attr-defined]
