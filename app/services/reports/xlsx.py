"""A report as a workbook the district centre pastes into its own sheets.

The first sheet holds one row for the station (its name, the period, the main figures)
and a totals row below it: centres gather stations' rows under one another and sum them,
as domain reference §3.2 recommends. Then a sheet per section: each figure with the
previous period and the change, the header frozen, its stable key beside it, and a
native Excel bar chart of this period against the one before."""

from __future__ import annotations

from pathlib import Path

from app.services.reports.report import Figure, Report

SUMMARY_KEYS = (
    "activities", "volunteers.persons", "volunteers.person_times", "volunteers.hours",
    "volunteers.new", "audience.persons", "audience.person_times", "awarded.persons",
    "awarded.person_times", "awarded.points", "deducted.persons", "deducted.person_times",
    "deducted.points", "vouchers.issued.count", "vouchers.issued.points",
    "vouchers.redeemed.count", "vouchers.redeemed.points", "vouchers.voided.count",
    "vouchers.expired.count", "store.sales.count", "store.sales.points",
    "settlement.approved.amount_fen", "honours.count", "cleared.points")
FORMATS = {"hours": "0.0", "fen": "0.00", "count": "0", "points": "0"}
SUMMARY_TITLE = "汇总"


def cell_value(f: Figure, value: int | float) -> int | float:
    """What a cell holds: yuan for amounts kept in fen, the number otherwise."""
    return value / 100 if f.unit == "fen" else value


def _summary(book, report: Report) -> None:
    from openpyxl.styles import Font

    sheet = book.active
    sheet.title = SUMMARY_TITLE
    figures = [report.figure(k) for k in SUMMARY_KEYS]
    sheet.append(["站点", "期间", *(f.zh for f in figures)])
    period = report.period.label + (f"（标签 {report.tag}）" if report.tag else "")
    sheet.append([report.station_name, period,
                  *(cell_value(f, f.value) for f in figures)])
    last = len(figures) + 2
    totals = ["合计", ""]
    for col in range(3, last + 1):
        letter = sheet.cell(row=1, column=col).column_letter
        totals.append(f"=SUM({letter}2:{letter}2)")
    sheet.append(totals)
    for col, f in enumerate(figures, 3):
        for row in (2, 3):
            sheet.cell(row=row, column=col).number_format = FORMATS[f.unit]
    for cell in sheet[1] + sheet[3]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "C2"
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 12


def _section(book, report: Report, section) -> None:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font

    sheet = book.create_sheet(section.zh[:31])
    sheet.append(["指标", f"本期（{report.period.label_zh}）",
                  f"上期（{report.previous_period.label_zh}）", "增减", "键"])
    for f in section.figures:
        sheet.append([f.zh, cell_value(f, f.value), cell_value(f, f.previous),
                      cell_value(f, f.change), f.key])
        for col in (2, 3, 4):
            sheet.cell(row=sheet.max_row, column=col).number_format = FORMATS[f.unit]
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 22
    sheet.column_dimensions["C"].width = 22
    sheet.column_dimensions["E"].width = 44
    count = len(section.figures)
    if not count:
        return
    chart = BarChart()
    chart.type = "bar"  # horizontal bars: long Chinese labels stay readable
    chart.title = f"{section.zh}：本期与上期"
    chart.add_data(Reference(sheet, min_col=2, max_col=3, min_row=1, max_row=count + 1),
                   titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=count + 1))
    chart.height = max(7.5, 0.6 * count + 3)
    chart.width = 18
    sheet.add_chart(chart, "G2")


def write_xlsx(report: Report, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    _summary(book, report)
    for section in report.sections:
        _section(book, report, section)
    book.save(path)
