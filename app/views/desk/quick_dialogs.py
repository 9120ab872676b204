"""Quick actions on the resident at the desk: signing them in with the purpose of the
visit (F2), and an admin's corrections of their points — a manual adjustment, or the
reversal of one ledger entry — each with a reason and a confirmation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services import checkins, ledger
from app.services.checkins import CheckInResult
from app.services.context import new_request_id
from app.services.ledger import EntryRow, PostResult
from app.services.residents import ResidentView
from app.views.common import labels, widgets
from app.views.common.page import ReportingDialog
from app.views.common.widgets import Feedback, FieldErrors
from app.views.shell.duty import Desk
from app.views.tables.rows import describe_entry


class CheckInDialog(ReportingDialog):

    def __init__(self, desk: Desk, resident: ResidentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.resident = resident
        self._request_id = new_request_id()
        self.setWindowTitle(self.tr("签到"))
        self.heading = QLabel(self.tr("{name}（{no}）来站事由（按数字键选择）").format(
            name=resident.name, no=resident.resident_no))
        self.heading.setObjectName("formHeading")
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        for n, code in enumerate(checkins.PURPOSES, start=1):
            button = QRadioButton(f"&{n}  {labels.purpose(code)}")
            button.setProperty("purpose", code)
            self.group.addButton(button, n)
            layout.addWidget(button)
        first = self.group.button(1)
        if first is not None:
            first.setChecked(True)
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("签到"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        layout.addWidget(self.feedback)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def choose(self, purpose: str) -> None:
        for button in self.group.buttons():
            if button.property("purpose") == purpose:
                button.setChecked(True)

    def _on_buttons_accepted(self) -> None:
        checked = self.group.checkedButton()
        purpose = checked.property("purpose") if checked else "consult"
        ctx, rid, request = self.desk.ctx, self.resident.id, self._request_id
        self.buttons.setEnabled(False)
        self.desk.perform(self, lambda: checkins.check_in(ctx, rid, purpose, request_id=request),
                          self._on_check_in_succeeded, self._on_check_in_failed)

    def _on_check_in_succeeded(self, result: CheckInResult) -> None:
        template = self.tr("{name} 已签到（{purpose}），今天已有 %n 人来站", "", result.today_count)
        message = template.format(name=result.name, purpose=labels.purpose(result.purpose))
        self.reported.emit(message)
        self.accept()

    def _on_check_in_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.errors.show(exc)


class AdjustPointsDialog(ReportingDialog):

    def __init__(self, desk: Desk, resident: ResidentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.resident = resident
        self._request_id = new_request_id()
        self.setWindowTitle(self.tr("调整积分"))
        self.points = QSpinBox()
        self.points.setObjectName("adjustPoints")
        self.points.setRange(-10000, 10000)
        self.points.setValue(0)
        self.reason = QLineEdit()
        self.reason.setObjectName("adjustReason")
        self.reason.setPlaceholderText(self.tr("必填，例如：补录 10 月志愿服务"))
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("调整"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.heading = QLabel(self.tr("{name}（{no}），当前余额 {balance} 分").format(
            name=resident.name, no=resident.resident_no, balance=resident.balance))
        self.heading.setObjectName("formHeading")
        form = QFormLayout(self)
        form.addRow(self.heading)
        self.errors.add_row(form, "points", self.tr("加减分值"), self.points)
        self.errors.add_row(form, "reason", self.tr("理由"), self.reason)
        form.addRow(self.feedback)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        points, reason = self.points.value(), self.reason.text().strip()
        text = self.tr("确定给 {name} {points:+d} 分吗？理由：{reason}").format(
            name=self.resident.name, points=points, reason=reason or "—")
        if not widgets.confirm(self, self.tr("调整积分"), text, self.tr("确定调整")):
            return
        ctx, rid, request = self.desk.ctx, self.resident.id, self._request_id
        self.buttons.setEnabled(False)
        self.desk.perform(self, lambda: ledger.adjust(ctx, rid, points, reason,
                                                      request_id=request),
                          self._on_adjust_succeeded, self._on_adjust_failed)

    def _on_adjust_succeeded(self, result: PostResult) -> None:
        self.reported.emit(self.tr("{name} {points:+d} 积分（调整），余额 {balance}").format(
            name=result.name, points=result.points, balance=result.balance))
        self.accept()

    def _on_adjust_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.errors.show(exc)


class ReverseEntryDialog(ReportingDialog):
    """An admin cancels one entry with an equal and opposite one (the original stays)."""


    def __init__(self, desk: Desk, resident: ResidentView, entry: EntryRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.resident = resident
        self.entry = entry
        self._request_id = new_request_id()
        self.setWindowTitle(self.tr("冲正流水"))
        self.reason = QLineEdit()
        self.reason.setObjectName("reverseReason")
        self.reason.setPlaceholderText(self.tr("必填，例如：登记错了居民"))
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("冲正"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.heading = QLabel(self.tr("{name}（{no}）：{date} {what} {points:+d} 分").format(
            name=resident.name, no=resident.resident_no, date=entry.business_date,
            what=describe_entry(entry), points=entry.points))
        self.heading.setObjectName("formHeading")
        form = QFormLayout(self)
        form.addRow(self.heading)
        form.addRow(QLabel(self.tr("冲正会记一笔相反的流水，原流水保留。")))
        self.errors.add_row(form, "reason", self.tr("理由"), self.reason)
        form.addRow(self.feedback)
        form.addRow(self.buttons)
        self.setMinimumWidth(480)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        reason = self.reason.text().strip()
        text = self.tr("确定冲正这笔 {points:+d} 分的流水吗？理由：{reason}").format(
            points=self.entry.points, reason=reason or "—")
        if not widgets.confirm(self, self.tr("冲正流水"), text, self.tr("确定冲正")):
            return
        ctx, seq, request = self.desk.ctx, self.entry.seq, self._request_id
        self.buttons.setEnabled(False)
        self.desk.perform(self, lambda: ledger.reverse(ctx, seq, reason, request_id=request),
                          self._on_reverse_succeeded, self._on_reverse_failed)

    def _on_reverse_succeeded(self, result: PostResult) -> None:
        self.reported.emit(self.tr("已冲正：{name} {points:+d} 分，余额 {balance}").format(
            name=result.name, points=result.points, balance=result.balance))
        self.accept()

    def _on_reverse_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.errors.show(exc)
