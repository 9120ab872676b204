"""Vouchers (道德积分兑换券) on A4: eight to a sheet, each with its counterfoil (存根).

Each cell is 97 × 70 mm: on the left the counterfoil the station keeps, signed by the
resident (领取人签字); behind a perforation line the voucher itself, with the station
and title, the face value in points and yuan, the details a merchant checks, the terms,
the QR code of the signed token, and a box for the station seal. Reprints say 补打 on
both parts. The thermal-roll version lives in ``thermal.py`` and is re-exported here.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.printing import fonts, qr
from app.printing.sheet import (
    ACCENT,
    DEMO_NOTE,
    FAINT,
    INK,
    MUTED,
    Grid,
    dashed_box,
    draw_cut_marks,
    new_canvas,
    pages,
    stamp,
    watermark,
)
from app.printing.thermal import voucher_thermal_pdf
from app.printing.voucher_face import (
    COUNTERFOIL,
    REPRINT,
    SEAL_HERE,
    SIGN_HERE,
    SPECIMEN,
    TERMS,
    TITLE,
    Face,
    face_of,
    holder_id_for,
    require_printable,
)
from app.services.station import StationInfo
from app.services.vouchers import VoucherRow

__all__ = ["voucher_documents", "voucher_sheet_pdf", "voucher_thermal_pdf", "GRID", "QR_MODULE"]

GRID = Grid(cols=2, rows=4, cell_w=97 * mm, cell_h=70 * mm)
PAD = 3 * mm  # kept free of print on every side of a cell: room for an imprecise cut
STUB_W = 22 * mm
PERF_GAP = 2 * mm
QR_MODULE = 0.52 * mm  # a version-9 token is then 31.7 mm square with its quiet zone
DETAIL_SIZE = 6.3
DETAIL_STEP = 3.3 * mm


def voucher_sheet_pdf(vouchers: list[VoucherRow], station: StationInfo,
                      holder_id_masked: str = "", reprint: bool = False) -> bytes:
    """A4 sheets of vouchers, eight per page, in the order given."""
    require_printable(vouchers)
    holder_id = holder_id_for(vouchers, holder_id_masked)
    faces = [face_of(v, station, holder_id, reprint) for v in vouchers]
    buffer = io.BytesIO()
    title = f"{TITLE} {vouchers[0].serial}" + (
        f" – {vouchers[-1].serial}" if len(vouchers) > 1 else "")
    c = new_canvas(buffer, A4, title)
    batches = list(pages(faces, GRID.per_page))
    for number, batch in enumerate(batches, start=1):
        for index, face in enumerate(batch):
            x, y = GRID.origin(index)
            _draw_cell(c, face, x, y)
        draw_cut_marks(c, GRID)
        _footer(c, f"{TITLE}　第 {number}/{len(batches)} 页　存根由本站留存"
                   + (f"　{SPECIMEN}：{DEMO_NOTE}" if faces[0].specimen else ""))
        c.showPage()
    c.save()
    return buffer.getvalue()


def voucher_documents(vouchers: list[VoucherRow], station: StationInfo,
                      thermal_dots: int | None = None, holder_id_masked: str = "",
                      reprint: bool = False) -> list[bytes]:
    """What a printer gets: one A4 document for all the vouchers, or, for a receipt roll
    ``thermal_dots`` wide, one document per voucher."""
    if thermal_dots:
        return [voucher_thermal_pdf(v, station, width_dots=thermal_dots, reprint=reprint,
                                    holder_id_masked=holder_id_masked) for v in vouchers]
    return [voucher_sheet_pdf(vouchers, station, holder_id_masked, reprint)]


def _footer(c: Canvas, text: str) -> None:
    """A line in the bottom margin, between the cut marks and clear of the ~4 mm most
    printers cannot reach."""
    c.saveState()
    c.setFillColor(MUTED)
    fonts.draw_text(c, GRID.left + 4 * mm, GRID.bottom - 4 * mm, text,
                    fonts.fit_size(text, GRID.cell_w - 8 * mm, 6.5, 4.5))
    c.restoreState()


def _draw_cell(c: Canvas, face: Face, x0: float, y0: float) -> None:
    top = y0 + GRID.cell_h - PAD
    _draw_stub(c, face, x0 + PAD, y0 + PAD, STUB_W, top - y0 - PAD)
    perforation = x0 + PAD + STUB_W + PERF_GAP
    c.saveState()
    c.setStrokeColor(FAINT)
    c.setLineWidth(0.5)
    c.setDash([1.5, 1.5])
    c.line(perforation, y0 + PAD, perforation, top)
    c.restoreState()
    left = perforation + PERF_GAP
    _draw_voucher(c, face, left, y0 + PAD, x0 + GRID.cell_w - PAD - left, top - y0 - PAD)


def _draw_stub(c: Canvas, face: Face, x: float, y: float, w: float, h: float) -> None:
    top = y + h
    c.saveState()
    c.setFillColor(INK)
    fonts.draw_text(c, x + w / 2, top - 4 * mm, f"{COUNTERFOIL[0]}  {COUNTERFOIL[1]}", 9,
                    anchor="middle", bold=True)
    c.setFillColor(MUTED)
    fonts.draw_text(c, x + w / 2, top - 7.5 * mm, "本站留存", 6, anchor="middle")
    line_y = top - 12 * mm
    if face.reprint:  # beside the short first label, clear of the centred heading
        stamp(c, x + w, line_y, REPRINT, 6.5)
    if face.specimen:  # the counterfoil is no record of a real issue either
        watermark(c, x, y + 12 * mm, w, h - 24 * mm, SPECIMEN, angle=60)
        stamp(c, x + w, y + 14 * mm, "样券", 6.5)
    for label, value in face.counterfoil_lines():
        c.setFillColor(MUTED)
        fonts.draw_text(c, x, line_y, label, 5.8)
        c.setFillColor(INK)
        fonts.draw_text(c, x, line_y - 3 * mm, value, fonts.fit_size(value, w, 7, 4.5))
        line_y -= 7.2 * mm
    c.setFillColor(MUTED)
    fonts.draw_text(c, x, y + 10 * mm, f"{SIGN_HERE}：", 5.8)
    c.setStrokeColor(MUTED)
    c.setLineWidth(0.4)
    c.line(x, y + 1.5 * mm, x + w, y + 1.5 * mm)
    c.restoreState()


def _draw_voucher(c: Canvas, face: Face, x: float, y: float, w: float, h: float) -> None:
    top = y + h
    c.saveState()
    c.setStrokeColor(ACCENT)
    c.setLineWidth(0.7)
    c.roundRect(x, y, w, h, 1.5 * mm, stroke=1, fill=0)
    c.setFillColor(INK)
    fonts.draw_text(c, x + w / 2, top - 4.2 * mm, face.station, fonts.fit_size(
        face.station, w - 4 * mm, 7, 4.5), anchor="middle")
    c.setFillColor(ACCENT)
    fonts.draw_text(c, x + w / 2, top - 10.5 * mm, TITLE, 13, anchor="middle", bold=True)
    if face.reprint:
        stamp(c, x + w - 1.5 * mm, top - 10.5 * mm, REPRINT, 8)
    if face.specimen:  # left of the title, as 补打 is right of it
        stamp(c, x + 1.5 * mm + fonts.text_width("样券", 8) + 6.4, top - 10.5 * mm, "样券", 8)
    c.setStrokeColor(ACCENT)
    c.setLineWidth(0.4)
    c.line(x + 1.5 * mm, top - 12.8 * mm, x + w - 1.5 * mm, top - 12.8 * mm)

    # The QR sits in the top-right corner below the title; its white quiet zone may come
    # close to the frame, as the frame is outside it.
    matrix = qr.qr_matrix(face.token)
    side = matrix.size_with_quiet_zone * QR_MODULE
    qr_x, qr_y = x + w - 0.6 * mm - side, top - 13.4 * mm - side
    if face.specimen:  # across the details a merchant reads, under them
        watermark(c, x, y, qr_x - x, top - 13 * mm - y, SPECIMEN, angle=28)
    qr.draw_qr(c, matrix, qr_x, qr_y, QR_MODULE)
    seal_x = qr_x + 2.5 * mm
    dashed_box(c, seal_x, y + 2 * mm, x + w - 2 * mm - seal_x, qr_y - y - 2.6 * mm,
               SEAL_HERE, 7)

    col_x, col_w = x + 2.2 * mm, qr_x - x - 2.6 * mm
    c.setFillColor(ACCENT)
    value_y = top - 21 * mm
    number, unit = face.points.split(" ")
    used = fonts.draw_text(c, col_x, value_y, number, 20, bold=True)
    fonts.draw_text(c, col_x + used + 1 * mm, value_y, unit, 10, bold=True)
    c.setFillColor(INK)
    fonts.draw_text(c, col_x, value_y - 4.6 * mm, f"（{face.yuan}）", 7.5)
    line_y = value_y - 9 * mm
    for label, value in face.detail_lines():
        line_y = _detail(c, col_x, line_y, label, value, col_w)
    c.setFillColor(INK)
    fonts.draw_text(c, col_x, y + 2.6 * mm, TERMS, fonts.fit_size(TERMS, col_w, 6.5, 4.5),
                    bold=True)
    c.restoreState()


def _detail(c: Canvas, x: float, y: float, label: str, value: str, width: float) -> float:
    """One label/value line; a value too long for the line at 85 % size continues on a
    second line under the first (a long merchant name). Returns the next baseline."""
    c.setFillColor(MUTED)
    used = fonts.draw_text(c, x, y, label, DETAIL_SIZE)
    c.setFillColor(INK)
    size, lines = fonts.fit_lines(value, width - used, DETAIL_SIZE, DETAIL_SIZE * 0.85)
    for line in lines:
        fonts.draw_text(c, x + used, y, line, size)
        y -= DETAIL_STEP if len(lines) == 1 else DETAIL_STEP * 0.9
    return y
