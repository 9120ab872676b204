"""Holding a room for a time: the clash rule and the booking row, used inside the
transaction of an operation (booking a room, or planning an activity in one).

Two bookings of one room on one day clash when their times overlap; one ending at 10:00
and the next starting at 10:00 do not. A cancelled booking keeps its row and no longer
holds the time. A retired room takes no new booking.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from app.models import Activity, Room, RoomBooking, Team
from app.models.station import station_code
from app.services import audit, text
from app.services.context import Context
from app.services.errors import InvalidInput
from app.services.errors.rooms import BookingClash, RoomNotFound, RoomRetired

PURPOSE = text.Kind("用途", "The purpose", 60)


@dataclass(frozen=True)
class BookingView:
    id: int
    uid: str
    room: str
    date: str
    start: str
    end: str
    holder: str  # whom the room is held for: the activity, the team or the partner unit
    kind: str  # activity | team | unit
    purpose: str
    activity_id: int | None
    cancelled: bool


def resolve_room(query: str | int) -> Room:
    """The room a name or number names."""
    typed = str(query).strip()
    room = Room.get_or_none(Room.name == typed)
    if room is None and typed.isascii() and typed.isdigit():
        room = Room.get_or_none(Room.id == int(typed))
    if room is None:
        raise RoomNotFound(query=typed)
    return room


def hhmm(value: object) -> str:
    return str(value)[:5]


def view(booking: RoomBooking) -> BookingView:
    if booking.activity_id:
        holder, kind = booking.activity.title, "activity"
    elif booking.team_id:
        holder, kind = booking.team.name, "team"
    else:
        holder, kind = booking.unit, "unit"
    return BookingView(booking.id, booking.uid, booking.room.name, str(booking.date),
                       hhmm(booking.start), hhmm(booking.end), holder, kind, booking.purpose,
                       booking.activity_id, booking.cancelled_at is not None)


def _check_times(ctx: Context, day: dt.date, start: dt.time, end: dt.time) -> None:
    if end <= start:
        raise InvalidInput(what="结束时间须晚于开始时间。",
                           what_en="The end must be after the start.", field="end")
    if day < ctx.clock.today():
        raise InvalidInput(what=f"{day} 已经过去，不能再预订。",
                           what_en=f"{day} is past: it cannot be booked.", field="date")
    if (day - ctx.clock.today()).days > 366:
        raise InvalidInput(what=f"{day} 太远：只能预订一年以内的日期。",
                           what_en=f"{day} is too far ahead: book within a year.",
                           field="date")


def hold(ctx: Context, room_ref: str | int, day: dt.date, start: dt.time, end: dt.time, *,
         activity: Activity | None = None, team: Team | None = None, unit: str = "",
         purpose: str = "") -> BookingView:
    """Book the room, refusing a clash by naming the booking it clashes with; call inside
    the operation's write transaction (writers go one at a time, so no other booking can
    slip in between the check and the insert)."""
    purpose = text.clean(purpose, PURPOSE, field="purpose")
    _check_times(ctx, day, start, end)
    room = resolve_room(room_ref)
    if not room.active:
        raise RoomRetired(name=room.name)
    clash = (RoomBooking.select()
             .where(RoomBooking.room == room.id, RoomBooking.date == day,
                    RoomBooking.cancelled_at.is_null(), RoomBooking.start < end,
                    RoomBooking.end > start)
             .order_by(RoomBooking.start).first())
    if clash is not None:
        found = view(clash)
        raise BookingClash(room=room.name, date=found.date, start=found.start, end=found.end,
                           holder=found.holder, booking=found.id)
    booking = RoomBooking.create(
        uid=f"{station_code()}-B{uuid.uuid4().hex}", room=room, date=day, start=start,
        end=end, purpose=purpose, activity=activity, team=team, unit=unit,
        booked_by=ctx.actor.clerk_id, booked_at=ctx.clock.now())
    made = view(booking)
    audit.record(ctx, "room.book", booking.uid, {
        "room": room.name, "date": str(day), "start": made.start, "end": made.end,
        "holder": made.holder, "kind": made.kind, "purpose": purpose})
    return made
