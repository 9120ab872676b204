"""The database itself refuses any change to an approved statement or its items, beyond
its payment; a draft stays free to change."""

from __future__ import annotations

import datetime as dt

import peewee as pw
import pytest

from app.models import Statement, StatementItem, database
from app.models.db import is_sqlite
from app.models.migrations import missing_guards
from app.services import redemption, settlement, vouchers

NOV = settlement.month("2026-11")


@pytest.fixture
def statement(ctx, resident, give, merchant):
    give(resident.id, 100)
    for v in vouchers.issue(ctx, resident.id, 30, denominations=[20, 10], scope="merchant",
                            merchant=merchant).vouchers:
        redemption.redeem(ctx, v.token, merchant)
    return settlement.draft(ctx, merchant, *NOV)


def _refused(query) -> None:
    with pytest.raises(pw.DatabaseError), database.atomic():
        query.execute()


def test_a_draft_changes_freely(statement):
    s = Statement.get(Statement.number == statement.number)
    assert Statement.update(note="草稿").where(Statement.id == s.id).execute() == 1
    item = StatementItem.get(StatementItem.statement == s.id)
    assert StatementItem.delete().where(StatementItem.id == item.id).execute() == 1


def test_an_approved_statement_is_frozen_in_the_database(ctx, statement):
    settlement.approve(ctx, statement.number)
    s = Statement.get(Statement.number == statement.number)
    item = StatementItem.get(StatementItem.statement == s.id)
    _refused(Statement.update(amount_fen=1).where(Statement.id == s.id))
    _refused(Statement.update(note="改").where(Statement.id == s.id))
    _refused(Statement.update(state="draft").where(Statement.id == s.id))
    _refused(Statement.delete().where(Statement.id == s.id))
    _refused(StatementItem.update(points=1).where(StatementItem.id == item.id))
    _refused(StatementItem.delete().where(StatementItem.id == item.id))
    _refused(StatementItem.insert(statement=s.id, voucher=item.voucher_id, points=1))
    assert Statement.get_by_id(s.id).amount_fen == statement.amount_fen
    # Its payment is the one change left, and then it is frozen whole.
    paid = (Statement.update(state="paid", paid_on=dt.date(2026, 11, 30), paid_reference="转账")
            .where(Statement.id == s.id))
    assert paid.execute() == 1
    _refused(Statement.update(paid_reference="别的").where(Statement.id == s.id))


def test_the_guards_are_checked_like_the_ledger_s(db):
    assert not missing_guards()
    name = "statement_frozen_update" if is_sqlite() else "statement_frozen"
    on = "" if is_sqlite() else ' ON "statement"'
    database.execute_sql(f'DROP TRIGGER "{name}"{on}')
    assert missing_guards() == [name]
