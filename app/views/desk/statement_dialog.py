"""A resident's statement (F5): a passbook-style page for a period, to print or save."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.residents import ResidentView
from app.views.common.errors import message_for
from app.views.common.page import ReportingDialog
from app.views.common.widgets import Feedback, button_row
from app.views.documents import output
from app.views.documents.pdf_preview import PdfPreview
from app.views.shell.duty import Desk


class StatementDialog(ReportingDialog):

    def __init__(self, desk: Desk, resident: ResidentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.resident = resident
        self.setWindowTitle(self.tr("积分对账单"))
        self.resize(760, 680)
        today = desk.today()
        self.start = QDateEdit(QDate(today.replace(month=1, day=1)))
        self.start.setObjectName("statementStart")
        self.end = QDateEdit(QDate(today))
        self.end.setObjectName("statementEnd")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMaximumDate(QDate(today))
        self.make_button = QPushButton(self.tr("生成"))
        self.make_button.setObjectName("makeStatement")
        self.make_button.setDefault(True)
        self.preview = PdfPreview(desk, self.tr("积分对账单"))
        self.feedback = Feedback()
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setAutoDefault(False)
        self.heading = QLabel(self.tr("{name}（{no}）").format(name=resident.name,
                                                             no=resident.resident_no))
        self.heading.setObjectName("formHeading")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(QLabel(self.tr("从")))
        top.addWidget(self.start)
        top.addWidget(QLabel(self.tr("到")))
        top.addWidget(self.end)
        top.addWidget(self.make_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.feedback)
        layout.addLayout(button_row(self.close_button))
        self.close_button.clicked.connect(self.reject)
        self.make_button.clicked.connect(self._on_make_button_clicked)
        self.start.dateChanged.connect(self._on_period_changed)
        self.end.dateChanged.connect(self._on_period_changed)
        self.preview.delivered.connect(self._on_preview_delivered)
        self._on_make_button_clicked()

    def period(self) -> tuple[dt.date, dt.date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def _on_make_button_clicked(self) -> None:
        start, end = self.period()
        if start > end:
            self.feedback.show_error(self.tr("开始日期不能晚于结束日期。"))
            return
        self.feedback.clear_message()
        self.make_button.setEnabled(False)
        self.desk.run(self, output.statement_job(self.resident, start, end),
                      self._on_statement_succeeded, self._on_statement_failed,
                      progress=self.tr("正在生成对账单…"))

    def _on_period_changed(self) -> None:
        # A new period: Enter makes the statement again rather than printing the old one.
        self.preview.print_button.setDefault(False)
        self.make_button.setDefault(True)

    def _on_statement_succeeded(self, made: output.Made) -> None:
        self.make_button.setEnabled(True)
        self.preview.set_printout(*made)
        self.make_button.setDefault(False)
        self.preview.print_button.setDefault(True)
        self.preview.print_button.setFocus()

    def _on_statement_failed(self, exc: BaseException) -> None:
        self.make_button.setEnabled(True)
        if isinstance(exc, output.PrintingUnavailable):
            self.feedback.show_error(self.tr("本机缺少打印组件，暂时不能生成对账单。"))
        else:
            self.feedback.show_error(message_for(exc))

    def _on_preview_delivered(self, how: str) -> None:
        self.feedback.show_ok(self.tr("对账单已输出。"))
