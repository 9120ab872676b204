"""``station-desk``: no arguments starts the desk window; sub-commands serve admins and
scripts. Global options come before the sub-command (see README for the contract).

Every command prints either readable lines or, with ``--json``, one JSON object. A
refusal prints one line on stderr and exits non-zero with nothing changed.

Exit codes: 0 done; 1 ran, and the answer is "no" (a check found faults, a voucher is
not redeemable); 2 refused, nothing changed; 3 unexpected error (logged under a
reference); 4 vouchers issued and paid for but not printed: the answer lists them
(serial, token), so a script runs ``voucher reprint`` instead of issuing again.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

from app import __version__
from app.cli.support import (
    BACKUP_PASSWORD_ENV,
    EXIT_FAILED,
    EXIT_NOT_PRINTED,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_UNEXPECTED,
    NEW_PASSWORD_ENV,
    Failed,
    Handlers,
    Invocation,
    Lines,
    Outcome,
)
from app.runtime.config import Config, private_umask, resolve
from app.services.errors import DeskError
from app.services.purposes import PURPOSES
from app.services.text import whole_number

__all__ = ["EXIT_FAILED", "EXIT_NOT_PRINTED", "EXIT_OK", "EXIT_REFUSED", "EXIT_UNEXPECTED",
           "main"]


def _positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise ValueError(text)
    return value


def _roll_width(text: str) -> int:
    """A receipt printer's printable width: one the receipt layout is made for."""
    from app.printing import ROLL_WIDTHS
    from app.services.errors import InvalidInput

    widths = "、".join(map(str, ROLL_WIDTHS))
    if not text.isascii() or not text.isdigit() or int(text) not in ROLL_WIDTHS:
        raise InvalidInput(what=f"--thermal 应为小票打印机的可打印宽度（点）：{widths}。",
                           what_en=f"--thermal takes a receipt width in dots: {widths}.")
    return int(text)


class _Parser(argparse.ArgumentParser):
    """Usage mistakes are refusals like any other: one line, and JSON under --json."""

    def error(self, message: str) -> NoReturn:
        from app.services.errors import InvalidInput

        raise InvalidInput(what=f"命令用法有误：{message}。运行 station-desk --help 查看用法。",
                           what_en=f"Usage: {message}. Run station-desk --help.")


