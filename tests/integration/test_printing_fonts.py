"""Fonts in printed documents: rare name characters print (or are reported before
printing), text stays extractable, and printing loads neither Qt nor fonts at import."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from pypdf import PdfReader

from app.printing import fonts
from app.printing.cards import cards_pdf
from app.printing.vouchers import voucher_sheet_pdf
from app.services import ledger, residents, station, vouchers

RARE_IN_SUBSET = "赵孟\U0002B5AF"  # 赵孟𫖯: U+2B5AF (Extension C) has a Mandarin reading
JI = "\U00020BB7"  # 𠮷 (Extension B), the classic example; it has no Mandarin reading


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def embedded_fonts(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object()  # embedded TrueType
            names.add(str(font["/BaseFont"]))
    return names


def voucher_for(ctx, name: str, request_id: str) -> list:
    person = residents.register(ctx, residents.ResidentInput(name=name))
    ledger.adjust(ctx, person.id, 10, "测试")
    vouchers.issue(ctx, person.id, 10, request_id=request_id)
    return vouchers.vouchers_of_issue(request_id)


@pytest.fixture
def no_fallback():
    """Only the primary face, as on a machine whose fallbacks are all missing."""
    saved = fonts.FALLBACKS
    fonts.FALLBACKS = ()
    fonts.reset_cache()
    yield
    fonts.FALLBACKS = saved
    fonts.reset_cache()


def test_everyday_text_needs_no_fallback():
    text = "新华社区新时代文明实践站 阿依古丽·买买提 •‧・ XH01-2026-000001 （抵 10.50 元）：、"
    assert fonts.missing_glyphs(text) == set()
    assert all(face == fonts.PRIMARY for face, _ in fonts.runs(text))


def test_extension_character_prints_from_the_shipped_subset(ctx):
    assert fonts.missing_glyphs(RARE_IN_SUBSET) == set()
    assert [face for face, _ in fonts.runs(RARE_IN_SUBSET)] == [fonts.PRIMARY, "StationExtB"]
    pdf = voucher_sheet_pdf(voucher_for(ctx, RARE_IN_SUBSET, "rare-1"), station.current())
    assert pdf_text(pdf).count(RARE_IN_SUBSET) == 2  # exact, surrogate pair and all
    assert any(name.endswith("+HanaMinB-StationExtB") for name in embedded_fonts(pdf))


def test_name_with_ji_prints_or_is_reported(ctx):
    name = JI + "田春"
    missing = fonts.missing_glyphs(name)
    cards = cards_pdf([residents.register(ctx, residents.ResidentInput(name=name))],
                      station.current())
    sheet = voucher_sheet_pdf(voucher_for(ctx, name, "ji-1"), station.current())
    if missing:  # no installed face has it: the desk is told, and a box is printed
        assert missing == {JI}
    else:  # a system fallback (Debian's fonts-hanazono, Windows' SimSun-ExtB) has it
        assert any("-System" in n for n in embedded_fonts(cards) | embedded_fonts(sheet))
    assert name in pdf_text(cards) and name in pdf_text(sheet)


def test_missing_character_is_reported_and_keeps_its_text(ctx, no_fallback):
    assert fonts.missing_glyphs(RARE_IN_SUBSET + "·" + JI) == {"\U0002B5AF", JI}
    assert fonts.runs(RARE_IN_SUBSET)[-1] == (None, "\U0002B5AF")
    assert fonts.text_width("\U0002B5AF", 10) == 10  # a one-em box, not a zero-width gap
    person = residents.register(ctx, residents.ResidentInput(name=RARE_IN_SUBSET))
    pdf = cards_pdf([person], station.current())
    assert RARE_IN_SUBSET in pdf_text(pdf)  # the invisible text layer keeps the name
    assert not any("HanaMinB" in n for n in embedded_fonts(pdf))


def test_a_rebuilt_chain_prints_what_it_reports(ctx, no_fallback):
    """reportlab keeps the first face registered under a name: a chain built anew must
    still print the characters it reports as boxes with their text kept."""
    first = residents.register(ctx, residents.ResidentInput(name=JI + "田春"))
    assert JI + "田春" in pdf_text(cards_pdf([first], station.current()))
    fonts.reset_cache()
    second = residents.register(ctx, residents.ResidentInput(name=RARE_IN_SUBSET))
    assert RARE_IN_SUBSET in pdf_text(cards_pdf([second], station.current()))


def test_wrapping_keeps_serials_whole_and_fits():
    text = "兑换 XH01-2026-000001 退回 XH01-2026-000002 幸福里便民超市（东门店）"
    lines = fonts.wrap(text, 80, 8)
    assert len(lines) > 1 and "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(fonts.text_width(line, 8) <= 80 for line in lines)
    assert any("XH01-2026-000001" in line for line in lines)
    assert fonts.fit_size("张明月", 1000, 18, 10) == 18
    assert fonts.fit_size("张明月" * 20, 50, 18, 10) == 10  # never below the minimum
    size, lines = fonts.fit_lines("阿依古丽·买买提" * 4, 80, 12, 8)
    assert len(lines) == 2 and all(fonts.text_width(line, size) <= 80.01 for line in lines)


def test_printing_is_qt_free_and_registers_fonts_only_when_used():
    script = """
import sys
from reportlab.pdfbase import pdfmetrics
import app.printing.vouchers, app.printing.cards, app.printing.statement
assert "PySide6" not in sys.modules, "printing imported Qt"
assert "StationSans" not in pdfmetrics.getRegisteredFontNames(), "registered at import"
from app.printing import fonts
fonts.missing_glyphs("张")
assert "StationSans" in pdfmetrics.getRegisteredFontNames()
assert "StationExtB" not in pdfmetrics.getRegisteredFontNames(), "fallback loaded unasked"
fonts.missing_glyphs("\\U0002B5AF")
assert "StationExtB" in pdfmetrics.getRegisteredFontNames()
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
