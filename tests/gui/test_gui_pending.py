"""Deeds waiting for review: approved or rejected only on a row the admin can see
selected, after a question naming the resident, the deed and the points; the queue's
length on the sidebar; and each resident's waiting deeds in their panel at the desk."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services import deeds, ledger
from app.views.shell.main_window import PENDING

from .conftest import open_window, type_text

pytestmark = pytest.mark.gui


def _record_at_the_desk(window, resident, qtbot):  # noqa: ANN001
    """A clerk records 见义勇为 (needs review) through the deed dialog."""
    page = window.desk_page
    page.open_resident(resident.id)
    qtbot.keyClick(page.scan, Qt.Key.Key_F3)
    dialog = page.active_dialog()
    qtbot.keyClicks(dialog.filter, "jyyw")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)


def test_nothing_is_reviewed_without_a_visible_selection(window, ctx, resident, answer, qtbot):
    deeds.record_deed(ctx, resident.id, "HEROIC_ACT")
    window.show_page(PENDING)
    page = window.pages.currentWidget()
    page.table.setFocus()  # a table taking the focus gets a current row, unselected
    assert page.model.rowCount() == 1
    assert page.table.selectionModel().selectedRows() == []
    assert not page.approve_button.isEnabled() and not page.reject_button.isEnabled()
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    assert answer.asked == [] and ledger.balance(resident.id) == 0

    page.table.selectRow(0)
    assert page.approve_button.isEnabled() and page.reject_button.isEnabled()
    answer.yes = False
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    assert answer.asked == ["通过 张明月（000001）的“见义勇为、伸张正义”+5 分？"]
    assert ledger.balance(resident.id) == 0 and page.model.rowCount() == 1

    answer.yes = True
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    # On notice now: listed with its end, no points yet.
    assert ledger.balance(resident.id) == 0 and page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 0)) == "公示中 至 11-26"
    assert not page.approve_button.isEnabled()  # the selection went with the list's refresh


def test_rejecting_asks_too_and_keeps_the_points_out(window, ctx, resident, answer, qtbot):
    deeds.record_deed(ctx, resident.id, "HEROIC_ACT")
    window.show_page(PENDING)
    page = window.pages.currentWidget()
    page.table.selectRow(0)
    type_text(page.note, "证明不足")
    qtbot.mouseClick(page.reject_button, Qt.MouseButton.LeftButton)
    assert answer.asked == ["驳回 张明月（000001）的“见义勇为、伸张正义”+5 分？"]
    assert page.feedback.text() == "已驳回：张明月“见义勇为、伸张正义”"
    assert deeds.pending_count() == 0 and ledger.balance(resident.id) == 0


def test_a_rejection_without_a_reason_is_refused_before_asking(window, ctx, resident, answer,
                                                                qtbot):
    deeds.record_deed(ctx, resident.id, "HEROIC_ACT")
    window.show_page(PENDING)
    page = window.pages.currentWidget()
    page.table.selectRow(0)
    qtbot.mouseClick(page.reject_button, Qt.MouseButton.LeftButton)
    assert answer.asked == []
    assert page.errors.text("reason") == "此操作必须填写理由。" and page.note.hasFocus()
    assert deeds.pending_count() == 1


def test_the_sidebar_counts_the_deeds_waiting(window, ctx, resident, answer, qtbot):
    item = window.sidebar_item(PENDING)
    assert item.text() == "审核公示\nCtrl+4"
    _record_at_the_desk(window, resident, qtbot)
    assert item.text() == "审核公示 (1)\nCtrl+4"
    window.show_page(PENDING)
    page = window.pages.currentWidget()
    page.table.selectRow(0)
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    assert item.text() == "审核公示\nCtrl+4"


def test_the_count_is_there_at_sign_in(ctx, desk, resident, qtbot):
    deeds.record_deed(ctx, resident.id, "HEROIC_ACT")
    deeds.record_deed(ctx, resident.id, "HEROIC_ACT")
    window = open_window(desk, qtbot)
    assert window.sidebar_item(PENDING).text() == "审核公示 (2)\nCtrl+4"


def test_the_panel_shows_the_residents_waiting_deeds(window, ctx, resident, answer, qtbot):
    panel = window.desk_page.panel
    window.desk_page.open_resident(resident.id)
    assert not panel.pending.isVisible()
    _record_at_the_desk(window, resident, qtbot)
    assert panel.pending.isVisible()
    assert "见义勇为、伸张正义 +5 分" in panel.pending.text()
    assert "待审核" in panel.pending.text()
    window.show_page(PENDING)
    page = window.pages.currentWidget()
    page.table.selectRow(0)
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    window.show_page("desk")  # on notice now: still shown, with the day it counts
    assert panel.pending.text() == "公示中：见义勇为、伸张正义 +5 分，公示至 2026-11-26，期满后计入"