def _parser() -> argparse.ArgumentParser:
    from app.cli import volunteers

    p = _Parser(prog="station-desk", description="文明实践站前台 StationDesk",
                epilog="退出码：0 完成；1 结果为否（检查发现问题、券不可核销）；"
                       "2 拒绝，未做任何更改；3 内部错误（见日志参考号）；"
                       "4 兑换券已发放但未打印，输出列出券号与令牌，"
                       "请用 voucher reprint 补打，切勿重新发放。")
    p.add_argument("--data-dir", help="数据目录（数据库、密钥、备份、日志）")
    p.add_argument("--db", help="数据库：SQLite 文件路径或 postgresql://… 地址")
    p.add_argument("--json", action="store_true", help="以一个 JSON 对象输出结果")
    p.add_argument("--as", dest="as_user", metavar="USER", help="以该经办人身份执行写操作")
    p.add_argument("--version", action="version", version=f"station-desk {__version__}")
    sub = p.add_subparsers(dest="command", metavar="SUB-COMMAND")

    s = sub.add_parser("init", help="初始化本站")
    s.add_argument("--station-code", required=True)
    s.add_argument("--station-name", required=True)
    s.add_argument("--admin", required=True)
    s.add_argument("--admin-name", default="")

    s = sub.add_parser("demo", help="生成演示数据")
    s.add_argument("--residents", type=int, default=200)
    s.add_argument("--seed", type=int, default=1)
    s.add_argument("--activity", type=float, default=1.0,
                   help="每位居民的事迹数量倍数（1：约 10 条）")

    res = sub.add_parser("resident", help="居民").add_subparsers(dest="action", required=True)
    s = res.add_parser("add")
    s.add_argument("--name", required=True)
    s.add_argument("--id-number", default="")
    s.add_argument("--id-type", default="cn_id", choices=["cn_id", "other", "none"])
    s.add_argument("--phone", default="")
    s.add_argument("--address", default="")
    s.add_argument("--grid", default="")
    s.add_argument("--tag", action="append", default=[])
    s.add_argument("--household", type=int, default=None, help="户编号（见 resident household）")
    s = res.add_parser("household", help="新建一户，或查看一户的成员与合计积分")
    s.add_argument("--name", default=None)
    s.add_argument("--show", type=int, default=None)
    s = res.add_parser("find", help="查找居民（管理员另见卡号）")
    s.add_argument("query")
    s.add_argument("--limit", type=_positive, default=20)
    s = res.add_parser("cards")
    s.add_argument("--grid", default=None)
    s.add_argument("residents", nargs="*")
    s.add_argument("--pdf", required=True)
    s = res.add_parser("reissue-card")
    s.add_argument("resident")

    deed = sub.add_parser("deed", help="积分项目与登记").add_subparsers(dest="action",
                                                                    required=True)
    deed.add_parser("types")
    s = deed.add_parser("record")
    s.add_argument("resident")
    s.add_argument("type")
    s.add_argument("--quantity", default="1")
    s.add_argument("--date", default=None)
    s.add_argument("--note", default="")
    s.add_argument("--request-id", default=None)

    s = sub.add_parser("balance", help="余额与最近流水")
    s.add_argument("resident")
    s.add_argument("--limit", type=_positive, default=10)

    s = sub.add_parser("statement", help="积分存折页")
    s.add_argument("resident")
    s.add_argument("--from", dest="start", default=None)
    s.add_argument("--to", dest="end", default=None)
    s.add_argument("--pdf", required=True)

    s = sub.add_parser("checkin", help="签到")
    s.add_argument("resident")
    s.add_argument("--purpose", default="consult", choices=list(PURPOSES),
                   help="来站事由：" + "，".join(f"{code} {name}"
                                             for code, name in PURPOSES.items())
                   + "（默认 consult）")

    v = sub.add_parser("voucher", help="兑换券").add_subparsers(dest="action", required=True)
    s = v.add_parser("issue")
    s.add_argument("resident")
    s.add_argument("points", type=whole_number)  # int() would read any script's digits
    s.add_argument("--merchant", default=None)
    s.add_argument("--store", action="store_true", help="限本站积分超市")
    s.add_argument("--denominations", default=None, help="如 20,20,10")
    s.add_argument("--pdf", default=None)
    s.add_argument("--thermal", type=_roll_width, default=None, metavar="DOTS",
                   help="小票打印机宽度（点），需与 --pdf 同用")
    s.add_argument("--request-id", default=None)
    s = v.add_parser("verify")
    s.add_argument("token")
    s.add_argument("--merchant", default=None)
    s = v.add_parser("redeem")
    s.add_argument("token")
    s.add_argument("--merchant", default=None)
    s.add_argument("--request-id", default=None)
    s = v.add_parser("void")
    s.add_argument("serial")
    s.add_argument("--reason", required=True)
    s = v.add_parser("expire")
    s = v.add_parser("reprint")
    s.add_argument("serials", nargs="+")
    s.add_argument("--pdf", required=True)

    s = sub.add_parser("points", help="积分").add_subparsers(dest="action", required=True)
    e = s.add_parser("expire", help="年终清零（按本站清零规则）")
    e.add_argument("--cutoff", default=None, help="清零截止日，默认上一年 12 月 31 日")
    e = s.add_parser("unexpire", help="撤销最近一次年终清零（误操作时）")
    e.add_argument("--cutoff", required=True, help="要撤销的那次清零的截止日")
    e.add_argument("--reason", required=True)

    s = sub.add_parser("merchant", help="商户").add_subparsers(dest="action", required=True)
    s.add_parser("list")
    m = s.add_parser("add")
    m.add_argument("name")

    s = sub.add_parser("clerk", help="经办人").add_subparsers(dest="action", required=True)
    s.add_parser("list")
    c = s.add_parser("add")
    c.add_argument("username")
    c.add_argument("--name", default="")
    c.add_argument("--role", default="clerk", choices=["clerk", "admin"])
    c = s.add_parser("recover", help=f"凭本站密钥文件解锁账号并设新密码（取自 {NEW_PASSWORD_ENV}）")
    c.add_argument("username")
    c.add_argument("--kek-file", default=None, help="本站密钥文件，默认为数据目录 keys/station.kek")

    sub.add_parser("check", help="完整性与账目不变量检查")
    s = sub.add_parser("audit", help="审计日志").add_subparsers(dest="action", required=True)
    a = s.add_parser("verify")
    a.add_argument("--anchor", default=None)
    s = sub.add_parser("keys", help="签名密钥").add_subparsers(dest="action", required=True)
    s.add_parser("export")
    s.add_parser("rotate")
    k = s.add_parser("revoke")
    k.add_argument("key_id", type=int)
    k.add_argument("--reason", required=True)
    k.add_argument("--refund", action="store_true",
                   help="同时作废该密钥签发、仍未使用的兑换券并退回积分")

    s = sub.add_parser("desk", help="本数据目录所在的电脑与前台编号").add_subparsers(
        dest="action", required=True)
    s.add_parser("show", help="登记的位置、前台编号与兑换券编号段")
    s.add_parser("moved", help="确认数据目录搬到了这台电脑（管理员）")
    d = s.add_parser("second", help="把这份复制的数据设为另一个前台（管理员）")
    d.add_argument("--desk-number", type=int, default=None, help="前台编号，默认下一个")

    volunteers.add_commands(sub)

    s = sub.add_parser("backup", help="备份")
    s.add_argument("--to", default=None)
    s.add_argument("--encrypt", action="store_true",
                   help=f"加密（带出本机时），密码取自 {BACKUP_PASSWORD_ENV} 或提示输入")
    s = sub.add_parser("restore", help="从备份恢复")
    s.add_argument("file")
    return p


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _say(text: str, stream: TextIO) -> None:
    try:
        print(text, file=stream)
        stream.flush()
    except BrokenPipeError:
        # The reader stopped early (`| head -1`): the rest is not wanted, and the exit
        # flush must not fail again, so the stream goes to the null device.
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)


