"""The volunteer service certificate (志愿服务记录证明) on A4, as 《志愿服务记录与证明出具
办法（试行）》 asks: the volunteer's name and identity document, the service hours and
their content for the period, the issuing station with its person in charge and the
handler, the certificate's number and date, and room for the seal.

The identity number is printed masked, unless the certificate was issued with the full
number (an admin's audited choice). A long record runs over several pages, each after
the first headed 续 with the number; the signatures and the seal close the last page.
"""

from __future__ import annotations

import io
import re

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.printing import fonts
from app.printing.jobs import Printout
from app.printing.sheet import ACCENT, DEMO_NOTE, FAINT, INK, MUTED, new_canvas, watermark
from app.printing.voucher_face import cn_date, require_masked
from app.services.certificates import CertificateContent
from app.services.volunteer_record import ServiceLine

TITLE = "志愿服务记录证明"
SPECIMEN = "演示 SPECIMEN"
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 22 * mm, 20 * mm, 16 * mm
WIDTH = A4[0] - 2 * MARGIN_X
COLUMNS = (("序号", 12 * mm), ("服务日期", 27 * mm), ("服务内容", WIDTH - 85 * mm),
           ("类别", 24 * mm), ("时长（小时）", 22 * mm))
BODY = 12.0
LEADING = 8 * mm
ROW = 7.5 * mm
CELL = 9.5
CLOSING = 78 * mm  # the note, 特此证明, the issuer's block and the seal
HEADER_FILL = HexColor("#F3F0EE")
HOURS_RULE = ("注：志愿服务时长为志愿者实际提供志愿服务的时间，以小时为计量单位，"
              "不包括往返交通时间；依据《志愿服务条例》和《志愿服务记录与证明出具办法（试行）》出具，"
              "可凭证明编号向出具单位核验。本证明涂改无效。")
# Never broken across lines: dates, numbers with their unit, 《book titles》, （brackets）.
_UNBROKEN = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|[\d.]+ ?(?:小时|次)|《[^》]*》|（[^）]*）")


def _statement(content: CertificateContent) -> str:
    document = f"{content.id_type}：{content.id_text}" if content.id_text else "未登记证件"
    return (f"兹证明 {content.name}（{document}）于 {cn_date(content.start)} 至 "
            f"{cn_date(content.end)} 期间，在{content.station}参加志愿服务活动 "
            f"{content.activities} 次，累计志愿服务时长 {content.hours} 小时。"
            "服务记录如下：")


def _by_year(content: CertificateContent) -> str:
    parts = [f"{y.year} 年 {y.activities} 次 {y.hours} 小时" for y in content.years]
    return "分年度：" + "；".join(parts) + "。"


def certificate_pdf(content: CertificateContent) -> bytes:
    """The certificate as PDF bytes (one or more A4 pages)."""
    if not content.services:
        raise ValueError("a certificate certifies at least one activity")
    if not content.full_id:
        require_masked(content.id_text)
    buffer = io.BytesIO()
    c = new_canvas(buffer, A4, f"{TITLE} {content.number}")
    pages = _paginate(content)
    for number, rows in enumerate(pages, start=1):
        _page_frame(c, content, number, len(pages))
        y = _opening(c, content) if number == 1 else A4[1] - MARGIN_TOP - 22 * mm
        y = _table(c, y, rows, content, last=number == len(pages))
        if number == len(pages):
            _closing(c, content, y)
        c.showPage()
    c.save()
    return buffer.getvalue()


def certificate_printout(content: CertificateContent) -> Printout:
    """The certificate as the desk and the command line save or print it."""
    return Printout([certificate_pdf(content)], f"certificate-{content.number}.pdf", ["1"],
                    [content.name], content.activities)


def wrap(text: str, width: float, size: float) -> list[str]:
    """Lines of ``text`` no wider than ``width``, breaking between characters as Chinese
    does, but never inside a date, an amount or a bracketed phrase (unless it alone is
    wider than a line)."""
    pieces: list[str] = []
    at = 0
    for kept in _UNBROKEN.finditer(text):
        pieces += list(text[at:kept.start()]) + [kept.group()]
        at = kept.end()
    pieces += list(text[at:])
    lines, line = [], ""
    for piece in pieces:
        if line and fonts.text_width(line + piece, size) > width:
            lines.append(line)
            line = ""
        if fonts.text_width(piece, size) > width:
            split = fonts.wrap(piece, width, size)
            lines += split[:-1]
            piece = split[-1]
        line += piece
    return [*lines, line] if line else lines


