"""The 积分超市 page at the keyboard: find the resident, add items by pinyin, scan three
store vouchers (each acknowledged with its points), confirm with Enter; the receipt is
ready to print and the low stock is marked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.services import ledger, store_items, tokens, vouchers
from app.services.store_items import ItemInput

from .conftest import scan_into_focus

pytestmark = pytest.mark.gui

STORE = "store"


@pytest.fixture
def stocked(ctx, resident):
    store_items.add_item(ctx, ItemInput("香皂", 5, stock=10))
    store_items.add_item(ctx, ItemInput("毛巾", 12, stock=2, low_stock=2))
    ledger.adjust(ctx, resident.id, 40, "期初余额")
    return [v.token for v in vouchers.issue(ctx, resident.id, 35, [20, 10, 5],
                                            scope="store").vouchers]


def focused():
    return QApplication.focusWidget()


def test_a_sale_with_three_scanned_vouchers_keyboard_only(window, resident, stocked, qtbot):
    window.show_page(STORE)
    page = window.page_by_key[STORE]
    assert focused() is page.sale.resident
    scan_into_focus(resident.resident_no)
    assert "张明月" in page.sale.who.text() and focused() is page.sale.item
    scan_into_focus("xz*4")  # 香皂 ×4 = 20
    scan_into_focus("mj")  # 毛巾 ×1 = 12
    QTest.keyClick(focused(), Qt.Key.Key_Return)  # empty: on to the vouchers
    assert focused() is page.sale.voucher
    for token, points in zip(stocked, (20, 10, 5), strict=True):
        scan_into_focus(token)
        assert f"{points} 分" in page.sale.feedback.text()
    assert "合计 32 分｜兑换券 35 分｜余额扣 0 分｜退回积分 3 分" in page.sale.summary.text()
    QTest.keyClick(focused(), Qt.Key.Key_Return)  # empty: confirm
    assert "退回积分 3 分" in page.sale.feedback.text(), page.sale.feedback.text()
    assert ledger.balance(resident.id) == 5 + 3
    assert store_items.find("香皂").stock == 6 and store_items.find("毛巾").stock == 1
    assert page.receipt_button.isEnabled() and page.last_sale.returned_points == 3
    low = [page.items.item(r, 2).text() for r in range(page.items.rowCount())]
    assert "1（低库存）" in low
    assert focused() is page.sale.resident  # ready for the next resident


def test_a_voucher_of_another_resident_is_refused_on_scan(window, ctx, resident, stocked):
    from app.services import residents
    from app.services.residents import ResidentInput

    other = residents.register(ctx, ResidentInput(name="李四"))
    window.show_page(STORE)
    page = window.page_by_key[STORE]
    scan_into_focus(other.resident_no)
    scan_into_focus("xz")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    scan_into_focus(stocked[0])
    assert "属于" in page.sale.feedback.text() and page.sale.scanned == []


def test_a_voucher_the_sale_does_not_need_is_handed_back(window, resident, stocked):
    window.show_page(STORE)
    page = window.page_by_key[STORE]
    scan_into_focus(resident.resident_no)
    scan_into_focus("xz")  # 5 points
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    scan_into_focus(stocked[2])  # 5: pays it all
    scan_into_focus(stocked[1])  # 10: not needed
    assert "还给居民" in page.sale.feedback.text()
    assert tokens.parse(stocked[1])[0].serial in page.sale.feedback.text()
    assert [s.points for s in page.sale.scanned] == [5]


def test_receiving_and_counting_from_the_page(window, stocked, qtbot):
    from app.views.store.stock_dialog import StockDialog

    window.show_page(STORE)
    page = window.page_by_key[STORE]
    page.table.selectRow(0)  # 毛巾, low
    qtbot.mouseClick(page.receive_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(StockDialog)
    assert dialog.item.currentData() == "毛巾"
    QTest.keyClicks(dialog.quantity, "5")
    QTest.keyClicks(dialog.cost, "30")
    QTest.keyClick(dialog.quantity, Qt.Key.Key_Return)
    assert store_items.find("毛巾").stock == 7
    assert "现有 7" in page.feedback.text()
    assert page.items.item(0, 2).text() == "7"


def test_ctrl_p_in_the_sale_previews_the_receipt(window, resident, stocked, printer, qtbot):
    from app.views.documents.pdf_preview import PdfDialog

    window.show_page(STORE)
    page = window.page_by_key[STORE]
    scan_into_focus(resident.resident_no)
    scan_into_focus("xz")
    QTest.keyClick(focused(), Qt.Key.Key_Return)  # on to the vouchers
    QTest.keyClick(focused(), Qt.Key.Key_Return)  # none: 5 points from the balance
    assert page.last_sale is not None and focused() is page.sale.resident
    QTest.keyClick(focused(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PdfDialog))
    QApplication.activeModalWidget().reject()
