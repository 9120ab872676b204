"""Demo data includes merchants' details, the fund's contributions and last month's
redemptions in approved and paid statements; every invariant holds afterwards."""

from __future__ import annotations

from app.models import Statement, StatementItem, VoucherResolution
from app.services import demo, fund, integrity, liability, merchants, settlement


def test_demo_settles_last_month(ctx, clock):
    made = demo.generate(ctx, residents=300, seed=3)
    assert made["contributions"] == 3 and made["statements"] >= 1
    assert all(r.details.phone and r.details.offer for r in merchants.rows())
    first, _ = settlement.month("2026-10")
    paid = list(Statement.select().where(Statement.state == "paid"))
    assert len(paid) == made["statements"]
    october = (VoucherResolution.select().where(
        VoucherResolution.kind == "redeemed", VoucherResolution.merchant.is_null(False),
        VoucherResolution.at >= str(first), VoucherResolution.at < "2026-11-01").count())
    assert StatementItem.select().count() == october == sum(s.vouchers for s in paid)
    book = fund.book()
    assert {r.donor for r, _ in book.rows if r.kind == "contribution"} >= {"王建华"}
    assert book.closing_fen == fund.balance() == book.contributions_fen + book.payments_fen
    assert not liability.liability(clock.today()).short
    assert integrity.run_check(ctx.keys_dir, quick=True).ok
