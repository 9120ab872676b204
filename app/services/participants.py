"""Who takes part in one activity, as the window lists them: the booked, the waiting
list in its order, then those who came without signing up; their attendance, and once
the activity is closed, the hours and points it gave them."""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from app.models import Participant, Resident
from app.services import activities


@dataclass(frozen=True)
class ParticipantRow:
    resident_id: int
    resident_no: str
    name: str
    role: str  # volunteer | audience
    signup: str | None  # booked | waiting; None: came without signing up
    position: int | None  # on the waiting list, 1 = next to get a place
    walk_in: bool
    signed_in: str | None
    signed_out: str | None
    hours: str | None  # None until the activity is closed
    points: int | None
    status: str | None  # the deed's: approved | pending


def _hhmm(at: object) -> str | None:
    return at.strftime("%H:%M") if at else None  # type: ignore[attr-defined]


def of_activity(activity_ref: str | int) -> list[ParticipantRow]:
    activity = activities.resolve(activity_ref)
    closed = activity.state == "closed"
    order = pw.Case(Participant.signup, (("booked", 0), ("waiting", 1)), 2)
    query = (Participant.select(Participant, Resident)
             .join(Resident).where(Participant.activity == activity.id)
             .order_by(order, Participant.id))
    out, waiting = [], 0
    for row in query:
        waiting += row.signup == "waiting"
        attended = row.signed_in_at is not None
        out.append(ParticipantRow(
            row.resident_id, row.resident.resident_no, row.resident.name, row.role,
            row.signup, waiting if row.signup == "waiting" else None, row.walk_in,
            _hhmm(row.signed_in_at), _hhmm(row.signed_out_at),
            activities.hours_text(row.hours_tenths or 0) if closed and attended else None,
            (row.points or 0) if closed and attended else None, row.deed_status))
    return out
