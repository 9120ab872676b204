"""The honour roll poster (光荣榜) for the notice board, on A4 or A3: a red banner with the
title in gold, the station and the period; the period's points stars, ranked; the
commendations under their titles; the station's name and the date at the foot.

Names only, as a public board must: the roll carries no ID number or phone. Everything
is drawn to the A4 measure and scaled with the page, so A3 is the same poster, larger.
A roll too long for one sheet goes on over further sheets, each headed 光荣榜（续）.
"""

from __future__ import annotations

import io
import math

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.printing import fonts
from app.printing.jobs import Printout
from app.printing.sheet import DEMO_NOTE, INK, MUTED, new_canvas, watermark
from app.printing.voucher_face import cn_date
from app.services.honour_roll import Earner, Honoured, Roll

SIZES = {"A4": A4, "A3": A3}
RED = HexColor("#B3261E")
DEEP_RED = HexColor("#8E1B15")
GOLD = HexColor("#E8B931")
PALE_GOLD = HexColor("#F6E3A1")
PAPER = HexColor("#FFF9EC")
TITLE = "光荣榜"
SLOGAN = "崇德向善 · 见贤思齐"
MARGIN = 14 * mm
BANNER = 58 * mm
FITS = (1.0, 0.9, 0.8, 0.72)  # the content's scale, tried in turn until it fits a sheet


