"""The passbook page (积分存折): a resident's ledger entries for a period, on A4.

Columns 日期 | 事由 | 加分 | 扣分 | 兑换 | 余额 | 经办人, opening balance first and the
period's totals and closing balance last. Long statements run over several pages, each
ending with 过次页 and the next starting with 承前页, as a paper passbook does.

Entries are listed by business date, then sequence; the balance column is the opening
balance plus the entries so far, so the page always adds up even when a deed was
recorded late with an earlier date. Only the masked identity number and phone appear.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.printing import fonts
from app.printing.sheet import ACCENT, DEMO_NOTE, FAINT, INK, MUTED, new_canvas, watermark
from app.printing.voucher_face import cn_date, require_masked
from app.services.ledger import EntryRow
from app.services.residents import ResidentView
from app.services.station import StationInfo

TITLE = "积分存折"
SPECIMEN = "演示 SPECIMEN"  # a demo station's statement
MARGIN = 15 * mm
COLUMNS = (("日期", 22 * mm), ("事由", 66 * mm), ("加分", 16 * mm), ("扣分", 16 * mm),
           ("兑换", 16 * mm), ("余额", 20 * mm), ("经办人", 24 * mm))
NUMERIC = {2, 3, 4, 5}
SIZE = 8.0
LINE = 3.8 * mm
ROW = 6.2 * mm
HEADER_FILL = HexColor("#F1F1F1")


@dataclass(frozen=True)
class _Line:
    """One table row as printed: the cells' text and the running balance."""

    cells: tuple[str, ...]
    height: float
    emphasis: bool = False


def _cells(row: EntryRow, balance: int) -> tuple[str, ...]:
    plus = minus = spent = ""
    if row.kind == "issue":
        spent = str(-row.points)
    elif row.points >= 0:
        plus = str(row.points)
    else:
        minus = str(-row.points)
    return (row.business_date[:10], row.description, plus, minus, spent, str(balance),
            row.clerk)


def _height(cells: tuple[str, ...]) -> float:
    lines = len(fonts.wrap(cells[1], COLUMNS[1][1] - 2 * mm, SIZE))
    return float(ROW + (min(lines, 3) - 1) * LINE)


def statement_pdf(resident: ResidentView, station: StationInfo, rows: list[EntryRow],
                  opening: int, start: dt.date, end: dt.date) -> bytes:
    """The statement of ``rows`` (all of the resident's entries dated start…end) with
    ``opening`` the balance at the start of ``start``."""
    if start > end:
        raise ValueError(f"the period starts ({start}) after it ends ({end})")
    outside = [r.seq for r in rows if not str(start) <= r.business_date[:10] <= str(end)]
    if outside:
        raise ValueError(f"entries outside {start}…{end}: {outside[:5]}")
    require_masked(resident.id_masked)
    require_masked(resident.phone_masked, "电话")

    ordered = sorted(rows, key=lambda r: (r.business_date[:10], r.seq))
    balance = opening
    body: list[_Line] = []
    for row in ordered:
        balance += row.points
        cells = _cells(row, balance)
        body.append(_Line(cells, _height(cells)))
    if not body:
        body.append(_Line(("", "本期无记录", "", "", "", str(opening), ""), ROW))
    plus = sum(r.points for r in ordered if r.kind != "issue" and r.points > 0)
    minus = -sum(r.points for r in ordered if r.kind != "issue" and r.points < 0)
    spent = -sum(r.points for r in ordered if r.kind == "issue")
    totals = _Line(("", "本期合计", str(plus), str(minus), str(spent), str(balance), ""), ROW,
                   True)

    pages = _paginate(body)
    buffer = io.BytesIO()
    c = new_canvas(buffer, A4, f"{TITLE} {resident.resident_no} {start}–{end}")
    carried = opening
    for number, page in enumerate(pages, start=1):
        if station.demo:
            watermark(c, MARGIN, MARGIN, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN, SPECIMEN,
                      alpha=0.12, angle=35)
            c.setFillColor(ACCENT)
            fonts.draw_text(c, A4[0] / 2, A4[1] - MARGIN + 3 * mm, DEMO_NOTE, 9,
                            anchor="middle", bold=True)
        y = _page_header(c, resident, station, start, end, number == 1)
        first = "期初余额" if number == 1 else "承前页"
        y = _row(c, y, _Line(("", first, "", "", "", str(carried), ""), ROW, True))
        for line in page:
            y = _row(c, y, line)
            carried = int(line.cells[5])
        if number < len(pages):
            _row(c, y, _Line(("", "过次页", "", "", "", str(carried), ""), ROW, True))
        else:
            y = _row(c, y, totals)
            c.setFillColor(INK)
            fonts.draw_text(c, A4[0] - MARGIN, y - 6 * mm, f"期末余额：{balance} 分", 10,
                            anchor="end", bold=True)
        _page_footer(c, number, len(pages))
        c.showPage()
    c.save()
    return buffer.getvalue()


