"""The 志愿活动 page: the activities of a period, planning one, the attendance mode
(``attendance_mode``) and closing an activity into hours and points; the other parts of
volunteer work are tabs beside the list (``tabs``)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import activities, activity_close, attendance
from app.services.activities import ActivityView
from app.services.activity_close import Closing
from app.services.context import new_request_id
from app.views.common import labels, widgets
from app.views.common.page import Page, PageInfo
from app.views.common.widgets import FieldErrors
from app.views.documents import output
from app.views.shell.duty import Desk
from app.views.tables.rows import ROW_ROLE
from app.views.volunteering.activity_dialog import ActivityDialog
from app.views.volunteering.attendance_mode import AttendanceMode
from app.views.volunteering.closing_dialog import ClosingDialog
from app.views.volunteering.models import ActivitiesModel
from app.views.volunteering.participants_dialog import ParticipantsDialog
from app.views.volunteering.tabs import TAB_CLASSES, VolunteeringTab

LIST, ATTENDANCE = 0, 1


class ActivitiesPage(Page):
    info = PageInfo("activities", QT_TRANSLATE_NOOP("MainWindow", "志愿活动"), order=110)
    refresh_on_show = True  # another desk may have scanned or closed meanwhile

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.errors = FieldErrors(self.feedback)
        self.stack = QStackedWidget()
        self.list_view = QWidget()
        self.mode = AttendanceMode(desk)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("volunteeringTabs")
        self.tabs.addTab(self.list_view, self.tr("活动"))
        self.extra_tabs: list[VolunteeringTab] = []
        for tab_class in TAB_CLASSES:
            tab = tab_class(desk, self.feedback)
            self.extra_tabs.append(tab)
            self.tabs.addTab(tab, self.tr(tab_class.title))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.mode)
        self.column.addWidget(self.stack)
        self.column.addWidget(self.feedback)
        column = QVBoxLayout(self.list_view)
        column.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("志愿活动"))
        heading.setObjectName("pageTitle")
        column.addWidget(heading)
        today = QDate(desk.today())
        self.start = QDateEdit(today.addDays(-today.day() + 1))
        self.end = QDateEdit(today.addMonths(1).addDays(-today.day()))
        for name, edit in (("activitiesFrom", self.start), ("activitiesTo", self.end)):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._refresh_list)
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("期间")))
        period.addWidget(self.start)
        period.addWidget(QLabel("—"))
        period.addWidget(self.end)
        period.addStretch(1)
        self.export_button = QPushButton(self.tr("导出到 Excel…"))
        self.export_button.setObjectName("exportActivities")
        period.addWidget(self.export_button)
        column.addLayout(period)
        self.model = ActivitiesModel(self)
        self.table = self.make_table(self.model, "activitiesTable")
        column.addWidget(self.table, 1)
        self.add_button = QPushButton(self.tr("安排活动"))
        self.add_button.setObjectName("addActivityButton")
        self.attend_button = QPushButton(self.tr("开始签到"))
        self.attend_button.setObjectName("startAttendanceButton")
        self.close_button = QPushButton(self.tr("结算"))
        self.close_button.setObjectName("closeActivityButton")
        self.people_button = QPushButton(self.tr("报名与到场"))
        self.people_button.setObjectName("participantsButton")
        self.sheet_button = QPushButton(self.tr("打印签到表"))
        self.sheet_button.setObjectName("signInSheetButton")
        column.addLayout(widgets.button_row(self.add_button, self.people_button,
                                            self.attend_button, self.sheet_button,
                                            self.close_button))
        self.people_button.clicked.connect(self._on_people_button_clicked)
        self.table.activated.connect(self._on_people_button_clicked)  # Enter on a row
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.attend_button.clicked.connect(self._on_attend_button_clicked)
        self.close_button.clicked.connect(self._on_close_button_clicked)
        self.sheet_button.clicked.connect(self._on_sheet_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.mode.left.connect(self.leave_attendance)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def refresh(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, VolunteeringTab):
            current.refresh()
            return
        self._refresh_list()

    def _on_tab_changed(self, index: int) -> None:
        self.feedback.clear_message()
        self.refresh()

    def _refresh_list(self) -> None:
        chosen = self.selected()
        self.model.kind_names = {zh: labels.in_language(zh, en)
                                 for _, zh, en in activities.list_kinds()}
        self.model.set_rows(activities.list_activities(self._day(self.start),
                                                       self._day(self.end)))
        if chosen is not None:
            self.select(chosen.id)

    @staticmethod
    def _day(edit: QDateEdit) -> dt.date:
        return edit.date().toPython()

    def selected(self) -> ActivityView | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select(self, activity_id: int) -> None:
        for number, row in enumerate(self.model.rows()):
            if row.id == activity_id:
                self.table.selectRow(number)

    def _update_buttons(self, *args: object) -> None:
        chosen = self.selected()
        writable = chosen is not None and chosen.state != "closed"
        self.attend_button.setEnabled(writable)
        self.close_button.setEnabled(writable)
        self.people_button.setEnabled(chosen is not None)
        self.sheet_button.setEnabled(writable)

    def _on_people_button_clicked(self, *args: object) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.people_dialog = ParticipantsDialog(self.desk, chosen, self)
            self.people_dialog.finished.connect(self.refresh)
            self.people_dialog.open()

    def _on_add_button_clicked(self) -> None:
        dialog = ActivityDialog(self.desk, self)
        dialog.reported.connect(self.feedback.show_ok)
        if dialog.exec():
            self.refresh()
            self.select(dialog.added.id)

    def _on_export_button_clicked(self) -> None:
        from app.views.residents.export_dialog import ExportDialog

        dialog = ExportDialog(self.desk, "activities", self,
                              (self._day(self.start), self._day(self.end)))
        dialog.reported.connect(self.feedback.show_ok)
        dialog.open()

    def _on_attend_button_clicked(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.state == "closed":
            return
        self.feedback.clear_message()
        self.stack.setCurrentIndex(ATTENDANCE)
        self.mode.start(chosen)

    def _on_sheet_button_clicked(self) -> None:
        from app.views.documents.pdf_preview import PdfDialog

        chosen = self.selected()
        if chosen is not None:
            self.sheet_dialog = PdfDialog(self.desk, self.tr("签到表"),
                                          output.sign_in_sheet_job(chosen.id), self)
            self.sheet_dialog.open()

    def leave_attendance(self) -> None:
        self.stack.setCurrentIndex(LIST)
        self.refresh()
        self.table.setFocus()

    @property
    def attending(self) -> bool:
        return self.stack.currentIndex() == ATTENDANCE

    def _on_close_button_clicked(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        volunteers = attendance.volunteers_present(chosen.id)
        question = self.tr("结算“{title}”（{date}）？{count} 名志愿者的时长与积分将记入台账。")
        if not widgets.confirm(self, self.tr("结算活动"), question.format(
                title=chosen.title, date=chosen.date, count=volunteers), self.tr("结算")):
            return
        ctx, request = self.desk.ctx, new_request_id()
        self.desk.perform(self, lambda: activity_close.close_activity(ctx, chosen.id,
                                                                      request_id=request),
                          self._on_close_succeeded, self.errors.show)

    def _on_close_succeeded(self, closing: Closing) -> None:
        message = self.tr("已结算“{title}”：志愿服务 {hours} 小时，积分 {points} 分").format(
            title=closing.title, hours=closing.hours, points=closing.points)
        self.feedback.show_ok(message)
        self.desk.post(message)
        self.refresh()
        self.closing_dialog = ClosingDialog(closing, self)
        self.closing_dialog.open()
