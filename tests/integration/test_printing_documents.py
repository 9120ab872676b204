"""Resident cards and the passbook statement, end to end: real residents and ledger
entries in, PDF text and scanned card codes out."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from printing_checks import STATION, assert_private, decode, pdf_text, render

from app.printing.cards import GRID, cards_pdf
from app.printing.statement import statement_pdf
from app.services import ledger, redemption, residents, station, vouchers
from app.services.errors import CardReplaced

NAMES = ["阿依古丽·买买提", "欧阳娜娜", "李四", "王小明", "陈一", "刘德华", "赵敏", "钱多多",
         "孙悟空", "周杰", "吴磊"]










@pytest.fixture
def people(ctx, resident):
    """Twelve residents (one more than a sheet holds), the first with ID and phone."""
    others = [residents.register(ctx, residents.ResidentInput(
        name=name, phone=f"139{n:08d}", id_number="")) for n, name in enumerate(NAMES)]
    return [resident, *others]


def test_cards_show_name_and_number_but_no_private_data(people):
    pages = pdf_text(cards_pdf(people, station.current()))
    assert len(pages) == 2 and GRID.per_page == 10
    text = "\n".join(pages)
    assert pages[0].count(STATION) == 10 and pages[1].count(STATION) == 2
    for person in people:
        assert person.name in text and person.resident_no in text
        assert person.card_code not in text  # the code is only in the QR
    assert "110105" not in text and "5678" not in text  # not even masked
    assert_private(text)


@pytest.mark.parametrize("dpi", [150, 300])
def test_every_card_code_scans_to_its_resident(people, tmp_path, dpi):
    codes = [code for png in render(cards_pdf(people, station.current()), dpi, tmp_path)
             for code in codes_on(png)]
    assert sorted(codes) == sorted(p.card_code for p in people)
    assert sorted(residents.by_card(code).id for code in codes) == sorted(p.id for p in people)


def test_reissued_card_prints_the_new_code(ctx, resident, tmp_path):
    renewed = residents.reissue_card(ctx, resident.id)
    (png,) = render(cards_pdf([renewed], station.current()), 150, tmp_path)
    (code,) = codes_on(png)
    assert code == renewed.card_code and residents.by_card(code).id == resident.id
    with pytest.raises(CardReplaced):
        residents.by_card(resident.card_code)


def test_cards_refuse_archived_residents_and_empty_lists(ctx, resident):
    archived = residents.set_archived(ctx, resident.id, True)
    with pytest.raises(ValueError, match=resident.resident_no):
        cards_pdf([archived], station.current())
    with pytest.raises(ValueError):
        cards_pdf([], station.current())


def history(ctx, clock, resident) -> tuple[dt.date, dt.date]:
    """100 points before the period; then awards, a deduction, an issue and a void."""
    ledger.adjust(ctx, resident.id, 100, "上年结转")
    clock.advance(days=1)
    start = clock.today()
    ledger.adjust(ctx, resident.id, 40, "参加志愿服务")
    ledger.adjust(ctx, resident.id, -5, "违规停车")
    vouchers.issue(ctx, resident.id, 60, request_id="stmt-issue")
    voided = vouchers.vouchers_of_issue("stmt-issue")[-1]
    redemption.void(ctx, voided.serial, "印错作废")
    return start, clock.today()


def test_statement_adds_up_and_masks_identity(ctx, clock, resident):
    start, end = history(ctx, clock, resident)
    rows = ledger.entries(resident.id, limit=500, newest_first=False, start=start, end=end)
    opening = ledger.balance_before(resident.id, start)
    assert opening == 100
    pdf = statement_pdf(residents.get(resident.id), station.current(), rows, opening,
                        start, end)
    (text,) = pdf_text(pdf)
    for words in ("积分存折", STATION, "张明月", resident.resident_no, "110105********002X",
                  "138****5678", "日期", "事由", "加分", "扣分", "兑换", "余额", "经办人",
                  "期初余额", "本期合计", "王站长", "2026年11月24日"):
        assert words in text
    assert_private(text)
    closing = ledger.balance(resident.id)
    assert f"期末余额：{closing} 分" in text
    # Totals: awards and the refund (+40 +10), the deduction (5), the issue (60).
    assert re.search(rf"本期合计\s*50\s*5\s*60\s*{closing}", text), text
    assert closing == opening + 50 - 5 - 60


def test_long_statement_carries_balances_across_pages(ctx, clock, resident):
    start = clock.today()
    for n in range(80):
        ledger.adjust(ctx, resident.id, n % 5 + 1, f"第{n + 1}次志愿服务")
    rows = ledger.entries(resident.id, limit=500, newest_first=False)
    pages = pdf_text(statement_pdf(residents.get(resident.id), station.current(), rows, 0,
                                   start, start))
    assert len(pages) >= 3
    assert all(f"第 {n}/{len(pages)} 页" in page for n, page in enumerate(pages, start=1))
    text = "\n".join(pages)
    assert all(f"第{n + 1}次志愿服务" in text for n in range(80))
    carried = [int(m) for page in pages[:-1] for m in re.findall(r"过次页\s*(\d+)", page)]
    brought = [int(m) for page in pages[1:] for m in re.findall(r"承前页\s*(\d+)", page)]
    assert carried == brought and len(carried) == len(pages) - 1
    assert f"期末余额：{ledger.balance(resident.id)} 分" in pages[-1]
    assert "110105" not in pages[1]  # later pages repeat the name, not the identity


def test_statement_refuses_entries_outside_its_period(ctx, clock, resident):
    start, end = history(ctx, clock, resident)
    everything = ledger.entries(resident.id, limit=500, newest_first=False)
    with pytest.raises(ValueError, match="outside"):
        statement_pdf(residents.get(resident.id), station.current(), everything, 100,
                      start, end)
    with pytest.raises(ValueError, match="after"):
        statement_pdf(residents.get(resident.id), station.current(), [], 0, end,
                      start - dt.timedelta(days=1))


def codes_on(png):
    return [r.text for r in decode(png)]
