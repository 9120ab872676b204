"""The 积分超市 page's items at the keyboard: an admin adds one (Ctrl+N), changes its price
(Ctrl+E), retires it after a question (Delete); a refusal stays in the dialog and writes
nothing; a clerk sees none of it; Enter on an item lists its stock movements."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.models import StockMovement, StoreItem
from app.services import ledger, store, store_items, store_stock
from app.services.store_items import ItemInput
from app.views.store.item_dialog import ItemDialog
from app.views.store.movements_dialog import MovementsDialog

from .conftest import open_window, type_text

pytestmark = pytest.mark.gui

STORE = "store"


def focused():
    return QApplication.focusWidget()


def settle(widget) -> None:
    """Wait until ``widget`` has the keyboard (a dialog takes it a moment after it shows)."""
    for _ in range(100):
        if focused() is widget:
            return
        QTest.qWait(10)
    assert focused() is widget, focused()


def key(k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), k, modifier)


def store_page(window):
    window.show_page(STORE)
    return window.page_by_key[STORE]


def dialog_of(kind):
    """The dialog that opened (a button's shortcut clicks it a moment after the key)."""
    for _ in range(100):
        if isinstance(QApplication.activeModalWidget(), kind):
            break
        QTest.qWait(10)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, kind), dialog
    return dialog


def select_item(page, name: str) -> None:
    """From the page, the keyboard on the items table, Down to the row of ``name``."""
    page.table.setFocus()
    settle(page.table)
    for _ in range(page.items.rowCount()):
        key(Qt.Key.Key_Down)
        if page._selected_item() == name:
            return
    raise AssertionError(f"{name} is not in the table")


@pytest.fixture
def soap(ctx):
    return store_items.add_item(ctx, ItemInput("香皂", 5, stock=10))


def stored():
    return StoreItem.select().count(), StockMovement.select().count()


def test_an_admin_adds_an_item_with_its_opening_stock(window, soap):
    page = store_page(window)
    key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = dialog_of(ItemDialog)
    settle(dialog.name)
    type_text(focused(), "洗衣皂")
    key(Qt.Key.Key_Tab)
    assert focused() is dialog.kind
    for typed in ("8", "块", "日用品", "爱心超市", "2", "6"):
        key(Qt.Key.Key_Tab)
        type_text(focused(), typed)
    assert focused() is dialog.stock
    key(Qt.Key.Key_Return)
    item = store_items.find("洗衣皂")
    assert (item.points, item.unit, item.category, item.donor, item.low_stock, item.stock,
            item.kind) == (8, "块", "日用品", "爱心超市", 2, 6, "goods")
    assert "已新增 洗衣皂" in page.feedback.text()
    assert "洗衣皂" in [page.items.item(r, 0).text() for r in range(page.items.rowCount())]
    [moved] = store_stock.movements("洗衣皂")
    assert (moved.kind, moved.quantity, moved.donor) == ("receive", 6, "爱心超市")


def test_an_admin_changes_a_price(window, soap):
    page = store_page(window)
    select_item(page, "香皂")
    key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = dialog_of(ItemDialog)
    settle(dialog.name)
    assert (dialog.points.text(), dialog.stock.isVisible()) == ("5", False)
    key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_Tab)
    assert focused() is dialog.points and dialog.points.selectedText() == "5"
    QTest.keyClicks(focused(), "7")
    key(Qt.Key.Key_Return)
    item = store_items.find("香皂")
    assert (item.points, item.stock) == (7, 10)
    assert page.items.item(0, 1).text() == "7/件" and "已保存 香皂" in page.feedback.text()


def test_refusals_stay_in_the_dialog_and_write_nothing(window, soap):
    page = store_page(window)
    before = stored()
    page.add_button.click()
    dialog = dialog_of(ItemDialog)
    settle(dialog.name)
    type_text(dialog.name, "香皂")
    QTest.keyClicks(dialog.points, "3")
    key(Qt.Key.Key_Return)
    assert dialog.isVisible() and "已有商品“香皂”" in dialog.errors.text("name")
    assert focused() is dialog.name
    type_text(dialog.name, "肥皂")  # the name was selected: typing replaces it
    dialog.points.setFocus()
    dialog.points.selectAll()
    QTest.keyClicks(dialog.points, "abc")
    key(Qt.Key.Key_Return)
    assert "积分价须为 1 到 100000 之间的整数" in dialog.errors.text("points")
    assert dialog.errors.text("name") == "" and focused() is dialog.points
    assert stored() == before
    key(Qt.Key.Key_Escape)
    assert not dialog.isVisible() and stored() == before


