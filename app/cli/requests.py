"""Command-line handlers for residents' requests (百姓点单, 微心愿): taking one, assigning
it to a team or an activity, marking it done or withdrawn, and the list. Their arguments
are declared in ``app.cli.grammar_requests``."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.support import Handlers, Invocation, Outcome, parse_date, resident, signed_in


def _line(r: dict[str, Any]) -> str:
    from app.services import requests

    who = f"{r['resident']}（{r['resident_no']}）" if r["resident"] else "未登记居民"
    parts = [f"#{r['number']}", requests.STATUSES[r["status"]],
             "紧急" if r["urgency"] == "urgent" else "", requests.KINDS[r["kind"]], r["text"],
             f"提出：{who}", f"为：{r['beneficiary']}" if r["beneficiary"] else "",
             f"承接：{r['team']}" if r["team"] else "",
             f"活动：{r['activity']}" if r["activity"] else "",
             f"受理 {r['taken_at'][:16]}，{r['age_days']} 天",
             f"说明：{r['note']}" if r["note"] else ""]
    return "  ".join(p for p in parts if p)


def _answer(view: Any, done: str) -> Outcome:
    return (view.__dict__, lambda r: f"{done}：{_line(r)}")


def cmd_request_add(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import requests

    ctx = signed_in(args, call)
    asked = resident(args.resident).id if args.resident else None
    made = requests.take_request(ctx, args.text, args.kind, asked, args.beneficiary,
                                 "urgent" if args.urgent else "normal",
                                 request_id=args.request_id)
    return _answer(made, "已受理")


def cmd_request_assign(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import requests

    ctx = signed_in(args, call)
    view = requests.assign_request(ctx, args.request, args.team, args.activity,
                                   request_id=args.request_id)
    return _answer(view, "已分派")


def cmd_request_activity(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import requests

    ctx = signed_in(args, call)
    view = requests.assign_request(ctx, args.request, activity=args.activity,
                                   request_id=args.request_id)
    return _answer(view, "已转为活动")


def cmd_request_done(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import requests

    ctx = signed_in(args, call)
    view = requests.complete_request(ctx, args.request, args.note, request_id=args.request_id)
    return _answer(view, "已办结")


def cmd_request_withdraw(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import requests

    ctx = signed_in(args, call)
    view = requests.withdraw_request(ctx, args.request, args.note, request_id=args.request_id)
    return _answer(view, "已撤回")


def cmd_request_list(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import requests

    ctx = signed_in(args, call, personal=True)
    rows = [r.__dict__ for r in requests.list_requests(
        ctx.clock.today(), args.status, args.team, parse_date(args.start), parse_date(args.end))]
    return ({"requests": rows}, lambda r: "\n".join(_line(q) for q in r["requests"])
            or "没有符合条件的点单。")


HANDLERS: Handlers = {
    ("request", "add"): cmd_request_add,
    ("request", "assign"): cmd_request_assign,
    ("request", "activity"): cmd_request_activity,
    ("request", "done"): cmd_request_done,
    ("request", "withdraw"): cmd_request_withdraw,
    ("request", "list"): cmd_request_list,
}
