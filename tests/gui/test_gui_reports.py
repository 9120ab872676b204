"""The reports page: an admin picks a month by keyboard, counts it (F5), sees every figure
beside the previous month and the charts, exports the workbook and the PDF through the
save dialog; a clerk does not see the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from app.services.reports import period, report
from app.views.reports import exports
from app.views.reports import page as reports_page
from tests import report_month
from tests.integration.printing_checks import pdf_text

from .conftest import open_window

pytestmark = pytest.mark.gui


def _page(window):
    assert not window.sidebar_item("reports").isHidden()
    window.show_page("reports")
    page = window.pages.currentWidget()
    assert page.info.key == "reports" and page.info.order == 150
    return page


def _pick_october(page, qtbot):
    page.picker.kind.setFocus()
    page.picker.kind.setCurrentIndex(0)  # 月报
    page.picker.year.setFocus()
    page.picker.year.selectAll()
    qtbot.keyClicks(page.picker.year, "2026")
    page.picker.part.setFocus()
    page.picker.part.selectAll()
    qtbot.keyClicks(page.picker.part, "10")
    qtbot.keyClick(page.picker.part, Qt.Key.Key_F5)


def test_pick_a_month_see_the_figures_and_export(ctx, window, qtbot, qtmodeltester, tmp_path,
                                                 monkeypatch):
    report_month.build(ctx)
    page = _page(window)
    _pick_october(page, qtbot)
    qtbot.waitUntil(lambda: page.shown is not None and page.shown.period.label == "2026-10")
    expected = report.compute(period.parse("month", "2026-10"))
    rows = {page.figures.index(r, 0).data(): [page.figures.index(r, c).data()
                                              for c in (1, 2, 3)]
            for r in range(page.figures.rowCount())}
    awarded = expected.figure("awarded.points")
    assert rows["加分分值"] == [str(awarded.value), str(awarded.previous),
                            f"+{awarded.change}"]
    assert rows["结算金额（元）"] == ["20.00", "0.00", "+20.00"]
    assert "2026-09" in page.heading.text()
    assert [b[1:] for b in page.points_chart.bars][0] == (awarded.value, awarded.previous)
    qtmodeltester.check(page.figures)
    assert page.grab().save(str(tmp_path / "reports.png"))

    saved = {".xlsx": tmp_path / "month.xlsx", ".pdf": tmp_path / "month.pdf"}
    monkeypatch.setattr(exports, "choose_path",
                        lambda parent, name, pattern: saved[Path(name).suffix])
    qtbot.mouseClick(page.exports.xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: saved[".xlsx"].exists())
    sheet = load_workbook(saved[".xlsx"])["积分"]
    got = {r[4]: r[1] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert got["awarded.points"] == awarded.value
    qtbot.mouseClick(page.exports.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: saved[".pdf"].exists())
    assert "站长签字" in "".join(pdf_text(saved[".pdf"].read_bytes()))


def test_a_quarter_and_a_tag(ctx, window, qtbot):
    report_month.build(ctx)
    page = _page(window)
    page.picker.kind.setCurrentIndex(1)
    assert page.picker.part.maximum() == 4 and not page.picker.start.isVisible()
    page.picker.year.setValue(2026)
    page.picker.part.setValue(4)
    page.tag.setCurrentIndex(page.tag.findData("party_member"))
    qtbot.mouseClick(page.picker.count_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.shown is not None and page.shown.tag == "party_member")
    expected = report.compute(period.parse("quarter", "2026Q4"), "party_member")
    assert page.shown.figures() == expected.figures()


def test_the_page_is_for_admins_only(clerk_desk, qtbot):
    window = open_window(clerk_desk, qtbot)
    assert window.sidebar_item("reports").isHidden()


def test_counting_runs_off_the_window_thread(ctx, qtbot, monkeypatch):
    """With the desk's real workers the click returns at once and the figures arrive later,
    counted on another thread, while the window keeps handling events."""
    import threading

    import shiboken6

    from app.views.common.background import Runner
    from app.views.shell.duty import Desk

    report_month.build(ctx)
    desk = Desk(ctx, Runner())
    desk.set_actor(ctx.actor)
    page = reports_page.ReportsPage(desk)
    threads = []
    compute = report.compute
    monkeypatch.setattr(report, "compute", lambda *a: threads.append(
        threading.current_thread()) or compute(*a))
    try:
        page.picker.year.setValue(2026)
        page.picker.part.setValue(10)
        page.picker.count_button.click()
        assert page.shown is None and not page.picker.count_button.isEnabled()
        qtbot.waitUntil(lambda: page.shown is not None, timeout=30_000)
        assert threads and threads[0] is not threading.main_thread()
        assert page.picker.count_button.isEnabled()
    finally:
        desk.finish()
        shiboken6.delete(page)  # before the desk it listens to