def answer_box(button_text: str, seen: list) -> None:
    """At the question: press the button named ``button_text`` from the keyboard."""
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    seen.append(box.text())
    if button_text == "Esc":
        QTest.keyClick(box, Qt.Key.Key_Escape)
        return
    [button] = [b for b in box.buttons() if b.text() == button_text]
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)


def test_retiring_asks_first_and_keeps_the_history(window, soap):
    page = store_page(window)
    select_item(page, "香皂")
    seen: list = []
    QTimer.singleShot(0, lambda: answer_box("Esc", seen))
    key(Qt.Key.Key_Delete)
    assert "确定下架“香皂”吗" in seen[0] and "现有 10 件" in seen[0]
    assert store_items.find("香皂").active
    assert window.focusWidget() is page.table  # back on the item, still chosen
    window.activateWindow()  # what the window manager does when the question closes
    settle(page.table)
    QTimer.singleShot(0, lambda: answer_box("下架", seen))
    key(Qt.Key.Key_Delete)
    assert len(seen) == 2 and not StoreItem.get(StoreItem.name == "香皂").active
    assert page.items.rowCount() == 0 and "已下架 香皂" in page.feedback.text()
    page.show_retired.click()
    assert page.items.item(0, 0).text() == "香皂（已下架）"
    assert [m.quantity for m in store_stock.movements("香皂")] == [10]


def test_a_clerk_can_neither_see_nor_reach_the_item_actions(clerk_desk, soap, qtbot):
    window = open_window(clerk_desk, qtbot)
    page = store_page(window)
    assert not any(b.isVisible() for b in (page.add_button, page.edit_button,
                                           page.retire_button))
    assert page.history_button.isVisible() and page.receive_button.isVisible()
    before = stored()
    key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    QTest.qWait(300)  # longer than a button's shortcut takes to click it
    assert QApplication.activeModalWidget() is None
    select_item(page, "香皂")
    key(Qt.Key.Key_Delete)
    assert QApplication.activeModalWidget() is None and stored() == before
    # Reached some other way, the service still refuses, and says so in the dialog.
    dialog = ItemDialog(clerk_desk, None, page)
    dialog.open()
    type_text(dialog.name, "肥皂")
    QTest.keyClicks(dialog.points, "3")
    dialog.save_button.click()
    assert "管理员" in dialog.feedback.text() and dialog.isVisible()
    assert stored() == before
    dialog.reject()


def test_the_history_of_a_receipt_a_sale_and_a_stocktake(window, ctx, resident):
    store_items.add_item(ctx, ItemInput("毛巾", 12, donor="爱心超市", stock=3))
    ledger.adjust(ctx, resident.id, 40, "期初余额")
    store_stock.receive(ctx, "毛巾", 5, cost_yuan="12.50")
    store.sell(ctx, resident.id, [("毛巾", 2)], [])
    store_stock.stocktake(ctx, "毛巾", 5, "破损 1 条")
    page = store_page(window)
    select_item(page, "毛巾")
    key(Qt.Key.Key_Return)
    dialog = dialog_of(MovementsDialog)
    rows = [[dialog.model.item(r, c).text() for c in range(1, 6)]
            for r in range(dialog.model.rowCount())]
    assert rows == [["盘点", "-1", "5", "原因：破损 1 条", "王站长"],
                    ["兑换", "-2", "6", f"兑换人：{resident.name}（{resident.resident_no}）",
                     "王站长"],
                    ["入库", "+5", "8", "金额 12.50 元", "王站长"],
                    ["捐赠", "+3", "3", "捐赠方：爱心超市", "王站长"]]
    assert dialog.model.item(0, 0).text() == "2026-11-23 09:30"
    assert "现有 5 条" not in dialog.summary.text() and "现有 5 件" in dialog.summary.text()
    settle(dialog.table)
    key(Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_delete_and_enter_in_the_sale_stay_the_sale_s(window, soap, answer):
    """The list's Delete (retire) and Enter (history) act on the list alone: in the sale's
    fields Delete edits the text and Enter moves the sale on."""
    page = store_page(window)
    select_item(page, "香皂")
    page.sale.item.setFocus()
    settle(page.sale.item)
    QTest.keyClicks(focused(), "xz")
    key(Qt.Key.Key_Home)
    key(Qt.Key.Key_Delete)
    assert page.sale.item.text() == "z" and answer.asked == []
    key(Qt.Key.Key_Return)
    QTest.qWait(50)
    assert QApplication.activeModalWidget() is None and store_items.find("香皂").active
