"""Helpers shared by the command-line handlers: signing in, resolving residents, dates."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from app.cli import password
from app.services import errors
from app.services.context import Context
from app.startup import Opened

Result = tuple[dict[str, Any], Callable[[dict[str, Any]], str]]


def signed_in(args: argparse.Namespace, opened: Opened) -> Context:
    """The context of the clerk named by ``--as``, signed in with their password."""
    from app.services import auth, station

    if not station.is_initialised():
        raise errors.NotInitialised()
    if not args.as_user:
        raise errors.InvalidInput(what="写操作需要用 --as 用户名 指明经办人。",
                                  what_en="Write commands need --as USER.")
    ctx = opened.context
    return ctx.as_actor(auth.sign_in(ctx, args.as_user, password(f"{args.as_user} 的密码: ")))


def reader(opened: Opened) -> Context:
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
