"""Issuing vouchers (F4): points (the whole balance by default), denominations the
clerk may change, scope; then a preview to print or save, which is recorded.

Once issued, the vouchers stay issued whatever happens to the print: a cancelled or
failed print says so and leaves Print ready to try again, and closing without printing
points to "补打兑换券" on the resident panel, where the same vouchers print later."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import merchants, vouchers
from app.services import station as station_service
from app.services.context import new_request_id
from app.services.errors import InvalidInput
from app.services.residents import ResidentView
from app.services.vouchers import IssueResult
from app.views.common import labels, widgets
from app.views.common.errors import message_for
from app.views.common.page import ReportingDialog
from app.views.common.widgets import Feedback, FieldErrors, error_label
from app.views.documents import output
from app.views.documents.pdf_preview import PdfPreview
from app.views.shell.duty import Desk


class IssueVouchersDialog(ReportingDialog):
    printed = Signal(list)  # serials that went to the printer or a file

    def __init__(self, desk: Desk, resident: ResidentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.resident = resident
        self.info = station_service.current()
        self.result: IssueResult | None = None
        self.delivered = False
        self._request_id = new_request_id()
        self._auto_faces = True
        self.setWindowTitle(self.tr("发放兑换券"))
        self.setMinimumWidth(560)
        self.heading = QLabel(self.tr("{name}（{no}）积分余额 {balance} 分").format(
            name=resident.name, no=resident.resident_no, balance=resident.balance))
        self.heading.setObjectName("formHeading")
        self.points = QSpinBox()
        self.points.setObjectName("issuePoints")
        self.points.setRange(1, 1_000_000)
        self.points.setValue(max(resident.balance, 1))
        self.faces = QLineEdit()
        self.faces.setObjectName("issueDenominations")
        self.scope = QComboBox()
        self.scope.setObjectName("issueScope")
        for code in ("any", "store", "merchant"):
            self.scope.addItem(labels.scope(code), code)
        self.merchant = QComboBox()
        self.merchant.setObjectName("issueMerchant")
        self.merchant.addItems(merchants.names())
        self.merchant.setEnabled(False)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        points_error, faces_error, merchant_error = error_label(), error_label(), error_label()
        self.errors.add("points", self.points, points_error)
        self.errors.add("denominations", self.faces, faces_error)
        self.errors.add("merchant", self.merchant, merchant_error)
        self.issue_button = QPushButton(self.tr("发放（回车）"))
        self.issue_button.setObjectName("issueButton")
        self.issue_button.setDefault(True)
        cancel = QPushButton(self.tr("取消"))
        cancel.setAutoDefault(False)

        form_page = self._make_form_page(cancel, points_error, faces_error, merchant_error)
        preview_page = self._make_preview_page()
        self.stack = QStackedWidget()
        self.stack.addWidget(form_page)
        self.stack.addWidget(preview_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.feedback)

        self.points.valueChanged.connect(self._on_points_value_changed)
        self.faces.textEdited.connect(self._on_faces_text_edited)
        self.scope.currentIndexChanged.connect(self._on_scope_current_index_changed)
        self.issue_button.clicked.connect(self._on_issue_button_clicked)
        cancel.clicked.connect(self.reject)
        self.layout_choice.currentIndexChanged.connect(self._on_layout_choice_changed)
        self.preview.delivered.connect(self._on_preview_delivered)
        self.preview.not_printed.connect(self._on_preview_not_printed)
        self.close_button.clicked.connect(self.reject)
        self._fill_faces()
        self.points.setFocus()
        self.points.selectAll()

    def _make_form_page(self, cancel: QPushButton, points_error: QLabel, faces_error: QLabel,
                        merchant_error: QLabel) -> QWidget:
        form_page = QWidget()
        form = QFormLayout(form_page)
        form.addRow(self.heading)
        form.addRow(self.tr("兑换分值"), self.points)
        form.addRow("", points_error)
        form.addRow(self.tr("面额"), self.faces)
        form.addRow("", faces_error)
        form.addRow(self.tr("使用范围"), self.scope)
        form.addRow(self.tr("商户"), self.merchant)
        form.addRow("", merchant_error)
        form.addRow(self.summary)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(self.issue_button)
        form.addRow(row)
        return form_page

    def _make_preview_page(self) -> QWidget:
        self.done_label = QLabel()
        self.done_label.setObjectName("formHeading")
        self.layout_choice = output.VoucherLayoutChoice()
        self.preview = PdfPreview(self.desk, self.tr("兑换券"),
                                  layout=self.layout_choice.currentData())
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setAutoDefault(False)
        preview_page = QWidget()
        preview_layout = QVBoxLayout(preview_page)
        top = QHBoxLayout()
        top.addWidget(self.done_label, 1)
        top.addWidget(self.layout_choice)
        preview_layout.addLayout(top)
        preview_layout.addWidget(self.preview, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        preview_layout.addLayout(bottom)
        return preview_page

    # -- step 1: what to issue ---------------------------------------------------
    def _fill_faces(self) -> None:
        if self._auto_faces:
            faces = vouchers.split(self.points.value(), self.info.denominations)
            self.faces.setText("+".join(str(f) for f in faces))
        self._update_summary()

    def _update_summary(self) -> None:
        try:
            count = len(vouchers.parse_faces(self.faces.text()))
        except InvalidInput:
            count = 0
        expiry = vouchers.valid_until(self.desk.today(), self.info.voucher_validity)
        template = self.tr("%n 张，合计 {points} 分，约合 {yuan} 元，有效期至 {expiry}", "", count)
        self.summary.setText(template.format(
            points=self.points.value(),
            yuan=station_service.yuan_of(self.points.value(), self.info), expiry=expiry))

    def _on_points_value_changed(self, value: int) -> None:
        self._fill_faces()

    def _on_faces_text_edited(self, text: str) -> None:
        self._auto_faces = not text.strip()
        self._update_summary()

    def _on_scope_current_index_changed(self, index: int) -> None:
        self.merchant.setEnabled(self.scope.currentData() == "merchant")

    def _on_issue_button_clicked(self) -> None:
        if self.result is not None or not self.issue_button.isEnabled():
            return
        self.errors.clear()
        try:
            faces = vouchers.parse_faces(self.faces.text()) or None
        except InvalidInput:
            self.errors.set("denominations",
                            self.tr("面额只能填整数，用 + 或逗号分开，如 50+5+1。"))
            return
        scope = self.scope.currentData()
        merchant = self.merchant.currentText() if scope == "merchant" else None
        ctx, rid, points, request = self.desk.ctx, self.resident.id, self.points.value(), \
            self._request_id
        self.issue_button.setEnabled(False)
        self.desk.perform(self, lambda: vouchers.issue(ctx, rid, points, faces, scope,
                                                       merchant or None, request_id=request),
                          self._on_issue_succeeded, self._on_issue_failed)

    def _on_issue_succeeded(self, result: IssueResult) -> None:
        self.result = result
        template = self.tr("{name} 兑换 {points} 分，发放 %n 张兑换券，余额 {balance}", "",
                           len(result.vouchers))
        message = template.format(name=result.name, points=result.points, balance=result.balance)
        self.done_label.setText(message)
        self.reported.emit(message)
        self.stack.setCurrentIndex(1)
        self.resize(max(self.width(), 820), max(self.height(), 700))
        if self.parentWidget() is not None:  # keep it on screen, window manager or not
            centre = self.parentWidget().window().geometry().center()
            self.move(centre - self.rect().center())
        self.issue_button.setDefault(False)
        self.preview.print_button.setDefault(True)
        self.preview.print_button.setFocus()
        self._render()

    def _on_issue_failed(self, exc: BaseException) -> None:
        self.issue_button.setEnabled(True)
        self.errors.show(exc)

    # -- step 2: print or save ---------------------------------------------------
    def serials(self) -> list[str]:
        return [v.serial for v in self.result.vouchers] if self.result else []

    def _render(self) -> None:
        layout = self.layout_choice.currentData()
        self.preview.layout = layout
        self.preview.print_button.setEnabled(False)
        self.desk.run(self, output.voucher_job(self.serials(), layout),
                      self._on_render_succeeded, self._on_render_failed,
                      progress=self.tr("正在生成兑换券…"))

    def _on_render_succeeded(self, rendered: output.Made) -> None:
        self.preview.set_printout(*rendered)
        self.preview.print_button.setEnabled(True)
        self.preview.print_button.setFocus()

    def _on_render_failed(self, exc: BaseException) -> None:
        if isinstance(exc, output.PrintingUnavailable):
            self.feedback.show_error(self.tr("本机缺少打印组件，兑换券已发放但无法生成，请联系管理员补打。"))
        else:
            self.feedback.show_error(message_for(exc))

    def _on_layout_choice_changed(self, index: int) -> None:
        if self.result is not None:
            self._render()

    def _on_preview_delivered(self, how: str) -> None:
        ctx, serials = self.desk.ctx, self.serials()
        self.desk.perform(self, lambda: vouchers.record_print(ctx, serials),
                          self._on_record_print_succeeded, self._on_record_print_failed)

    def _on_record_print_succeeded(self, printed: vouchers.Printed) -> None:
        self.delivered = True
        self.feedback.show_ok(self.tr("兑换券已输出，请居民在存根上签字。"))
        self.printed.emit(self.serials())
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def _on_record_print_failed(self, exc: BaseException) -> None:
        self.feedback.show_error(message_for(exc))

    def _on_preview_not_printed(self) -> None:
        self.feedback.show_error(self.tr(
            "兑换券已发放、积分已扣除，但没有打印（已取消或打印机出错）。请再按“打印”重试，"
            "或另存为 PDF；关闭后也可在居民面板用“补打兑换券”打印。"))
        self.preview.print_button.setDefault(True)
        self.preview.print_button.setFocus()

    def reject(self) -> None:
        if self.result is not None and not self.delivered and not widgets.confirm(
                self, self.tr("兑换券还没有打印"),
                self.tr("兑换券已发放、积分已扣除，但还没有打印或保存。关闭后可在居民面板用"
                        "“补打兑换券”打印。确定关闭吗？"),
                self.tr("仍然关闭")):
            return
        super().reject()
