"""Review and public notice (审核与公示): the deeds waiting for review, those on notice
(公示中 至 MM-DD), objected to (有异议), and lately counted (已生效) or rejected.

An admin approves (the deed goes on notice for the station's notice days, or counts at
once when they are 0) or rejects (with a reason), and resolves objections; any clerk
records an objection to a deed on notice and prints the notice for the board. Deeds
whose notice has ended are posted whenever a clerk signs in and whenever this page opens.

Only a row the admin can see selected is reviewed, and only after a question naming the
resident, the deed and the points: a table given the focus has a current row that is not
highlighted, and reviewing that one by mistake cannot be undone."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from app.printing.notice_board import printout
from app.services import deeds, notice, notice_board
from app.services.changes import Changes
from app.services.context import new_request_id
from app.services.deeds import DeedResult
from app.services.errors import DeskError
from app.services.notice import DuePosted
from app.services.notice_board import NoticeEntry
from app.views.admin.notice_dialogs import ObjectionDialog, ResolveDialog
from app.views.common import labels, widgets
from app.views.common.page import Page, PageInfo
from app.views.common.widgets import FieldErrors, error_label
from app.views.documents.pdf_preview import PdfDialog
from app.views.shell.duty import Desk
from app.views.tables.notice_rows import NoticeModel
from app.views.tables.rows import ROW_ROLE

log = logging.getLogger(__name__)


class PendingPage(Page):
    info = PageInfo("pending", QT_TRANSLATE_NOOP("MainWindow", "审核公示"), order=40)
    refresh_on_show = True  # another desk may have recorded one meanwhile

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.add_title(self.tr("待审核与公示中的积分"))
        self.model = NoticeModel(self)
        self.table = self.make_table(self.model, "pendingTable")
        self.note = QLineEdit()
        self.note.setObjectName("reviewNote")
        self.note.setPlaceholderText(self.tr("审核意见（驳回时必填）"))
        self.approve_button = QPushButton(self.tr("通过"))
        self.approve_button.setObjectName("approveButton")
        self.reject_button = QPushButton(self.tr("驳回"))
        self.reject_button.setObjectName("rejectButton")
        self.object_button = QPushButton(self.tr("登记异议…"))
        self.object_button.setObjectName("objectButton")
        self.resolve_button = QPushButton(self.tr("处理异议…"))
        self.resolve_button.setObjectName("resolveButton")
        self.print_button = QPushButton(self.tr("打印公示…"))
        self.print_button.setObjectName("printNoticeButton")
        self.errors = FieldErrors(self.feedback)
        note_error = error_label()
        self.errors.add("reason", self.note, note_error)
        review = QHBoxLayout()
        review.addWidget(self.note, 1)
        review.addWidget(self.reject_button)
        review.addWidget(self.approve_button)
        board = QHBoxLayout()
        board.addWidget(self.object_button)
        board.addWidget(self.resolve_button)
        board.addStretch(1)
        board.addWidget(self.print_button)
        self.column.addWidget(self.feedback)
        self.column.addWidget(self.table, 1)
        self.column.addLayout(review)
        self.column.addWidget(note_error)
        self.column.addLayout(board)
        self.approve_button.clicked.connect(self._on_approve_button_clicked)
        self.reject_button.clicked.connect(self._on_reject_button_clicked)
        self.object_button.clicked.connect(self._on_object_button_clicked)
        self.resolve_button.clicked.connect(self._on_resolve_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        desk.clerk_changed.connect(self._on_desk_clerk_changed)
        self._on_desk_clerk_changed(desk.actor)

    def concerns(self, changes: Changes, initiator: object) -> bool:
        return changes.pending or changes.all_residents or changes.catalogue

    def refresh(self) -> None:
        self.post_due()
        self.model.set_rows(notice_board.entries(self.desk.today()))

    def post_due(self) -> None:
        """Count the deeds whose notice has ended (at sign-in and as the page opens)."""
        if self.desk.actor is None:
            return
        ctx = self.desk.ctx
        self.desk.perform(self, lambda: notice.post_due(ctx), self._on_post_due_succeeded,
                          self._on_post_due_failed)

    def selected(self) -> NoticeEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _on_desk_clerk_changed(self, actor: object) -> None:
        admin = self.desk.is_admin
        for widget in (self.note, self.approve_button, self.reject_button,
                       self.resolve_button):
            widget.setVisible(admin)
        self._update_buttons()
        self.post_due()

    def _update_buttons(self, *args: object) -> None:
        entry = self.selected()
        state = entry.state if entry is not None else None
        self.approve_button.setEnabled(state == "pending")
        self.reject_button.setEnabled(state == "pending")
        self.object_button.setEnabled(state in ("notice", "objected"))
        self.resolve_button.setEnabled(state == "objected")

    def _review(self, approve: bool) -> None:
        self.errors.clear()
        deed = self.selected()
        if deed is None or deed.state != "pending":
            return  # the buttons are disabled without a selected deed waiting for review
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
        if result.status == "notice":
            message = self.tr("已通过：{name}“{deed}”{points:+d} 分公示至 {until}，期满无异议即计入"
                              ).format(name=result.name, deed=deed, points=result.points,
                                       until=result.notice_until)
        elif result.status == "approved":
            message = self.tr("已通过：{name}“{deed}”{points:+d} 分，余额 {balance}").format(
                name=result.name, deed=deed, points=result.points, balance=result.balance)
        else:
            message = self.tr("已驳回：{name}“{deed}”").format(name=result.name, deed=deed)
        self.feedback.show_ok(message)
        self.desk.post(message)

    def _on_post_due_succeeded(self, result: DuePosted) -> None:
        if result.posted:
            message = self.tr("公示期满，已计入 %n 项积分", "", len(result.posted))
            self.feedback.show_ok(message)
            self.desk.post(message)

    def _on_post_due_failed(self, exc: BaseException) -> None:
        # A desk opened read-only (a fault found, a copied data directory) posts nothing;
        # the next desk that can write will.
        log.info("deeds due after their notice not posted: %s", exc)

    def _open(self, dialog: ObjectionDialog | ResolveDialog) -> None:
        dialog.reported.connect(self._on_dialog_reported)
        dialog.open()

    def _on_object_button_clicked(self) -> None:
        entry = self.selected()
        if entry is not None and entry.state in ("notice", "objected"):
            self._open(ObjectionDialog(self.desk, entry, self))

    def _on_resolve_button_clicked(self) -> None:
        entry = self.selected()
        if entry is not None and entry.open_objections:
            self._open(ResolveDialog(self.desk, entry, self))

    def _on_dialog_reported(self, message: str) -> None:
        self.feedback.show_ok(message)
        self.desk.post(message)

    def _on_print_button_clicked(self) -> None:
        day = self.desk.today()
        PdfDialog(self.desk, self.tr("积分公示"),
                  lambda: (printout(notice_board.board(day)), ""), self).open()
