"""Tables and the window fit the screens a station has (1600×1000, 1280×800), in both
languages and in large-font mode: numbers, codes and dates are never squeezed, text
columns share the rest, a cut address shows its full text, and the window is never
wider than the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QTableView, QToolTip

from app.services import vouchers
from app.views.shell.main_window import DESK, REDEEM, RESIDENTS
from app.views.tables.columns import stretch_columns

from .conftest import open_window
from .layout_support import SIZES, apply_look, busy_resident

pytestmark = pytest.mark.gui


def _show(window, size, key):  # noqa: ANN001
    window.resize(*size)
    window.show_page(key)
    QTest.qWait(20)


def _fitted_columns_whole(table: QTableView) -> list[str]:
    """The columns (by header) narrower than their header or one of their cells."""
    header, model = table.horizontalHeader(), table.model()
    stretch = stretch_columns(table)
    return [str(model.headerData(c, Qt.Orientation.Horizontal))
            for c in range(model.columnCount())
            if c not in stretch and not table.isColumnHidden(c) and table.columnWidth(c) < max(
                header.sectionSizeHint(c), table.sizeHintForColumn(c))]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("large", [False, True])
def test_numbers_codes_and_dates_are_never_squeezed(ctx, desk, qtbot, size, large):
    r = busy_resident(ctx)
    apply_look(large)
    window = open_window(desk, qtbot)
    _show(window, size, DESK)
    window.desk_page.open_resident(r.id)
    ledger = window.desk_page.panel.ledger
    assert _fitted_columns_whole(ledger) == []  # 加分/扣分/兑换/余额 and the date
    # the particulars take what is left, no less and no more
    total = sum(ledger.columnWidth(c) for c in range(ledger.model().columnCount()))
    assert total >= ledger.viewport().width() - 1

    _show(window, size, REDEEM)
    for v in vouchers.vouchers_of_resident(r.id):
        window.redeem_page.add_token(v.token)
    assert _fitted_columns_whole(window.redeem_page.table) == []  # 券号/持有人/面值

    _show(window, size, RESIDENTS)
    window.residents_page.refresh()
    table = window.residents_page.table
    assert _fitted_columns_whole(table) == []
    address = 4
    assert table.columnWidth(address) >= table.sizeHintForColumn(address)


def test_a_cut_address_shows_its_full_text_as_a_tooltip(ctx, desk, qtbot):
    r = busy_resident(ctx)
    apply_look(False)
    window = open_window(desk, qtbot)
    _show(window, (1280, 800), RESIDENTS)
    page = window.residents_page
    page.refresh()
    row = next(n for n in range(page.model.rowCount()) if page.model.row_at(n).id == r.id)
    table, address = page.table, 4
    wide = table.columnWidth(address)
    table.horizontalHeader().resizeSection(address, wide // 3)  # as in a narrow pane

    def tip(column: int) -> str:
        QToolTip.hideText()
        qtbot.waitUntil(lambda: not QToolTip.isVisible())
        rect = table.visualRect(page.model.index(row, column))
        at = rect.center()
        event = QHelpEvent(QEvent.Type.ToolTip, at, table.viewport().mapToGlobal(at))
        QApplication.sendEvent(table.viewport(), event)
        return QToolTip.text() if QToolTip.isVisible() else ""

    assert tip(address) == r.address  # cut on screen, the whole address on hover
    option = QStyleOptionViewItem()
    option.initFrom(table)
    table.itemDelegate().initStyleOption(option, page.model.index(row, address))
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle  # "锦绣华庭…1803室"
    assert tip(0) == ""  # a number shown whole needs no tooltip


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_window_fits_the_smaller_screen_in_large_font_mode(ctx, desk, qtbot, lang,
                                                               tmp_path):
    r = busy_resident(ctx)
    apply_look(True, lang, tmp_path)
    window = open_window(desk, qtbot)
    window.desk_page.open_resident(r.id)
    sidebar = window.sidebar
    cut = [sidebar.item(n).text() for n in range(sidebar.count())
           if sidebar.sizeHintForIndex(sidebar.model().index(n, 0)).width()
           > sidebar.viewport().width()]
    assert cut == []  # "Deed catalogue" whole, not "Deed catalogu"
    needed = window.minimumSizeHint()
    assert needed.width() <= 1280 and needed.height() <= 800
    _show(window, (1280, 800), DESK)
    assert window.width() <= 1280
    page = window.desk_page
    page.scan.setText("欧阳")
    page._search("欧阳")
    QTest.qWait(20)
    # the results keep their share beside the open resident, not a sliver, and show
    # the address (the grid and the ID number step aside) without scrolling sideways
    assert page.results.width() >= page.splitter.width() // 3
    results, address = page.results, 4
    assert not results.isColumnHidden(address) and not results.isColumnHidden(1)
    assert results.horizontalHeader().length() <= results.viewport().width()
    assert results.columnWidth(address) >= 5 * results.fontMetrics().horizontalAdvance("中")
    assert all(b.geometry().right() <= page.panel.width() for b in page.panel.buttons)


def test_the_residents_table_keeps_its_point_column_when_the_window_narrows(
        ctx, desk, qtbot):
    busy_resident(ctx)
    apply_look(False)
    window = open_window(desk, qtbot)
    _show(window, (1600, 1000), RESIDENTS)
    window.residents_page.refresh()
    table = window.residents_page.table
    _show(window, (1000, 700), RESIDENTS)
    assert _fitted_columns_whole(table) == []


def test_columns_that_stepped_aside_come_back_whole_when_there_is_room(ctx, desk, qtbot):
    """The desk's results are laid out while still empty and hidden (no width: the
    optional columns step aside); the first search must measure them whole again, not
    as the nothing Qt measures a hidden column as."""
    from app.services import residents

    residents.register(ctx, residents.ResidentInput(name="张康", grid="第二网格"))
    apply_look(False)
    window = open_window(desk, qtbot)
    _show(window, (1280, 800), DESK)
    page = window.desk_page
    page.scan.setText("张")
    page._search("张")
    QTest.qWait(20)
    results = page.results
    assert _fitted_columns_whole(results) == []
    assert results.horizontalHeader().length() <= results.viewport().width()
