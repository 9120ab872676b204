"""Command-line handlers for residents: registering, households, finding, a new card,
and checking in at the desk."""

from __future__ import annotations

import argparse

from app.cli.support import Handlers, Invocation, Outcome, audited, resident, signed_in
from app.services.errors import InvalidInput


def cmd_resident_add(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import residents

    ctx = signed_in(args, call)
    view = residents.register(ctx, residents.ResidentInput(
        name=args.name, id_number=args.id_number, id_type=args.id_type, phone=args.phone,
        grid=args.grid, tags=tuple(args.tag), household_id=args.household,
        **residents.parse_address(args.address)))
    return ({"resident_no": view.resident_no, "uid": view.uid, "name": view.name,
             "card_code": view.card_code, "id_number": view.id_masked, "phone": view.phone_masked},
            lambda r: f"已登记 {r['name']}，居民编号 {r['resident_no']}，卡号 {r['card_code']}")


def cmd_resident_household(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import residents

    if args.show is not None:
        ctx = signed_in(args, call, personal=True)
        view = residents.household_view(args.show)
        audited(ctx, "household.view", view.uid)
    elif args.name:
        view = residents.create_household(signed_in(args, call), args.name)
    else:
        raise InvalidInput(what="请用 --name 新建一户，或用 --show 编号 查看。",
                           what_en="Use --name to create a household or --show ID to see one.")
    return (view.__dict__, lambda r: f"户 {r['id']}（{r['name']}）：成员 "
                                     f"{'、'.join(r['members']) or '无'}，合计 {r['balance']} 分")


def cmd_resident_find(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import search

    ctx = signed_in(args, call, personal=True)
    page = search.search(args.query, limit=args.limit)
    # Card codes open a resident at the desk: admins see them (to print or check a
    # card), clerks get null.
    codes = search.card_codes([h.id for h in page.hits]) if ctx.actor.is_admin else {}
    hits = [{**h.__dict__, "card_code": codes.get(h.id)} for h in page.hits]
    audited(ctx, "resident.search", "", {"query": args.query, "results": len(hits)})
    return ({"query": args.query, "results": hits, "has_more": page.has_more},
            lambda r: "\n".join(f"{h['resident_no']}  {h['name']}  {h['phone_masked']}  "
                                f"{h['id_masked']}  {h['address']}  余额 {h['balance']}"
                                + (f"  卡号 {h['card_code']}" if h["card_code"] else "")
                                for h in r["results"]) or "没有找到。")


def cmd_resident_reissue(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import residents

    ctx = signed_in(args, call)
    view = residents.reissue_card(ctx, resident(args.resident).id)
    return ({"resident_no": view.resident_no, "card_code": view.card_code},
            lambda r: f"已补办居民卡，新卡号 {r['card_code']}（旧卡作废）")


def cmd_checkin(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import checkins

    ctx = signed_in(args, call)
    result = checkins.check_in(ctx, resident(args.resident).id, args.purpose)
    return (result.__dict__, lambda r: f"{r['name']} 已签到（今日第 {r['today_count']} 人）")


HANDLERS: Handlers = {
    ("resident", "add"): cmd_resident_add,
    ("resident", "find"): cmd_resident_find,
    ("resident", "household"): cmd_resident_household,
    ("resident", "reissue-card"): cmd_resident_reissue,
    ("checkin", None): cmd_checkin,
}
