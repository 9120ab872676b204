"""The district report page in the centre's window: the operator picks a month and an
institute by keyboard, counts (F5), sees the district's figures, the institutes and the
stations with those behind in red, and exports the workbook and the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services import district_report
from app.services.context import Context
from app.views.centre.window import CENTRE_PAGES, CentreWindow
from app.views.common.background import Runner
from app.views.district_report.page import DistrictReportPage
from app.views.reports import exports
from app.views.shell.duty import Desk
from app.views.shell.main_window import PAGE_CLASSES
from app.views.tables.rows import BAD
from tests.district_records import fill, make_centre, make_district
from tests.integration.printing_checks import pdf_text

pytestmark = pytest.mark.gui


@pytest.fixture
def page(db, tmp_path, clock, qtbot):
    """The page in the centre's window, on a desk with nobody signed in (a centre has
    no clerks)."""
    make_centre()
    fill(make_district())
    window = CentreWindow(Desk(Context(tmp_path, clock), Runner(synchronous=True)))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("district_report")
    shown = window.page_by_key["district_report"]
    assert window.current_page_key() == "district_report" and shown.isVisible()
    qtbot.waitUntil(lambda: shown.shown is not None)  # the first show counts last month
    return shown


def _key(widget, key) -> None:
    widget.setFocus()
    QTest.keyClick(widget, key)


def test_the_page_is_in_the_centre_s_window_not_the_station_s():
    assert DistrictReportPage in CENTRE_PAGES
    assert DistrictReportPage not in PAGE_CLASSES


def test_pick_a_month_and_an_institute_by_keyboard_and_see_who_is_behind(
        page, qtbot, qtmodeltester, tmp_path):
    assert page.picker.kind.currentData() == "month"
    page.picker.year.setFocus()
    page.picker.year.selectAll()
    qtbot.keyClicks(page.picker.year, "2026")
    page.picker.part.setFocus()
    page.picker.part.selectAll()
    qtbot.keyClicks(page.picker.part, "10")
    _key(page.institute, Qt.Key.Key_Down)  # 全区 → the first institute
    name = page.institute.currentData()
    QTest.keyClick(page.institute, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.shown is not None and page.shown.institute == name)
    expected = district_report.compute(district_report.parse_period("2026-10"),
                                      page.desk.today(), name)
    stations = page.stations_model
    assert stations.rowCount() == len(expected.stations)
    for row, unit in enumerate(expected.stations):
        assert stations.index(row, 0).data() == f"{unit.code} {unit.name}"
        red = stations.index(row, 0).data(Qt.ItemDataRole.ForegroundRole)
        assert (red == BAD) == unit.is_behind
    assert {u.is_behind for u in expected.stations} == {True, False}
    centre = {page.centre_model.index(r, 0).data(): page.centre_model.index(r, 1).data()
              for r in range(page.centre_model.rowCount())}
    assert centre["加分分值"] == f"{expected.centre.values['awarded.points']:,}"
    institutes = page.institutes_model
    assert institutes.index(0, 0).data() == name
    assert f"{expected.centre.behind} 个上报落后" in page.heading.text()
    for model in (page.centre_model, institutes, stations):
        qtmodeltester.check(model)
    page.levels.setCurrentIndex(2)
    assert page.grab().save(str(tmp_path / "district.png"))


def test_export_the_workbook_and_the_pdf(page, qtbot, tmp_path, monkeypatch):
    saved = {".xlsx": tmp_path / "d.xlsx", ".pdf": tmp_path / "d.pdf"}
    monkeypatch.setattr(exports, "choose_path",
                        lambda parent, name, pattern: saved[Path(name).suffix])
    _key(page.exports.xlsx_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: saved[".xlsx"].exists())
    assert load_workbook(saved[".xlsx"]).sheetnames == ["中心", "实践所", "站点"]
    _key(page.exports.pdf_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: saved[".pdf"].exists())
    assert "各站点情况与上报进度" in "".join(pdf_text(saved[".pdf"].read_bytes()))


def test_a_station_database_says_it_is_not_a_centre(ctx, desk, qtbot):
    shown = DistrictReportPage(desk)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: shown.picker.count_button.isEnabled())
    assert "不是区中心" in shown.feedback.text()
    assert shown.shown is None and not shown.exports.xlsx_button.isEnabled()


def test_after_an_import_the_report_is_counted_again_when_it_is_next_seen(page, qtbot):
    from app.services.changes import Changes

    window, first = page.window(), page.shown
    window.show_page("stations")
    page.desk.changed.emit(Changes(district=True), None)
    assert page.shown is first  # out of view: nothing counted yet
    window.show_page("district_report")
    qtbot.waitUntil(lambda: page.shown is not first)
    second = page.shown
    page.desk.changed.emit(Changes(settings=True), None)
    assert page.shown is second  # nothing the report shows
