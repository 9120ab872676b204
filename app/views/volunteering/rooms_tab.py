"""The 场地 tab: the week's bookings of the station's rooms (a room per row, Monday to
Sunday as columns), booking a room from a cell and cancelling a booking.

All of it works from the keyboard: the arrows choose a room and a day, Enter books it,
Delete cancels the booking chosen in the list under the table (the cell's first one
unless another is chosen there), Page Up and Page Down go to the week before and after.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import rooms
from app.services.context import new_request_id
from app.services.room_holds import BookingView
from app.views.common import widgets
from app.views.common.errors import message_for
from app.views.common.keys import ENTER
from app.views.shell.duty import Desk
from app.views.volunteering.booking_dialog import BookingDialog
from app.views.volunteering.room_week import RoomWeekModel, booking_line
from app.views.volunteering.tab_base import VolunteeringTab

WEEK = dt.timedelta(days=7)


class RoomsTab(VolunteeringTab):
    title = QT_TRANSLATE_NOOP("ActivitiesPage", "场地")

    def __init__(self, desk: Desk, feedback: widgets.Feedback,
                 parent: QWidget | None = None) -> None:
        super().__init__(desk, feedback, parent)
        self.day = desk.today()
        self.previous_button = QPushButton(self.tr("上一周（PgUp）"))
        self.previous_button.setObjectName("roomsPreviousWeek")
        self.this_week_button = QPushButton(self.tr("本周"))
        self.this_week_button.setObjectName("roomsThisWeek")
        self.next_button = QPushButton(self.tr("下一周（PgDn）"))
        self.next_button.setObjectName("roomsNextWeek")
        self.range_label = QLabel()
        self.range_label.setObjectName("roomsWeekRange")
        self.empty_label = QLabel(
            self.tr("还没有场地：管理员可用 station-desk room add 名称 添加。"))
        self.empty_label.setObjectName("hint")
        self.model = RoomWeekModel(self)
        self.table = QTableView()
        self.table.setObjectName("roomWeek")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Room for two bookings a day before a row grows: the week reads like a calendar.
        self.table.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() * 3)
        self.cell_list = QListWidget()
        self.cell_list.setObjectName("roomCellBookings")
        self.cell_list.setMaximumHeight(self.fontMetrics().height() * 5)
        self.book_button = QPushButton(self.tr("预订（Enter）"))
        self.book_button.setObjectName("bookRoomButton")
        self.cancel_button = QPushButton(self.tr("取消预订（Del）"))
        self.cancel_button.setObjectName("cancelBookingButton")
        top = QHBoxLayout()
        top.addWidget(self.previous_button)
        top.addWidget(self.this_week_button)
        top.addWidget(self.next_button)
        top.addWidget(self.range_label, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.empty_label)
        column.addWidget(self.table, 1)
        column.addWidget(QLabel(self.tr("所选格子的预订：")))
        column.addWidget(self.cell_list)
        column.addLayout(widgets.button_row(self.book_button, self.cancel_button))
        self.setFocusProxy(self.table)
        self._keys = _WeekKeys(self)
        self.table.installEventFilter(self._keys)
        self.cell_list.installEventFilter(self._keys)
        self.previous_button.clicked.connect(lambda: self.show_week(self.day - WEEK))
        self.next_button.clicked.connect(lambda: self.show_week(self.day + WEEK))
        self.this_week_button.clicked.connect(lambda: self.show_week(self.desk.today()))
        self.book_button.clicked.connect(self.book)
        self.cancel_button.clicked.connect(self.cancel)
        self.table.selectionModel().currentChanged.connect(self._on_current_changed)

    def refresh(self) -> None:
        self.show_week(self.day)

    def show_week(self, day: dt.date) -> None:
        """The week holding ``day``, the cursor kept on the same room and weekday."""
        current = self.table.currentIndex()
        row, column = (current.row(), current.column()) if current.isValid() else (0, -1)
        self.day = day
        week = rooms.week(day)
        self.model.set_week(week, self.desk.today())
        self.range_label.setText(self.tr("{first} 至 {last}").format(first=week.days[0],
                                                                    last=week.days[-1]))
        self.empty_label.setVisible(not week.rooms)
        if column < 0:
            column = day.weekday()
        if week.rooms:
            self.table.setCurrentIndex(self.model.index(min(row, len(week.rooms) - 1),
                                                        column))
        self._show_cell()

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._show_cell()

    def chosen_day(self) -> dt.date:
        current = self.table.currentIndex()
        monday = self.day - dt.timedelta(days=self.day.weekday())
        return monday + dt.timedelta(days=current.column() if current.isValid() else 0)

    def _show_cell(self) -> None:
        self.cell_list.clear()
        for booking in self.model.bookings(self.table.currentIndex()):
            item = QListWidgetItem(self.tr("{line}（预订号 {number}）").format(
                line=booking_line(booking), number=booking.id))
            item.setData(Qt.ItemDataRole.UserRole, booking)
            self.cell_list.addItem(item)
        if self.cell_list.count():
            self.cell_list.setCurrentRow(0)
        self.cancel_button.setEnabled(self.cell_list.count() > 0)
        self.book_button.setEnabled(self.model.rowCount() > 0)

    def chosen_booking(self) -> BookingView | None:
        item = self.cell_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def book(self) -> None:
        room = self.model.room(self.table.currentIndex().row())
        if room is None:
            return
        dialog = BookingDialog(self.desk, rooms.list_rooms(), room.id, self.chosen_day(), self)
        dialog.reported.connect(self.feedback.show_ok)
        if dialog.exec() and dialog.booked is not None:
            self.show_week(dt.date.fromisoformat(dialog.booked.date))
        self.table.setFocus()

    def cancel(self) -> None:
        booking = self.chosen_booking()
        if booking is None:
            return
        question = self.tr("取消预订 {number}：{room} {date} {line}？记录会保留，时间空出。")
        question = question.format(number=booking.id, room=booking.room, date=booking.date,
                                   line=booking_line(booking))
        if not widgets.confirm(self, self.tr("取消预订"), question, self.tr("取消预订")):
            return
        ctx, request = self.desk.ctx, new_request_id()
        self.desk.run(self, lambda: rooms.cancel_booking(ctx, booking.id, request_id=request),
                      self._on_cancel_succeeded, self._on_cancel_failed)

    def _on_cancel_succeeded(self, done: BookingView) -> None:
        self.feedback.show_ok(self.tr("已取消预订 {number}，{room} {date} {start}–{end} 已空出")
                              .format(number=done.id, room=done.room, date=done.date,
                                      start=done.start, end=done.end))
        self.refresh()
        self.table.setFocus()

    def _on_cancel_failed(self, exc: BaseException) -> None:
        self.feedback.show_error(message_for(exc))
        self.refresh()


class _WeekKeys(QObject):
    """The tab's keys on the table and the list under it."""

    def __init__(self, tab: RoomsTab) -> None:
        super().__init__(tab)
        self._tab = tab

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        tab, key = self._tab, event.key()
        if key == Qt.Key.Key_PageUp:
            tab.show_week(tab.day - WEEK)
        elif key == Qt.Key.Key_PageDown:
            tab.show_week(tab.day + WEEK)
        elif key in (*ENTER, Qt.Key.Key_Insert) and watched is tab.table:
            tab.book()
        elif key == Qt.Key.Key_Delete:
            tab.cancel()
        elif key == Qt.Key.Key_Escape and watched is tab.cell_list:
            tab.table.setFocus()
        else:
            return False
        return True
