"""Command-line handlers for partner merchants, their statements and the moral fund."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.support import (
    Handlers,
    Invocation,
    Outcome,
    check_outputs,
    check_writable,
    parse_date,
    reader,
    signed_in,
)
from app.services.errors import InvalidInput

DETAILS = ("contact", "phone", "address", "offer", "terms", "share_percent", "agreement_from",
           "agreement_to")


def _given(args: argparse.Namespace) -> dict:
    """The merchant details given on the command line, dates read."""
    given = {k: getattr(args, k) for k in DETAILS if getattr(args, k) is not None}
    for key in ("agreement_from", "agreement_to"):
        if key in given:
            given[key] = parse_date(given[key])
    return given


def cmd_merchant_list(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import merchants

    reader(call)
    rows = [{"name": r.name, "active": r.active, **{k: str(v) if v is not None else None
                                                    for k, v in r.details.__dict__.items()}}
            for r in merchants.rows() if r.active or not args.active]
    # "merchants" stays the active merchants' names, as scripts have read it; the rest is
    # under "details".
    active = [r["name"] for r in rows if r["active"]]
    return ({"merchants": active, "details": rows}, lambda r: "\n".join(
        f"{m['name']}{'' if m['active'] else '（已暂停）'}  {m['phone']}  {m['address']}"
        for m in r["details"]))


def cmd_merchant_add(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import merchants

    details = merchants.Details(**_given(args))
    name = merchants.add(signed_in(args, call), args.name, details, args.request_id).name
    return ({"merchant": name}, lambda r: f"已添加商户 {r['merchant']}")


def cmd_merchant_edit(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import merchants

    changes = _given(args)
    if not changes:
        raise InvalidInput(what="请给出要修改的项，如 --phone。",
                           what_en="Give what to change, e.g. --phone.")
    name = merchants.edit(signed_in(args, call), args.name, args.request_id, **changes).name
    return ({"merchant": name, "changed": sorted(changes)},
            lambda r: f"已修改商户 {r['merchant']}：{'、'.join(r['changed'])}")


def _set_active(active: bool):  # noqa: ANN202 - a handler
    def handler(args: argparse.Namespace, call: Invocation) -> Outcome:
        from app.services import merchants

        name = merchants.set_active(signed_in(args, call), args.name, active,
                                    args.request_id).name
        word = "已恢复合作" if active else "已暂停合作"
        return ({"merchant": name, "active": active}, lambda r: f"{word}：{r['merchant']}")

    return handler


def cmd_merchant_places(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.printing import settlement_docs

    check_writable(args.pdf)
    ctx = reader(call)
    printout = settlement_docs.places(parse_date(args.date) or ctx.clock.today())
    printout.write(Path(args.pdf))
    return ({"merchants": printout.count, "pdf": args.pdf},
            lambda r: f"已生成兑换券使用商户清单（{r['merchants']} 家）：{r['pdf']}")


def _statement_answer(s) -> dict:  # noqa: ANN001 - a StatementView
    from app.services.settlement import STATES

    return {"statement": s.number, "id": s.id, "merchant": s.merchant, "state": s.state,
            "state_zh": STATES[s.state],
            "vouchers": s.vouchers, "points": s.points, "amount": s.amount,
            "period": [s.period_from, s.period_to], "adjusts": s.adjusts or None}


def _write_statement(number: str, pdf: str | None, xlsx: str | None) -> None:
    from app.printing import settlement_docs

    if pdf:
        settlement_docs.statement(number).write(Path(pdf))
    if xlsx:
        settlement_docs.statement_xlsx(number, Path(xlsx))


def cmd_merchant_settle(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import settlement

    check_outputs(args)
    ctx = signed_in(args, call)
    made = settlement.draft(ctx, args.merchant, *settlement.month(args.month), args.request_id)
    _write_statement(made.number, args.pdf, args.xlsx)
    return ({**_statement_answer(made), "pdf": args.pdf, "xlsx": args.xlsx},
            lambda r: f"结算单 {r['statement']}（草稿）：{r['merchant']} {r['vouchers']} 张，"
                      f"{r['points']} 分，应付 {r['amount']} 元")


def cmd_merchant_statements(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import settlement

    reader(call)
    rows = [_statement_answer(s) for s in settlement.statements(args.merchant)]
    return ({"statements": rows}, lambda r: "\n".join(
        f"{s['statement']}  {s['state_zh']:<4} {s['merchant']}  {s['period'][0]}…{s['period'][1]}"
        f"  {s['vouchers']} 张 {s['points']} 分  {s['amount']} 元" for s in r["statements"]))


def cmd_merchant_approve(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import settlement

    done = settlement.approve(signed_in(args, call), args.statement, args.request_id)
    return (_statement_answer(done), lambda r: f"已审核结算单 {r['statement']}，"
                                              f"应付 {r['amount']} 元")


def cmd_merchant_paid(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import fund, settlement

    done = settlement.mark_paid(signed_in(args, call), args.statement, args.reference,
                                parse_date(args.date), args.request_id)
    return ({**_statement_answer(done), "paid_on": done.paid_on, "reference": args.reference,
             "fund_balance": fund.yuan(fund.balance())},
            lambda r: f"结算单 {r['statement']} 已付款 {r['amount']} 元；"
                      f"道德基金余额 {r['fund_balance']} 元")


def cmd_merchant_adjust(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import settlement

    made = settlement.adjust(signed_in(args, call), args.statement, args.amount, args.reason,
                             args.refund, args.request_id)
    return (_statement_answer(made), lambda r: f"已开调整单 {r['statement']}（调整 "
                                              f"{r['adjusts']}）：{r['amount']} 元")


def cmd_fund_add(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import fund

    saved = fund.contribute(signed_in(args, call), args.amount, args.source, args.budget_line,
                            args.donor, parse_date(args.date), args.note, args.request_id)
    return ({"entry": saved.entry.id, "amount": fund.yuan(saved.entry.amount_fen),
             "source": saved.entry.source, "donor": saved.entry.donor,
             "balance": fund.yuan(saved.entry.balance_after_fen)},
            lambda r: f"已登记捐助 {r['amount']} 元；基金余额 {r['balance']} 元")


def cmd_fund_store(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import fund

    made = fund.record_store_purchases(signed_in(args, call), args.request_id).rows
    return ({"entries": len(made), "amount": fund.yuan(-sum(r.amount_fen for r in made)),
             "balance": fund.yuan(fund.balance())},
            lambda r: f"已记入积分超市进货 {r['entries']} 笔，共 {r['amount']} 元；"
                      f"基金余额 {r['balance']} 元")


def cmd_fund_report(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.printing import settlement_docs
    from app.services import fund, liability

    check_outputs(args)
    ctx = reader(call)
    start, end, today = parse_date(args.start), parse_date(args.end), ctx.clock.today()
    book = fund.book(start, end)
    owed = liability.liability(today)
    if args.pdf:
        settlement_docs.fund_report(start, end, today).write(Path(args.pdf))
    if args.xlsx:
        settlement_docs.fund_xlsx(start, end, today, Path(args.xlsx))
    result = {"opening": fund.yuan(book.opening_fen), "closing": fund.yuan(book.closing_fen),
              "contributions": fund.yuan(book.contributions_fen),
              "payments": fund.yuan(-book.payments_fen), "entries": len(book.rows),
              "liability": {k: fund.yuan(v) if k.endswith("_fen") else v
                            for k, v in owed.__dict__.items()},
              "owed": fund.yuan(owed.owed_fen), "short": owed.short,
              "warning": settlement_docs.warning(owed), "pdf": args.pdf, "xlsx": args.xlsx}
    return (result, lambda r: "\n".join(line for line in (
        f"期初 {r['opening']} 元，收入 {r['contributions']} 元，支出 {r['payments']} 元，"
        f"期末 {r['closing']} 元（{r['entries']} 笔）",
        f"应付合计 {r['owed']} 元（在外兑换券、已核销未结算、已审核未付款）",
        r["warning"]) if line))


HANDLERS: Handlers = {
    ("merchant", "list"): cmd_merchant_list,
    ("merchant", "add"): cmd_merchant_add,
    ("merchant", "edit"): cmd_merchant_edit,
    ("merchant", "suspend"): _set_active(False),
    ("merchant", "reactivate"): _set_active(True),
    ("merchant", "places"): cmd_merchant_places,
    ("merchant", "settle"): cmd_merchant_settle,
    ("merchant", "statements"): cmd_merchant_statements,
    ("merchant", "approve"): cmd_merchant_approve,
    ("merchant", "paid"): cmd_merchant_paid,
    ("merchant", "adjust"): cmd_merchant_adjust,
    ("fund", "add"): cmd_fund_add,
    ("fund", "store"): cmd_fund_store,
    ("fund", "report"): cmd_fund_report,
}
