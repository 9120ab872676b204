"""The close-out sheet (日结单): a clerk's figures for signature, on A4.

Each figure shows both counts (the records, and the ledger or other record it was checked
against) and whether they agree; differences are listed by name in red below the table,
then the issued serial ranges, then the lines for the clerk's and the station head's
signatures. A reprint says 补打 beside the title and when it was reprinted.
"""

from __future__ import annotations

import datetime as dt
import io

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.printing import fonts
from app.printing.jobs import Printout
from app.printing.sheet import (
    ACCENT,
    DEMO_NOTE,
    INK,
    MUTED,
    new_canvas,
    table_row,
    watermark,
)
from app.services import station
from app.services.closeout import CloseoutView
from app.services.closeout_figures import label, source_label

TITLE = "日结单"
MARGIN = 15 * mm
COLUMNS = (("项目", 62 * mm), ("笔数", 18 * mm), ("数额", 22 * mm), ("核对依据", 26 * mm),
           ("笔数", 18 * mm), ("数额", 22 * mm), ("相符", 12 * mm))
SIZE = 8.5
ROW = 6.4 * mm
BOTTOM = MARGIN + 14 * mm
HEADER_FILL = HexColor("#F1F1F1")
WRONG_FILL = HexColor("#FBE3E1")


class _Sheet:
    """A canvas that starts a new page when the next line would not fit."""

    def __init__(self, c: Canvas, view: CloseoutView, reprint_at: str | None) -> None:
        self.c, self.view, self.reprint_at = c, view, reprint_at
        self.page = 0
        self.y = 0.0
        self.demo = station.current().demo
        self._new_page()

    def _new_page(self) -> None:
        if self.page:
            self.c.showPage()
        self.page += 1
        c, top = self.c, A4[1] - MARGIN
        if self.demo:
            watermark(c, MARGIN, MARGIN, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN, "演示 SPECIMEN",
                      alpha=0.12, angle=35)
            c.setFillColor(ACCENT)
            fonts.draw_text(c, A4[0] / 2, top + 3 * mm, DEMO_NOTE, 9, anchor="middle", bold=True)
        c.setFillColor(MUTED)
        fonts.draw_text(c, A4[0] / 2, top - 4 * mm, station.current().name, 10, anchor="middle")
        c.setFillColor(ACCENT)
        title = TITLE + ("（补打）" if self.reprint_at else "")
        fonts.draw_text(c, A4[0] / 2, top - 13 * mm, title if self.page == 1 else title + "（续）",
                        18 if self.page == 1 else 12, anchor="middle", bold=True)
        c.setFillColor(MUTED)
        fonts.draw_text(c, A4[0] / 2, MARGIN, f"第 {self.page} 页", 8, anchor="middle")
        self.y = top - 20 * mm

    def need(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self._new_page()

    def text(self, text: str, size: float = 9.5, colour: HexColor = INK, bold: bool = False,
             x: float = MARGIN) -> None:
        for line in fonts.wrap(text, A4[0] - MARGIN - x, size):
            self.need(size * 0.5 * mm + 2 * mm)
            self.c.setFillColor(colour)
            fonts.draw_text(self.c, x, self.y - 4 * mm, line, size, bold=bold)
            self.y -= 5.2 * mm

    def row(self, cells: tuple[str, ...], header: bool = False, wrong: bool = False) -> None:
        self.need(ROW)
        table_row(self.c, MARGIN, self.y, tuple(w for _, w in COLUMNS), cells, ROW, SIZE,
                  right={1, 2, 4, 5}, fill=HEADER_FILL if header else WRONG_FILL if wrong
                  else None, colour=ACCENT if wrong else INK, bold=header)
        self.y -= ROW


def _heading(sheet: _Sheet) -> None:
    v = sheet.view
    sheet.text(f"日期：{v.business_date}　　前台：{v.desk_no} 号　　经办人：{v.clerk_name}"
               f"（{v.clerk}）")
    span = f"{v.from_at} 之后至 {v.to_at}" if v.from_at else f"至 {v.to_at}（首次日结）"
    sheet.text(f"时段：{span}　　日结单号：{v.id if v.id else '（预览，未保存）'}")
    if v.created_at:
        sheet.text(f"日结时间：{v.created_at}", colour=MUTED)
    if sheet.reprint_at:
        sheet.text(f"补打时间：{sheet.reprint_at}", colour=ACCENT)
    sheet.y -= 2 * mm


def closeout_pdf(view: CloseoutView, reprint_at: dt.datetime | None = None) -> bytes:
    """The sheet of ``view``; ``reprint_at`` marks a reprint of a saved close-out."""
    buffer = io.BytesIO()
    c = new_canvas(buffer, A4, f"{TITLE} {view.business_date} {view.clerk}")
    sheet = _Sheet(c, view, str(reprint_at.replace(microsecond=0)) if reprint_at else None)
    _heading(sheet)
    sheet.row(tuple(name for name, _ in COLUMNS), header=True)
    for f in view.figures:
        unit = "分" if f["unit"] == "points" else ""
        rec, chk = f["records"], f["check"]
        sheet.row((label(f), str(rec["count"]), f"{rec['amount']}{unit}", source_label(f),
                   str(chk["count"]), f"{chk['amount']}{unit}", "是" if f["ok"] else "否"),
                  wrong=not f["ok"])
    sheet.y -= 3 * mm
    wrong = [f for f in view.figures if not f["ok"]]
    if wrong:
        sheet.text(f"不相符 {len(wrong)} 项：", colour=ACCENT, bold=True)
        for f in wrong:
            for note in f["notes"]:
                sheet.text(f"{label(f)}：{note['zh']}", colour=ACCENT, x=MARGIN + 4 * mm)
    else:
        sheet.text("各项核对相符。", bold=True)
    sheet.y -= 2 * mm
    sheet.text("发放兑换券券号：", bold=True)
    for r in view.issued_ranges or [None]:
        sheet.text("无" if r is None else
                   f"{r['first']} 至 {r['last']}　{r['count']} 张　{r['points']} 分",
                   x=MARGIN + 4 * mm)
    _signatures(sheet)
    c.showPage()
    c.save()
    return buffer.getvalue()


def _signatures(sheet: _Sheet) -> None:
    sheet.need(30 * mm)
    c, y = sheet.c, sheet.y - 16 * mm
    c.setFillColor(INK)
    c.setStrokeColor(INK)
    c.setLineWidth(0.6)
    for x, who in ((MARGIN, "经办人签字"), (MARGIN + 95 * mm, "站长签字")):
        used = fonts.draw_text(c, x, y, f"{who}：", 10)
        c.line(x + used, y - 1 * mm, x + used + 45 * mm, y - 1 * mm)
        used = fonts.draw_text(c, x, y - 10 * mm, "日期：", 10)
        c.line(x + used, y - 11 * mm, x + used + 45 * mm, y - 11 * mm)
    sheet.y = y - 14 * mm


def printout(view: CloseoutView, reprint_at: dt.datetime | None = None) -> Printout:
    """The sheet as a document to print or save, named for its day and clerk."""
    return Printout([closeout_pdf(view, reprint_at)],
                    f"closeout-{view.business_date}-{view.clerk}.pdf", ["1"], [view.clerk_name],
                    len(view.figures))
