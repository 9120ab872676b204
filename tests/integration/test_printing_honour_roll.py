"""The honour roll poster drawn from a roll: a short roll on one sheet, a long one set
smaller and then carried over further sheets, each headed 光荣榜（续） and every name on
some sheet; a demo station's poster says it is demo data."""

from __future__ import annotations

import datetime as dt

from printing_checks import pdf_text, render

from app.printing.honour_roll import honour_roll_pdf, honour_roll_printout
from app.services.honour_roll import Earner, Honoured, Roll, parse_period

NAMES = ("欧阳娜娜", "王芳", "阿卜杜热合曼·买买提", "赵孟𫖯", "张三丰")


def a_roll(earners: int, per_title: int, demo: bool = False) -> Roll:
    top = [Earner(n + 1, f"{NAMES[n % 5]}{n}", 200 - n) for n in range(earners)]
    titles = [(title, [Honoured(f"{NAMES[(n + k) % 5]}{t}{k}", "社区级", "2026-11-02")
                       for k in range(per_title)])
              for t, (n, title) in enumerate(enumerate(("道德模范", "身边好人", "好邻居")))]
    return Roll("新华社区新时代文明实践站", parse_period("2026Q4"), top, titles,
                dt.date(2026, 12, 31), demo, [])


def test_a_short_roll_is_one_sheet_with_every_name(tmp_path):
    roll = a_roll(10, 3)
    pdf = honour_roll_pdf(roll, "A4")
    text = "".join(pdf_text(pdf))
    assert len(pdf_text(pdf)) == 1 and "2026年第四季度" in text
    for name in [e.name for e in roll.top] + [h.who for _, group in roll.titles for h in group]:
        assert name in text, name
    assert "演示数据" not in text
    assert len(render(pdf, 40, tmp_path)) == 1


def test_a_long_roll_runs_on_with_continued_sheets(tmp_path):
    roll = a_roll(50, 40, demo=True)
    pages = pdf_text(honour_roll_pdf(roll, "A3"))
    assert len(pages) > 1
    assert all("光荣榜（续）" in page for page in pages[1:])
    assert all("演示数据" in page for page in pages)
    everything = "".join(pages)
    for name in [e.name for e in roll.top] + [h.who for _, group in roll.titles for h in group]:
        assert name in everything, name
    printout = honour_roll_printout(roll, "A3")
    assert printout.name == "光荣榜-2026Q4-A3.pdf" and printout.count == 50 + 3 * 40
