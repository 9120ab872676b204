"""Helpers shared by the command-line handlers: signing in, resolving residents, dates."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from app.cli.main import password
from app.runtime.startup import Opened
from app.services import errors
from app.services.context import Context

Result = tuple[dict[str, Any], Callable[[dict[str, Any]], str]]


def signed_in(args: argparse.Namespace, opened: Opened, personal: bool = False) -> Context:
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
    ctx = opened.context
    return ctx.as_actor(auth.sign_in(ctx, args.as_user, password(f"{args.as_user} 的密码: ")))


def audited(ctx: Context, action: str, target: str = "", detail: dict | None = None) -> None:
    """Note in the audit log that the signed-in clerk looked at or took away personal
    data; recorded before the data is shown or written, so nothing leaves unrecorded."""
    from app.models import write_transaction
    from app.models.db import bookkeeping
    from app.services import audit
    from app.services.operations import translate_storage_errors

    # Bookkeeping like a sign-in: a copy held for an admin's decision may still be read.
    with translate_storage_errors(), bookkeeping(), write_transaction():
        audit.record(ctx, action, target, detail)


def reader(opened: Opened) -> Context:
    """The station's context for commands that show no personal data (catalogue,
    checks, public keys): no sign-in needed."""
    from app.services import station

    if not station.is_initialised():
        raise errors.NotInitialised()
    return opened.context


def resident_id(query: str) -> int:
    from app.services import residents

    return residents.resolve(query).id


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
