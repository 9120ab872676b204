"""Issuing vouchers at the desk: an amount without a pile of 1-point vouchers to start
from, "全部" for every point, and a confirmation naming what leaves the balance before
anything does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services import ledger, vouchers
from app.views.common import i18n

from .conftest import open_window

pytestmark = pytest.mark.gui


def _open(window, ctx, resident, qtbot, balance: int):  # noqa: ANN001
    ledger.adjust(ctx, resident.id, balance, "期初余额")
    page = window.desk_page
    page.open_resident(resident.id)
    qtbot.keyClick(page.scan, Qt.Key.Key_F4)
    return page.active_dialog()


@pytest.mark.parametrize(("balance", "points", "faces", "confirm"), [
    (52, 50, "50", "发放 1 张，共 50 分，余额 2 分"),
    (48, 45, "20+20+5", "发放 3 张，共 45 分，余额 3 分"),
    (100, 100, "50+50", "发放 2 张，共 100 分，余额 0 分"),
])
def test_the_desk_suggests_few_vouchers_and_confirms_before_issuing(
        window, ctx, resident, printer, qtbot, balance, points, faces, confirm):
    dialog = _open(window, ctx, resident, qtbot, balance)
    assert dialog.points.value() == points and dialog.faces.text() == faces
    assert not dialog.offer_button.isVisible()
    qtbot.keyClick(dialog.points, Qt.Key.Key_Return)
    assert dialog.confirm_label.text() == confirm and dialog.confirm_label.isVisible()
    assert "张明月" in dialog.heading.text() and dialog.heading.isVisible()
    assert ledger.balance(resident.id) == balance  # nothing has left the balance yet
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
    assert ledger.balance(resident.id) == balance - points
    assert "+".join(str(v.points) for v in vouchers.vouchers_by_serial(dialog.serials())) == faces


def test_all_fills_the_whole_balance_and_the_round_amount_is_offered(
        window, ctx, resident, printer, qtbot):
    dialog = _open(window, ctx, resident, qtbot, 57)
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    assert dialog.points.value() == 57 and dialog.faces.text() == "50+5+1+1"
    assert dialog.offer_button.isVisible() and "2 分只能发 1 分券" in dialog.offer.text()
    dialog.faces.clear()
    qtbot.keyClicks(dialog.faces, "50+7")  # the clerk's own faces: nothing to offer
    assert not dialog.offer_button.isVisible() and dialog.faces.text() == "50+7"
    dialog.faces.selectAll()
    qtbot.keyClick(dialog.faces, Qt.Key.Key_Backspace)
    assert dialog.faces.text() == ""  # emptied by hand: not refilled under the cursor
    dialog.points.setValue(56)
    dialog.points.setValue(57)  # a new amount splits again
    assert dialog.faces.text() == "50+5+1+1" and dialog.offer_button.isVisible()
    qtbot.mouseClick(dialog.offer_button, Qt.MouseButton.LeftButton)
    assert dialog.points.value() == 55 and dialog.faces.text() == "50+5"
    assert not dialog.offer_button.isVisible()
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)  # the clerk asks for all
    assert dialog.confirm_label.text() == "发放 4 张，共 57 分，余额 0 分"
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert ledger.balance(resident.id) == 0


def test_escape_at_the_confirmation_goes_back_and_issues_nothing(
        window, ctx, resident, qtbot):
    dialog = _open(window, ctx, resident, qtbot, 30)
    qtbot.keyClick(dialog.points, Qt.Key.Key_Return)
    assert dialog.stack.currentWidget() is dialog.confirm_page
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.stack.currentIndex() == 0
    assert ledger.balance(resident.id) == 30 and dialog.result is None


def test_more_than_the_balance_is_refused_before_the_confirmation(window, ctx, resident, qtbot):
    dialog = _open(window, ctx, resident, qtbot, 30)
    dialog.points.setValue(35)
    qtbot.keyClick(dialog.points, Qt.Key.Key_Return)
    assert dialog.stack.currentIndex() == 0
    assert "余额 30" in dialog.errors.text("points")
    assert ledger.balance(resident.id) == 30


def test_too_little_to_suggest_leaves_the_amount_to_the_clerk(window, ctx, resident, qtbot):
    dialog = _open(window, ctx, resident, qtbot, 4)
    assert dialog.points.value() == 0 and dialog.points.text() == "—"
    qtbot.keyClick(dialog.points, Qt.Key.Key_Return)
    assert dialog.stack.currentIndex() == 0 and ledger.balance(resident.id) == 4


def test_the_confirmation_in_english(desk, ctx, resident, qtbot, tmp_path):
    i18n.build_missing_qm(i18n.TRANSLATIONS, tmp_path)
    assert i18n.install("en", tmp_path) == "en"
    window = open_window(desk, qtbot)
    dialog = _open(window, ctx, resident, qtbot, 48)
    assert dialog.all_button.text() == "All 48 points"
    qtbot.keyClick(dialog.points, Qt.Key.Key_Return)
    assert dialog.confirm_label.text() == "Issue 3 vouchers, 45 points in all, balance 3 points"
