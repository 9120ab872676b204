"""Printing a resident's vouchers again (F7 on the desk): the vouchers not yet redeemed,
voided or expired, all chosen at first; a preview marked 补打 on the voucher and its
counterfoil; printing or saving records the reprint (audited by the service).

A reprint is a second copy of a valid voucher, so it must be impossible to mistake for
the first: the mark is on every copy made here, including vouchers whose first print
failed (nobody can tell whether a jammed printer let a copy out).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import vouchers
from app.services.residents import ResidentView
from app.views.common.errors import message_for
from app.views.common.page import ReportingDialog
from app.views.common.widgets import Feedback, button_row, table_view
from app.views.documents import output
from app.views.documents.pdf_preview import PdfPreview
from app.views.shell.duty import Desk
from app.views.tables.rows import ROW_ROLE
from app.views.tables.short_lists import OpenVouchersModel

RENDER_DELAY_MS = 150
VISIBLE_ROWS = 6


class ReprintDialog(ReportingDialog):

    def __init__(self, desk: Desk, resident: ResidentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.resident = resident
        self.setWindowTitle(self.tr("补打兑换券"))
        self.resize(880, 760)
        self.heading = QLabel(self.tr("{name}（{no}）未使用的兑换券：选择要补打的券").format(
            name=resident.name, no=resident.resident_no))
        self.heading.setObjectName("formHeading")
        self.model = OpenVouchersModel(self)
        self.table = table_view(self.model, "openVouchers")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.layout_choice = output.VoucherLayoutChoice()
        self.preview = PdfPreview(desk, self.tr("兑换券（补打）"),
                                  layout=self.layout_choice.currentData())
        self.feedback = Feedback()
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setAutoDefault(False)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.layout_choice)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.feedback)
        layout.addLayout(button_row(self.close_button))

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RENDER_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.layout_choice.currentIndexChanged.connect(self._on_layout_choice_changed)
        self.preview.delivered.connect(self._on_preview_delivered)
        self.preview.not_printed.connect(self._on_preview_not_printed)
        self.close_button.clicked.connect(self.reject)
        self.load()

    def load(self) -> None:
        self.model.set_rows(vouchers.vouchers_of_resident(self.resident.id))
        if not self.model.rowCount():
            self.feedback.show_info(self.tr("没有未使用的兑换券可以补打。"))
            self.preview.set_printout(None)
            self.preview.print_button.setEnabled(False)
            self.preview.save_button.setEnabled(False)
            return
        self.table.selectAll()  # the usual case: the resident lost the whole printout
        rows = min(self.model.rowCount(), VISIBLE_ROWS)  # the preview keeps the room
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + rows * self.table.verticalHeader().defaultSectionSize()
                                  + 2 * self.table.frameWidth())
        self._render()

    def serials(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.index(n, 0).data(ROW_ROLE).serial for n in rows]

    def select_serials(self, serials: list[str]) -> None:
        self.table.clearSelection()
        flags = (QItemSelectionModel.SelectionFlag.Select
                 | QItemSelectionModel.SelectionFlag.Rows)
        for n in range(self.model.rowCount()):
            if self.model.row_at(n).serial in serials:
                self.table.selectionModel().select(self.model.index(n, 0), flags)
        self._render()

    def _on_table_selection_changed(self, *args: object) -> None:
        self._timer.start()  # a clerk ticking several vouchers gets one render, not five

    def _on_timer_timeout(self) -> None:
        self._render()

    def _render(self) -> None:
        self._timer.stop()
        serials = self.serials()
        enabled = bool(serials)
        self.preview.print_button.setEnabled(False)
        self.preview.save_button.setEnabled(enabled)
        if not enabled:
            self.preview.set_printout(None)
            self.feedback.show_info(self.tr("请在表中选择要补打的兑换券。"))
            return
        layout = self.layout_choice.currentData()
        self.preview.layout = layout
        self.desk.run(self, output.voucher_job(serials, layout, reprint=True),
                      self._on_render_succeeded, self._on_render_failed,
                      progress=self.tr("正在生成兑换券…"))

    def _on_render_succeeded(self, rendered: output.Made) -> None:
        self.preview.set_printout(*rendered)
        self.preview.print_button.setEnabled(True)
        self.preview.print_button.setDefault(True)
        self.feedback.clear_message()

    def _on_render_failed(self, exc: BaseException) -> None:
        if isinstance(exc, output.PrintingUnavailable):
            self.feedback.show_error(self.tr("本机缺少打印组件，暂时不能补打。"))
        else:
            self.feedback.show_error(message_for(exc))

    def _on_layout_choice_changed(self, index: int) -> None:
        self._render()

    def _on_preview_delivered(self, how: str) -> None:
        ctx, serials = self.desk.ctx, self.serials()
        self.desk.perform(self, lambda: vouchers.record_print(ctx, serials),
                          self._on_record_print_succeeded, self._on_record_print_failed)

    def _on_record_print_succeeded(self, printed: vouchers.Printed) -> None:
        template = self.tr("已为 {name} 补打 %n 张兑换券（已记录）", "", len(self.serials()))
        message = template.format(name=self.resident.name)
        self.feedback.show_ok(message)
        self.reported.emit(message)
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def _on_record_print_failed(self, exc: BaseException) -> None:
        self.feedback.show_error(message_for(exc))

    def _on_preview_not_printed(self) -> None:
        self.feedback.show_error(self.tr("没有打印（已取消或打印机出错），可以再次打印。"))
