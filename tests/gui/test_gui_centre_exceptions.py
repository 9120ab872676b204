"""The centre's 异常清单 page: a voucher redeemed at a station and again at a copy of
its data directory shows as an open exception, filtered by station or shown with the
closed ones; it is closed with a note (a blank note is refused and closes nothing), and
the list is exported to a workbook. The page reads again when an import lists more."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.models.district import DistrictException
from app.services import package_import
from app.views.centre.exceptions_page import CentreExceptionsPage
from app.views.centre.import_page import CentreImportPage
from app.views.common.background import Runner
from app.views.reports import exports
from app.views.shell.duty import Desk
from tests.unit import centre_support
from tests.unit.centre_support import snapshot

pytestmark = pytest.mark.gui
district, hub = centre_support.district, centre_support.hub


@pytest.fixture
def desk(hub, qapp):
    return Desk(hub, Runner(synchronous=True))


@pytest.fixture
def page(desk, hub, district, qtbot):
    package_import.import_files(hub, [district.a[1], district.a[2], district.copy_2,
                                      district.b1])
    shown = CentreExceptionsPage(desk)
    qtbot.addWidget(shown)
    shown.resize(1200, 500)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _column(page, column: int) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def _choose_row(page, qtbot, kind: str) -> None:
    row = _column(page, 1).index(kind)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(row, 0))
    assert page.selected().kind_zh == kind


def _type(widget, text: str) -> None:
    """Chinese typed a character at a time (keyClicks aborts on non-ASCII text)."""
    widget.setFocus()
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


def test_the_double_redemption_is_listed_and_filtered_by_station(page, district,
                                                                 qtmodeltester):
    assert sorted(_column(page, 1)) == ["包编号重复", "重复核销"]
    row = _column(page, 1).index("重复核销")
    cells = [page.model.index(row, c).data() for c in range(page.model.columnCount())]
    assert cells[2:4] == ["XH01", district.serial] and cells[6] == "未处理"
    found = DistrictException.get(DistrictException.kind == "double_redemption").found_at
    assert cells[4] == found.strftime("%Y-%m-%d %H:%M") and district.serial in cells[5]
    assert page.count.text() == "未处理 2 项，列出 2 项"
    page.station.setCurrentIndex(page.station.findData("XH02"))
    assert page.model.rowCount() == 0
    page.station.setCurrentIndex(page.station.findData("XH01"))
    assert page.model.rowCount() == 2
    qtmodeltester.check(page.model)


def test_a_blank_note_is_refused_and_a_note_closes_the_exception(page, qtbot):
    _choose_row(page, qtbot, "重复核销")
    uid = page.selected().uid
    page.close_button.setFocus()
    qtbot.keyClick(page.close_button, Qt.Key.Key_Space)
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    before = snapshot()
    qtbot.keyClicks(dialog.note, "   ")
    dialog.close_button.click()
    assert "处理说明不能为空" in dialog.errors.text("note")
    assert dialog.isVisible() and snapshot() == before
    _type(dialog.note, "已电话核实：复制的数据目录已停用")
    dialog.close_button.click()
    assert not dialog.isVisible()
    closed = DistrictException.get(DistrictException.uid == uid)
    assert (closed.state, closed.note) == ("closed", "已电话核实：复制的数据目录已停用")
    assert _column(page, 1) == ["包编号重复"] and "第" in page.feedback.text()
    page.show_all.setFocus()
    qtbot.keyClick(page.show_all, Qt.Key.Key_Space)
    assert sorted(_column(page, 6)) == ["已处理", "未处理"]
    assert "已电话核实：复制的数据目录已停用" in _column(page, 7)
    assert not page.table.isColumnHidden(7)


def test_the_list_is_exported_to_a_readable_workbook(page, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "exceptions.xlsx"
    monkeypatch.setattr(exports, "choose_path", lambda parent, name, pattern: target)
    page.xlsx_button.setFocus()
    qtbot.keyClick(page.xlsx_button, Qt.Key.Key_Space)
    sheet = load_workbook(target).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = rows[0]
    assert header[:4] == ["编号", "类别", "站点", "事项"]
    body = {r[header.index("类别")]: r for r in rows[1:] if r[0] is not None}
    assert set(body) == {"重复核销", "包编号重复"}
    assert body["重复核销"][header.index("状态")] == "未处理"
    assert "已导出 2 项" in page.feedback.text()


def test_the_page_reads_again_when_an_import_lists_more(desk, hub, district, qtbot,
                                                        monkeypatch):
    from app.views.centre import import_page

    shown = CentreExceptionsPage(desk)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    assert shown.model.rowCount() == 0
    importer = CentreImportPage(desk)
    qtbot.addWidget(importer)
    monkeypatch.setattr(import_page, "choose_files", lambda parent: [
        district.a[1], district.a[2], district.copy_2])
    importer.choose_button.click()
    assert sorted(_column(shown, 1)) == ["包编号重复", "重复核销"]
