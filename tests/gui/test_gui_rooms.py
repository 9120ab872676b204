"""The 场地 tab of the 志愿活动 page, driven by keyboard: a room booked from a cell of the
week view, a clash shown in the dialog naming the booking it clashes with, a booking
cancelled, the weeks paged; and the activity list's 打印签到表 button."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.services import activities, residents, rooms
from app.services.activities import ActivityPlan
from app.services.rooms import Booking
from app.views.shell.main_window import ACTIVITIES
from app.views.volunteering.booking_dialog import BookingDialog
from app.views.volunteering.rooms_tab import RoomsTab

from .conftest import type_text

pytestmark = pytest.mark.gui

DAY = dt.date(2026, 11, 23)  # the fixture clock's day, a Monday


@pytest.fixture
def tab(ctx, window):
    for name in ("道德讲堂", "四点半课堂", "活动室"):
        rooms.add_room(ctx, name)
    page = window.page_by_key[ACTIVITIES]
    window.show_page(ACTIVITIES)
    rooms_tab = next(t for t in page.extra_tabs if isinstance(t, RoomsTab))
    page.tabs.setCurrentWidget(rooms_tab)
    rooms_tab.table.setFocus()
    return rooms_tab


def key(widget, k: Qt.Key) -> None:
    QTest.keyClick(widget, k)


def fill_booking(start: str, end: str, unit: str, seen: list) -> None:
    """In the booking dialog, by keyboard: the times, 共建单位 as the holder, its name,
    then Enter; the dialog is kept in ``seen``."""
    dialog = QApplication.activeModalWidget()
    seen.append(dialog)
    assert isinstance(dialog, BookingDialog)
    for _ in range(100):  # the dialog is shown; its window takes the keyboard a moment later
        if QApplication.focusWidget() is dialog.start:
            break
        QTest.qWait(10)
    assert QApplication.focusWidget() is dialog.start
    QTest.keyClicks(dialog.start, start)
    key(dialog.start, Qt.Key.Key_Tab)
    QTest.keyClicks(QApplication.focusWidget(), end)
    key(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.kind
    key(dialog.kind, Qt.Key.Key_Down)
    key(dialog.kind, Qt.Key.Key_Down)
    key(dialog.kind, Qt.Key.Key_Tab)
    type_text(QApplication.focusWidget(), unit)
    key(QApplication.focusWidget(), Qt.Key.Key_Return)


def test_book_by_keyboard_then_a_clash_is_shown(ctx, tab):
    """Down to 四点半课堂, Right to Wednesday, Enter: booked for a unit, shown in the
    cell; a second, overlapping booking there shows the clash naming the first."""
    assert tab.range_label.text() == "2026-11-23 至 2026-11-29"
    key(tab.table, Qt.Key.Key_Down)
    key(tab.table, Qt.Key.Key_Right)
    key(tab.table, Qt.Key.Key_Right)
    assert (tab.table.currentIndex().row(), tab.chosen_day()) == (1, DAY + dt.timedelta(2))
    seen: list = []
    QTimer.singleShot(0, lambda: fill_booking("14:00", "16:00", "新华派出所", seen))
    key(tab.table, Qt.Key.Key_Return)
    week = rooms.week(DAY)
    [held] = week.bookings(week.rooms[1].id, 2)
    assert (held.room, held.start, held.end, held.holder) == ("四点半课堂", "14:00", "16:00",
                                                              "新华派出所")
    assert "新华派出所" in tab.table.currentIndex().data()
    assert tab.cell_list.count() == 1 and "已预订" in tab.feedback.text()

    def clash_then_give_up() -> None:
        fill_booking("15:00", "17:00", "幸福里幼儿园", seen)
        shown = seen[-1].errors.text("start")
        seen.append(shown)
        key(QApplication.focusWidget(), Qt.Key.Key_Escape)

    QTimer.singleShot(0, clash_then_give_up)
    key(tab.table, Qt.Key.Key_Return)
    assert "新华派出所" in seen[-1] and f"预订号 {held.id}" in seen[-1]
    assert len(rooms.week(DAY).bookings(week.rooms[1].id, 2)) == 1
    assert tab.window().focusWidget() is tab.table  # back on the week, ready for more


def test_cancel_with_delete_and_page_the_weeks(ctx, tab, answer):
    """Delete on a booked cell cancels its booking after a question; Page Down shows next
    week with the cursor on the same room and weekday, Page Up comes back."""
    made = rooms.book_room(ctx, Booking("道德讲堂", DAY, dt.time(9), dt.time(11),
                                        unit="新华派出所"))
    rooms.book_room(ctx, Booking("道德讲堂", DAY + dt.timedelta(7), dt.time(9), dt.time(10),
                                 unit="幸福里幼儿园"))
    tab.refresh()
    assert tab.table.currentIndex().column() == 0 and tab.cell_list.count() == 1
    key(tab.table, Qt.Key.Key_PageDown)
    assert tab.range_label.text() == "2026-11-30 至 2026-12-06"
    assert "幸福里幼儿园" in tab.table.currentIndex().data()
    key(tab.table, Qt.Key.Key_PageUp)
    key(tab.table, Qt.Key.Key_Delete)
    assert f"取消预订 {made.id}" in answer.asked[-1]
    assert rooms.week(DAY).bookings(rooms.week(DAY).rooms[0].id, 0) == []
    assert not tab.table.currentIndex().data() and "已取消" in tab.feedback.text()
    answer.yes = False
    key(tab.table, Qt.Key.Key_Delete)  # nothing left in the cell: nothing asked
    assert len(answer.asked) == 1


def test_the_week_model_keeps_its_contract(ctx, tab, qtmodeltester):
    rooms.book_room(ctx, Booking("活动室", DAY, dt.time(9), dt.time(11), unit="新华派出所"))
    tab.refresh()
    qtmodeltester.check(tab.model)


def test_the_sign_in_sheet_button_prints_the_sheet(ctx, window, printer):
    """打印签到表 on the chosen activity opens the sheet's preview; Print sends it."""
    person = residents.register(ctx, residents.ResidentInput(name="赵一"))
    activity = activities.add_activity(ctx, ActivityPlan(
        "幸福里环境整治", DAY, dt.time(8), dt.time(11), "ENV_CLEANUP", kind="environment"))
    activities.sign_up(ctx, activity.id, [person.id])
    page = window.page_by_key[ACTIVITIES]
    window.show_page(ACTIVITIES)
    page.refresh()
    page.select(activity.id)
    QTest.keyClick(page.sheet_button, Qt.Key.Key_Space)
    preview = page.sheet_dialog.preview
    assert preview.printout is not None and preview.printout.count == 1
    QTest.keyClick(preview.print_button, Qt.Key.Key_Space)
    assert len(printer.printed) == 1 and printer.printed[0] == preview.printout.documents
