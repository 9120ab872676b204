"""The review page's public notice (公示), driven from the keyboard: each entry's state, an
objection recorded by a clerk and resolved by an admin, the deeds due counted when a
clerk signs in, the notice printed for the board, and the notice days in the settings."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.models import Deed
from app.models.notice import Objection
from app.services import deeds, ledger, station
from app.views.admin.notice_dialogs import ObjectionDialog, ResolveDialog
from app.views.shell.main_window import PENDING, SETTINGS

from .conftest import open_window, type_text

pytestmark = pytest.mark.gui


def _on_notice(ctx, resident, code: str = "HEROIC_ACT") -> str:  # noqa: ANN001
    recorded = deeds.record_deed(ctx, resident.id, code)
    deeds.review_deed(ctx, recorded.deed_uid, True)
    return recorded.deed_uid


def _states(page) -> list[str]:  # noqa: ANN001
    return [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]


def _choose_first_row(page, qtbot) -> None:  # noqa: ANN001
    """The keyboard's way to a row: the table's focus, then a visible selection."""
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_End)
    qtbot.keyClick(page.table, Qt.Key.Key_Home)
    assert page.table.selectionModel().selectedRows()


def _dialog(kind: type):  # noqa: ANN202
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert len(found) == 1
    return found[0]


def test_a_clerk_objects_and_an_admin_upholds_from_the_keyboard(ctx, clerk_desk, desk,
                                                                resident, qtbot):
    uid = _on_notice(ctx, resident)
    deeds.record_deed(ctx, resident.id, "FILIAL_PIETY")  # waiting for review
    clerk_window = open_window(clerk_desk, qtbot)
    clerk_window.show_page(PENDING)
    page = clerk_window.pages.currentWidget()
    assert _states(page) == ["公示中 至 11-26", "待审核"]
    _choose_first_row(page, qtbot)
    assert page.object_button.isEnabled() and page.approve_button.isHidden()
    page.object_button.setFocus()
    qtbot.keyClick(page.object_button, Qt.Key.Key_Space)
    dialog = _dialog(ObjectionDialog)
    type_text(dialog.reason, "当天不在现场")
    dialog.raised_by.setFocus()
    type_text(dialog.raised_by, "邻居王某")
    qtbot.keyClick(dialog.raised_by, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert page.feedback.text().startswith("已登记异议")
    assert _states(page) == ["有异议（1）", "待审核"]
    objection = Objection.get()
    assert (objection.reason, objection.raised_by, objection.deed.uid) == (
        "当天不在现场", "邻居王某", uid)

    admin_window = open_window(desk, qtbot)
    admin_window.show_page(PENDING)
    review = admin_window.pages.currentWidget()
    _choose_first_row(review, qtbot)
    assert review.resolve_button.isEnabled()
    review.resolve_button.setFocus()
    qtbot.keyClick(review.resolve_button, Qt.Key.Key_Space)
    resolve = _dialog(ResolveDialog)
    resolve.uphold_button.setFocus()
    qtbot.keyClick(resolve.uphold_button, Qt.Key.Key_Space)  # no note: refused, kept open
    assert resolve.isVisible() and resolve.errors.text("note") == "此操作必须填写理由。"
    resolve.note.setFocus()
    type_text(resolve.note, "核实：不在现场")
    resolve.uphold_button.setFocus()
    qtbot.keyClick(resolve.uphold_button, Qt.Key.Key_Space)
    assert not resolve.isVisible()
    assert review.feedback.text() == "异议成立：张明月“见义勇为、伸张正义”已驳回，不计分"
    assert _states(review) == ["已驳回", "待审核"]
    assert Deed.get(Deed.uid == uid).status == "rejected" and ledger.balance(resident.id) == 0


def test_an_objection_after_the_period_is_refused_in_the_dialog(ctx, desk, clock, resident,
                                                                 qtbot):
    _on_notice(ctx, resident)
    window = open_window(desk, qtbot)
    window.show_page(PENDING)
    page = window.pages.currentWidget()
    _choose_first_row(page, qtbot)
    page.object_button.setFocus()
    qtbot.keyClick(page.object_button, Qt.Key.Key_Space)
    dialog = _dialog(ObjectionDialog)
    clock.advance(days=4)  # the notice ended while the dialog was open
    type_text(dialog.reason, "不属实")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.isVisible() and "公示期已于 2026-11-26 结束" in dialog.errors.text("entry")
    assert Objection.select().count() == 0


def test_the_deeds_due_count_when_a_clerk_signs_in(ctx, desk, clock, resident, qtbot):
    uid = _on_notice(ctx, resident)
    window = open_window(desk, qtbot)
    assert ledger.balance(resident.id) == 0
    clock.advance(days=4)
    window.lock()
    qtbot.keyClicks(window.lock_form.password, "Desk-2026!")
    qtbot.keyClick(window.lock_form.password, Qt.Key.Key_Return)
    assert not window.is_locked()
    assert ledger.balance(resident.id) == 5 and Deed.get(Deed.uid == uid).status == "approved"
    window.show_page(PENDING)
    assert _states(window.pages.currentWidget()) == ["已生效"]


def test_the_notice_prints_names_only(ctx, desk, resident, printer, qtbot, tmp_path):
    _on_notice(ctx, resident)
    window = open_window(desk, qtbot)
    window.show_page(PENDING)
    page = window.pages.currentWidget()
    page.print_button.setFocus()
    qtbot.keyClick(page.print_button, Qt.Key.Key_Space)
    from app.views.documents.pdf_preview import PdfDialog

    preview = _dialog(PdfDialog)
    qtbot.waitUntil(lambda: preview.preview.print_button.isEnabled())
    qtbot.keyClick(preview.preview.print_button, Qt.Key.Key_Space)
    ((pdf,),) = printer.printed
    path = tmp_path / "notice.pdf"
    path.write_bytes(pdf)
    words = "".join(p.extract_text() for p in PdfReader(path).pages)
    assert "积分公示" in words and "张明月" in words and "见义勇为" in words
    assert "13812345678" not in words and "11010519491231002X" not in words
    preview.close()


def test_the_notice_days_are_set_in_the_settings(ctx, desk, resident, qtbot):
    window = open_window(desk, qtbot)
    window.show_page(SETTINGS)
    page = window.pages.currentWidget()
    assert page.notice_days.value() == 3
    page.notice_days.setFocus()
    page.notice_days.selectAll()
    qtbot.keyClick(page.notice_days, Qt.Key.Key_0)
    qtbot.keyClick(page.notice_days, Qt.Key.Key_Return)
    assert station.current().notice_days == 0
    assert page.notice_days.text() == "不公示，审核通过即计入"
    recorded = deeds.record_deed(ctx, resident.id, "HEROIC_ACT")
    assert deeds.review_deed(ctx, recorded.deed_uid, True).status == "approved"
    assert ledger.balance(resident.id) == 5
