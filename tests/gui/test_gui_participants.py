"""An activity's sign-up list in the window, by keyboard: residents signed up past the
capacity wait in order, a cancellation moves the first waiting one up, and a closed
activity shows the attendance with hours and points."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.models import Participant
from app.services import activities, activity_close, attendance, residents
from app.services.activities import ActivityPlan
from app.views.shell.main_window import ACTIVITIES
from app.views.volunteering.participants_dialog import ParticipantsDialog

from .conftest import scan, type_text

pytestmark = pytest.mark.gui

DAY = dt.date(2026, 11, 23)  # the fixture clock's day


def plan_activity(ctx, day: dt.date = DAY, capacity: int | None = None):
    return activities.add_activity(ctx, ActivityPlan(
        "幸福里环境整治", day, dt.time(8, 0), dt.time(11, 0), "ENV_CLEANUP",
        kind="environment", capacity=capacity))


def column(dialog: ParticipantsDialog, number: int) -> list[str]:
    model = dialog.model
    return [model.index(r, number).data() for r in range(model.rowCount())]


def open_dialog(window, qtbot, activity_id: int) -> ParticipantsDialog:
    page = window.page_by_key[ACTIVITIES]
    window.show_page(ACTIVITIES)
    page.refresh()
    page.select(activity_id)
    QTest.keyClick(page.people_button, Qt.Key.Key_Space)
    dialog = page.people_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_sign_up_past_capacity_then_cancel(ctx, window, qtbot, answer):
    people = [residents.register(ctx, residents.ResidentInput(name=name))
              for name in ("赵一", "钱二", "孙三", "李四")]
    activity = plan_activity(ctx, capacity=2)
    dialog = open_dialog(window, qtbot, activity.id)
    assert QApplication.focusWidget() is dialog.lookup
    for person in people[:3]:
        scan(dialog.lookup, person.resident_no)
    type_text(dialog.lookup, "李四")  # found by name as the desk finds residents
    QTest.keyClick(dialog.lookup, Qt.Key.Key_Return)
    assert "候补第 2 位" in dialog.feedback.text()
    assert column(dialog, 0) == ["赵一", "钱二", "孙三", "李四"]
    assert column(dialog, 3) == ["已报名", "已报名", "候补第 1 位", "候补第 2 位"]
    assert "2/2" in dialog.summary.text() and "候补 2" in dialog.summary.text()
    scan(dialog.lookup, people[0].resident_no)
    assert "未重复报名" in dialog.feedback.text()
    scan(dialog.lookup, "nobody-at-all")
    assert "找不到" in dialog.feedback.text()  # said, and nothing signed up
    assert dialog.model.rowCount() == 4
    dialog.table.setFocus()
    dialog.table.selectRow(1)
    QTest.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert "钱二" in answer.asked[-1]
    assert "孙三 由候补转为报名" in dialog.feedback.text()
    assert column(dialog, 0) == ["赵一", "孙三", "李四"]
    assert column(dialog, 3) == ["已报名", "已报名", "候补第 1 位"]
    signed = {p.resident_id: p.signup for p in Participant.select()}
    assert signed == {people[0].id: "booked", people[2].id: "booked", people[3].id: "waiting"}


def test_the_role_by_f2(ctx, window, qtbot):
    person = residents.register(ctx, residents.ResidentInput(name="赵一"))
    dialog = open_dialog(window, qtbot, plan_activity(ctx).id)
    QTest.keyClick(dialog.lookup, Qt.Key.Key_F2)
    scan(dialog.lookup, person.resident_no)
    assert column(dialog, 2) == ["服务对象"]
    assert Participant.get().role == "audience"


def test_a_closed_activity_shows_hours_and_points(ctx, desk, qtbot):
    people = [residents.register(ctx, residents.ResidentInput(name=name)).id
              for name in ("赵一", "钱二")]
    activity = plan_activity(ctx, day=DAY - dt.timedelta(days=1))
    attendance.attend(ctx, activity.id, people[:1], sign_in=dt.time(8, 0),
                      sign_out=dt.time(10, 0))
    attendance.attend(ctx, activity.id, people[1:], role="audience", sign_in=dt.time(8, 30))
    activity_close.close_activity(ctx, activity.id)
    dialog = ParticipantsDialog(desk, activities.view(activities.resolve(activity.id)))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.lookup.isEnabled() and not dialog.cancel_button.isEnabled()
    assert column(dialog, 4) == ["08:00", "08:30"]
    assert column(dialog, 5) == ["10:00", "—"]
    assert column(dialog, 6) == ["2", "0"]
    assert column(dialog, 7) == ["+4", ""]
    assert column(dialog, 3) == ["现场登记", "现场登记"]


def test_the_model_contract(ctx, desk, qtbot, qtmodeltester):
    person = residents.register(ctx, residents.ResidentInput(name="赵一"))
    activity = plan_activity(ctx)
    activities.sign_up(ctx, activity.id, [person.id])
    dialog = ParticipantsDialog(desk, activity)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
