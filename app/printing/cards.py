"""Resident cards (居民积分卡): ID-1 size (85.6 × 54 mm), ten to an A4 sheet with cut marks.

A card shows the station, the resident's name and number, and the QR of the card code
the desk scans. It carries no identity number and no phone: a lost card must not leak
them, and the card code is random (a reissued card invalidates the old one), unlike the
sequential resident number printed for people to read.
"""

from __future__ import annotations

import io

from reportlab.lib.colors import white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.printing import fonts, qr
from app.printing.sheet import (
    ACCENT,
    DEMO_NOTE,
    INK,
    MUTED,
    Grid,
    draw_cut_marks,
    new_canvas,
    pages,
    watermark,
)
from app.services.residents import ResidentView
from app.services.station import StationInfo

CARD_W, CARD_H = 85.6 * mm, 54 * mm  # ISO/IEC 7810 ID-1, the size of a bank card
GRID = Grid(cols=2, rows=5, cell_w=CARD_W, cell_h=CARD_H)
PAD = 3 * mm
BAND_H = 10 * mm
QR_LARGEST = 1.0 * mm  # a card code is short (version 2): a big module scans at arm's length
CARD_TITLE = "居民积分卡"
SPECIMEN = "样卡 SPECIMEN"  # a demo station's card
CARD_NOTE = ("凭此卡到站登记积分、兑换", "遗失请到站挂失补办，旧卡即时作废")


def cards_pdf(residents: list[ResidentView], station: StationInfo) -> bytes:
    """A4 sheets of resident cards, ten per page, in the order given."""
    if not residents:
        raise ValueError("no residents to print cards for")
    archived = [r.resident_no for r in residents if r.archived]
    if archived:
        raise ValueError(f"archived residents get no card: {', '.join(archived)}")
    buffer = io.BytesIO()
    c = new_canvas(buffer, A4, f"{CARD_TITLE} {station.name}")
    batches = list(pages(residents, GRID.per_page))
    for number, batch in enumerate(batches, start=1):
        for index, resident in enumerate(batch):
            x, y = GRID.origin(index)
            _draw_card(c, resident, station, x, y)
        draw_cut_marks(c, GRID)
        c.saveState()
        c.setFillColor(MUTED)
        fonts.draw_text(c, GRID.left + 8 * mm, GRID.bottom - 7 * mm,
                        f"{CARD_TITLE}　第 {number}/{len(batches)} 页　沿裁切线剪开，"
                        "可过塑后发放。" + (f"　{SPECIMEN}：{DEMO_NOTE}" if station.demo
                                       else ""), 6.5)
        c.restoreState()
        c.showPage()
    c.save()
    return buffer.getvalue()


def _draw_card(c: Canvas, resident: ResidentView, station: StationInfo, x0: float,
               y0: float) -> None:
    left, right = x0 + PAD, x0 + CARD_W - PAD
    bottom, top = y0 + PAD, y0 + CARD_H - PAD
    c.saveState()
    # The band stays inside the cut padding: a full bleed would leave slivers of colour
    # on the neighbouring card after an imprecise cut.
    if station.demo:
        watermark(c, left, bottom, right - left, top - bottom, SPECIMEN, alpha=0.25)
    c.setFillColor(ACCENT)
    c.roundRect(left, top - BAND_H, right - left, BAND_H, 1.5 * mm, stroke=0, fill=1)
    c.setFillColor(white)
    size = fonts.fit_size(station.name, right - left - 4 * mm, 10, 5)
    fonts.draw_text(c, (left + right) / 2, top - BAND_H / 2 - size * 0.35, station.name, size,
                    anchor="middle", bold=True)

    matrix = qr.qr_matrix(resident.card_code)
    room = top - BAND_H - 1 * mm - bottom
    module = qr.a4_module(matrix, room, QR_LARGEST)
    side = matrix.size_with_quiet_zone * module
    qr_x = right - side
    qr.draw_qr(c, matrix, qr_x, bottom + (room - side) / 2, module)

    text_w = qr_x - left - 1 * mm
    y = top - BAND_H - 6.5 * mm
    c.setFillColor(ACCENT)
    fonts.draw_text(c, left + 1 * mm, y, CARD_TITLE, 11, bold=True)
    c.setFillColor(INK)
    size, lines = fonts.fit_lines(resident.name, text_w - 1 * mm, 18, 10)
    y -= 4 * mm + size * 1.05
    for line in lines:
        fonts.draw_text(c, left + 1 * mm, y, line, size, bold=True)
        y -= size * 1.2
    c.setFillColor(MUTED)
    used = fonts.draw_text(c, left + 1 * mm, bottom + 9.5 * mm, "编号 ", 8)
    c.setFillColor(INK)
    fonts.draw_text(c, left + 1 * mm + used, bottom + 9.5 * mm, resident.resident_no, 11,
                    bold=True)
    c.setFillColor(MUTED)
    for n, note in enumerate(CARD_NOTE):
        fonts.draw_text(c, left + 1 * mm, bottom + 4.2 * mm - n * 2.9 * mm, note,
                        fonts.fit_size(note, text_w - 1 * mm, 6, 4))
    c.restoreState()
