"""Every form is sent with Enter from its fields: the resident form (new and edit), the
desk's quick dialogs, the catalogue editor and the admin pages' forms."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services import catalogue, ledger, residents
from app.services import station as station_service
from app.views.shell.main_window import SETTINGS

from .conftest import type_text

pytestmark = pytest.mark.gui


def _open(window, qtbot, dialog):  # noqa: ANN001
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_enter_in_the_new_resident_form_registers(window, qtbot):
    from app.views.residents.form import ResidentFormDialog

    dialog = _open(window, qtbot, ResidentFormDialog(window.desk, None, window))
    dialog.name.setFocus()
    type_text(dialog.name, "钱多多")
    QTest.keyClick(dialog.name, Qt.Key.Key_Return)
    assert [h.name for h in residents.cardholders()] == ["钱多多"]
    assert dialog.result() == dialog.DialogCode.Accepted


def test_enter_in_any_field_of_the_edit_form_saves(window, resident, qtbot):
    from app.views.residents.form import ResidentFormDialog

    dialog = _open(window, qtbot, ResidentFormDialog(window.desk, residents.get(resident.id),
                                                     window))
    room = dialog.address["room"]
    room.setFocus()
    room.selectAll()
    QTest.keyClicks(room, "502")
    QTest.keyClick(room, Qt.Key.Key_Return)
    assert residents.get(resident.id).room == "502"


def test_enter_in_the_adjust_dialog_saves(window, resident, answer, qtbot):
    from app.views.desk.quick_dialogs import AdjustPointsDialog

    dialog = _open(window, qtbot, AdjustPointsDialog(window.desk, residents.get(resident.id),
                                                     window))
    dialog.points.setValue(5)
    dialog.reason.setFocus()
    type_text(dialog.reason, "期初余额")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert ledger.balance(resident.id) == 5


def test_enter_in_the_deed_type_editor_saves(window, qtbot):
    from app.views.admin.catalogue import DeedTypeDialog

    dialog = _open(window, qtbot, DeedTypeDialog(window.desk, None, window))
    dialog.code.setFocus()
    QTest.keyClicks(dialog.code, "TREE_PLANTING")
    dialog.name_zh.setFocus()
    type_text(dialog.name_zh, "植树")
    QTest.keyClicks(dialog.name_en, "Tree planting")
    dialog.points.setValue(3)
    QTest.keyClick(dialog.name_zh, Qt.Key.Key_Return)
    assert "TREE_PLANTING" in {t.code for t in catalogue.list_types()}


def test_enter_in_the_station_settings_saves_them(window, qtbot):
    window.show_page(SETTINGS)
    page = window.page_by_key[SETTINGS]
    page.name.setFocus()
    page.name.selectAll()
    type_text(page.name, "新华社区文明实践站")
    QTest.keyClick(page.name, Qt.Key.Key_Return)
    assert station_service.current().name == "新华社区文明实践站"
    page.merchant_name.setFocus()
    type_text(page.merchant_name, "老街理发店")
    QTest.keyClick(page.merchant_name, Qt.Key.Key_Return)
    assert page.merchants.count() == 1


def test_enter_in_the_serial_goes_on_to_its_check_code(window, qtbot):
    from app.views.shell.main_window import REDEEM

    window.show_page(REDEEM)
    page = window.redeem_page
    page.serial.setFocus()
    QTest.keyClicks(page.serial, "XH01-2026-000001")
    QTest.keyClick(page.serial, Qt.Key.Key_Return)
    assert page.check_code.hasFocus()


def test_enter_in_the_reason_to_reverse_a_clearing_reverses_it(window, ctx, clock, resident,
                                                               answer, qtbot):
    from app.views.shell.main_window import YEAR_END

    ledger.adjust(ctx, resident.id, 30, "期初")
    clock.advance(days=40)  # into next year: last year's end is the default cut-off
    window.show_page(YEAR_END)
    page = window.page_by_key[YEAR_END]
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert ledger.balance(resident.id) == 0
    page.unclear_reason.setFocus()
    type_text(page.unclear_reason, "截止日选错了")
    QTest.keyClick(page.unclear_reason, Qt.Key.Key_Return)
    assert ledger.balance(resident.id) == 30
