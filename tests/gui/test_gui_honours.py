"""The 光荣榜 page at the keyboard: an admin records a pair's commendation (F2), a clerk
records a nomination (F3) and is told an admin's key is not theirs, the admin accepts it
(F4) and withdraws a commendation (Delete, confirmed), and Ctrl+P previews the poster."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.models.honour import Commendation, Nomination
from app.services import honours, residents
from app.services.residents import ResidentInput
from app.views.honours.decide import DecideDialog, WithdrawDialog
from app.views.honours.forms import CommendationDialog, NominationDialog

from .conftest import open_window, type_text

pytestmark = pytest.mark.gui

HONOURS = "honours"


@pytest.fixture
def family(ctx, resident):
    """张明月 (000001) and 李秀英 (000002), her daughter-in-law."""
    return resident, residents.register(ctx, ResidentInput(name="李秀英"))


def focused():
    return QApplication.focusWidget()


def key(which: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), which, modifier)


def wait_focus(widget) -> None:
    """A dialog just opened takes the keyboard once the window system activates it."""
    for _ in range(100):
        if focused() is widget:
            return
        QTest.qWait(10)
    assert focused() is widget


def find_and_pick(finder, typed: str) -> None:
    wait_focus(finder.query)
    type_text(finder.query, typed)
    key(Qt.Key.Key_Return)
    assert finder.hit is not None, finder.chosen.text()


def open_page(window):
    window.show_page(HONOURS)
    page = window.page_by_key[HONOURS]
    page.period.setFocus()
    return page


def test_an_admin_records_a_pair_from_the_keyboard(window, family, qtbot):
    mother, daughter = family
    page = open_page(window)
    key(Qt.Key.Key_F2)
    dialog = page.findChild(CommendationDialog)
    find_and_pick(dialog.resident, "张明月")
    find_and_pick(dialog.partner, "000002")
    assert "李秀英" in dialog.partner.chosen.text()
    dialog.title.setFocus()
    dialog.title.lineEdit().selectAll()
    type_text(dialog.title.lineEdit(), "好婆媳")
    dialog.level.setFocus()
    key(Qt.Key.Key_Down)  # 街道级
    key(Qt.Key.Key_Return)
    made = Commendation.get()
    assert (made.title, made.level, made.resident_id, made.partner_id) == (
        "好婆媳", "street", mother.id, daughter.id)
    assert "张明月 与 李秀英" in page.feedback.text()
    assert page.commendations.row_at(0).who == "张明月 与 李秀英"


def test_a_refusal_stays_in_the_dialog_with_the_cursor_on_its_field(window, ctx, family):
    mother, _ = family
    honours.record(ctx, honours.Subject(mother.id), "道德模范", "community")
    page = open_page(window)
    key(Qt.Key.Key_F2)
    dialog = page.findChild(CommendationDialog)
    wait_focus(dialog.resident.query)
    dialog.level.setFocus()
    key(Qt.Key.Key_Return)  # nobody chosen yet
    assert "选定居民" in dialog.feedback.text() and dialog.isVisible()
    dialog.resident.query.setFocus()
    find_and_pick(dialog.resident, "张明月")
    dialog.level.setFocus()
    key(Qt.Key.Key_Return)  # 道德模范, community, again this year
    assert "每年只记一次" in dialog.feedback.text() and dialog.isVisible()
    assert focused() is dialog.title.lineEdit() or focused() is dialog.title
    assert Commendation.select().count() == 1


def test_a_clerk_nominates_and_the_admin_accepts(desk, clerk_desk, family, qtbot, ctx):
    mother, daughter = family
    clerk_window = open_window(clerk_desk, qtbot)
    page = open_page(clerk_window)
    assert not page.record_button.isVisible() and page.nominate_button.isVisible()
    key(Qt.Key.Key_F2)
    assert "需要管理员" in page.feedback.text() and page.findChild(CommendationDialog) is None
    key(Qt.Key.Key_F3)
    dialog = page.findChild(NominationDialog)
    find_and_pick(dialog.resident, "李秀英")
    dialog.title.setFocus()
    key(Qt.Key.Key_Down)  # 身边好人
    dialog.reason.setFocus()
    type_text(dialog.reason, "照顾婆婆二十年")
    dialog.nominator_name.setFocus()
    type_text(dialog.nominator_name, "3栋居民")
    key(Qt.Key.Key_Return)
    made = Nomination.get()
    assert (made.nominee_id, made.title, made.state) == (daughter.id, "身边好人", "pending")
    assert "待管理员评议" in page.feedback.text()
    clerk_window.hide()

    window = open_window(desk, qtbot)
    page = open_page(window)
    assert page.nominations.rowCount() == 1
    page.nomination_table.setFocus()
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_F4)
    decide = page.findChild(DecideDialog)
    wait_focus(decide.level)
    assert "照顾婆婆二十年" in decide.summary.text()
    key(Qt.Key.Key_Return)  # accept, community level, today
    assert Nomination.get().state == "accepted"
    assert Commendation.get().nomination_id == made.id
    assert page.nominations.rowCount() == 0 and page.commendations.rowCount() == 1


def test_withdrawing_asks_first_and_keeps_the_row(window, ctx, family, answer):
    mother, _ = family
    honours.record(ctx, honours.Subject(mother.id), "好婆婆", "community")
    page = open_page(window)
    page.refresh()
    page.commendation_table.setFocus()
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Delete)
    dialog = page.findChild(WithdrawDialog)
    wait_focus(dialog.reason)
    key(Qt.Key.Key_Return)  # no reason
    assert "理由" in dialog.feedback.text() and dialog.isVisible()
    type_text(dialog.reason, "登记错了人")
    answer.yes = False
    key(Qt.Key.Key_Return)
    assert Commendation.get().withdrawn_at is None and dialog.isVisible()
    answer.yes = True
    key(Qt.Key.Key_Return)
    assert Commendation.get().withdrawn_reason == "登记错了人"
    assert "张明月" in answer.asked[-1]
    assert page.commendations.cell(page.commendations.row_at(0), 5) == "已撤销：登记错了人"


def test_the_poster_is_previewed_for_the_period_and_size(window, ctx, family, printer):
    mother, daughter = family
    honours.record(ctx, honours.Subject(mother.id, daughter.id), "好婆媳", "community")
    page = open_page(window)
    page.period.selectAll()
    QTest.keyClicks(page.period, "2026Q4")
    key(Qt.Key.Key_Return)
    page.size.setCurrentText("A3")
    key(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    preview = page.dialog.preview
    assert preview.printout is not None and preview.printout.name == "光荣榜-2026Q4-A3.pdf"
    assert "张明月 与 李秀英" in preview.printout.people
    QTest.keyClick(preview.print_button, Qt.Key.Key_Space)
    assert printer.printed[0] == preview.printout.documents


def test_a_bad_period_is_refused_on_the_page(window):
    page = open_page(window)
    page.period.selectAll()
    QTest.keyClicks(page.period, "2026Q9")
    key(Qt.Key.Key_Return)
    assert "2026Q4" in page.feedback.text() and page.feedback.state() == "error"
