"""Command-line handlers of the district centre and of ``package import``; their
arguments are declared in ``app.cli.grammar_centre``. A centre's commands take no
``--as``: the operator is audited by system user and host (see ``app.services.centre``)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from app.cli.support import EXIT_FAILED, EXIT_REFUSED, Failed, Handlers, Invocation, Outcome
from app.cli.support import operator as _operator
from app.services.centre_exceptions import KINDS


def cmd_init(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import centre

    info = centre.init_centre(_operator(args, call), args.name)
    return ({**dataclasses.asdict(info), "operator": centre.operator()},
            lambda r: f"已设为区中心：{r['name']}，中心公钥指纹 {r['fingerprint']}，"
                      f"积分目录 {r['deed_types']} 项。")


def cmd_add_institute(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import centre_members

    uid = centre_members.add_institute(_operator(args, call), args.name)
    return {"institute": args.name.strip(), "uid": uid}, lambda r: f"已登记实践所：{r['institute']}"


def cmd_add_station(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import centre_members

    done = centre_members.add_station(_operator(args, call), args.code, args.institute,
                                      Path(args.keyring), args.name)

    def lines(r: dict[str, Any]) -> str:
        head = "已登记站点" if r["new"] else "已更新站点"
        out = f"{head} {r['code']} {r['name']}（{r['institute']}）"
        if r["keys_added"]:
            out += f"，新增密钥 {'、'.join(map(str, r['keys_added']))}"
        if r["keys_revoked"]:
            out += f"，吊销密钥 {'、'.join(map(str, r['keys_revoked']))}"
        return out + "。"
    return dataclasses.asdict(done), lines


def cmd_stations(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import centre_members

    _operator(args, call)
    rows = [dataclasses.asdict(r) for r in centre_members.stations()]
    answer = {"institutes": centre_members.institutes(), "stations": rows}

    def lines(r: dict[str, Any]) -> str:
        out = []
        for name in r["institutes"]:
            out.append(name)
            for s in (s for s in r["stations"] if s["institute"] == name):
                last = (f"包 {s['last_seq']}，写于 {s['last_exported_at']}，"
                        f"导入于 {s['last_imported_at']}" if s["last_seq"] else "尚未上报")
                flag = f"，未处理异常 {s['open_exceptions']}" if s["open_exceptions"] else ""
                out.append(f"  {s['code']} {s['name']}：{last}{flag}")
        return "\n".join(out) or "尚未登记实践所。"
    return answer, lines


def cmd_exceptions(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import centre_exceptions

    ctx = _operator(args, call)
    if args.step == "close":
        row = centre_exceptions.close(ctx, args.id, args.note)
        return (dataclasses.asdict(row),
                lambda r: f"已关闭异常 {r['id']}（{r['kind_zh']} {r['subject']}）：{r['note']}")
    if args.xlsx:
        from app.services.xlsx_out import check_target

        check_target(Path(args.xlsx))
    rows = centre_exceptions.listed(args.station, args.all)
    if args.xlsx:
        centre_exceptions.write_xlsx(Path(args.xlsx), rows)
    answer = {"exceptions": [{**dataclasses.asdict(r), "text": centre_exceptions.describe(r)}
                             for r in rows], "xlsx": args.xlsx}

    def lines(r: dict[str, Any]) -> str:
        out = [f"{e['id']:>5}  {e['found_at'][:16]}  {e['kind_zh']}  {'、'.join(e['stations'])}"
               f"  {e['text']}" + ("" if e["state"] == "open" else f"  已处理：{e['note']}")
               for e in r["exceptions"]] or ["没有未处理的异常。"]
        if r["xlsx"]:
            out.append(f"已写入 Excel：{r['xlsx']}")
        return "\n".join(out)
    return answer, lines


def cmd_notice(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import centre_members

    uid = centre_members.add_notice(_operator(args, call), args.title, args.body, args.station)
    return ({"uid": uid, "title": args.title, "station": args.station},
            lambda r: f"已新增通知“{r['title']}”，发往" + (r["station"] or "全部站点")
            + "，随下次下发包送达。")


def cmd_revoke_key(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import centre_members

    at = centre_members.revoke_key(_operator(args, call), args.station, args.key_id,
                                   args.reason)
    return ({"station": args.station.upper(), "key_id": args.key_id, "revoked_at": str(at)},
            lambda r: f"已吊销站点 {r['station']} 的密钥 {r['key_id']}（{r['revoked_at']} 起），"
                      "此后用它签名的包一律拒收；下次下发包会告知该站点。")


def cmd_package_for(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import centre_return

    done = centre_return.package_for(_operator(args, call), args.station, Path(args.to))
    return (dataclasses.asdict(done),
            lambda r: f"已写出站点 {r['station']} 的下发包 {r['seq']}：{r['path']}（"
                      + "，".join(f"{k} {v}" for k, v in sorted(r["counts"].items())) + "）")


def _import_lines(r: dict[str, Any]) -> str:
    out = []
    for f in r["files"]:
        where = f"{f['station'] or '?'} 包 {f['seq'] if f['seq'] is not None else '?'}"
        if f["status"] == "imported":
            extra = ("，新异常：" + "、".join(f"{KINDS.get(k, (k,))[0]} {n}"
                                            for k, n in f["exceptions"].items())
                     if f["exceptions"] else "")
            out.append(f"已导入 {f['file']}（{where}）：新增 {f['added']} 条，"
                       f"更新 {f['changed']} 条{extra}")
        elif f["status"] == "already":
            out.append(f"已导入过 {f['file']}（{where}），未作改动")
        else:
            out.append(f"拒收 {f['file']}：{f['message']}")
    out.append(f"共 {len(r['files'])} 个文件：导入 {r['imported']}，此前已导入 {r['already']}，"
               f"拒收 {r['refused']}。")
    return "\n".join(out)


def cmd_package_import(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import package_import

    results = package_import.import_files(_operator(args, call), map(Path, args.files))
    files = [dataclasses.asdict(r) for r in results]
    answer = {"files": files,
              **{s: sum(f["status"] == s for f in files)
                 for s in ("imported", "already", "refused")}}
    if answer["refused"]:
        # Some refused: 1 when others went in, 2 when nothing changed at all.
        status = EXIT_REFUSED if answer["refused"] == len(files) else EXIT_FAILED
        raise Failed(answer, status, _import_lines)
    return answer, _import_lines


HANDLERS: Handlers = {
    ("centre", "init"): cmd_init,
    ("centre", "add-institute"): cmd_add_institute,
    ("centre", "add-station"): cmd_add_station,
    ("centre", "stations"): cmd_stations,
    ("centre", "exceptions"): cmd_exceptions,
    ("centre", "notice"): cmd_notice,
    ("centre", "revoke-key"): cmd_revoke_key,
    ("centre", "package-for"): cmd_package_for,
    ("package", "import"): cmd_package_import,
}
