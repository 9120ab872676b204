"""A report on A4 for the station head's signature (统计报表): the station's name, the
period and the one before, three charts, every section's figures with the previous
period and the change, and the lines where the station head signs and dates it."""

from __future__ import annotations

import io

from reportlab.graphics import renderPDF
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from app.printing import fonts, report_charts
from app.printing.jobs import Printout
from app.printing.sheet import ACCENT, DEMO_NOTE, INK, MUTED, new_canvas, table_row, watermark
from app.services import station
from app.services.reports.report import Report

TITLE = "道德积分与志愿服务统计报表"
MARGIN = 15 * mm
COLUMNS = (("指标", 96 * mm), ("本期", 28 * mm), ("上期", 28 * mm), ("增减", 28 * mm))
ROW = 6.2 * mm
SIZE = 8.5
BOTTOM = MARGIN + 12 * mm
HEADER_FILL = HexColor("#F1F1F1")


class _Sheet:
    """A canvas that starts a new page when the next line would not fit."""

    def __init__(self, c, report: Report) -> None:
        self.c, self.report = c, report
        self.page, self.y = 0, 0.0
        self.demo = station.current().demo
        self.new_page()

    def new_page(self) -> None:
        if self.page:
            self.c.showPage()
        self.page += 1
        c, top = self.c, A4[1] - MARGIN
        if self.demo:
            watermark(c, MARGIN, MARGIN, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN,
                      "演示 SPECIMEN", alpha=0.12, angle=35)
            c.setFillColor(ACCENT)
            fonts.draw_text(c, A4[0] / 2, top + 3 * mm, DEMO_NOTE, 9, anchor="middle",
                            bold=True)
        c.setFillColor(MUTED)
        fonts.draw_text(c, A4[0] / 2, top - 4 * mm, self.report.station_name, 10,
                        anchor="middle")
        c.setFillColor(ACCENT)
        title = TITLE if self.page == 1 else TITLE + "（续）"
        fonts.draw_text(c, A4[0] / 2, top - 13 * mm, title, 17 if self.page == 1 else 12,
                        anchor="middle", bold=True)
        c.setFillColor(MUTED)
        fonts.draw_text(c, A4[0] / 2, MARGIN, f"第 {self.page} 页", 8, anchor="middle")
        self.y = top - 20 * mm

    def need(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.new_page()

    def text(self, text: str, size: float = 9.5, colour: HexColor = INK,
             bold: bool = False) -> None:
        self.need(6 * mm)
        self.c.setFillColor(colour)
        fonts.draw_text(self.c, MARGIN, self.y - 4 * mm, text, size, bold=bold)
        self.y -= 5.4 * mm

    def row(self, cells: tuple[str, ...], header: bool = False) -> None:
        self.need(ROW)
        table_row(self.c, MARGIN, self.y, tuple(w for _, w in COLUMNS), cells, ROW, SIZE,
                  right=set(range(1, len(COLUMNS))), fill=HEADER_FILL if header else None,
                  bold=header)
        self.y -= ROW


def _charts(sheet: _Sheet) -> None:
    width, height = (A4[0] - 2 * MARGIN) / 2, 62 * mm
    sheet.need(2 * height)
    top = sheet.y
    (t1, k1), (t2, k2) = report_charts.BARS
    drawings = [(report_charts.bars(sheet.report, t1, k1, width, height), 0, 0),
                (report_charts.bars(sheet.report, t2, k2, width, height), width, 0),
                (report_charts.categories(sheet.report, 2 * width, height), 0, height)]
    for drawing, dx, dy in drawings:
        renderPDF.draw(drawing, sheet.c, MARGIN + dx, top - height - dy)
    sheet.y = top - 2 * height - 2 * mm


def _signatures(sheet: _Sheet) -> None:
    sheet.need(40 * mm)
    # Said beside the signatures, so the page signed names what it vouches for.
    sheet.y -= 3 * mm
    sheet.text(f"以上为{sheet.report.period.label_zh}统计数据，由积分台账与活动记录统计，"
               f"共 {sum(len(s.figures) for s in sheet.report.sections)} 项。", colour=MUTED)
    c, y = sheet.c, sheet.y - 10 * mm
    c.setFillColor(INK)
    c.setStrokeColor(INK)
    c.setLineWidth(0.6)
    for x, who in ((MARGIN, "填报人签字"), (MARGIN + 95 * mm, "站长签字")):
        used = fonts.draw_text(c, x, y, f"{who}：", 10)
        c.line(x + used, y - 1 * mm, x + used + 45 * mm, y - 1 * mm)
        used = fonts.draw_text(c, x, y - 10 * mm, "日期：", 10)
        c.line(x + used, y - 11 * mm, x + used + 45 * mm, y - 11 * mm)
    fonts.draw_text(c, A4[0] - MARGIN, y - 22 * mm, "（盖章）", 10, anchor="end")
    sheet.y = y - 24 * mm


def report_pdf(report: Report, made_on: str) -> bytes:
    buffer = io.BytesIO()
    c = new_canvas(buffer, A4, f"{TITLE} {report.period.label}")
    sheet = _Sheet(c, report)
    sheet.text(f"统计期间：{report.period.label_zh}（{report.period.start} 至 "
               f"{report.period.end}）", bold=True)
    sheet.text(f"对比期间（上期）：{report.previous_period.label_zh}（"
               f"{report.previous_period.start} 至 {report.previous_period.end}）")
    if report.tag:
        sheet.text(f"筛选：标签为“{report.tag}”的居民（商户结算不按标签筛选）")
    sheet.text(f"制表日期：{made_on}", colour=MUTED)
    sheet.y -= 2 * mm
    _charts(sheet)
    for section in report.sections:
        if not section.figures:
            continue
        sheet.need(ROW * 3 + 6 * mm)
        sheet.y -= 2 * mm
        sheet.text(section.zh, 11, ACCENT, bold=True)
        sheet.row(tuple(name for name, _ in COLUMNS), header=True)
        for f in section.figures:
            sheet.row((f.zh, f.shown(f.value), f.shown(f.previous),
                       f.shown(f.change, signed=True)))
    _signatures(sheet)
    c.showPage()
    c.save()
    return buffer.getvalue()


def printout(report: Report, made_on: str) -> Printout:
    count = sum(len(s.figures) for s in report.sections)
    return Printout([report_pdf(report, made_on)], f"report-{report.period.label}.pdf",
                    ["1"], [], count)
