"""A store sale at the keyboard: find the resident, add items by name or pinyin, scan
vouchers one after another (each acknowledged with its points), see what the vouchers
cover, what the balance pays and what comes back, and confirm with Enter on an empty
scan field. Nothing is written before the confirmation; the sale is one operation."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import ledger, residents, store, store_items
from app.services.context import new_request_id
from app.services.errors.store import VoucherNotNeeded
from app.services.residents import ResidentView
from app.services.store import SaleResult, Scanned
from app.views.common.errors import message_for
from app.views.common.widgets import Feedback, setup_table
from app.views.shell.duty import Desk

# "香皂*2", "xz 2", "毛巾×3": an item and how many.
_QUANTITY = re.compile(r"^(.*?)\s*(?:[*×xX]\s*|\s+)(\d+)$")


class SalePanel(QWidget):
    sold = Signal(object)  # the SaleResult

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.buyer: ResidentView | None = None
        self.cart: dict[int, list] = {}  # item id -> [name, quantity]
        self.scanned: list[Scanned] = []
        self.request_id = new_request_id()
        self.resident = QLineEdit(objectName="storeResident")
        self.resident.setPlaceholderText(self.tr("居民编号、卡号或姓名/拼音，回车查找"))
        self.who = QLabel(objectName="storeBuyer")
        self.who.setWordWrap(True)
        self.item = QLineEdit(objectName="storeItem")
        self.item.setPlaceholderText(self.tr("商品名称或拼音，可加数量如 xz*2；空白处回车转到扫券"))
        self.voucher = QLineEdit(objectName="storeVoucher")
        self.voucher.setPlaceholderText(self.tr("扫描积分超市兑换券，可连续扫描；空白处回车确认兑换"))
        self.from_balance = QCheckBox(self.tr("兑换券不够时从积分余额扣除差额(&B)"),
                                      objectName="storeFromBalance")
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("商品/兑换券"), self.tr("数量"),
                                              self.tr("积分")])
        self.lines = QTableView(objectName="storeCart")
        self.lines.setModel(self.model)
        setup_table(self.lines)
        self.summary = QLabel(objectName="storeSummary")
        self.summary.setWordWrap(True)  # a long refusal must not widen the window
        self.feedback = Feedback()
        self.confirm = QPushButton(self.tr("确认兑换"), objectName="storeConfirm")
        self.clear = QPushButton(self.tr("清空"), objectName="storeClear")
        form = QFormLayout()
        form.addRow(self.tr("居民"), self.resident)
        form.addRow("", self.who)
        form.addRow(self.tr("商品"), self.item)
        form.addRow(self.tr("兑换券"), self.voucher)
        form.addRow("", self.from_balance)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.clear)
        bottom.addWidget(self.confirm)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.feedback)
        column.addWidget(self.lines, 1)
        column.addLayout(bottom)
        self.setFocusProxy(self.resident)
        self.resident.returnPressed.connect(self._on_resident_return_pressed)
        self.item.returnPressed.connect(self._on_item_return_pressed)
        self.voucher.returnPressed.connect(self._on_voucher_return_pressed)
        self.from_balance.toggled.connect(self._update)
        self.confirm.clicked.connect(self.sell)
        self.clear.clicked.connect(self.reset)
        self._update()

    def reset(self) -> None:
        self.buyer, self.cart, self.scanned = None, {}, []
        self.request_id = new_request_id()
        for field in (self.resident, self.item, self.voucher):
            field.clear()
        self.who.clear()
        self.from_balance.setChecked(False)
        self.feedback.clear_message()
        self._update()
        self.resident.setFocus()

    def _on_resident_return_pressed(self) -> None:
        try:
            self.buyer = residents.resolve(self.resident.text())
        except Exception as exc:  # noqa: BLE001 - not found, ambiguous, archived
            self.feedback.show_error(message_for(exc))
            return
        self.scanned = []
        self.who.setText(self.tr("{name}（{no}），积分余额 {balance} 分").format(
            name=self.buyer.name, no=self.buyer.resident_no,
            balance=ledger.balance(self.buyer.id)))
        self.feedback.clear_message()
        self._update()
        self.item.setFocus()

    def _on_item_return_pressed(self) -> None:
        typed = self.item.text().strip()
        if not typed:
            self.voucher.setFocus()
            return
        match = _QUANTITY.match(typed)
        name, quantity = (match.group(1), int(match.group(2))) if match else (typed, 1)
        try:
            item = store_items.find(name)
        except Exception as exc:  # noqa: BLE001 - none or several fit
            self.feedback.show_error(message_for(exc))
            return
        line = self.cart.setdefault(item.id, [item.name, 0])
        line[1] += quantity
        self.item.clear()
        self.feedback.show_info(self.tr("已加入 {name} ×{quantity}（{points} 分/{unit}）").format(
            name=item.name, quantity=quantity, points=item.points, unit=item.unit))
        self._update()

    def _on_voucher_return_pressed(self) -> None:
        token = self.voucher.text().strip()
        self.voucher.clear()
        if not token:
            self.sell()
            return
        if self.buyer is None:
            self.feedback.show_error(self.tr("请先查找居民。"))
            self.resident.setFocus()
            return
        try:
            scanned = store.check_voucher(self.desk.ctx, self.buyer.id, token,
                                          tuple(s.serial for s in self.scanned))
        except Exception as exc:  # noqa: BLE001 - a refused voucher is shown, not raised
            self.feedback.show_error(message_for(exc))
            return
        self.scanned.append(scanned)
        try:
            self.plan()
        except VoucherNotNeeded as exc:  # handed back at once, not left on the sale
            self.scanned.pop()
            self.feedback.show_error(message_for(VoucherNotNeeded(
                serial=scanned.serial, total=exc.data["total"])))
            return
        except Exception:  # noqa: BLE001, S110 - the summary says what else is wrong
            pass
        self.feedback.show_ok(self.tr("兑换券 {serial}：{points} 分").format(
            serial=scanned.serial, points=scanned.points))
        self._update()

    def _items(self) -> list[tuple[str, int]]:
        return [(name, quantity) for name, quantity in self.cart.values()]

    def plan(self) -> store.Plan | None:
        if self.buyer is None or not self.cart:
            return None
        return store.plan(self.desk.ctx, self.buyer.id, self._items(),
                          [s.token for s in self.scanned],
                          True if self.from_balance.isChecked() else None)

    def _update(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        try:
            plan = self.plan()
        except Exception as exc:  # noqa: BLE001 - e.g. a voucher the sale does not need
            plan = None
            self.summary.setText(message_for(exc))
        for name, quantity, points in self._rows(plan):
            self.model.appendRow([QStandardItem(name), QStandardItem(quantity),
                                  QStandardItem(points)])
        if plan is not None:
            self.summary.setText(self.tr(
                "合计 {total} 分｜兑换券 {covered} 分｜余额扣 {balance} 分｜退回积分 {returned} 分"
                "{short}").format(total=plan.total, covered=plan.covered,
                                  balance=plan.from_balance, returned=plan.returned,
                                  short=self.tr("｜还差 {n} 分").format(n=plan.short)
                                  if plan.short else ""))
        elif self.buyer is None or not self.cart:
            self.summary.setText(self.tr("先查找居民，再加入商品。"))
        self.confirm.setEnabled(plan is not None and not plan.short)

    def _rows(self, plan: store.Plan | None) -> list[tuple[str, str, str]]:
        if plan is not None:
            rows = [(line.name, str(line.quantity), str(line.points)) for line in plan.lines]
        else:
            rows = [(name, str(quantity), "") for name, quantity in self.cart.values()]
        return rows + [(self.tr("兑换券 {serial}").format(serial=s.serial), "",
                        f"-{s.points}") for s in self.scanned]

    def sell(self) -> None:
        try:
            plan = self.plan()
        except Exception as exc:  # noqa: BLE001
            self.feedback.show_error(message_for(exc))
            return
        if plan is None or plan.short:
            self.feedback.show_error(self.summary.text() if plan else
                                     self.tr("先查找居民，再加入商品。"))
            return
        ctx, buyer, items = self.desk.ctx, self.buyer.id, self._items()
        tokens = [s.token for s in self.scanned]
        rest = True if self.from_balance.isChecked() else None
        rid = self.request_id
        self.confirm.setEnabled(False)
        self.desk.perform(self, lambda: store.sell(ctx, buyer, items, tokens, rest,
                                                   request_id=rid),
                          self._on_sold, self._on_failed, progress=self.tr("正在兑换…"))

    def _on_sold(self, sale: SaleResult) -> None:
        self.reset()
        self.feedback.show_ok(self.tr(
            "已兑换：{resident} 合计 {total} 分，退回积分 {returned} 分，现有积分 {balance} 分"
        ).format(resident=sale.resident, total=sale.points_charged,
                 returned=sale.returned_points, balance=sale.balance))
        self.sold.emit(sale)

    def _on_failed(self, exc: BaseException) -> None:
        self.request_id = new_request_id()  # what the clerk changes next is a new request
        self.feedback.show_error(message_for(exc))
        self._update()
