"""The grammar of ``package``: the station's packages for the district centre (export),
the centre's packages for the station (apply), whether residents' identities go with
them, and the centre's messages. The centre's ``package import`` joins the same group."""

from __future__ import annotations

import argparse

from app.cli.grammar_parts import action_group as _actions
from app.cli.grammar_parts import sub_command as _sub


def add_commands(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """``package export | apply | identities | messages``; returns the group's actions
    (``package import`` is added to it by the centre's grammar)."""
    package = _actions(_sub(sub, "package", "上报区中心的数据包（管理员）：导出、导入中心下发的包"),
                       "数据包操作")
    s = _sub(package, "export", "导出自上一个包以来的全部记录（居民只以化名出现），签名后写入文件")
    s.add_argument("--to", required=True,
                   help="写入的文件，或一个文件夹（文件名为 站点代码-序号.sdpkg）")
    s.add_argument("--full", action="store_true", help="从头导出全部记录（不只是上一个包以来的）")
    s = _sub(package, "apply", "导入区中心下发的包：积分目录更新、通知、吊销的密钥、异常清单")
    s.add_argument("file", help="区中心的包（centre-站点代码-序号.sdpkg）")
    s.add_argument("--trust", default=None, metavar="FINGERPRINT",
                   help="第一次导入时：与区中心电话核对过的中心公钥指纹")
    s = _sub(package, "identities",
             "上报包是否带居民姓名、证件号和手机号（默认不带；改动记入审计）")
    s.add_argument("state", nargs="?", choices=["on", "off"],
                   help="on 带上；off 不带；省略则显示现状")
    s = _sub(package, "messages", "区中心发来的通知和异常（未读在前）")
    s.add_argument("--read", default=None, metavar="UID", help="把这一条标为已读")
    return package
