"""The roster import dialog, driven from the keyboard: a column the clerk maps by hand in
the preview, the dry run's counts, the import and its report; a cancel that leaves
nothing; a damaged file said in one line."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.models import Resident
from app.views.common.background import Progress
from app.views.residents import import_dialog
from app.views.residents.import_dialog import ImportDialog
from app.views.shell.main_window import RESIDENTS
from tests import roster_files as rf

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


def key(k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.qWait(10)
    QTest.keyClick(QApplication.focusWidget(), k, modifier)


@pytest.fixture
def dialog(window, qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(import_dialog, "choose_roster",
                        lambda parent: rf.odd_header_xlsx(tmp_path / "odd.xlsx"))
    window.show_page(RESIDENTS)
    page = window.residents_page
    page.import_button.setFocus()
    key(Qt.Key.Key_Space)
    opened = page.active_dialog()
    assert isinstance(opened, ImportDialog)
    qtbot.waitExposed(opened)
    opened.activateWindow()
    key(Qt.Key.Key_O, CTRL)
    return opened


def test_a_column_mapped_by_keyboard_then_tried_imported_and_reported(dialog, monkeypatch,
                                                                         tmp_path):
    assert dialog.fields() == ["name", "ignore", "phone"]
    shown = {dialog.model.item(0, c).text() for c in range(3)}
    assert shown == {"韩梅梅", rf.HAN[:6] + "*" * 8 + rf.HAN[-4:], "138****8111"}  # never whole
    assert QApplication.focusWidget() is dialog.combos[0]
    key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.combos[1]
    key(Qt.Key.Key_Home)
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_End)
    assert dialog.fields() == ["name", "id_number", "ignore"]
    header = dialog.model.headerData(1, Qt.Orientation.Horizontal)
    assert header == "公民证件 → 身份证号"
    assert not dialog.import_button.isEnabled()  # a dry run of this mapping comes first
    key(Qt.Key.Key_D, CTRL)
    assert "可导入 2 人" in dialog.counts.text()
    assert Resident.select().count() == 0
    dialog.grab().save(str(tmp_path / "import-dialog.png"))
    key(Qt.Key.Key_I, CTRL)
    assert "已导入 2 人" in dialog.counts.text()
    han = Resident.get(Resident.name == "韩梅梅")
    assert han.id_number.startswith("110105") and han.phone is None
    report = tmp_path / "报告.xlsx"
    monkeypatch.setattr(import_dialog, "choose_report", lambda parent, name: report)
    key(Qt.Key.Key_S, CTRL)
    rows = list(load_workbook(report).worksheets[0].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[3]) for r in rows] == [("韩梅梅", "已导入"), ("李雷", "已导入")]


def test_a_mapping_without_a_name_is_refused_in_the_dialog(dialog):
    dialog.combos[0].setFocus()
    key(Qt.Key.Key_End)
    assert "姓名" in dialog.feedback.text()
    assert not dialog.dry_button.isEnabled() and not dialog.import_button.isEnabled()


@pytest.mark.parametrize("how", ["button", "escape"])
def test_a_cancel_before_the_commit_imports_nothing(dialog, monkeypatch, how):
    key(Qt.Key.Key_D, CTRL)
    real = Progress.report

    def cancel_then_report(self, done: int, total: int) -> None:
        # The clerk cancels as the bar first moves.
        if how == "button":
            dialog.cancel_button.click()
        else:
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
        real(self, done, total)

    monkeypatch.setattr(Progress, "report", cancel_then_report)
    key(Qt.Key.Key_I, CTRL)
    assert "已取消" in dialog.feedback.text()
    assert Resident.select().count() == 0
    assert dialog.import_button.isEnabled()  # the same mapping may be imported again
    assert dialog.isVisible()


def test_a_damaged_file_is_one_clear_line(window, qtbot, monkeypatch, tmp_path):
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"PK\x03\x04broken")
    monkeypatch.setattr(import_dialog, "choose_roster", lambda parent: broken)
    opened = ImportDialog(window.desk, window)
    qtbot.addWidget(opened)
    opened.choose_button.click()
    assert "坏.xlsx" in opened.feedback.text() and "Traceback" not in opened.feedback.text()
    assert not opened.dry_button.isEnabled()