class _Poster:
    """A cursor down the sheet, in A4 measures scaled by ``k``."""

    def __init__(self, c: Canvas, roll: Roll, size: tuple[float, float],
                 fit: float = 1.0) -> None:
        self.c, self.roll, self.fit = c, roll, fit
        self.width, self.height = size
        self.k = size[0] / A4[0]
        self.left = MARGIN * self.k
        self.right = self.width - MARGIN * self.k
        self.y = 0.0
        self.pages = 0

    def u(self, value: float) -> float:
        return value * self.k

    def s(self, value: float) -> float:
        """A measure of the content, made smaller to keep a long roll on one sheet."""
        return value * self.k * self.fit

    # -- the sheet ------------------------------------------------------------------
    def new_page(self) -> None:
        if self.pages:
            self._foot()
            self.c.showPage()
        self.pages += 1
        c, u = self.c, self.u
        c.setFillColor(PAPER)
        c.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        if self.roll.demo:
            watermark(c, 0, 0, self.width, self.height, "演示 SPECIMEN", alpha=0.12)
        c.setStrokeColor(RED)
        c.setLineWidth(u(5))
        c.rect(u(6 * mm), u(6 * mm), self.width - u(12 * mm), self.height - u(12 * mm))
        c.setStrokeColor(GOLD)
        c.setLineWidth(u(1.2))
        c.rect(u(9 * mm), u(9 * mm), self.width - u(18 * mm), self.height - u(18 * mm))
        self._banner(first=self.pages == 1)

    def _banner(self, first: bool) -> None:
        c, u = self.c, self.u
        height = u(BANNER if first else 30 * mm)
        top = self.height - u(9 * mm)
        c.setFillColor(RED)
        c.rect(u(9 * mm), top - height, self.width - u(18 * mm), height, stroke=0, fill=1)
        c.setFillColor(GOLD)
        c.rect(u(9 * mm), top - height - u(2.2), self.width - u(18 * mm), u(2.2), stroke=0,
               fill=1)
        middle = self.width / 2
        if first:
            c.setFillColor(GOLD)
            title = TITLE
            size = u(66)
            spaced = fonts.text_width(title, size) + 2 * u(22)
            x = middle - spaced / 2
            for ch in title:  # the three characters spread, as painted on a board
                x += fonts.draw_text(c, x, top - u(30 * mm), ch, size, bold=True) + u(22)
            c.setFillColor(white)
            station = self.roll.station
            fonts.draw_text(c, middle, top - u(43 * mm), station,
                            fonts.fit_size(station, self.width - u(40 * mm), u(17), u(9)),
                            anchor="middle")
            c.setFillColor(PALE_GOLD)
            fonts.draw_text(c, middle, top - u(52 * mm), self.roll.period.label, u(15),
                            anchor="middle")
            self._stars(top - u(28 * mm))
        else:
            c.setFillColor(GOLD)
            fonts.draw_text(c, middle, top - u(15 * mm), f"{TITLE}（续）", u(30),
                            anchor="middle", bold=True)
            c.setFillColor(PALE_GOLD)
            fonts.draw_text(c, middle, top - u(24 * mm), self.roll.period.label, u(12),
                            anchor="middle")
        self.y = top - height - u(12 * mm)

    def _stars(self, y: float) -> None:
        """Two gold stars either side of the title."""
        c, u = self.c, self.u
        c.setFillColor(GOLD)
        for x in (self.width / 2 - u(68 * mm), self.width / 2 + u(68 * mm)):
            _star(c, x, y, u(9 * mm))

    def _foot(self) -> None:
        c, u = self.c, self.u
        base = u(15 * mm)
        c.setFillColor(RED)
        fonts.draw_text(c, self.width / 2, base + u(9 * mm), SLOGAN, u(13), anchor="middle")
        c.setFillColor(INK)
        fonts.draw_text(c, self.right - u(4 * mm), base,
                        f"{self.roll.station}　{cn_date(self.roll.published.isoformat())}",
                        u(10.5), anchor="end")
        if self.roll.demo:
            c.setFillColor(MUTED)
            fonts.draw_text(c, self.width / 2, base - u(4.5 * mm), DEMO_NOTE, u(7),
                            anchor="middle")

    def need(self, height: float) -> None:
        if self.y - height < self.u(34 * mm):
            self.new_page()

    def finish(self) -> None:
        self._foot()
        self.c.showPage()

    # -- the content ----------------------------------------------------------------
    def heading(self, text: str, note: str = "") -> None:
        c, u = self.c, self.s
        self.need(u(30 * mm))
        size = u(20)
        width = fonts.text_width(text, size) + u(16 * mm)
        x = self.width / 2 - width / 2
        c.setFillColor(RED)
        c.roundRect(x, self.y - u(4 * mm), width, u(12 * mm), u(2 * mm), stroke=0, fill=1)
        c.setFillColor(GOLD)
        fonts.draw_text(c, self.width / 2, self.y, text, size, anchor="middle", bold=True)
        c.setStrokeColor(GOLD)
        c.setLineWidth(u(1))
        for side in (-1, 1):
            start = self.width / 2 + side * (width / 2 + u(3 * mm))
            c.line(start, self.y + u(2 * mm), start + side * u(40 * mm), self.y + u(2 * mm))
        self.y -= u(11 * mm)
        if note:
            c.setFillColor(MUTED)
            fonts.draw_text(c, self.width / 2, self.y, note, u(10), anchor="middle")
            self.y -= u(5 * mm)
        self.y -= u(5 * mm)

    def earners(self, top: list[Earner]) -> None:
        u = self.s
        columns = 2
        gap = u(8 * mm)
        cell = (self.right - self.left - u(8 * mm) - gap) / columns
        row = u(12.5 * mm)
        for n in range(0, len(top), columns):
            self.need(row)
            for column, earner in enumerate(top[n:n + columns]):
                x = self.left + u(4 * mm) + column * (cell + gap)
                self._earner(x, self.y, cell, earner)
            self.y -= row
        self.y -= u(4 * mm)

    def _earner(self, x: float, y: float, width: float, earner: Earner) -> None:
        c, u = self.c, self.s
        c.setFillColor(white)
        c.setStrokeColor(PALE_GOLD)
        c.setLineWidth(u(0.8))
        c.roundRect(x, y - u(4 * mm), width, u(11 * mm), u(2 * mm), stroke=1, fill=1)
        radius = u(4.2 * mm)
        c.setFillColor(RED if earner.rank <= 3 else DEEP_RED.clone(alpha=0.75))
        c.circle(x + u(7 * mm), y + u(1.5 * mm), radius, stroke=0, fill=1)
        c.setFillColor(GOLD if earner.rank <= 3 else white)
        fonts.draw_text(c, x + u(7 * mm), y - u(0.3 * mm), str(earner.rank), u(13),
                        anchor="middle", bold=True)
        points = f"{earner.points} 分"
        c.setFillColor(RED)
        points_width = fonts.draw_text(c, x + width - u(4 * mm), y - u(0.2 * mm), points, u(14),
                                       anchor="end", bold=True)
        room = width - u(16 * mm) - points_width - u(4 * mm)
        c.setFillColor(INK)
        fonts.draw_text(c, x + u(14 * mm), y - u(0.6 * mm), earner.name,
                        fonts.fit_size(earner.name, room, u(18), u(9)), bold=True)

    def title_group(self, title: str, honoured: list[Honoured]) -> None:
        """The title in red, its names after it on the same line, wrapping under them."""
        c, u = self.c, self.s
        size = u(17)
        line = u(10.5 * mm)
        label = f"【{title}】"
        indent = self.left + u(4 * mm) + max(fonts.text_width(label, u(16)),
                                             fonts.text_width("【最美志愿者】", u(16))) + u(3 * mm)
        self._label(label, line)
        x = indent
        for person in honoured:
            level = f"（{person.level}）"
            width = fonts.text_width(person.who, size) + fonts.text_width(level, u(10)) + u(7 * mm)
            if x + width > self.right - u(4 * mm) and x > indent:
                x = indent
                self.y -= line
                self._label(label, line, again=True)
            c.setFillColor(INK)
            x += fonts.draw_text(c, x, self.y, person.who, size, bold=True)
            c.setFillColor(MUTED)
            x += fonts.draw_text(c, x + u(1 * mm), self.y, level, u(10)) + u(7 * mm)
        self.y -= line + u(1.5 * mm)

    def _label(self, label: str, line: float, again: bool = False) -> None:
        """The title at the start of its group, and again atop a sheet it runs on to."""
        pages = self.pages
        self.need(line)
        if again and self.pages == pages:
            return
        self.c.setFillColor(RED)
        fonts.draw_text(self.c, self.left + self.s(4 * mm), self.y, label, self.s(16), bold=True)

    def nothing(self, text: str) -> None:
        self.need(self.s(12 * mm))
        self.c.setFillColor(MUTED)
        fonts.draw_text(self.c, self.width / 2, self.y, text, self.s(13), anchor="middle")
        self.y -= self.s(14 * mm)