def _opening_height(content: CertificateContent) -> float:
    lines = wrap("\u3000\u3000" + _statement(content), WIDTH, BODY)
    return 44 * mm + len(lines) * LEADING


def _paginate(content: CertificateContent) -> list[list[tuple[int, ServiceLine]]]:
    """The numbered rows of each page, the last page keeping room for the closing."""
    rows = list(enumerate(content.services, start=1))
    first = A4[1] - MARGIN_TOP - _opening_height(content) - ROW
    later = A4[1] - MARGIN_TOP - 22 * mm - ROW
    floor = MARGIN_BOTTOM + 8 * mm
    pages: list[list[tuple[int, ServiceLine]]] = [[]]
    room = first - floor
    for row in rows:
        height = _row_height(row[1])
        if height > room:
            pages.append([])
            room = later - floor
        pages[-1].append(row)
        room -= height
    if room - ROW < CLOSING:
        # The closing goes over, with the last rows: signatures never stand on a page
        # without a line of the record they sign for.
        carried = pages[-1][-2:] if len(pages[-1]) > 2 else []
        pages[-1] = pages[-1][:len(pages[-1]) - len(carried)]
        pages.append(carried)
    return pages


def _row_height(line: ServiceLine) -> float:
    lines = len(fonts.wrap(line.title, COLUMNS[2][1] - 3 * mm, CELL))
    return float(ROW + (min(lines, 3) - 1) * 4.2 * mm)


def _page_frame(c: Canvas, content: CertificateContent, number: int, count: int) -> None:
    if content.demo:
        watermark(c, MARGIN_X, MARGIN_BOTTOM, WIDTH, A4[1] - MARGIN_TOP - MARGIN_BOTTOM,
                  SPECIMEN, alpha=0.12, angle=35)
        c.setFillColor(ACCENT)
        fonts.draw_text(c, A4[0] / 2, A4[1] - 10 * mm, DEMO_NOTE, 9, anchor="middle",
                        bold=True)
    top = A4[1] - MARGIN_TOP
    c.setFillColor(INK)
    fonts.draw_text(c, A4[0] - MARGIN_X, top, f"编号：{content.number}", 10.5, anchor="end")
    if number > 1:
        fonts.draw_text(c, MARGIN_X, top - 12 * mm, f"{TITLE}（续）", 14, bold=True)
        c.setFillColor(MUTED)
        fonts.draw_text(c, A4[0] - MARGIN_X, top - 12 * mm, content.name, 10, anchor="end")
    c.setFillColor(MUTED)
    fonts.draw_text(c, A4[0] / 2, MARGIN_BOTTOM - 6 * mm, f"第 {number} 页 共 {count} 页",
                    8, anchor="middle")


def _opening(c: Canvas, content: CertificateContent) -> float:
    """The title and the statement; returns the top of the table."""
    top = A4[1] - MARGIN_TOP
    c.setFillColor(INK)
    spaced = " ".join(TITLE)  # a title set wide, as printed certificates are
    fonts.draw_text(c, A4[0] / 2, top - 20 * mm, spaced, 24, anchor="middle", bold=True)
    c.setStrokeColor(ACCENT)
    c.setLineWidth(1.2)
    c.line(MARGIN_X, top - 26 * mm, A4[0] - MARGIN_X, top - 26 * mm)
    c.setLineWidth(0.4)
    c.line(MARGIN_X, top - 27 * mm, A4[0] - MARGIN_X, top - 27 * mm)
    c.setFillColor(INK)
    y = top - 38 * mm
    for line in wrap("\u3000\u3000" + _statement(content), WIDTH, BODY):
        fonts.draw_text(c, MARGIN_X, y, line, BODY)
        y -= LEADING
    return y + LEADING - 6 * mm


