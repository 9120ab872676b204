"""Command-line handlers for the daily close-out: close (or preview) the day, list the
saved close-outs, show or reprint one."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.support import (
    Failed,
    Handlers,
    Invocation,
    Outcome,
    check_writable,
    parse_date,
    signed_in,
)
from app.services import closeout
from app.services.closeout_figures import label


def _lines(r: dict) -> str:
    state = "已保存，日结单号 " + str(r["id"]) if r["id"] else "预览（未保存）"
    out = [f"日结 {r['business_date']}  {r['desk_no']} 号前台  {r['clerk_name']}  {state}",
           "时段：" + (f"{r['from_at']} 之后至 {r['to_at']}" if r["from_at"]
                      else f"至 {r['to_at']}（首次日结）")]
    for f in r["figures"]:
        rec, chk = f["records"], f["check"]
        mark = "相符" if f["ok"] else "不相符"
        out.append(f"  {label(f)}：{rec['count']} 笔 {rec['amount']}；核对 {chk['count']} 笔 "
                   f"{chk['amount']}  {mark}")
        out += [f"      {note['zh']}" for note in f["notes"]]
    out += [f"  券号 {g['first']} 至 {g['last']}：{g['count']} 张 {g['points']} 分"
            for g in r["issued_ranges"]]
    out.append(f"不相符 {r['differences']} 项。" if r["differences"] else "各项核对相符。")
    if r.get("pdf"):
        out.append(f"已保存：{r['pdf']}")
    return "\n".join(out)


def _written(view: closeout.CloseoutView, pdf: str | None, reprint: bool, ctx: object) -> dict:
    out = {**view.as_dict(), "saved": view.saved, "pdf": pdf}
    if pdf:
        from app.printing.closeout import printout

        printout(view, ctx.clock.now() if reprint else None).write(Path(pdf))
    return out


def _answer(out: dict) -> Outcome:
    if out["differences"]:
        # Saved and printed as it is; the exit status tells a script it did not add up.
        raise Failed({**out, "message": f"不相符 {out['differences']} 项"}, lines=_lines)
    return out, _lines


def cmd_close(args: argparse.Namespace, call: Invocation) -> Outcome:
    if args.pdf:
        check_writable(args.pdf)
    day = parse_date(args.date)
    ctx = signed_in(args, call)
    if args.preview:
        view = closeout.preview(ctx, day)
    else:
        view = closeout.save(ctx, day, request_id=args.request_id)
    return _answer(_written(view, args.pdf, False, ctx))


def cmd_list(args: argparse.Namespace, call: Invocation) -> Outcome:
    ctx = signed_in(args, call)
    rows = [{k: v for k, v in c.as_dict().items() if k not in ("figures", "issued_ranges")}
            for c in closeout.listing(ctx)]
    return {"closeouts": rows}, lambda r: "\n".join(
        [f"{c['id']:>5}  {c['business_date']}  {c['desk_no']} 号前台  {c['clerk_name']}  "
         f"至 {c['to_at']}  " + (f"不相符 {c['differences']} 项" if c["differences"] else "相符")
         for c in r["closeouts"]] or ["尚无日结单。"])


def cmd_show(args: argparse.Namespace, call: Invocation) -> Outcome:
    pdf = getattr(args, "pdf", None)
    if pdf:
        check_writable(pdf)
    ctx = signed_in(args, call)
    view = closeout.reprinted(ctx, args.id) if pdf else closeout.get(ctx, args.id)
    out = _written(view, pdf, True, ctx)
    return out, _lines


HANDLERS: Handlers = {("closeout", None): cmd_close, ("closeout", "list"): cmd_list,
                      ("closeout", "show"): cmd_show}
