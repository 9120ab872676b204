"""The grammar of partner merchants, their statements and the moral fund: each
sub-command and option with its help line."""

from __future__ import annotations

import argparse

from app.cli.grammar_parts import PDF_OUT, REQUEST_ID
from app.cli.grammar_parts import action_group as _actions
from app.cli.grammar_parts import sub_command as _sub

DATE = "日期，YYYY-MM-DD"
STATEMENT = "结算单号，如 JS-2026-0001"
XLSX_OUT = "写入的 Excel（xlsx）文件"


def _details(s: argparse.ArgumentParser, default: object) -> None:
    """The merchant's details; ``default`` None on edit (an option not given stays)."""
    s.add_argument("--contact", default=default, help="联系人")
    s.add_argument("--phone", default=default, help="电话")
    s.add_argument("--address", default=default, help="地址")
    s.add_argument("--offer", default=default, help="可用兑换券购买的商品或服务")
    s.add_argument("--terms", default=default, help="使用条件，如 每单最多抵扣一半")
    s.add_argument("--share", dest="share_percent", type=int, default=None, metavar="PERCENT",
                   help="兑换券最多抵扣一单的百分比（1–100）")
    s.add_argument("--from", dest="agreement_from", default=None, help="协议开始" + DATE)
    s.add_argument("--to", dest="agreement_to", default=None, help="协议结束" + DATE)
    s.add_argument("--request-id", default=None, help=REQUEST_ID)


def add_commands(sub: argparse._SubParsersAction) -> None:
    """The ``merchant`` and ``fund`` sub-commands and their options."""
    m = _actions(_sub(sub, "merchant", "合作商户：资料、暂停、结算"), "商户操作")
    s = _sub(m, "list", "列出合作商户（含已暂停的）")
    s.add_argument("--active", action="store_true", help="只列出合作中的商户")
    s = _sub(m, "add", "新增合作商户（管理员）")
    s.add_argument("name", help="商户名称")
    _details(s, "")
    s = _sub(m, "edit", "修改商户资料（管理员；未给出的项不变）")
    s.add_argument("name", help="商户名称")
    _details(s, None)
    for action, text in (("suspend", "暂停合作：不再为其核销兑换券（管理员）"),
                         ("reactivate", "恢复合作（管理员）")):
        s = _sub(m, action, text)
        s.add_argument("name", help="商户名称")
        s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(m, "places", "给居民的“哪里可以用兑换券”清单（A4）")
    s.add_argument("--pdf", required=True, help=PDF_OUT)
    s.add_argument("--date", default=None, help="按这一天的协议期列出，" + DATE + "，默认今天")
    s = _sub(m, "settle", "生成商户某月的结算单（草稿；再次生成会替换草稿）")
    s.add_argument("merchant", help="商户名称")
    s.add_argument("--month", required=True, metavar="YYYY-MM", help="结算月份")
    s.add_argument("--pdf", default=None, help=PDF_OUT)
    s.add_argument("--xlsx", default=None, help=XLSX_OUT)
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(m, "statements", "列出结算单")
    s.add_argument("--merchant", default=None, help="只列出这家商户的")
    s = _sub(m, "approve", "审核结算单（管理员；审核后不再改动）")
    s.add_argument("statement", help=STATEMENT)
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(m, "paid", "登记结算单已付款（同时记入道德基金支出）")
    s.add_argument("statement", help=STATEMENT)
    s.add_argument("--reference", required=True, help="付款凭证号，如转账流水号")
    s.add_argument("--date", default=None, help="付款" + DATE + "，默认今天")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(m, "adjust", "为已审核的结算单开调整单")
    s.add_argument("statement", help=STATEMENT)
    s.add_argument("amount", help="调整金额（元），补付为正")
    s.add_argument("--refund", action="store_true", help="商户多收、应退回（金额记为负）")
    s.add_argument("--reason", required=True, help="调整理由")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)

    f = _actions(_sub(sub, "fund", "道德基金：捐助、支出、报告"), "基金操作")
    s = _sub(f, "add", "登记一笔捐助（管理员）")
    s.add_argument("amount", metavar="AMOUNT", help="金额（元），可到分，如 1200.50")
    s.add_argument("--source", required=True, help="来源单位，如联合大党委成员单位")
    s.add_argument("--donor", default="", help="捐赠人")
    s.add_argument("--budget-line", default="", help="预算科目")
    s.add_argument("--date", default=None, help=DATE + "，默认今天")
    s.add_argument("--note", default="", help="备注")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(f, "store", "把积分超市有进价的进货记为基金支出（每笔只记一次）")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(f, "report", "基金收支与本站应付情况")
    s.add_argument("--from", dest="start", default=None, help="起始" + DATE)
    s.add_argument("--to", dest="end", default=None, help="截止" + DATE)
    s.add_argument("--pdf", default=None, help=PDF_OUT)
    s.add_argument("--xlsx", default=None, help=XLSX_OUT)
