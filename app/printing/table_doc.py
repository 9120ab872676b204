"""An A4 document that is mostly one table: a title, a few lines about it, the table
(running over as many pages as it needs, its heading repeated), a few lines after it
and boxes for signatures and the seal. The merchants' list for residents, a merchant's
statement and the fund's report are made of it."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.printing import fonts
from app.printing.sheet import (
    ACCENT,
    DEMO_NOTE,
    FAINT,
    INK,
    MUTED,
    dashed_box,
    new_canvas,
    watermark,
)

MARGIN = 15 * mm
SIZE = 8.5
LINE = 4.0 * mm
ROW = 6.4 * mm
HEADER_FILL = HexColor("#F1F1F1")
SPECIMEN = "演示 SPECIMEN"


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # in points; the widths together fit between the margins
    numeric: bool = False  # right-aligned
    wrap: bool = False  # may run over up to three lines


@dataclass(frozen=True)
class TableDoc:
    title: str
    station: str
    columns: tuple[Column, ...]
    rows: list[tuple[str, ...]]
    about: list[str] = field(default_factory=list)  # lines under the title
    totals: tuple[str, ...] | None = None  # a bold last row
    after: list[str] = field(default_factory=list)  # lines under the table
    signatures: tuple[str, ...] = ()  # a box for each (e.g. 商户签章, 本站经办人)
    footer: str = ""
    demo: bool = False
    empty: str = "（无）"


def _lines(doc: TableDoc, cells: tuple[str, ...]) -> list[list[str]]:
    out = []
    for column, text in zip(doc.columns, cells, strict=True):
        wrapped = fonts.wrap(text, column.width - 2 * mm, SIZE) if column.wrap else [text]
        out.append((wrapped[:2] + ["".join(wrapped[2:])]) if len(wrapped) > 3 else wrapped)
    return out


def _row(c: Canvas, doc: TableDoc, top: float, cells: tuple[str, ...], bold: bool = False,
         header: bool = False) -> float:
    """One row below ``top``; returns its bottom."""
    parts = _lines(doc, cells)
    height = ROW + (max(len(p) for p in parts) - 1) * LINE
    if header:
        c.setFillColor(HEADER_FILL)
        c.rect(MARGIN, top - height, sum(col.width for col in doc.columns), height, stroke=0,
               fill=1)
    c.setFillColor(INK)
    x = MARGIN
    for column, lines in zip(doc.columns, parts, strict=True):
        for n, text in enumerate(lines):
            if not text:
                continue
            size = fonts.fit_size(text, column.width - 2 * mm, SIZE, 4.5)
            y = top - 4.4 * mm - n * LINE
            if header:
                fonts.draw_text(c, x + column.width / 2, y, text, size, anchor="middle",
                                bold=True)
            elif column.numeric:
                fonts.draw_text(c, x + column.width - 1 * mm, y, text, size, anchor="end",
                                bold=bold)
            else:
                fonts.draw_text(c, x + 1 * mm, y, text, size, bold=bold)
        x += column.width
    c.setStrokeColor(FAINT)
    c.setLineWidth(0.4)
    c.line(MARGIN, top - height, x, top - height)
    return top - height


def _heading(c: Canvas, doc: TableDoc, first: bool) -> float:
    top = A4[1] - MARGIN
    if doc.demo:
        watermark(c, MARGIN, MARGIN, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN, SPECIMEN,
                  alpha=0.12, angle=35)
        c.setFillColor(ACCENT)
        fonts.draw_text(c, A4[0] / 2, top + 3 * mm, DEMO_NOTE, 9, anchor="middle", bold=True)
    c.setFillColor(MUTED)
    fonts.draw_text(c, A4[0] / 2, top - 4 * mm, doc.station, 10, anchor="middle")
    c.setFillColor(ACCENT)
    if not first:
        fonts.draw_text(c, MARGIN, top - 12 * mm, f"{doc.title}（续）", 12, bold=True)
        return _row(c, doc, top - 16 * mm, tuple(col.title for col in doc.columns),
                    header=True)
    fonts.draw_text(c, A4[0] / 2, top - 13 * mm, doc.title, 17, anchor="middle", bold=True)
    y = top - 21 * mm
    c.setFillColor(INK)
    for line in doc.about:
        fonts.draw_text(c, MARGIN, y, line, fonts.fit_size(line, A4[0] - 2 * MARGIN, 9.5, 6))
        y -= 5.5 * mm
    return _row(c, doc, y - 1 * mm, tuple(col.title for col in doc.columns), header=True)


def _footer(c: Canvas, doc: TableDoc, number: int) -> None:
    c.setFillColor(MUTED)
    if doc.footer:
        fonts.draw_text(c, MARGIN, MARGIN - 4 * mm, doc.footer, 7)
    fonts.draw_text(c, A4[0] - MARGIN, MARGIN - 4 * mm, f"第 {number} 页", 7, anchor="end")


def table_pdf(doc: TableDoc) -> bytes:
    return tables_pdf([doc])


def tables_pdf(docs: list[TableDoc]) -> bytes:
    """Several tables in one document, each from a new page, the pages numbered on."""
    buffer = io.BytesIO()
    c = new_canvas(buffer, A4, docs[0].title)
    number = 0
    for doc in docs:
        number = _draw(c, doc, number + 1)
    c.save()
    return buffer.getvalue()


def _draw(c: Canvas, doc: TableDoc, number: int) -> int:
    """``doc`` from a new page numbered ``number``; returns its last page's number."""
    y = _heading(c, doc, True)
    body = doc.rows or [(doc.empty,) + ("",) * (len(doc.columns) - 1)]
    for cells in body:
        if y - ROW * 3 < MARGIN:
            _footer(c, doc, number)
            c.showPage()
            number += 1
            y = _heading(c, doc, False)
        y = _row(c, doc, y, cells)
    if doc.totals is not None:
        y = _row(c, doc, y, doc.totals, bold=True)
    closing = len(doc.after) * 5.5 * mm + (28 * mm if doc.signatures else 0) + 6 * mm
    if y - closing < MARGIN:
        _footer(c, doc, number)
        c.showPage()
        number += 1
        y = A4[1] - MARGIN - 10 * mm
    y -= 7 * mm
    c.setFillColor(INK)
    for line in doc.after:
        fonts.draw_text(c, MARGIN, y, line, fonts.fit_size(line, A4[0] - 2 * MARGIN, 10, 6),
                        bold=True)
        y -= 5.5 * mm
    if doc.signatures:
        width = (A4[0] - 2 * MARGIN - (len(doc.signatures) - 1) * 5 * mm) / len(doc.signatures)
        for n, label in enumerate(doc.signatures):
            x = MARGIN + n * (width + 5 * mm)
            dashed_box(c, x, y - 24 * mm, width, 22 * mm, "", 8)
            c.setFillColor(MUTED)
            fonts.draw_text(c, x + 2 * mm, y - 6 * mm, label, 8.5)
            fonts.draw_text(c, x + 2 * mm, y - 21 * mm, "日期：", 8)
    _footer(c, doc, number)
    c.showPage()
    return number
