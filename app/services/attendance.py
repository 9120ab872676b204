"""Attendance at an activity: the turnstile scan and attendance keyed in afterwards.

A scan signs a resident in; a volunteer's next scan, a few minutes later or more, signs
them out. A scan that comes sooner (the card held twice under the scanner), or after
the sign-out, or an audience member's second scan, is reported as a repeat and changes
nothing: nobody is counted twice. A resident who did not sign up is registered on the
spot as a walk-in; one on the waiting list who comes anyway takes a place (booked), so
the waiting list holds only those still waiting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.models import Activity, Participant, Resident
from app.services import activities, audit, operations, residents
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import FutureDate, InvalidInput, ScanOnAnotherDay
from app.services.permissions import require

# A second scan sooner than this is the same card held twice, not a sign-out.
REPEAT_WINDOW = dt.timedelta(minutes=5)
OUTCOME_ZH = {"signed_in": "签到", "signed_out": "签退", "signed_in_out": "签到签退",
              "repeat": "重复扫码，未重复计"}


@dataclass(frozen=True)
class Mark:
    resident_id: int
    resident_no: str
    name: str
    role: str
    outcome: str  # signed_in | signed_out | signed_in_out | repeat
    walk_in: bool
    signed_in: str | None
    signed_out: str | None
    attended: int  # residents signed in at the activity so far
    replayed: bool = False

    @property
    def changes(self) -> Changes:
        return Changes.of_residents([self.resident_id])


@dataclass(frozen=True)
class AttendResult:
    activity: str
    marks: list[Mark]

    @property
    def changes(self) -> Changes:
        return Changes.union(m.changes for m in self.marks)


def volunteers_present(activity_ref: str | int) -> int:
    """Volunteers signed in at the activity: whom closing it will award."""
    activity = activities.resolve(activity_ref)
    return Participant.select().where(Participant.activity == activity.id,
                                      Participant.role == "volunteer",
                                      Participant.signed_in_at.is_null(False)).count()


def _check_role(role: str | None) -> None:
    if role is not None and role not in activities.ROLES:
        raise InvalidInput(what="角色须为 volunteer（志愿者）或 audience（服务对象）。",
                           what_en="The role is volunteer or audience.", field="role")


def _hhmm(at: dt.datetime | None) -> str | None:
    return at.strftime("%H:%M") if at else None


def _open(ctx: Context, activity: Activity) -> None:
    if activity.state == "planned":
        Activity.update(state="open").where(Activity.id == activity.id).execute()
        activity.state = "open"
        audit.record(ctx, "activity.open", activity.uid)


def _mark(ctx: Context, activity: Activity, person: Resident, role: str | None,
          at_in: dt.datetime | None, at_out: dt.datetime | None, live: bool) -> dict:
    """Sign ``person`` in and/or out; called inside the operation's transaction."""
    _open(ctx, activity)
    row = Participant.get_or_none(Participant.activity == activity.id,
                                  Participant.resident == person.id)
    if row is None:
        row = Participant(activity=activity, resident=person, role=role or "volunteer",
                          walk_in=True)
    elif role is not None and row.signed_in_at is None:
        row.role = role
    outcome = "repeat"
    if live:
        now = at_in
        if row.signed_in_at is None:
            row.signed_in_at, outcome = now, "signed_in"
        elif (row.role == "volunteer" and row.signed_out_at is None
              and now - row.last_scan_at >= REPEAT_WINDOW):
            row.signed_out_at, outcome = now, "signed_out"
        if outcome != "repeat":
            row.last_scan_at = now
    else:
        signed_in = row.signed_in_at is None and at_in is not None
        if signed_in:
            row.signed_in_at = at_in
        if at_out is not None and row.signed_out_at is None:
            if row.signed_in_at is None:
                raise InvalidInput(what=f"{person.name} 还没有签到，不能只登记签退。",
                                   what_en=f"{person.name} has not signed in.", field="out")
            if at_out <= row.signed_in_at:
                raise InvalidInput(what=f"{person.name} 的签退时间须晚于签到时间 "
                                        f"{_hhmm(row.signed_in_at)}。",
                                   what_en="The sign-out must be after the sign-in.", field="out")
            row.signed_out_at = at_out
            outcome = "signed_in_out" if signed_in else "signed_out"
        elif signed_in:
            outcome = "signed_in"
        if outcome != "repeat":
            row.last_scan_at = ctx.clock.now()
    if row.signup == "waiting" and row.signed_in_at is not None:
        row.signup = "booked"  # they came: a participant like anyone who came
    if outcome != "repeat":
        row.save()
        audit.record(ctx, "activity.attend", activity.uid,
                     {"resident": person.uid, "outcome": outcome, "role": row.role})
    attended = Participant.select().where(Participant.activity == activity.id,
                                          Participant.signed_in_at.is_null(False)).count()
    return Mark(person.id, person.resident_no, person.name, row.role, outcome, row.walk_in,
                _hhmm(row.signed_in_at), _hhmm(row.signed_out_at), attended).__dict__


def scan(ctx: Context, activity_ref: str | int, resident_id: int, role: str | None = None,
         request_id: str | None = None) -> Mark:
    """One scan at the turnstile, now: sign in, sign out, or a repeat."""
    require(ctx, "activity.attend")
    _check_role(role)
    params = {"activity": str(activity_ref), "resident": resident_id, "role": role}

    def body(rid: str) -> dict:
        activity = activities.writable(activity_ref)
        now = ctx.clock.now()
        if now.date() != activity.date:
            raise ScanOnAnotherDay(title=activity.title, date=str(activity.date),
                                   today=str(now.date()))
        return _mark(ctx, activity, residents.load(resident_id, active=True), role, now, None,
                     live=True)

    result, replayed = operations.run(ctx, "activity.scan", request_id, params, body)
    return Mark(**{**result, "replayed": replayed})


def attend(ctx: Context, activity_ref: str | int, resident_ids: list[int],
           role: str | None = None, sign_in: dt.time | None = None,
           sign_out: dt.time | None = None, request_id: str | None = None) -> AttendResult:
    """Several residents at once, all or none: scanned now when no times are given, or
    keyed in afterwards with the sign-in and sign-out times (a paper sheet's rows)."""
    require(ctx, "activity.attend")
    _check_role(role)
    ids = list(dict.fromkeys(resident_ids))
    params = {"activity": str(activity_ref), "residents": ids, "role": role,
              "in": str(sign_in) if sign_in else None,
              "out": str(sign_out) if sign_out else None}

    def body(rid: str) -> dict:
        activity = activities.writable(activity_ref)
        now = ctx.clock.now()
        live = sign_in is None and sign_out is None
        if live and now.date() != activity.date:
            raise ScanOnAnotherDay(title=activity.title, date=str(activity.date),
                                   today=str(now.date()))
        at_in = now if live else (dt.datetime.combine(activity.date, sign_in)
                                  if sign_in else None)
        at_out = dt.datetime.combine(activity.date, sign_out) if sign_out else None
        for at in (at_in, at_out):
            if at is not None and at > now:
                raise FutureDate(date=f"{at:%Y-%m-%d %H:%M}")
        marks = [_mark(ctx, activity, residents.load(r, active=True), role, at_in, at_out,
                       live) for r in ids]
        return {"activity": activity.uid, "marks": marks}

    result, replayed = operations.run(ctx, "activity.attend", request_id, params, body)
    return AttendResult(result["activity"],
                        [Mark(**{**m, "replayed": replayed}) for m in result["marks"]])
