"""Planning an activity: title, day and times, the deed type that awards its volunteers,
kind, organising teams, project, place and capacity. Enter anywhere plans it; a refusal
is shown next to the field it concerns."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.services import activities, catalogue
from app.services.activities import ActivityPlan, ActivityView
from app.services.context import new_request_id
from app.views.common import labels
from app.views.common.page import ReportingDialog
from app.views.common.widgets import Feedback, FieldErrors
from app.views.shell.duty import Desk


class ActivityDialog(ReportingDialog):

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._request_id = new_request_id()
        self.setWindowTitle(self.tr("安排活动"))
        self.title = QLineEdit()
        self.title.setObjectName("activityTitle")
        self.title.setPlaceholderText(self.tr("例如：幸福里环境整治"))
        self.date = QDateEdit(QDate(desk.today()))
        self.date.setObjectName("activityDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.start = QLineEdit("09:00")
        self.start.setObjectName("activityStart")
        self.end = QLineEdit("11:00")
        self.end.setObjectName("activityEnd")
        self.deed_type = QComboBox()
        self.deed_type.setObjectName("activityDeedType")
        for info in catalogue.list_types():
            self.deed_type.addItem(f"{info.code}  {labels.deed_name(info.name_zh, info.name_en)}",
                                   info.code)
        self.kind = QComboBox()
        self.kind.setObjectName("activityKind")
        for code, zh, en in activities.list_kinds():
            self.kind.addItem(labels.in_language(zh, en), code)
        self.teams = QLineEdit()
        self.teams.setObjectName("activityTeams")
        self.teams.setPlaceholderText(self.tr("队名，多个用逗号分隔"))
        self.project = QLineEdit()
        self.project.setObjectName("activityProject")
        self.place = QLineEdit()
        self.place.setObjectName("activityPlace")
        self.capacity = QSpinBox()
        self.capacity.setObjectName("activityCapacity")
        self.capacity.setRange(0, 100000)
        self.capacity.setSpecialValueText(self.tr("不限"))
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("安排"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        form = QFormLayout(self)
        for name, label, widget in (
                ("title", self.tr("活动名称"), self.title), ("date", self.tr("日期"), self.date),
                ("start", self.tr("开始"), self.start), ("end", self.tr("结束"), self.end),
                ("deed_type", self.tr("积分项目"), self.deed_type),
                ("kind", self.tr("活动类型"), self.kind),
                ("team", self.tr("组织队伍"), self.teams),
                ("project", self.tr("所属项目"), self.project),
                ("place", self.tr("地点"), self.place),
                ("capacity", self.tr("名额"), self.capacity)):
            self.errors.add_row(form, name, label, widget)
        form.addRow(self.feedback)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        ctx, request = self.desk.ctx, self._request_id
        typed = (self.title.text(), self.date.date().toPython(), self.start.text(),
                 self.end.text(), self.deed_type.currentData() or "",
                 tuple(t.strip() for t in self.teams.text().replace("，", ",").split(",")
                       if t.strip()),
                 self.kind.currentData() or "other", self.project.text(), self.place.text(),
                 self.capacity.value() or None)

        def work() -> ActivityView:
            title, day, start, end, deed, teams, kind, project, place, capacity = typed
            plan = ActivityPlan(title, day, activities.parse_time(start, "start"),
                                activities.parse_time(end, "end"), deed, teams, kind,
                                project, place, capacity)
            return activities.add_activity(ctx, plan, request_id=request)

        self.buttons.setEnabled(False)
        self.desk.run(self, work, self._on_add_succeeded, self._on_add_failed)

    def _on_add_succeeded(self, result: ActivityView) -> None:
        self.added = result
        self.reported.emit(self.tr("已安排活动：{date} {title}").format(date=result.date,
                                                                    title=result.title))
        self.accept()

    def _on_add_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._request_id = new_request_id()  # a refused plan is a new one once corrected
        self.errors.show(exc)
