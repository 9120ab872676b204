"""One voucher on a thermal receipt roll (58 mm or 80 mm paper, 203 dpi).

The page is exactly the printable width (384, 416, 432 or 576 dots: width_dots / 203
inch) and as tall as the content. Everything is laid out in whole printer dots: the QR
module is an integer number of dots and the code starts on a dot, so every module
prints the same width; text is pure black (grey dithers on a thermal head) and wrapped
to the width, never cut. Below the voucher a tear line and the counterfoil (存根) the
station keeps, with room for the resident's signature.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable

from reportlab.lib.colors import black, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.printing import ROLL_WIDTHS, fonts, qr
from app.printing.sheet import dashed_box, new_canvas
from app.printing.voucher_face import (
    COUNTERFOIL,
    REPRINT,
    SEAL_HERE,
    SIGN_HERE,
    SPECIMEN,
    SPECIMEN_NOTE,
    TERMS,
    TITLE,
    face_of,
    require_printable,
)
from app.services.station import StationInfo
from app.services.vouchers import VoucherRow

SIDE_DOTS = 12  # 1.5 mm of white each side keeps text off the edge of the head
DOT = qr.dots_to_pt(1)

Draw = Callable[[Canvas, float], None]  # draws given the top of its slot


class _Flow:
    """Blocks stacked from the top, measured first so the page can be cut to fit."""

    def __init__(self, width_dots: int) -> None:
        self.width = width_dots * DOT
        self.left = SIDE_DOTS * DOT
        self.inner = (width_dots - 2 * SIDE_DOTS) * DOT
        self.blocks: list[tuple[int, Draw]] = []

    def add(self, height: float, draw: Draw) -> None:
        # Heights are whole dots so each block, the QR above all, starts on a dot row.
        self.blocks.append((math.ceil(height / DOT - 1e-6), draw))

    def gap(self, height: float) -> None:
        self.add(height, lambda c, top: None)

    def text(self, text: str, size: float, *, centre: bool = True, bold: bool = False,
             leading: float = 1.35) -> None:
        for line in fonts.wrap(text, self.inner, size):
            def draw(c: Canvas, top: float, line: str = line) -> None:
                x = self.width / 2 if centre else self.left
                fonts.draw_text(c, x, top - size * 1.05, line, size,
                                anchor="middle" if centre else "start", bold=bold)
            self.add(size * leading, draw)

    def rule(self, dashed: bool = False) -> None:
        def draw(c: Canvas, top: float) -> None:
            c.saveState()
            c.setLineWidth(2 * DOT)
            if dashed:
                c.setDash([6 * DOT, 4 * DOT])
            c.line(self.left, top - 4 * DOT, self.width - self.left, top - 4 * DOT)
            c.restoreState()
        self.add(8 * DOT, draw)

    @property
    def height_dots(self) -> int:
        return sum(h for h, _ in self.blocks)

    def render(self, c: Canvas) -> None:
        top = self.height_dots * DOT
        for height, draw in self.blocks:
            draw(c, top)
            top -= height * DOT


def _banner(flow: _Flow, text: str, size: float) -> None:
    """White text on a black band (a reprint must be impossible to miss)."""
    def draw(c: Canvas, top: float) -> None:
        width = fonts.text_width(text, size) + 4 * size
        c.saveState()
        c.rect((flow.width - width) / 2, top - size * 1.6, width, size * 1.5, stroke=0, fill=1)
        c.setFillColor(white)
        fonts.draw_text(c, flow.width / 2, top - size * 1.15, text, size, anchor="middle",
                        bold=True)
        c.restoreState()
    flow.add(size * 1.8, draw)


def voucher_thermal_pdf(voucher: VoucherRow, station: StationInfo, width_dots: int = 384,
                        reprint: bool = False, holder_id_masked: str = "") -> bytes:
    """One voucher and its counterfoil for a receipt printer ``width_dots`` wide."""
    require_printable([voucher])
    if not 256 <= width_dots <= 832:
        raise ValueError(f"printable width {width_dots} dots: expected 256–832 (e.g. "
                         f"{', '.join(map(str, ROLL_WIDTHS))})")
    face = face_of(voucher, station, holder_id_masked, reprint)
    matrix = qr.qr_matrix(face.token)
    module_dots = qr.thermal_module_dots(matrix, width_dots)
    flow = _Flow(width_dots)

    flow.gap(2 * mm)
    flow.text(face.station, 8.5)
    flow.text(TITLE, 14, bold=True)
    if face.reprint:
        _banner(flow, REPRINT, 11)
    if face.specimen:  # a thermal head prints no faint watermark: a black band instead
        _banner(flow, SPECIMEN, 11)
        flow.text(SPECIMEN_NOTE, 8, bold=True)
    flow.rule()
    flow.text(face.points, 24, bold=True, leading=1.25)
    flow.text(f"（{face.yuan}）", 9)

    side_dots = matrix.size_with_quiet_zone * module_dots
    offset_dots = (width_dots - side_dots) // 2

    def draw_code(c: Canvas, top: float) -> None:
        bottom = top - side_dots * DOT
        qr.draw_qr(c, matrix, offset_dots * DOT, bottom, module_dots * DOT)
    flow.add(side_dots * DOT, draw_code)

    for label, value in face.detail_lines():
        flow.text(label + value, 9, centre=False)
    flow.gap(1 * mm)
    if face.specimen:
        _banner(flow, SPECIMEN, 11)
    flow.text(TERMS, 9, bold=True)
    seal_w, seal_h = min(flow.inner, 34 * mm), 14 * mm
    flow.gap(1 * mm)
    flow.add(seal_h, lambda c, top: dashed_box(c, (flow.width - seal_w) / 2, top - seal_h,
                                               seal_w, seal_h, SEAL_HERE, 8, black))
    flow.gap(2 * mm)
    flow.text("沿虚线撕下，下联为存根，由本站留存", 7)
    flow.rule(dashed=True)

    flow.text(f"{COUNTERFOIL}（本站留存）" + (f"　{REPRINT}" if face.reprint else "")
              + (f"　{SPECIMEN}" if face.specimen else ""), 10, bold=True)
    for label, value in face.counterfoil_lines():
        flow.text(f"{label}：{value}", 9, centre=False)
    flow.text(f"{SIGN_HERE}：", 9, centre=False)
    flow.gap(9 * mm)

    def signature_line(c: Canvas, top: float) -> None:
        c.saveState()
        c.setLineWidth(2 * DOT)
        c.line(flow.left, top, flow.width - flow.left, top)
        c.restoreState()
    flow.add(4 * mm, signature_line)
    flow.gap(3 * mm)  # the cutter sits a few millimetres above the head

    buffer = io.BytesIO()
    c = new_canvas(buffer, (width_dots * DOT, flow.height_dots * DOT),
                   f"{TITLE} {face.serial}")
    c.setFillColor(black)
    c.setStrokeColor(black)
    flow.render(c)
    c.showPage()
    c.save()
    return buffer.getvalue()
