"""The grammar of the station's tag list (``tag list | add | rename | retire``) and of
the exports to xlsx (``resident export``, ``ledger export``, ``activity export``,
``voucher export``), added to the command groups that hold those records."""

from __future__ import annotations

import argparse

from app.cli.grammar_parts import REQUEST_ID
from app.cli.grammar_parts import action_group as _actions
from app.cli.grammar_parts import sub_command as _sub

XLSX = "写入的 Excel 文件（.xlsx）"


def _group(sub: argparse._SubParsersAction, name: str) -> argparse._SubParsersAction:
    """The actions of an existing command group (``resident``, ``activity`` …)."""
    parser = sub.choices[name]
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def _period(s: argparse.ArgumentParser, what: str) -> None:
    s.add_argument("--from", dest="start", default=None, help=f"起始日期（{what}），如 2026-01-01")
    s.add_argument("--to", dest="end", default=None, help=f"结束日期（{what}），如 2026-12-31")


def add_commands(sub: argparse._SubParsersAction) -> None:
    """``tag`` and the ``export`` actions; call after the groups they join exist."""
    tag = _actions(_sub(sub, "tag", "居民标签：本站标签列表（管理员维护）"), "标签操作")
    s = _sub(tag, "list", "列出标签（含已停用）及带此标签的居民人数")
    s.add_argument("--active", action="store_true", help="只列在用的标签")
    s = _sub(tag, "add", "新增标签（管理员）；已停用的同名标签则恢复使用")
    s.add_argument("name", help="标签名称，如 高龄老人")
    s.add_argument("--en", default="", help="英文名称")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(tag, "rename", "标签改名（管理员）：居民身上的标签随之改名")
    s.add_argument("name", help="现在的名称或代码")
    s.add_argument("new_name", help="新名称")
    s.add_argument("--en", default=None, help="新的英文名称")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
    s = _sub(tag, "retire", "停用标签（管理员）：已有此标签的居民保留，不再给新居民")
    s.add_argument("name", help="标签名称或代码")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)

    s = _sub(_group(sub, "resident"), "export",
             "导出居民名单到 Excel（证件号、手机号遮蔽；--full 完整号码仅限管理员，记入审计）")
    s.add_argument("--xlsx", required=True, help=XLSX)
    s.add_argument("--full", action="store_true", help="完整证件号和手机号（管理员）")
    s.add_argument("--tag", default=None, help="只导出带此标签的居民（名称或代码）")
    ledger = _actions(_sub(sub, "ledger", "积分流水"), "流水操作")
    s = _sub(ledger, "export", "导出积分流水到 Excel（按业务日期）")
    s.add_argument("--xlsx", required=True, help=XLSX)
    _period(s, "业务日期")
    s = _sub(_group(sub, "activity"), "export", "导出志愿活动到 Excel（场次、人数、时长）")
    s.add_argument("--xlsx", required=True, help=XLSX)
    _period(s, "活动日期")
    s = _sub(_group(sub, "voucher"), "export", "导出兑换券到 Excel（发放、核销、作废、过期）")
    s.add_argument("--xlsx", required=True, help=XLSX)
    _period(s, "发放日期")
