"""The station's rooms (道德讲堂, 四点半课堂, 心理咨询室, 活动室…) and their bookings, so a
venue is shared between activities, teams and partner units (共驻共建单位) rather than
left idle.

An admin adds, renames and retires rooms; a clerk books one for a day and a time and
cancels a booking (its row stays, and the time is free again). The clash rule lives in
``room_holds``; the week view lays the bookings out as rooms × days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from app.models import Room, RoomBooking
from app.services import activities, audit, operations, room_holds, teams, text
from app.services.context import Context
from app.services.errors import InvalidInput
from app.services.errors.rooms import (
    BookingCancelled,
    BookingNotFound,
    RoomExists,
    RoomStillBooked,
)
from app.services.permissions import require
from app.services.room_holds import BookingView, resolve_room

ROOM_NAME = text.Kind("场地名称", "The room name", 30)
HOLDERS = ("activity", "team", "unit")


@dataclass(frozen=True)
class RoomView:
    id: int
    name: str
    capacity: int | None
    active: bool


def _room_view(room: Room) -> RoomView:
    return RoomView(room.id, room.name, room.capacity, room.active)


def _capacity(capacity: int | None) -> int | None:
    if capacity is not None and capacity <= 0:
        raise InvalidInput(what="容纳人数须为正整数，或不填。",
                           what_en="The capacity is a positive number, or none.",
                           field="capacity")
    return capacity


def _unique(name: str, room_id: int | None = None) -> None:
    same = Room.select().where(Room.name == name)
    if room_id is not None:
        same = same.where(Room.id != room_id)
    if same.exists():
        raise RoomExists(name=name)


def add_room(ctx: Context, name: str, capacity: int | None = None,
             request_id: str | None = None) -> RoomView:
    """A new room (admin)."""
    require(ctx, "room.manage")
    name = text.clean(name, ROOM_NAME, field="name", required=True)
    params = {"name": name, "capacity": _capacity(capacity)}

    def body(rid: str) -> dict:
        _unique(name)
        last = Room.select(pw.fn.MAX(Room.sort_order)).scalar() or 0
        room = Room.create(name=name, capacity=capacity, sort_order=last + 1)
        audit.record(ctx, "room.add", name, params)
        return _room_view(room).__dict__

    result, _ = operations.run(ctx, "room.add", request_id, params, body)
    return RoomView(**result)


def rename_room(ctx: Context, room: str | int, name: str, capacity: int | None = None,
                request_id: str | None = None) -> RoomView:
    """A room's new name and capacity (admin); its bookings follow it."""
    require(ctx, "room.manage")
    name = text.clean(name, ROOM_NAME, field="name", required=True)
    params = {"room": str(room), "name": name, "capacity": _capacity(capacity)}

    def body(rid: str) -> dict:
        found = resolve_room(room)
        _unique(name, found.id)
        Room.update(name=name, capacity=capacity).where(Room.id == found.id).execute()
        audit.record(ctx, "room.rename", found.name, params)
        return _room_view(Room.get_by_id(found.id)).__dict__

    result, _ = operations.run(ctx, "room.rename", request_id, params, body)
    return RoomView(**result)


def retire_room(ctx: Context, room: str | int, request_id: str | None = None) -> RoomView:
    """Take a room out of use (admin): refused while it is booked from today on, so no
    booking is left in a room nobody can open. Its past bookings stay."""
    require(ctx, "room.manage")
    params = {"room": str(room)}

    def body(rid: str) -> dict:
        found = resolve_room(room)
        coming = (RoomBooking.select()
                  .where(RoomBooking.room == found.id, RoomBooking.cancelled_at.is_null(),
                         RoomBooking.date >= ctx.clock.today())
                  .order_by(RoomBooking.date, RoomBooking.start).first())
        if coming is not None:
            raise RoomStillBooked(name=found.name, date=str(coming.date), booking=coming.id)
        Room.update(active=False).where(Room.id == found.id).execute()
        audit.record(ctx, "room.retire", found.name)
        return _room_view(Room.get_by_id(found.id)).__dict__

    result, _ = operations.run(ctx, "room.retire", request_id, params, body)
    return RoomView(**result)


def list_rooms(include_retired: bool = False) -> list[RoomView]:
    query = Room.select().order_by(Room.sort_order, Room.id)
    if not include_retired:
        query = query.where(Room.active == True)  # noqa: E712
    return [_room_view(r) for r in query]


