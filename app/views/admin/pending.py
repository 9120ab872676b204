"""Admin: deeds waiting for review — approve (the points count from now) or reject
(with a reason).

Only a row the admin can see selected is reviewed, and only after a question naming the
resident, the deed and the points: a table given the focus has a current row that is not
highlighted, and reviewing that one by mistake cannot be undone."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from app.services import deeds
from app.services.changes import Changes
from app.services.context import new_request_id
from app.services.deeds import DeedResult, PendingDeed
from app.services.errors import DeskError
from app.views.common import labels, widgets
from app.views.common.page import Page, PageInfo
from app.views.common.widgets import FieldErrors, error_label
from app.views.shell.duty import Desk
from app.views.tables.admin_lists import PendingModel
from app.views.tables.rows import ROW_ROLE


class PendingPage(Page):
    info = PageInfo("pending", QT_TRANSLATE_NOOP("MainWindow", "待审核"), order=40,
                    admin_only=True)
    refresh_on_show = True  # another desk may have recorded one meanwhile

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.add_title(self.tr("待审核积分"))
        self.model = PendingModel(self)
        self.table = self.make_table(self.model, "pendingTable")
        self.note = QLineEdit()
        self.note.setObjectName("reviewNote")
        self.note.setPlaceholderText(self.tr("审核意见（驳回时必填）"))
        self.approve_button = QPushButton(self.tr("通过"))
        self.approve_button.setObjectName("approveButton")
        self.reject_button = QPushButton(self.tr("驳回"))
        self.reject_button.setObjectName("rejectButton")
        self.errors = FieldErrors(self.feedback)
        note_error = error_label()
        self.errors.add("reason", self.note, note_error)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.reject_button)
        row.addWidget(self.approve_button)
        self.column.addWidget(self.feedback)
        self.column.addWidget(self.table, 1)
        self.column.addLayout(row)
        self.column.addWidget(note_error)
        self.approve_button.clicked.connect(self._on_approve_button_clicked)
        self.reject_button.clicked.connect(self._on_reject_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def concerns(self, changes: Changes, initiator: object) -> bool:
        return changes.pending or changes.all_residents or changes.catalogue

    def refresh(self) -> None:
        self.model.set_rows(deeds.pending_deeds())

    def selected(self) -> PendingDeed | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _update_buttons(self, *args: object) -> None:
        chosen = self.selected() is not None
        self.approve_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen)

    def _review(self, approve: bool) -> None:
        self.errors.clear()
        deed = self.selected()
        if deed is None:
            return  # the buttons are disabled without a selected row
        try:
            deeds.check_review_note(approve, self.note.text())
        except DeskError as exc:
            self.errors.show(exc)
            return
        if approve:
            title, action = self.tr("通过审核"), self.tr("通过")
            question = self.tr("通过 {name}（{no}）的“{deed}”{points:+d} 分？")
        else:
            title, action = self.tr("驳回审核"), self.tr("驳回")
            question = self.tr("驳回 {name}（{no}）的“{deed}”{points:+d} 分？")
        if not widgets.confirm(self, title, question.format(
                name=deed.resident_name, no=deed.resident_no,
                deed=labels.deed_name(deed.deed_name, deed.deed_name_en), points=deed.points),
                action):
            return
        ctx, note, request = self.desk.ctx, self.note.text(), new_request_id()
        self.desk.perform(self, lambda: deeds.review_deed(ctx, deed.deed_uid, approve, note,
                                                          request_id=request),
                          self._on_review_succeeded, self.errors.show)

    def _on_approve_button_clicked(self) -> None:
        self._review(True)

    def _on_reject_button_clicked(self) -> None:
        self._review(False)

    def _on_review_succeeded(self, result: DeedResult) -> None:
        self.note.clear()
        deed = labels.deed_name(result.deed_name, result.deed_name_en)
        if result.status == "approved":
            message = self.tr("已通过：{name}“{deed}”{points:+d} 分，余额 {balance}").format(
                name=result.name, deed=deed, points=result.points, balance=result.balance)
        else:
            message = self.tr("已驳回：{name}“{deed}”").format(name=result.name, deed=deed)
        self.feedback.show_ok(message)
        self.desk.post(message)
