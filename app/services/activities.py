"""Projects and volunteer activities: the kinds of activity (an admin-editable list), planning
an activity, and signing residents up against its capacity with a waiting list.

An activity moves planned → open → closed: the first attendance opens it, closing turns
attendance into hours and points (``app.services.activity_close``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import peewee as pw

from app.models import Activity, ActivityKind, ActivityTeam, Participant, Project, Team
from app.models.station import station_code
from app.services import audit, catalogue, deeds, operations, residents, teams, text
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import (
    ActivityClosed,
    ActivityNotFound,
    InvalidInput,
    KindNotFound,
    UnsuitableDeedType,
)
from app.services.permissions import require

# The seven kinds a station starts with: (code, Chinese, English).
DEFAULT_KINDS = (("theory", "理论宣讲", "Theory talks"),
                 ("culture", "文化文艺", "Culture and arts"),
                 ("festival", "节日主题", "Festival themes"),
                 ("environment", "环境整治", "Environment clean-up"),
                 ("care", "关爱帮扶", "Care and support"),
                 ("clinic", "义诊义剪", "Free clinic or haircut"),
                 ("other", "其他", "Other"))
STATES = {"planned": "未开始", "open": "进行中", "closed": "已结算"}
ROLES = {"volunteer": "志愿者", "audience": "服务对象"}
TITLE = text.Kind("活动名称", "The title", 80)
PLACE = text.Kind("地点", "The place", 60)
PROJECT = text.Kind("项目名称", "The project name", 40)
KIND_NAME = text.Kind("类型名称", "The kind's name", 20)


def _ensure_kinds() -> None:
    """Fill an empty kind list with the defaults; call inside a write transaction."""
    if not ActivityKind.select().exists():
        for order, (code, zh, en) in enumerate(DEFAULT_KINDS):
            ActivityKind.create(code=code, name_zh=zh, name_en=en, sort_order=order)


def list_kinds() -> list[tuple[str, str, str]]:
    """(code, Chinese, English) of the kinds in use, in the list's order."""
    rows = [(k.code, k.name_zh, k.name_en) for k in ActivityKind.select()
            .where(ActivityKind.active == True).order_by(ActivityKind.sort_order)]  # noqa: E712
    return rows or list(DEFAULT_KINDS)


def save_kind(ctx: Context, code: str, name_zh: str, name_en: str = "",
              active: bool = True) -> tuple[str, str, str]:
    """Add a kind or rename one (admin); retiring one is ``active=False`` (its activities
    keep it)."""
    require(ctx, "activity.kinds")
    code = code.strip().lower()
    if not code.isascii() or not code.replace("_", "").isalnum() or len(code) > 20:
        raise InvalidInput(what="类型代码须为英文字母、数字或下划线（最多 20 个）。",
                           what_en="A kind's code is letters, digits or underscores.")
    name_zh = text.clean(name_zh, KIND_NAME, field="name_zh", required=True)
    name_en = text.clean(name_en, KIND_NAME, field="name_en") or name_zh
    params = {"code": code, "name_zh": name_zh, "name_en": name_en, "active": active}

    def body(rid: str) -> dict:
        _ensure_kinds()
        kind = ActivityKind.get_or_none(ActivityKind.code == code)
        if kind is None:
            last = ActivityKind.select(pw.fn.MAX(ActivityKind.sort_order)).scalar() or 0
            ActivityKind.create(code=code, name_zh=name_zh, name_en=name_en, active=active,
                                sort_order=last + 1)
        else:
            ActivityKind.update(name_zh=name_zh, name_en=name_en, active=active).where(
                ActivityKind.id == kind.id).execute()
        audit.record(ctx, "activity.kind", code, params)
        return params

    operations.run(ctx, "activity.kind", None, params, body)
    return code, name_zh, name_en


def _kind(typed: str) -> ActivityKind:
    typed = typed.strip()
    kind = ActivityKind.get_or_none((ActivityKind.code == typed.lower())
                                    | (ActivityKind.name_zh == typed))
    if kind is None or not kind.active:
        raise KindNotFound(query=typed, choices="、".join(f"{c}（{zh}）"
                                                         for c, zh, _ in list_kinds()))
    return kind


def resolve(query: str | int) -> Activity:
    """The activity a number or uid names."""
    typed = str(query).strip()
    activity = None
    if typed.isascii() and typed.isdigit():
        activity = Activity.get_or_none(Activity.id == int(typed))
    if activity is None:
        activity = Activity.get_or_none(Activity.uid == typed)
    if activity is None:
        raise ActivityNotFound(query=typed)
    return activity


def writable(query: str | int) -> Activity:
    """An activity that still takes sign-ups and attendance."""
    activity = resolve(query)
    if activity.state == "closed":
        raise ActivityClosed(title=activity.title)
    return activity


@dataclass(frozen=True)
class ActivityView:
    id: int
    uid: str
    title: str
    kind: str
    project: str | None
    date: str
    start: str
    end: str
    place: str
    teams: list[str]
    capacity: int | None
    deed_type: str
    max_hours: str
    state: str
    booked: int
    waiting: int
    attended: int


