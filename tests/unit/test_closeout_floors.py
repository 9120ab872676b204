"""A first close-out finds where its day begins in each table by bisecting the ids, and
counts exactly what reading every table from its first row counts, rows written around
the start (and a clock put back across it) included."""

from __future__ import annotations

import datetime as dt

import peewee as pw
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models import database
from app.services import closeout, deeds, residents
from app.services.closeout_figures import Window, compute
from app.services.closeout_floors import floor_before, floors_at, in_time_order
from tests.closeout_day import busy_day


def _awarded(view: closeout.CloseoutView) -> tuple[int, int]:
    figure = next(f for f in view.figures if f["key"] == "deeds_awarded")
    return figure["records"]["count"], figure["records"]["amount"]


def test_searched_floors_count_what_a_full_scan_counts(ctx, clerk_ctx):
    clock = ctx.clock
    midnight = dt.datetime.combine(clock.today(), dt.time())
    start = midnight - dt.timedelta(seconds=1)

    person = residents.register(ctx, residents.ResidentInput(
        name="王芳", id_type="none", compound="幸福里", building="2", unit="1", room="202",
        grid="第一网格")).id

    def deed(at: dt.datetime, code: str = "ENV_CLEANUP") -> None:
        clock.at = at
        deeds.record_deed(clerk_ctx, person, code, 1)

    deed(midnight - dt.timedelta(days=3))  # long before: under the floor
    deed(midnight - dt.timedelta(days=3), "ELDER_CARE")
    deed(start)  # the last second before the day: not the day's
    deed(midnight)  # the day's first second
    deed(midnight - dt.timedelta(minutes=5))  # the clock put back: a later id, an earlier time
    deed(midnight + dt.timedelta(minutes=1), "ELDER_CARE")
    clock.at = midnight + dt.timedelta(hours=9)
    busy_day(ctx, clerk_ctx)
    end = clock.now()
    floors = floors_at(start)
    assert floors["ledger"] > 0 and floors["deed"] > 0  # the days before are skipped
    for clerk_id in (clerk_ctx.actor.clerk_id, ctx.actor.clerk_id):
        searched = Window(clerk_id, start, end, floors)
        scanned = Window(clerk_id, start, end)
        assert compute(searched) == compute(scanned)
        assert searched.next_floors() == scanned.next_floors()


def test_a_first_closeout_covers_its_day_not_the_history(ctx, clerk_ctx, resident):
    clock = ctx.clock
    today = clock.today()
    clock.at -= dt.timedelta(days=30)
    deeds.record_deed(clerk_ctx, resident.id, "ENV_CLEANUP", 1)  # before any close-out
    clock.at += dt.timedelta(days=29)
    yesterday = deeds.record_deed(clerk_ctx, resident.id, "ENV_CLEANUP", 1)
    admins = deeds.record_deed(ctx, resident.id, "ELDER_CARE", 1)
    clock.at += dt.timedelta(days=1, minutes=1)
    now = deeds.record_deed(clerk_ctx, resident.id, "ELDER_CARE", 1)
    clock.advance(minutes=1)
    first = closeout.save(ctx, today - dt.timedelta(days=1))  # the desk's first day closed
    assert first.from_at == f"{today - dt.timedelta(days=2)} 23:59:59"
    assert _awarded(first) == (1, admins.points)
    # The clerk's own first close-out starts where the desk's close-outs began.
    mine = closeout.save(clerk_ctx)
    assert mine.from_at == first.from_at
    assert _awarded(mine) == (2, yesterday.points + now.points)


class Stamp(pw.Model):
    at = pw.DateTimeField()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.integers(1, 5), st.integers(0, 3)), max_size=30),
       probe=st.integers(-1, 100))
def test_the_bisection_finds_the_last_row_written_by_a_moment(db, steps, probe):
    """Ids with gaps, several rows in one second: the floor is the scan's answer."""
    base = dt.datetime(2026, 11, 1)
    with database.bind_ctx([Stamp]):
        database.create_tables([Stamp])
        try:
            key, seconds = 0, 0
            for gap, pause in steps:
                key, seconds = key + gap, seconds + pause
                Stamp.create(id=key, at=base + dt.timedelta(seconds=seconds))
            moment = base + dt.timedelta(seconds=probe)
            scanned = Stamp.select(pw.fn.MAX(Stamp.id)).where(Stamp.at <= moment).scalar()
            assert floor_before(Stamp, Stamp.id, Stamp.at, moment) == (scanned or 0)
        finally:
            database.drop_tables([Stamp])


def test_a_table_out_of_time_order_gets_no_floor(db):
    """Rows written resident by resident, each one's year at once (as the demo writes its
    history): no floor, so the window reads the table from its first row."""
    base = dt.datetime(2026, 1, 1)
    with database.bind_ctx([Stamp]):
        database.create_tables([Stamp])
        try:
            for _resident in range(20):
                for day in range(0, 300, 15):
                    Stamp.create(at=base + dt.timedelta(days=day))
            assert not in_time_order(Stamp, Stamp.id, Stamp.at)
            Stamp.delete().where(Stamp.id > 20).execute()  # the first resident's year only
            assert in_time_order(Stamp, Stamp.id, Stamp.at)
        finally:
            database.drop_tables([Stamp])
