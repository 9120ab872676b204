"""The 商户结算 page from the keyboard: make a month's statement, approve it after the
confirmation, mark it paid into the fund; the fund tab warns when the fund falls short."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services import fund, merchants, redemption, settlement, vouchers

from .conftest import open_window, type_text

pytestmark = pytest.mark.gui
SHOP = "红星理发店"


@pytest.fixture
def redeemed(ctx, resident):
    from app.services import ledger

    ledger.adjust(ctx, resident.id, 100, "测试入账")
    merchants.add(ctx, SHOP, merchants.Details(phone="0512-1234567", terms="最多抵一半"))
    issued = vouchers.issue(ctx, resident.id, 35, denominations=[20, 10, 5], scope="merchant",
                            merchant=SHOP).vouchers
    for v in issued:
        redemption.redeem(ctx, v.token, SHOP)
    fund.contribute(ctx, "30", "幸福里社区党委")
    return issued


def test_make_approve_and_pay_by_keyboard(desk, redeemed, answer, qtbot, tmp_path):
    window = open_window(desk, qtbot)
    window.show_page("settlement")
    page = window.page_by_key["settlement"]
    tab = page.statements
    assert page.tabs.currentWidget() is tab and tab.merchant.currentText() == SHOP
    tab.month.setFocus()
    tab.month.selectAll()
    type_text(tab.month, "2026-11")
    QTest.keyClick(tab.month, Qt.Key.Key_Return)
    made = settlement.statements()[0]
    assert (made.state, made.vouchers, made.amount) == ("draft", 3, "35.00")
    assert tab.approve_button.hasFocus() and tab.selected().number == made.number
    QTest.keyClick(tab.approve_button, Qt.Key.Key_Space)
    assert made.number in answer.asked[0] and "不能再修改" in answer.asked[0]
    assert settlement.find(made.number).state == "approved"
    assert tab.reference.hasFocus()
    type_text(tab.reference, "转账001")
    QTest.keyClick(tab.reference, Qt.Key.Key_Return)
    assert settlement.find(made.number).state == "paid"
    assert fund.balance() == 3000 - 3500
    window.resize(1100, 720)
    page.tabs.setCurrentWidget(page.fund)
    assert "缺口 5.00 元" in page.fund.warning.text()
    assert page.fund.model.rowCount() == 2
    page.grab().save(str(tmp_path / "settlement-fund.png"))


def test_refused_approval_changes_nothing(desk, redeemed, answer, qtbot):
    window = open_window(desk, qtbot)
    window.show_page("settlement")
    tab = window.page_by_key["settlement"].statements
    QTest.keyClick(tab.month, Qt.Key.Key_Return)
    answer.yes = False
    QTest.keyClick(tab.approve_button, Qt.Key.Key_Space)
    assert settlement.statements()[0].state == "draft"


def test_a_clerk_has_no_settlement_page(clerk_desk, qtbot):
    window = open_window(clerk_desk, qtbot)
    assert window.sidebar_item("settlement").isHidden()


def test_add_edit_and_suspend_a_merchant(desk, answer, qtbot):
    window = open_window(desk, qtbot)
    window.show_page("settlement")
    page = window.page_by_key["settlement"]
    page.tabs.setCurrentWidget(page.merchants)
    tab = page.merchants
    tab.name.setFocus()
    type_text(tab.name, "新华书店")
    type_text(tab.fields["phone"], "0512-8888")
    type_text(tab.agreement_to, "2026-12-31")
    QTest.keyClick(tab.agreement_to, Qt.Key.Key_Return)
    row = merchants.rows()[0]
    assert (row.name, row.details.phone, str(row.details.agreement_to)) == (
        "新华书店", "0512-8888", "2026-12-31")
    tab.table.selectRow(0)
    tab.agreement_from.setText("2027-01-01")  # after the end: refused, nothing saved
    QTest.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert page.feedback.state() == "error" and merchants.rows()[0].details.agreement_from is None
    QTest.mouseClick(tab.toggle_button, Qt.MouseButton.LeftButton)
    assert "新华书店" in answer.asked[0] and not merchants.rows()[0].active
    # Still settled for the vouchers it took before the suspension.
    assert page.statements.merchant.currentText() == "新华书店"


def test_contribution_with_donor_by_keyboard(desk, qtbot):
    window = open_window(desk, qtbot)
    window.show_page("settlement")
    page = window.page_by_key["settlement"]
    page.tabs.setCurrentWidget(page.fund)
    tab = page.fund
    for field, typed in ((tab.amount, "1200.50"), (tab.source, "幸福里社区党委"),
                         (tab.budget_line, "党建经费"), (tab.donor, "王书记")):
        field.setFocus()
        type_text(field, typed)
    QTest.keyClick(tab.donor, Qt.Key.Key_Return)
    entry = fund.book().rows[0][0]
    assert (entry.amount_fen, entry.source, entry.donor) == (120050, "幸福里社区党委", "王书记")
    tab.refresh()
    columns = [tab.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(tab.model.columnCount())]
    assert tab.model.index(0, columns.index("捐赠人")).data() == "王书记"
    assert tab.donor.text() == "" and "1200.50" in tab.feedback.text()
