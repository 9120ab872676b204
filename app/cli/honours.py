"""Command-line handlers for the honour roll (光荣榜): commendations, nominations, the list
and the poster. Their arguments are declared in ``app.cli.grammar_honours``."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.support import (
    Handlers,
    Invocation,
    Outcome,
    check_writable,
    parse_date,
    resident,
    signed_in,
)


def _commendation_line(c: dict) -> str:
    gone = f"  （已撤销：{c['withdrawn_reason']}）" if c["withdrawn_at"] else ""
    return f"{c['id']:>4}  {c['awarded_on']}  {c['level_zh']}“{c['title']}”  {c['who']}{gone}"


def _nomination_line(n: dict) -> str:
    return (f"{n['id']:>4}  {n['recorded_at'][:10]}  {n['who']} ← {n['nominator']}  "
            f"“{n['title']}”  {n['state_zh']}：{n['reason']}")


def cmd_add(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import honours

    ctx = signed_in(args, call)
    subject = honours.Subject(resident(args.resident).id,
                              resident(args.partner).id if args.partner else None,
                              args.household)
    made = honours.record(ctx, subject, args.title, args.level, parse_date(args.date),
                          args.citation, request_id=args.request_id)
    return made.as_dict(), lambda r: (f"已登记表彰 {r['id']}：{r['who']} 获{r['level_zh']}"
                                      f"“{r['title']}”（{r['awarded_on']}）")


def cmd_withdraw(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import honours

    ctx = signed_in(args, call)
    gone = honours.withdraw(ctx, args.commendation, args.reason, request_id=args.request_id)
    return gone.as_dict(), lambda r: f"已撤销表彰 {r['id']}（{r['who']}，{r['title']}）"


def cmd_nominate(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import nominations

    ctx = signed_in(args, call)
    data = nominations.NominationInput(
        resident(args.resident).id, args.title, args.reason,
        resident(args.partner).id if args.partner else None,
        resident(args.by).id if args.by else None, args.by_name)
    made = nominations.nominate(ctx, data, request_id=args.request_id)
    return made.as_dict(), lambda r: (f"已登记推荐 {r['id']}：{r['who']}（{r['title']}），"
                                      "待管理员评议")


def cmd_decide(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import errors, nominations

    ctx = signed_in(args, call)
    if args.accept:
        if not args.level:
            raise errors.InvalidInput(what="采纳推荐须用 --level 指明表彰级别。",
                                      what_en="Accepting needs --level.")
        done = nominations.accept(ctx, args.nomination, args.level, parse_date(args.date),
                                  args.citation, request_id=args.request_id)
    else:
        done = nominations.decline(ctx, args.nomination, args.note, request_id=args.request_id)
    return done.as_dict(), lambda r: (f"推荐 {r['id']}（{r['who']}，{r['title']}）：{r['state_zh']}"
                                      + (f"，表彰编号 {r['commendation_id']}"
                                         if r["commendation_id"] else ""))


def cmd_list(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import honour_roll, honours, nominations

    signed_in(args, call, personal=True)
    period = honour_roll.parse_period(args.period) if args.period else None
    found = honours.commendations(period.start if period else None,
                                  period.end if period else None, args.withdrawn)
    state = None if args.nominations == "all" else args.nominations
    result = {"commendations": [c.as_dict() for c in found],
              "nominations": [n.as_dict() for n in nominations.nominations(state)]}
    return result, lambda r: "\n".join([
        "表彰：", *(map(_commendation_line, r["commendations"]) if r["commendations"]
                   else ["（没有表彰）"]),
        "推荐：", *(map(_nomination_line, r["nominations"]) if r["nominations"]
                   else ["（没有推荐）"])])


def cmd_roll(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.printing.honour_roll import honour_roll_printout
    from app.services import honour_roll

    ctx = signed_in(args, call, personal=True)
    check_writable(args.pdf)
    period = honour_roll.parse_period(args.period)
    roll = honour_roll.roll(period, ctx.clock.today(), args.top)
    honour_roll_printout(roll, args.size).write(Path(args.pdf))
    return ({**roll.as_dict(), "pdf": args.pdf, "size": args.size},
            lambda r: f"已写入 {r['pdf']}（{r['size']}）：{r['label']}光荣榜，积分榜 "
                      f"{len(r['top'])} 人，表彰 "
                      f"{sum(len(t['names']) for t in r['commendations'])} 项")


HANDLERS: Handlers = {
    ("honour", "add"): cmd_add,
    ("honour", "withdraw"): cmd_withdraw,
    ("honour", "nominate"): cmd_nominate,
    ("honour", "decide"): cmd_decide,
    ("honour", "list"): cmd_list,
    ("honour", "roll"): cmd_roll,
}
