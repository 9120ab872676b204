"""Registering and editing residents: validation next to the field, duplicates,
archiving and card reissue with confirmation."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from app.models import Resident
from app.services import residents, search
from app.services.changes import Changes
from app.views.residents.form import ResidentFormDialog
from app.views.shell.main_window import RESIDENTS

from .conftest import type_text

pytestmark = pytest.mark.gui
FULL_ID = re.compile(r"\d{17}[\dXx]")


@pytest.fixture
def page(window):
    window.show_page(RESIDENTS)
    return window.residents_page


def _register(page, qtbot) -> ResidentFormDialog:  # noqa: ANN001
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog()
    assert isinstance(dialog, ResidentFormDialog)
    return dialog


def test_an_invalid_id_is_refused_next_to_the_field_and_nothing_is_saved(page, qtbot):
    dialog = _register(page, qtbot)
    type_text(dialog.name, "刘芳")
    qtbot.keyClicks(dialog.id_number, "110105194912310021")  # wrong check character
    assert "校验位不符" in dialog.errors.text("id_number")  # while typing, before saving
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "校验位不符" in dialog.errors.text("id_number")
    assert Resident.select().count() == 0
    dialog.id_number.clear()
    qtbot.keyClicks(dialog.id_number, "11010519491231002x")  # lower-case x is fine
    assert dialog.errors.text("id_number") == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.feedback.text() == "已登记居民 刘芳，编号 000001"
    assert residents.get(1).id_masked == "110105********002X"


def test_a_bad_phone_is_flagged_when_leaving_the_field(page, qtbot):
    dialog = _register(page, qtbot)
    type_text(dialog.name, "刘芳")
    qtbot.keyClicks(dialog.phone, "1381234")
    dialog.phone.editingFinished.emit()
    assert "11 位数字" in dialog.errors.text("phone")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert Resident.select().count() == 0


def test_a_likely_duplicate_is_questioned_before_saving(page, resident, answer, qtbot):
    dialog = _register(page, qtbot)
    type_text(dialog.name, "张明月")
    qtbot.keyClicks(dialog.phone, "13812345678")
    answer.yes = False
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "张明月（000001）" in answer.asked[-1]
    assert Resident.select().count() == 1 and dialog.isVisible()
    answer.yes = True
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert Resident.select().count() == 2


def test_editing_keeps_the_id_and_phone_without_the_window_ever_holding_them(
        window, resident, monkeypatch, qtbot):
    def never(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("the edit form must not read the full numbers")

    monkeypatch.setattr(residents, "resolve", never)
    monkeypatch.setattr(residents, "reveal", never)
    page = window.desk_page
    page.open_resident(resident.id)
    qtbot.keyClick(page.scan, Qt.Key.Key_F6)
    dialog = page.active_dialog()
    assert isinstance(dialog, ResidentFormDialog)

    def holds_full_numbers() -> bool:
        texts = [e.text() for e in dialog.findChildren(QLineEdit)]
        return any(FULL_ID.search(t) or "13812345678" in t for t in texts)

    assert not holds_full_numbers()
    assert "110105********002X" in dialog.id_number.placeholderText()
    assert dialog.collect().id_number is None and dialog.collect().phone is None
    dialog.grid.lineEdit().clear()
    type_text(dialog.grid.lineEdit(), "第二网格")
    assert not holds_full_numbers()
    dialog.buttons.accepted.emit()
    stored = Resident.get_by_id(resident.id)
    assert (stored.grid, stored.id_number, stored.phone) == ("第二网格", "11010519491231002X",
                                                             "13812345678")
    assert page.panel.details["grid"].text() == "第二网格"


def test_the_services_checks_show_next_to_each_field_as_it_is_left(page, resident, qtbot):
    dialog = _register(page, qtbot)
    qtbot.keyClicks(dialog.phone, "1381234")
    dialog.phone.editingFinished.emit()
    assert "11 位数字" in dialog.errors.text("phone")
    assert dialog.errors.text("name") == ""  # not visited yet: not told off
    dialog.name.editingFinished.emit()
    assert "姓名不能为空" in dialog.errors.text("name")
    qtbot.keyClicks(dialog.id_number, "11010519491231002X")  # complete: checked at once
    # An admin is told the holder's resident number, never the holder's name.
    assert "已登记给居民 000001" in dialog.errors.text("id_number")
    assert "张明月" not in dialog.errors.text("id_number")
    dialog.phone.clear()
    qtbot.keyClicks(dialog.phone, "13900001111")
    dialog.phone.editingFinished.emit()
    assert dialog.errors.text("phone") == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert Resident.select().count() == 1 and dialog.isVisible()


def test_every_resident_is_listed_until_the_clerk_searches(page, ctx, resident, qtbot):
    other = residents.register(ctx, residents.ResidentInput(name="李四"))
    residents.set_archived(ctx, other.id, True)
    residents.register(ctx, residents.ResidentInput(name="王五"))
    page.desk.changed.emit(Changes.of_residents([other.id]), None)  # as every write does
    names = [page.model.row_at(n).name for n in range(page.model.rowCount())]
    assert names == ["张明月", "王五"]  # by number; the archived one left out
    page.archived.setChecked(True)
    assert page.model.rowCount() == 3
    qtbot.keyClicks(page.query, "ww")
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert [page.model.row_at(n).name for n in range(page.model.rowCount())] == ["王五"]
    page.query.clear()
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert page.model.rowCount() == 3


def test_archiving_asks_first_and_hides_the_resident_from_search(page, resident, answer, qtbot):
    qtbot.keyClicks(page.query, "zmy")
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    page.table.selectRow(0)
    answer.yes = False
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert "确定归档" in answer.asked[-1] and not residents.get(resident.id).archived
    answer.yes = True
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert residents.get(resident.id).archived
    assert page.feedback.text() == "已归档 张明月"
    assert not search.search("zmy").hits


def test_reissuing_a_card_asks_first_and_retires_the_old_card(page, resident, answer, qtbot):
    qtbot.keyClicks(page.query, resident.resident_no)
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    page.table.selectRow(0)
    qtbot.mouseClick(page.reissue_button, Qt.MouseButton.LeftButton)
    assert "旧卡立即作废" in answer.asked[-1]
    assert residents.get(resident.id).card_code != resident.card_code
    assert "补办新卡" in page.feedback.text()


def test_a_clerk_does_not_see_archive(clerk_desk, qtbot):
    from .conftest import open_window

    window = open_window(clerk_desk, qtbot)
    window.show_page(RESIDENTS)
    assert not window.residents_page.archive_button.isVisible()
    assert window.residents_page.register_button.isVisible()


def test_editing_in_the_window_keeps_the_household(window, ctx, resident, qtbot):
    """A resident linked to a household stays linked after the clerk edits them with the
    real edit dialog (F6), changes the name and grid, and clicks Save."""
    household = residents.create_household(ctx, "张家")
    residents.register(ctx, residents.ResidentInput(name="张小明", household_id=household.id))
    residents.update(ctx, resident.id, residents.ResidentInput(
        name=resident.name, id_number=None, phone=None, household_id=household.id))
    page = window.desk_page
    page.open_resident(resident.id)
    qtbot.keyClick(page.scan, Qt.Key.Key_F6)
    dialog = page.active_dialog()
    assert isinstance(dialog, ResidentFormDialog)
    dialog.name.clear()
    type_text(dialog.name, "张明玥")
    dialog.grid.lineEdit().clear()
    type_text(dialog.grid.lineEdit(), "第三网格")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    stored = Resident.get_by_id(resident.id)
    assert (stored.name, stored.grid, stored.household_id) == ("张明玥", "第三网格", household.id)
    assert resident.resident_no in residents.household_view(household.id).members
