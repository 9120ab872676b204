"""Volunteer teams (志愿服务队): a team's kind, colour, parent team, leader and partner unit,
and its members, who join and leave on dates (a record of who served when)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import peewee as pw

from app.models import Resident, Team, TeamMember
from app.models.station import station_code
from app.services import audit, operations, residents, text
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import FutureDate, InvalidInput, TeamExists, TeamNotFound
from app.services.permissions import require

KINDS = {"general": "总队", "skill": "技能队", "trade": "行业队", "unit": "共建单位队"}
TEAM_NAME = text.Kind("队名", "The team name", 40)
COLOUR = text.Kind("颜色", "The colour", 10)
UNIT = text.Kind("共建单位", "The partner unit", 60)


@dataclass(frozen=True)
class TeamView:
    id: int
    uid: str
    name: str
    colour: str
    kind: str
    parent: str | None
    leader: str | None
    unit: str
    members: int  # members today


def resolve(query: str | int) -> Team:
    """The team a name or number names."""
    typed = str(query).strip()
    team = Team.get_or_none(Team.name == typed)
    if team is None and typed.isascii() and typed.isdigit():
        team = Team.get_or_none(Team.id == int(typed))
    if team is None:
        raise TeamNotFound(query=typed)
    return team


def _view(team: Team, today: dt.date) -> TeamView:
    members = (TeamMember.select().where(TeamMember.team == team.id, _current(today)).count())
    return TeamView(team.id, team.uid, team.name, team.colour, team.kind,
                    team.parent.name if team.parent_id else None,
                    team.leader.name if team.leader_id else None, team.unit, members)


def _current(day: dt.date) -> pw.Expression:
    return (TeamMember.joined_on <= day) & (TeamMember.left_on.is_null()
                                            | (TeamMember.left_on > day))


def add_team(ctx: Context, name: str, colour: str = "", kind: str = "skill",
             parent: str | None = None, leader_id: int | None = None, unit: str = "",
             request_id: str | None = None) -> TeamView:
    """A new team; ``parent`` names the team it belongs to (分队 of a 总队)."""
    require(ctx, "team.manage")
    name = text.clean(name, TEAM_NAME, field="name", required=True)
    colour = text.clean(colour, COLOUR, field="colour")
    unit = text.clean(unit, UNIT, field="unit")
    if kind not in KINDS:
        choices = "、".join(f"{k}（{v}）" for k, v in KINDS.items())
        raise InvalidInput(what=f"队伍类型须为：{choices}。",
                           what_en=f"The kind is one of: {', '.join(KINDS)}.", field="kind")
    params = {"name": name, "colour": colour, "kind": kind, "parent": parent,
              "leader": leader_id, "unit": unit}

    def body(rid: str) -> dict:
        if Team.select().where(Team.name == name).exists():
            raise TeamExists(name=name)
        above = resolve(parent) if parent else None
        leader = residents.load(leader_id, active=True) if leader_id is not None else None
        team = Team.create(uid=f"{station_code()}-T{uuid.uuid4().hex}", name=name,
                           colour=colour, kind=kind, parent=above, leader=leader, unit=unit,
                           created_at=ctx.clock.now())
        if leader is not None:
            TeamMember.create(team=team, resident=leader, joined_on=ctx.clock.today(),
                              created_at=ctx.clock.now())
        audit.record(ctx, "team.add", team.uid, params)
        return _view(team, ctx.clock.today()).__dict__

    result, _ = operations.run(ctx, "team.add", request_id, params, body)
    return TeamView(**result)


@dataclass(frozen=True)
class MemberChange:
    resident_id: int
    resident_no: str
    name: str
    changed: bool  # False: already a member (joining) or not one (leaving): nothing done


@dataclass(frozen=True)
class MembershipResult:
    team: str
    date: str
    members: list[MemberChange]

    @property
    def changes(self) -> Changes:
        return Changes.of_residents(m.resident_id for m in self.members if m.changed)


def _day(ctx: Context, day: dt.date | None) -> dt.date:
    day = day or ctx.clock.today()
    if day > ctx.clock.today():
        raise FutureDate(date=day.isoformat())
    return day


def join_team(ctx: Context, team: str, resident_ids: list[int], day: dt.date | None = None,
              request_id: str | None = None) -> MembershipResult:
    """Residents join a team on ``day``; one who is already a member is reported, not
    added twice. All join, or none."""

    def join(t: Team, person: Resident, on: dt.date) -> bool:
        open_spell = TeamMember.get_or_none(TeamMember.team == t.id,
                                            TeamMember.resident == person.id,
                                            TeamMember.left_on.is_null())
        if open_spell is None:
            TeamMember.create(team=t, resident=person, joined_on=on, created_at=ctx.clock.now())
        return open_spell is None

    return _change_members(ctx, "team.join", team, resident_ids, day, request_id, join,
                           active=True)


def leave_team(ctx: Context, team: str, resident_ids: list[int], day: dt.date | None = None,
               request_id: str | None = None) -> MembershipResult:
    """Members leave a team on ``day`` (their record stays, with both dates)."""

    def leave(t: Team, person: Resident, on: dt.date) -> bool:
        spell = TeamMember.get_or_none(TeamMember.team == t.id,
                                       TeamMember.resident == person.id,
                                       TeamMember.left_on.is_null())
        if spell is not None:
            if on < spell.joined_on:
                raise InvalidInput(
                    what=f"{person.name} 于 {spell.joined_on} 入队，离队日期不能更早。",
                    what_en=f"{person.name} joined on {spell.joined_on}; "
                            "leaving cannot be earlier.", field="date")
            spell.left_on = on
            spell.save()
        return spell is not None

    return _change_members(ctx, "team.leave", team, resident_ids, day, request_id, leave,
                           active=False)


def _change_members(ctx: Context, action: str, team: str, resident_ids: list[int],
                    day: dt.date | None, request_id: str | None,
                    change: Callable[[Team, Resident, dt.date], bool],
                    active: bool) -> MembershipResult:
    """One membership change for each resident (``change`` says whether it changed
    anything), in one audited, idempotent operation."""
    require(ctx, "team.manage")
    on = _day(ctx, day)
    ids = list(dict.fromkeys(resident_ids))
    params = {"team": team, "residents": ids, "date": str(day) if day else None}

    def body(rid: str) -> dict:
        t = resolve(team)
        out = []
        for resident_id in ids:
            person = residents.load(resident_id, active=active)
            out.append(MemberChange(person.id, person.resident_no, person.name,
                                    change(t, person, on)).__dict__)
        audit.record(ctx, action, t.uid, {"residents": ids, "date": str(on)})
        return {"team": t.name, "date": str(on), "members": out}

    result, _ = operations.run(ctx, action, request_id, params, body)
    return MembershipResult(result["team"], result["date"],
                            [MemberChange(**m) for m in result["members"]])


def list_teams(today: dt.date) -> list[TeamView]:
    """Every active team, in the order they were made."""
    teams = Team.select().where(Team.active == True).order_by(Team.id)  # noqa: E712
    return [_view(t, today) for t in teams]


def members(team: str, day: dt.date) -> list[tuple[str, str, str]]:
    """(resident number, name, joined on) of the team's members on ``day``."""
    t = resolve(team)
    query = (TeamMember.select(Resident.resident_no, Resident.name, TeamMember.joined_on)
             .join(Resident).where(TeamMember.team == t.id, _current(day))
             .order_by(TeamMember.joined_on, Resident.resident_no).tuples())
    return [(no, name, str(joined)) for no, name, joined in query]
