"""The station's rooms (道德讲堂, 四点半课堂, 活动室…) and their bookings."""

from __future__ import annotations

import peewee as pw

from app.models.base import BaseModel
from app.models.clerk import Clerk
from app.models.volunteer import Activity, Team


class Room(BaseModel):
    name = pw.CharField(unique=True)
    capacity = pw.IntegerField(null=True)
    sort_order = pw.IntegerField(default=0)
    active = pw.BooleanField(default=True)


class RoomBooking(BaseModel):
    """A room held for a time on one day, for an activity, a team or a partner unit
    (共驻共建单位). A cancelled booking keeps its row and frees the time."""

    uid = pw.CharField(unique=True)
    room = pw.ForeignKeyField(Room, backref="bookings")
    date = pw.DateField()
    start = pw.TimeField()
    end = pw.TimeField()
    purpose = pw.CharField(default="")
    activity = pw.ForeignKeyField(Activity, null=True, backref="bookings")
    team = pw.ForeignKeyField(Team, null=True, backref="bookings")
    unit = pw.CharField(default="")
    booked_by = pw.ForeignKeyField(Clerk, backref="bookings_made")
    booked_at = pw.DateTimeField()
    cancelled_at = pw.DateTimeField(null=True)

    class Meta:
        indexes = ((("room", "date"), False),)
