"""Volunteer teams and their members, projects, activities, and who took part in each.

Rows that may leave the station (teams, projects, activities) carry a ``uid`` of the
station code and a random part, so that records of many stations merge. A later
request (百姓点单) or room booking links to an ``Activity`` by its id.
"""

from __future__ import annotations

import peewee as pw

from app.models.base import BaseModel
from app.models.catalogue import DeedType
from app.models.clerk import Clerk
from app.models.resident import Resident


class Team(BaseModel):
    uid = pw.CharField(unique=True)
    name = pw.CharField(unique=True)
    colour = pw.CharField(default="")  # 红色、紫色… as the station names its teams
    kind = pw.CharField(default="skill")  # general | skill | trade | unit
    parent = pw.ForeignKeyField("self", null=True, backref="branches")  # 总队 → 分队
    leader = pw.ForeignKeyField(Resident, null=True, backref="teams_led")
    unit = pw.CharField(default="")  # the partner unit (共驻共建单位) of a unit's team
    active = pw.BooleanField(default=True)
    created_at = pw.DateTimeField()


class TeamMember(BaseModel):
    """One spell of membership: leaving sets ``left_on``; rejoining starts a new row."""

    team = pw.ForeignKeyField(Team, backref="members")
    resident = pw.ForeignKeyField(Resident, backref="team_spells")
    joined_on = pw.DateField()
    left_on = pw.DateField(null=True)
    created_at = pw.DateTimeField()

    class Meta:
        indexes = ((("team", "resident"), False),)


class ActivityKind(BaseModel):
    """An admin-editable kind of activity (理论宣讲, 文化文艺, …)."""

    code = pw.CharField(unique=True)
    name_zh = pw.CharField()
    name_en = pw.CharField()
    sort_order = pw.IntegerField(default=0)
    active = pw.BooleanField(default=True)


class Project(BaseModel):
    """A brand project (爱心厨房, 校外课堂…) that groups activities."""

    uid = pw.CharField(unique=True)
    name = pw.CharField(unique=True)
    created_at = pw.DateTimeField()


class Activity(BaseModel):
    uid = pw.CharField(unique=True)
    title = pw.CharField()
    kind = pw.ForeignKeyField(ActivityKind, backref="activities")
    project = pw.ForeignKeyField(Project, null=True, backref="activities")
    date = pw.DateField(index=True)
    start = pw.TimeField()
    end = pw.TimeField()
    place = pw.CharField(default="")
    capacity = pw.IntegerField(null=True)  # places to sign up for; None: no limit
    deed_type = pw.ForeignKeyField(DeedType, backref="activities")
    max_tenths = pw.IntegerField()  # hours one volunteer may earn here, in tenths
    state = pw.CharField(default="planned")  # planned | open | closed
    created_by = pw.ForeignKeyField(Clerk, backref="activities_made")
    created_at = pw.DateTimeField()
    closed_by = pw.ForeignKeyField(Clerk, null=True, backref="activities_closed")
    closed_at = pw.DateTimeField(null=True)


class ActivityTeam(BaseModel):
    """A team organising an activity (an activity may have several)."""

    activity = pw.ForeignKeyField(Activity, backref="organisers")
    team = pw.ForeignKeyField(Team, backref="activities")

    class Meta:
        indexes = ((("activity", "team"), True),)


class Participant(BaseModel):
    """One resident at one activity: signed up (booked or waiting), and/or attended.

    Hours, points and the deed are written once, when the activity is closed.
    """

    activity = pw.ForeignKeyField(Activity, backref="participants", index=False)
    resident = pw.ForeignKeyField(Resident, backref="participations")
    role = pw.CharField(default="volunteer")  # volunteer | audience
    signup = pw.CharField(null=True)  # booked | waiting; None: came without signing up
    signed_up_at = pw.DateTimeField(null=True)
    walk_in = pw.BooleanField(default=False)
    signed_in_at = pw.DateTimeField(null=True)
    signed_out_at = pw.DateTimeField(null=True)
    last_scan_at = pw.DateTimeField(null=True)
    hours_tenths = pw.IntegerField(null=True)
    points = pw.IntegerField(null=True)
    deed_uid = pw.CharField(null=True)
    deed_status = pw.CharField(null=True)  # approved | pending; None: no deed recorded
    award_note = pw.CharField(default="")  # why fewer points: cap | zero | no_sign_in

    class Meta:
        indexes = ((("activity", "resident"), True),)
