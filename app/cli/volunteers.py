"""Command-line handlers for volunteer teams and activities: teams and members, planning an
activity, sign-up, attendance, closing (hours and points) and the published statistics.
Their arguments are declared in ``app.cli.grammar_volunteers``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.support import (
    Handlers,
    Invocation,
    Outcome,
    check_writable,
    parse_date,
    reader,
    resident,
    signed_in,
)


def cmd_team_add(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import teams

    ctx = signed_in(args, call)
    leader = resident(args.leader).id if args.leader else None
    team = teams.add_team(ctx, args.name, args.colour, args.kind, args.parent, leader,
                          args.unit, request_id=args.request_id)
    return (team.__dict__, lambda r: f"已新建志愿服务队 {r['name']}（编号 {r['id']}）")


def _membership(args: argparse.Namespace, call: Invocation, leave: bool) -> Outcome:
    from app.services import teams

    ctx = signed_in(args, call)
    ids = [resident(q).id for q in args.residents]
    change = teams.leave_team if leave else teams.join_team
    result = change(ctx, args.team, ids, parse_date(args.date), request_id=args.request_id)
    done, same = ("离队", "不是现任队员") if leave else ("入队", "已是队员，未重复加入")
    return ({"team": result.team, "date": result.date,
             "members": [m.__dict__ for m in result.members]},
            lambda r: "\n".join(f"{m['name']}（{m['resident_no']}）"
                                f"{done if m['changed'] else same}" for m in r["members"]))


def cmd_team_join(args: argparse.Namespace, call: Invocation) -> Outcome:
    return _membership(args, call, leave=False)


def cmd_team_leave(args: argparse.Namespace, call: Invocation) -> Outcome:
    return _membership(args, call, leave=True)


def cmd_team_list(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import teams

    ctx = signed_in(args, call, personal=True)  # leaders are named
    rows = [t.__dict__ for t in teams.list_teams(ctx.clock.today())]
    return ({"teams": rows}, lambda r: "\n".join(
        f"{t['id']:>4}  {t['name']}  {t['colour']}  {teams.KINDS.get(t['kind'], t['kind'])}"
        f"  队员 {t['members']} 人" + (f"  上级 {t['parent']}" if t["parent"] else "")
        + (f"  队长 {t['leader']}" if t["leader"] else "") for t in r["teams"]))


def cmd_activity_add(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import activities

    ctx = signed_in(args, call)
    plan = activities.ActivityPlan(
        title=args.title, date=parse_date(args.date),
        start=activities.parse_time(args.start, "start"),
        end=activities.parse_time(args.end, "end"), deed_type=args.deed_type,
        teams=tuple(args.team), kind=args.kind, project=args.project, place=args.place,
        capacity=args.capacity, max_hours=args.max_hours, room=args.room)
    made = activities.add_activity(ctx, plan, request_id=args.request_id)
    return (made.__dict__, lambda r: f"已安排活动 {r['id']}：{r['date']} {r['start']}-{r['end']}"
                                     f" {r['title']}")


def cmd_activity_signup(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import activities

    ctx = signed_in(args, call)
    ids = [resident(q).id for q in args.residents]
    if args.cancel:
        result = activities.cancel_signup(ctx, args.activity, ids, request_id=args.request_id)
        moved = [r.__dict__ for r in result.residents]
        return ({"activity": result.activity, "booked": result.booked,
                 "waiting": result.waiting, "cancelled": len(ids), "moved_up": moved},
                lambda r: f"已取消 {r['cancelled']} 人的报名；已报名 {r['booked']}，候补 "
                          f"{r['waiting']}" + "".join(f"\n{m['name']} 由候补转为报名"
                                                       for m in r["moved_up"]))
    result = activities.sign_up(ctx, args.activity, ids, args.role, request_id=args.request_id)
    return ({"activity": result.activity, "booked": result.booked, "waiting": result.waiting,
             "residents": [r.__dict__ for r in result.residents]}, _signup_lines)


def _signup_lines(r: dict[str, Any]) -> str:
    lines = []
    for p in r["residents"]:
        state = "已报名" if p["signup"] == "booked" else f"候补第 {p['position']} 位"
        lines.append(f"{p['name']}（{p['resident_no']}）{state}"
                     + ("（此前已报名，未重复计）" if p["repeated"] else ""))
    return "\n".join([*lines, f"已报名 {r['booked']}，候补 {r['waiting']}"])


def cmd_activity_attend(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import activities, attendance

    ctx = signed_in(args, call)
    ids = [resident(q).id for q in args.residents]
    sign_in = activities.parse_time(args.sign_in, "in") if args.sign_in else None
    sign_out = activities.parse_time(args.sign_out, "out") if args.sign_out else None
    result = attendance.attend(ctx, args.activity, ids, args.role, sign_in, sign_out,
                               request_id=args.request_id)
    marks = [m.__dict__ for m in result.marks]
    return ({"activity": result.activity, "marks": marks,
             "repeats": sum(m["outcome"] == "repeat" for m in marks)},
            lambda r: "\n".join(
                f"{m['name']}（{m['resident_no']}）{activities.ROLES[m['role']]} "
                f"{attendance.OUTCOME_ZH[m['outcome']]}" + ("，现场登记" if m["walk_in"] else "")
                + f"  签到 {m['signed_in'] or '—'} 签退 {m['signed_out'] or '—'}"
                for m in r["marks"]))


NOTE_ZH = {"cap": "已达积分项目上限", "zero": "时长不足以计分",
           "no_sign_out": "未签退，计至活动结束"}


def cmd_activity_close(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import activity_close

    ctx = signed_in(args, call)
    closing = activity_close.close_activity(ctx, args.activity, request_id=args.request_id)
    result = {**closing.__dict__, "residents": [a.__dict__ for a in closing.residents]}

    def lines(r: dict[str, Any]) -> str:
        head = ("该活动此前已结算，未做任何更改。" if r["already_closed"] else "已结算。") + \
               f"{r['title']}：志愿服务 {r['hours']} 小时，积分 {r['points']} 分"
        return "\n".join([head] + [
            f"  {a['name']}（{a['resident_no']}）{a['hours']} 小时 {a['points']:+d} 分"
            + ("（待审核）" if a["status"] == "pending" else "")
            + (f"（{NOTE_ZH[a['note']]}）" if a["note"] else "")
            for a in r["residents"] if a["role"] == "volunteer"])
    return (result, lines)


def cmd_activity_list(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import activities

    reader(call)
    rows = [a.__dict__ for a in activities.list_activities(parse_date(args.start),
                                                           parse_date(args.end))]
    return ({"activities": rows}, lambda r: "\n".join(
        f"{a['id']:>4}  {a['date']} {a['start']}-{a['end']}  {a['title']}  {a['kind']}  "
        f"{activities.STATES[a['state']]}  报名 {a['booked']}"
        + (f"/{a['capacity']}" if a["capacity"] else "") + f" 候补 {a['waiting']}"
        f" 到场 {a['attended']}" for a in r["activities"]))


def cmd_activity_stats(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import volunteer_stats

    reader(call)
    if args.xlsx:
        check_writable(args.xlsx)
    report = volunteer_stats.activity_stats(parse_date(args.start), parse_date(args.end),
                                            args.by)
    if args.xlsx:
        volunteer_stats.write_xlsx(report, Path(args.xlsx))
    result = {"from": report.start, "to": report.end, "by": report.by,
              "total": report.total.__dict__, "rows": [f.__dict__ for f in report.rows],
              "xlsx": args.xlsx}

    def line(f: dict[str, Any]) -> str:
        v, a = f["volunteers"], f["audience"]
        return (f"{f['label']}：{f['activities']} 场；志愿者 {v['persons']} 人 "
                f"{v['person_times']} 人次，{f['volunteer_hours']} 小时，新增 "
                f"{f['new_volunteers']} 人；服务群众 {a['persons']} 人 {a['person_times']} 人次；"
                f"群众点单受理 {f['requests_taken']} 件，办结 {f['requests_done']} 件")
    return (result, lambda r: "\n".join([line(f) for f in r["rows"]] + [line(r["total"])]))


def cmd_activity_kinds(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import activities

    if args.add:
        activities.save_kind(signed_in(args, call), args.add, args.name_zh, args.name_en)
    else:
        reader(call)
    kinds = [{"code": c, "name_zh": zh, "name_en": en} for c, zh, en in activities.list_kinds()]
    return ({"kinds": kinds}, lambda r: "\n".join(f"{k['code']:<12} {k['name_zh']}"
                                                  for k in r["kinds"]))


HANDLERS: Handlers = {
    ("team", "add"): cmd_team_add,
    ("team", "join"): cmd_team_join,
    ("team", "leave"): cmd_team_leave,
    ("team", "list"): cmd_team_list,
    ("activity", "add"): cmd_activity_add,
    ("activity", "signup"): cmd_activity_signup,
    ("activity", "attend"): cmd_activity_attend,
    ("activity", "close"): cmd_activity_close,
    ("activity", "list"): cmd_activity_list,
    ("activity", "stats"): cmd_activity_stats,
    ("activity", "kinds"): cmd_activity_kinds,
}
