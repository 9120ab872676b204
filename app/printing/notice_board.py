"""The notice for the board (积分公示), A4: the station, the notice period, the entries on
notice, the month's scores, where to object and until when, the station's seal.

Residents appear by name only, never by ID number or phone: the sheet hangs in public.
Light to import, like ``jobs``: reportlab loads when the notice is drawn."""

from __future__ import annotations

import datetime as dt
import io

from app.printing.jobs import Printout
from app.services.notice_board import Board

MM = 72 / 25.4
TITLE = "积分公示"
SCORE_COLUMNS = 3  # name and points, three pairs across the page


def _day(text: str | None) -> str:
    if not text:
        return "—"
    d = dt.date.fromisoformat(text)
    return f"{d.year}年{d.month}月{d.day}日"


def _short(text: str | None) -> str:
    return text[5:] if text else ""


def printout(board: Board) -> Printout:
    return Printout([notice_pdf(board)], "notice.pdf", ["1"],
                    [e.resident_name for e in board.entries] + [s.name for s in board.scores],
                    len(board.entries))


def notice_pdf(board: Board) -> bytes:
    from reportlab.lib.pagesizes import A4

    from app.printing import fonts
    from app.printing.sheet import ACCENT, DEMO_NOTE, FAINT, INK, MUTED, new_canvas, watermark

    width, height = A4
    margin = 18 * MM
    buffer = io.BytesIO()
    c = new_canvas(buffer, A4, f"{board.station} {TITLE}")
    state = {"page": 1, "y": 0.0}

    def furnish(first: bool) -> None:
        top = height - margin
        if board.demo:
            watermark(c, margin, margin, width - 2 * margin, height - 2 * margin,
                      "演示 SPECIMEN", alpha=0.12, angle=35)
            c.setFillColor(ACCENT)
            fonts.draw_text(c, width / 2, top + 4 * MM, DEMO_NOTE, 9, anchor="middle",
                            bold=True)
        c.setFillColor(MUTED)
        fonts.draw_text(c, width / 2, top - 4 * MM, board.station, 11, anchor="middle")
        c.setFillColor(ACCENT)
        if first:
            fonts.draw_text(c, width / 2, top - 17 * MM, TITLE, 26, anchor="middle", bold=True)
            state["y"] = top - 30 * MM
        else:
            fonts.draw_text(c, margin, top - 13 * MM, f"{TITLE}（续）", 13, bold=True)
            state["y"] = top - 22 * MM
        c.setFillColor(MUTED)
        fonts.draw_text(c, width - margin, margin - 6 * MM, f"第 {state['page']} 页", 8,
                        anchor="end")

    def room(needed: float) -> None:
        if state["y"] - needed < margin:
            c.showPage()
            state["page"] += 1
            furnish(False)

    def line(text: str, size: float = 11, bold: bool = False, gap: float = 7) -> None:
        room(gap * MM)
        c.setFillColor(INK)
        fonts.draw_text(c, margin, state["y"], text,
                        fonts.fit_size(text, width - 2 * margin, size, 7), bold=bold)
        state["y"] -= gap * MM

    def row(cells: list[tuple[str, float, str]], header: bool = False) -> None:
        """Cells of (text, width, anchor) on one ruled row."""
        room(9 * MM)
        y = state["y"]
        if header:
            c.setFillColor(FAINT.clone(alpha=0.35))
            c.rect(margin, y - 2.6 * MM, sum(w for _, w, _ in cells), 8 * MM, stroke=0, fill=1)
        c.setFillColor(INK)
        x = margin
        for text, w, anchor in cells:
            size = fonts.fit_size(text, w - 3 * MM, 10.5, 6)
            at = {"start": x + 1.5 * MM, "middle": x + w / 2, "end": x + w - 1.5 * MM}[anchor]
            fonts.draw_text(c, at, y, text, size, anchor=anchor, bold=header)
            x += w
        c.setStrokeColor(FAINT)
        c.setLineWidth(0.4)
        c.line(margin, y - 2.6 * MM, x, y - 2.6 * MM)
        state["y"] -= 8 * MM

    furnish(True)
    until = _day(board.period_until)
    if board.entries:
        line(f"公示期：{_day(board.period_from)} 至 {until}", 12, bold=True)
        line("以下积分事项已经本站审核，现予公示。公示期满无异议的，计入本人积分。", 10.5)
    else:
        line(f"截至 {_day(board.day)}，没有正在公示的积分事项。", 11)
    state["y"] -= 2 * MM
    cols = (12, 30, 66, 18, 24, 24)
    heads = ("序号", "姓名", "事项", "分值", "事迹日期", "公示截止")
    row([(h, w * MM, "middle") for h, w in zip(heads, cols, strict=True)], header=True)
    for n, e in enumerate(board.entries, 1):
        row([(str(n), cols[0] * MM, "middle"), (e.resident_name, cols[1] * MM, "start"),
             (e.deed_name, cols[2] * MM, "start"), (f"{e.points:+d}", cols[3] * MM, "end"),
             (_short(e.deed_date), cols[4] * MM, "middle"),
             # An open objection holds the points past the end: the board says so.
             ("有异议，待处理" if e.state == "objected" else _short(e.notice_until),
              cols[5] * MM, "middle")])
    if not board.entries:
        row([("（无）", sum(cols) * MM, "middle")])

    state["y"] -= 6 * MM
    month = dt.date.fromisoformat(board.day)
    line(f"{month.year}年{month.month}月积分情况（截至 {month.month}月{month.day}日）", 12,
         bold=True)
    pair = (sum(cols) / SCORE_COLUMNS) * MM
    row([(h, pair * share, "middle") for _ in range(SCORE_COLUMNS)
         for h, share in (("姓名", 0.62), ("积分", 0.38))], header=True)
    scores = board.scores
    for start in range(0, len(scores), SCORE_COLUMNS):
        cells: list[tuple[str, float, str]] = []
        for s in scores[start:start + SCORE_COLUMNS]:
            cells += [(s.name, pair * 0.62, "start"), (f"{s.points:+d}", pair * 0.38, "end")]
        row(cells)
    if not scores:
        row([("本月尚无积分", sum(cols) * MM, "middle")])

    state["y"] -= 6 * MM
    room(40 * MM)
    if board.entries:
        line(f"如对公示事项有异议，请于 {until} 前（含当日）到{board.station}前台反映，", 11,
             bold=True)
        line("可实名或匿名，请说明事项序号和理由。异议经核实成立的，该项积分不予计入。", 11)
    y = state["y"] - 8 * MM
    c.setFillColor(INK)
    fonts.draw_text(c, width - margin, y, board.station, 11, anchor="end")
    fonts.draw_text(c, width - margin, y - 7 * MM, _day(board.day), 11, anchor="end")
    c.showPage()
    c.save()
    return buffer.getvalue()
