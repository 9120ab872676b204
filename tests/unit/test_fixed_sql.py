"""Recording a deed and scanning a card run SQL written out once (app.models.fixed_sql)
instead of statements the ORM builds per call. What they write and read must be exactly
what the ORM wrote and read: the ORM's own queries are the oracle here, run on the same
data, and every row written is sealed and chained as the ORM's seal and hash of it say."""

from __future__ import annotations

import datetime as dt
import uuid

import peewee as pw
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models import (
    AuditRecord,
    Clerk,
    Deed,
    DeedType,
    LedgerEntry,
    OperationRecord,
    Resident,
    database,
)
from app.services import audit, catalogue, deeds, integrity, ledger, residents, seal, vouchers
from app.services.context import Context, FixedClock
from app.services.errors import CapExceeded
from app.services.residents import ResidentInput

# A mix: no cap, capped by day / month / year / once, needing review, a deduction.
TYPES = ("LOST_AND_FOUND", "ENV_CLEANUP", "NEIGHBOUR_HELP", "DONATION", "VOLUNTEER_SIGNUP",
         "HEROIC_ACT", "LITTERING")
QUANTITY = {"ENV_CLEANUP": ("0.5", "1", "2.5", "4")}


def orm_entries(resident_id: int, newest_first: bool = True, start: dt.date | None = None,
                end: dt.date | None = None, offset: int = 0, limit: int = 50) -> list[tuple]:
    """The passbook page as the ORM read it before."""
    query = (LedgerEntry
             .select(LedgerEntry, DeedType.code, DeedType.name_zh, DeedType.name_en,
                     Clerk.display_name)
             .join(Deed, pw.JOIN.LEFT_OUTER, on=(LedgerEntry.deed == Deed.id))
             .join(DeedType, pw.JOIN.LEFT_OUTER, on=(Deed.deed_type == DeedType.id))
             .switch(LedgerEntry)
             .join(Clerk, pw.JOIN.LEFT_OUTER, on=(LedgerEntry.clerk == Clerk.id))
             .where(LedgerEntry.resident == resident_id)
             .order_by(LedgerEntry.seq.desc() if newest_first else LedgerEntry.seq)
             .offset(offset).limit(limit))
    if start:
        query = query.where(LedgerEntry.business_date >= start)
    if end:
        query = query.where(LedgerEntry.business_date <= end)
    return [(e.seq, str(e.business_date), str(e.created_at), e.kind, e.points, e.balance_after,
             getattr(e, "display_name", None) or "", e.corrects_id, e.voucher_serial,
             getattr(e, "code", None), getattr(e, "name_zh", None), getattr(e, "name_en", None),
             e.reason or "") for e in query.objects()]


def fast_entries(resident_id: int, **kwargs: object) -> list[tuple]:
    return [(r.seq, r.business_date, r.created_at, r.kind, r.points, r.balance_after, r.clerk,
             r.corrects, r.voucher_serial, r.deed_code, r.deed_name, r.deed_name_en, r.reason)
            for r in ledger.entries(resident_id, **kwargs)]


def orm_used(resident_id: int, t: DeedType, day: dt.date) -> int:
    """Tenths of the cap used, as the ORM counted them before."""
    start, end = deeds._period(day, t.cap_period or "lifetime")
    reversed_deeds = (LedgerEntry.select(LedgerEntry.deed)
                      .where(LedgerEntry.resident == resident_id, LedgerEntry.kind == "reversal",
                             LedgerEntry.deed.is_null(False)))
    return int(Deed.select(pw.fn.COALESCE(pw.fn.SUM(Deed.quantity_tenths), 0))
               .where(Deed.resident == resident_id, Deed.deed_type == t.id,
                      Deed.status != "rejected", Deed.deed_date.between(start, end),
                      Deed.id.not_in(reversed_deeds)).scalar())


def orm_last_clearing() -> dt.date | None:
    reversal = LedgerEntry.alias()
    value = (LedgerEntry.select(LedgerEntry.business_date)
             .where(LedgerEntry.kind == "expire", ~pw.fn.EXISTS(
                 reversal.select(reversal.seq).where(reversal.corrects == LedgerEntry.seq)))
             .order_by(LedgerEntry.business_date.desc()).limit(1).scalar())
    return value if value is None or isinstance(value, dt.date) else dt.date.fromisoformat(value)


