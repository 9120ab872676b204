"""The paper sign-in sheet (签到表) of an activity held away from the desk, on A4.

One row per signed-up resident, booked first and then the waiting list (marked 候补 and
shaded), each with the name, resident number, role, a QR of the resident number, and
boxes for a signature and the sign-in and sign-out times; then blank rows for walk-ins,
filling the last page (at least ``WALK_IN_ROWS``). Every page repeats the heading (the
activity's title, date, time and place) and the column titles, and is numbered.

Back at the desk the clerk scans the QR of each ticked row in the attendance mode (the
scan field takes a resident number as it takes a card), or keys the times in. The QR
holds the resident number printed beside it and nothing else: a sheet left behind at a
venue must not carry the residents' card codes, nor any identity number or phone.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.printing import fonts, qr
from app.printing.sheet import ACCENT, DEMO_NOTE, FAINT, INK, MUTED, new_canvas, watermark
from app.printing.voucher_face import cn_date
from app.services.activities import ActivityView
from app.services.sign_up_list import SheetRow
from app.services.station import StationInfo

TITLE = "志愿活动签到表"
SPECIMEN = "演示 SPECIMEN"
MARGIN = 12 * mm
COLUMNS = (("序号", 9 * mm), ("姓名", 30 * mm), ("居民编号", 20 * mm), ("身份", 22 * mm),
           ("扫码", 19 * mm), ("本人签名", 40 * mm), ("签到时间", 23 * mm),
           ("签退时间", 23 * mm))
QR_COLUMN = 4
QR_LARGEST = 0.55 * mm  # a resident number is a version-1 code: 16 mm with its quiet zone
PAD = 0.8 * mm
BLANK_ROW = 11 * mm
HEAD_ROW = 7 * mm
WALK_IN_ROWS = 5
HEADING = 36 * mm  # from the top margin to the column titles
FOOTER = 12 * mm
WAITING_FILL = HexColor("#F3F3F3")
HEADER_FILL = HexColor("#E9E9E9")
ROLES = {"volunteer": "志愿者", "audience": "服务对象"}
WEEKDAYS = "一二三四五六日"
NOTE = ("到场请在本行签名并写下签到、签退时间。回站后在“开始签到”中逐行扫描二维码，"
        "或按本表补录签到签退时间。")


@dataclass(frozen=True)
class _Line:
    row: SheetRow | None  # None: a blank row for a walk-in
    height: float


def sign_in_sheet_pdf(activity: ActivityView, rows: list[SheetRow],
                      station: StationInfo) -> bytes:
    """The sheet for ``activity`` with ``rows`` (booked, then waiting) and walk-in rows."""
    matrices = {r.resident_no: qr.qr_matrix(r.resident_no) for r in rows}
    module = min(qr.a4_module(m, COLUMNS[QR_COLUMN][1] - 2 * PAD, QR_LARGEST)
                 for m in matrices.values()) if matrices else QR_LARGEST
    side = max((m.size_with_quiet_zone for m in matrices.values()), default=0) * module
    pages = _paginate([_Line(r, side + 2 * PAD) for r in rows])
    buffer = io.BytesIO()
    c = new_canvas(buffer, A4, f"{TITLE} {activity.date} {activity.title}")
    number = 0
    for page_no, page in enumerate(pages, start=1):
        if station.demo:
            watermark(c, MARGIN, MARGIN, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN, SPECIMEN,
                      alpha=0.12, angle=35)
            c.setFillColor(ACCENT)
            fonts.draw_text(c, A4[0] / 2, A4[1] - MARGIN + 4 * mm, DEMO_NOTE, 8,
                            anchor="middle", bold=True)
        y = _heading(c, activity, station)
        for line in page:
            number += 1
            y = _draw_line(c, y, number, line, matrices, module)
        if page_no == len(pages):
            c.setFillColor(INK)
            fonts.draw_text(c, A4[0] - MARGIN, y - 7 * mm,
                            "负责人（签字）：＿＿＿＿＿＿　　日期：＿＿＿＿", 9, anchor="end")
        _footer(c, page_no, len(pages))
        c.showPage()
    c.save()
    return buffer.getvalue()


def _paginate(people: list[_Line]) -> list[list[_Line]]:
    """The rows page by page, then blank rows: at least ``WALK_IN_ROWS``, and as many
    more as fill the last page."""
    room_per_page = A4[1] - 2 * MARGIN - HEADING - HEAD_ROW - FOOTER - 10 * mm
    pages: list[list[_Line]] = [[]]
    room = room_per_page
    for line in people:
        if line.height > room and pages[-1]:
            pages.append([])
            room = room_per_page
        pages[-1].append(line)
        room -= line.height
    blanks = 0
    while blanks < WALK_IN_ROWS or room >= BLANK_ROW:
        if room < BLANK_ROW:
            pages.append([])
            room = room_per_page
        pages[-1].append(_Line(None, BLANK_ROW))
        room -= BLANK_ROW
        blanks += 1
    return pages


def _time_text(activity: ActivityView) -> str:
    day = dt.date.fromisoformat(activity.date)
    return (f"{cn_date(activity.date)}（星期{WEEKDAYS[day.weekday()]}）"
            f"{activity.start}–{activity.end}")


def _heading(c: Canvas, activity: ActivityView, station: StationInfo) -> float:
    """The page's heading and the column titles; returns the top of the first row."""
    left, top, width = MARGIN, A4[1] - MARGIN, A4[0] - 2 * MARGIN
    c.setFillColor(MUTED)
    fonts.draw_text(c, A4[0] / 2, top - 4 * mm, station.name, 9, anchor="middle")
    c.setFillColor(ACCENT)
    fonts.draw_text(c, A4[0] / 2, top - 12 * mm, TITLE, 16, anchor="middle", bold=True)
    c.setFillColor(INK)
    size, lines = fonts.fit_lines(activity.title, width, 12, 8, max_lines=1)
    fonts.draw_text(c, A4[0] / 2, top - 19 * mm, lines[0], size, anchor="middle", bold=True)
    signed = f"报名 {activity.booked} 人" + (f"（名额 {activity.capacity}）"
                                            if activity.capacity else "")
    if activity.waiting:
        signed += f"，候补 {activity.waiting} 人"
    facts = ((("时间：", _time_text(activity)), ("地点：", activity.place or "—")),
             (("组织：", "、".join(activity.teams) or "—"),
              ("", f"{signed}　活动编号 {activity.id}")))
    y = top - 26 * mm
    for pair in facts:
        for n, (label, value) in enumerate(pair):
            x = left + n * 100 * mm
            c.setFillColor(MUTED)
            used = fonts.draw_text(c, x, y, label, 9)
            c.setFillColor(INK)
            room = (100 * mm if n == 0 else width - 100 * mm) - used - 2 * mm
            fonts.draw_text(c, x + used, y, value, fonts.fit_size(value, room, 9, 6))
        y -= 5 * mm
    table_top = top - HEADING
    c.setFillColor(HEADER_FILL)
    c.rect(left, table_top - HEAD_ROW, width, HEAD_ROW, stroke=0, fill=1)
    x = left
    c.setFillColor(INK)
    for name, column_width in COLUMNS:
        fonts.draw_text(c, x + column_width / 2, table_top - 4.8 * mm, name, 8.5,
                        anchor="middle", bold=True)
        x += column_width
    _rules(c, table_top, table_top - HEAD_ROW)
    return table_top - HEAD_ROW


