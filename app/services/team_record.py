"""A team's record for its page: every spell of membership with both dates, the service
hours its closed activities gave volunteers, and the activities it organised."""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from app.models import Activity, ActivityTeam, Participant, Resident, TeamMember
from app.services import activities, teams
from app.services.activities import ActivityView


@dataclass(frozen=True)
class Spell:
    resident_id: int
    resident_no: str
    name: str
    joined_on: str
    left_on: str | None  # None: still a member


def spells(team: str) -> list[Spell]:
    """Current members first, each by the day they joined; then those who left."""
    t = teams.resolve(team)
    query = (TeamMember.select(TeamMember.resident, Resident.resident_no, Resident.name,
                               TeamMember.joined_on, TeamMember.left_on)
             .join(Resident).where(TeamMember.team == t.id)
             .order_by(TeamMember.left_on.is_null(False), TeamMember.joined_on,
                       Resident.resident_no).tuples())
    return [Spell(rid, no, name, str(joined), str(left) if left else None)
            for rid, no, name, joined, left in query]


def hours(team: str) -> str:
    """Volunteer hours awarded at the closed activities the team organised."""
    t = teams.resolve(team)
    tenths = (Participant.select(pw.fn.SUM(Participant.hours_tenths))
              .join(Activity).join(ActivityTeam, on=ActivityTeam.activity == Activity.id)
              .where(ActivityTeam.team == t.id, Activity.state == "closed",
                     Participant.role == "volunteer").scalar())
    return activities.hours_text(int(tenths or 0))


def activities_of(team: str) -> list[ActivityView]:
    """The activities the team organised (or organises), newest first."""
    t = teams.resolve(team)
    query = (Activity.select().join(ActivityTeam).where(ActivityTeam.team == t.id)
             .order_by(Activity.date.desc(), Activity.start.desc(), Activity.id.desc()))
    return [activities.view(a) for a in query]
