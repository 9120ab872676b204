"""The desk as a clerk uses it: scan a card, search, record a deed, issue vouchers,
and the input counts of the core loop."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.models import VoucherPrint
from app.services import ledger, residents, vouchers
from app.views.desk.deed_dialog import RecordDeedDialog
from app.views.desk.issue_dialog import IssueVouchersDialog
from app.views.desk.quick_dialogs import CheckInDialog

from .conftest import Inputs, scan, scan_into_focus, type_text

pytestmark = pytest.mark.gui


def test_scan_field_has_the_focus_and_a_scanned_card_opens_the_resident(window, resident):
    """A scanner types into whatever has the focus: that must be the scan field."""
    page = window.desk_page
    assert QApplication.focusWidget() is page.scan
    scan(QApplication.focusWidget(), resident.card_code)
    panel = page.panel
    assert panel.resident is not None and panel.resident.id == resident.id
    assert panel.name.text() == "张明月"
    assert panel.details["id"].text() == "110105********002X"  # masked, never in full
    assert panel.details["phone"].text() == "138****5678"
    assert panel.balance.text() == "0"
    assert panel.details["checkin"].text() == "否"
    assert page.scan.text() == ""  # ready for the next scan
    assert QApplication.focusWidget() is page.scan


def test_a_replaced_card_is_refused_with_the_reason(window, ctx, resident):
    residents.reissue_card(ctx, resident.id)
    scan(window.desk_page.scan, resident.card_code)
    assert window.desk_page.panel.resident is None
    assert "已作废" in window.desk_page.feedback.text()


def test_a_scan_lands_in_the_scan_field_even_when_the_results_have_the_focus(
        window, ctx, resident, qtbot):
    residents.register(ctx, residents.ResidentInput(name="赵梦远"))
    page = window.desk_page
    qtbot.keyClicks(page.scan, "zmy")
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)  # two matches: the list takes the focus
    assert QApplication.focusWidget() is page.results
    other = residents.register(ctx, residents.ResidentInput(name="李四"))
    scan_into_focus(other.card_code)
    assert page.panel.resident is not None and page.panel.resident.name == "李四"


def test_typing_pinyin_initials_shows_ranked_results_as_you_type(window, ctx, resident, qtbot):
    residents.register(ctx, residents.ResidentInput(name="赵梦远", phone="13900001111"))
    residents.register(ctx, residents.ResidentInput(name="李四"))
    page = window.desk_page
    qtbot.keyClicks(page.scan, "zmy")
    qtbot.waitUntil(lambda: page.results_model.rowCount() == 2, timeout=2000)
    names = {page.results_model.row_at(n).name for n in range(2)}
    assert names == {"张明月", "赵梦远"}
    page.scan.clear()
    qtbot.keyClicks(page.scan, "zhangm")  # full pinyin: only 张明月
    qtbot.waitUntil(lambda: page.results_model.rowCount() == 1, timeout=2000)
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    assert page.panel.resident.name == "张明月"


def test_searching_by_chinese_name_and_phone_tail(window, resident, qtbot):
    page = window.desk_page
    type_text(page.scan, "明月")
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    assert page.panel.resident is not None and page.panel.resident.name == "张明月"
    page.scan.clear()
    qtbot.keyClicks(page.scan, "9999")
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    assert "找不到" in page.feedback.text()


def test_record_a_deed_and_see_the_new_balance(window, resident, qtbot):
    page = window.desk_page
    scan(page.scan, resident.card_code)
    qtbot.keyClick(page.scan, Qt.Key.Key_F3)
    dialog = page.active_dialog()
    assert isinstance(dialog, RecordDeedDialog)
    type_text(dialog.filter, "wcxx")  # 无偿献血, by pinyin initials
    assert dialog.current_type().code == "BLOOD_DONATION"
    assert "+5 分" in dialog.preview.text() and "还可登记 2" in dialog.cap_hint.text()
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert page.feedback.text() == "张明月 +5 积分，余额 5"
    assert page.feedback.state() == "ok"
    assert page.panel.balance.text() == "5"
    latest = page.panel.ledger_model.row_at(0)
    assert latest.description == "无偿献血" and latest.balance_after == 5
    assert window.statusBar().currentMessage() == "张明月 +5 积分，余额 5"


def test_a_cap_refusal_is_shown_before_saving(window, ctx, resident, qtbot):
    page = window.desk_page
    page.open_resident(resident.id)
    qtbot.keyClick(page.scan, Qt.Key.Key_F3)
    dialog = page.active_dialog()
    qtbot.keyClicks(dialog.filter, "hjws")  # environmental clean-up: at most 4 hours a day
    assert dialog.quantity.value() == 1 and "还可登记 4" in dialog.cap_hint.text()
    dialog.quantity.setValue(5)
    assert "每天最多 4 小时" in dialog.cap_hint.text() and not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert ledger.balance(resident.id) == 0
    dialog.quantity.setValue(4)
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert not dialog.isVisible() and ledger.balance(resident.id) == 8
    page.actions_by_name["record_deed"].trigger()
    again = page.active_dialog()
    qtbot.keyClicks(again.filter, "hjws")
    assert "还可登记 0" in again.cap_hint.text() and not again.save_button.isEnabled()
    qtbot.keyClick(again.filter, Qt.Key.Key_Return)
    assert again.isVisible()
    assert ledger.balance(resident.id) == 8


def test_check_in_with_a_purpose(window, resident, qtbot):
    page = window.desk_page
    scan(page.scan, resident.card_code)
    qtbot.keyClick(page.scan, Qt.Key.Key_F2)
    dialog = page.active_dialog()
    assert isinstance(dialog, CheckInDialog)
    dialog.choose("volunteer")
    dialog.buttons.accepted.emit()
    assert page.feedback.text() == "张明月 已签到（志愿服务），今天已有 1 人来站"
    assert page.panel.details["checkin"].text() == "是：09:30 志愿服务"


def test_core_loop_scan_then_deed_saved_in_three_inputs(window, resident, qtbot):
    """Scan, then: the shortcut, the deed type, Enter."""
    scan(QApplication.focusWidget(), resident.card_code)
    inputs = Inputs()
    inputs.key(Qt.Key.Key_F3)
    inputs.type("hjws")
    inputs.key(Qt.Key.Key_Return)
    assert inputs.count == 3
    assert ledger.balance(resident.id) == 2
    assert window.desk_page.feedback.text() == "张明月 +2 积分，余额 2"
    # Ready for the next resident: the scan field has the focus again.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.desk_page.scan, timeout=1000)


def test_core_loop_scan_then_vouchers_printed_in_five_inputs(window, ctx, resident, printer):
    """The scan, then: the shortcut, Enter to take the suggested amount, Enter to confirm,
    Enter to print. Counted like the deed loop (the inputs after the scan): 4, and 5 with
    the scan itself."""
    ledger.adjust(ctx, resident.id, 57, "期初余额")
    scan(QApplication.focusWidget(), resident.card_code)
    inputs = Inputs()
    inputs.key(Qt.Key.Key_F4)
    dialog = window.desk_page.active_dialog()
    assert isinstance(dialog, IssueVouchersDialog)
    assert dialog.points.value() == 55 and dialog.faces.text() == "50+5"  # no 1-point pile
    inputs.key(Qt.Key.Key_Return)  # the amount
    assert dialog.confirm_label.text() == "发放 2 张，共 55 分，余额 2 分"
    assert ledger.balance(resident.id) == 57
    inputs.key(Qt.Key.Key_Return)  # confirm: now the points leave the balance
    inputs.key(Qt.Key.Key_Return)  # print
    assert inputs.count + 1 <= 5
    assert ledger.balance(resident.id) == 2
    assert len(printer.printed) == 1
    pdf = printer.printed[0][0]
    assert pdf.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    serials = dialog.serials()
    assert len(serials) == 2 and all(s in text for s in serials)
    assert VoucherPrint.select().count() == 2  # the print was recorded
    assert window.desk_page.panel.balance.text() == "2"
    assert "兑换 55 分，发放 2 张兑换券，余额 2" in window.desk_page.feedback.text()


def test_issue_with_own_denominations_and_save_the_pdf(window, ctx, resident, printer, qtbot):
    ledger.adjust(ctx, resident.id, 30, "期初余额")
    page = window.desk_page
    page.open_resident(resident.id)
    qtbot.keyClick(page.scan, Qt.Key.Key_F4)
    dialog = page.active_dialog()
    dialog.points.setValue(20)
    dialog.faces.clear()
    qtbot.keyClicks(dialog.faces, "10+5+4")  # adds up to 19, not 20
    qtbot.keyClick(dialog.faces, Qt.Key.Key_Return)
    assert "合计等于 20 分" in dialog.errors.text("denominations")
    assert ledger.balance(resident.id) == 30
    dialog.faces.clear()
    qtbot.keyClicks(dialog.faces, "10+5+5")
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert ledger.balance(resident.id) == 30  # asked to confirm first
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert ledger.balance(resident.id) == 10
    qtbot.mouseClick(dialog.preview.save_button, Qt.MouseButton.LeftButton)
    saved = printer.folder / "vouchers.pdf"
    assert saved.read_bytes().startswith(b"%PDF")
    assert [v.points for v in vouchers.vouchers_by_serial(dialog.serials())] == [10, 5, 5]
    assert dialog.delivered
