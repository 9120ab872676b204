"""Admin: corrections — void an unredeemed voucher (its points go back to the holder)
and adjust a resident's points. Both need a reason and a confirmation."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.services import redemption, residents, tokens, vouchers
from app.services.context import new_request_id
from app.services.redemption import VoidResult
from app.views.common import widgets
from app.views.common.errors import message_for
from app.views.common.page import Page, PageInfo
from app.views.common.widgets import FieldErrors, button_row, error_label
from app.views.shell.duty import Desk


class CorrectionsPage(Page):
    info = PageInfo("corrections", QT_TRANSLATE_NOOP("MainWindow", "作废与调整"), order=60,
                    admin_only=True)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self._dialog: QDialog | None = None
        self.add_title(self.tr("作废与调整"))
        self.errors = FieldErrors(self.feedback)
        self.column.addWidget(self.feedback)
        self.column.addWidget(self._void_box())
        self.column.addWidget(self._adjust_box())
        self.column.addStretch(1)
        self.void_button.clicked.connect(self._on_void_button_clicked)
        self.void_reason.returnPressed.connect(self._on_void_button_clicked)
        self.adjust_button.clicked.connect(self._on_adjust_button_clicked)
        self.resident.returnPressed.connect(self._on_adjust_button_clicked)

    def _void_box(self) -> QGroupBox:
        self.voucher = QLineEdit()
        self.voucher.setObjectName("voidVoucher")
        self.voucher.setPlaceholderText(self.tr("扫描兑换券，或输入券号"))
        self.void_reason = QLineEdit()
        self.void_reason.setObjectName("voidReason")
        self.void_reason.setPlaceholderText(self.tr("必填，例如：居民遗失，申请作废"))
        self.void_button = QPushButton(self.tr("作废兑换券"))
        self.void_button.setObjectName("voidButton")
        voucher_error, reason_error = error_label(), error_label()
        self.errors.add("voucher", self.voucher, voucher_error)
        self.errors.add("reason", self.void_reason, reason_error)
        void_box = QGroupBox(self.tr("作废兑换券（积分退回持有人）"))
        void_form = QFormLayout(void_box)
        void_form.addRow(self.tr("兑换券"), self.voucher)
        void_form.addRow("", voucher_error)
        void_form.addRow(self.tr("理由"), self.void_reason)
        void_form.addRow("", reason_error)
        void_form.addRow(button_row(self.void_button))
        return void_box

    def _adjust_box(self) -> QGroupBox:
        self.resident = QLineEdit()
        self.resident.setObjectName("adjustResident")
        self.resident.setPlaceholderText(self.tr("居民编号、卡号或姓名"))
        self.adjust_button = QPushButton(self.tr("调整积分…"))
        resident_error = error_label()
        self.errors.add("resident", self.resident, resident_error)
        adjust_box = QGroupBox(self.tr("调整居民积分"))
        adjust_form = QFormLayout(adjust_box)
        adjust_form.addRow(self.tr("居民"), self.resident)
        adjust_form.addRow("", resident_error)
        adjust_form.addRow(button_row(self.adjust_button))
        return adjust_box

    def _serial(self) -> str:
        text = self.voucher.text().strip()
        if text[:len(tokens.PREFIX)] in tokens.PREFIXES:
            return redemption.verify(self.desk.ctx, text).serial
        return text.upper()

    def _on_void_button_clicked(self) -> None:
        self.errors.clear()
        serial, reason = self._serial(), self.void_reason.text().strip()
        if not serial:
            self.errors.set("voucher", self.tr("请扫描兑换券或输入券号（券面无法识别时请核对）。"))
            return
        found = vouchers.vouchers_by_serial([serial])
        # An unknown serial goes straight to the service, which says it is not found.
        if found and not widgets.confirm(self, self.tr("作废兑换券"), self.tr(
                "确定作废兑换券 {serial}（持有人 {holder}，面值 {points} 分）吗？"
                "作废后不能恢复，{points} 分退回{holder}。").format(
                    serial=serial, holder=found[0].holder, points=found[0].points),
                self.tr("作废")):
            return
        ctx, request = self.desk.ctx, new_request_id()
        self.desk.perform(self, lambda: redemption.void(ctx, serial, reason, request_id=request),
                          self._on_void_succeeded, self.errors.show)

    def _on_void_succeeded(self, result: VoidResult) -> None:
        template = self.tr("兑换券 {serial} 已作废，{points} 分已退回持有人（余额 {balance}）")
        message = template.format(serial=result.serial, points=result.points,
                                  balance=result.balance)
        self.voucher.clear()
        self.void_reason.clear()
        self.feedback.show_ok(message)
        self.desk.post(message)

    def _on_adjust_button_clicked(self) -> None:
        from app.views.desk.quick_dialogs import AdjustPointsDialog

        self.errors.clear()
        try:
            found = residents.resolve(self.resident.text())
        except Exception as exc:  # noqa: BLE001
            self.errors.set("resident", message_for(exc))
            return
        self._dialog = AdjustPointsDialog(self.desk, found, self)
        self._dialog.reported.connect(self._on_adjust_reported)
        self._dialog.finished.connect(self._dialog.deleteLater)
        self._dialog.open()

    def active_dialog(self) -> QDialog | None:
        return self._dialog

    def _on_adjust_reported(self, message: str) -> None:
        self.resident.clear()
        self.feedback.show_ok(message)
        self.desk.post(message)
