"""The desk serves one resident at a time, visibly: a new query closes the resident who
was open, the actions wait until someone is chosen again, and every dialog opened for a
resident names them at the top."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services import ledger, residents, vouchers
from app.views.desk.actions import DESK_ACTIONS

from .conftest import type_text

pytestmark = pytest.mark.gui

RESIDENT_ACTIONS = [spec.key for spec in DESK_ACTIONS if spec.shortcut is not None]


@pytest.fixture
def two(ctx):
    lv = residents.register(ctx, residents.ResidentInput(name="吕志宁"))
    zhang = residents.register(ctx, residents.ResidentInput(name="张康"))
    return lv, zhang


def test_a_new_query_closes_the_open_resident_until_one_is_chosen(window, ctx, two, qtbot):
    lv, zhang = two
    page = window.desk_page
    type_text(page.scan, "吕志宁")
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    assert page.panel.resident.id == lv.id and "当前居民：吕志宁" in page.feedback.text()
    assert all(page.actions_by_name[key].isEnabled() for key in RESIDENT_ACTIONS)

    qtbot.keyClicks(page.scan, "zk")  # the clerk starts the next query
    assert page.panel.resident is None
    assert "吕志宁" not in page.feedback.text() and "当前居民" not in page.feedback.text()
    assert page.panel.name.text() == "" and page.panel.balance.text() == ""
    assert page.panel.empty.isVisible() and "未选择居民" in page.panel.empty.text()
    assert not any(page.actions_by_name[key].isEnabled() for key in RESIDENT_ACTIONS)
    qtbot.keyClick(page.scan, Qt.Key.Key_F3)
    assert page.active_dialog() is None

    qtbot.keyClick(page.scan, Qt.Key.Key_Return)  # one match: 张康 opens
    assert page.panel.resident.id == zhang.id
    qtbot.keyClick(page.scan, Qt.Key.Key_F3)
    dialog = page.active_dialog()
    assert "张康" in dialog.heading.text() and zhang.resident_no in dialog.heading.text()
    assert "吕志宁" not in dialog.heading.text()
    dialog.reject()
    assert ledger.balance(lv.id) == 0


def test_clearing_the_query_closes_the_resident_too(window, two, qtbot):
    lv, _ = two
    page = window.desk_page
    page.open_resident(lv.id)
    page.scan.setText("吕志宁")
    page.scan.selectAll()
    qtbot.keyClick(page.scan, Qt.Key.Key_Backspace)
    assert page.panel.resident is None
    assert not page.actions_by_name["record_deed"].isEnabled()


@pytest.mark.parametrize("key", ["check_in", "record_deed", "issue", "statement", "reprint",
                                 "adjust"])
def test_every_dialog_names_its_resident_at_the_top(window, ctx, two, printer, key):
    _, zhang = two
    ledger.adjust(ctx, zhang.id, 20, "期初余额")
    if key == "reprint":  # with nothing to print again, F7 says so and opens nothing
        vouchers.issue(ctx, zhang.id, 10, [10])
    page = window.desk_page
    page.open_resident(zhang.id)
    page.actions_by_name[key].trigger()
    dialog = page.active_dialog()
    heading = dialog.heading
    assert heading.objectName() == "formHeading" and heading.isVisible()
    assert "张康" in heading.text() and zhang.resident_no in heading.text()
    assert heading.mapTo(dialog, heading.rect().topLeft()).y() < dialog.height() / 4
    dialog.reject()
