"""Demo data for the daily close-out (日结): the demo clerk's last few days closed, each at
the end of its afternoon, so the 日结 page has saved close-outs to open and reprint. Made
through the close-out service, last of the demo data (a day closed before its records
were written would not count them).

The demo's invented history writes check-ins in bulk, without the audit record the
check-in service writes with each; for the days it closes, those records are written
first, at each check-in's time, so the close-out finds the day as a desk leaves it."""

from __future__ import annotations

import datetime as dt

import peewee as pw

from app.models import AuditRecord, CheckIn, Clerk, Resident, write_transaction
from app.services import audit, closeout
from app.services.context import Actor, Context, FixedClock

DAYS = 3
CLOSED_AT = dt.time(17, 30)


def add(ctx: Context, clerk: Clerk, today: dt.date) -> dict:
    """Close the demo clerk's ``DAYS`` days before ``today``, oldest first; a station whose
    demo clerk has closed a day already keeps its close-outs."""
    clock = FixedClock(dt.datetime.combine(today, CLOSED_AT))
    desk = Context(ctx.data_dir, clock, Actor(clerk.id, clerk.username, clerk.display_name,
                                              clerk.role))
    if closeout.listing(desk, limit=1):
        return {"closeouts": 0}
    for back in range(DAYS, 0, -1):
        day = today - dt.timedelta(days=back)
        _audit_checkins(desk, day)
        clock.at = dt.datetime.combine(day, CLOSED_AT)
        closeout.save(desk)
    return {"closeouts": DAYS}


def _audit_checkins(desk: Context, day: dt.date) -> None:
    """The audit record of each of the clerk's check-ins on ``day`` that has none."""
    noted = AuditRecord.select(AuditRecord.seq).where(
        AuditRecord.action == "checkin", AuditRecord.target == Resident.uid,
        AuditRecord.at == CheckIn.created_at)
    bare = (CheckIn.select(CheckIn.created_at, CheckIn.purpose, Resident.uid).join(Resident)
            .where(CheckIn.clerk == desk.actor.clerk_id, CheckIn.checkin_date == day,
                   ~pw.fn.EXISTS(noted))
            .order_by(CheckIn.created_at, CheckIn.id))
    with write_transaction():
        for row in bare:
            desk.clock.at = row.created_at
            audit.record(desk, "checkin", row.resident.uid, {"purpose": row.purpose})
