"""What only an admin does at the desk: reveal a resident's full ID and phone (audited,
hidden again on the next resident or when the desk locks), reverse a ledger entry, and
the year-end work. A clerk sees none of it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt

from app.models import AuditRecord
from app.services import deeds, ledger, residents, vouchers
from app.views.desk.quick_dialogs import ReverseEntryDialog
from app.views.shell.main_window import BACKUPS, YEAR_END

from .conftest import open_window, type_text

pytestmark = pytest.mark.gui


def test_a_clerk_sees_no_reveal_reverse_or_year_end(clerk_desk, resident, qtbot):
    window = open_window(clerk_desk, qtbot)
    window.desk_page.open_resident(resident.id)
    panel = window.desk_page.panel
    assert panel.reveal_button.isHidden() and panel.reverse_button.isHidden()
    assert window.sidebar_item(YEAR_END).isHidden() and window.sidebar_item(BACKUPS).isHidden()
    window.show_page(YEAR_END)
    assert window.current_page_key() != YEAR_END
    assert panel.details["id"].text() == "110105********002X"


def test_an_admin_reveals_the_full_numbers_and_the_look_is_audited(window, ctx, resident,
                                                                   qtbot):
    other = residents.register(ctx, residents.ResidentInput(name="李四", phone="13900001111"))
    page = window.desk_page
    page.open_resident(resident.id)
    panel = page.panel
    assert panel.reveal_button.isVisible()
    qtbot.mouseClick(panel.reveal_button, Qt.MouseButton.LeftButton)
    assert panel.details["id"].text() == "11010519491231002X"
    assert panel.details["phone"].text() == "13812345678"
    assert AuditRecord.select().where(AuditRecord.action == "resident.reveal",
                                      AuditRecord.target == resident.uid).count() == 1

    page.open_resident(other.id)  # the next resident: nothing stays revealed
    assert panel.details["phone"].text() == "139****1111"
    page.open_resident(resident.id)
    assert panel.details["id"].text() == "110105********002X"
    qtbot.mouseClick(panel.reveal_button, Qt.MouseButton.LeftButton)
    assert panel.details["id"].text() == "11010519491231002X"
    window.lock()
    assert panel.revealed is None
    assert "11010519491231002X" not in panel.details["id"].text()


def test_an_admin_reverses_an_entry_with_a_reason(window, ctx, resident, answer, qtbot):
    deeds.record_deed(ctx, resident.id, "BLOOD_DONATION")
    page = window.desk_page
    page.open_resident(resident.id)
    panel = page.panel
    assert not panel.reverse_button.isEnabled()  # nothing chosen yet
    panel.ledger.selectRow(0)
    qtbot.mouseClick(panel.reverse_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog()
    assert isinstance(dialog, ReverseEntryDialog)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.errors.text("reason") == "此操作必须填写理由。"
    assert ledger.balance(resident.id) == 5
    type_text(dialog.reason, "登记错了居民")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert answer.asked[-1] == "确定冲正这笔 +5 分的流水吗？理由：登记错了居民"
    assert ledger.balance(resident.id) == 0
    assert page.feedback.text() == "已冲正：张明月 -5 分，余额 0"
    assert panel.balance.text() == "0"


def test_year_end_clearing_and_expired_vouchers(window, ctx, clock, resident, answer, qtbot):
    ledger.adjust(ctx, resident.id, 30, "期初")
    vouchers.issue(ctx, resident.id, 10, [10])  # valid until 2026-12-31
    clock.advance(days=40)  # 2027-01-02
    window.show_page(YEAR_END)
    page = window.pages.currentWidget()
    assert page.cutoff.date() == QDate(2026, 12, 31)  # last year's end, by default
    answer.yes = False
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert "2026-12-31" in answer.asked[-1] and ledger.balance(resident.id) == 20
    answer.yes = True
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert page.feedback.text() == "积分清零完成：1 位居民，共 20 分。"
    assert ledger.balance(resident.id) == 0

    qtbot.mouseClick(page.expire_button, Qt.MouseButton.LeftButton)
    assert page.feedback.text() == "已将 1 张过期兑换券标记为过期（共 10 分）。"
    assert vouchers.vouchers_of_resident(resident.id) == []
