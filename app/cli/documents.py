"""Command-line handlers for printed documents: resident cards, a statement, vouchers
printed again, an activity's sign-in sheet. Each is made by its job in
``app.printing.jobs``, as in the window."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.support import (
    Handlers,
    Invocation,
    Outcome,
    audited,
    check_writable,
    parse_date,
    resident,
    signed_in,
    write_vouchers,
)
from app.services.errors import InvalidInput


def cmd_resident_cards(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.printing import jobs
    from app.services import residents

    ctx = signed_in(args, call, personal=True)
    people = ([resident(q) for q in args.residents] if args.residents
              else residents.cardholders(args.grid))
    if not people:
        grid = args.grid or "本站"
        raise InvalidInput(
            what=f"{grid}没有在册居民，没有可生成的居民卡。请检查网格名称是否与登记时一致。",
            what_en=f"No active residents in {args.grid or 'the station'}: no cards to make. "
                    "Check the grid's name is spelt as registered.")
    printout = jobs.cards(people)
    audited(ctx, "cards.export", args.grid or "",
            {"residents": [p.uid for p in people], "pdf": str(Path(args.pdf).resolve())})
    printout.write(Path(args.pdf))
    return ({"cards": printout.count, "pdf": args.pdf},
            lambda r: f"已生成 {r['cards']} 张居民卡：{r['pdf']}")


def cmd_statement(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.printing import jobs

    ctx = signed_in(args, call, personal=True)
    person = resident(args.resident)
    end = parse_date(args.end) or ctx.clock.today()
    start = parse_date(args.start) or end.replace(month=1, day=1)
    if start > end:
        raise InvalidInput(what="起始日期晚于结束日期。", what_en="The start is after the end.")
    printout = jobs.statement(person, start, end)
    audited(ctx, "statement.export", person.uid,
            {"from": str(start), "to": str(end), "pdf": str(Path(args.pdf).resolve())})
    printout.write(Path(args.pdf))
    return ({"resident_no": person.resident_no, "entries": printout.count, "pdf": args.pdf},
            lambda r: f"已生成积分存折页（{r['entries']} 条）：{r['pdf']}")


def cmd_reprint(args: argparse.Namespace, call: Invocation) -> Outcome:
    check_writable(args.pdf)
    ctx = signed_in(args, call)
    write_vouchers(ctx, args.serials, args.pdf, None, reprint=True)
    return ({"serials": args.serials, "pdf": args.pdf},
            lambda r: f"已补打 {len(r['serials'])} 张：{r['pdf']}")


def cmd_activity_sheet(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.printing import jobs

    check_writable(args.pdf)
    ctx = signed_in(args, call, personal=True)
    printout = jobs.sign_in_sheet(args.activity)
    audited(ctx, "activity.sheet", str(args.activity),
            {"residents": printout.count, "pdf": str(Path(args.pdf).resolve())})
    printout.write(Path(args.pdf))
    return ({"activity": args.activity, "residents": printout.count, "pdf": args.pdf},
            lambda r: f"已生成签到表（报名 {r['residents']} 人）：{r['pdf']}")


HANDLERS: Handlers = {
    ("resident", "cards"): cmd_resident_cards,
    ("statement", None): cmd_statement,
    ("voucher", "reprint"): cmd_reprint,
    ("activity", "sheet"): cmd_activity_sheet,
}
