"""Refusals about the station's rooms and their bookings."""

from __future__ import annotations

from app.services.errors.base import DeskError


class RoomNotFound(DeskError):
    code = "room_not_found"
    field = "room"
    zh = "找不到场地“{query}”。请用场地名称或编号，可用 room list 查看。"
    en = "No room “{query}”. Give its name or number (see room list)."
    query: str


class RoomExists(DeskError):
    code = "room_exists"
    field = "name"
    zh = "已有名为“{name}”的场地，请换一个名称。"
    en = "A room named “{name}” already exists; choose another name."
    name: str


class RoomRetired(DeskError):
    code = "room_retired"
    field = "room"
    zh = "场地“{name}”已停用，不能再预订。"
    en = "The room “{name}” is retired and cannot be booked."
    name: str


class RoomStillBooked(DeskError):
    code = "room_still_booked"
    field = "room"
    zh = "场地“{name}”在 {date} 还有预订（预订号 {booking}），请先取消今后的预订再停用。"
    en = ("The room “{name}” is still booked on {date} (booking {booking}); cancel its "
          "coming bookings before retiring it.")
    name: str
    date: str
    booking: int


class BookingClash(DeskError):
    code = "booking_clash"
    field = "start"
    zh = ("{room} {date} {start}–{end} 已被“{holder}”预订（预订号 {booking}），时间冲突。"
          "请换个时间或场地。")
    en = ("{room} is booked on {date} {start}–{end} for “{holder}” (booking {booking}): "
          "the times clash. Choose another time or room.")
    room: str
    date: str
    start: str
    end: str
    holder: str
    booking: int


class BookingNotFound(DeskError):
    code = "booking_not_found"
    field = "booking"
    zh = "找不到预订“{query}”。请用预订号，可用 room week 查看。"
    en = "No booking “{query}”. Give its number (see room week)."
    query: str


class BookingCancelled(DeskError):
    code = "booking_cancelled"
    field = "booking"
    zh = "预订 {booking} 已于 {at} 取消，无需再取消。"
    en = "Booking {booking} was already cancelled at {at}."
    booking: int
    at: str
