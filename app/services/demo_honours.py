"""Demo data for the honour roll (光荣榜): commendations of the last two months for persons,
pairs and a household at several levels, one withdrawn as recorded in error, and
nominations at the desk: some waiting for a decision, one accepted, one declined.

Everything goes through the honours services, the admin recording and deciding, the demo
clerk taking the nominations, each on a clock set to the day it happened.
"""

from __future__ import annotations

import datetime as dt
import random

from app.models import Clerk, Resident, write_transaction
from app.models.honour import Commendation
from app.services import honours, nominations, residents
from app.services.context import Actor, Context, FixedClock
from app.services.errors import DeskError
from app.services.honours import Subject
from app.services.nominations import NominationInput

# title, level, days ago, kind (person | pair | household)
COMMENDATIONS = (
    ("道德模范", "district", 40, "person"), ("身边好人", "street", 33, "person"),
    ("身边好人", "community", 20, "person"), ("好婆婆", "community", 25, "person"),
    ("好媳妇", "community", 25, "person"), ("好婆媳", "community", 18, "pair"),
    ("好邻居", "community", 12, "pair"), ("文明家庭", "street", 9, "household"),
    ("最美志愿者", "community", 6, "person"), ("星级志愿者", "community", 3, "person"),
)
# title, reason, days ago, what became of it
NOMINATIONS = (
    ("身边好人", "每天义务打扫楼道，坚持三年", 14, "accepted"),
    ("好邻居", "邻里互助，帮独居老人买菜送药", 10, "pending"),
    ("好媳妇", "照顾瘫痪在床的婆婆十余年", 5, "pending"),
    ("最美志愿者", "参加社区志愿服务一百余小时", 4, "declined"),
    ("身边好人", "拾金不昧，归还失主钱包", 1, "pending"),
)
NOMINATORS = ("3栋居民代表", "幸福里网格员", "社区老年协会")


def _at(ctx: Context, actor: Actor | None, when: dt.datetime) -> Context:
    return Context(ctx.data_dir, FixedClock(when), actor)


def generate(ctx: Context, clerk: Clerk, rng: random.Random) -> dict:
    """The demo's commendations and nominations, all or nothing, once (a station that
    has commendations keeps them). A small demo station has fewer people than rows here:
    they take turns, and a row the once-a-year rule refuses is left out."""
    with write_transaction():
        if Commendation.select().exists():
            return {"commendations": 0, "nominations": 0}
        people = [i for (i,) in Resident.select(Resident.id).where(
            Resident.archived == False).order_by(Resident.id).limit(300).tuples()]  # noqa: E712
        if len(people) < 2:
            return {"commendations": 0, "nominations": 0}
        pool = rng.sample(people, min(len(people), 2 * (len(COMMENDATIONS) + len(NOMINATIONS))))
        made = _commendations(ctx, pool)
        desk = Actor(clerk.id, clerk.username, clerk.display_name, clerk.role)
        asked = _nominations(ctx, desk, pool[::-1], rng)
    return {"commendations": made, "nominations": asked}


def _pair(pool: list[int], n: int) -> tuple[int, int]:
    return pool[(2 * n) % len(pool)], pool[(2 * n + 1) % len(pool)]


def _commendations(ctx: Context, pool: list[int]) -> int:
    now, made = ctx.clock.now(), 0
    for n, (title, level, ago, kind) in enumerate(COMMENDATIONS):
        first, second = _pair(pool, n)
        when = _at(ctx, ctx.actor, now - dt.timedelta(days=ago, hours=2))
        if kind == "household" and Resident.get_by_id(first).household_id is None:
            home = residents.create_household(when, Resident.get_by_id(first).name)
            Resident.update(household=home.id).where(Resident.id == first).execute()
        subject = Subject(first, second if kind == "pair" else None, kind == "household")
        try:
            honours.record(when, subject, title, level, when.clock.today())
        except DeskError:  # this person has the title this year already
            continue
        made += 1
    mistaken = honours.record(_at(ctx, ctx.actor, now - dt.timedelta(days=2)),
                              Subject(pool[0]), "最美家庭", "community")
    honours.withdraw(_at(ctx, ctx.actor, now - dt.timedelta(days=1)), mistaken.id,
                     "应为“文明家庭”，登记错了称号")
    return made + 1


def _nominations(ctx: Context, desk: Actor, pool: list[int], rng: random.Random) -> int:
    now, asked = ctx.clock.now(), 0
    for n, (title, reason, ago, outcome) in enumerate(NOMINATIONS):
        nominee, other = _pair(pool, n)
        by_resident = rng.random() < 0.5 and title != "好邻居"
        data = NominationInput(nominee, title, reason,
                               partner_id=other if title == "好邻居" else None,
                               nominator_id=other if by_resident else None,
                               nominator_name="" if by_resident else rng.choice(NOMINATORS))
        decided = _at(ctx, ctx.actor, now - dt.timedelta(days=max(ago - 2, 0), hours=1))
        try:
            made = nominations.nominate(_at(ctx, desk, now - dt.timedelta(days=ago, hours=3)),
                                        data)
            if outcome == "accepted":
                nominations.accept(decided, made.id, "community", decided.clock.today())
            elif outcome == "declined":
                nominations.decline(decided, made.id, "服务时长尚待核实，下季度再议")
        except DeskError:  # pending for this title already, or commended this year
            continue
        asked += 1
    return asked
