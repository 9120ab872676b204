"""What every command-line handler shares: the shape of a handler and of its answer, exit
codes, passwords, signing in, audited looks at personal data, residents and dates.

Handlers import this module and the services, never each other nor ``app.cli.main``
(which imports them all to build its table).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.services import errors

if TYPE_CHECKING:  # light at import: ``main`` loads this module before the window starts
    from app.runtime.config import Config
    from app.runtime.startup import Opened
    from app.services.context import Context
    from app.services.residents import ResidentView

PASSWORD_ENV = "STATION_DESK_PASSWORD"
BACKUP_PASSWORD_ENV = "STATION_DESK_BACKUP_PASSWORD"
NEW_PASSWORD_ENV = "STATION_DESK_NEW_PASSWORD"  # a new clerk's: never the signed-in one's
EXIT_OK, EXIT_FAILED, EXIT_REFUSED, EXIT_UNEXPECTED, EXIT_NOT_PRINTED = 0, 1, 2, 3, 4

Lines = Callable[[dict[str, Any]], str]  # the answer as readable lines
Outcome = tuple[dict[str, Any], Lines]  # the answer (``--json`` prints the dict) and how to read it


@dataclass(frozen=True)
class Invocation:
    """What a handler runs in: the data directory's settings and the station opened on
    them (``restore`` opens it itself, so it gets none)."""

    config: Config
    opened: Opened | None

    @property
    def context(self) -> Context:
        if self.opened is None:
            raise RuntimeError("this command runs without an opened station")
        return self.opened.context


Handler = Callable[[argparse.Namespace, Invocation], Outcome]
Handlers = dict[tuple[str, str | None], Handler]  # (command, action) → handler


class Failed(Exception):
    """A command ran but its answer is 'no' (a check found faults, a voucher is not
    redeemable): exit 1, or ``status``, with the result printed."""

    def __init__(self, result: dict[str, Any], status: int = EXIT_FAILED,
                 lines: Lines | None = None) -> None:
        super().__init__(result.get("message", ""))
        self.result = result
        self.status = status
        self.lines = lines or (lambda r: r.get("message", ""))


def password(prompt: str = "密码: ", env: str = PASSWORD_ENV) -> str:
    """A password from ``env`` or, at a terminal, a prompt that does not echo."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise errors.InvalidInput(
            what="需要密码：请在终端中运行，或设置相应的环境变量。",
            what_en="A password is needed: run in a terminal or set the variable.")
    return getpass.getpass(prompt)


def signed_in(args: argparse.Namespace, call: Invocation, personal: bool = False) -> Context:
    """The context of the clerk named by ``--as``, signed in with their password.
    ``personal``: the command shows or writes residents' personal data."""
    from app.services import auth, station

    if not station.is_initialised():
        raise errors.NotInitialised()
    if not args.as_user:
        if personal:
            raise errors.InvalidInput(
                what="查看或导出居民个人信息需要用 --as 用户名 指明经办人（会记入审计日志）。",
                what_en="Commands showing personal data need --as USER (audited).")
        raise errors.InvalidInput(what="写操作需要用 --as 用户名 指明经办人。",
                                  what_en="Write commands need --as USER.")
    ctx = call.context
    return ctx.as_actor(auth.sign_in(ctx, args.as_user, password(f"{args.as_user} 的密码: ")))


def audited(ctx: Context, action: str, target: str = "", detail: dict | None = None) -> None:
    """Note in the audit log that the signed-in clerk looked at or took away personal
    data, before it is shown or written."""
    from app.services import audit

    audit.note_access(ctx, action, target, detail)


def reader(call: Invocation, centre_too: bool = False) -> Context:
    """The station's context for commands that show no personal data (catalogue,
    checks, public keys): no sign-in needed. ``centre_too``: a district centre's database
    will do as well (its audit log)."""
    from app.services import centre, station

    if not station.is_initialised() and not (centre_too and centre.current() is not None):
        raise errors.NotInitialised()
    return call.context


def operator(args: argparse.Namespace, call: Invocation) -> Context:
    """The context of a district centre's command: no clerk signs in (``--as`` is refused),
    the operator's system user is audited (``app.services.centre``)."""
    from app.services.errors.centre import CentreNoOperatorSignIn

    if args.as_user:
        raise CentreNoOperatorSignIn()
    return call.context


def resident(query: str) -> ResidentView:
    """The one active resident a RESIDENT argument names."""
    from app.services import residents

    return residents.resolve(query)


def parse_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        raise errors.InvalidInput(what=f"日期“{text}”应写成 2026-11-23 的格式。",
                                  what_en=f"Write the date “{text}” as 2026-11-23.")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise errors.InvalidInput(what=f"没有 {text} 这一天，请核对日期。",
                                  what_en=f"There is no day {text}.") from None


def check_writable(pdf: str) -> None:
    """Refuse a PDF path that cannot be written, before anything is changed."""
    target = Path(pdf)
    folder = target.resolve().parent
    if target.is_dir():
        raise errors.InvalidInput(what=f"{pdf} 是一个文件夹，请给出要保存的文件名（如 券.pdf）。",
                                  what_en=f"{pdf} is a folder: name the file to write.")
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise errors.InvalidInput(what=f"无法写入 {folder}：文件夹不存在或只读。",
                                  what_en=f"Cannot write to {folder}.")


def check_outputs(args: argparse.Namespace) -> None:
    """Refuse an ``--xlsx`` or ``--pdf`` that cannot be written, before anything is counted
    or changed."""
    for target in (getattr(args, "pdf", None), getattr(args, "xlsx", None)):
        if target:
            check_writable(target)


def written_lines(answer: dict[str, Any]) -> list[str]:
    """The lines naming the workbook and the PDF an answer says were written."""
    return [f"已写入 {name}：{answer[what]}" for what, name in (("xlsx", "Excel"), ("pdf", "PDF"))
            if answer.get(what)]


def write_vouchers(ctx: Context, serials: list[str], pdf: str, thermal: int | None,
                   reprint: bool) -> None:
    """The vouchers printed to ``pdf`` (one receipt file per voucher, ``NAME-SERIAL.pdf``,
    when several), and the print recorded."""
    from app.printing import jobs
    from app.services import vouchers

    jobs.voucher_printout(serials, thermal, reprint).write(Path(pdf))
    vouchers.record_print(ctx, serials)
