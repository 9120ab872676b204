"""Command-line handlers for the station's rooms and their bookings; their arguments are
declared in ``app.cli.grammar_rooms``."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.support import Handlers, Invocation, Outcome, parse_date, reader, signed_in

WEEKDAYS = "一二三四五六日"


def _room_line(r: dict[str, Any]) -> str:
    return (f"{r['id']:>4}  {r['name']}" + (f"  可容纳 {r['capacity']} 人" if r["capacity"]
                                            else "") + ("" if r["active"] else "  已停用"))


def cmd_room_add(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import rooms

    room = rooms.add_room(signed_in(args, call), args.name, args.capacity,
                          request_id=args.request_id)
    return (room.__dict__, lambda r: f"已新增场地 {r['name']}（编号 {r['id']}）")


def cmd_room_rename(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import rooms

    room = rooms.rename_room(signed_in(args, call), args.room, args.name, args.capacity)
    return (room.__dict__, lambda r: f"场地 {r['id']} 现名 {r['name']}")


def cmd_room_retire(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import rooms

    room = rooms.retire_room(signed_in(args, call), args.room)
    return (room.__dict__, lambda r: f"已停用场地 {r['name']}")


def cmd_room_list(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import rooms

    reader(call)
    found = [r.__dict__ for r in rooms.list_rooms(include_retired=args.all)]
    return ({"rooms": found}, lambda r: "\n".join(map(_room_line, r["rooms"])) or "还没有场地")


def _booking_line(b: dict[str, Any]) -> str:
    return (f"预订号 {b['id']}  {b['room']} {b['date']} {b['start']}–{b['end']}  {b['holder']}"
            + (f"（{b['purpose']}）" if b["purpose"] else "") + ("  已取消" if b["cancelled"]
                                                               else ""))


def cmd_room_book(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import activities, rooms

    ctx = signed_in(args, call)
    booking = rooms.Booking(args.room, parse_date(args.date),
                            activities.parse_time(args.start, "start"),
                            activities.parse_time(args.end, "end"), args.activity, args.team,
                            args.unit, args.purpose)
    made = rooms.book_room(ctx, booking, request_id=args.request_id)
    return (made.__dict__, lambda b: "已预订：" + _booking_line(b))


def cmd_room_cancel(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import rooms

    done = rooms.cancel_booking(signed_in(args, call), args.booking,
                                request_id=args.request_id)
    return (done.__dict__, lambda b: "已取消，时间已空出：" + _booking_line(b))


def cmd_room_week(args: argparse.Namespace, call: Invocation) -> Outcome:
    from app.services import rooms

    ctx = reader(call)
    week = rooms.week(parse_date(args.date) or ctx.clock.today())
    result = {"monday": week.monday, "days": week.days,
              "rooms": [{**r.__dict__, "days": [[b.__dict__ for b in week.bookings(r.id, n)]
                                                 for n in range(7)]} for r in week.rooms]}

    def lines(r: dict[str, Any]) -> str:
        out = [f"{r['days'][0]} 至 {r['days'][-1]}"]
        for room in r["rooms"]:
            out.append(room["name"])
            for n, day in enumerate(room["days"]):
                out += [f"  周{WEEKDAYS[n]} {b['date'][5:]} {b['start']}–{b['end']}  "
                        f"{b['holder']}（预订号 {b['id']}）" for b in day]
        return "\n".join(out)
    return (result, lines)


HANDLERS: Handlers = {
    ("room", "add"): cmd_room_add,
    ("room", "rename"): cmd_room_rename,
    ("room", "retire"): cmd_room_retire,
    ("room", "list"): cmd_room_list,
    ("room", "book"): cmd_room_book,
    ("room", "cancel"): cmd_room_cancel,
    ("room", "week"): cmd_room_week,
}
