"""The dialogs of the 点单 tab: taking a resident's request at the desk (what, who asked —
found as the desk finds residents —, for whom, how urgent), assigning it to a team or an
activity, and marking it done or withdrawn with a note. Enter submits each; a refusal is
shown next to the field it concerns."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.services import activities, requests, residents, teams
from app.services.context import new_request_id
from app.services.requests import RequestView
from app.views.common.errors import message_for
from app.views.common.page import ReportingDialog
from app.views.common.widgets import EnterKey, Feedback, FieldErrors
from app.views.shell.duty import Desk

Work = Callable[[], RequestView]


class RequestDialog(ReportingDialog):
    """A form with fields and their error lines, a feedback line and OK/Cancel; the
    write runs in the background with one request id until it is refused."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.request_id = new_request_id()
        self.setMinimumWidth(520)
        self.form = QFormLayout(self)
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("Widgets", "取消"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.result_view: RequestView | None = None

    def set_labels(self, title: str, action: str) -> None:
        self.setWindowTitle(title)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(action)

    def add_field(self, name: str, label: str, widget: QWidget) -> None:
        self.errors.add_row(self.form, name, label, widget)

    def finish_layout(self) -> None:
        self.form.addRow(self.feedback)
        self.form.addRow(self.buttons)

    def work(self) -> Work | None:
        """The write to run, or None when the form is not ready (said next to a field)."""
        raise NotImplementedError

    def done_message(self, view: RequestView) -> str:
        raise NotImplementedError

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        work = self.work()
        if work is None:
            return
        self.buttons.setEnabled(False)
        self.desk.run(self, work, self._on_write_succeeded, self._on_write_failed)

    def _on_write_succeeded(self, view: RequestView) -> None:
        self.result_view = view
        self.reported.emit(self.done_message(view))
        self.accept()

    def _on_write_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.request_id = new_request_id()  # corrected, it is a new request
        self.errors.show(exc)


class TakeRequestDialog(RequestDialog):

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.set_labels(self.tr("受理点单"), self.tr("受理"))
        self.text = QLineEdit()
        self.text.setObjectName("requestText")
        self.text.setPlaceholderText(self.tr("例如：帮独居老人修理门锁"))
        self.kind = QComboBox()
        self.kind.setObjectName("requestKind")
        self.kind.addItem(self.tr("百姓点单"), "order")
        self.kind.addItem(self.tr("微心愿"), "wish")
        self.resident = QLineEdit()
        self.resident.setObjectName("requestResident")
        self.resident.setPlaceholderText(self.tr("扫描居民卡，或输入居民编号、姓名后回车；可不填"))
        self.found = QLabel()
        self.found.setObjectName("requestResidentFound")
        self.beneficiary = QLineEdit()
        self.beneficiary.setObjectName("requestFor")
        self.beneficiary.setPlaceholderText(self.tr("不是提出人本人时填写，如 3栋李奶奶"))
        self.urgent = QCheckBox(self.tr("紧急"))
        self.urgent.setObjectName("requestUrgent")
        self.add_field("text", self.tr("需要什么"), self.text)
        self.add_field("kind", self.tr("类型"), self.kind)
        self.add_field("resident", self.tr("提出人"), self.resident)
        self.form.addRow("", self.found)
        self.add_field("beneficiary", self.tr("为谁"), self.beneficiary)
        self.add_field("urgency", self.tr("紧急程度"), self.urgent)
        self.finish_layout()
        EnterKey(self.resident, self._on_resident_return_pressed)
        self.resident.textEdited.connect(lambda _text: self.found.clear())

    def _find_resident(self) -> residents.ResidentView | None:
        """The resident typed or scanned, as the desk finds them; None when left empty.
        A refusal (nobody, several, archived) is said next to the field and raises."""
        typed = self.resident.text().strip()
        if not typed:
            return None
        try:
            upper = typed.upper()
            return residents.resolve(upper if residents.CARD_PATTERN.fullmatch(upper) else typed)
        except Exception as exc:
            self.errors.set("resident", message_for(exc))
            self.resident.setFocus()
            raise

    def _on_resident_return_pressed(self) -> None:
        self.errors.set("resident", "")
        try:
            person = self._find_resident()
        except Exception:  # noqa: BLE001 - said next to the field
            return
        if person is not None:
            self.found.setText(f"{person.name}（{person.resident_no}）")
            self.resident.setText(person.resident_no)
            self.beneficiary.setFocus()

    def work(self) -> Work | None:
        try:
            person = self._find_resident()
        except Exception:  # noqa: BLE001 - said next to the field
            return None
        ctx, request = self.desk.ctx, self.request_id
        typed = (self.text.text(), self.kind.currentData(), person.id if person else None,
                 self.beneficiary.text(), "urgent" if self.urgent.isChecked() else "normal")
        return lambda: requests.take_request(ctx, *typed, request_id=request)

    def done_message(self, view: RequestView) -> str:
        return self.tr("已受理点单 {number}：{text}").format(number=view.number, text=view.text)


class AssignRequestDialog(RequestDialog):
    """Choose the team that takes the request on, and the activity that will meet it."""

    def __init__(self, desk: Desk, chosen: RequestView, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.set_labels(self.tr("分派点单"), self.tr("分派"))
        self.chosen = chosen
        heading = QLabel(f"{chosen.number}  {chosen.text}")
        heading.setObjectName("formHeading")
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(heading)
        self.team = QComboBox()
        self.team.setObjectName("requestTeam")
        self.team.addItem(self.tr("（按活动的组织队伍）"), None)
        for team in teams.list_teams(desk.today()):
            self.team.addItem(team.name, team.name)
        if chosen.team:
            self.team.setCurrentIndex(max(self.team.findData(chosen.team), 0))
        elif self.team.count() > 1:
            self.team.setCurrentIndex(1)
        self.activity = QComboBox()
        self.activity.setObjectName("requestActivity")
        self.activity.addItem(self.tr("（暂不转为活动）"), None)
        for planned in activities.list_activities():
            if planned.state != "closed" or planned.id == chosen.activity_id:
                self.activity.addItem(f"{planned.id}  {planned.date} {planned.title}", planned.id)
        if chosen.activity_id is not None:
            self.activity.setCurrentIndex(max(self.activity.findData(chosen.activity_id), 0))
        self.add_field("team", self.tr("承接队伍"), self.team)
        self.add_field("activity", self.tr("转为活动"), self.activity)
        self.finish_layout()

    def work(self) -> Work | None:
        ctx, request, number = self.desk.ctx, self.request_id, self.chosen.number
        team, activity = self.team.currentData(), self.activity.currentData()
        return lambda: requests.assign_request(ctx, number, team, activity, request_id=request)

    def done_message(self, view: RequestView) -> str:
        if view.team is None:
            return self.tr("点单 {number} 已转为活动：{activity}").format(
                number=view.number, activity=view.activity)
        return self.tr("点单 {number} 已分派给 {team}").format(number=view.number, team=view.team)


class FinishRequestDialog(RequestDialog):
    """Mark the request done (``withdraw=False``) or withdrawn, with a note."""

    def __init__(self, desk: Desk, chosen: RequestView, withdraw: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        if withdraw:
            self.set_labels(self.tr("撤回点单"), self.tr("撤回"))
        else:
            self.set_labels(self.tr("办结点单"), self.tr("办结"))
        self.chosen, self.withdraw = chosen, withdraw
        heading = QLabel(f"{chosen.number}  {chosen.text}")
        heading.setObjectName("formHeading")
        self.form.addRow(heading)
        self.note = QLineEdit()
        self.note.setObjectName("requestNote")
        self.note.setPlaceholderText(self.tr("撤回原因") if withdraw
                                     else self.tr("办理情况，如 已上门修好"))
        self.add_field("note", self.tr("说明"), self.note)
        self.finish_layout()

    def work(self) -> Work | None:
        ctx, request, number = self.desk.ctx, self.request_id, self.chosen.number
        note = self.note.text()
        finish = requests.withdraw_request if self.withdraw else requests.complete_request
        return lambda: finish(ctx, number, note, request_id=request)

    def done_message(self, view: RequestView) -> str:
        if self.withdraw:
            return self.tr("点单 {number} 已撤回").format(number=view.number)
        return self.tr("点单 {number} 已办结").format(number=view.number)
