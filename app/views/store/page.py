"""The 积分超市 page: a sale at the keyboard on the left (``sale``), the items with their
stock on the right (low stock marked), receiving and stocktakes, each item's stock
history, and the last sale's receipt for the thermal printer. An admin adds, changes and
retires items here too (the buttons are hidden from other clerks; the services refuse
them anyway)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.services import station, store_items
from app.services.changes import Changes
from app.services.store import SaleResult
from app.services.store_items import ItemView
from app.views.common import widgets
from app.views.common.errors import message_for
from app.views.common.keys import with_shortcut
from app.views.common.page import Page, PageInfo
from app.views.documents import output
from app.views.shell.duty import Desk
from app.views.store.item_dialog import ItemDialog
from app.views.store.movements_dialog import MovementsDialog
from app.views.store.sale import SalePanel
from app.views.store.stock_dialog import RECEIVE, STOCKTAKE, StockDialog

LOW = QColor("#b3261e")
RETIRED = QColor("#6b6b6b")
ITEM_ROLE = Qt.ItemDataRole.UserRole  # the row's ItemView


class StorePage(Page):
    info = PageInfo("store", QT_TRANSLATE_NOOP("MainWindow", "积分超市"), order=120)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.add_title(self.tr("积分超市"))
        self.last_sale: SaleResult | None = None
        self.sale = SalePanel(desk, self)
        self.items = QStandardItemModel(0, 4, self)
        self.items.setHorizontalHeaderLabels([self.tr("商品"), self.tr("积分价"),
                                              self.tr("库存"), self.tr("捐赠方")])
        self.table = self.make_table(self.items, "storeItems")
        self.show_retired = QCheckBox(self.tr("显示已下架的商品"), objectName="storeShowRetired")
        self.receive_button = QPushButton(self.tr("入库…"), objectName="storeReceive")
        self.stocktake_button = QPushButton(self.tr("盘点…"), objectName="storeStocktake")
        self.history_button = QPushButton(self.tr("变动记录…"), objectName="storeHistory")
        self.add_button = QPushButton(self.tr("新增商品…"), objectName="storeAddItem")
        self.edit_button = QPushButton(self.tr("修改…"), objectName="storeEditItem")
        self.retire_button = QPushButton(self.tr("下架…"), objectName="storeRetireItem")
        self._keys()
        self.receipt_button = QPushButton(self.tr("打印小票 (Ctrl+P)"), objectName="storeReceipt")
        self.receipt_button.setEnabled(False)
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addWidget(self.show_retired)
        for row_buttons in ((self.receive_button, self.stocktake_button, self.history_button),
                            (self.add_button, self.edit_button, self.retire_button)):
            buttons = QHBoxLayout()
            for button in row_buttons:
                buttons.addWidget(button)
            right.addLayout(buttons)
        right.addWidget(self.receipt_button)
        row = QHBoxLayout()
        row.addWidget(self.sale, 3)
        row.addLayout(right, 2)
        self.column.addWidget(self.feedback)
        self.column.addLayout(row, 1)
        self.setFocusProxy(self.sale)
        self.receive_button.clicked.connect(lambda: self._open_stock(RECEIVE))
        self.stocktake_button.clicked.connect(lambda: self._open_stock(STOCKTAKE))
        self.history_button.clicked.connect(self._on_history_button_clicked)
        self.add_button.clicked.connect(lambda: self._open_item(None))
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.retire_button.clicked.connect(self._on_retire_button_clicked)
        self.show_retired.toggled.connect(self.refresh)
        self.receipt_button.clicked.connect(self.print_receipt)
        receipt = QShortcut(QKeySequence("Ctrl+P"), self, self.print_receipt)
        # Set apart: PySide6 ignores ``context=`` beside a callable.
        receipt.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.sale.sold.connect(self._on_sale_sold)
        desk.clerk_changed.connect(self._on_desk_clerk_changed)
        self._on_desk_clerk_changed(desk.actor)

    def _keys(self) -> None:
        """Ctrl+N, Ctrl+E and Ctrl+H on the page; Delete (retire) and Enter (history) on
        the items table. A hidden button's key does nothing: a clerk's Ctrl+N adds no item."""
        for button, keys in ((self.add_button, "Ctrl+N"), (self.edit_button, "Ctrl+E"),
                             (self.history_button, "Ctrl+H")):
            button.setShortcut(QKeySequence(keys))
            button.setToolTip(with_shortcut(button.text().rstrip("…"), keys))
        self.retire_button.setToolTip(with_shortcut(self.tr("下架"), "Delete"))
        for key, button in ((Qt.Key.Key_Delete, self.retire_button),
                            (Qt.Key.Key_Return, self.history_button),
                            (Qt.Key.Key_Enter, self.history_button)):
            shortcut = QShortcut(QKeySequence(key), self.table)
            # Only on the table: Enter in the sale's fields is the sale's own.
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda b=button: b.isVisible() and b.click())

    def _on_desk_clerk_changed(self, actor: object) -> None:
        self.sale.reset()
        for button in (self.add_button, self.edit_button, self.retire_button):
            button.setVisible(self.desk.is_admin)

    def concerns(self, changes: Changes, initiator: object) -> bool:
        return changes.settings or changes.vouchers

    def refresh(self) -> None:
        chosen = self._selected_item()
        self.items.removeRows(0, self.items.rowCount())
        for item in store_items.list_items(include_retired=self.show_retired.isChecked()):
            name = item.name if item.active else self.tr("{name}（已下架）").format(
                name=item.name)
            stock = str(item.stock) + (self.tr("（低库存）") if item.low and item.active
                                       else "")
            cells = [QStandardItem(name), QStandardItem(f"{item.points}/{item.unit}"),
                     QStandardItem(stock), QStandardItem(item.donor)]
            colour = (LOW if item.low else None) if item.active else RETIRED
            for cell in cells if colour else ():
                cell.setForeground(QBrush(colour))
            cells[0].setData(item, ITEM_ROLE)
            self.items.appendRow(cells)
            if item.name == chosen:
                self.table.selectRow(self.items.rowCount() - 1)

    def _selected(self) -> ItemView | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.items.item(index.row(), 0).data(ITEM_ROLE)

    def _selected_item(self) -> str:
        item = self._selected()
        return item.name if item else ""

    def _chosen(self) -> ItemView | None:
        """The selected item, or None with a word to the clerk to choose one."""
        item = self._selected()
        if item is None:
            self.feedback.show_error(self.tr("请先在右侧商品表中选择一件商品。"))
        return item

    def _open_item(self, item: ItemView | None) -> None:
        dialog = ItemDialog(self.desk, item, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reported.connect(self.feedback.show_ok)
        dialog.open()

    def _on_edit_button_clicked(self) -> None:
        item = self._chosen()
        if item is not None:
            self._open_item(item)

    def _on_history_button_clicked(self) -> None:
        item = self._chosen()
        if item is not None:
            dialog = MovementsDialog(item, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def _on_retire_button_clicked(self) -> None:
        item = self._chosen()
        if item is None:
            return
        if not item.active:
            self.feedback.show_info(self.tr("{name} 已经下架。").format(name=item.name))
            return
        question = self.tr("确定下架“{name}”吗？\n现有 {stock} {unit}；下架后不能再兑换，\n"
                           "它的兑换和库存记录都保留。").format(
            name=item.name, stock=item.stock, unit=item.unit)
        if not widgets.confirm(self, self.tr("下架商品"), question, self.tr("下架")):
            return
        ctx = self.desk.ctx
        self.desk.perform(self, lambda: store_items.retire_item(ctx, item.name),
                          lambda done: self.feedback.show_ok(
                              self.tr("已下架 {name}").format(name=done.name)),
                          lambda exc: self.feedback.show_error(message_for(exc)))

    def _open_stock(self, mode: str) -> None:
        dialog = StockDialog(self.desk, mode, self._selected_item(), self)
        dialog.reported.connect(self.feedback.show_ok)
        dialog.open()

    def _on_sale_sold(self, sale: SaleResult) -> None:
        self.last_sale = sale
        self.receipt_button.setEnabled(True)

    def print_receipt(self) -> None:
        """The last sale's receipt, previewed for the thermal printer."""
        from app.printing.jobs import Printout
        from app.printing.store_receipt import sale_receipt_pdf
        from app.views.documents.pdf_preview import PdfDialog

        sale, info, dots = self.last_sale, station.current(), output.thermal_width()
        if sale is None:
            return

        def render() -> output.Made:
            pdf = sale_receipt_pdf(sale, info, dots)
            return Printout([pdf], f"小票-{sale.uid[-8:]}.pdf", [""], [sale.resident], 1), ""

        dialog = PdfDialog(self.desk, self.tr("积分超市小票"), render, self)
        dialog.preview.layout = output.THERMAL
        dialog.open()
