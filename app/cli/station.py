"""Command-line handlers that set a station up: ``init``, and ``demo`` data."""

from __future__ import annotations

import argparse

from app.cli.support import Handlers, Invocation, Outcome, password, signed_in


def cmd_init(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import station

    info = station.init_station(call.context, args.station_code, args.station_name,
                                args.admin, password(f"{args.admin} 的新密码: "),
                                args.admin_name)
    return ({"station": info.code, "name": info.name, "admin": args.admin,
             "data_dir": str(call.config.data_dir)},
            lambda r: f"已初始化 {r['station']} {r['name']}，管理员 {r['admin']}。"
                      f"数据目录：{r['data_dir']}")


def cmd_demo(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import demo

    stats = demo.generate(signed_in(args, call), residents=args.residents, seed=args.seed,
                          activity=args.activity)
    return (stats, lambda r: f"演示数据：{r['residents']} 位居民，{r['entries']} 条流水，"
                             f"{r['vouchers']} 张兑换券，用时 {r['seconds']} 秒。")


HANDLERS: Handlers = {
    ("init", None): cmd_init,
    ("demo", None): cmd_demo,
}