def _table(c: Canvas, top: float, rows: list[tuple[int, ServiceLine]],
           content: CertificateContent, last: bool) -> float:
    """The table's heading, ``rows`` and (on the last page) the total; returns its
    bottom."""
    c.setFillColor(HEADER_FILL)
    c.rect(MARGIN_X, top - ROW, WIDTH, ROW, stroke=0, fill=1)
    y = _cells(c, top, [name for name, _ in COLUMNS], ROW, header=True)
    for number, line in rows:
        y = _cells(c, y, [str(number), cn_date(line.date), line.title, line.kind, line.hours],
                   _row_height(line))
    if last:
        y = _cells(c, y, ["合计", "", f"{content.activities} 次", "", content.hours], ROW,
                   header=True)
    c.setStrokeColor(INK)
    c.setLineWidth(0.8)
    c.rect(MARGIN_X, y, WIDTH, top - y, stroke=1, fill=0)
    return y


def _cells(c: Canvas, top: float, texts: list[str], height: float,
           header: bool = False) -> float:
    x = MARGIN_X
    bottom = top - height
    c.setFillColor(INK)
    c.setStrokeColor(FAINT)
    c.setLineWidth(0.5)
    for index, ((_, width), text) in enumerate(zip(COLUMNS, texts, strict=True)):
        if index == 2 and not header:
            wrapped = fonts.wrap(text, width - 3 * mm, CELL)
            if len(wrapped) > 3:
                wrapped = wrapped[:2] + ["".join(wrapped[2:])]
            for n, part in enumerate(wrapped):
                fonts.draw_text(c, x + 1.5 * mm, top - 5 * mm - n * 4.2 * mm, part,
                                fonts.fit_size(part, width - 3 * mm, CELL, 5))
        elif text:
            size = fonts.fit_size(text, width - 2 * mm, CELL, 5)
            fonts.draw_text(c, x + width / 2, top - 5 * mm, text, size, anchor="middle",
                            bold=header)
        if index:
            c.line(x, top, x, bottom)
        x += width
    c.line(MARGIN_X, bottom, MARGIN_X + WIDTH, bottom)
    return bottom


def _closing(c: Canvas, content: CertificateContent, table_bottom: float) -> None:
    """分年度 hours, the rule on hours, 特此证明, the issuer's block and the seal."""
    y = table_bottom - 7 * mm
    c.setFillColor(INK)
    fonts.draw_text(c, MARGIN_X, y, _by_year(content), 10.5)
    y -= 7 * mm
    c.setFillColor(MUTED)
    for line in wrap(HOURS_RULE, WIDTH, 8.5):
        fonts.draw_text(c, MARGIN_X, y, line, 8.5)
        y -= 4.6 * mm
    c.setFillColor(INK)
    y -= 4 * mm
    fonts.draw_text(c, MARGIN_X + 2 * BODY, y, "特此证明。", BODY)
    right = A4[0] - MARGIN_X
    block_x = right - 88 * mm
    y -= 14 * mm
    seal_centre = (right - 30 * mm, y - 10 * mm)
    _seal_room(c, *seal_centre)
    c.setFillColor(INK)
    for label, value in (("出具单位：", content.station),
                         ("负 责 人：", content.person_in_charge),
                         ("经 办 人：", content.handler),
                         ("出具日期：", cn_date(content.issued_on))):
        used = fonts.draw_text(c, block_x, y, label, 11)
        width = right - block_x - used
        if value:
            fonts.draw_text(c, block_x + used, y, value, fonts.fit_size(value, width, 11, 7))
        else:  # a line to sign on
            c.setStrokeColor(INK)
            c.setLineWidth(0.5)
            c.line(block_x + used, y - 1.5 * mm, block_x + used + 40 * mm, y - 1.5 * mm)
        y -= 9 * mm


def _seal_room(c: Canvas, x: float, y: float) -> None:
    """A faint dashed circle the size of an official seal (42 mm), labelled 盖章处."""
    c.saveState()
    c.setStrokeColor(FAINT)
    c.setFillColor(FAINT)
    c.setLineWidth(0.6)
    c.setDash([3, 2])
    c.circle(x, y, 21 * mm, stroke=1, fill=0)
    fonts.draw_text(c, x, y - 3.5, "（盖章处）", 10, anchor="middle")
    c.restoreState()
