"""The grammar of the points store commands (积分超市): items, stock received and counted,
the list (and what is running low), and a sale at the desk."""

from __future__ import annotations

import argparse

from app.cli.grammar_parts import REQUEST_ID, RESIDENT
from app.cli.grammar_parts import action_group as _actions
from app.cli.grammar_parts import sub_command as _sub

ITEM = "商品：名称、编号或能唯一确定一件的拼音"


def add_commands(sub: argparse._SubParsersAction) -> None:
    """The ``store`` sub-command and its actions."""
    store = _actions(_sub(sub, "store", "积分超市：商品、入库、盘点、兑换"), "积分超市操作")
    item = _sub(store, "item", "积分超市商品：新增、修改、下架（管理员）").add_subparsers(
        dest="item_action", required=True, metavar="操作", title="商品操作")
    for action, text in (("add", "新增商品或服务"), ("edit", "修改商品（名称、积分价等）")):
        s = _sub(item, action, text)
        if action == "edit":
            s.add_argument("item", help=ITEM)
            s.add_argument("--name", default=None, help="新名称")
            s.add_argument("--points", default=None, help="积分价")
        else:
            s.add_argument("name", help="名称，如 香皂、义剪")
            s.add_argument("--points", required=True, help="积分价（分）")
            s.add_argument("--stock", default="0", help="初始库存，记为一次入库")
        s.add_argument("--kind", default=None, choices=["goods", "service"],
                       help="goods 物品 / service 服务（默认 goods）")
        s.add_argument("--unit", default=None, help="单位，如 块、袋、次")
        s.add_argument("--category", default=None, help="类别，如 日用品")
        s.add_argument("--donor", default=None, help="捐赠单位或个人")
        s.add_argument("--low", default=None, metavar="N", help="库存不多于 N 时列为低库存")
        s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(item, "retire", "下架商品（记录保留）")
    s.add_argument("item", help=ITEM)
    s.add_argument("--request-id", default=None, help=REQUEST_ID)

    s = _sub(store, "receive", "入库：采购（可记金额）或捐赠")
    s.add_argument("item", help=ITEM)
    s.add_argument("quantity", help="数量")
    s.add_argument("--donor", default="", help="捐赠单位或个人")
    s.add_argument("--cost", default=None, metavar="YUAN", help="采购金额（元）")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(store, "stocktake", "盘点：按实际清点数更正库存")
    s.add_argument("item", help=ITEM)
    s.add_argument("count", help="清点数量")
    s.add_argument("--reason", required=True, help="差异原因，如 破损、过期")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(store, "list", "商品、积分价与库存")
    s.add_argument("--low", action="store_true", help="只列低库存商品")
    s = _sub(store, "history", "一件商品的库存变动（入库、捐赠、兑换、盘点），最新的在前")
    s.add_argument("item", help=ITEM + "（已下架的也可）")
    s.add_argument("--limit", type=int, default=100, help="最多列出多少条（默认 100）")

    s = _sub(store, "sell", "兑换：用兑换券或积分余额换取商品")
    s.add_argument("resident", help=RESIDENT)
    s.add_argument("--item", action="append", required=True, dest="items",
                   metavar="ITEM[:QTY]", help="商品及数量，如 香皂:2（可多次给出）")
    s.add_argument("--voucher", action="append", default=[], dest="vouchers", metavar="TOKEN",
                   help="扫入的积分超市兑换券（可多次给出）；不给则从积分余额扣除")
    s.add_argument("--rest-from-balance", action="store_true",
                   help="兑换券不够时，经居民同意从积分余额扣除差额")
    s.add_argument("--receipt", default=None, metavar="FILE",
                   help="把小票写成 PDF（热敏纸宽度）")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
