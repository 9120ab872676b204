"""An item's stock history, newest first: when, what (received, donated, sold, counted),
the signed quantity, the stock after it, its particulars (donor, cost, reason) and
the clerk. Read only; Esc closes it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.services import store_stock
from app.services.store_items import ItemView
from app.services.store_stock import MovementRow
from app.views.common.widgets import table_view

LIMIT = 200  # a year of a busy item's sales; older ones stay in the database
KINDS = {"receive": QT_TRANSLATE_NOOP("MovementsDialog", "入库"),
         "donation": QT_TRANSLATE_NOOP("MovementsDialog", "捐赠"),
         "sale": QT_TRANSLATE_NOOP("MovementsDialog", "兑换"),
         "stocktake": QT_TRANSLATE_NOOP("MovementsDialog", "盘点")}
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class MovementsModel(QStandardItemModel):
    STRETCH = frozenset({4})  # the particulars take what the other columns leave


class MovementsDialog(QDialog):
    def __init__(self, item: ItemView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("库存变动：{name}").format(name=item.name))
        self.model = MovementsModel(0, 6, self)
        self.model.setHorizontalHeaderLabels([
            self.tr("时间"), self.tr("类型"), self.tr("数量"), self.tr("结存"),
            self.tr("捐赠方、金额、原因"), self.tr("经办人")])
        rows = store_stock.movements(item.name, limit=LIMIT)
        for row in rows:
            self.model.appendRow(self._cells(row))
        summary = self.tr("现有 {stock} {unit}；共 {count} 条变动，最新的在上。").format(
            stock=item.stock, unit=item.unit, count=len(rows))
        if len(rows) == LIMIT:
            summary = self.tr("现有 {stock} {unit}；列出最近 {count} 条变动，最新的在上。").format(
                stock=item.stock, unit=item.unit, count=len(rows))
        self.summary = QLabel(summary, objectName="movementsSummary")
        self.summary.setWordWrap(True)
        self.table = table_view(self.model, "storeMovements")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(self.table, 1)
        column.addWidget(buttons)
        self.resize(720, 420)
        self.table.setFocus()
        if rows:
            self.table.selectRow(0)

    def _cells(self, row: MovementRow) -> list[QStandardItem]:
        kind = "donation" if row.kind == "receive" and row.donor else row.kind
        label = KINDS.get(kind)
        cells = [QStandardItem(row.at.strftime("%Y-%m-%d %H:%M")),
                 QStandardItem(QCoreApplication.translate("MovementsDialog", label)
                               if label else row.kind),
                 QStandardItem(f"{row.quantity:+d}"), QStandardItem(str(row.stock_after)),
                 QStandardItem(self._particulars(row)), QStandardItem(row.clerk)]
        for cell in cells[2:4]:
            cell.setTextAlignment(RIGHT)
        return cells

    def _particulars(self, row: MovementRow) -> str:
        parts = []
        if row.donor:
            parts.append(self.tr("捐赠方：{donor}").format(donor=row.donor))
        if row.cost_fen is not None:
            parts.append(self.tr("金额 {yuan} 元").format(yuan=f"{row.cost_fen / 100:.2f}"))
        if row.reason:
            parts.append(self.tr("原因：{reason}").format(reason=row.reason))
        if row.buyer:
            parts.append(self.tr("兑换人：{buyer}").format(buyer=row.buyer))
        return self.tr("；").join(parts)
