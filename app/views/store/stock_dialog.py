"""Receiving stock (bought, with its cost, or donated) and a stocktake (the count and why
it differs), each one write through the desk."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import store_items, store_stock
from app.services.context import new_request_id
from app.services.store_stock import Moved
from app.views.common.errors import message_for
from app.views.common.page import ReportingDialog
from app.views.common.widgets import Feedback
from app.views.shell.duty import Desk

RECEIVE, STOCKTAKE = "receive", "stocktake"


class StockDialog(ReportingDialog):
    def __init__(self, desk: Desk, mode: str, item_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.mode = desk, mode
        self.request_id = new_request_id()
        self.setWindowTitle(self.tr("入库") if mode == RECEIVE else self.tr("盘点"))
        self.item = QComboBox(objectName="stockItem")
        for item in store_items.list_items():
            self.item.addItem(self.tr("{name}（现有 {stock}）").format(
                name=item.name, stock=item.stock), item.name)
        self.item.setCurrentIndex(max(self.item.findData(item_name), 0))
        self.quantity = QLineEdit(objectName="stockQuantity")
        self.donor = QLineEdit(objectName="stockDonor")
        self.cost = QLineEdit(objectName="stockCost")
        self.reason = QLineEdit(objectName="stockReason")
        self.feedback = Feedback()
        form = QFormLayout()
        form.addRow(self.tr("商品"), self.item)
        if mode == RECEIVE:
            form.addRow(self.tr("入库数量"), self.quantity)
            form.addRow(self.tr("捐赠方（捐赠时填）"), self.donor)
            form.addRow(self.tr("采购金额（元，采购时填）"), self.cost)
        else:
            form.addRow(self.tr("清点数量"), self.quantity)
            form.addRow(self.tr("差异原因"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.feedback)
        column.addWidget(buttons)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        self.quantity.setFocus()

    def _on_buttons_accepted(self) -> None:
        ctx, item, rid = self.desk.ctx, self.item.currentData(), self.request_id
        quantity = self.quantity.text()
        if self.mode == RECEIVE:
            donor, cost = self.donor.text(), self.cost.text()
            def work() -> Moved:
                return store_stock.receive(ctx, item, quantity, donor, cost, request_id=rid)
        else:
            reason = self.reason.text()
            def work() -> Moved:
                return store_stock.stocktake(ctx, item, quantity, reason, request_id=rid)
        self.desk.perform(self, work, self._on_done, self._on_failed)

    def _on_done(self, moved: Moved) -> None:
        self.reported.emit(self.tr("{item} 现有 {stock} {unit}").format(
            item=moved.item, stock=moved.stock, unit=moved.unit))
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.request_id = new_request_id()
        self.feedback.show_error(message_for(exc))
