"""An admin's two decisions on the honour roll: a nomination accepted (the level and date
of the commendation it becomes) or declined (with a note), and a commendation withdrawn
as recorded in error (a reason, and a confirmation first)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services import honours, nominations
from app.services.context import new_request_id
from app.services.honours import CommendationView
from app.services.nominations import NominationView
from app.views.common import widgets
from app.views.common.errors import message_for
from app.views.common.widgets import Feedback
from app.views.honours.forms import HonourDialog, date_edit, level_box
from app.views.shell.duty import Desk


class _Decision(HonourDialog):
    def __init__(self, desk: Desk, title: str, save: str, parent: QWidget | None) -> None:
        super().__init__(desk, title, parent)
        self.summary = QLabel(objectName="decisionSummary")
        self.summary.setWordWrap(True)
        self.form = QFormLayout()
        self.feedback = Feedback()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(save)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("HonourForms", "取消"))
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addLayout(self.form)
        column.addWidget(self.feedback)
        column.addWidget(buttons)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        work = self.work()
        if work is not None:
            self.desk.perform(self, work, self._on_done, self._on_failed)

    def work(self):  # noqa: ANN201 - a callable returning the service's result, or None
        raise NotImplementedError

    def _on_failed(self, exc: BaseException) -> None:
        self.request_id = new_request_id()
        self.feedback.show_error(message_for(exc))


class DecideDialog(_Decision):
    """Accept (the default: Enter) or decline a nomination."""

    def __init__(self, desk: Desk, nomination: NominationView,
                 parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("评议推荐"), self.tr("确定"), parent)
        self.nomination = nomination
        self.summary.setText(self.tr("{who}：推荐为“{title}”（推荐人 {nominator}）\n理由：{reason}")
                             .format(who=nomination.who, title=nomination.title,
                                     nominator=nomination.nominator, reason=nomination.reason))
        self.accept_choice = QRadioButton(self.tr("采纳，登记表彰(&A)"), objectName="decideAccept")
        self.decline_choice = QRadioButton(self.tr("不采纳(&D)"), objectName="decideDecline")
        self.accept_choice.setChecked(True)
        self.level = level_box("decideLevel")
        self.date = date_edit(desk, "decideDate")
        self.note = QLineEdit(objectName="decideNote")
        self.note.setPlaceholderText(self.tr("采纳时为事迹简介（默认用推荐理由）；不采纳时写明原因"))
        self.form.addRow(self.accept_choice)
        self.form.addRow(self.decline_choice)
        self.form.addRow(self.tr("级别"), self.level)
        self.form.addRow(self.tr("表彰日期"), self.date)
        self.form.addRow(self.tr("说明"), self.note)
        self.decline_choice.toggled.connect(self._on_decline_choice_toggled)
        self.level.setFocus()

    def _on_decline_choice_toggled(self, declining: bool) -> None:
        self.level.setEnabled(not declining)
        self.date.setEnabled(not declining)

    def work(self):  # noqa: ANN201
        ctx, rid, number, note = self.desk.ctx, self.request_id, self.nomination.id, \
            self.note.text()
        if self.decline_choice.isChecked():
            return lambda: nominations.decline(ctx, number, note, request_id=rid)
        level, day = self.level.currentData(), self.date.date().toPython()
        return lambda: nominations.accept(ctx, number, level, day, note, request_id=rid)

    def _on_done(self, done: NominationView) -> None:
        if done.state == "accepted":
            self.reported.emit(self.tr("已采纳推荐，{who} 获“{title}”表彰").format(
                who=done.who, title=done.title))
        else:
            self.reported.emit(self.tr("推荐未采纳：{who}（{title}）").format(
                who=done.who, title=done.title))
        self.accept()


class WithdrawDialog(_Decision):
    """Withdraw a commendation recorded in error: the reason, then a confirmation."""

    def __init__(self, desk: Desk, commendation: CommendationView,
                 parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("撤销表彰"), self.tr("撤销"), parent)
        self.commendation = commendation
        self.summary.setText(self.tr("{who}：{date}“{title}”。撤销后记录保留备查，不再上榜。")
                             .format(who=commendation.who, date=commendation.awarded_on,
                                     title=commendation.title))
        self.reason = QLineEdit(objectName="withdrawReason")
        self.reason.setPlaceholderText(self.tr("撤销理由，如 登记错了人"))
        self.form.addRow(self.tr("理由"), self.reason)
        self.reason.setFocus()

    def work(self):  # noqa: ANN201
        c = self.commendation
        if not widgets.confirm(self, self.tr("撤销表彰"),
                               self.tr("确定撤销 {who} 的“{title}”表彰吗？").format(
                                   who=c.who, title=c.title), self.tr("撤销")):
            return None
        ctx, rid, reason = self.desk.ctx, self.request_id, self.reason.text()
        return lambda: honours.withdraw(ctx, c.id, reason, request_id=rid)

    def _on_done(self, done: CommendationView) -> None:
        self.reported.emit(self.tr("已撤销表彰：{who}（{title}）").format(who=done.who,
                                                                    title=done.title))
        self.accept()