@dataclass(frozen=True)
class Booking:
    """What a clerk asks for: a room, a day and a time, for exactly one of an activity,
    a team or a partner unit, with a purpose."""

    room: str
    date: dt.date
    start: dt.time
    end: dt.time
    activity: str = ""
    team: str = ""
    unit: str = ""
    purpose: str = ""


def book_room(ctx: Context, booking: Booking, request_id: str | None = None) -> BookingView:
    """Hold the room for the time, or refuse naming the booking it clashes with."""
    require(ctx, "room.book")
    unit = text.clean(booking.unit, teams.UNIT, field="unit")
    named = [h for h, value in zip(HOLDERS, (booking.activity.strip(), booking.team.strip(),
                                             unit), strict=True) if value]
    if len(named) != 1:
        raise InvalidInput(what="请写明为哪一个活动、志愿服务队或共建单位预订（三者选一）。",
                           what_en="Book for exactly one of an activity, a team or a "
                                   "partner unit.", field="holder")
    params = {**booking.__dict__, "date": str(booking.date), "start": str(booking.start),
              "end": str(booking.end), "unit": unit}

    def body(rid: str) -> dict:
        activity = activities.resolve(booking.activity) if booking.activity.strip() else None
        team = teams.resolve(booking.team) if booking.team.strip() else None
        made = room_holds.hold(ctx, booking.room, booking.date, booking.start, booking.end,
                               activity=activity, team=team, unit=unit,
                               purpose=booking.purpose)
        return made.__dict__

    result, _ = operations.run(ctx, "room.book", request_id, params, body)
    return BookingView(**result)


def _booking(query: str | int) -> RoomBooking:
    typed = str(query).strip()
    found = None
    if typed.isascii() and typed.isdigit():
        found = RoomBooking.get_or_none(RoomBooking.id == int(typed))
    if found is None:
        found = RoomBooking.get_or_none(RoomBooking.uid == typed)
    if found is None:
        raise BookingNotFound(query=typed)
    return found


def cancel_booking(ctx: Context, booking: str | int,
                   request_id: str | None = None) -> BookingView:
    """Cancel a booking: it is kept, marked cancelled, and its time is free again."""
    require(ctx, "room.book")
    params = {"booking": str(booking)}

    def body(rid: str) -> dict:
        found = _booking(booking)
        if found.cancelled_at is not None:
            raise BookingCancelled(booking=found.id, at=f"{found.cancelled_at:%Y-%m-%d %H:%M}")
        RoomBooking.update(cancelled_at=ctx.clock.now()).where(
            RoomBooking.id == found.id).execute()
        audit.record(ctx, "room.cancel", found.uid)
        return room_holds.view(RoomBooking.get_by_id(found.id)).__dict__

    result, _ = operations.run(ctx, "room.cancel", request_id, params, body)
    return BookingView(**result)


def bookings_of_activity(activity_id: int) -> list[BookingView]:
    """The rooms held for an activity, cancelled ones left out."""
    query = (RoomBooking.select()
             .where(RoomBooking.activity == activity_id, RoomBooking.cancelled_at.is_null())
             .order_by(RoomBooking.date, RoomBooking.start))
    return [room_holds.view(b) for b in query]


@dataclass(frozen=True)
class Week:
    """Seven days from a Monday; ``cells[(room id, day index)]`` are the room's bookings
    that day, by start time (cancelled ones left out)."""

    monday: str
    days: list[str]
    rooms: list[RoomView]
    cells: dict[tuple[int, int], list[BookingView]]

    def bookings(self, room_id: int, day: int) -> list[BookingView]:
        return self.cells.get((room_id, day), [])


def week(day: dt.date) -> Week:
    """The week holding ``day``: the rooms in use (and a retired one still booked that
    week) as rows, Monday to Sunday as columns."""
    monday = day - dt.timedelta(days=day.weekday())
    days = [monday + dt.timedelta(days=n) for n in range(7)]
    booked = (RoomBooking.select(RoomBooking, Room).join(Room)
              .where(RoomBooking.date.between(days[0], days[-1]),
                     RoomBooking.cancelled_at.is_null())
              .order_by(RoomBooking.date, RoomBooking.start, RoomBooking.id))
    cells: dict[tuple[int, int], list[BookingView]] = {}
    for b in booked:
        cells.setdefault((b.room_id, (b.date - monday).days), []).append(room_holds.view(b))
    used = {room_id for room_id, _ in cells}
    rooms = [r for r in list_rooms(include_retired=True) if r.active or r.id in used]
    return Week(str(monday), [str(d) for d in days], rooms, cells)
