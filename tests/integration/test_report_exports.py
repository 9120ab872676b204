"""The report's workbook and PDF: the workbook opened with openpyxl (a sheet per section
with the numbers, the previous period and the change, the header frozen, a native bar
chart over the right ranges, the summary's totals row); the PDF's text (station, period,
figures beside the previous period, the station head's signature line) and its pages
rendered to pictures with charts drawn on them."""

from __future__ import annotations

from openpyxl import load_workbook
from PIL import Image
from printing_checks import STATION, pdf_text, render

from app.printing.report import report_pdf
from app.services.reports import period, report, xlsx
from tests import report_month


def _month(ctx):
    report_month.build(ctx)
    return report.compute(period.parse("month", "2026-10"))


def test_workbook_has_a_sheet_a_section_with_numbers_charts_and_frozen_headers(ctx, tmp_path):
    got = _month(ctx)
    xlsx.write_xlsx(got, tmp_path / "r.xlsx")
    book = load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames == [xlsx.SUMMARY_TITLE, *(s.zh for s in got.sections)]
    for section in got.sections:
        sheet = book[section.zh]
        assert sheet.freeze_panes == "A2"
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        assert [r[4] for r in rows] == [f.key for f in section.figures]
        for (label, now, before, change, key), f in zip(rows, section.figures, strict=True):
            assert (label, now, before, change) == (
                f.zh, xlsx.cell_value(f, f.value), xlsx.cell_value(f, f.previous),
                xlsx.cell_value(f, f.change)), key
        (chart,) = sheet._charts
        n = len(section.figures) + 1
        refs = [s.val.numRef.f for s in chart.series]
        assert refs == [f"'{section.zh}'!$B$2:$B${n}", f"'{section.zh}'!$C$2:$C${n}"]
        categories = chart.series[0].cat
        assert (categories.strRef or categories.numRef).f == f"'{section.zh}'!$A$2:$A${n}"
    points = {r[4]: r[1:4] for r in book["积分"].iter_rows(min_row=2, values_only=True)}
    assert points["awarded.points"] == (22, 8, 14)
    assert book["积分超市与商户结算"]["B11"].value == 20.0  # 2000 fen, in yuan


def test_summary_sheet_is_one_station_row_and_a_totals_row(ctx, tmp_path):
    got = _month(ctx)
    xlsx.write_xlsx(got, tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx")[xlsx.SUMMARY_TITLE]
    header, station_row, totals = list(sheet.iter_rows(values_only=True))
    assert station_row[:2] == (got.station_name, "2026-10")
    for col, key in enumerate(xlsx.SUMMARY_KEYS, 3):
        f = got.figure(key)
        assert header[col - 1] == f.zh
        assert station_row[col - 1] == xlsx.cell_value(f, f.value)
        letter = sheet.cell(row=1, column=col).column_letter
        assert totals[col - 1] == f"=SUM({letter}2:{letter}2)"
    assert totals[0] == "合计" and sheet.freeze_panes == "C2"


def test_pdf_names_station_period_figures_and_the_head_signs(ctx, tmp_path):
    got = _month(ctx)
    pdf = report_pdf(got, "2026-11-02")
    text = "\n".join(pdf_text(pdf))
    assert STATION in text and "2026年10月" in text and "2026年9月" in text
    assert "站长签字" in text and "日期" in text
    awarded = got.figure("awarded.points")
    assert f"加分分值 {awarded.value} {awarded.previous} +{awarded.change}" in " ".join(
        text.split())
    pages = render(pdf, 60, tmp_path)
    assert len(pages) >= 2
    first = Image.open(pages[0]).convert("RGB")
    # the charts' red bars and slices: many pixels of the accent red on the first page
    pixels = first.tobytes()
    red = sum(1 for i in range(0, len(pixels), 3)
              if pixels[i] > 150 and pixels[i + 1] < 70 and pixels[i + 2] < 70)
    assert red > 2000