def view(activity: Activity) -> ActivityView:
    counts = dict(Participant.select(Participant.signup, pw.fn.COUNT(Participant.id))
                  .where(Participant.activity == activity.id, Participant.signup.is_null(False))
                  .group_by(Participant.signup).tuples())
    attended = Participant.select().where(Participant.activity == activity.id,
                                          Participant.signed_in_at.is_null(False)).count()
    names = [t.name for t in Team.select(Team.name).join(ActivityTeam)
             .where(ActivityTeam.activity == activity.id).order_by(Team.id)]
    return ActivityView(
        activity.id, activity.uid, activity.title, activity.kind.name_zh,
        activity.project.name if activity.project_id else None, str(activity.date),
        _hhmm(activity.start), _hhmm(activity.end), activity.place, names, activity.capacity,
        activity.deed_type.code, hours_text(activity.max_tenths), activity.state,
        counts.get("booked", 0), counts.get("waiting", 0), attended)


def hours_text(tenths: int) -> str:
    """Tenths of an hour as a clerk writes them: 15 → "1.5", 20 → "2"."""
    return f"{tenths // 10}.{tenths % 10}" if tenths % 10 else str(tenths // 10)


def _hhmm(value: object) -> str:
    return str(value)[:5]


def parse_time(typed: str, field: str) -> dt.time:
    """``HH:MM`` (also ``H:MM``), as clerks write times."""
    try:
        hour, minute = (int(part) for part in typed.strip().split(":"))
        return dt.time(hour, minute)
    except ValueError:
        raise InvalidInput(what=f"时间“{typed}”应写成 08:30 的格式。",
                           what_en=f"Write the time “{typed}” as 08:30.", field=field) from None


@dataclass(frozen=True)
class ActivityPlan:
    title: str
    date: dt.date
    start: dt.time
    end: dt.time
    deed_type: str
    teams: tuple[str, ...] = ()
    kind: str = "other"
    project: str = ""
    place: str = ""
    capacity: int | None = None
    max_hours: str | None = None  # default: the scheduled length


def _max_tenths(plan: ActivityPlan) -> int:
    minutes = (dt.datetime.combine(plan.date, plan.end)
               - dt.datetime.combine(plan.date, plan.start)).seconds // 60
    if plan.max_hours is None:
        return minutes // 30 * 5
    return deeds.quantity_tenths(plan.max_hours, "per_hour")


def add_activity(ctx: Context, plan: ActivityPlan, request_id: str | None = None) -> ActivityView:
    """Plan an activity; a project named for the first time is created with it."""
    require(ctx, "activity.manage")
    title = text.clean(plan.title, TITLE, field="title", required=True)
    place = text.clean(plan.place, PLACE, field="place")
    project = text.clean(plan.project, PROJECT, field="project")
    if plan.end <= plan.start:
        raise InvalidInput(what="结束时间须晚于开始时间。",
                           what_en="The end must be after the start.", field="end")
    if plan.capacity is not None and plan.capacity <= 0:
        raise InvalidInput(what="名额须为正整数，或不填（不限）。",
                           what_en="The capacity is a positive number, or none.", field="capacity")
    deed_type = catalogue.get_type(plan.deed_type)
    if deed_type.points <= 0 or deed_type.unit not in ("per_hour", "per_time"):
        raise UnsuitableDeedType(deed=deed_type.name_zh)
    max_tenths = _max_tenths(plan)
    params = {**plan.__dict__, "date": str(plan.date), "start": str(plan.start),
              "end": str(plan.end), "teams": list(plan.teams)}

    def body(rid: str) -> dict:
        _ensure_kinds()
        kind = _kind(plan.kind)
        organisers = [teams.resolve(t) for t in dict.fromkeys(plan.teams)]
        group = None
        if project:
            group = Project.get_or_none(Project.name == project) or Project.create(
                uid=f"{station_code()}-P{uuid.uuid4().hex}", name=project,
                created_at=ctx.clock.now())
        activity = Activity.create(
            uid=f"{station_code()}-A{uuid.uuid4().hex}", title=title, kind=kind, project=group,
            date=plan.date, start=plan.start, end=plan.end, place=place,
            capacity=plan.capacity, deed_type=deed_type, max_tenths=max_tenths,
            created_by=ctx.actor.clerk_id, created_at=ctx.clock.now())
        for team in organisers:
            ActivityTeam.create(activity=activity, team=team)
        audit.record(ctx, "activity.add", activity.uid, params)
        return view(activity).__dict__

    result, _ = operations.run(ctx, "activity.add", request_id, params, body)
    return ActivityView(**result)


def list_activities(start: dt.date | None = None, end: dt.date | None = None
                    ) -> list[ActivityView]:
    query = Activity.select().order_by(Activity.date, Activity.start, Activity.id)
    if start:
        query = query.where(Activity.date >= start)
    if end:
        query = query.where(Activity.date <= end)
    return [view(a) for a in query]


@dataclass(frozen=True)
class SignUp:
    resident_id: int
    resident_no: str
    name: str
    signup: str  # booked | waiting
    position: int | None  # on the waiting list, 1 = next to get a place
    repeated: bool  # already signed up: nothing changed


@dataclass(frozen=True)
class SignUpResult:
    activity: str
    booked: int
    waiting: int
    residents: list[SignUp]

    @property
    def changes(self) -> Changes:
        return Changes.of_residents(r.resident_id for r in self.residents)


def _waiting_position(activity_id: int, participant: Participant) -> int:
    return Participant.select().where(Participant.activity == activity_id,
                                      Participant.signup == "waiting",
                                      Participant.id <= participant.id).count()


def sign_up(ctx: Context, activity_ref: str | int, resident_ids: list[int],
            role: str = "volunteer", request_id: str | None = None) -> SignUpResult:
    """Sign residents up in the order given: a place while there is one, then the waiting
    list. All are signed up, or none."""
    require(ctx, "activity.manage")
    if role not in ROLES:
        raise InvalidInput(what="角色须为 volunteer（志愿者）或 audience（服务对象）。",
                           what_en="The role is volunteer or audience.", field="role")
    ids = list(dict.fromkeys(resident_ids))
    params = {"activity": str(activity_ref), "residents": ids, "role": role}

    def body(rid: str) -> dict:
        activity = writable(activity_ref)
        booked = Participant.select().where(Participant.activity == activity.id,
                                            Participant.signup == "booked").count()
        out = []
        for resident_id in ids:
            person = residents.load(resident_id, active=True)
            row = Participant.get_or_none(Participant.activity == activity.id,
                                          Participant.resident == resident_id)
            repeated = row is not None and row.signup is not None
            if not repeated:
                full = activity.capacity is not None and booked >= activity.capacity
                state = "waiting" if full else "booked"
                booked += state == "booked"
                if row is None:
                    row = Participant.create(activity=activity, resident=person, role=role,
                                             signup=state, signed_up_at=ctx.clock.now())
                else:  # came before signing up: the place is theirs
                    row.signup, row.signed_up_at = "booked", ctx.clock.now()
                    booked += state == "waiting"
                    row.save()
            position = (_waiting_position(activity.id, row) if row.signup == "waiting"
                        else None)
            out.append(SignUp(person.id, person.resident_no, person.name, row.signup,
                              position, repeated).__dict__)
        audit.record(ctx, "activity.signup", activity.uid, {"residents": ids, "role": role})
        current = view(activity)
        return {"activity": activity.uid, "booked": current.booked, "waiting": current.waiting,
                "residents": out}

    result, _ = operations.run(ctx, "activity.signup", request_id, params, body)
    return SignUpResult(result["activity"], result["booked"], result["waiting"],
                        [SignUp(**r) for r in result["residents"]])


def cancel_signup(ctx: Context, activity_ref: str | int, resident_ids: list[int],
                  request_id: str | None = None) -> SignUpResult:
    """Take residents off the list, all or none; each freed place goes to the first on
    the waiting list (the result lists who moved up)."""
    require(ctx, "activity.manage")
    ids = list(dict.fromkeys(resident_ids))
    params = {"activity": str(activity_ref), "residents": ids}

    def body(rid: str) -> dict:
        activity = writable(activity_ref)
        moved = [_cancel_one(activity, resident_id) for resident_id in ids]
        audit.record(ctx, "activity.cancel_signup", activity.uid, {"residents": ids})
        current = view(activity)
        return {"activity": activity.uid, "booked": current.booked, "waiting": current.waiting,
                "residents": [m for m in moved if m is not None]}

    result, _ = operations.run(ctx, "activity.cancel_signup", request_id, params, body)
    return SignUpResult(result["activity"], result["booked"], result["waiting"],
                        [SignUp(**r) for r in result["residents"]])


def _cancel_one(activity: Activity, resident_id: int) -> dict | None:
    row = Participant.get_or_none(Participant.activity == activity.id,
                                  Participant.resident == resident_id,
                                  Participant.signup.is_null(False))
    if row is None:
        person = residents.load(resident_id)
        raise InvalidInput(what=f"{person.name} 没有报名这个活动。",
                           what_en=f"{person.name} has not signed up for this activity.")
    was_booked = row.signup == "booked"
    if row.signed_in_at is None:
        row.delete_instance()
    else:  # they came: the attendance stays, the sign-up goes
        row.signup = None
        row.save()
    booked = Participant.select().where(Participant.activity == activity.id,
                                        Participant.signup == "booked").count()
    if not was_booked or (activity.capacity is not None and booked >= activity.capacity):
        return None  # a waiting resident who came anyway holds the freed place
    first = (Participant.select().where(Participant.activity == activity.id,
                                        Participant.signup == "waiting")
             .order_by(Participant.id).first())
    if first is None:
        return None
    first.signup = "booked"
    first.save()
    person = first.resident
    return SignUp(person.id, person.resident_no, person.name, "booked", None, False).__dict__
