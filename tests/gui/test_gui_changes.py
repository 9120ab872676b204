"""What a write changed reaches every page: a hidden page is marked stale and reads again
when shown, a visible page reads again at once, and every dialog's write is announced."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services import ledger, redemption, vouchers
from app.services.changes import Changes
from app.views.shell.main_window import CORRECTIONS, DESK, REDEEM, RESIDENTS

from .conftest import scan

pytestmark = pytest.mark.gui


def _balances(page) -> dict[str, int]:  # noqa: ANN001
    return {page.model.row_at(n).name: page.model.row_at(n).balance
            for n in range(page.model.rowCount())}


def test_a_deed_recorded_at_the_desk_refreshes_the_hidden_residents_page_when_shown(
        window, resident, qtbot):
    residents_page = window.residents_page
    window.show_page(RESIDENTS)
    assert _balances(residents_page) == {"张明月": 0} and not residents_page.stale
    window.show_page(DESK)
    desk_page = window.desk_page
    desk_page.open_resident(resident.id)
    qtbot.keyClick(desk_page.scan, Qt.Key.Key_F3)
    dialog = desk_page.active_dialog()
    qtbot.keyClicks(dialog.filter, "hjws")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert ledger.balance(resident.id) == 2
    # Hidden: nothing read yet, only marked.
    assert residents_page.stale and _balances(residents_page) == {"张明月": 0}
    window.show_page(RESIDENTS)
    assert _balances(residents_page) == {"张明月": 2} and not residents_page.stale


def test_a_change_announced_while_a_page_is_shown_refreshes_it_at_once(
        window, resident, answer, qtbot):
    """Archiving from the residents page: the list drops the resident at once, and the
    desk, which was serving them, shows them archived when the clerk goes back."""
    window.desk_page.open_resident(resident.id)
    assert window.desk_page.actions_by_name["record_deed"].isEnabled()
    window.show_page(RESIDENTS)
    page = window.residents_page
    page.table.selectRow(0)
    with qtbot.waitSignal(window.desk.changed) as announced:
        qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert announced.args == [Changes.of_residents([resident.id]), page]
    assert page.model.rowCount() == 0  # archived residents are left out of the list
    assert window.desk_page.stale
    window.show_page(DESK)
    assert window.desk_page.panel.name.text() == "张明月（已归档）"
    assert not window.desk_page.actions_by_name["record_deed"].isEnabled()
    assert window.desk_page.actions_by_name["statement"].isEnabled()


def test_issuing_vouchers_at_the_desk_announces_them(window, ctx, resident, printer, qtbot):
    ledger.adjust(ctx, resident.id, 12, "期初余额")
    window.show_page(REDEEM)
    window.show_page(DESK)
    assert not window.redeem_page.stale
    page = window.desk_page
    page.open_resident(resident.id)
    qtbot.keyClick(page.scan, Qt.Key.Key_F4)
    dialog = page.active_dialog()
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.desk.changed) as announced:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    changes, initiator = announced.args
    assert changes.vouchers and changes.ledger and changes.touches_resident(resident.id)
    assert initiator is dialog
    assert window.redeem_page.stale  # the vouchers it may be shown have changed


def test_a_voucher_voided_on_the_corrections_page_shows_voided_on_the_redeem_list(
        window, ctx, resident, answer, qtbot):
    ledger.adjust(ctx, resident.id, 30, "期初余额")
    issued = vouchers.issue(ctx, resident.id, 30, [20, 10]).vouchers[0]
    window.show_page(REDEEM)
    redeem = window.redeem_page
    scan(redeem.scan, issued.token)
    assert redeem.model.row_at(0).redeemable
    window.show_page(CORRECTIONS)
    corrections = window.pages.currentWidget()
    corrections.voucher.setText(issued.serial)
    corrections.void_reason.setText("居民遗失")
    qtbot.mouseClick(corrections.void_button, Qt.MouseButton.LeftButton)
    assert redemption.verify(ctx, issued.token).reason == "voided"
    assert redeem.stale and redeem.model.row_at(0).redeemable  # hidden: not read yet
    window.show_page(REDEEM)
    assert redeem.model.row_at(0).verdict.reason == "voided"
    assert not redeem.model.row_at(0).redeemable and not redeem.redeem_button.isEnabled()
