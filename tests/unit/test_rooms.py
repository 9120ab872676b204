"""Rooms and their bookings: clashes refused by naming the booking clashed with, touching
times allowed, a cancelled booking freeing its time, a retired room refused, the week view,
and an activity planned in a room (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import AuditRecord, RoomBooking
from app.services import activities, rooms, teams
from app.services.activities import ActivityPlan
from app.services.errors import InvalidInput, PermissionDenied
from app.services.errors.rooms import (
    BookingCancelled,
    BookingClash,
    RoomExists,
    RoomRetired,
    RoomStillBooked,
)
from app.services.rooms import Booking

DAY = dt.date(2026, 11, 23)  # the fixture clock's day, a Monday


def t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def booking(start: str, end: str, room: str = "道德讲堂", day: dt.date = DAY,
            **holder: str) -> Booking:
    return Booking(room, day, t(start), t(end), **(holder or {"unit": "新华派出所"}))


@pytest.fixture
def hall(ctx):
    return rooms.add_room(ctx, "道德讲堂", capacity=80)


def test_clash_is_refused_naming_the_booking(ctx, hall):
    """An overlapping booking is refused with the room, times and holder of the one it
    clashes with, and nothing is written."""
    teams.add_team(ctx, "红色志愿服务队")
    first = rooms.book_room(ctx, booking("09:00", "11:00", team="红色志愿服务队",
                                         purpose="队员培训"))
    assert (first.holder, first.kind, first.purpose) == ("红色志愿服务队", "team", "队员培训")
    with pytest.raises(BookingClash) as refused:
        rooms.book_room(ctx, booking("10:30", "12:00"))
    message = refused.value.message()
    assert "红色志愿服务队" in message and "09:00–11:00" in message
    assert f"预订号 {first.id}" in message and "道德讲堂" in message
    assert "09:00–11:00" in refused.value.message("en")
    with pytest.raises(BookingClash):
        rooms.book_room(ctx, booking("08:00", "12:00"))  # around it
    with pytest.raises(BookingClash):
        rooms.book_room(ctx, booking("09:30", "10:00"))  # inside it
    assert RoomBooking.select().count() == 1


def test_touching_times_and_other_rooms_or_days_do_not_clash(ctx, hall):
    """One ending at 11:00 and the next starting at 11:00 share the room; another room or
    another day is free."""
    rooms.add_room(ctx, "活动室")
    rooms.book_room(ctx, booking("09:00", "11:00"))
    rooms.book_room(ctx, booking("11:00", "12:00"))
    rooms.book_room(ctx, booking("08:00", "09:00"))
    rooms.book_room(ctx, booking("09:00", "11:00", room="活动室"))
    rooms.book_room(ctx, booking("09:00", "11:00", day=DAY + dt.timedelta(days=1)))
    assert RoomBooking.select().count() == 5


def test_cancelled_booking_frees_its_time_and_is_kept(ctx, hall):
    """Cancelling keeps the row (marked) and lets the time be booked again; cancelling
    twice is refused."""
    first = rooms.book_room(ctx, booking("09:00", "11:00"))
    cancelled = rooms.cancel_booking(ctx, first.id)
    assert cancelled.cancelled
    again = rooms.book_room(ctx, booking("09:00", "11:00", unit="幸福里幼儿园"))
    assert again.holder == "幸福里幼儿园"
    assert RoomBooking.get_by_id(first.id).cancelled_at is not None
    with pytest.raises(BookingCancelled):
        rooms.cancel_booking(ctx, first.uid)
    assert [b.id for b in rooms.week(DAY).bookings(hall.id, 0)] == [again.id]
    assert AuditRecord.select().where(AuditRecord.action == "room.cancel").count() == 1


def test_retired_room_is_refused_and_retiring_waits_for_its_bookings(ctx, hall):
    """A room still booked from today on is not retired; once free it is, and then takes
    no booking and leaves the list."""
    coming = rooms.book_room(ctx, booking("09:00", "10:00", day=DAY + dt.timedelta(days=3)))
    with pytest.raises(RoomStillBooked) as refused:
        rooms.retire_room(ctx, "道德讲堂")
    assert refused.value.booking == coming.id
    rooms.cancel_booking(ctx, coming.id)
    assert rooms.retire_room(ctx, hall.id).active is False
    with pytest.raises(RoomRetired):
        rooms.book_room(ctx, booking("09:00", "10:00"))
    assert rooms.list_rooms() == []
    assert [r.name for r in rooms.list_rooms(include_retired=True)] == ["道德讲堂"]


def test_rooms_are_for_admins_and_named_once(ctx, clerk_ctx, hall):
    """A clerk books but does not add rooms; names are unique, also on renaming."""
    with pytest.raises(PermissionDenied):
        rooms.add_room(clerk_ctx, "四点半课堂")
    rooms.add_room(ctx, "四点半课堂")
    with pytest.raises(RoomExists):
        rooms.add_room(ctx, "道德讲堂")
    with pytest.raises(RoomExists):
        rooms.rename_room(ctx, "四点半课堂", "道德讲堂")
    renamed = rooms.rename_room(ctx, "四点半课堂", "四点半学堂", capacity=30)
    assert (renamed.name, renamed.capacity) == ("四点半学堂", 30)
    made = rooms.book_room(clerk_ctx, booking("14:00", "16:00", room="四点半学堂"))
    assert made.room == "四点半学堂"


def test_bad_bookings_change_nothing(ctx, hall):
    """No holder or two holders, an end before the start, a past day: each refused."""
    for bad in (Booking("道德讲堂", DAY, t("09:00"), t("10:00")),
                booking("09:00", "10:00", unit="新华派出所", team="红色志愿服务队"),
                booking("10:00", "09:00"),
                booking("09:00", "10:00", day=DAY - dt.timedelta(days=1))):
        with pytest.raises(InvalidInput):
            rooms.book_room(ctx, bad)
    assert RoomBooking.select().count() == 0


def test_week_view_lays_out_rooms_by_days(ctx, hall):
    """Rooms as rows, Monday to Sunday as columns, bookings by start time in their cells;
    a day outside the week is left out."""
    room = rooms.add_room(ctx, "心理咨询室")
    later = rooms.book_room(ctx, booking("14:00", "15:00", day=DAY + dt.timedelta(days=2)))
    early = rooms.book_room(ctx, booking("08:00", "09:00", day=DAY + dt.timedelta(days=2)))
    rooms.book_room(ctx, booking("08:00", "09:00", room="心理咨询室",
                                 day=DAY + dt.timedelta(days=7)))
    week = rooms.week(DAY + dt.timedelta(days=4))
    assert week.monday == "2026-11-23" and week.days[-1] == "2026-11-29"
    assert [r.name for r in week.rooms] == ["道德讲堂", "心理咨询室"]
    assert [b.id for b in week.bookings(hall.id, 2)] == [early.id, later.id]
    assert week.bookings(room.id, 0) == [] and len(week.cells) == 1


def test_activity_planned_in_a_room_books_it_in_the_same_transaction(ctx, hall):
    """``room`` on a plan books the room for the activity's time; a clash refuses the
    whole plan, leaving no activity behind."""
    plan = ActivityPlan("道德讲堂宣讲", DAY, t("09:00"), t("10:30"), "ENV_CLEANUP",
                        kind="theory", room="道德讲堂")
    made = activities.add_activity(ctx, plan)
    assert made.place == "道德讲堂"
    [held] = rooms.bookings_of_activity(made.id)
    assert (held.holder, held.kind, held.start, held.end) == ("道德讲堂宣讲", "activity",
                                                             "09:00", "10:30")
    with pytest.raises(BookingClash):
        activities.add_activity(ctx, ActivityPlan("另一场", DAY, t("10:00"), t("11:00"),
                                                  "ENV_CLEANUP", room="道德讲堂"))
    assert [a.title for a in activities.list_activities()] == ["道德讲堂宣讲"]
    by_activity = rooms.book_room(ctx, booking("13:00", "14:00", activity=str(made.id)))
    assert by_activity.activity_id == made.id


def test_demo_station_has_rooms_booked_by_the_demo_clerk(ctx):
    """The demo data brings the usual rooms and bookings in the days ahead, booked under
    the demo clerk and kept by the same rules as any booking."""
    from app.services import demo, demo_station

    demo.generate(ctx, residents=3)
    assert [r.name for r in rooms.list_rooms()] == ["道德讲堂", "四点半课堂", "心理咨询室",
                                                    "活动室"]
    made = RoomBooking.select()
    assert made.count() >= 4
    assert {b.booked_by.username for b in made} == {demo_station.CLERK_USERNAME}
    assert all(b.date >= DAY for b in made)
