"""The public notice's two dialogs: an objection recorded by any clerk (the reason, and who
objected if they gave a name), and an admin's decision on one (upheld: the deed gets no
points; dismissed: it counts when its notice ends), with a note."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.services import notice
from app.services.context import new_request_id
from app.services.notice import ObjectionResult
from app.services.notice_board import NoticeEntry
from app.views.common import labels
from app.views.common.page import ReportingDialog
from app.views.common.widgets import Feedback, FieldErrors, error_label
from app.views.shell.duty import Desk


def _heading(entry: NoticeEntry) -> QLabel:
    heading = QLabel(QCoreApplication.translate(
        "ObjectionDialog", "{name}“{deed}”{points:+d} 分，公示至 {until}").format(
        name=entry.resident_name, deed=labels.deed_name(entry.deed_name, entry.deed_name_en),
        points=entry.points, until=entry.notice_until))
    heading.setObjectName("formHeading")
    return heading


class ObjectionDialog(ReportingDialog):

    def __init__(self, desk: Desk, entry: NoticeEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.entry = entry
        self._request_id = new_request_id()
        self.setWindowTitle(self.tr("登记异议"))
        self.reason = QLineEdit()
        self.reason.setObjectName("objectionReason")
        self.reason.setPlaceholderText(self.tr("必填：对哪一点有异议"))
        self.raised_by = QLineEdit()
        self.raised_by.setObjectName("objectionBy")
        self.raised_by.setPlaceholderText(self.tr("可不填（匿名）"))
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        reason_error, by_error, entry_error = error_label(), error_label(), error_label()
        self.errors.add("reason", self.reason, reason_error)
        self.errors.add("raised_by", self.raised_by, by_error)
        self.errors.add("entry", self.reason, entry_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登记"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        form = QFormLayout(self)
        form.addRow(_heading(entry))
        form.addRow(self.tr("异议理由"), self.reason)
        form.addRow("", reason_error)
        form.addRow(self.tr("提出人"), self.raised_by)
        form.addRow("", by_error)
        form.addRow(entry_error)
        form.addRow(self.feedback)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.reason.returnPressed.connect(self._on_buttons_accepted)
        self.raised_by.returnPressed.connect(self._on_buttons_accepted)

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        ctx, uid, request = self.desk.ctx, self.entry.deed_uid, self._request_id
        reason, by = self.reason.text(), self.raised_by.text()
        self.buttons.setEnabled(False)
        self.desk.perform(self, lambda: notice.record_objection(ctx, uid, reason, by,
                                                                request_id=request),
                          self._on_succeeded, self._on_failed)

    def _on_succeeded(self, result: ObjectionResult) -> None:
        self.reported.emit(self.tr("已登记异议 {number}：{name}“{deed}”，处理前不计分").format(
            number=result.number, name=result.name,
            deed=labels.deed_name(result.deed_name, result.deed_name_en)))
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.errors.show(exc)


class ResolveDialog(ReportingDialog):
    """One open objection of the entry, chosen in a list, decided with a note."""

    def __init__(self, desk: Desk, entry: NoticeEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.entry = entry
        self._request_id = new_request_id()
        self.setWindowTitle(self.tr("处理异议"))
        self.objection = QComboBox()
        self.objection.setObjectName("objectionChoice")
        for o in entry.open_objections:
            by = self.tr("（{by}）").format(by=o.raised_by) if o.raised_by else ""
            self.objection.addItem(f"{o.number}. {o.reason}{by}", o.uid)
        self.note = QLineEdit()
        self.note.setObjectName("resolutionNote")
        self.note.setPlaceholderText(self.tr("必填：核实情况"))
        self.uphold_button = QPushButton(self.tr("异议成立（不计分）"))
        self.uphold_button.setObjectName("upholdButton")
        self.dismiss_button = QPushButton(self.tr("异议不成立"))
        self.dismiss_button.setObjectName("dismissButton")
        cancel = QPushButton(self.tr("取消"))
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        note_error = error_label()
        self.errors.add("note", self.note, note_error)
        self.errors.add("reason", self.note, note_error)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.uphold_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.dismiss_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        form = QFormLayout(self)
        form.addRow(_heading(entry))
        form.addRow(self.tr("异议"), self.objection)
        form.addRow(self.tr("处理意见"), self.note)
        form.addRow("", note_error)
        form.addRow(self.feedback)
        form.addRow(self.buttons)
        self.uphold_button.clicked.connect(self._on_uphold_button_clicked)
        self.dismiss_button.clicked.connect(self._on_dismiss_button_clicked)
        self.buttons.rejected.connect(self.reject)

    def _decide(self, uphold: bool) -> None:
        self.errors.clear()
        ctx, request = self.desk.ctx, self._request_id
        uid, note = self.objection.currentData(), self.note.text()
        self.buttons.setEnabled(False)
        self.desk.perform(self, lambda: notice.resolve_objection(ctx, uid, uphold, note,
                                                                 request_id=request),
                          self._on_succeeded, self._on_failed)

    def _on_uphold_button_clicked(self) -> None:
        self._decide(True)

    def _on_dismiss_button_clicked(self) -> None:
        self._decide(False)

    def _on_succeeded(self, result: ObjectionResult) -> None:
        deed = labels.deed_name(result.deed_name, result.deed_name_en)
        if result.state == "upheld":
            message = self.tr("异议成立：{name}“{deed}”已驳回，不计分")
        elif result.deed_status == "approved":
            message = self.tr("异议不成立：{name}“{deed}”已计入积分")
        else:
            message = self.tr("异议不成立：{name}“{deed}”公示期满后计入")
        self.reported.emit(message.format(name=result.name, deed=deed))
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.errors.show(exc)
