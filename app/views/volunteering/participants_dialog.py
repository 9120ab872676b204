"""An activity's sign-up list and attendance: who signed up (booked or waiting, as
volunteer or audience), who came and when, and after closing the hours and points.

While the activity takes sign-ups the clerk types a resident number, card code or name
into the field and presses Enter (a scanner does the same); the role is chosen with F2.
Delete on a row (or the button) cancels that sign-up: the first waiting resident moves up.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import activities, participants, residents
from app.services.activities import ActivityView, SignUpResult
from app.services.context import new_request_id
from app.services.participants import ParticipantRow
from app.views.common import widgets
from app.views.common.widgets import EnterKey, Feedback, FieldErrors, table_view
from app.views.shell.duty import Desk
from app.views.tables.rows import ROW_ROLE, RowsModel
from app.views.volunteering.models import ROLES, translated

SIGNUPS = {"booked": QT_TRANSLATE_NOOP("Columns", "已报名"),
           "waiting": QT_TRANSLATE_NOOP("Columns", "候补第 {position} 位"),
           "walk_in": QT_TRANSLATE_NOOP("Columns", "现场登记")}
WAITING = QColor("#a15c00")


class ParticipantsModel(RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "姓名"), QT_TRANSLATE_NOOP("Columns", "居民编号"),
               QT_TRANSLATE_NOOP("Columns", "角色"), QT_TRANSLATE_NOOP("Columns", "报名"),
               QT_TRANSLATE_NOOP("Columns", "签到"), QT_TRANSLATE_NOOP("Columns", "签退"),
               QT_TRANSLATE_NOOP("Columns", "时长（小时）"), QT_TRANSLATE_NOOP("Columns", "积分"))
    NUMERIC = frozenset({6, 7})
    STRETCH = frozenset({0})

    def cell(self, row: ParticipantRow, column: int) -> str:
        if column == 3:
            key = row.signup or ("walk_in" if row.walk_in else "")
            return translated(SIGNUPS, key).format(position=row.position) if key else "—"
        points = ""
        if row.points is not None and row.role == "volunteer":
            points = f"{row.points:+d}"
            if row.status == "pending":
                points += QCoreApplication.translate("Columns", "（待审核）")
        values: tuple[Any, ...] = (row.name, row.resident_no, translated(ROLES, row.role), "",
                                   row.signed_in or "—", row.signed_out or "—",
                                   row.hours if row.hours is not None else "", points)
        return str(values[column])

    def colour(self, row: ParticipantRow, column: int) -> QColor | None:
        return WAITING if column == 3 and row.signup == "waiting" else None


class ParticipantsDialog(QDialog):

    def __init__(self, desk: Desk, activity: ActivityView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.activity = activity
        self.setWindowTitle(self.tr("报名与到场"))
        self.resize(820, 520)
        self.heading = QLabel(f"{activity.date} {activity.title}")
        self.heading.setObjectName("formHeading")
        self.summary = QLabel()
        self.summary.setObjectName("participantsSummary")
        self.lookup = QLineEdit()
        self.lookup.setObjectName("signUpLookup")
        self.lookup.setPlaceholderText(self.tr("居民编号、卡号或姓名，回车报名"))
        self.role = QComboBox()
        self.role.setObjectName("signUpRole")
        for code in ROLES:
            self.role.addItem(translated(ROLES, code), code)
        self.model = ParticipantsModel(self)
        self.table = table_view(self.model, "participantsTable")
        self.cancel_button = QPushButton(self.tr("取消报名（Delete）"))
        self.cancel_button.setObjectName("cancelSignUpButton")
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        entry = QHBoxLayout()
        entry.addWidget(QLabel(self.tr("报名")))
        entry.addWidget(self.lookup, 1)
        entry.addWidget(QLabel(self.tr("角色（F2）")))
        entry.addWidget(self.role)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.summary)
        column.addLayout(entry)
        column.addWidget(self.table, 1)
        column.addWidget(self.feedback)
        column.addLayout(widgets.button_row(self.cancel_button, buttons))
        self._enter = EnterKey(self.lookup, self._on_lookup_entered)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        cancel = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        cancel.setContext(Qt.ShortcutContext.WidgetShortcut)
        cancel.activated.connect(self._on_cancel_button_clicked)
        toggle = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        toggle.activated.connect(self._on_role_toggled)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.open_for_sign_up = activity.state != "closed"
        for widget in (self.lookup, self.role):
            widget.setEnabled(self.open_for_sign_up)
        self.refresh()
        (self.lookup if self.open_for_sign_up else self.table).setFocus()

    def refresh(self) -> None:
        chosen = self.selected()
        current = activities.view(activities.resolve(self.activity.id))
        self.activity = current
        places = (f"{current.booked}/{current.capacity}" if current.capacity
                  else str(current.booked))
        self.summary.setText(self.tr("已报名 {booked}，候补 {waiting}，到场 {attended}").format(
            booked=places, waiting=current.waiting, attended=current.attended))
        self.model.set_rows(participants.of_activity(current.id))
        if chosen is not None:
            for number, row in enumerate(self.model.rows()):
                if row.resident_id == chosen.resident_id:
                    self.table.selectRow(number)

    def selected(self) -> ParticipantRow | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _update_buttons(self, *args: object) -> None:
        chosen = self.selected()
        self.cancel_button.setEnabled(self.open_for_sign_up and chosen is not None
                                      and chosen.signup is not None)

    def _on_role_toggled(self) -> None:
        if self.open_for_sign_up:
            self.role.setCurrentIndex((self.role.currentIndex() + 1) % self.role.count())

    def _on_lookup_entered(self) -> None:
        typed = self.lookup.text().strip()
        if not typed or not self.open_for_sign_up:
            return
        self.errors.clear()
        ctx, activity, role, request = (self.desk.ctx, self.activity.id,
                                        self.role.currentData(), new_request_id())

        def work() -> SignUpResult:
            person = residents.resolve(typed)
            return activities.sign_up(ctx, activity, [person.id], role, request_id=request)

        self.desk.perform(self, work, self._on_sign_up_succeeded, self._on_failed)

    def _on_sign_up_succeeded(self, result: SignUpResult) -> None:
        [person] = result.residents
        if person.repeated:
            text = self.tr("{name}（{no}）已报名过，未重复报名")
        elif person.signup == "waiting":
            text = self.tr("{name}（{no}）名额已满，列入候补第 {position} 位")
        else:
            text = self.tr("{name}（{no}）已报名")
        self.feedback.show_ok(text.format(name=person.name, no=person.resident_no,
                                          position=person.position))
        self.lookup.clear()
        self.lookup.setFocus()
        self.refresh()

    def _on_cancel_button_clicked(self) -> None:
        chosen = self.selected()
        if not self.open_for_sign_up or chosen is None or chosen.signup is None:
            return
        if not widgets.confirm(self, self.tr("取消报名"),
                               self.tr("取消 {name}（{no}）的报名？").format(
                                   name=chosen.name, no=chosen.resident_no),
                               self.tr("取消报名")):
            return
        self.errors.clear()
        ctx, activity, request = self.desk.ctx, self.activity.id, new_request_id()
        self.desk.perform(self, lambda: activities.cancel_signup(
            ctx, activity, [chosen.resident_id], request_id=request),
            lambda result: self._on_cancel_succeeded(chosen, result), self._on_failed)

    def _on_cancel_succeeded(self, chosen: ParticipantRow, result: SignUpResult) -> None:
        text = self.tr("已取消 {name} 的报名").format(name=chosen.name)
        for moved in result.residents:
            text += self.tr("；{name} 由候补转为报名").format(name=moved.name)
        self.feedback.show_ok(text)
        self.refresh()
        self.table.setFocus()

    def _on_failed(self, exc: BaseException) -> None:
        self.errors.show(exc)
        if self.open_for_sign_up:
            self.lookup.setFocus()
            self.lookup.selectAll()  # the next name typed replaces the one refused
