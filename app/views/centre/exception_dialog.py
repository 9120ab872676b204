"""Closing one of the centre's exceptions: what it is about, and the note saying what
was done about it (required: the service refuses a blank one, and says so under the
field; nothing is closed then)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from app.services import centre_exceptions
from app.services.centre_exceptions import ExceptionRow
from app.services.changes import Changes
from app.views.common.page import ReportingDialog
from app.views.common.widgets import Feedback, FieldErrors
from app.views.shell.duty import Desk


class _Closed:
    """A closed exception as a write the desk announces to the centre's pages."""

    changes = Changes(district=True)

    def __init__(self, row: ExceptionRow) -> None:
        self.row = row


class CloseExceptionDialog(ReportingDialog):
    def __init__(self, desk: Desk, row: ExceptionRow, kind: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.row = row
        self.setWindowTitle(self.tr("处理异常"))
        about = QLabel(self.tr("第 {id} 号 · {kind} · {subject}\n{what}").format(
            id=row.id, kind=kind, subject=row.subject,
            what=centre_exceptions.describe(row)))
        about.setObjectName("exceptionAbout")
        about.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setObjectName("exceptionNote")
        self.note.setPlaceholderText(self.tr("必填：核实了什么，怎样处理的"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(100)
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton(self.tr("关闭异常"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.setObjectName("exceptionClose")
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        form = QFormLayout(self)
        form.addRow(about)
        self.errors.add_row(form, "note", self.tr("处理说明"), self.note)
        form.addRow(self.feedback)
        form.addRow(self.buttons)
        self.setMinimumWidth(480)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        ctx, ref, note = self.desk.ctx, str(self.row.id), self.note.toPlainText()
        self.buttons.setEnabled(False)
        self.desk.perform(self, lambda: _Closed(centre_exceptions.close(ctx, ref, note)),
                          self._on_closed, self._on_failed)

    def _on_closed(self, done: _Closed) -> None:
        self.reported.emit(self.tr("第 {id} 号异常已处理。").format(id=done.row.id))
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.errors.show(exc)