def assert_sealed_as_the_orm_seals(keys_dir) -> None:  # noqa: ANN001 - a Path
    """Each row's seal is the one the ORM's ``seal.stamp`` makes of the row read back."""
    for model in (LedgerEntry, AuditRecord, OperationRecord):
        for row in model.select():
            stored = row.mac
            assert stored == seal.stamp(keys_dir, row).mac, (model.__name__, row.get_id())


def assert_the_same_everywhere(ctx: Context, rids: list[int]) -> None:
    """Every read of the fast paths equals the ORM's, and every invariant holds."""
    for rid in rids:
        assert fast_entries(rid) == orm_entries(rid)
        assert fast_entries(rid, newest_first=False, limit=3, offset=1) == orm_entries(
            rid, newest_first=False, limit=3, offset=1)
        day = ctx.clock.today()
        window = {"start": day - dt.timedelta(days=3), "end": day - dt.timedelta(days=1)}
        assert fast_entries(rid, **window) == orm_entries(rid, **window)
        resident = Resident.get_by_id(rid)
        assert residents.by_card(resident.card_code) == residents.view_of(resident)
        total = LedgerEntry.select(pw.fn.SUM(LedgerEntry.points)).where(
            LedgerEntry.resident == rid).scalar() or 0
        assert ledger.balance(rid) == resident.balance == total
        for code in TYPES:
            t = catalogue.get_type(code)
            assert deeds.used_quantity(rid, t, day) == orm_used(rid, t, day)
    assert ledger.last_clearing() == orm_last_clearing()
    assert audit.verify_chain().ok
    assert_sealed_as_the_orm_seals(ctx.keys_dir)


OPS = st.lists(st.one_of(
    st.tuples(st.just("deed"), st.integers(0, 1), st.sampled_from(TYPES), st.integers(0, 3),
              st.integers(0, 40), st.booleans()),
    st.tuples(st.just("adjust"), st.integers(0, 1), st.sampled_from([-3, 7, 20])),
    st.tuples(st.just("reverse"), st.integers(0, 5)),
    st.tuples(st.just("review"), st.booleans()),
    st.tuples(st.just("issue"), st.integers(0, 1)),
    st.tuples(st.just("day"), st.integers(1, 20)),
), max_size=14)


@settings(max_examples=30, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ops=OPS)
def test_any_mix_of_operations_reads_and_writes_what_the_orm_did(ctx, counts, ops):
    """Deeds (capped, pending, deductions, retried), reviews, adjustments, reversals and
    voucher issues in any order: balances, passbooks, caps and cards read the same as
    through the ORM, and the audit chain and every seal hold."""
    clock = FixedClock(dt.datetime(2026, 11, 23, 9, 30))
    here = Context(ctx.data_dir, clock, ctx.actor)
    with database.atomic() as example:  # each example starts from the same station
        rids = [residents.register(here, ResidentInput(name=n)).id for n in ("甲", "乙")]
        for op in ops:
            if op[0] == "deed":
                _, who, code, q, back, retry = op
                t = catalogue.get_type(code)
                quantity = QUANTITY.get(code, ("1", "2", "3", "1"))[q] if t.unit != "once" else "1"
                _deed(here, rids[who], t, quantity, clock.today() - dt.timedelta(days=back),
                      retry, counts)
            elif op[0] == "adjust":
                ledger.adjust(here, rids[op[1]], op[2], "补录")
            elif op[0] == "reverse":
                _reverse(here, op[1])
            elif op[0] == "review":
                pending = deeds.pending_deeds()
                if pending:
                    deeds.review_deed(here, pending[0].deed_uid, op[1], "" if op[1] else "不符")
            elif op[0] == "issue" and ledger.balance(rids[op[1]]) >= 5:
                vouchers.issue(here, rids[op[1]], 5)
            elif op[0] == "day":
                clock.advance(days=op[1])
            assert_the_same_everywhere(here, rids)
        assert integrity.run_check(ctx.keys_dir).ok
        example.rollback()


