"""The merchants' list, a long statement and the fund report, rendered: every voucher on
the statement appears once across its pages, and each page carries ink where text is."""

from __future__ import annotations

import datetime as dt

from PIL import Image
from printing_checks import pdf_text, render

from app.printing import settlement_docs
from app.services import fund, ledger, merchants, redemption, settlement, vouchers

SHOP = "红星理发店"


def test_long_statement_runs_over_pages_with_every_voucher_once(ctx, resident, tmp_path):
    ledger.adjust(ctx, resident.id, 200, "测试入账")
    merchants.add(ctx, SHOP, merchants.Details(phone="0512-1234567", offer="理发"))
    issued = [v for _ in range(6)
              for v in vouchers.issue(ctx, resident.id, 20, denominations=[1] * 20,
                                      scope="merchant", merchant=SHOP).vouchers]
    for v in issued:
        redemption.redeem(ctx, v.token, SHOP)
    made = settlement.draft(ctx, SHOP, *settlement.month("2026-11"))
    pdf = settlement_docs.statement(made.number).documents[0]
    pages = pdf_text(pdf)
    assert len(pages) >= 3 and "商户签章" in pages[-1] and "应付金额：120.00 元" in pages[-1]
    text = "".join(pages)
    assert all(text.count(v.serial) == 1 for v in issued)
    for png in render(pdf, 40, tmp_path):
        grey = Image.open(png).convert("L")
        assert grey.getextrema()[0] < 100  # text was drawn, not empty boxes on white


def test_places_and_fund_report_render(ctx, tmp_path):
    merchants.add(ctx, SHOP, merchants.Details(address="幸福里 3 号", terms="最多抵一半",
                                               agreement_to=dt.date(2026, 12, 31)))
    fund.contribute(ctx, "1200.50", "幸福里社区党委", budget_line="党建经费", donor="王书记")
    places = pdf_text(settlement_docs.places(dt.date(2026, 11, 23)).documents[0])[0]
    assert "哪里可以用兑换券" in places and "幸福里 3 号" in places and "2026-12-31" in places
    report = settlement_docs.fund_report(None, None, dt.date(2026, 11, 23)).documents[0]
    text = pdf_text(report)[0]
    assert "1200.50" in text and "党建经费" in text and "应付合计" in text
    assert "捐赠人" in text and "王书记" in text
    assert len(render(report, 40, tmp_path)) == 1
