"""Command-line handlers for deeds: the catalogue of deed types, and recording a deed."""

from __future__ import annotations

import argparse

from app.cli.support import Handlers, Invocation, Outcome, parse_date, reader, resident, signed_in


def cmd_deed_types(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import catalogue

    reader(call)
    types = [t.__dict__ for t in catalogue.list_types()]
    return ({"types": types}, lambda r: "\n".join(
        f"{t['code']:<20} {t['points']:>+4} /{catalogue.UNITS[t['unit']]}  {t['name_zh']}"
        + ("（需审核）" if t["needs_review"] else "") for t in r["types"]))


def cmd_deed_record(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import deeds

    ctx = signed_in(args, call)
    result = deeds.record_deed(ctx, resident(args.resident).id, args.type, args.quantity,
                               parse_date(args.date), args.note, request_id=args.request_id)
    return (result.__dict__, lambda r: (
        f"{r['name']} {r['points']:+d} 积分（{r['deed_name']}），余额 {r['balance']}"
        if r["status"] == "approved" else f"{r['name']} {r['deed_name']} 已登记，待管理员审核"))


HANDLERS: Handlers = {
    ("deed", "types"): cmd_deed_types,
    ("deed", "record"): cmd_deed_record,
}
