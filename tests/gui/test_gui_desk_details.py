"""Small things at the desk that must say what they mean: F7 with nothing to print
again, a statement preview that closes like the voucher preview, and today's check-in
shown as yes or no with its time."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services import ledger, vouchers
from app.views.desk.statement_dialog import StatementDialog
from tests.conftest import NOW

pytestmark = pytest.mark.gui


def test_f7_with_nothing_to_reprint_says_so(window, ctx, resident, qtbot):
    page = window.desk_page
    page.open_resident(resident.id)
    qtbot.keyClick(page.scan, Qt.Key.Key_F7)
    assert page.active_dialog() is None
    assert page.feedback.text() == "张明月 没有可补打的兑换券（未使用的券都已核销、作废或过期）。"


def test_f7_opens_the_reprint_once_there_is_a_voucher(window, ctx, resident, qtbot):
    ledger.adjust(ctx, resident.id, 10, "期初余额")
    vouchers.issue(ctx, resident.id, 10, [10])
    page = window.desk_page
    page.open_resident(resident.id)
    qtbot.keyClick(page.scan, Qt.Key.Key_F7)
    assert page.active_dialog() is not None and page.active_dialog().model.rowCount() == 1


def test_the_statement_preview_closes_with_a_button(window, resident, printer, qtbot):
    page = window.desk_page
    page.open_resident(resident.id)
    qtbot.keyClick(page.scan, Qt.Key.Key_F5)
    dialog = page.active_dialog()
    assert isinstance(dialog, StatementDialog)
    assert dialog.close_button.text() == "关闭" and not dialog.close_button.autoDefault()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert page.active_dialog() is None and not dialog.isVisible()


def test_todays_check_in_shows_yes_or_no_and_the_time(window, resident, qtbot):
    page = window.desk_page
    page.open_resident(resident.id)
    shown = page.panel.details["checkin"]
    assert shown.text() == "否"
    qtbot.keyClick(page.scan, Qt.Key.Key_F2)
    dialog = page.active_dialog()
    dialog.choose("activity")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert shown.text() == f"是：{NOW:%H:%M} 参加活动"
