"""An activity's sign-up list as the paper sign-in sheet prints it: the booked residents in
the order they signed up, then the waiting list in its order.

The sheet goes where the desk is not, so a row carries only what a volunteer needs to
find and sign their line (name, resident number, role): no card code, no identity
number, no phone. The resident number is also what the row's QR holds, and the
attendance mode's scan field takes a resident number as it takes a card, so the ticked
rows can be scanned in back at the desk.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.models import Participant, Resident
from app.services import activities
from app.services.activities import ActivityView


@dataclass(frozen=True)
class SheetRow:
    resident_no: str
    name: str
    role: str  # volunteer | audience
    signup: str  # booked | waiting
    position: int | None  # on the waiting list, 1 = next to get a place


def sign_up_list(activity_ref: str | int) -> tuple[ActivityView, list[SheetRow]]:
    """The activity (one still taking attendance) and its signed-up residents."""
    activity = activities.writable(activity_ref)
    query = (Participant.select(Participant.signup, Participant.role, Resident.resident_no,
                                Resident.name)
             .join(Resident)
             .where(Participant.activity == activity.id, Participant.signup.is_null(False))
             .order_by(Participant.id).tuples())
    booked: list[SheetRow] = []
    waiting: list[SheetRow] = []
    for signup, role, number, name in query:
        if signup == "waiting":
            waiting.append(SheetRow(number, name, role, signup, len(waiting) + 1))
        else:
            booked.append(SheetRow(number, name, role, signup, None))
    return activities.view(activity), booked + waiting
