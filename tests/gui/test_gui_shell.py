"""The window around the pages: who is on duty, locking, admin-only pages, settings
remembered per machine, large-font mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services import station
from app.services.changes import Changes
from app.views.common import preferences as ui_settings
from app.views.shell import look
from app.views.shell.main_window import (
    BACKUPS,
    CATALOGUE,
    CLERKS,
    CORRECTIONS,
    DESK,
    PENDING,
    SETTINGS,
    SHORTCUT_PAGES,
    YEAR_END,
)
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD

from .conftest import open_window, scan

pytestmark = pytest.mark.gui
ADMIN_PAGES = (CATALOGUE, CORRECTIONS, CLERKS, SETTINGS, YEAR_END, BACKUPS)


def test_the_clerk_on_duty_is_in_the_status_bar_and_admin_pages_are_admin_only(
        window, clerk_desk, qtbot):
    assert window.clerk_label.text() == "值班：王站长（管理员）"
    assert all(not window.sidebar_item(n).isHidden() for n in ADMIN_PAGES)
    clerk_window = open_window(clerk_desk, qtbot)
    assert clerk_window.clerk_label.text() == "值班：李敏（经办人）"
    assert all(clerk_window.sidebar_item(n).isHidden() for n in ADMIN_PAGES)
    assert not clerk_window.desk_page.actions_by_name["adjust"].isVisible()
    # Review and notice: every clerk sees the list and objects; only an admin reviews.
    assert not clerk_window.sidebar_item(PENDING).isHidden()
    review = clerk_window.page_by_key[PENDING]
    assert review.approve_button.isHidden() and review.resolve_button.isHidden()
    assert not review.object_button.isHidden()


def test_ctrl_l_locks_the_desk_and_hides_the_resident(window, resident, qtbot):
    scan(window.desk_page.scan, resident.card_code)
    qtbot.keyClick(window.desk_page.scan, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked()
    assert window.desk.actor is None and window.clerk_label.text() == "已锁定"
    assert window.desk_page.panel.resident is None
    form = window.lock_form
    assert form.username.text() == "admin"
    qtbot.keyClicks(form.password, "wrong-password")
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert window.is_locked() and form.password_error() == "用户名或密码不正确。"
    form.password.clear()
    qtbot.keyClicks(form.password, ADMIN_PASSWORD)
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert not window.is_locked() and window.desk.actor.username == "admin"
    assert window.current_page_key() == DESK


def test_switching_clerk_changes_who_is_on_duty_and_what_they_see(window, clerk_ctx, qtbot):
    qtbot.mouseClick(window.switch_button, Qt.MouseButton.LeftButton)
    form = window.lock_form
    assert window.is_locked() and form.username.text() == ""
    qtbot.keyClicks(form.username, "li")
    qtbot.keyClicks(form.password, CLERK_PASSWORD)
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert window.clerk_label.text() == "值班：李敏（经办人）"
    assert all(window.sidebar_item(n).isHidden() for n in ADMIN_PAGES)


def test_the_desk_locks_itself_after_idle_time(window, ctx, qtbot):
    assert station.current().idle_lock_minutes > 0 and window.idle.active
    station.update_settings(ctx, idle_lock_minutes=0)
    window.desk.changed.emit(Changes(settings=True), None)
    assert not window.idle.active  # 0: never
    window.idle.set_interval_ms(80)
    qtbot.waitUntil(window.is_locked, timeout=2000)
    assert window.desk.actor is None


def test_input_postpones_the_idle_lock(window, qtbot):
    window.idle.set_interval_ms(300)
    for _ in range(4):
        qtbot.wait(120)
        qtbot.keyClick(window.desk_page.scan, Qt.Key.Key_A)
    assert not window.is_locked()
    qtbot.waitUntil(window.is_locked, timeout=2000)


def test_window_geometry_is_remembered_on_this_machine(desk, qtbot):
    first = open_window(desk, qtbot)
    first.resize(790, 540)  # the test screen is small
    first.close()
    assert not ui_settings.get(ui_settings.MAIN_GEOMETRY).isEmpty()
    second = open_window(desk, qtbot)
    assert (second.width(), second.height()) == (790, 540)


def test_large_font_mode_enlarges_the_type_at_once(window, qtbot):
    look.apply(QApplication.instance(), None, large=False)  # as at start-up
    window.show_page(SETTINGS)
    page = window.pages.currentWidget()
    before = QApplication.font().pointSize()
    page.large_font.setChecked(True)
    assert QApplication.font().pointSize() > before
    assert ui_settings.get(ui_settings.LARGE_FONT) is True
    page.large_font.setChecked(False)
    assert QApplication.font().pointSize() == before


def test_station_settings_are_saved_by_the_service_with_their_refusals(window, qtbot):
    window.show_page(SETTINGS)
    page = window.pages.currentWidget()
    page.denominations.setText("50,20,10")  # no 1: refused
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "包含 1" in page.feedback.text()
    page.denominations.setText("50,20,10,5,1")
    page.idle_lock.setValue(5)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.feedback.text() == "站点设置已保存。"
    assert station.current().idle_lock_minutes == 5


def test_keyboard_reaches_every_page(window, qtbot):
    """Ctrl+1 … Ctrl+9, and Ctrl+0 for the tenth page; a page after those through the
    sidebar's arrow keys."""
    assert window.sidebar.count() > SHORTCUT_PAGES
    for number in range(SHORTCUT_PAGES):
        key = Qt.Key(Qt.Key.Key_0 + (number + 1) % 10)
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.pages.currentIndex() == number
    window.sidebar.setFocus()
    for number in range(SHORTCUT_PAGES, window.sidebar.count()):
        qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
        assert window.pages.currentIndex() == number
