"""Command-line handlers for the points store (积分超市): items, receiving, stocktakes, the
list and a sale. Their arguments are declared in ``app.cli.grammar_store``."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.support import Handlers, Invocation, Outcome, check_writable, resident, signed_in


def _item_lines(r: dict) -> str:
    rows = [f"{i['id']:>4}  {i['name']}  {i['points']} 分/{i['unit']}  库存 {i['stock']}"
            + ("  ⚠低库存" if i["low"] else "") + (f"  捐赠：{i['donor']}" if i["donor"] else "")
            for i in r["items"]]
    return "\n".join(rows) or "（没有商品）"


def _input(args: argparse.Namespace, base: dict | None = None):  # noqa: ANN202 - ItemInput
    from app.services.store_items import ItemInput

    base = base or {}
    def pick(name: str, fallback: object) -> object:
        value = getattr(args, name, None)
        return fallback if value is None else value
    return ItemInput(name=pick("name", base.get("name", "")),
                     points=pick("points", base.get("points", "")),
                     kind=pick("kind", base.get("kind", "goods")),
                     unit=pick("unit", base.get("unit", "")),
                     category=pick("category", base.get("category", "")),
                     donor=pick("donor", base.get("donor", "")),
                     low_stock=pick("low", base.get("low_stock", 0)),
                     stock=pick("stock", 0))


def cmd_item_add(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import store_items

    ctx = signed_in(args, call)
    item = store_items.add_item(ctx, _input(args), request_id=args.request_id)
    return (item.as_dict(), lambda r: f"已新增 {r['name']}（编号 {r['id']}）：{r['points']} 分/"
                                      f"{r['unit']}，库存 {r['stock']}")


def cmd_item_edit(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import store_items

    ctx = signed_in(args, call)
    current = store_items.view(store_items.find(args.item, active_only=False)).as_dict()
    item = store_items.edit_item(ctx, args.item, _input(args, current),
                                 request_id=args.request_id)
    return (item.as_dict(), lambda r: f"已修改 {r['name']}：{r['points']} 分/{r['unit']}")


def cmd_item_retire(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import store_items

    ctx = signed_in(args, call)
    item = store_items.retire_item(ctx, args.item, request_id=args.request_id)
    return (item.as_dict(), lambda r: f"已下架 {r['name']}")


def cmd_receive(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import store_stock

    ctx = signed_in(args, call)
    moved = store_stock.receive(ctx, args.item, args.quantity, args.donor, args.cost,
                                request_id=args.request_id)
    return (moved.as_dict(), lambda r: f"{r['item']} 入库 {r['quantity']} {r['unit']}，"
                                       f"现有 {r['stock']}")


def cmd_stocktake(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import store_stock

    ctx = signed_in(args, call)
    moved = store_stock.stocktake(ctx, args.item, args.count, args.reason,
                                  request_id=args.request_id)
    return (moved.as_dict(), lambda r: f"{r['item']} 盘点后现有 {r['stock']} {r['unit']}"
                                       f"（差异 {r['quantity']:+d}）")


def cmd_list(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import store_items

    signed_in(args, call)
    items = [i.as_dict() for i in store_items.list_items(low_only=args.low)]
    return ({"items": items}, _item_lines)


_KINDS = {"receive": "入库", "donation": "捐赠", "sale": "兑换", "stocktake": "盘点"}


def _movement_lines(r: dict) -> str:
    def line(m: dict) -> str:
        kind = _KINDS.get("donation" if m["kind"] == "receive" and m["donor"] else m["kind"],
                          m["kind"])
        more = "；".join(part for part in (
            f"捐赠方：{m['donor']}" if m["donor"] else "",
            f"金额 {m['cost_fen'] / 100:.2f} 元" if m["cost_fen"] is not None else "",
            f"原因：{m['reason']}" if m["reason"] else "",
            f"兑换人：{m['buyer']}" if m["buyer"] else "") if part)
        return (f"{m['at'][:16].replace('T', ' ')}  {kind}  {m['quantity']:+d}  "
                f"结存 {m['stock_after']}  {m['clerk']}" + (f"  {more}" if more else ""))
    return "\n".join([f"{r['item']}：", *map(line, r["movements"])])


def cmd_history(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import store_items, store_stock

    signed_in(args, call)
    name = store_items.find(args.item, active_only=False).name
    rows = store_stock.movements(args.item, limit=max(args.limit, 1))
    return ({"item": name, "movements": [{**m.__dict__, "at": m.at.isoformat()}
                                         for m in rows]}, _movement_lines)


def _wanted(spec: str) -> tuple[str, str]:
    """``香皂:2`` → (香皂, 2); no quantity is one (a full-width colon is taken too)."""
    name, _, quantity = spec.replace("：", ":").rpartition(":")
    return (name, quantity) if name else (spec, "1")


def cmd_sell(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import store

    ctx = signed_in(args, call)
    if args.receipt:
        check_writable(args.receipt)
    buyer = resident(args.resident)
    sale = store.sell(ctx, buyer.id, [_wanted(s) for s in args.items], args.vouchers,
                      True if args.rest_from_balance else None, request_id=args.request_id)
    if args.receipt:
        from app.printing.store_receipt import sale_receipt_pdf
        from app.services import station

        Path(args.receipt).write_bytes(sale_receipt_pdf(sale, station.current()))
    return (sale.as_dict(), lambda r: "\n".join([
        *(f"{i['item']} ×{i['quantity']}  {i['points']} 分" for i in r["items"]),
        f"合计 {r['points_charged']} 分：兑换券 {r['from_vouchers']} 分，"
        f"余额扣 {r['from_balance']} 分，退回积分 {r['returned_points']} 分",
        f"{r['resident']} 现有积分 {r['balance']}"]))


HANDLERS: Handlers = {
    ("store", "item"): lambda a, c: {"add": cmd_item_add, "edit": cmd_item_edit,
                                     "retire": cmd_item_retire}[a.item_action](a, c),
    ("store", "receive"): cmd_receive,
    ("store", "stocktake"): cmd_stocktake,
    ("store", "list"): cmd_list,
    ("store", "history"): cmd_history,
    ("store", "sell"): cmd_sell,
}
