"""Command-line handlers that set a station up: ``init``, ``demo`` data, and ``demo clear``
(start for real)."""

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


def cmd_demo_clear(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.runtime import fresh_start

    done = fresh_start.start_for_real(call.config, signed_in(args, call))
    return ({"station": done.station, "demo_kept_at": done.demo_kept_at,
             "clerks": list(done.clerks), "deed_types": done.deed_types,
             "merchants": done.merchants},
            lambda r: f"已清除演示数据，{r['station']} 正式启用：居民、流水和兑换券从零开始；"
                      f"保留了站点设置、{r['deed_types']} 个积分项目、经办人 "
                      f"{'、'.join(r['clerks'])}。演示数据库原样保存在 {r['demo_kept_at']}。")


HANDLERS: Handlers = {
    ("init", None): cmd_init,
    ("demo", None): cmd_demo,
    ("demo", "clear"): cmd_demo_clear,
}