def _paginate(body: list[_Line]) -> list[list[_Line]]:
    """Split the rows so each page keeps room for its carried-forward rows."""
    first_top, later_top = A4[1] - MARGIN - 44 * mm, A4[1] - MARGIN - 18 * mm
    bottom = MARGIN + 12 * mm + 3 * ROW  # footer, the carry row and the totals
    pages: list[list[_Line]] = [[]]
    room = first_top - bottom
    for line in body:
        if line.height > room and pages[-1]:
            pages.append([])
            room = later_top - bottom
        pages[-1].append(line)
        room -= line.height
    return pages


def _page_header(c: Canvas, resident: ResidentView, station: StationInfo, start: dt.date,
                 end: dt.date, full: bool) -> float:
    """The heading; returns the top of the table."""
    left, top = MARGIN, A4[1] - MARGIN
    c.setFillColor(MUTED)
    fonts.draw_text(c, A4[0] / 2, top - 4 * mm, station.name, 10, anchor="middle")
    c.setFillColor(ACCENT)
    if full:
        fonts.draw_text(c, A4[0] / 2, top - 13 * mm, TITLE, 18, anchor="middle", bold=True)
        info = ((("姓名：", resident.name), ("居民编号：", resident.resident_no)),
                (("证件：", resident.id_masked or "—"), ("电话：", resident.phone_masked or "—")),
                (("期间：", f"{cn_date(str(start))} 至 {cn_date(str(end))}"),))
        y = top - 22 * mm
        for pairs in info:
            for n, (label, value) in enumerate(pairs):
                x = left + n * 95 * mm
                c.setFillColor(MUTED)
                used = fonts.draw_text(c, x, y, label, 9)
                c.setFillColor(INK)
                fonts.draw_text(c, x + used, y, value, fonts.fit_size(value, 90 * mm - used,
                                                                       9, 6))
            y -= 5.5 * mm
        table_top = top - 44 * mm
    else:
        fonts.draw_text(c, left, top - 12 * mm, f"{TITLE}（续）", 12, bold=True)
        c.setFillColor(INK)
        fonts.draw_text(c, A4[0] - MARGIN, top - 12 * mm,
                        f"{resident.name}　{resident.resident_no}", 9, anchor="end")
        table_top = top - 18 * mm
    heading = _Line(tuple(name for name, _ in COLUMNS), ROW)
    c.setFillColor(HEADER_FILL)
    c.rect(left, table_top - ROW, sum(w for _, w in COLUMNS), ROW, stroke=0, fill=1)
    return _row(c, table_top, heading, header=True)


def _row(c: Canvas, top: float, line: _Line, header: bool = False) -> float:
    """Draw one row below ``top``; returns its bottom."""
    x = MARGIN
    bottom = top - line.height
    c.setFillColor(INK)
    for index, ((_, width), text) in enumerate(zip(COLUMNS, line.cells, strict=True)):
        bold = header or line.emphasis
        if index == 1 and not header:
            wrapped = fonts.wrap(text, width - 2 * mm, SIZE)
            if len(wrapped) > 3:
                wrapped = wrapped[:2] + ["".join(wrapped[2:])]
            for n, part in enumerate(wrapped):
                fonts.draw_text(c, x + 1 * mm, top - 4.2 * mm - n * LINE, part,
                                fonts.fit_size(part, width - 2 * mm, SIZE, 4), bold=bold)
        elif text:
            size = fonts.fit_size(text, width - 2 * mm, SIZE, 5)
            if index in NUMERIC and not header:
                fonts.draw_text(c, x + width - 1 * mm, top - 4.2 * mm, text, size,
                                anchor="end", bold=bold)
            else:
                fonts.draw_text(c, x + (width / 2 if header else 1 * mm), top - 4.2 * mm,
                                text, size, anchor="middle" if header else "start",
                                bold=bold)
        x += width
    c.setStrokeColor(FAINT)
    c.setLineWidth(0.4)
    c.line(MARGIN, bottom, x, bottom)
    return bottom


def _page_footer(c: Canvas, number: int, count: int) -> None:
    c.setFillColor(MUTED)
    fonts.draw_text(c, MARGIN, MARGIN, "本存折供居民查阅，积分以本站系统账簿为准。", 7)
    fonts.draw_text(c, A4[0] - MARGIN, MARGIN, f"第 {number}/{count} 页", 7, anchor="end")
