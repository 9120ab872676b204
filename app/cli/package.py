"""Command-line handlers for the station's packages for the district centre. Their
arguments are declared in ``app.cli.grammar_package``."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from app.cli.support import Handlers, Invocation, Outcome, signed_in

_KINDS = {"resident": "居民（化名）", "ledger": "积分流水", "voucher": "兑换券",
          "voucher_resolution": "兑换券核销/作废/过期", "checkins": "签到（天）",
          "activity": "活动", "attendance": "参加活动", "team": "服务队",
          "team_member": "队员", "store_sale": "超市兑换", "store_movement": "超市出入库",
          "merchant": "商户", "statement": "结算单", "fund_entry": "道德基金收支",
          "commendation": "表彰"}


def _exported(r: dict) -> str:
    period = r["period"]
    lines = [f"已导出第 {r['seq']} 号上报包：{r['file']}",
             f"时段：{period['from'] or '开始'} 至 {period['to']}"
             + ("（全量）" if r["full"] else ""),
             "居民身份信息：" + ("已带上（姓名、证件号、手机号）" if r["identities"]
                          else "未带（只有化名）")]
    lines += [f"  {_KINDS.get(k, k)}：{n}" for k, n in sorted(r["counts"].items())]
    lines.append(f"大小 {r['bytes']:,} 字节，用时 {r['seconds']} 秒；SHA-256 {r['sha256']}")
    return "\n".join(lines)


def cmd_package_export(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import package_export

    done = package_export.export(signed_in(args, call), Path(args.to), full=args.full)
    return dataclasses.asdict(done), _exported


def cmd_package_apply(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import package_apply

    done = package_apply.apply(signed_in(args, call), Path(args.file), trust=args.trust)
    return done, lambda r: "\n".join(package_apply.summary_lines(r))


def cmd_package_identities(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import package_identities

    ctx = signed_in(args, call)
    if args.state is None:
        result = {"identities": package_identities.sharing()}
    else:
        result = dataclasses.asdict(package_identities.set_sharing(ctx, args.state == "on"))
    return result, lambda r: ("上报包带居民姓名、证件号和手机号（已记入审计）" if r["identities"]
                              else "上报包不带居民姓名、证件号和手机号，居民只以化名出现")


def cmd_package_messages(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import package_apply

    ctx = signed_in(args, call)
    if args.read:
        package_apply.mark_read(ctx, args.read)
    shown = package_apply.messages()
    return {"messages": shown}, lambda r: "\n".join(
        f"{'  ' if m['read'] else '* '}{m['received_at']} [{m['uid']}] {m['title']}"
        for m in r["messages"]) or "（没有区中心的消息）"


HANDLERS: Handlers = {
    ("package", "export"): cmd_package_export,
    ("package", "apply"): cmd_package_apply,
    ("package", "identities"): cmd_package_identities,
    ("package", "messages"): cmd_package_messages,
}
