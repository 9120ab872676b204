"""After registering a resident the list shows them, selected, and offers the next step
(print their card, or open them at the desk); the form takes a household and offers the
station's grids."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.services import residents
from app.views.documents.pdf_preview import PdfDialog
from app.views.shell.main_window import DESK, RESIDENTS

from .conftest import type_text

pytestmark = pytest.mark.gui


def _register(window, qtbot, name: str, **fields: str):  # noqa: ANN001
    """Ctrl+N on the residents page (filtered by an old query), a name, Enter."""
    page = window.residents_page
    window.show_page(RESIDENTS)
    qtbot.keyClicks(page.query, "zmy")
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.active_dialog()
    qtbot.waitUntil(form.isActiveWindow)
    type_text(form.name, name)
    for field, text in fields.items():
        widget = getattr(form, field)
        widget = widget.lineEdit() if hasattr(widget, "lineEdit") else widget
        widget.setFocus()
        type_text(widget, text)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.next_step is not None and page.next_step.isVisible())
    return page


def test_the_new_resident_is_shown_selected_instead_of_the_old_filter(window, resident, qtbot):
    page = _register(window, qtbot, "钱多多")
    new = residents.cardholders()[-1]
    assert new.name == "钱多多"
    assert page.query.text() == new.resident_no  # the old query "zmy" would hide them
    assert page.selected() is not None and page.selected().id == new.id
    box = page.next_step
    assert "钱多多" in box.text() and new.resident_no in box.text()
    assert [b.text() for b in (box.card_button, box.desk_button)] == ["打印居民卡", "在前台打开"]


def test_enter_on_the_next_step_prints_the_new_residents_card(window, resident, printer,
                                                              qtbot):
    page = _register(window, qtbot, "钱多多")
    new = residents.cardholders()[-1]
    qtbot.waitUntil(page.next_step.isActiveWindow)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the default: the card
    preview = page.active_dialog()
    assert isinstance(preview, PdfDialog)
    assert preview.preview.page_count() == 1
    qtbot.mouseClick(preview.preview.print_button, Qt.MouseButton.LeftButton)
    assert len(printer.printed) == 1
    assert page.selected().id == new.id


def test_open_at_the_desk_from_the_next_step(window, resident, qtbot):
    page = _register(window, qtbot, "钱多多")
    qtbot.mouseClick(page.next_step.desk_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == DESK
    assert window.desk_page.panel.resident.name == "钱多多"


def test_a_resident_joins_a_household_by_its_number(window, ctx, resident, qtbot):
    home = residents.create_household(ctx, "张明月户")
    residents.update(ctx, resident.id, residents.ResidentInput(
        name="张明月", household_id=home.id, grid="第一网格"))
    page = _register(window, qtbot, "张小月", household=str(home.id))
    new = residents.get(page.selected().id)
    assert new.household_id == home.id
    assert residents.household_view(home.id).members == (resident.resident_no, new.resident_no)


def test_an_unknown_household_is_refused_next_to_its_field(window, qtbot):
    from app.views.residents.form import ResidentFormDialog

    form = ResidentFormDialog(window.desk, None, window)
    qtbot.addWidget(form)
    form.show()
    type_text(form.name, "钱多多")
    for typed, message in (("99", "没有编号为 99 的户。"),
                           ("第三户", "户号只能填数字（户编号）。")):
        form.household.setText(typed)
        form.save_button.click()
        assert form.errors.text("household") == message
        assert form.household.hasFocus() or not form.isActiveWindow()
    assert residents.cardholders() == []


def test_the_form_offers_the_stations_grids_and_shows_the_household(window, ctx, resident,
                                                                     qtbot):
    from app.views.residents.form import ResidentFormDialog

    residents.register(ctx, residents.ResidentInput(name="李四", grid="第二网格"))
    home = residents.create_household(ctx, "张明月户")
    residents.update(ctx, resident.id, residents.ResidentInput(
        name="张明月", household_id=home.id, grid="第一网格"))
    form = ResidentFormDialog(window.desk, residents.get(resident.id), window)
    qtbot.addWidget(form)
    assert [form.grid.itemText(n) for n in range(form.grid.count())] == ["第一网格", "第二网格"]
    assert form.grid.currentText() == "第一网格"
    assert form.household.text() == str(home.id)
    form.check("household")
    assert form.household_note.text() == "张明月户，已有 1 人"
    form.grid.setCurrentIndex(1)
    form.save_button.click()
    saved = residents.get(resident.id)
    assert (saved.grid, saved.household_id) == ("第二网格", home.id)


def test_the_next_step_and_the_sidebar_shortcuts_in_english(desk, resident, qtbot, tmp_path):
    from app.views.common import i18n

    from .conftest import open_window

    i18n.build_missing_qm(i18n.TRANSLATIONS, tmp_path)
    assert i18n.install("en", tmp_path) == "en"
    window = open_window(desk, qtbot)
    assert window.sidebar_item(RESIDENTS).text() == "Residents\nCtrl+3"
    assert window.sidebar_item(RESIDENTS).toolTip() == "Residents (Ctrl+3)"
    page = _register(window, qtbot, "Qian")
    box = page.next_step
    assert box.text() == f"Qian is registered as resident {page.query.text()}. Next:"
    assert [b.text() for b in (box.card_button, box.desk_button)] == [
        "Print resident card", "Open at the desk"]
