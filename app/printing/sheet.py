"""What every printed document shares: the canvas set-up, N-up grids of cut-apart items
on a sheet (vouchers, cards) with cut marks, and small drawing helpers.

Items on a sheet abut, so one cut separates two of them; the marks sit in the page
margin on every cut line, with small crosses where cuts meet inside the sheet, and each
item keeps a padding free of print so a cut a millimetre off takes nothing away.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeVar

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app import __version__
from app.printing import fonts

INK = HexColor("#1A1A1A")
MUTED = HexColor("#666666")
FAINT = HexColor("#B0B0B0")
ACCENT = HexColor("#B3261E")  # the red of a station's seal and title
CUT = HexColor("#7A7A7A")
T = TypeVar("T")
# On every printout of a demo station: nobody may take it for a real record.
DEMO_NOTE = "演示数据 — 不是真实记录 / Demo data — not real records"


def new_canvas(buffer: io.BytesIO, pagesize: tuple[float, float], title: str) -> Canvas:
    """A canvas with the fonts registered and the document's metadata set."""
    fonts.ensure_registered()
    # The initial font would otherwise be Helvetica: listed in every page, never embedded.
    c = Canvas(buffer, pagesize=pagesize, pageCompression=1, initialFontName=fonts.PRIMARY,
               lang="zh-CN")
    c.setTitle(title)
    c.setCreator(f"StationDesk {__version__}")
    c.setAuthor("")
    return c


@dataclass(frozen=True)
class Grid:
    """``cols`` × ``rows`` items of ``cell_w`` × ``cell_h`` points, centred on the page."""

    cols: int
    rows: int
    cell_w: float
    cell_h: float
    page_w: float = A4[0]
    page_h: float = A4[1]

    @property
    def per_page(self) -> int:
        return self.cols * self.rows

    @property
    def left(self) -> float:
        return (self.page_w - self.cols * self.cell_w) / 2

    @property
    def bottom(self) -> float:
        return (self.page_h - self.rows * self.cell_h) / 2

    def origin(self, index: int) -> tuple[float, float]:
        """Bottom-left corner of item ``index`` on its page, filled row by row from the
        top left (the order a clerk reads and cuts them)."""
        slot = index % self.per_page
        col, row = slot % self.cols, slot // self.cols
        return (self.left + col * self.cell_w,
                self.bottom + (self.rows - 1 - row) * self.cell_h)


def pages(items: list[T], per_page: int) -> Iterator[list[T]]:
    """``items`` in slices of one page each."""
    for start in range(0, len(items), per_page):
        yield items[start:start + per_page]


def draw_cut_marks(c: Canvas, grid: Grid, length: float = 5 * mm,
                   gap: float = 1.5 * mm, cross: float = 1.5 * mm) -> None:
    """Ticks in the margins on every cut line; small crosses where inner cuts meet."""
    c.saveState()
    c.setStrokeColor(CUT)
    c.setLineWidth(0.3)
    right = grid.left + grid.cols * grid.cell_w
    top = grid.bottom + grid.rows * grid.cell_h
    xs = [grid.left + i * grid.cell_w for i in range(grid.cols + 1)]
    ys = [grid.bottom + j * grid.cell_h for j in range(grid.rows + 1)]
    for x in xs:
        c.line(x, top + gap, x, top + gap + length)
        c.line(x, grid.bottom - gap, x, grid.bottom - gap - length)
    for y in ys:
        c.line(grid.left - gap, y, grid.left - gap - length, y)
        c.line(right + gap, y, right + gap + length, y)
    for x in xs[1:-1]:
        for y in ys:
            c.line(x, y - cross, x, y + cross)
    for y in ys[1:-1]:
        for x in xs:
            c.line(x - cross, y, x + cross, y)
    c.restoreState()


def stamp(c: Canvas, x: float, y: float, text: str, size: float,
          color: Color = ACCENT) -> float:
    """A small boxed word such as 补打, right-aligned at ``x`` with baseline ``y``;
    returns its width."""
    width = fonts.text_width(text, size) + size * 0.8
    c.saveState()
    c.setStrokeColor(color)
    c.setFillColor(color)
    c.setLineWidth(0.8)
    c.rect(x - width, y - size * 0.35, width, size * 1.35, stroke=1, fill=0)
    fonts.draw_text(c, x - width / 2, y, text, size, anchor="middle", bold=True)
    c.restoreState()
    return width


def dashed_box(c: Canvas, x: float, y: float, w: float, h: float, label: str,
               size: float, color: Color = FAINT) -> None:
    """A dashed box with a faint label in its middle (where a seal or signature goes)."""
    c.saveState()
    c.setStrokeColor(color)
    c.setFillColor(color)
    c.setLineWidth(0.5)
    c.setDash([2, 2])
    c.roundRect(x, y, w, h, 1.5 * mm, stroke=1, fill=0)
    fonts.draw_text(c, x + w / 2, y + h / 2 - size * 0.35, label, size, anchor="middle")
    c.restoreState()


def table_row(c: Canvas, x: float, top: float, widths: tuple[float, ...],
              cells: tuple[str, ...], height: float, size: float, *, right: set[int],
              fill: Color | None = None, colour: Color = INK, bold: bool = False) -> None:
    """One row of a ruled table whose top is at ``top``: each cell shrunk to fit its
    column, the columns in ``right`` (numbers) right-aligned, a faint rule below."""
    width = sum(widths)
    if fill is not None:
        c.setFillColor(fill)
        c.rect(x, top - height, width, height, stroke=0, fill=1)
    c.setFillColor(colour)
    baseline = top - height / 2 - size * 0.35
    for index, (w, cell) in enumerate(zip(widths, cells, strict=True)):
        fitted = fonts.fit_size(cell, w - 2 * mm, size, 5)
        if index in right:
            fonts.draw_text(c, x + w - 1.5 * mm, baseline, cell, fitted, anchor="end", bold=bold)
        else:
            fonts.draw_text(c, x + 1 * mm, baseline, cell, fitted, bold=bold)
        x += w
    c.setStrokeColor(FAINT)
    c.setLineWidth(0.4)
    c.line(x - width, top - height, x, top - height)


def watermark(c: Canvas, x: float, y: float, w: float, h: float, text: str,
              alpha: float = 0.3, angle: float = 20) -> None:
    """``text`` in large faint letters slanted across the rectangle (a demo printout's
    SPECIMEN): drawn first, so the content stays legible on top and a QR code's white
    quiet zone covers it."""
    c.saveState()
    c.setFillColor(ACCENT.clone(alpha=alpha))  # the colour's own alpha: setFillAlpha is reset
    c.translate(x + w / 2, y + h / 2)
    c.rotate(angle)
    size = fonts.fit_size(text, (w * w + h * h) ** 0.5 * 0.8, h * 0.45, 6)
    fonts.draw_text(c, 0, -size * 0.35, text, size, anchor="middle")
    c.restoreState()
