"""The year-end page: the newest clearing is shown, a second one on the same cut-off is
refused, and an admin reverses a clearing made by mistake with a reason."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.models import AuditRecord
from app.services import ledger
from app.views.shell.main_window import YEAR_END

from .conftest import type_text

pytestmark = pytest.mark.gui


def test_an_admin_reverses_the_newest_clearing_with_a_reason(window, ctx, clock, resident,
                                                             answer, qtbot):
    ledger.adjust(ctx, resident.id, 30, "期初")
    clock.advance(days=40)  # 2027-01-02: last year's end is the default cut-off
    window.show_page(YEAR_END)
    page = window.pages.currentWidget()
    assert not page.unclear_button.isEnabled()  # nothing cleared yet
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert ledger.balance(resident.id) == 0
    assert page.last_clearing.text() == "最近一次清零：截止日 2026-12-31，1 位居民，共 30 分。"
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert "2026-12-31" in page.feedback.text() and ledger.balance(resident.id) == 0

    asked = len(answer.asked)
    qtbot.mouseClick(page.unclear_button, Qt.MouseButton.LeftButton)
    assert page.feedback.text() == "撤销清零必须填写理由。" and len(answer.asked) == asked
    type_text(page.unclear_reason, "截止日选错了")
    answer.yes = False
    qtbot.mouseClick(page.unclear_button, Qt.MouseButton.LeftButton)
    assert answer.asked[-1] == ("确定撤销截止日 2026-12-31 的清零吗？\n"
                                "将给 1 位居民退回共 30 分。理由：截止日选错了")
    assert ledger.balance(resident.id) == 0
    answer.yes = True
    qtbot.mouseClick(page.unclear_button, Qt.MouseButton.LeftButton)
    assert page.feedback.text() == "已撤销截止日 2026-12-31 的清零：1 位居民，共退回 30 分。"
    assert ledger.balance(resident.id) == 30
    record = AuditRecord.select().order_by(AuditRecord.seq.desc()).first()
    assert (record.action, record.target) == ("ledger.expire.reverse", "2026-12-31")
    assert "截止日选错了" in record.detail
    assert page.last_clearing.text() == "尚无清零记录。"
    assert not page.unclear_button.isEnabled() and page.unclear_reason.text() == ""
