"""The 志愿活动 page driven through its real widgets: an attendance session scanned like
a USB scanner (no mouse), a walk-in, closing the activity, and planning one with Enter."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox

from app.models import LedgerEntry, Participant
from app.services import activities, residents
from app.services.activities import ActivityPlan
from app.views.shell.main_window import ACTIVITIES, SHORTCUT_PAGES
from app.views.volunteering.activity_dialog import ActivityDialog

from .conftest import scan

pytestmark = pytest.mark.gui

DAY = dt.date(2026, 11, 23)  # the fixture clock's day; it shows 09:30


def register(ctx, count: int) -> list[residents.ResidentView]:
    return [residents.register(ctx, residents.ResidentInput(name=f"志愿者{n:02d}"))
            for n in range(count)]


def plan_activity(ctx, capacity: int | None = None) -> activities.ActivityView:
    return activities.add_activity(ctx, ActivityPlan(
        "幸福里环境整治", DAY, dt.time(8, 0), dt.time(11, 0), "ENV_CLEANUP",
        kind="environment", capacity=capacity))


def attendance_page(window, activity_id: int):
    page = window.page_by_key[ACTIVITIES]
    window.show_page(ACTIVITIES)
    page.refresh()
    page.select(activity_id)
    QTest.keyClick(page.attend_button, Qt.Key.Key_Space)  # the button, pressed by key
    assert page.attending
    return page


def ledger(resident_id: int) -> int:
    return sum(e.points for e in LedgerEntry.select().where(LedgerEntry.resident == resident_id))


def test_thirty_scans_a_repeat_a_walk_in_and_closing(ctx, clock, window, answer):
    people = register(ctx, 30)
    activity = plan_activity(ctx)
    activities.sign_up(ctx, activity.id, [p.id for p in people[:29]])
    page = attendance_page(window, activity.id)
    field = page.mode.field
    assert QApplication.focusWidget() is field
    seen = []
    page.mode.acknowledged.connect(seen.append)
    for number, person in enumerate(people):
        code = person.card_code if number % 2 else person.resident_no
        scan(QApplication.focusWidget(), code)  # wherever the keys land: the scan field
        assert len(seen) == number + 1 and person.name in seen[-1]
        assert page.mode.ack.text() == seen[-1]
        assert field.text() == ""
    assert "现场登记" in seen[-1] and "现场登记" not in seen[0]
    assert page.mode.counted == 30 and "30" in page.mode.count_label.text()
    scan(field, people[3].card_code)  # the same card held twice under the scanner
    assert "重复扫码" in page.mode.ack.text() and "#a15c00" in page.mode.ack.styleSheet()
    assert page.mode.counted == 30
    assert page.mode.log.count() == 31
    scan(field, "XH01-NOBODY9")
    assert "找不到" in page.mode.ack.text() and page.mode.counted == 30
    assert QApplication.focusWidget() is field
    QTest.mouseClick(page.mode.log.viewport(), Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is field  # a stray click leaves the turnstile ready
    assert Participant.select().where(Participant.signed_in_at.is_null(False)).count() == 30
    assert Participant.get(Participant.resident == people[29].id).walk_in
    clock.advance(minutes=75)
    for person in people[:5]:  # 10:45: five volunteers scan out
        scan(field, person.card_code)
        assert "签退" in page.mode.ack.text()
    QTest.keyClick(field, Qt.Key.Key_Escape)
    assert not page.attending
    clock.advance(minutes=45)  # 11:30: the rest count to the scheduled end
    page.select(activity.id)
    page.close_button.click()
    assert "30 名志愿者" in answer.asked[-1] and "幸福里环境整治" in answer.asked[-1]
    shown = {page.closing_dialog.model.index(r, 1).data():
             (page.closing_dialog.model.index(r, 5).data(),
              page.closing_dialog.model.index(r, 6).data())
             for r in range(page.closing_dialog.model.rowCount())}
    assert len(shown) == 30
    for person in people:
        hours, points = shown[person.resident_no]
        assert int(points) == ledger(person.id) > 0
        assert hours == ("1" if person in people[:5] else "1.5")
    assert page.model.rows()[0].state == "closed"


def test_a_walk_in_as_audience(ctx, window):
    person, booked = register(ctx, 2)
    activity = plan_activity(ctx)
    activities.sign_up(ctx, activity.id, [booked.id], role="audience")
    page = attendance_page(window, activity.id)
    scan(page.mode.field, booked.card_code)  # the toggle off keeps the role signed up for
    assert "服务对象" in page.mode.ack.text() and "现场登记" not in page.mode.ack.text()
    QTest.keyClick(page.mode.field, Qt.Key.Key_F2)
    assert page.mode.audience.isChecked()
    scan(page.mode.field, person.card_code)
    assert "服务对象" in page.mode.ack.text() and "现场登记" in page.mode.ack.text()
    assert Participant.get(Participant.resident == person.id).role == "audience"


def fill(dialog: ActivityDialog, title: str, end: str = "11:00") -> None:
    dialog.title.setFocus()
    QTest.keyClicks(dialog.title, title)
    dialog.end.selectAll()
    QTest.keyClicks(dialog.end, end)
    choose(dialog.deed_type, "ENV_CLEANUP")


def choose(combo: QComboBox, code: str) -> None:
    combo.setCurrentIndex(combo.findData(code))


def test_planning_an_activity_with_enter(desk, qtbot):
    dialog = ActivityDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, "Park clean-up")
    QTest.keyClick(dialog.title, Qt.Key.Key_Return)
    assert dialog.result() == ActivityDialog.DialogCode.Accepted
    [saved] = activities.list_activities()
    assert (saved.title, saved.deed_type, saved.end) == ("Park clean-up", "ENV_CLEANUP", "11:00")


def test_a_refusal_is_shown_next_to_its_field(desk, qtbot):
    dialog = ActivityDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, "Early finish", end="07:00")
    QTest.keyClick(dialog.end, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "结束时间须晚于开始时间" in dialog.errors.text("end")
    assert dialog.errors.text("title") == ""
    choose(dialog.deed_type, "VOLUNTEER_SIGNUP")  # counted once, not per hour or time
    dialog.end.selectAll()
    QTest.keyClicks(dialog.end, "11:00")
    QTest.keyClick(dialog.end, Qt.Key.Key_Return)
    assert "不能用于志愿活动" in dialog.errors.text("deed_type")
    assert dialog.errors.text("end") == ""
    assert activities.list_activities() == []


def test_the_page_comes_last_so_the_other_shortcuts_keep_their_numbers(window):
    """After every page with a Ctrl shortcut (later pages, such as the store, follow it)."""
    assert window.page_list.index(window.page_by_key[ACTIVITIES]) == SHORTCUT_PAGES