def _star(c: Canvas, x: float, y: float, radius: float, fill: Color = GOLD) -> None:
    path = c.beginPath()
    for n in range(10):
        r = radius if n % 2 == 0 else radius * 0.4
        angle = math.pi / 2 + n * math.pi / 5
        point = (x + r * math.cos(angle), y + r * math.sin(angle))
        if n == 0:
            path.moveTo(*point)
        else:
            path.lineTo(*point)
    path.close()
    c.setFillColor(fill)
    c.drawPath(path, stroke=0, fill=1)


def honour_roll_pdf(roll: Roll, size: str = "A4") -> bytes:
    """The poster as PDF bytes, on an A4 or an A3 sheet: a long roll is set smaller to
    stay on one sheet, and goes on over more sheets only when that is not enough."""
    if size not in SIZES:
        raise ValueError(f"the poster is printed on A4 or A3, not {size}")
    for fit in FITS:
        pdf, pages = _draw(roll, SIZES[size], fit)
        if pages == 1:
            break
    return pdf


def _draw(roll: Roll, size: tuple[float, float], fit: float) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    c = new_canvas(buffer, size, f"{TITLE} {roll.period.label}")
    poster = _Poster(c, roll, size, fit)
    poster.new_page()
    if roll.top:
        poster.heading("积分之星", f"本期获得积分最多的 {len(roll.top)} 位居民")
        poster.earners(roll.top)
    if roll.titles:
        count = sum(len(people) for _, people in roll.titles)
        poster.heading("表彰名单", f"本期共 {count} 项表彰")
        for title, people in roll.titles:
            poster.title_group(title, people)
    if not roll.top and not roll.titles:
        poster.nothing("本期暂无积分记录和表彰。")
    poster.finish()
    c.save()
    return buffer.getvalue(), poster.pages


def honour_roll_printout(roll: Roll, size: str = "A4") -> Printout:
    """The poster as the desk and the command line save or print it."""
    return Printout([honour_roll_pdf(roll, size)], f"光荣榜-{roll.period.key}-{size}.pdf", ["1"],
                    roll.people, len(roll.top) + sum(len(p) for _, p in roll.titles))
