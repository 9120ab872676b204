"""Command-line handlers for volunteers: a volunteer's record, the 志愿服务记录证明 written
to a PDF with its number from the register, the register itself, and the export for the
national volunteer information system. Their arguments are declared in
``app.cli.grammar_volunteer_records``."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.cli.support import (
    Handlers,
    Invocation,
    Outcome,
    audited,
    check_writable,
    parse_date,
    resident,
    signed_in,
)


def cmd_record(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services.volunteer_record import volunteer_record

    ctx = signed_in(args, call, personal=True)
    person = resident(args.resident)
    audited(ctx, "volunteer.record", person.uid)
    record = asdict(volunteer_record(person.id, parse_date(args.start), parse_date(args.end)))

    def lines(r: dict[str, Any]) -> str:
        star = r["star"]["name"] or "未到一星"
        out = [f"{r['name']}（{r['resident_no']}）{r['id_type']} {r['id_masked'] or '—'}",
               f"累计志愿服务 {r['total_hours']} 小时，星级：{star}"]
        out += [f"  队伍：{t['team']} {t['joined_on']} 起"
                + (f"，{t['left_on']} 离队" if t["left_on"] else "") for t in r["teams"]]
        out += [f"  {y['year']} 年：{y['activities']} 次 {y['hours']} 小时" for y in r["years"]]
        out += [f"  {s['date']} {s['title']} {s['hours']} 小时" for s in r["services"]]
        return "\n".join(out)
    return (record, lines)


def cmd_certificate(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.printing.certificate import certificate_printout
    from app.services import certificates

    check_writable(args.pdf)
    ctx = signed_in(args, call, personal=True)
    person = resident(args.resident)
    issued = certificates.issue_certificate(
        ctx, person.id, parse_date(args.start), parse_date(args.end), args.full_id,
        args.in_charge, args.handler, request_id=args.request_id)
    certificate_printout(issued.content).write(Path(args.pdf))
    c = issued.content
    result = {"number": c.number, "resident_no": c.resident_no, "name": c.name,
              "from": c.start, "to": c.end, "hours": c.hours, "activities": c.activities,
              "full_id": c.full_id, "issued_on": c.issued_on, "replayed": issued.replayed,
              "pdf": args.pdf}
    return (result, lambda r: f"已出具志愿服务记录证明 {r['number']}：{r['name']} "
                              f"{r['from']} 至 {r['to']} 共 {r['hours']} 小时"
                              f"（{r['activities']} 次活动）：{r['pdf']}"
                              + ("（重复请求，未重新编号）" if r["replayed"] else ""))


def cmd_certificates(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import certificates

    ctx = signed_in(args, call, personal=True)
    audited(ctx, "volunteer.register", str(args.year or ""))  # it names the volunteers
    rows = [asdict(r) for r in certificates.register(args.year)]
    return ({"certificates": rows}, lambda r: "\n".join(
        f"{c['number']}  {c['issued_at']}  {c['name']}（{c['resident_no']}）"
        f"{c['start']} 至 {c['end']}  {c['hours']} 小时  {c['activities']} 次"
        f"  经办 {c['handler'] or c['issued_by']}" + ("  印完整证件号" if c["full_id"] else "")
        for c in r["certificates"]) or "登记簿中还没有证明。")


def cmd_export(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services.volunteer_export import export_national

    check_writable(args.xlsx)
    ctx = signed_in(args, call, personal=True)
    done = export_national(ctx, Path(args.xlsx), parse_date(args.start), parse_date(args.end))
    return (asdict(done), lambda r: f"已导出 {r['rows']} 行（{r['volunteers']} 名志愿者，"
                                    f"{r['activities']} 场活动）：{r['path']}")


HANDLERS: Handlers = {
    ("volunteer", "record"): cmd_record,
    ("volunteer", "certificate"): cmd_certificate,
    ("volunteer", "certificates"): cmd_certificates,
    ("volunteer", "export"): cmd_export,
}
