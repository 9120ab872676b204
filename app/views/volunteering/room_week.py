"""The week of the rooms as a table: a room per row, Monday to Sunday as columns, and in
each cell the bookings of that room that day, one line each, by start time."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from app.services.room_holds import BookingView
from app.services.rooms import RoomView, Week

WEEKDAYS = (QT_TRANSLATE_NOOP("RoomWeekModel", "周一"), QT_TRANSLATE_NOOP("RoomWeekModel", "周二"),
            QT_TRANSLATE_NOOP("RoomWeekModel", "周三"), QT_TRANSLATE_NOOP("RoomWeekModel", "周四"),
            QT_TRANSLATE_NOOP("RoomWeekModel", "周五"), QT_TRANSLATE_NOOP("RoomWeekModel", "周六"),
            QT_TRANSLATE_NOOP("RoomWeekModel", "周日"))
BOOKINGS_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def booking_line(booking: BookingView) -> str:
    return f"{booking.start}–{booking.end} {booking.holder}"


class RoomWeekModel(QAbstractTableModel):

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.week: Week | None = None
        self.today = ""

    def set_week(self, week: Week, today: dt.date) -> None:
        self.beginResetModel()
        self.week = week
        self.today = str(today)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() or self.week is None else len(self.week.rooms)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else 7

    def room(self, row: int) -> RoomView | None:
        if self.week is None or not 0 <= row < len(self.week.rooms):
            return None
        return self.week.rooms[row]

    def bookings(self, index: Index) -> list[BookingView]:
        room = self.room(index.row()) if index.isValid() else None
        return [] if room is None or self.week is None else self.week.bookings(room.id,
                                                                              index.column())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.week is None:
            return None
        held = self.bookings(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(booking_line(b) for b in held)
        if role == Qt.ItemDataRole.ToolTipRole and held:
            return "\n".join(
                QCoreApplication.translate("RoomWeekModel", "{line}（预订号 {number}）{purpose}")
                .format(line=booking_line(b), number=b.id, purpose=b.purpose) for b in held)
        if role == BOOKINGS_ROLE:
            return held
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.week is None:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 7:
            day = self.week.days[section]
            if role == Qt.ItemDataRole.DisplayRole:
                name = QCoreApplication.translate("RoomWeekModel", WEEKDAYS[section])
                return f"{name}\n{day[5:]}"
            if role == Qt.ItemDataRole.FontRole and day == self.today:
                bold = QFont()
                bold.setBold(True)
                return bold
            return None
        room = self.room(section)
        if orientation == Qt.Orientation.Vertical and room is not None:
            if role == Qt.ItemDataRole.DisplayRole:
                return room.name if room.active else QCoreApplication.translate(
                    "RoomWeekModel", "{name}（已停用）").format(name=room.name)
            if role == Qt.ItemDataRole.ToolTipRole and room.capacity:
                return QCoreApplication.translate("RoomWeekModel", "可容纳 {count} 人").format(
                    count=room.capacity)
        return None