def emit(result: dict[str, Any], as_json: bool, lines: Lines) -> None:
    if as_json:
        _say(json.dumps(_plain(result), ensure_ascii=False, default=str), sys.stdout)
    else:
        text = lines(result)
        if text:
            _say(text, sys.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A console that cannot show a rare name character must not fail after a commit.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    private_umask()  # before any file: the log, a restore's copies, the database
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _parser().parse_args(words)
    except DeskError as exc:
        return _refused("--json" in words, exc.code, exc.message("zh"))
    config = resolve(args.data_dir, args.db)
    if args.command is None:
        from app.views.shell.app import run_gui

        return run_gui(config)
    from app.runtime import logs

    logs.setup(config.log_dir)
    try:
        result, lines = _run(args, config)
        emit({"ok": True, **result}, args.json, lines)
    except Failed as failed:
        emit({"ok": False, **failed.result}, args.json, failed.lines)
        return failed.status
    except DeskError as exc:
        return _refused(args.json, exc.code, exc.message("zh"))
    except KeyboardInterrupt:
        return _refused(args.json, "interrupted", "已取消。")
    except Exception as exc:  # noqa: BLE001 - the last line of defence for a clerk
        reference = logs.report_unexpected(exc)
        return _refused(args.json, "unexpected",
                        f"内部错误（参考号 {reference}），详情见 {config.log_dir}",
                        EXIT_UNEXPECTED)
    return EXIT_OK


# Commands that show no personal data and write nothing when opened without the lock:
# they answer while the desk is open.
READ_ONLY = {("check", None), ("audit", "verify"), ("deed", "types")}


def _handlers() -> Handlers:
    """Every sub-command's handler, by (command, action): loaded when a command runs, so
    the window starts without them."""
    from app.cli import (
        admin,
        deeds,
        desk,
        documents,
        points,
        residents,
        station,
        volunteers,
        vouchers,
    )

    return {**station.HANDLERS, **residents.HANDLERS, **deeds.HANDLERS, **points.HANDLERS,
            **documents.HANDLERS, **vouchers.HANDLERS, **admin.HANDLERS, **desk.HANDLERS,
            **volunteers.HANDLERS}


def _run(args: argparse.Namespace, config: Config) -> Outcome:
    handler = _handlers()[(args.command, getattr(args, "action", None))]
    if args.command == "restore":
        return handler(args, Invocation(config, None))
    from app.runtime.startup import StationInUse, open_for_reading, open_station

    try:
        # `check` must run on a damaged database: finding the damage is its job.
        opened = open_station(config, check=args.command != "check")
    except StationInUse:
        if (args.command, getattr(args, "action", None)) not in READ_ONLY:
            raise
        opened = open_for_reading(config)
    try:
        return handler(args, Invocation(config, opened))
    finally:
        opened.close()


def _refused(as_json: bool, code: str, message: str, status: int = EXIT_REFUSED) -> int:
    if as_json:
        _say(json.dumps({"ok": False, "error": code, "message": message}, ensure_ascii=False),
             sys.stdout)
    _say(f"station-desk: {message}", sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
