"""Closing an activity: attendance becomes service hours and points, once.

Hours are sign-out − sign-in (the time of service only: travel is never scanned),
rounded down to the half hour as the catalogue counts hours, and capped at the
activity's limit (by default its scheduled length). A volunteer with no sign-out is
counted to the scheduled end (or to the close, if that comes sooner), and the result
says so. Points are recorded through
``deeds.record_deed`` for the activity's deed type, so its points per unit, its caps
and its review apply exactly as at the desk: a cap already reached awards what is left
of it; a type that needs review leaves the deed pending.

Everything happens in one transaction; a closed activity stays closed, and closing it
again returns what the first close awarded and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from app.models import Activity, DeedType, Participant, Resident
from app.services import activities, audit, deeds, operations
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import FutureDate
from app.services.permissions import require

HALF_HOUR = 5  # tenths


@dataclass(frozen=True)
class Award:
    resident_id: int
    resident_no: str
    name: str
    role: str
    signed_in: str | None
    signed_out: str | None
    hours: str
    points: int
    status: str | None  # the deed's: approved | pending; None: no deed
    note: str  # "": as earned; cap | zero | no_sign_out: why the award differs


@dataclass(frozen=True)
class Closing:
    activity: str
    title: str
    date: str
    already_closed: bool
    hours: str  # all volunteers together
    points: int  # approved points posted
    residents: list[Award]

    @property
    def changes(self) -> Changes:
        return Changes.of_residents((a.resident_id for a in self.residents), ledger=True,
                                    pending=True)


def service_tenths(activity: Activity, signed_in: dt.datetime,
                   signed_out: dt.datetime | None, now: dt.datetime) -> int:
    """Hours of service in tenths: rounded down to the half hour, capped per activity."""
    until = signed_out or min(dt.datetime.combine(activity.date, activity.end), now)
    minutes = max(int((until - signed_in).total_seconds()) // 60, 0)
    return min(minutes // 30 * HALF_HOUR, activity.max_tenths,
               deeds.MAX_QUANTITY["per_hour"] * 10)


def _quantity(row: Participant, deed_type: DeedType, day: dt.date,
              tenths: int) -> tuple[int, str]:
    """What to record for the deed type, in tenths of its unit, and why it is less."""
    wanted = tenths if deed_type.unit == "per_hour" else (10 if tenths else 0)
    state = deeds.cap_state(row.resident_id, deed_type.code, day)
    if state.left is not None and state.left * 10 < wanted:
        step = HALF_HOUR if deed_type.unit == "per_hour" else 10
        return int(state.left * 10) // step * step, "cap"
    return wanted, ""


def _award(ctx: Context, rid: str, activity: Activity, row: Participant) -> dict:
    person = row.resident
    tenths, note, points, status, deed_uid = 0, "", 0, None, None
    if row.role == "volunteer" and row.signed_in_at is not None:
        tenths = service_tenths(activity, row.signed_in_at, row.signed_out_at,
                                ctx.clock.now())
        deed_type = activity.deed_type
        quantity, note = _quantity(row, deed_type, activity.date, tenths)
        if quantity and deeds.points_for(deed_type.points, quantity) == 0:
            quantity, note = 0, "zero"
        if quantity:
            result = deeds.record_deed(
                ctx, person.id, deed_type.code, str(Decimal(quantity) / 10), activity.date,
                note=f"志愿活动：{activity.title}", request_id=f"{rid}-{person.id}")
            points, status, deed_uid = result.points, result.status, result.deed_uid
        if row.signed_out_at is None and not note:
            note = "no_sign_out"
    row.hours_tenths, row.points, row.deed_uid = tenths, points, deed_uid
    row.deed_status, row.award_note = status, note
    row.save()
    return _award_of(row, person)


def _award_of(row: Participant, person: Resident) -> dict:
    at = row.signed_in_at, row.signed_out_at
    return Award(person.id, person.resident_no, person.name, row.role,
                 at[0].strftime("%H:%M") if at[0] else None,
                 at[1].strftime("%H:%M") if at[1] else None,
                 activities.hours_text(row.hours_tenths or 0), row.points or 0,
                 row.deed_status, row.award_note).__dict__


def _closing(activity: Activity, awards: list[dict], already: bool) -> dict:
    tenths = sum(int(Decimal(a["hours"]) * 10) for a in awards if a["role"] == "volunteer")
    points = sum(a["points"] for a in awards if a["status"] == "approved")
    return {"activity": activity.uid, "title": activity.title, "date": str(activity.date),
            "already_closed": already, "hours": activities.hours_text(tenths),
            "points": points, "residents": awards}


def _attended(activity: Activity) -> list[Participant]:
    return list(Participant.select(Participant, Resident).join(Resident)
                .where(Participant.activity == activity.id,
                       Participant.signed_in_at.is_null(False))
                .order_by(Participant.role.desc(), Participant.id))


def close_activity(ctx: Context, activity_ref: str | int,
                   request_id: str | None = None) -> Closing:
    """Turn the activity's attendance into hours and points, in one transaction."""
    require(ctx, "activity.close")
    activity = activities.resolve(activity_ref)
    if activity.state == "closed":  # nothing to write, not even an operation record
        return _as_closing(_closing(activity, [_award_of(r, r.resident)
                                               for r in _attended(activity)], True))

    def body(rid: str) -> dict:
        activity = activities.resolve(activity_ref)
        if activity.state == "closed":
            return _closing(activity, [_award_of(r, r.resident) for r in _attended(activity)],
                            True)
        if activity.date > ctx.clock.today():
            raise FutureDate(date=str(activity.date))
        awards = [_award(ctx, rid, activity, row) for row in _attended(activity)]
        Activity.update(state="closed", closed_by=ctx.actor.clerk_id,
                        closed_at=ctx.clock.now()).where(Activity.id == activity.id).execute()
        result = _closing(activity, awards, False)
        audit.record(ctx, "activity.close", activity.uid,
                     {"residents": len(awards), "hours": result["hours"],
                      "points": result["points"]})
        return result

    result, _ = operations.run(ctx, "activity.close", request_id,
                               {"activity": str(activity_ref)}, body)
    return _as_closing(result)


def _as_closing(result: dict) -> Closing:
    return Closing(**{**result, "residents": [Award(**a) for a in result["residents"]]})