def _rules(c: Canvas, top: float, bottom: float) -> None:
    """The row's box: its bottom line and the lines between columns."""
    c.saveState()
    c.setStrokeColor(FAINT)
    c.setLineWidth(0.5)
    x = MARGIN
    c.line(MARGIN, bottom, A4[0] - MARGIN, bottom)
    c.line(MARGIN, top, A4[0] - MARGIN, top)
    for _, column_width in COLUMNS:
        c.line(x, top, x, bottom)
        x += column_width
    c.line(x, top, x, bottom)
    c.restoreState()


def _draw_line(c: Canvas, top: float, number: int, line: _Line,
               matrices: dict[str, qr.QrMatrix], module: float) -> float:
    bottom = top - line.height
    row = line.row
    if row is not None and row.signup == "waiting":
        c.setFillColor(WAITING_FILL)
        c.rect(MARGIN, bottom, A4[0] - 2 * MARGIN, line.height, stroke=0, fill=1)
    middle = (top + bottom) / 2 - 1.2 * mm
    xs = [MARGIN]
    for _, column_width in COLUMNS:
        xs.append(xs[-1] + column_width)
    c.setFillColor(MUTED)
    fonts.draw_text(c, xs[0] + COLUMNS[0][1] / 2, middle, str(number), 8, anchor="middle")
    if row is None:
        fonts.draw_text(c, xs[3] + COLUMNS[3][1] / 2, middle, "现场登记", 7.5, anchor="middle")
    else:
        c.setFillColor(INK)
        size, names = fonts.fit_lines(row.name, COLUMNS[1][1] - 2 * mm, 11, 7)
        for n, part in enumerate(names):
            fonts.draw_text(c, xs[1] + 1.2 * mm, middle + (len(names) - 1 - 2 * n) * size * 0.6,
                            part, size, bold=True)
        fonts.draw_text(c, xs[2] + 1.2 * mm, middle, row.resident_no, 10)
        fonts.draw_text(c, xs[3] + 1.2 * mm, middle + (2 * mm if row.position else 0),
                        ROLES.get(row.role, row.role), 8.5)
        if row.position:
            c.setFillColor(ACCENT)
            fonts.draw_text(c, xs[3] + 1.2 * mm, middle - 2.5 * mm, f"候补 {row.position}", 8.5,
                            bold=True)
        matrix = matrices[row.resident_no]
        side = matrix.size_with_quiet_zone * module
        qr.draw_qr(c, matrix, xs[QR_COLUMN] + (COLUMNS[QR_COLUMN][1] - side) / 2,
                   bottom + (line.height - side) / 2, module)
    c.setFillColor(FAINT)
    for column in (6, 7):  # where the hour and the minutes go
        fonts.draw_text(c, xs[column] + COLUMNS[column][1] / 2, middle, ":", 10,
                        anchor="middle")
    _rules(c, top, bottom)
    return bottom


def _footer(c: Canvas, number: int, count: int) -> None:
    c.setFillColor(MUTED)
    fonts.draw_text(c, MARGIN, MARGIN, NOTE, 7)
    fonts.draw_text(c, A4[0] - MARGIN, MARGIN, f"第 {number}/{count} 页", 8, anchor="end")
