"""Residents' requests (百姓点单, 微心愿): a need taken at the desk — what, who asked, for
whom, how urgent — then taken on by a team, met through an activity, and marked done with
a note saying how; or withdrawn.

A request moves open → assigned → done; open or assigned may be withdrawn. Done and
withdrawn are final: the record stays as it ended. A request is turned into an activity by
linking it to one (planned as any other activity, with its deed type, times and places;
see ``activities.add_activity``): the activity's organising team takes the request on if
no team has yet. Linking is a separate step so there stays one way to plan an activity.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import peewee as pw

from app.models import Activity, ActivityTeam, Clerk, Resident, Team
from app.models.requests import ResidentRequest
from app.models.station import station_code
from app.services import activities, audit, operations, residents, teams, text
from app.services.context import Context
from app.services.errors import InvalidInput, RequestFinished, RequestNotFound
from app.services.permissions import require

KINDS = {"order": "百姓点单", "wish": "微心愿"}
URGENCIES = {"normal": "一般", "urgent": "紧急"}
STATUSES = {"open": "待分派", "assigned": "已分派", "done": "已办结", "withdrawn": "已撤回"}
FINISHED = {"done": ("办结", "done"), "withdrawn": ("撤回", "withdrawn")}
OPEN = ("open", "assigned")  # still to be met: the clerk's list shows these first
REQUEST_TEXT = text.Kind("点单内容", "The request", 200, multiline=True)
BENEFICIARY = text.Kind("服务对象", "For whom", 60)


@dataclass(frozen=True)
class RequestView:
    """A request as the clerk sees it; ``number`` is what the desk and the CLI speak of."""

    number: int
    uid: str
    kind: str
    text: str
    resident_no: str | None  # who asked, when a registered resident
    resident: str | None
    beneficiary: str
    urgency: str
    status: str
    team: str | None
    activity_id: int | None
    activity: str | None  # "date title" of the activity that meets it
    note: str
    taken_by: str
    taken_at: str
    assigned_at: str | None
    done_by: str | None
    done_at: str | None
    age_days: int  # from taken to done (or withdrawn), or to today while still open


def _age(row: ResidentRequest, today: dt.date) -> int:
    end = row.done_at.date() if row.done_at else today
    return max((end - row.taken_at.date()).days, 0)


def _view(row: ResidentRequest, today: dt.date) -> RequestView:
    person = row.resident if row.resident_id else None
    act = row.activity if row.activity_id else None
    return RequestView(
        row.id, row.uid, row.kind, row.text, person.resident_no if person else None,
        person.name if person else None, row.beneficiary, row.urgency, row.status,
        row.team.name if row.team_id else None, row.activity_id,
        f"{act.date} {act.title}" if act else None, row.note, row.taken_by.display_name,
        str(row.taken_at), str(row.assigned_at) if row.assigned_at else None,
        row.done_by.display_name if row.done_by_id else None,
        str(row.done_at) if row.done_at else None, _age(row, today))


def resolve(query: str | int) -> ResidentRequest:
    """The request a number (or uid) names."""
    typed = str(query).strip().lstrip("#")
    row = None
    if typed.isascii() and typed.isdigit():
        row = ResidentRequest.get_or_none(ResidentRequest.id == int(typed))
    if row is None:
        row = ResidentRequest.get_or_none(ResidentRequest.uid == typed)
    if row is None:
        raise RequestNotFound(query=typed)
    return row


def _choice(value: str, choices: dict[str, str], label_zh: str, label_en: str,
            field: str) -> str:
    if value not in choices:
        listed = "、".join(f"{k}（{v}）" for k, v in choices.items())
        raise InvalidInput(what=f"{label_zh}须为：{listed}。",
                           what_en=f"{label_en} is one of: {', '.join(choices)}.", field=field)
    return value


def _still_open(row: ResidentRequest, action_zh: str, action_en: str) -> None:
    """Refuse to change a request that is done or withdrawn."""
    if row.status not in OPEN:
        raise RequestFinished(number=row.id, when=str(row.done_at)[:16],
                              state_zh=FINISHED[row.status][0], state_en=FINISHED[row.status][1],
                              action_zh=action_zh, action_en=action_en)


def take_request(ctx: Context, what: str, kind: str = "order", resident_id: int | None = None,
                 beneficiary: str = "", urgency: str = "normal",
                 request_id: str | None = None) -> RequestView:
    """A need brought to the desk: ``what`` is needed, asked by ``resident_id`` (or by
    someone not registered), for ``beneficiary`` when that is someone else."""
    require(ctx, "request.manage")
    what = text.clean(what, REQUEST_TEXT, field="text", required=True)
    beneficiary = text.clean(beneficiary, BENEFICIARY, field="beneficiary")
    _choice(kind, KINDS, "点单类型", "The kind", "kind")
    _choice(urgency, URGENCIES, "紧急程度", "The urgency", "urgency")
    params = {"text": what, "kind": kind, "resident": resident_id, "beneficiary": beneficiary,
              "urgency": urgency}

    def body(rid: str) -> dict:
        person = residents.load(resident_id, active=True) if resident_id is not None else None
        row = ResidentRequest.create(
            uid=f"{station_code()}-Q{uuid.uuid4().hex}", kind=kind, text=what, resident=person,
            beneficiary=beneficiary, urgency=urgency, taken_by=ctx.actor.clerk_id,
            taken_at=ctx.clock.now())
        audit.record(ctx, "request.take", row.uid, params)
        return _view(row, ctx.clock.today()).__dict__

    result, _ = operations.run(ctx, "request.take", request_id, params, body)
    return RequestView(**result)


def assign_request(ctx: Context, request: str | int, team: str | None = None,
                   activity: str | int | None = None,
                   request_id: str | None = None) -> RequestView:
    """A team takes the request on, and/or an activity is to meet it. Given an activity
    but no team, the activity's first organising team takes on a request no team has."""
    require(ctx, "request.manage")
    if team is None and activity is None:
        raise InvalidInput(what="请指明承接的志愿服务队，或转为哪个活动。",
                           what_en="Name the team that takes it on, or the activity.",
                           field="team")
    params = {"request": str(request), "team": team,
              "activity": None if activity is None else str(activity)}

    def body(rid: str) -> dict:
        row = resolve(request)
        _still_open(row, "分派", "assigned")
        before = {"status": row.status, "team": row.team_id, "activity": row.activity_id}
        if activity is not None:
            row.activity = activities.resolve(activity)
        chosen = teams.resolve(team) if team is not None else None
        if chosen is None and row.team_id is None and row.activity_id is not None:
            chosen = (Team.select().join(ActivityTeam)
                      .where(ActivityTeam.activity == row.activity_id)
                      .order_by(Team.id).first())
        if chosen is not None and chosen.id != row.team_id:
            row.team, row.status, row.assigned_at = chosen, "assigned", ctx.clock.now()
        row.save()
        after = {"status": row.status, "team": row.team_id, "activity": row.activity_id}
        audit.record(ctx, "request.assign", row.uid, {"before": before, "after": after})
        return _view(row, ctx.clock.today()).__dict__

    result, _ = operations.run(ctx, "request.assign", request_id, params, body)
    return RequestView(**result)


