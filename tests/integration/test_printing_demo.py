"""A demo station's printouts cannot pass for real ones: every voucher (A4 and receipt),
card and statement says SPECIMEN / 演示, and the demo voucher's code still scans, to a
token a real station refuses."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PIL import Image
from printing_checks import decode, pdf_text, render

from app.printing import jobs
from app.printing.cards import cards_pdf
from app.printing.statement import statement_pdf
from app.printing.vouchers import voucher_sheet_pdf, voucher_thermal_pdf
from app.services import demo, ledger, redemption, residents, station, tokens, vouchers


@pytest.fixture
def trainee(ctx):
    """A resident registered at a demo station."""
    demo.generate(ctx, residents=5)
    return residents.register(ctx, residents.ResidentInput(name="练习员", phone="13812345678"))


@pytest.fixture
def demo_vouchers(ctx, trainee):
    """A demo station's vouchers, issued at the desk: 50, 20 and 5 points."""
    ledger.adjust(ctx, trainee.id, 75, "测试充值")
    vouchers.issue(ctx, trainee.id, 75, request_id="demo-print")
    return vouchers.vouchers_of_issue("demo-print")


def red_only_on(png, blank) -> int:
    """Pixels red on ``png`` where the page ``blank`` (the same layout) is white."""
    with Image.open(png) as first, Image.open(blank) as second:
        pairs = zip(first.convert("RGB").get_flattened_data(),
                    second.convert("RGB").get_flattened_data(),
                    strict=True)
        return sum(1 for (r, g, b), plain in pairs
                   if min(plain) > 245 and r > 200 and r - g > 25 and r - b > 25)


def test_a_demo_voucher_sheet_says_specimen_and_its_code_scans(ctx, demo_vouchers, tmp_path):
    pdf = jobs.voucher_printout([v.serial for v in demo_vouchers]).documents[0]
    (text,) = pdf_text(pdf)
    assert text.count("样券 SPECIMEN") >= len(demo_vouchers)
    assert "演示数据" in text and "Demo data" in text
    (png,) = render(pdf, 150, tmp_path)
    found = sorted(code.text for code in decode(png))
    assert found == sorted(v.token for v in demo_vouchers)
    assert all(t.startswith(tokens.DEMO_PREFIX) for t in found)
    assert redemption.verify(ctx, found[0]).ok  # at the demo station itself


def test_the_mark_is_on_the_page_not_only_in_its_text(ctx, demo_vouchers, tmp_path):
    """Rendered, a demo sheet carries the faint red of a watermark across every voucher,
    which the same sheet printed for a real station has nowhere."""
    demo_info = station.current()
    real_info = dataclasses.replace(demo_info, demo=False)
    real = [dataclasses.replace(v, token="SDV" + v.token[3:]) for v in demo_vouchers]
    for folder in ("d", "r"):
        (tmp_path / folder).mkdir()
    (demo_png,) = render(voucher_sheet_pdf(demo_vouchers, demo_info), 100, tmp_path / "d")
    (real_png,) = render(voucher_sheet_pdf(real, real_info), 100, tmp_path / "r")
    assert "SPECIMEN" not in pdf_text(voucher_sheet_pdf(real, real_info))[0]
    added = red_only_on(demo_png, real_png)
    assert added > 1000 * len(demo_vouchers)  # the watermark: about 2 % of each voucher


def test_a_demo_receipt_says_specimen_and_scans(ctx, demo_vouchers, tmp_path):
    pdf = voucher_thermal_pdf(demo_vouchers[0], station.current(), 384)
    (text,) = pdf_text(pdf)
    # At the top, above the terms, and on the counterfoil (where the line may wrap).
    assert text.count("SPECIMEN") >= 3 and text.count("样券") >= 3
    (png,) = render(pdf, 203, tmp_path)
    (code,) = decode(png)
    assert code.text == demo_vouchers[0].token


def test_demo_cards_and_statements_say_demo(ctx, demo_vouchers, trainee, tmp_path):
    info = station.current()
    person = residents.get(trainee.id)
    (card_text,) = pdf_text(cards_pdf([person], info))
    assert "样卡 SPECIMEN" in card_text and "演示数据" in card_text
    (png,) = render(cards_pdf([person], info), 150, tmp_path)
    assert [c.text for c in decode(png)] == [person.card_code]
    page = ledger.statement(person.id, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    statement = statement_pdf(person, info, page.rows, page.opening, dt.date(2026, 1, 1),
                              dt.date(2026, 12, 31))
    (text,) = pdf_text(statement)
    assert "演示 SPECIMEN" in text and "Demo data — not real records" in text


def test_a_real_stations_printouts_carry_no_mark(ctx, resident):
    info = station.current()
    person = residents.get(resident.id)
    (card_text,) = pdf_text(cards_pdf([person], info))
    assert "SPECIMEN" not in card_text and "演示" not in card_text
