"""Printed vouchers, end to end: issue real vouchers, make the PDF, read its text back and
scan every QR code off a rendered page with an independent decoder."""

from __future__ import annotations

import io

import pytest
from printing_checks import STATION, assert_private, decode, pdf_text, render
from pypdf import PdfReader

from app.printing import fonts, qr
from app.printing.vouchers import GRID, QR_MODULE, voucher_sheet_pdf, voucher_thermal_pdf
from app.services import ledger, merchants, redemption, residents, station, vouchers


def issue(ctx, resident_id: int, points: int, request_id: str, **kwargs) -> list:
    vouchers.issue(ctx, resident_id, points, request_id=request_id, **kwargs)
    return vouchers.vouchers_of_issue(request_id)


@pytest.fixture
def funded(ctx, resident):
    """The conftest resident with 500 points to spend."""
    ledger.adjust(ctx, resident.id, 500, "测试充值")
    return resident


@pytest.fixture
def five(ctx, funded):
    """86 points issued in the default denominations: 50, 20, 10, 5, 1."""
    return issue(ctx, funded.id, 86, "print-five")


def test_sheet_shows_the_voucher_face_and_counterfoil(five, funded):
    pdf = voucher_sheet_pdf(five, station.current(), funded.id_masked)
    (text,) = pdf_text(pdf)
    assert [v.points for v in five] == [50, 20, 10, 5, 1]
    assert STATION in text and "道德积分兑换券" in text
    assert text.count("张明月") >= 2 * len(five)  # on the voucher and on its counterfoil
    for v in five:
        assert text.count(v.serial) >= 2 and v.check_code in text
        assert f"抵 {v.points} 元" in text
    for words in ("110105********002X", "2026年11月23日", "2026年12月31日", "任意合作商户",
                  "不兑现金、不找零、不得转让", "本站留存", "领取人签字", "盖章处", "王站长"):
        assert words in text
    assert "补打" not in text
    assert_private(text)


def test_reprints_say_so_on_voucher_and_counterfoil(five):
    (text,) = pdf_text(voucher_sheet_pdf(five, station.current(), reprint=True))
    assert text.count("补打") == 2 * len(five)


def test_nine_vouchers_take_two_sheets_of_eight(ctx, funded):
    nine = issue(ctx, funded.id, 90, "print-nine", denominations=[10] * 9)
    pages = pdf_text(voucher_sheet_pdf(nine, station.current()))
    assert len(pages) == 2 and GRID.per_page == 8
    assert all(v.serial in pages[0] for v in nine[:8])
    assert nine[8].serial in pages[1] and nine[0].serial not in pages[1]
    assert "第 2/2 页" in pages[1]


@pytest.mark.parametrize("dpi", [150, 300])
def test_every_printed_code_scans_and_verifies(ctx, funded, tmp_path, dpi):
    nine = issue(ctx, funded.id, 103, "print-scan", denominations=[50, 20, 10, 10, 5, 5, 1, 1, 1])
    pdf = voucher_sheet_pdf(nine, station.current(), funded.id_masked)
    pages = render(pdf, dpi, tmp_path)
    assert len(pages) == 2
    found = [code for png in pages for code in decode(png)]
    assert sorted(r.text for r in found) == sorted(v.token for v in nine)
    for result in found:
        verdict = redemption.verify(ctx, result.text)
        assert verdict.ok, verdict.message_en
        assert verdict.holder == "张明月"
    # Measured off the page: a module is at least 0.5 mm.
    mm_per_px = 25.4 / dpi
    modules = qr.qr_matrix(nine[0].token).size  # version 9: 53 modules wide
    widths = [(r.position.top_right.x - r.position.top_left.x) * mm_per_px / modules
              for r in found]
    assert QR_MODULE >= qr.MIN_A4_MODULE
    assert min(widths) >= 0.49


