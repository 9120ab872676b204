"""Issuing vouchers (F4): points (the most of the balance that needs no 1-point voucher;
"全部" for every point), denominations the clerk may change, scope; then what will happen
("发放 2 张，共 55 分，余额 2 分") to confirm before any point leaves the balance; then a
preview to print or save, which is recorded.

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
from app.services.errors import DeskError, InvalidInput
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
        self.points.setRange(0, 1_000_000)
        self.points.setSpecialValueText("—")  # nothing suggested: the clerk types an amount
        self.points.setValue(vouchers.suggested_points(resident.balance, self.info.denominations))
        self.all_button = QPushButton(self.tr("全部 {balance} 分").format(balance=resident.balance))
        self.all_button.setObjectName("issueAll")
        self.all_button.setAutoDefault(False)
        self.offer = QLabel()
        self.offer.setObjectName("hint")
        self.offer_button = QPushButton()
        self.offer_button.setObjectName("issueRound")
        self.offer_button.setAutoDefault(False)
        self._faces: list[int] = []  # what the clerk is asked to confirm
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
        self.issue_button = QPushButton(self.tr("发放…（回车）"))
        self.issue_button.setObjectName("issueButton")
        self.issue_button.setDefault(True)
        cancel = QPushButton(self.tr("取消"))
        cancel.setAutoDefault(False)

        form_page = self._make_form_page(cancel, points_error, faces_error, merchant_error)
        self.confirm_page = self._make_confirm_page()
        preview_page = self._make_preview_page()
        self.stack = QStackedWidget()
        self.stack.addWidget(form_page)
        self.stack.addWidget(self.confirm_page)
        self.stack.addWidget(preview_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.feedback)

        self.points.valueChanged.connect(self._on_points_value_changed)
        self.faces.textEdited.connect(self._on_faces_text_edited)
        self.scope.currentIndexChanged.connect(self._on_scope_current_index_changed)
        self.issue_button.clicked.connect(self._on_issue_button_clicked)
        self.all_button.clicked.connect(self._on_all_button_clicked)
        self.offer_button.clicked.connect(self._on_offer_button_clicked)
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.confirm_button.clicked.connect(self._on_confirm_button_clicked)
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
        points_row = QHBoxLayout()
        points_row.addWidget(self.points, 1)
        points_row.addWidget(self.all_button)
        form.addRow(self.tr("兑换分值"), points_row)
        form.addRow("", points_error)
        offer_row = QHBoxLayout()
        offer_row.addWidget(self.offer, 1)
        offer_row.addWidget(self.offer_button)
        form.addRow("", offer_row)
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

    def _make_confirm_page(self) -> QWidget:
        self.confirm_label = QLabel()
        self.confirm_label.setObjectName("formHeading")
        self.confirm_detail = QLabel()
        self.confirm_detail.setWordWrap(True)
        self.back_button = QPushButton(self.tr("返回修改"))
        self.back_button.setAutoDefault(False)
        self.confirm_button = QPushButton(self.tr("确认发放（回车）"))
        self.confirm_button.setObjectName("confirmIssue")
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(self.confirm_label)
        column.addWidget(self.confirm_detail)
        column.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.confirm_button)
        column.addLayout(row)
        return page

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
        self._update_offer()
        self._update_summary()

    def _update_offer(self) -> None:
        """Points only 1-point vouchers could make: offer to leave them on the balance."""
        points = self.points.value()
        round_points = vouchers.suggested_points(points, self.info.denominations)
        odd = self._auto_faces and 0 < round_points < points
        self.offer.setText(self.tr("其中 {rest} 分只能发 1 分券。").format(
            rest=points - round_points) if odd else "")
        self.offer_button.setText(self.tr("只发 {points} 分，{rest} 分留在余额").format(
            points=round_points, rest=points - round_points))
        self.offer_button.setVisible(odd)

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
        self._update_offer()
        self._update_summary()

    def _on_all_button_clicked(self) -> None:
        self.points.setValue(self.resident.balance)
        self.points.setFocus()

    def _on_offer_button_clicked(self) -> None:
        self.points.setValue(vouchers.suggested_points(self.points.value(),
                                                       self.info.denominations))
        self.points.setFocus()

    def _on_scope_current_index_changed(self, index: int) -> None:
        self.merchant.setEnabled(self.scope.currentData() == "merchant")

    def _on_issue_button_clicked(self) -> None:
        """Step 2: what will happen, to confirm; nothing has left the balance yet."""
        if self.result is not None or self.stack.currentIndex() != 0:
            return
        self.errors.clear()
        try:
            faces = vouchers.parse_faces(self.faces.text()) or None
        except InvalidInput:
            self.errors.set("denominations",
                            self.tr("面额只能填整数，用 + 或逗号分开，如 50+5+1。"))
            return
        points, balance = self.points.value(), self.resident.balance
        try:
            self._faces = vouchers.plan(points, faces, balance=balance)
        except DeskError as exc:
            self.errors.show(exc)
            return
        template = self.tr("发放 %n 张，共 {points} 分，余额 {balance} 分", "", len(self._faces))
        self.confirm_label.setText(template.format(points=points, balance=balance - points))
        merchant = self.merchant.currentText() if self.scope.currentData() == "merchant" else ""
        self.confirm_detail.setText(self.tr("面额 {faces}；{scope}；有效期至 {expiry}").format(
            faces="+".join(str(f) for f in self._faces),
            scope=" ".join(filter(None, (self.scope.currentText(), merchant))),
            expiry=vouchers.valid_until(self.desk.today(), self.info.voucher_validity)))
        self.stack.setCurrentWidget(self.confirm_page)
        self.issue_button.setDefault(False)
        self.confirm_button.setDefault(True)
        self.confirm_button.setFocus()

    def _on_back_button_clicked(self) -> None:
        self.stack.setCurrentIndex(0)
        self.confirm_button.setDefault(False)
        self.issue_button.setDefault(True)
        self.points.setFocus()
        self.points.selectAll()

    def _on_confirm_button_clicked(self) -> None:
        if self.result is not None or not self.confirm_button.isEnabled():
            return
        scope = self.scope.currentData()
        merchant = self.merchant.currentText() if scope == "merchant" else None
        ctx, rid, points, faces, request = (self.desk.ctx, self.resident.id, self.points.value(),
                                            self._faces, self._request_id)
        self.confirm_button.setEnabled(False)
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
        self.stack.setCurrentIndex(2)
        self.resize(max(self.width(), 820), max(self.height(), 700))
        if self.parentWidget() is not None:  # keep it on screen, window manager or not
            centre = self.parentWidget().window().geometry().center()
            self.move(centre - self.rect().center())
        self.confirm_button.setDefault(False)
        self.preview.print_button.setDefault(True)
        self.preview.print_button.setFocus()
        self._render()

    def _on_issue_failed(self, exc: BaseException) -> None:
        self.confirm_button.setEnabled(True)
        self._on_back_button_clicked()  # the refusal is shown beside the field to change
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
        if self.result is None and self.stack.currentWidget() is self.confirm_page:
            self._on_back_button_clicked()  # Escape: back to change the amount, nothing issued
            return
        if self.result is not None and not self.delivered and not widgets.confirm(
                self, self.tr("兑换券还没有打印"),
                self.tr("兑换券已发放、积分已扣除，但还没有打印或保存。关闭后可在居民面板用"
                        "“补打兑换券”打印。确定关闭吗？"),
                self.tr("仍然关闭")):
            return
        super().reject()
