"""Signing a resident in at the desk: a recorded event with a purpose, counted per day."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import peewee as pw

from app.models import CheckIn
from app.models.station import station_code
from app.services import audit, operations, residents
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import InvalidInput
from app.services.permissions import require
from app.services.purposes import PURPOSES


@dataclass(frozen=True)
class CheckInResult:
    uid: str
    resident_id: int
    name: str
    purpose: str
    date: str
    today_count: int
    replayed: bool = False  # the first result of a request made before, returned again

    @property
    def changes(self) -> Changes:
        return Changes.of_residents([self.resident_id])  # their check-ins today


def check_in(ctx: Context, resident_id: int, purpose: str = "consult",
             request_id: str | None = None) -> CheckInResult:
    require(ctx, "checkin.record")
    if purpose not in PURPOSES:
        raise InvalidInput(what="签到事由无效，请从列表中选择。",
                           what_en="Unknown purpose; pick one from the list.")
    today = ctx.clock.today()

    def body(rid: str) -> dict:
        resident = residents.load(resident_id, active=True)
        uid = f"{station_code()}-C{uuid.uuid4().hex}"
        CheckIn.create(uid=uid, resident=resident, checkin_date=today, purpose=purpose,
                       clerk=ctx.actor.clerk_id, created_at=ctx.clock.now())
        audit.record(ctx, "checkin", resident.uid, {"purpose": purpose})
        return {"uid": uid, "resident_id": resident.id, "name": resident.name,
                "purpose": purpose, "date": str(today), "today_count": count_on(today)}

    result, replayed = operations.run(ctx, "checkin", request_id,
                                      {"resident": resident_id, "purpose": purpose}, body)
    return CheckInResult(**result, replayed=replayed)


def count_on(day: dt.date) -> int:
    """Residents signed in on ``day`` (each counted once, whatever their purposes)."""
    return (CheckIn.select(pw.fn.COUNT(CheckIn.resident.distinct()))
            .where(CheckIn.checkin_date == day).scalar())


def times_today(resident_id: int, day: dt.date) -> list[tuple[str, str]]:
    """Each check-in of the resident on ``day``: its purpose and the time (HH:MM)."""
    return [(c.purpose, c.created_at.strftime("%H:%M")) for c in
            CheckIn.select(CheckIn.purpose, CheckIn.created_at)
            .where(CheckIn.resident == resident_id, CheckIn.checkin_date == day)
            .order_by(CheckIn.id)]


def purposes_today(resident_id: int, day: dt.date) -> list[str]:
    return [c.purpose for c in CheckIn.select(CheckIn.purpose)
            .where(CheckIn.resident == resident_id, CheckIn.checkin_date == day)
            .order_by(CheckIn.id)]
