"""Command-line handlers for vouchers: issue (with a PDF), verify, redeem, void, expire,
reprint."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from app.cli.main import EXIT_NOT_PRINTED, Failed
from app.cli.support import Result, audited, parse_date, reader, resident_id, signed_in
from app.services import errors


def _printable(serials: list[str]) -> list:
    """The vouchers to print, refused with a reason when one cannot be printed."""
    from app.services import vouchers

    rows = vouchers.vouchers_by_serial(serials)
    found = {r.serial for r in rows}
    for serial in serials:
        if serial not in found:
            raise errors.VoucherNotFound(serial=serial)
    for row in rows:
        if row.status != "issued":
            raise errors.VoucherAlreadyResolved(
                serial=row.serial, what_zh="已核销、作废或过期，不能再打印。",
                what_en="is redeemed, voided or expired and cannot be printed.")
    if len({r.resident_id for r in rows}) > 1:
        raise errors.InvalidInput(what="一次只能打印同一位居民的兑换券。",
                                  what_en="Print one resident's vouchers at a time.")
    return rows


def _check_writable(pdf: str) -> None:
    target = Path(pdf)
    folder = target.resolve().parent
    if target.is_dir():
        raise errors.InvalidInput(what=f"{pdf} 是一个文件夹，请给出要保存的文件名（如 券.pdf）。",
                                  what_en=f"{pdf} is a folder: name the file to write.")
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise errors.InvalidInput(what=f"无法写入 {folder}：文件夹不存在或只读。",
                                  what_en=f"Cannot write to {folder}.")


def _write_vouchers_pdf(ctx, serials: list[str], pdf: str, thermal: int | None,
                        reprint: bool) -> None:
    """One A4 file, or one receipt file per voucher (``NAME-SERIAL.pdf`` when several)."""
    from app.printing.vouchers import voucher_documents
    from app.services import residents, station, vouchers

    rows = _printable(serials)
    holder = residents.get(rows[0].resident_id).id_masked
    documents = voucher_documents(rows, station.current(), thermal, holder, reprint)
    if len(documents) == 1:
        Path(pdf).write_bytes(documents[0])
    else:
        stem = Path(pdf)
        for row, blob in zip(rows, documents, strict=True):
            stem.with_name(f"{stem.stem}-{row.serial}{stem.suffix}").write_bytes(blob)
    vouchers.record_print(ctx, serials)


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


def cmd_issue(args, config, opened) -> Result:
    from app.services import vouchers

    # Every argument is checked before the points move: after the commit, a mistake
    # costs a reprint at best.
    if args.thermal and not args.pdf:
        raise errors.InvalidInput(what="--thermal 需与 --pdf 文件 同用。",
                                  what_en="--thermal needs --pdf FILE.")
    if args.pdf:
        _check_writable(args.pdf)
    faces = vouchers.parse_faces(args.denominations) if args.denominations else None
    scope = "merchant" if args.merchant else ("store" if args.store else "any")
    ctx = signed_in(args, opened)
    result = vouchers.issue(ctx, resident_id(args.resident), args.points, faces, scope,
                            args.merchant, request_id=args.request_id)
    out = {**result.__dict__, "vouchers": [v.__dict__ for v in result.vouchers],
           "pdf": args.pdf}
    if args.pdf:
        try:
            _write_vouchers_pdf(ctx, [v["serial"] for v in out["vouchers"]], args.pdf,
                                args.thermal, reprint=False)
        except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - the vouchers exist
            raise _not_printed(out, exc) from exc
    return (out, lambda r: "\n".join(
        [f"{r['name']} 兑换 {r['points']} 分，余额 {r['balance']}"]
        + [f"  {v['serial']}  {v['points']} 分  校验码 {v['check_code']}  有效期至 "
           f"{v['expiry_date']}" for v in r["vouchers"]]
        + ([f"已保存：{r['pdf']}"] if r["pdf"] else [])))


def cmd_verify(args, config, opened) -> Result:
    from app.services import vouchers

    # Anyone may ask whether a voucher is genuine; only a signed-in clerk (audited)
    # learns whose it is.
    ctx = signed_in(args, opened, personal=True) if args.as_user else reader(opened)
    verdict = vouchers.verify(ctx, args.token.strip("\r\n"), args.merchant)
    out = {**verdict.__dict__, "message": verdict.message_zh}
    if ctx.actor is None:
        out["holder"] = verdict.holder[:1] + "*" * len(verdict.holder[1:])
    elif verdict.serial:
        audited(ctx, "voucher.verify", verdict.serial)
    if not verdict.ok:
        raise Failed(out)
    return (out, lambda r: f"{r['serial']} {r['points']} 分（{r['holder']}）：{r['message']}")


def cmd_redeem(args, config, opened) -> Result:
    from app.services import vouchers

    ctx = signed_in(args, opened)
    result = vouchers.redeem(ctx, args.token.strip("\r\n"), args.merchant,
                             request_id=args.request_id)
    return (result.__dict__,
            lambda r: f"已核销 {r['serial']}（{r['points']} 分，{r['holder']}）于 {r['where']}")


def cmd_void(args, config, opened) -> Result:
    from app.services import vouchers

    ctx = signed_in(args, opened)
    result = vouchers.void(ctx, args.serial, args.reason).as_dict()
    return (result, lambda r: f"已作废 {r['serial']}，退回 {r['points']} 分，余额 {r['balance']}")


def cmd_expire(args, config, opened) -> Result:
    from app.services import vouchers

    ctx = signed_in(args, opened)
    result = vouchers.expire(ctx).as_dict()
    return (result, lambda r: f"已结清过期兑换券 {r['count']} 张（{r['points']} 分）")


def cmd_points_expire(args, config, opened) -> Result:
    """Year-end clearing of unspent points, when the station's policy is year_end."""
    from app.services import ledger

    ctx = signed_in(args, opened)
    today = ctx.clock.today()
    cutoff = parse_date(args.cutoff) or today.replace(year=today.year - 1, month=12, day=31)
    result = ledger.expire_balances(ctx, cutoff).as_dict()
    return ({**result, "cutoff": str(cutoff)},
            lambda r: f"已清零 {r['residents']} 位居民截至 {r['cutoff']} 的剩余积分，"
                      f"共 {r['points']} 分")


def cmd_points_unexpire(args, config, opened) -> Result:
    """Reverse the newest year-end clearing, made by mistake."""
    from app.services import ledger

    ctx = signed_in(args, opened)
    result = ledger.reverse_clearing(ctx, parse_date(args.cutoff), args.reason).as_dict()
    return (result, lambda r: f"已撤销截止日 {r['cutoff']} 的清零：{r['residents']} 位居民，"
                              f"共退回 {r['points']} 分")


def cmd_reprint(args, config, opened) -> Result:
    _check_writable(args.pdf)
    ctx = signed_in(args, opened)
    _write_vouchers_pdf(ctx, args.serials, args.pdf, None, reprint=True)
    return ({"serials": args.serials, "pdf": args.pdf},
            lambda r: f"已补打 {len(r['serials'])} 张：{r['pdf']}")


VOUCHER_HANDLERS: dict[tuple[str, str | None], Callable[..., Result]] = {
    ("voucher", "issue"): cmd_issue,
    ("voucher", "verify"): cmd_verify,
    ("voucher", "redeem"): cmd_redeem,
    ("voucher", "void"): cmd_void,
    ("voucher", "expire"): cmd_expire,
    ("voucher", "reprint"): cmd_reprint,
    ("points", "expire"): cmd_points_expire,
    ("points", "unexpire"): cmd_points_unexpire,
}
