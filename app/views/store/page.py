"""The 积分超市 page: a sale at the keyboard on the left (``sale``), the items with their
stock on the right (low stock marked), receiving and stocktakes, and the last sale's
receipt for the thermal printer."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.services import station, store_items
from app.services.changes import Changes
from app.services.store import SaleResult
from app.views.common.page import Page, PageInfo
from app.views.documents import output
from app.views.shell.duty import Desk
from app.views.store.sale import SalePanel
from app.views.store.stock_dialog import RECEIVE, STOCKTAKE, StockDialog

LOW = QColor("#b3261e")


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
        self.receive_button = QPushButton(self.tr("入库…"), objectName="storeReceive")
        self.stocktake_button = QPushButton(self.tr("盘点…"), objectName="storeStocktake")
        self.receipt_button = QPushButton(self.tr("打印小票 (Ctrl+P)"), objectName="storeReceipt")
        self.receipt_button.setEnabled(False)
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for button in (self.receive_button, self.stocktake_button):
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
        self.receipt_button.clicked.connect(self.print_receipt)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_receipt,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.sale.sold.connect(self._on_sale_sold)
        desk.clerk_changed.connect(lambda actor: self.sale.reset())

    def concerns(self, changes: Changes, initiator: object) -> bool:
        return changes.settings or changes.vouchers

    def refresh(self) -> None:
        self.items.removeRows(0, self.items.rowCount())
        for item in store_items.list_items():
            cells = [QStandardItem(item.name), QStandardItem(f"{item.points}/{item.unit}"),
                     QStandardItem(str(item.stock) + (self.tr("（低库存）") if item.low else "")),
                     QStandardItem(item.donor)]
            if item.low:
                for cell in cells:
                    cell.setForeground(QBrush(LOW))
            cells[0].setData(item.name, Qt.ItemDataRole.UserRole)
            self.items.appendRow(cells)

    def _selected_item(self) -> str:
        index = self.table.currentIndex()
        if not index.isValid():
            return ""
        return self.items.item(index.row(), 0).data(Qt.ItemDataRole.UserRole) or ""

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
