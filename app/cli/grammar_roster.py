"""The grammar of ``resident import``: a roster from Excel, WPS or CSV, with a dry run, a
row report, and the column mapping corrected by hand."""

from __future__ import annotations

import argparse

from app.cli.grammar_parts import REQUEST_ID
from app.cli.grammar_parts import sub_command as _sub


def add_commands(resident_actions: argparse._SubParsersAction) -> None:
    """``resident import`` under the ``resident`` command's actions."""
    s = _sub(resident_actions, "import",
             "从 Excel/WPS 名册（.xlsx、.xls、.csv）批量导入居民；同一文件再导入不会重复添加")
    s.add_argument("file", help="名册文件：.xlsx、.xls，或 UTF-8 / GBK 编码的 .csv")
    s.add_argument("--dry-run", action="store_true", help="试导入：只报告每行的结果，不写入")
    s.add_argument("--report", default=None, metavar="FILE",
                   help="把每一行的结果写入这个 .xlsx 报告（身份证号隐去中间）")
    s.add_argument("--column", action="append", default=[], metavar="表头=字段",
                   help="纠正某列的含义，可重复，如 --column 身份证号码=id_number、"
                        "--column 备用电话=ignore（也可用列序号，如 3=phone）。字段：name 姓名、"
                        "gender 性别、id_number 身份证号、phone 联系电话、address 住址、grid 网格、"
                        "household_head 户主姓名、relation 与户主关系、tags 标签、note 备注、"
                        "ignore 不导入")
    s.add_argument("--request-id", default=None, help=REQUEST_ID)
