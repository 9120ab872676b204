"""The 点单 tab of the 志愿活动 page, driven by keyboard: a request taken (who asked found
by card as the desk finds residents, for whom, urgent), assigned to a team, done with a
note; the status in view, urgent ones in red, refusals on the feedback line or next to
their field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from app.models.requests import ResidentRequest
from app.services import requests, residents, teams
from app.views.shell.main_window import ACTIVITIES
from app.views.tables.rows import BAD
from app.views.volunteering.request_dialogs import (
    AssignRequestDialog,
    FinishRequestDialog,
    TakeRequestDialog,
)
from app.views.volunteering.requests_tab import RequestsTab

from .conftest import scan, type_text

pytestmark = pytest.mark.gui


def requests_tab(window) -> RequestsTab:
    page = window.page_by_key[ACTIVITIES]
    window.show_page(ACTIVITIES)
    tab = next(t for t in page.extra_tabs if isinstance(t, RequestsTab))
    page.tabs.setCurrentWidget(tab)
    return tab


def opened(tab: RequestsTab, kind: type[QDialog], qtbot) -> QDialog:
    """The dialog the last key opened, once it has the keyboard."""
    dialog = tab.dialog
    assert isinstance(dialog, kind)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def column(tab: RequestsTab, row: int, col: int) -> str:
    return tab.model.index(row, col).data()


def test_take_assign_and_finish_a_request_by_keyboard(ctx, window, qtbot):
    person = residents.register(ctx, residents.ResidentInput(name="张明月"))
    teams.add_team(ctx, "红色志愿服务队")
    tab = requests_tab(window)
    tab.table.setFocus()
    QTest.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = opened(tab, TakeRequestDialog, qtbot)
    assert QApplication.focusWidget() is dialog.text
    type_text(dialog.text, "帮独居老人修理门锁")
    QTest.keyClick(dialog.text, Qt.Key.Key_Tab)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # kind: 百姓点单 stays
    scan(QApplication.focusWidget(), person.card_code)  # who asked: the card
    assert dialog.found.text() == f"张明月（{person.resident_no}）"
    type_text(QApplication.focusWidget(), "李奶奶")  # Enter went on to "for whom"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # urgent
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    [row] = ResidentRequest.select()
    assert (row.text, row.resident_id, row.beneficiary, row.urgency) == (
        "帮独居老人修理门锁", person.id, "李奶奶", "urgent")
    assert "已受理点单" in tab.feedback.text()
    assert tab.selected().number == row.id
    assert (column(tab, 0, 6), column(tab, 0, 7)) == ("紧急", "待分派")
    assert tab.model.index(0, 3).data(Qt.ItemDataRole.ForegroundRole) == BAD

    QTest.keyClick(tab.assign_button, Qt.Key.Key_Space)
    dialog = opened(tab, AssignRequestDialog, qtbot)
    assert dialog.team.currentData() == "红色志愿服务队"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert (column(tab, 0, 7), column(tab, 0, 8)) == ("已分派", "红色志愿服务队")

    QTest.keyClick(tab.done_button, Qt.Key.Key_Space)
    dialog = opened(tab, FinishRequestDialog, qtbot)
    type_text(QApplication.focusWidget(), "已上门修好")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    row = ResidentRequest.get_by_id(row.id)
    assert (row.status, row.note) == ("done", "已上门修好")
    assert "已办结" in tab.feedback.text()
    assert tab.model.rowCount() == 0  # the list shows what is still open
    tab.status.setCurrentIndex(tab.status.findData("done"))
    assert column(tab, 0, 7) == "已办结"
    tab.table.selectRow(0)
    assert not tab.done_button.isEnabled() and not tab.assign_button.isEnabled()


def test_an_unknown_resident_is_said_next_to_the_field(ctx, desk, qtbot):
    dialog = TakeRequestDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.text, "修灯")
    scan(dialog.resident, "000999")
    assert "找不到居民" in dialog.errors.text("resident")
    QTest.keyClick(dialog.text, Qt.Key.Key_Return)
    assert dialog.isVisible() and ResidentRequest.select().count() == 0
    dialog.resident.clear()
    dialog.text.clear()
    QTest.keyClick(dialog.text, Qt.Key.Key_Return)
    assert "不能为空" in dialog.errors.text("text")
    assert ResidentRequest.select().count() == 0


def test_a_request_finished_elsewhere_is_refused_in_the_dialog(ctx, desk, qtbot):
    """Another desk marked it done meanwhile: the refusal says so, nothing changes."""
    made = requests.take_request(ctx, "代买药品")
    requests.complete_request(ctx, made.number, note="家属已代买")
    dialog = FinishRequestDialog(desk, made, withdraw=True)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClick(dialog.note, Qt.Key.Key_Return)
    assert dialog.isVisible() and "不能再撤回" in dialog.feedback.text()
    assert ResidentRequest.get_by_id(made.number).status == "done"
