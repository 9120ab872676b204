"""Command-line handlers for points: a resident's balance and entries, and the year-end
clearing (and undoing one made by mistake)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app.cli.support import Handlers, Invocation, Outcome, audited, parse_date, resident, signed_in

if TYPE_CHECKING:
    from app.services.ledger import EntryRow


def _entry(e: EntryRow) -> dict[str, Any]:
    from app.services import ledger

    return {"seq": e.seq, "business_date": e.business_date, "created_at": e.created_at,
            "kind": e.kind, "points": e.points, "balance_after": e.balance_after,
            "description": ledger.describe(e, "zh"), "clerk": e.clerk,
            "corrects": e.corrects, "voucher_serial": e.voucher_serial,
            "deed_code": e.deed_code, "deed_name_en": e.deed_name_en}


def cmd_balance(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import ledger

    ctx = signed_in(args, call, personal=True)
    person = resident(args.resident)
    rows = [_entry(e) for e in ledger.entries(person.id, limit=args.limit)]
    audited(ctx, "resident.balance", person.uid)
    return ({"resident_no": person.resident_no, "name": person.name,
             "balance": person.balance, "entries": rows},
            lambda r: "\n".join([f"{r['name']}（{r['resident_no']}）余额 {r['balance']} 分"] + [
                f"  {e['business_date']}  {e['points']:+5d}  余 {e['balance_after']:<5} "
                f"{e['description']}" for e in r["entries"]]))


def cmd_points_expire(args: argparse.Namespace, call: Invocation) -> Outcome:
    """Year-end clearing of unspent points, when the station's policy is year_end."""
    from app.services import ledger

    ctx = signed_in(args, call)
    today = ctx.clock.today()
    cutoff = parse_date(args.cutoff) or today.replace(year=today.year - 1, month=12, day=31)
    result = ledger.expire_balances(ctx, cutoff).as_dict()
    return ({**result, "cutoff": str(cutoff)},
            lambda r: f"已清零 {r['residents']} 位居民截至 {r['cutoff']} 的剩余积分，"
                      f"共 {r['points']} 分")


def cmd_points_unexpire(args: argparse.Namespace, call: Invocation) -> Outcome:
    """Reverse the newest year-end clearing, made by mistake."""
    from app.services import ledger

    ctx = signed_in(args, call)
    result = ledger.reverse_clearing(ctx, parse_date(args.cutoff), args.reason).as_dict()
    return (result, lambda r: f"已撤销截止日 {r['cutoff']} 的清零：{r['residents']} 位居民，"
                              f"共退回 {r['points']} 分")


HANDLERS: Handlers = {
    ("balance", None): cmd_balance,
    ("points", "expire"): cmd_points_expire,
    ("points", "unexpire"): cmd_points_unexpire,
}
