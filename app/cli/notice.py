"""Command-line handlers for the public notice (公示); their arguments are declared in
``app.cli.grammar_notice``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.support import Handlers, Invocation, Outcome, check_writable, signed_in
from app.services import notice, notice_board


def _entry(e: notice_board.NoticeEntry) -> dict[str, Any]:
    return {"number": e.number, "deed_uid": e.deed_uid, "name": e.resident_name,
            "resident_no": e.resident_no, "deed": e.deed_name, "deed_en": e.deed_name_en,
            "quantity": e.quantity, "points": e.points, "deed_date": e.deed_date,
            "state": e.state, "notice_from": e.notice_from, "notice_until": e.notice_until,
            "objections": [{"number": o.number, "reason": o.reason, "by": o.raised_by,
                            "state": o.state, "resolution": o.resolution}
                           for o in e.objections]}


def _entry_lines(e: dict[str, Any]) -> list[str]:
    state = notice_board.STATES[e["state"]][0]
    if e["state"] in ("notice", "objected"):
        state += f" 至 {e['notice_until'][5:]}"
    out = [f"{e['number']:>6}  {e['name']}（{e['resident_no']}）  {e['deed']} "
           f"{e['points']:+d} 分  {e['deed_date']}  {state}"]
    for o in e["objections"]:
        by = f"（{o['by']}）" if o["by"] else ""
        decided = f"：{o['resolution']}" if o["resolution"] else ""
        out.append(f"        异议 {o['number']}：{o['reason']}{by}  "
                   f"{notice.OBJECTION_ZH[o['state']]}{decided}")
    return out


def _lines(r: dict[str, Any]) -> str:
    out = [f"{p['name']} {p['deed_name']} {p['points']:+d} 分 公示期满，已计入，余额 {p['balance']}"
           for p in r["posted"]]
    out.append(f"公示天数：{r['notice_days']} 天。" + ("待审核与公示中的事项：" if r["entries"]
                                                   else "没有待审核或公示中的事项。"))
    for e in r["entries"]:
        out += _entry_lines(e)
    if r.get("pdf"):
        out.append(f"公示已保存：{r['pdf']}")
    return "\n".join(out)


def cmd_notice(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import station

    if args.pdf:
        check_writable(args.pdf)
    ctx = signed_in(args, call, personal=True)
    posted = notice.post_due(ctx)
    today = ctx.clock.today()
    result = {"date": str(today), "notice_days": station.current().notice_days,
              "posted": posted.posted,
              "entries": [_entry(e) for e in notice_board.entries(today)], "pdf": args.pdf}
    if args.pdf:
        from app.printing.notice_board import printout

        printout(notice_board.board(today)).write(Path(args.pdf))
    return result, _lines


def _objection(r: dict[str, Any]) -> str:
    by = f"（{r['raised_by']}）" if r["raised_by"] else ""
    return (f"异议 {r['number']}：{r['name']} {r['deed_name']} {r['points']:+d} 分 — "
            f"{r['reason']}{by}  {notice.OBJECTION_ZH[r['state']]}")


def cmd_object(args: argparse.Namespace, call: Invocation) -> Outcome:
    done = notice.record_objection(signed_in(args, call), args.entry, args.reason, args.by,
                                   request_id=args.request_id)
    return (done.__dict__, lambda r: "已登记" + _objection(r)
            + f"；公示至 {r['notice_until']}，异议处理前不计分")


def cmd_resolve(args: argparse.Namespace, call: Invocation) -> Outcome:
    done = notice.resolve_objection(signed_in(args, call), args.objection, args.uphold,
                                    args.note, request_id=args.request_id)
    after = {"rejected": "该事项已驳回，不计分", "approved": "该事项已计入积分",
             "notice": f"该事项公示至 {done.notice_until}，期满无其他异议即计入"}
    return (done.__dict__, lambda r: "已处理" + _objection(r) + "；" + after[r["deed_status"]])


HANDLERS: Handlers = {
    ("notice", None): cmd_notice,
    ("notice", "object"): cmd_object,
    ("notice", "resolve"): cmd_resolve,
}
