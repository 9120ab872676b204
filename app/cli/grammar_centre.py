"""The grammar of the district centre (``centre …``) and of ``package import``, which
the centre runs on the packages its stations send."""

from __future__ import annotations

import argparse

from app.cli.grammar_centre_catalogue import add_catalogue
from app.cli.grammar_parts import action_group as _actions
from app.cli.grammar_parts import sub_command as _sub

JSON = "以一个 JSON 对象输出结果"


def _json(parser: argparse.ArgumentParser) -> None:
    # Also after the sub-command; SUPPRESS keeps a --json given before it.
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=JSON)


def add_commands(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """``centre init|add-institute|add-station|stations|exceptions|notice|revoke-key|
    package-for|catalogue``; returns the centre's actions, so other parts (district reports) add
    theirs."""
    actions = _actions(_sub(sub, "centre", "区中心：组织架构、站点登记、异常清单、下发包"
                                            "（在区中心的数据库上运行，不用 --as）"),
                       "区中心操作")
    s = _sub(actions, "init", "把一个新数据库设为区中心：中心签名密钥和全区积分目录")
    s.add_argument("--name", required=True, help="区中心名称")
    _json(s)
    s = _sub(actions, "add-institute", "登记实践所")
    s.add_argument("name", help="实践所名称")
    _json(s)
    s = _sub(actions, "add-station", "登记站点及其公钥（再次登记：补充新密钥与吊销）")
    s.add_argument("code", help="站点代码，如 XH01")
    s.add_argument("--institute", required=True, help="所属实践所名称")
    s.add_argument("--keyring", required=True, metavar="FILE",
                   help="站点 keys export 导出的公钥文件（JSON）")
    s.add_argument("--name", default=None, help="站点名称（默认取公钥文件中的名称）")
    _json(s)
    s = _sub(actions, "stations", "列出实践所与站点，及各站最近一次上报")
    _json(s)
    s = _sub(actions, "exceptions", "异常清单：重复核销、记录矛盾、包编号重复、缺包、时钟异常")
    s.add_argument("--xlsx", default=None, metavar="FILE", help="同时写入这个 Excel 文件")
    s.add_argument("--station", default=None, metavar="CODE", help="只列与这个站点有关的")
    s.add_argument("--all", action="store_true", help="也列出已处理的")
    _json(s)
    steps = s.add_subparsers(dest="step", required=False, metavar="操作", title="处理")
    c = _sub(steps, "close", "处理完毕，关闭一条异常（记入审计日志）")
    c.add_argument("id", help="异常编号（见 centre exceptions）")
    c.add_argument("--note", required=True, help="处理说明")
    _json(c)
    s = _sub(actions, "notice", "下发给站点的通知")
    steps = s.add_subparsers(dest="step", required=True, metavar="操作", title="通知")
    n = _sub(steps, "add", "新增通知，随下次下发包送达")
    n.add_argument("--title", required=True, help="标题")
    n.add_argument("--body", default="", help="内容")
    n.add_argument("--station", default=None, metavar="CODE", help="只发给这个站点（默认全部）")
    _json(n)
    s = _sub(actions, "revoke-key", "吊销站点的一把签名密钥：此后用它签名的包一律拒收")
    s.add_argument("station", help="站点代码")
    s.add_argument("key_id", type=int, help="密钥编号")
    s.add_argument("--reason", required=True, help="吊销理由")
    _json(s)
    s = _sub(actions, "package-for", "为站点写出下发包（目录、通知、吊销的密钥、异常）")
    s.add_argument("station", help="站点代码")
    s.add_argument("--to", required=True, metavar="FILE",
                   help="写入的文件，如 centre-XH01-00001.sdpkg")
    _json(s)
    add_catalogue(actions)
    return actions


def add_package_import(actions: argparse._SubParsersAction) -> None:
    """``package import FILE…`` under the ``package`` command's actions."""
    s = _sub(actions, "import", "在区中心导入站点上报包（逐个校验，拒收的不影响其余）")
    s.add_argument("files", nargs="+", metavar="FILE", help="上报包文件（可多个）")
    _json(s)


def add_package_command(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The ``package`` command, for a build without the station's package commands."""
    actions = _actions(_sub(sub, "package", "上报包：站点导出、中心导入、站点应用下发包"),
                       "上报包操作")
    add_package_import(actions)
    return actions