def test_scope_and_rate_are_printed_as_issued(ctx, funded):
    merchants.add(ctx, "幸福里便民超市")
    shop = issue(ctx, funded.id, 10, "print-shop", scope="merchant", merchant="幸福里便民超市")
    store = issue(ctx, funded.id, 5, "print-store", scope="store")
    station.update_settings(ctx, rate_points=2, rate_yuan=1)
    (text,) = pdf_text(voucher_sheet_pdf(shop + store, station.current()))
    assert "限幸福里便民超市" in text and "本站积分超市" in text
    assert "抵 5 元" in text and "抵 2.50 元" in text


def test_refuses_what_must_not_be_printed(ctx, five, funded):
    info = station.current()
    with pytest.raises(ValueError, match="masked"):
        voucher_sheet_pdf(five, info, "11010519491231002X")
    other = residents.register(ctx, residents.ResidentInput(name="李四"))
    ledger.adjust(ctx, other.id, 10, "测试")
    mixed = five + issue(ctx, other.id, 10, "print-other")
    with pytest.raises(ValueError, match="several residents"):
        voucher_sheet_pdf(mixed, info, funded.id_masked)
    assert pdf_text(voucher_sheet_pdf(mixed, info))[0].count("李四") >= 2
    redemption.void(ctx, five[0].serial, "印错作废")
    with pytest.raises(ValueError, match=five[0].serial):
        voucher_sheet_pdf(vouchers.vouchers_by_serial([five[0].serial]), info)
    with pytest.raises(ValueError):
        voucher_sheet_pdf([], info)


def text_spans(pdf: bytes) -> tuple[float, float, list[tuple[str, float, float, float]]]:
    """The page size and every piece of text with its start point and size."""
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    spans: list[tuple[str, float, float, float]] = []

    def visit(text: str, cm: list, tm: list, font: object, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            spans.append((text.strip(), x, y, size))

    page.extract_text(visitor_text=visit)
    return float(page.mediabox.width), float(page.mediabox.height), spans


@pytest.mark.parametrize("dots", [384, 416, 432, 576])
def test_thermal_voucher_fits_the_roll_and_scans(ctx, five, funded, tmp_path, dots):
    voucher = five[0]
    pdf = voucher_thermal_pdf(voucher, station.current(), dots, holder_id_masked=funded.id_masked)
    width, height, spans = text_spans(pdf)
    assert width == pytest.approx(dots / 203 * 72, abs=1e-3)
    text = " ".join(s[0] for s in spans)
    for words in (STATION, "张明月", voucher.serial, voucher.check_code, "50 分", "存根",
                  "领取人签字", "110105********002X"):
        assert words in text
    assert_private(text)
    for piece, x, y, size in spans:
        assert x >= 0 and x + fonts.text_width(piece, size) <= width + 0.01, piece
        assert 0 <= y <= height, piece

    (png,) = render(pdf, 203, tmp_path)
    from PIL import Image

    with Image.open(png) as image:
        assert abs(image.width - dots) <= 1  # one pixel per printer dot
    codes = decode(png)
    assert len(codes) == 1, [(c.format, c.text, c.position) for c in codes]
    (code,) = codes
    assert code.text == voucher.token and redemption.verify(ctx, code.text).ok
    module = qr.thermal_module_dots(qr.qr_matrix(voucher.token), dots)
    assert module >= 3
    left, right = code.position.top_left.x, code.position.top_right.x
    size = qr.qr_matrix(voucher.token).size
    assert abs((right - left) - size * module) <= 1  # whole dots per module
    assert left >= 4 * module - 1 and right <= dots - 4 * module + 1  # quiet zone on paper


def test_thermal_reprint_and_refusals(five):
    info = station.current()
    pdf = voucher_thermal_pdf(five[1], info, 576, reprint=True)
    assert " ".join(pdf_text(pdf)).count("补打") == 2
    with pytest.raises(ValueError, match="dots"):
        voucher_thermal_pdf(five[1], info, 200)
    with pytest.raises(ValueError, match="masked"):
        voucher_thermal_pdf(five[1], info, holder_id_masked="13812345678")
