"""The grammar of the district's deed catalogue at the centre: ``centre catalogue list |
set | retire | restore | import``. The catalogue goes to every station in the centre's
next package for it (``centre package-for``)."""

from __future__ import annotations

import argparse

from app.cli.grammar_parts import sub_command as _sub

JSON = "以一个 JSON 对象输出结果"


def _json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=JSON)


def add_catalogue(actions: argparse._SubParsersAction) -> None:
    """``catalogue`` under the ``centre`` command's actions."""
    s = _sub(actions, "catalogue", "区级积分目录：查看、新增或修改、停用、恢复、从 CSV 导入"
                                   "（随下发包送到各站）")
    steps = s.add_subparsers(dest="step", required=True, metavar="操作", title="积分目录")
    c = _sub(steps, "list", "列出积分目录")
    c.add_argument("--all", action="store_true", help="也列出已停用的项目")
    _json(c)
    c = _sub(steps, "set", "新增项目或修改已有项目（只改给出的字段）")
    c.add_argument("code", help="项目代码，如 SNOW_CLEARING（大写字母、数字、下划线）")
    c.add_argument("--name-zh", dest="name_zh", default=None, help="中文名称")
    c.add_argument("--name-en", dest="name_en", default=None, help="英文名称（新项目必填）")
    c.add_argument("--category", default=None,
                   choices=("social", "family", "professional", "personal"),
                   help="类别：社会公德 social、家庭美德 family、职业道德 professional、"
                        "个人品德 personal")
    c.add_argument("--points", type=int, default=None,
                   help="每单位分值（扣分项为负数，如 --points=-5）")
    c.add_argument("--unit", default=None, choices=("per_hour", "per_time", "per_award", "once"),
                   help="单位：每小时、每次、每项、仅一次")
    c.add_argument("--cap", type=int, default=None, metavar="N",
                   help="上限数量（与 --cap-period 同用）")
    c.add_argument("--cap-period", dest="cap_period", default=None,
                   choices=("day", "month", "year", "lifetime"), help="上限周期")
    c.add_argument("--no-cap", action="store_true", help="取消上限")
    c.add_argument("--needs-review", dest="needs_review", default=None, choices=("yes", "no"),
                   help="是否需要复核")
    c.add_argument("--tag", default=None, help="标签")
    c.add_argument("--note", default=None, help="说明")
    _json(c)
    for name, text in (("retire", "停用项目：各站应用下一个下发包后不再提供"),
                       ("restore", "恢复已停用的项目")):
        c = _sub(steps, name, text)
        c.add_argument("code", help="项目代码")
        _json(c)
    c = _sub(steps, "import", "从 CSV 文件新增或修改项目（与默认目录同样的列；有错则全部不改）")
    c.add_argument("file", metavar="FILE.csv",
                   help="列：code,name_zh,name_en,category,points,unit,cap,needs_review,note")
    _json(c)
