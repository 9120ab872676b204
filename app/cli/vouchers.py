"""Command-line handlers for vouchers: issue (with a PDF), verify, redeem, void, expire."""

from __future__ import annotations

import argparse

from app.cli.support import (
    EXIT_NOT_PRINTED,
    Failed,
    Handlers,
    Invocation,
    Outcome,
    audited,
    check_writable,
    reader,
    resident,
    signed_in,
    write_vouchers,
)
from app.services import errors


def _not_printed(out: dict, exc: BaseException) -> Failed:
    """The vouchers are issued and paid for: list them, and say how to print them."""
    from app.runtime import logs

    serials = [v["serial"] for v in out["vouchers"]]
    if isinstance(exc, KeyboardInterrupt):
        why = "已取消"
    elif isinstance(exc, OSError | errors.DeskError):
        why = str(exc)
    else:
        why = f"内部错误，参考号 {logs.report_unexpected(exc)}"
    return Failed({**out, "pdf": None, "error": "not_printed", "message": (
        f"兑换券已发放（{' '.join(serials)}），但 PDF 未能保存（{why}）。请用 station-desk "
        f"voucher reprint {' '.join(serials)} --pdf 文件 补打，切勿重新发放。")},
        status=EXIT_NOT_PRINTED, lines=lambda r: "\n".join(
            [r["message"]] + [f"  {v['serial']}  {v['points']} 分  {v['token']}"
                              for v in r["vouchers"]]))


def cmd_issue(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import vouchers

    # Every argument is checked before the points move: after the commit, a mistake
    # costs a reprint at best.
    if args.thermal and not args.pdf:
        raise errors.InvalidInput(what="--thermal 需与 --pdf 文件 同用。",
                                  what_en="--thermal needs --pdf FILE.")
    if args.pdf:
        check_writable(args.pdf)
    faces = vouchers.parse_faces(args.denominations) if args.denominations else None
    scope = "merchant" if args.merchant else ("store" if args.store else "any")
    ctx = signed_in(args, call)
    result = vouchers.issue(ctx, resident(args.resident).id, args.points, faces, scope,
                            args.merchant, request_id=args.request_id)
    out = {**result.__dict__, "vouchers": [v.__dict__ for v in result.vouchers],
           "pdf": args.pdf}
    if args.pdf:
        try:
            write_vouchers(ctx, [v["serial"] for v in out["vouchers"]], args.pdf, args.thermal,
                           reprint=False)
        except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - the vouchers exist
            raise _not_printed(out, exc) from exc
    return (out, lambda r: "\n".join(
        [f"{r['name']} 兑换 {r['points']} 分，余额 {r['balance']}"]
        + [f"  {v['serial']}  {v['points']} 分  校验码 {v['check_code']}  有效期至 "
           f"{v['expiry_date']}" for v in r["vouchers"]]
        + ([f"已保存：{r['pdf']}"] if r["pdf"] else [])))


def cmd_verify(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import redemption

    # Anyone may ask whether a voucher is genuine; only a signed-in clerk (audited)
    # learns whose it is.
    ctx = signed_in(args, call, personal=True) if args.as_user else reader(call)
    verdict = redemption.verify(ctx, args.token.strip("\r\n"), args.merchant)
    out = {**verdict.__dict__, "message": verdict.message_zh}
    if ctx.actor is None:
        out["holder"] = verdict.holder[:1] + "*" * len(verdict.holder[1:])
    elif verdict.serial:
        audited(ctx, "voucher.verify", verdict.serial)
    if not verdict.ok:
        raise Failed(out)
    return (out, lambda r: f"{r['serial']} {r['points']} 分（{r['holder']}）：{r['message']}")


def cmd_redeem(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import redemption

    ctx = signed_in(args, call)
    result = redemption.redeem(ctx, args.token.strip("\r\n"), args.merchant,
                             request_id=args.request_id)
    return (result.__dict__,
            lambda r: f"已核销 {r['serial']}（{r['points']} 分，{r['holder']}）于 {r['where']}")


def cmd_void(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import redemption

    ctx = signed_in(args, call)
    result = redemption.void(ctx, args.serial, args.reason).as_dict()
    return (result, lambda r: f"已作废 {r['serial']}，退回 {r['points']} 分，余额 {r['balance']}")


def cmd_expire(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import redemption

    ctx = signed_in(args, call)
    result = redemption.expire(ctx).as_dict()
    return (result, lambda r: f"已结清过期兑换券 {r['count']} 张（{r['points']} 分）")


HANDLERS: Handlers = {
    ("voucher", "issue"): cmd_issue,
    ("voucher", "verify"): cmd_verify,
    ("voucher", "redeem"): cmd_redeem,
    ("voucher", "void"): cmd_void,
    ("voucher", "expire"): cmd_expire,
}
