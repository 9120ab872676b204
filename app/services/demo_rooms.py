"""The rooms of a demo station and a week of bookings in them, made through the room
services (so every rule holds for them too): the usual rooms of a station, booked this
week and next by teams and partner units, credited to the demo clerk."""

from __future__ import annotations

import datetime as dt

from app.services import demo_station, rooms
from app.services.context import Actor, Context
from app.services.rooms import Booking

ROOMS = (("道德讲堂", 80), ("四点半课堂", 30), ("心理咨询室", 4), ("活动室", 40))
# (room, days after this week's Monday, start, end, unit, purpose)
BOOKINGS = (
    ("道德讲堂", 1, "09:00", "11:00", "新华派出所", "反诈法治讲座"),
    ("道德讲堂", 3, "14:30", "16:30", "新华社区卫生服务站", "老年人健康讲座"),
    ("四点半课堂", 0, "16:30", "18:00", "新华小学", "课后托管"),
    ("四点半课堂", 2, "16:30", "18:00", "新华小学", "课后托管"),
    ("四点半课堂", 4, "16:30", "18:00", "新华小学", "课后托管"),
    ("心理咨询室", 2, "09:30", "11:30", "区心理健康服务中心", "心理咨询值班"),
    ("活动室", 5, "09:00", "11:30", "幸福里幼儿园", "亲子手工"),
    ("活动室", 8, "14:00", "16:00", "新华派出所", "警民恳谈会"),
)


def add(ctx: Context) -> int:
    """Add the rooms (if the station has none yet) and book the coming days; returns the
    bookings made. Bookings on days already past are skipped."""
    if rooms.list_rooms(include_retired=True):
        return 0
    for name, capacity in ROOMS:
        rooms.add_room(ctx, name, capacity)
    demo = demo_station.clerk(ctx)
    clerk = ctx.as_actor(Actor(demo.id, demo.username, demo.display_name, demo.role))
    today = ctx.clock.today()
    monday = today - dt.timedelta(days=today.weekday())
    made = 0
    for room, offset, start, end, unit, purpose in BOOKINGS:
        day = monday + dt.timedelta(days=offset)
        if day >= today:
            rooms.book_room(clerk, Booking(room, day, dt.time.fromisoformat(start),
                                           dt.time.fromisoformat(end), unit=unit,
                                           purpose=purpose))
            made += 1
    return made