def _finish(ctx: Context, action: str, request: str | int, note: str, request_id: str | None,
            status: str, action_zh: str, action_en: str) -> RequestView:
    require(ctx, "request.manage")
    note = text.clean(note, text.NOTE, field="note")
    params = {"request": str(request), "note": note}

    def body(rid: str) -> dict:
        row = resolve(request)
        _still_open(row, action_zh, action_en)
        before = row.status
        row.status, row.note = status, note
        row.done_by, row.done_at = ctx.actor.clerk_id, ctx.clock.now()
        row.save()
        audit.record(ctx, action, row.uid, {"before": before, "after": status, "note": note})
        return _view(row, ctx.clock.today()).__dict__

    result, _ = operations.run(ctx, action, request_id, params, body)
    return RequestView(**result)


def complete_request(ctx: Context, request: str | int, note: str = "",
                     request_id: str | None = None) -> RequestView:
    """The need was met; ``note`` says how (who went, what was done)."""
    return _finish(ctx, "request.done", request, note, request_id, "done", "办结", "marked done")


def withdraw_request(ctx: Context, request: str | int, note: str = "",
                     request_id: str | None = None) -> RequestView:
    """The resident no longer needs it (or it cannot be met); ``note`` says why."""
    return _finish(ctx, "request.withdraw", request, note, request_id, "withdrawn", "撤回",
                   "withdrawn")


def list_requests(today: dt.date, status: str | None = None, team: str | None = None,
                  start: dt.date | None = None, end: dt.date | None = None
                  ) -> list[RequestView]:
    """Requests taken in the period (all when no dates), those still open first, urgent
    ones first among them, then oldest first. ``status`` "open" also means assigned ones
    are left out; "active" lists open and assigned together."""
    if status is not None and status != "active":
        _choice(status, STATUSES, "状态", "The status", "status")
    if start and end and end < start:
        raise InvalidInput(what="结束日期不能早于开始日期。",
                           what_en="The end is before the start.")
    finisher = Clerk.alias()  # one query, however many rows: each row's people joined
    query = (ResidentRequest.select(ResidentRequest, Resident, Team, Activity, Clerk, finisher)
             .join(Resident, pw.JOIN.LEFT_OUTER).switch(ResidentRequest)
             .join(Team, pw.JOIN.LEFT_OUTER).switch(ResidentRequest)
             .join(Activity, pw.JOIN.LEFT_OUTER).switch(ResidentRequest)
             .join(Clerk, on=ResidentRequest.taken_by == Clerk.id).switch(ResidentRequest)
             .join(finisher, pw.JOIN.LEFT_OUTER, on=ResidentRequest.done_by == finisher.id))
    if status == "active":
        query = query.where(ResidentRequest.status.in_(OPEN))
    elif status is not None:
        query = query.where(ResidentRequest.status == status)
    if team is not None:
        query = query.where(ResidentRequest.team == teams.resolve(team).id)
    if start:
        query = query.where(ResidentRequest.taken_at >= dt.datetime.combine(start, dt.time()))
    if end:
        query = query.where(ResidentRequest.taken_at
                            < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
    finished = pw.Case(None, [(ResidentRequest.status.in_(OPEN), 0)], 1)
    urgent = pw.Case(None, [(ResidentRequest.urgency == "urgent", 0)], 1)
    query = query.order_by(finished, urgent, ResidentRequest.taken_at, ResidentRequest.id)
    return [_view(row, today) for row in query]


def request_view(request: str | int, today: dt.date) -> RequestView:
    return _view(resolve(request), today)
