"""Posting the deeds whose notice has ended: two desks at once post each deed once, and
whatever happens in between (approvals, objections upheld or dismissed, days passing),
the points posted are exactly those of the deeds whose period passed without an upheld
objection. The close-out of each clerk still adds up."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models import Deed, LedgerEntry, database
from app.models.notice import Objection
from app.services import closeout, deeds, integrity, ledger, notice, residents
from app.services.context import Actor

NOW = dt.datetime(2026, 11, 27, 9, 30)  # four days after the approvals in the fixture
DEEDS = 6


def desk(location: str, data_dir: str, actor: Actor, barrier, results) -> None:
    """One desk process: open the database, wait for the other desk, post what is due."""
    from app.models import open_database
    from app.services.context import Context, FixedClock

    open_database(location)
    ctx = Context(Path(data_dir), FixedClock(NOW), actor)
    barrier.wait(timeout=60)
    try:
        results.put(("posted", [p["deed_uid"] for p in notice.post_due(ctx).posted]))
    except Exception as exc:  # reported to the test, which fails on it
        results.put(("error", repr(exc)))


def test_two_desks_posting_at_once_post_each_deed_once(ctx, clerk_ctx, resident, db_location):
    for _ in range(DEEDS):
        recorded = deeds.record_deed(ctx, resident.id, "HEROIC_ACT")
        deeds.review_deed(ctx, recorded.deed_uid, True)
    database.close()
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(2), spawn.Queue()
    workers = [spawn.Process(target=desk, args=(db_location, str(ctx.data_dir), who.actor,
                                                barrier, results))
               for who in (ctx, clerk_ctx)]
    for w in workers:
        w.start()
    outcomes = [results.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    database.connect(reuse_if_open=True)
    assert [o for o in outcomes if o[0] == "error"] == []
    posted = [uid for _, uids in outcomes for uid in uids]
    assert len(posted) == len(set(posted)) == DEEDS
    assert LedgerEntry.select().where(LedgerEntry.kind == "award").count() == DEEDS
    assert ledger.balance(resident.id) == 5 * DEEDS
    assert integrity.run_check(ctx.keys_dir).ok


def test_each_clerks_closeout_counts_a_deed_where_it_was_posted(ctx, clerk_ctx, clock,
                                                                 resident):
    recorded = deeds.record_deed(clerk_ctx, resident.id, "HEROIC_ACT")
    deeds.review_deed(ctx, recorded.deed_uid, True)
    clock.advance(days=4)
    notice.post_due(clerk_ctx)  # the clerk signed in first that day
    clock.advance(minutes=1)  # a close-out ends a second before it is made
    for who, count in ((ctx, 0), (clerk_ctx, 1)):
        figures = {f["key"]: f for f in closeout.preview(who).figures}
        awarded = figures["deeds_awarded"]
        assert awarded["ok"], awarded["notes"]
        assert awarded["records"] == {"count": count, "amount": 5 * count}


STEP = st.one_of(
    st.tuples(st.just("record"), st.integers(0, 1)),
    st.tuples(st.just("approve"), st.integers(0, 9)),
    st.tuples(st.just("object"), st.integers(0, 9)),
    st.tuples(st.just("resolve"), st.integers(0, 9), st.booleans()),
    st.tuples(st.just("advance"), st.integers(1, 3)),
    st.tuples(st.just("post"),),
)


def _expected(resident_id: int, today: dt.date) -> int:
    """Recomputed from the rows, not the deeds' status: the points of the resident's deeds
    whose notice ended before today with no objection upheld or still open."""
    total = 0
    for d in Deed.select().where(Deed.resident == resident_id, Deed.notice_until.is_null(False)):
        states = {o.state for o in d.objections}
        if d.notice_until < today and not states & {"upheld", "open"}:
            total += d.points
    return total


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, max_size=25))
def test_points_posted_are_those_of_deeds_due_without_an_upheld_objection(
        ctx, clerk_ctx, clock, steps):
    # The database outlives each example (the ledger refuses deletes): each example
    # starts on the same day with a resident of its own.
    clock.at = NOW
    who = residents.register(ctx, residents.ResidentInput(name="测试居民"))
    for step in steps:
        _take(ctx, clerk_ctx, clock, who.id, step)
    clock.advance(days=40)
    notice.post_due(ctx)
    today = clock.today()
    mine = Deed.select().where(Deed.resident == who.id)
    # Only an open objection keeps a deed on notice past its end.
    assert all(any(o.state == "open" for o in d.objections)
               for d in mine.where(Deed.status == "notice") if d.notice_until < today)
    entries = list(LedgerEntry.select().where(LedgerEntry.resident == who.id))
    assert len({e.deed_id for e in entries}) == len(entries)  # each deed posted once
    assert sum(e.points for e in entries) == _expected(who.id, today) == ledger.balance(who.id)
    for e in entries:
        assert e.business_date > e.deed.notice_until
    assert integrity.run_check(ctx.keys_dir).ok


def _take(ctx, clerk_ctx, clock, resident_id: int, step: tuple) -> None:
    from app.services.errors import DeskError

    ids = [d.id for d in Deed.select(Deed.id).where(Deed.resident == resident_id)
           .order_by(Deed.id)]
    try:
        if step[0] == "record":
            deeds.record_deed(clerk_ctx, resident_id, ("HEROIC_ACT", "GAMBLING")[step[1]])
        elif step[0] == "approve" and ids:
            deeds.review_deed(ctx, Deed.get_by_id(ids[step[1] % len(ids)]).uid, True)
        elif step[0] == "object" and ids:
            notice.record_objection(clerk_ctx, str(ids[step[1] % len(ids)]), "异议")
        elif step[0] == "resolve":
            open_ = [o.id for o in Objection.select().join(Deed)
                     .where(Objection.state == "open", Deed.resident == resident_id)]
            if open_:
                notice.resolve_objection(ctx, str(open_[step[1] % len(open_)]), step[2], "处理")
        elif step[0] == "advance":
            clock.advance(days=step[1])
        elif step[0] == "post":
            notice.post_due(ctx)
    except DeskError:
        pass  # refusals (already reviewed, period over, not on notice) change nothing
