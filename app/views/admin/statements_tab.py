"""The 结算单 tab of the 商户结算 page: make a merchant's statement for a month, approve
it (after a confirmation: it never changes after), mark it paid, print it or export it.
From the keyboard: the merchant, the month, Enter; the approve button then has the focus."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.printing import settlement_docs
from app.services import settlement
from app.services.settlement import StatementView
from app.views.common import widgets
from app.views.common.errors import message_for
from app.views.common.keys import EnterSubmits
from app.views.common.widgets import Feedback, table_view
from app.views.documents import output
from app.views.documents.pdf_preview import PdfDialog
from app.views.shell.duty import Desk
from app.views.tables.rows import ROW_ROLE
from app.views.tables.settlement_lists import StatementsModel


class StatementsTab(QWidget):
    def __init__(self, desk: Desk, feedback: Feedback, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.feedback = desk, feedback
        self.merchant = QComboBox()
        self.merchant.setObjectName("settleMerchant")
        self.month = QLineEdit(desk.ctx.clock.today().strftime("%Y-%m"))
        self.month.setObjectName("settleMonth")
        self.month.setPlaceholderText("YYYY-MM")
        self.make_button = QPushButton(self.tr("生成结算单（回车）"))
        self.make_button.setObjectName("makeStatement")
        self.model = StatementsModel(self)
        self.table = table_view(self.model, "statementsTable")
        self.approve_button = QPushButton(self.tr("审核"))
        self.approve_button.setObjectName("approveStatement")
        self.reference = QLineEdit()
        self.reference.setObjectName("paidReference")
        self.reference.setPlaceholderText(self.tr("付款凭证号"))
        self.paid_button = QPushButton(self.tr("登记已付款"))
        self.print_button = QPushButton(self.tr("打印/保存 PDF"))
        self.xlsx_button = QPushButton(self.tr("导出 Excel"))
        self._lay_out()
        self.make_button.clicked.connect(self._on_make_button_clicked)
        self.approve_button.clicked.connect(self._on_approve_button_clicked)
        self.paid_button.clicked.connect(self._on_paid_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.xlsx_button.clicked.connect(self._on_xlsx_button_clicked)
        EnterSubmits((self.merchant, self.month), self.make_button)
        EnterSubmits((self.reference,), self.paid_button)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("商户")))
        top.addWidget(self.merchant, 1)
        top.addWidget(QLabel(self.tr("月份")))
        top.addWidget(self.month)
        top.addWidget(self.make_button)
        actions = QHBoxLayout()
        actions.addWidget(self.approve_button)
        actions.addWidget(self.reference, 1)
        actions.addWidget(self.paid_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.xlsx_button)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        column.addLayout(actions)

    def refresh(self, names: list[str]) -> None:
        chosen = self.merchant.currentText()
        self.merchant.clear()
        self.merchant.addItems(names)
        if chosen in names:
            self.merchant.setCurrentText(chosen)
        self.model.set_rows(settlement.statements())

    def selected(self) -> StatementView | None:
        return self.table.currentIndex().data(ROW_ROLE)

    def select(self, number: str) -> None:
        for n, row in enumerate(self.model.rows()):
            if row.number == number:
                self.table.selectRow(n)
                return

    def _chosen(self) -> StatementView | None:
        row = self.selected()
        if row is None:
            self.feedback.show_error(self.tr("请先在表中选择结算单。"))
        return row

    def _failed(self, exc: BaseException) -> None:
        self.feedback.show_error(message_for(exc))

    def _on_make_button_clicked(self) -> None:
        ctx, merchant, month = self.desk.ctx, self.merchant.currentText(), self.month.text()
        if not merchant:
            self.feedback.show_error(self.tr("请先添加商户。"))
            return
        self.desk.perform(self, lambda: settlement.draft(ctx, merchant,
                                                         *settlement.month(month)),
                          self._on_made, self._failed)

    def _on_made(self, made: StatementView) -> None:
        self.select(made.number)
        self.feedback.show_ok(self.tr("结算单 {number}（草稿）：{vouchers} 张，{points} 分，"
                                      "应付 {amount} 元").format(
            number=made.number, vouchers=made.vouchers, points=made.points, amount=made.amount))
        self.approve_button.setFocus()  # the next step, from the keyboard

    def _on_approve_button_clicked(self) -> None:
        row = self._chosen()
        if row is None:
            return
        question = self.tr("审核后结算单 {number}（{merchant}，应付 {amount} 元）不能再修改，"
                           "更正只能另开调整单。确定审核吗？").format(
            number=row.number, merchant=row.merchant, amount=row.amount)
        if not widgets.confirm(self, self.tr("审核结算单"), question, self.tr("审核")):
            return
        ctx = self.desk.ctx
        self.desk.perform(self, lambda: settlement.approve(ctx, row.number), self._on_approved,
                          self._failed)

    def _on_approved(self, done: StatementView) -> None:
        self.select(done.number)
        self.feedback.show_ok(self.tr("已审核结算单 {number}").format(number=done.number))
        self.reference.setFocus()

    def _on_paid_button_clicked(self) -> None:
        row = self._chosen()
        if row is None:
            return
        ctx, reference = self.desk.ctx, self.reference.text()
        self.desk.perform(self, lambda: settlement.mark_paid(ctx, row.number, reference),
                          self._on_paid, self._failed)

    def _on_paid(self, done: StatementView) -> None:
        self.reference.clear()
        self.select(done.number)
        self.feedback.show_ok(self.tr("结算单 {number} 已付款 {amount} 元，已记入道德基金")
                              .format(number=done.number, amount=done.amount))

    def _on_print_button_clicked(self) -> None:
        row = self._chosen()
        if row is not None:
            PdfDialog(self.desk, self.tr("结算单 {number}").format(number=row.number),
                      lambda: (settlement_docs.statement(row.number), ""), self).open()

    def _on_xlsx_button_clicked(self) -> None:
        row = self._chosen()
        if row is None:
            return
        folder = output.sink.choose_folder(self, self.tr("Excel 保存到哪个文件夹"))
        if folder is None:
            return
        path = folder / f"statement-{row.number}.xlsx"
        try:
            settlement_docs.statement_xlsx(row.number, path)
        except OSError as exc:
            self.feedback.show_error(self.tr("无法保存：{error}").format(error=exc.strerror))
            return
        self.feedback.show_ok(self.tr("已保存 {path}").format(path=str(path)))