def _deed(ctx: Context, rid: int, t: DeedType, quantity: str, day: dt.date, retry: bool,
          counts) -> None:  # noqa: ANN001 - the counts fixture
    tenths = deeds.quantity_tenths(quantity, t.unit)
    used = orm_used(rid, t, day)
    fits = t.cap_quantity is None or used + tenths <= t.cap_quantity * 10
    before, balance = counts(), ledger.balance(rid)
    request = uuid.uuid4().hex
    if not fits:
        with pytest.raises(CapExceeded):
            deeds.record_deed(ctx, rid, t.code, quantity, day, request_id=request)
        assert counts() == before
        return
    result = deeds.record_deed(ctx, rid, t.code, quantity, day, request_id=request)
    deed = Deed.get(Deed.uid == result.deed_uid)
    points = deeds.points_for(t.points, tenths)
    status = "pending" if t.needs_review else "approved"
    assert (deed.resident_id, deed.deed_type_id, deed.quantity_tenths, deed.deed_date,
            deed.points, deed.status, deed.recorded_by_id, deed.recorded_at, deed.reviewed_by,
            deed.override_reason, deed.note, deed.review_note, deed.group_uid) == (
        rid, t.id, tenths, day, points, status, ctx.actor.clerk_id, ctx.clock.now(), None,
        "", "", "", None)
    moved = points if status == "approved" else 0
    assert (result.points, result.status, result.balance, result.replayed) == (
        points, status, balance + moved, False)
    entries = list(LedgerEntry.select().where(LedgerEntry.request_id == request))
    if status == "approved":
        [entry] = entries
        assert (entry.resident_id, entry.kind, entry.points, entry.balance_after,
                entry.deed_id, entry.voucher_serial, entry.corrects_id, entry.clerk_id,
                entry.reason, entry.business_date, entry.created_at) == (
            rid, "award" if points > 0 else "deduct", points, balance + points, deed.id, None,
            None, ctx.actor.clerk_id, "", day, ctx.clock.now())
        assert entry.uid.startswith("XH01-L") and deed.uid.startswith("XH01-D")
    else:
        assert entries == []
    last = AuditRecord.select().order_by(AuditRecord.seq.desc()).get()
    assert (last.action, last.target, last.at, last.clerk_id) == (
        "deed.record", deed.uid, ctx.clock.now(), ctx.actor.clerk_id)
    if retry:
        after = counts()
        again = deeds.record_deed(ctx, rid, t.code, quantity, day, request_id=request)
        assert again == deeds.DeedResult(**{**result.__dict__, "replayed": True})
        assert counts() == after


def _reverse(ctx: Context, nth: int) -> None:
    """Reverse the nth reversible entry not reversed yet, if there is one."""
    corrected = LedgerEntry.select(LedgerEntry.corrects).where(LedgerEntry.corrects.is_null(False))
    candidates = list(LedgerEntry.select().where(
        LedgerEntry.kind.in_(("award", "deduct", "adjust")), LedgerEntry.seq.not_in(corrected))
        .order_by(LedgerEntry.seq))
    if candidates:
        ledger.reverse(ctx, candidates[nth % len(candidates)].seq, "录错")


def test_a_card_reads_as_the_orm_read_it(ctx, resident):
    """Birth date, household, tags, masked numbers and the archived flag come back from
    the card look-up exactly as the ORM's row gives them."""
    plain = residents.register(ctx, ResidentInput(name="李四", id_type="none"))
    home = residents.create_household(ctx, "李家")
    tagged = residents.register(ctx, ResidentInput(name="王五", tags=("volunteer", "veteran"),
                                                    household_id=home.id))
    residents.set_archived(ctx, plain.id, True)
    for rid in (resident.id, plain.id, tagged.id):
        row = Resident.get_by_id(rid)
        assert residents.by_card(row.card_code) == residents.view_of(row)


def test_a_deed_type_reads_as_the_orm_read_it(ctx):
    """Every field of every active type, as the model reads it (booleans as booleans)."""
    for t in DeedType.select().where(DeedType.active == True):  # noqa: E712
        fast = catalogue.get_type(t.code.lower())
        assert fast.__data__ == t.__data__
        assert fast.needs_review is t.needs_review and fast.active is True
