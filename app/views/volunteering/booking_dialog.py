"""Booking a room: the room, the day and times, whom it is for (an activity of that day,
a volunteer team or a partner unit) and the purpose. Enter books it; a clash is shown
next to the times, naming the booking it clashes with."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from app.services import activities, rooms, teams
from app.services.context import new_request_id
from app.services.room_holds import BookingView
from app.services.rooms import Booking, RoomView
from app.views.common.page import ReportingDialog
from app.views.common.widgets import Feedback, FieldErrors
from app.views.shell.duty import Desk

ACTIVITY, TEAM, UNIT = "activity", "team", "unit"


class BookingDialog(ReportingDialog):

    def __init__(self, desk: Desk, choices: list[RoomView], room_id: int | None,
                 day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.booked: BookingView | None = None
        self._request_id = new_request_id()
        self.setWindowTitle(self.tr("预订场地"))
        self.room = QComboBox()
        self.room.setObjectName("bookingRoom")
        for room in choices:
            self.room.addItem(room.name, room.id)
        self.room.setCurrentIndex(max(0, self.room.findData(room_id)))
        self.date = QDateEdit(QDate(day))
        self.date.setObjectName("bookingDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.start = QLineEdit("09:00")
        self.start.setObjectName("bookingStart")
        self.end = QLineEdit("11:00")
        self.end.setObjectName("bookingEnd")
        self.kind = QComboBox()
        self.kind.setObjectName("bookingKind")
        for text, code in ((self.tr("活动"), ACTIVITY), (self.tr("志愿服务队"), TEAM),
                           (self.tr("共建单位"), UNIT)):
            self.kind.addItem(text, code)
        self.holder = QComboBox()
        self.holder.setObjectName("bookingHolder")
        self.holder.setEditable(True)
        self.holder.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # Enter books
        self.purpose = QLineEdit()
        self.purpose.setObjectName("bookingPurpose")
        self.purpose.setPlaceholderText(self.tr("例如：法治讲座、队员培训"))
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("预订"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        form = QFormLayout(self)
        for names, label, widget in (
                (("room",), self.tr("场地"), self.room), (("date",), self.tr("日期"), self.date),
                (("start",), self.tr("开始"), self.start), (("end",), self.tr("结束"), self.end),
                (("kind",), self.tr("预订方"), self.kind),
                (("holder", ACTIVITY, TEAM, UNIT), self.tr("名称"), self.holder),
                (("purpose",), self.tr("用途"), self.purpose)):
            self.errors.add_row(form, names, label, widget)
        form.addRow(self.feedback)
        form.addRow(self.buttons)
        self.kind.currentIndexChanged.connect(self._fill_holders)
        self.date.dateChanged.connect(self._fill_holders)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self._fill_holders()
        self.start.setFocus()
        self.start.selectAll()

    def _fill_holders(self, *args: object) -> None:
        """The activities of the chosen day, the teams, or the partner units named so far
        by the teams: the clerk picks one or types another."""
        kind = self.kind.currentData()
        self.holder.clear()
        if kind == ACTIVITY:
            day = self.date.date().toPython()
            for a in activities.list_activities(day, day):
                if a.state != "closed":
                    self.holder.addItem(f"{a.title}（{a.start}–{a.end}）", str(a.id))
        else:
            today = self.desk.today()
            names = [t.name for t in teams.list_teams(today)] if kind == TEAM else \
                sorted({t.unit for t in teams.list_teams(today) if t.unit})
            for name in names:
                self.holder.addItem(name, name)
        self.holder.setCurrentIndex(0 if self.holder.count() else -1)

    def _holder_text(self) -> str:
        index = self.holder.currentIndex()
        typed = self.holder.currentText().strip()
        data = self.holder.itemData(index) if index >= 0 else None
        return str(data) if data is not None and typed == self.holder.itemText(index) \
            else typed

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        ctx, request, kind = self.desk.ctx, self._request_id, self.kind.currentData()
        holder = self._holder_text()
        typed = (str(self.room.currentData() or ""), self.date.date().toPython(),
                 self.start.text(), self.end.text(), self.purpose.text())

        def work() -> BookingView:
            room, day, start, end, purpose = typed
            booking = Booking(room, day, activities.parse_time(start, "start"),
                              activities.parse_time(end, "end"),
                              activity=holder if kind == ACTIVITY else "",
                              team=holder if kind == TEAM else "",
                              unit=holder if kind == UNIT else "", purpose=purpose)
            return rooms.book_room(ctx, booking, request_id=request)

        self.buttons.setEnabled(False)
        self.desk.run(self, work, self._on_book_succeeded, self._on_book_failed)

    def _on_book_succeeded(self, booked: BookingView) -> None:
        self.booked = booked
        done = self.tr("已预订 {room} {date} {start}–{end}：{holder}（预订号 {number}）")
        self.reported.emit(done.format(room=booked.room, date=booked.date, start=booked.start,
                                       end=booked.end, holder=booked.holder, number=booked.id))
        self.accept()

    def _on_book_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._request_id = new_request_id()  # a refused booking is a new one once corrected
        self.errors.show(exc)
