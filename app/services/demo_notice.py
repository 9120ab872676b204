"""The demo's public notice (公示): deeds that needed review, recorded by the demo clerk
and approved by the admin over the last days, so the review page shows every state —
two on notice (one of them objected to by a resident), one approved today, one still
waiting for review.

Everything goes through the deed and notice services on a clock set to the moment each
step happened, once (a station with deeds on notice keeps them)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from app.models import Clerk, Deed, Resident, write_transaction
from app.services import deeds, notice
from app.services.context import Actor, Context, FixedClock

# deed type, days ago it was recorded, days ago approved (None: waiting), an objection
DEEDS = (
    ("HEROIC_ACT", 3, 2, None),
    ("SIMPLE_CEREMONY", 2, 1, ("有居民反映婚宴实际规模较大，请核实", "")),
    ("HEROIC_ACT", 0, 0, None),
    ("HEROIC_ACT", 1, None, None),
)


def generate(ctx: Context, clerk: Clerk, rng: random.Random) -> dict:
    """The deeds above for four demo residents, all or nothing, once."""
    with write_transaction():
        if Deed.select().where(Deed.notice_until.is_null(False)).exists():
            return {"on_notice": 0}
        people = [i for (i,) in Resident.select(Resident.id).where(Resident.archived == False)  # noqa: E712
                  .order_by(Resident.id).limit(200).tuples()]
        if len(people) < len(DEEDS):
            return {"on_notice": 0}
        helper = Actor(clerk.id, clerk.username, clerk.display_name, clerk.role)
        now = ctx.clock.now()
        made = 0
        for (code, recorded, approved, objection), who in zip(
                DEEDS, rng.sample(people, len(DEEDS)), strict=True):
            at = FixedClock(now - dt.timedelta(days=recorded, hours=2))
            done = deeds.record_deed(replace(ctx, clock=at, actor=helper), who, code,
                                     deed_date=at.today())
            if approved is None:
                continue
            at = FixedClock(now - dt.timedelta(days=approved, hours=1))
            deeds.review_deed(replace(ctx, clock=at), done.deed_uid, True, "事迹属实")
            made += 1
            if objection is not None:
                reason, by = objection
                notice.record_objection(replace(ctx, actor=helper), done.deed_uid, reason, by)
        return {"on_notice": made}
