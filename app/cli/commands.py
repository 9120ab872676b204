"""What each ``station-desk`` sub-command does: open the station, call one service,
and describe the result (a dict for ``--json``, lines for people)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.admin import ADMIN_HANDLERS
from app.cli.desk import DESK_HANDLERS
from app.cli.main import password
from app.cli.support import Result, audited, parse_date, reader, resident_id, signed_in
from app.cli.vouchers import VOUCHER_HANDLERS
from app.runtime.config import Config
from app.runtime.startup import open_station
from app.services import ledger
from app.services.errors import InvalidInput


def run(args: argparse.Namespace, config: Config) -> Result:
    handler = _HANDLERS[(args.command, getattr(args, "action", None))]
    if args.command == "restore":
        return handler(args, config, None)
    # `check` must run on a damaged database: finding the damage is its job.
    opened = open_station(config, check=args.command != "check")
    try:
        return handler(args, config, opened)
    finally:
        opened.close()


def cmd_init(args, config, opened) -> Result:
    from app.services import station

    info = station.init_station(opened.context, args.station_code, args.station_name, args.admin,
                                password(f"{args.admin} 的新密码: "), args.admin_name)
    return ({"station": info.code, "name": info.name, "admin": args.admin,
             "data_dir": str(config.data_dir)},
            lambda r: f"已初始化 {r['station']} {r['name']}，管理员 {r['admin']}。"
                      f"数据目录：{r['data_dir']}")


def cmd_demo(args, config, opened) -> Result:
    from app.services import demo

    stats = demo.generate(signed_in(args, opened), residents=args.residents, seed=args.seed,
                          activity=args.activity)
    return (stats, lambda r: f"演示数据：{r['residents']} 位居民，{r['entries']} 条流水，"
                             f"{r['vouchers']} 张兑换券，用时 {r['seconds']} 秒。")


def cmd_resident_add(args, config, opened) -> Result:
    from app.services import residents

    ctx = signed_in(args, opened)
    view = residents.register(ctx, residents.ResidentInput(
        name=args.name, id_number=args.id_number, id_type=args.id_type, phone=args.phone,
        grid=args.grid, tags=tuple(args.tag), household_id=args.household,
        **residents.parse_address(args.address)))
    return ({"resident_no": view.resident_no, "uid": view.uid, "name": view.name,
             "card_code": view.card_code, "id_number": view.id_masked, "phone": view.phone_masked},
            lambda r: f"已登记 {r['name']}，居民编号 {r['resident_no']}，卡号 {r['card_code']}")


def cmd_resident_household(args, config, opened) -> Result:
    from app.services import residents

    if args.show is not None:
        ctx = signed_in(args, opened, personal=True)
        view = residents.household_view(args.show)
        audited(ctx, "household.view", view.uid)
    elif args.name:
        view = residents.create_household(signed_in(args, opened), args.name)
    else:
        raise InvalidInput(what="请用 --name 新建一户，或用 --show 编号 查看。",
                           what_en="Use --name to create a household or --show ID to see one.")
    return (view.__dict__, lambda r: f"户 {r['id']}（{r['name']}）：成员 "
                                     f"{'、'.join(r['members']) or '无'}，合计 {r['balance']} 分")


def cmd_resident_find(args, config, opened) -> Result:
    from app.services import search

    ctx = signed_in(args, opened, personal=True)
    page = search.search(args.query, limit=args.limit)
    hits = [h.__dict__ for h in page.hits]
    audited(ctx, "resident.search", "", {"query": args.query, "results": len(hits)})
    return ({"query": args.query, "results": hits, "has_more": page.has_more},
            lambda r: "\n".join(f"{h['resident_no']}  {h['name']}  {h['phone_masked']}  "
                                f"{h['id_masked']}  {h['address']}  余额 {h['balance']}"
                                for h in r["results"]) or "没有找到。")


def cmd_resident_cards(args, config, opened) -> Result:
    from app.models import Resident
    from app.printing.cards import cards_pdf
    from app.services import residents, station

    ctx = signed_in(args, opened, personal=True)
    if args.residents:
        people = [residents.get(resident_id(q)) for q in args.residents]
    else:
        query = Resident.select(Resident.id).where(Resident.archived == False)  # noqa: E712
        if args.grid:
            query = query.where(Resident.grid == args.grid)
        people = [residents.get(r.id) for r in query.order_by(Resident.id)]
    document = cards_pdf(people, station.current())
    audited(ctx, "cards.export", args.grid or "",
            {"residents": [p.uid for p in people], "pdf": str(Path(args.pdf).resolve())})
    Path(args.pdf).write_bytes(document)
    return ({"cards": len(people), "pdf": args.pdf},
            lambda r: f"已生成 {r['cards']} 张居民卡：{r['pdf']}")


def cmd_resident_reissue(args, config, opened) -> Result:
    from app.services import residents

    ctx = signed_in(args, opened)
    view = residents.reissue_card(ctx, resident_id(args.resident))
    return ({"resident_no": view.resident_no, "card_code": view.card_code},
            lambda r: f"已补办居民卡，新卡号 {r['card_code']}（旧卡作废）")


def cmd_deed_types(args, config, opened) -> Result:
    from app.services import catalogue

    reader(opened)
    types = [t.__dict__ for t in catalogue.list_types()]
    return ({"types": types}, lambda r: "\n".join(
        f"{t['code']:<20} {t['points']:>+4} /{catalogue.UNITS[t['unit']]}  {t['name_zh']}"
        + ("（需审核）" if t["needs_review"] else "") for t in r["types"]))


def cmd_deed_record(args, config, opened) -> Result:
    from app.services import deeds

    ctx = signed_in(args, opened)
    result = deeds.record_deed(ctx, resident_id(args.resident), args.type, args.quantity,
                               parse_date(args.date), args.note, request_id=args.request_id)
    return (result.__dict__, lambda r: (
        f"{r['name']} {r['points']:+d} 积分（{r['deed_name']}），余额 {r['balance']}"
        if r["status"] == "approved" else f"{r['name']} {r['deed_name']} 已登记，待管理员审核"))


def cmd_balance(args, config, opened) -> Result:
    from app.services import ledger, residents

    ctx = signed_in(args, opened, personal=True)
    resident = residents.get(resident_id(args.resident))
    rows = [_entry(e) for e in ledger.entries(resident.id, limit=args.limit)]
    audited(ctx, "resident.balance", resident.uid)
    return ({"resident_no": resident.resident_no, "name": resident.name,
             "balance": resident.balance, "entries": rows},
            lambda r: "\n".join([f"{r['name']}（{r['resident_no']}）余额 {r['balance']} 分"] + [
                f"  {e['business_date']}  {e['points']:+5d}  余 {e['balance_after']:<5} "
                f"{e['description']}" for e in r["entries"]]))


def _entry(e: ledger.EntryRow) -> dict[str, Any]:
    return {"seq": e.seq, "business_date": e.business_date, "created_at": e.created_at,
            "kind": e.kind, "points": e.points, "balance_after": e.balance_after,
            "description": ledger.describe(e, "zh"), "clerk": e.clerk,
            "corrects": e.corrects, "voucher_serial": e.voucher_serial,
            "deed_code": e.deed_code, "deed_name_en": e.deed_name_en}


def cmd_statement(args, config, opened) -> Result:
    from app.printing.statement import statement_pdf
    from app.services import ledger, residents, station

    ctx = signed_in(args, opened, personal=True)
    resident = residents.get(resident_id(args.resident))
    end = parse_date(args.end) or ctx.clock.today()
    start = parse_date(args.start) or end.replace(month=1, day=1)
    if start > end:
        raise InvalidInput(what="起始日期晚于结束日期。", what_en="The start is after the end.")
    rows = ledger.entries(resident.id, limit=100000, newest_first=False, start=start, end=end)
    opening = ledger.balance_before(resident.id, start)
    document = statement_pdf(resident, station.current(), rows, opening, start, end)
    audited(ctx, "statement.export", resident.uid,
            {"from": str(start), "to": str(end), "pdf": str(Path(args.pdf).resolve())})
    Path(args.pdf).write_bytes(document)
    return ({"resident_no": resident.resident_no, "entries": len(rows), "pdf": args.pdf},
            lambda r: f"已生成积分存折页（{r['entries']} 条）：{r['pdf']}")


def cmd_checkin(args, config, opened) -> Result:
    from app.services import checkins

    ctx = signed_in(args, opened)
    result = checkins.check_in(ctx, resident_id(args.resident), args.purpose)
    return (result.__dict__, lambda r: f"{r['name']} 已签到（今日第 {r['today_count']} 人）")


_HANDLERS: dict[tuple[str, str | None], Callable[..., Result]] = {
    ("init", None): cmd_init,
    ("demo", None): cmd_demo,
    ("resident", "add"): cmd_resident_add,
    ("resident", "find"): cmd_resident_find,
    ("resident", "household"): cmd_resident_household,
    ("resident", "cards"): cmd_resident_cards,
    ("resident", "reissue-card"): cmd_resident_reissue,
    ("deed", "types"): cmd_deed_types,
    ("deed", "record"): cmd_deed_record,
    ("balance", None): cmd_balance,
    ("statement", None): cmd_statement,
    ("checkin", None): cmd_checkin,
    **VOUCHER_HANDLERS,
    **ADMIN_HANDLERS,
    **DESK_HANDLERS,
}
