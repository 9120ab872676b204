"""The 道德基金 tab of the 商户结算 page: contributions, the book with its running
balance, and beside it what the station owes, with a warning when the fund falls short."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.printing import settlement_docs
from app.services import fund, liability
from app.services.fund import yuan
from app.views.common.errors import message_for
from app.views.common.keys import EnterSubmits
from app.views.common.widgets import Feedback, button_row, table_view
from app.views.documents import output
from app.views.documents.pdf_preview import PdfDialog
from app.views.shell.duty import Desk
from app.views.tables.settlement_lists import FundModel


class FundTab(QWidget):
    def __init__(self, desk: Desk, feedback: Feedback, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.feedback = desk, feedback
        self.model = FundModel(self)
        self.table = table_view(self.model, "fundTable")
        self.amount = QLineEdit()
        self.amount.setObjectName("fundAmount")
        self.amount.setPlaceholderText(self.tr("元，如 1200 或 35.50"))
        self.source = QLineEdit()
        self.source.setObjectName("fundSource")
        self.budget_line = QLineEdit()
        self.donor = QLineEdit()
        self.date = QDateEdit(QDate(desk.ctx.clock.today()))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.add_button = QPushButton(self.tr("登记捐助（回车）"))
        self.add_button.setObjectName("addContribution")
        self.store_button = QPushButton(self.tr("记入积分超市进货支出"))
        self.print_button = QPushButton(self.tr("打印/保存报告"))
        self.xlsx_button = QPushButton(self.tr("导出 Excel"))
        self.owed = QLabel()
        self.owed.setObjectName("liability")
        self.warning = QLabel()
        self.warning.setObjectName("fundWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b3261e; font-weight: bold;")
        self._lay_out()
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.store_button.clicked.connect(self._on_store_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.xlsx_button.clicked.connect(self._on_xlsx_button_clicked)
        EnterSubmits((self.amount, self.source, self.budget_line, self.donor, self.date),
                     self.add_button)

    def _lay_out(self) -> None:
        add_box = QGroupBox(self.tr("登记捐助"))
        form = QFormLayout(add_box)
        form.addRow(self.tr("金额"), self.amount)
        form.addRow(self.tr("来源单位"), self.source)
        form.addRow(self.tr("预算科目"), self.budget_line)
        form.addRow(self.tr("捐赠人"), self.donor)
        form.addRow(self.tr("日期"), self.date)
        form.addRow(button_row(self.add_button))
        owed_box = QGroupBox(self.tr("本站应付情况"))
        owed_column = QVBoxLayout(owed_box)
        owed_column.addWidget(self.owed)
        owed_column.addWidget(self.warning)
        owed_column.addStretch(1)
        lower = QHBoxLayout()
        lower.addWidget(add_box, 1)
        lower.addWidget(owed_box, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.store_button)
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.xlsx_button)
        column = QVBoxLayout(self)
        column.addWidget(self.table, 1)
        column.addLayout(actions)
        column.addLayout(lower)

    def refresh(self) -> None:
        self.model.set_rows(fund.book().rows)
        owed = liability.liability(self.desk.ctx.clock.today())
        self.owed.setText(self.tr(
            "基金余额：{balance} 元\n在外未用的兑换券：{out_n} 张 {out_p} 分，{out} 元\n"
            "已核销未结算：{uns_n} 张 {uns_p} 分，{uns} 元\n已审核未付款：{unpaid} 元\n"
            "应付合计：{owed} 元\n居民持有积分：{held_p} 分，{held} 元").format(
            balance=yuan(owed.balance_fen), out_n=owed.outstanding_vouchers,
            out_p=owed.outstanding_points, out=yuan(owed.outstanding_fen),
            uns_n=owed.unsettled_vouchers, uns_p=owed.unsettled_points,
            uns=yuan(owed.unsettled_fen), unpaid=yuan(owed.approved_unpaid_fen),
            owed=yuan(owed.owed_fen), held_p=owed.points_held, held=yuan(owed.points_held_fen)))
        if owed.short:
            self.warning.setText(self.tr("警告：基金余额不足以支付应付合计，缺口 {gap} 元。")
                                 .format(gap=yuan(owed.owed_fen - owed.balance_fen)))
        elif owed.short_with_points:
            self.warning.setText(self.tr("提示：如居民持有的积分全部兑换，基金余额将不足。"))
        else:
            self.warning.clear()

    def _failed(self, exc: BaseException) -> None:
        self.feedback.show_error(message_for(exc))

    def _on_add_button_clicked(self) -> None:
        ctx = self.desk.ctx
        amount, source = self.amount.text(), self.source.text()
        line, donor, day = self.budget_line.text(), self.donor.text(), self.date.date().toPython()
        self.desk.perform(self, lambda: fund.contribute(ctx, amount, source, line, donor, day),
                          self._on_added, self._failed)

    def _on_added(self, saved: fund.FundSaved) -> None:
        for field in (self.amount, self.donor):
            field.clear()
        self.feedback.show_ok(self.tr("已登记捐助 {amount} 元，基金余额 {balance} 元").format(
            amount=yuan(saved.entry.amount_fen), balance=yuan(saved.entry.balance_after_fen)))

    def _on_store_button_clicked(self) -> None:
        ctx = self.desk.ctx
        self.desk.perform(self, lambda: fund.record_store_purchases(ctx),
                          lambda done: self.feedback.show_ok(
                              self.tr("已记入积分超市进货 {count} 笔").format(
                                  count=len(done.rows))),
                          self._failed)

    def _on_print_button_clicked(self) -> None:
        today = self.desk.ctx.clock.today()
        PdfDialog(self.desk, self.tr("道德基金收支报告"),
                  lambda: (settlement_docs.fund_report(None, None, today), ""), self).open()

    def _on_xlsx_button_clicked(self) -> None:
        folder = output.sink.choose_folder(self, self.tr("Excel 保存到哪个文件夹"))
        if folder is None:
            return
        path = folder / "fund-report.xlsx"
        try:
            settlement_docs.fund_xlsx(None, None, self.desk.ctx.clock.today(), path)
        except OSError as exc:
            self.feedback.show_error(self.tr("无法保存：{error}").format(error=exc.strerror))
            return
        self.feedback.show_ok(self.tr("已保存 {path}").format(path=str(path)))

