"""The moral fund's book (contributions, payments, running balance, never edited) and the
station's liability beside it, on a fixture whose figures are worked out by hand."""

from __future__ import annotations

import datetime as dt
import uuid

import peewee as pw
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models import FundEntry, StockMovement, StoreItem, write_transaction
from app.services import fund, liability, redemption, settlement, vouchers
from app.services.errors import FutureDate, InvalidInput, InvalidText, PermissionDenied

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize("typed, fen", [("12", 1200), ("12.5", 1250), ("0.01", 1),
                                        ("1,200.50", 120050)])
def test_amounts_in_yuan_to_the_fen(typed, fen):
    assert fund.parse_yuan(typed) == fen
    assert fund.yuan(fen) == f"{fen // 100}.{fen % 100:02d}"


@pytest.mark.parametrize("typed", ["0", "-5", "1.234", "abc", "", "1e3"])
def test_bad_amounts_refused(typed):
    with pytest.raises(InvalidInput):
        fund.parse_yuan(typed)


def test_contributions_and_the_book(ctx, clock):
    fund.contribute(ctx, "1000", "幸福里社区党委", budget_line="党建经费", donor="王书记",
                    entry_date=dt.date(2026, 10, 8))
    fund.contribute(ctx, "200.50", "新华书店", entry_date=dt.date(2026, 11, 2))
    book = fund.book(dt.date(2026, 11, 1), TODAY)
    assert book.opening_fen == 100000 and book.closing_fen == 120050
    assert [(r.source, running) for r, running in book.rows] == [("新华书店", 120050)]
    first = fund.book().rows[0][0]
    assert (first.budget_line, first.donor, first.note) == ("党建经费", "王书记", "")
    assert FundEntry.get_by_id(first.id).donor == "王书记"


def test_contribution_refusals(ctx, clerk_ctx, counts):
    before = counts()
    with pytest.raises(PermissionDenied):
        fund.contribute(clerk_ctx, "10", "幸福里社区党委")
    with pytest.raises(FutureDate):
        fund.contribute(ctx, "10", "幸福里社区党委", entry_date=TODAY + dt.timedelta(days=1))
    with pytest.raises(InvalidText):
        fund.contribute(ctx, "10", "  ")
    assert {k: v for k, v in counts().items() if k != "audit_record"} == {
        k: v for k, v in before.items() if k != "audit_record"}


def test_store_purchases_paid_once(ctx, clock):
    item = StoreItem.create(uid="XH01-I1", name="洗衣液", points=20, stock=5,
                            created_at=clock.now())
    for cost in (4500, None):
        StockMovement.create(uid=f"XH01-SM{uuid.uuid4().hex}", item=item, kind="receive",
                             quantity=5, stock_after=5, cost_fen=cost, clerk=ctx.actor.clerk_id,
                             request_id="r", at=clock.now())
    fund.contribute(ctx, "100", "幸福里社区党委")
    made = fund.record_store_purchases(ctx).rows
    assert [(r.kind, r.amount_fen) for r in made] == [("payment", -4500)]
    paid = FundEntry.get_by_id(made[0].id).stock_movement
    assert (paid.cost_fen, paid.kind) == (4500, "receive")
    assert fund.record_store_purchases(ctx).rows == []
    assert fund.balance() == 5500


def test_store_purchase_paid_once_by_its_link(ctx, clock):
    """A payment is known by the movement it paid for, whatever its uid says."""
    item = StoreItem.create(uid="XH01-I2", name="毛巾", points=10, stock=2,
                            created_at=clock.now())
    movement = StockMovement.create(uid="XH01-SM-linked", item=item, kind="receive",
                                    quantity=2, stock_after=2, cost_fen=1200,
                                    clerk=ctx.actor.clerk_id, request_id="r", at=clock.now())
    with write_transaction():
        fund.append(ctx, "payment", -1200, TODAY, "r1", source="积分超市",
                    stock_movement=movement, uid="XH01-F-other")
    assert fund.record_store_purchases(ctx).rows == []
    assert fund.balance() == -1200


def test_liability_on_a_hand_computed_station(ctx, resident, give, merchant):
    give(resident.id, 500)

    def issue(*faces: int, shop: str | None = merchant) -> list:
        return vouchers.issue(ctx, resident.id, sum(faces), denominations=list(faces),
                              scope="merchant" if shop else "any", merchant=shop).vouchers

    for v in issue(20, 10, 5):
        redemption.redeem(ctx, v.token, merchant)
    statement = settlement.draft(ctx, merchant, *settlement.month("2026-11"))
    settlement.approve(ctx, statement.number)  # 35 approved, not paid
    redemption.redeem(ctx, issue(10)[0].token, merchant)  # 10 on no statement yet
    issue(50)  # in the resident's hands
    redemption.redeem(ctx, issue(20, shop=None)[0].token)  # spent at the station's store
    redemption.void(ctx, issue(5)[0].serial, "填错")  # refunded: owed to nobody
    fund.contribute(ctx, "100", "幸福里社区党委")

    owed = liability.liability(TODAY)
    assert (owed.outstanding_vouchers, owed.outstanding_points) == (1, 50)
    assert (owed.unsettled_vouchers, owed.unsettled_points) == (1, 10)
    assert (owed.approved_unpaid_fen, owed.balance_fen) == (3500, 10000)
    assert owed.points_held == 500 - 35 - 10 - 50 - 20 == 385
    assert owed.owed_fen == 5000 + 1000 + 3500 and not owed.short and owed.short_with_points

    settlement.mark_paid(ctx, statement.number, "转账 1")
    issue(20)
    owed = liability.liability(TODAY)
    assert (owed.balance_fen, owed.owed_fen) == (6500, 7000 + 1000) and owed.short


def test_book_cannot_be_edited(ctx):
    fund.contribute(ctx, "10", "幸福里社区党委")
    with pytest.raises(pw.DatabaseError), write_transaction():
        FundEntry.update(amount_fen=1).execute()
    assert FundEntry.get().amount_fen == 1000


OPERATIONS = st.lists(st.one_of(
    st.tuples(st.just("give"), st.integers(1, 500_000)),
    st.tuples(st.just("pay"), st.integers(1, 500_000))), min_size=1, max_size=25)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPERATIONS)
def test_fund_invariant(ctx, ops):
    """Whatever the order of contributions and payments, each entry's balance after is the
    running sum of the book, and entries made before are never changed."""
    start = FundEntry.select().count()
    seen: dict[int, tuple] = {e.id: (e.amount_fen, e.balance_after_fen)
                              for e in FundEntry.select()}
    for kind, fen in ops:
        if kind == "give":
            fund.contribute(ctx, fund.yuan(fen), "幸福里社区党委")
        else:
            with write_transaction():
                fund.append(ctx, "payment", -fen, TODAY, uuid.uuid4().hex, source="测试")
    running = 0
    rows = list(FundEntry.select().order_by(FundEntry.id))
    for entry in rows:
        running += entry.amount_fen
        assert entry.balance_after_fen == running
        if entry.id in seen:
            assert (entry.amount_fen, entry.balance_after_fen) == seen[entry.id]
    assert len(rows) == start + len(ops) and fund.balance() == running

