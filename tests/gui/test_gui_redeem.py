"""Redemption and corrections: scan vouchers, see each verdict, redeem once; what a
clerk may not do (void) stays with the admin."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services import ledger, redemption, vouchers
from app.views.admin.corrections import CorrectionsPage
from app.views.shell.main_window import CORRECTIONS, REDEEM

from .conftest import open_window, scan

pytestmark = pytest.mark.gui


@pytest.fixture
def issued(ctx, resident):
    ledger.adjust(ctx, resident.id, 30, "期初余额")
    return vouchers.issue(ctx, resident.id, 30, [20, 10])


def test_a_voucher_scanned_at_the_desk_opens_redemption_and_redeems(window, issued, qtbot):
    token = issued.vouchers[0].token
    scan(QApplication.focusWidget(), token)
    assert window.current_page_key() == REDEEM
    page = window.redeem_page
    row = page.model.row_at(0)
    assert row.verdict.ok and row.verdict.holder == "张明月" and row.verdict.points == 20
    assert page.model.data(page.model.index(0, 4)) == "真券，可核销"
    assert "待核销 1 张，共 20 分" in page.total.text()
    assert QApplication.focusWidget() is page.scan
    scan(page.scan, issued.vouchers[1].token)
    assert "待核销 2 张，共 30 分" in page.total.text()
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)  # Enter on the empty field confirms
    assert page.feedback.text() == "已核销 2 张，共 30 分"
    assert page.model.row_at(0).result is not None
    assert page.model.data(page.model.index(0, 4)) == "已核销（2026-11-23 09:30:00，本站积分超市）"
    assert "本次已核销 30 分" in page.total.text()
    assert not redemption.verify(window.desk.ctx, token).ok


def test_scanning_a_redeemed_voucher_again_says_when_where_and_by_whom(window, issued, qtbot):
    page = window.redeem_page
    window.show_page(REDEEM)
    token = issued.vouchers[0].token
    scan(page.scan, token)
    qtbot.mouseClick(page.redeem_button, Qt.MouseButton.LeftButton)
    scan(page.scan, token)
    again = page.model.row_at(page.model.rowCount() - 1)
    assert not again.redeemable and again.verdict.reason == "redeemed"
    status = page.model.data(page.model.index(page.model.rowCount() - 1, 4))
    assert status == "已于 2026-11-23 09:30 在 本站积分超市 由 王站长 核销，不能重复使用。"
    assert page.feedback.text() == status and page.feedback.state() == "error"
    assert "待核销 0 张" in page.total.text() and not page.redeem_button.isEnabled()


def test_a_forged_or_altered_voucher_is_refused(window, issued):
    page = window.redeem_page
    token = issued.vouchers[0].token
    altered = token[:60] + ("A" if token[60] != "A" else "B") + token[61:]
    window.show_page(REDEEM)
    scan(page.scan, altered)
    row = page.model.row_at(0)
    assert not row.redeemable
    assert "伪造" in page.model.data(page.model.index(0, 4))
    assert not page.redeem_button.isEnabled()


def test_a_damaged_code_can_be_typed_from_serial_and_check_code(window, issued, qtbot):
    page = window.redeem_page
    voucher = issued.vouchers[1]
    window.show_page(REDEEM)
    qtbot.keyClicks(page.serial, voucher.serial)
    qtbot.keyClicks(page.check_code, voucher.check_code)
    qtbot.keyClick(page.check_code, Qt.Key.Key_Return)
    assert page.model.rowCount() == 1 and page.model.row_at(0).verdict.points == 10


def test_a_clerk_cannot_void_a_voucher(clerk_desk, issued, answer, qtbot):
    window = open_window(clerk_desk, qtbot)
    assert window.sidebar_item(CORRECTIONS).isHidden()
    window.show_page(CORRECTIONS)
    assert window.current_page_key() != CORRECTIONS
    # Even if the page were reached, the service refuses and says why.
    page = CorrectionsPage(clerk_desk)
    qtbot.addWidget(page)
    page.voucher.setText(issued.vouchers[0].serial)
    page.void_reason.setText("测试")
    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    assert "需要管理员权限" in page.feedback.text()
    assert redemption.verify(clerk_desk.ctx, issued.vouchers[0].token).ok


def test_an_admin_voids_with_a_reason_and_a_confirmation(window, issued, answer, qtbot):
    window.show_page(CORRECTIONS)
    page = window.pages.currentWidget()
    assert isinstance(page, CorrectionsPage)
    serial = issued.vouchers[0].serial
    page.voucher.setText(issued.vouchers[0].token)  # scanned
    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    assert page.errors.text("reason") == "此操作必须填写理由。"
    answer.yes = False
    page.void_reason.setText("居民遗失")
    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    assert answer.asked[-1] == (f"确定作废兑换券 {serial}（持有人 张明月，面值 20 分）吗？"
                                "作废后不能恢复，20 分退回张明月。")
    assert redemption.verify(window.desk.ctx, issued.vouchers[0].token).ok  # refused: nothing done
    answer.yes = True
    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    assert page.feedback.text() == f"兑换券 {serial} 已作废，20 分已退回持有人（余额 20）"
    assert redemption.verify(window.desk.ctx, issued.vouchers[0].token).reason == "voided"


def test_an_admin_adjusts_points_after_confirming(window, resident, answer, qtbot):
    window.show_page(CORRECTIONS)
    page = window.pages.currentWidget()
    qtbot.keyClicks(page.resident, resident.resident_no)
    qtbot.keyClick(page.resident, Qt.Key.Key_Return)
    dialog = page.active_dialog()
    dialog.points.setValue(-3)
    qtbot.keyClicks(dialog.reason, "more")
    dialog.points.setValue(7)
    dialog.buttons.accepted.emit()
    assert "+7" in answer.asked[-1]
    assert page.feedback.text() == "张明月 +7 积分（调整），余额 7"
    assert ledger.balance(resident.id) == 7
