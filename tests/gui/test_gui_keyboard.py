"""The keyboard alone gets a clerk everywhere: Down from a search field into its list,
Enter to open a row, whole rows selected, forms sent with Enter, Ctrl+P in a preview as
soon as it opens, and the page shortcuts shown where the clerk looks for them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.services import auth, residents
from app.views.common import background
from app.views.common.background import Runner
from app.views.shell.duty import Desk
from app.views.shell.main_window import CLERKS, RESIDENTS, SHORTCUT_PAGES

from .conftest import open_window

NEW_PASSWORD = "Desk-2026!"

pytestmark = pytest.mark.gui


def _selected_rows(view) -> list[tuple[int, int]]:  # noqa: ANN001
    """(row, number of selected cells in it) for every row with a selected cell."""
    cells = view.selectionModel().selectedIndexes()
    return sorted({(i.row(), sum(1 for c in cells if c.row() == i.row())) for i in cells})


@pytest.fixture
def two_zhangs(ctx, resident):
    other = residents.register(ctx, residents.ResidentInput(name="赵梦远"))
    return resident, other


def test_down_in_the_desk_search_enters_the_results_and_one_enter_opens(
        window, two_zhangs, qtbot):
    page = window.desk_page
    qtbot.keyClicks(page.scan, "zmy")  # no pause: Down starts the search still waiting
    qtbot.keyClick(page.scan, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.results
    columns = page.results_model.columnCount()
    assert _selected_rows(page.results) == [(0, columns)]  # the whole first row
    first = page.results_model.row_at(0)
    qtbot.keyClick(page.results, Qt.Key.Key_Return)
    assert page.panel.resident is not None and page.panel.resident.id == first.id


def test_down_in_the_results_moves_a_whole_row_and_up_from_the_top_returns_to_search(
        window, two_zhangs, qtbot):
    page = window.desk_page
    qtbot.keyClicks(page.scan, "zmy")
    qtbot.keyClick(page.scan, Qt.Key.Key_Down)
    qtbot.keyClick(page.results, Qt.Key.Key_Down)
    assert _selected_rows(page.results) == [(1, page.results_model.columnCount())]
    second = page.results_model.row_at(1)
    qtbot.keyClick(page.results, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert page.panel.resident.id == second.id
    qtbot.keyClicks(page.scan, "zmy")
    qtbot.keyClick(page.scan, Qt.Key.Key_Down)
    qtbot.keyClick(page.results, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is page.scan


def test_residents_filter_down_and_enter_reach_the_list_and_open_at_the_desk(
        window, two_zhangs, qtbot):
    window.show_page(RESIDENTS)
    page = window.residents_page
    qtbot.keyClicks(page.query, "zmy")
    qtbot.keyClick(page.query, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.table
    assert page.model.rowCount() == 2  # the search ran: not the whole list
    assert _selected_rows(page.table) == [(0, page.model.columnCount())]
    page.table.clearFocus()
    page.query.setFocus()
    qtbot.keyClick(page.query, Qt.Key.Key_Return)  # Enter in the filter goes down too
    assert QApplication.focusWidget() is page.table
    first = page.model.row_at(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.current_page_key() == "desk"
    assert window.desk_page.panel.resident.id == first.id


def test_the_first_down_in_a_table_reached_by_tab_selects_its_first_whole_row(
        window, two_zhangs, qtbot):
    window.show_page(RESIDENTS)
    page = window.residents_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.table.setFocus(Qt.FocusReason.TabFocusReason)
    assert _selected_rows(page.table) == []  # the focus alone chooses nobody
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert _selected_rows(page.table) == [(0, page.model.columnCount())]  # not skipped
    assert page.edit_button.isEnabled()  # the row is chosen: its actions are open
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert _selected_rows(page.table) == [(1, page.model.columnCount())]


def test_the_current_cell_has_no_frame_of_its_own(window, two_zhangs, qtbot):
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    page = window.desk_page
    qtbot.keyClicks(page.scan, "zmy")
    qtbot.keyClick(page.scan, Qt.Key.Key_Down)
    option = QStyleOptionViewItem()
    option.state |= QStyle.StateFlag.State_HasFocus  # as the view paints its current cell
    page.results.itemDelegate().initStyleOption(option, page.results.currentIndex())
    assert not option.state & QStyle.StateFlag.State_HasFocus


def test_enter_adds_a_clerk_from_the_new_clerk_form(window, qtbot):
    window.show_page(CLERKS)
    page = window.page_by_key[CLERKS]
    qtbot.keyClicks(page.username, "xiaoli")
    qtbot.keyClicks(page.display_name, "zhou")
    qtbot.keyClicks(page.password, NEW_PASSWORD)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    assert [c.username for c in auth.list_clerks(window.desk.ctx)].count("xiaoli") == 1
    assert "xiaoli" in page.feedback.text()


def test_ctrl_p_prints_as_soon_as_the_preview_opens_after_its_progress_dialog(
        ctx, resident, printer, qtbot, monkeypatch):
    """The real runner: the card takes a moment, so a progress dialog comes and goes; the
    preview must have the keyboard afterwards, without a click."""
    monkeypatch.setattr(background, "PROGRESS_DELAY_MS", 0)
    desk = Desk(ctx, Runner(synchronous=False))
    desk.set_actor(ctx.actor)
    window = open_window(desk, qtbot)
    try:
        window.show_page(RESIDENTS)
        page = window.residents_page
        qtbot.waitUntil(lambda: page.model.rowCount() == 1)
        page.table.selectRow(0)
        qtbot.mouseClick(page.card_button, Qt.MouseButton.LeftButton)
        dialog = page.active_dialog()
        qtbot.waitUntil(lambda: dialog.preview.page_count() > 0, timeout=10_000)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_P,
                       Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: len(printer.printed) == 1, timeout=5000)
    finally:
        desk.runner.finish()


@pytest.mark.parametrize("large", [False, True])
def test_every_page_shows_its_shortcut_in_the_sidebar_and_its_tooltip(desk, qtbot, qapp,
                                                                       large):
    from app.views.shell import look

    look.apply(qapp, None, large)
    window = open_window(desk, qtbot)
    sidebar = window.sidebar
    for number, page in enumerate(window.page_list):
        keys = f"Ctrl+{(number + 1) % 10}" if number < SHORTCUT_PAGES else ""
        item = window.sidebar_item(page.info.key)
        title, shown_keys = (item.text().split("\n") + [""])[:2]
        assert shown_keys == keys  # pages after the tenth have none
        assert keys in item.toolTip() and title in item.toolTip()
        padding = 2 * (16 if large else 14)  # the items' padding in the style sheets
        for line in (title, keys):
            needed = sidebar.fontMetrics().horizontalAdvance(line) + padding
            assert needed <= sidebar.viewport().width(), line  # nothing cut off
    QTest.keyClick(window.desk_page.scan, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == RESIDENTS
