"""The close-out page by keyboard: preview (F5), save and print for signature (Ctrl+P),
then reprint a saved one from the list (Enter), marked 补打."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.models import Closeout, Voucher, database
from tests.closeout_day import busy_day
from tests.integration.printing_checks import pdf_text

from .conftest import open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def clerk_window(clerk_desk, qtbot):
    return open_window(clerk_desk, qtbot)


def _print_by_keyboard(dialog, printer, qtbot):
    printed = len(printer.printed)
    qtbot.waitUntil(lambda: dialog.preview.page_count() > 0)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(printer.printed) == printed + 1)


def _page(window):
    window.show_page("closeout")
    page = window.pages.currentWidget()
    assert page.info.key == "closeout" and page.info.order == 140
    return page


def test_preview_save_print_and_reprint_by_keyboard(ctx, clerk_ctx, clerk_window, printer,
                                                    answer, qtbot, qtmodeltester, tmp_path):
    day = busy_day(ctx, clerk_ctx)
    page = _page(clerk_window)
    page.date.setFocus()
    qtbot.keyClick(page.date, Qt.Key.Key_F5)
    assert page.figures.rowCount() == len(page.shown.figures) > 10
    assert page.differences.text() == "各项核对相符。"
    qtmodeltester.check(page.figures)
    assert f"{day.runs[0][0]} 至 {day.runs[0][1]}，4 张" in page.summary.text()
    assert Closeout.select().count() == 0  # a preview saves nothing
    assert QApplication.focusWidget() is page.save_button

    qtbot.keyClick(page.save_button, Qt.Key.Key_Space)
    assert "之后的业务记入下一次日结" in answer.asked[-1]
    saved = Closeout.get()
    assert saved.clerk_id == clerk_ctx.actor.clerk_id and saved.differences == 0
    dialog = page.active_dialog()
    _print_by_keyboard(dialog, printer, qtbot)
    text = "".join(pdf_text(printer.printed[-1][0]))
    assert "日结单" in text and "日结单（补打）" not in text and "站长签字" in text
    dialog.reject()

    assert page.saved.rowCount() == 1
    qtmodeltester.check(page.saved)
    page.saved_table.setFocus()
    qtbot.keyClick(page.saved_table, Qt.Key.Key_Down)
    qtbot.keyClick(page.saved_table, Qt.Key.Key_Return)
    dialog = page.active_dialog()
    _print_by_keyboard(dialog, printer, qtbot)
    assert "日结单（补打）" in "".join(pdf_text(printer.printed[-1][0]))
    dialog.reject()
    page.grab().save(str(tmp_path / "closeout-page.png"))


def test_differences_are_red_and_named_and_a_second_closeout_is_refused(
        ctx, clerk_ctx, clerk_window, printer, answer, qtbot):
    day = busy_day(ctx, clerk_ctx)
    database.execute_sql('DROP TRIGGER "voucher_no_delete"')  # a record broken on purpose
    Voucher.delete().where(Voucher.serial == day.issued[-1]).execute()
    page = _page(clerk_window)
    qtbot.keyClick(page.date, Qt.Key.Key_F5)
    assert "不相符 1 项" in page.differences.text()
    assert day.issued[-1] in page.differences.text()
    issued = next(n for n, f in enumerate(page.shown.figures) if f["key"] == "vouchers_issued")
    cell = page.figures.index(issued, 6)
    assert cell.data() == "否" and cell.data(Qt.ItemDataRole.ForegroundRole) is not None
    qtbot.keyClick(page.save_button, Qt.Key.Key_Space)
    assert "有 1 项不相符" in answer.asked[-1]
    page.active_dialog().reject()
    qtbot.keyClick(page.date, Qt.Key.Key_F5)
    assert "已由" in page.feedback.text() and not page.save_button.isEnabled()
