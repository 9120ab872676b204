"""An admin keeps the station's tag list in the settings page, and the residents page
exports to Excel: masked by default, full numbers for an admin (audited), a failure said
in one line."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from app.models import AuditRecord, Tag
from app.views.admin.settings_page import SettingsPage
from app.views.admin.tags_box import TagsBox
from app.views.residents.export_dialog import ExportDialog
from app.views.residents.form import ResidentFormDialog
from app.views.residents.page import ResidentsPage

from .conftest import type_text

pytestmark = pytest.mark.gui


def _item_texts(box: TagsBox) -> list[str]:
    return [box.list.item(n).text() for n in range(box.list.count())]


def test_an_admin_adds_and_retires_a_tag_and_the_form_offers_only_tags_in_use(
        desk, answer, qtbot, tmp_path):
    page = SettingsPage(desk)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    box = page.findChild(TagsBox)
    assert "留守儿童" in _item_texts(box) and not box.retire_button.isEnabled()
    box.name.setFocus()
    type_text(box.name, "高龄老人")
    qtbot.keyClick(box.name, Qt.Key.Key_Return)
    assert "高龄老人" in _item_texts(box) and "高龄老人" in box.feedback.text()
    assert Tag.get(Tag.name == "高龄老人").code == "gaolinglaoren"
    type_text(box.name, "高龄 老人")  # the same name after cleaning: refused, said
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    assert box.feedback.state() == "error" and "已有标签" in box.feedback.text()
    box.name.clear()
    box.list.setCurrentRow(_item_texts(box).index("党员"))
    qtbot.mouseClick(box.retire_button, Qt.MouseButton.LeftButton)
    assert "党员" in answer.asked[-1]
    assert "党员（已停用）" in _item_texts(box) and Tag.get(Tag.code == "party_member").retired
    form = ResidentFormDialog(desk)
    qtbot.addWidget(form)
    assert "gaolinglaoren" in form.tags and "party_member" not in form.tags
    box.grab().save(str(tmp_path / "settings-tags.png"))


def test_the_residents_page_exports_masked_or_full_and_says_why_it_cannot(
        desk, ctx, resident, qtbot, tmp_path):
    page = ResidentsPage(desk)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog()
    assert dialog.full.isVisibleTo(dialog) and dialog.kind.currentData() == "residents"
    masked = tmp_path / "居民名单"
    dialog.path.setText(str(masked))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(tmp_path / "居民名单.xlsx").worksheets[0]
    assert sheet["F2"].value == "110105********002X" and sheet["G2"].value == "138****5678"
    assert "1 行" in dialog.feedback.text() and "1 行" in page.feedback.text()
    dialog.full.setChecked(True)
    full = tmp_path / "full.xlsx"
    dialog.path.setText(str(full))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(full).worksheets[0]
    assert sheet["F2"].value == "11010519491231002X" and sheet["G2"].value == "13812345678"
    record = AuditRecord.select().order_by(AuditRecord.seq.desc()).first()
    assert record.action == "export.residents" and json.loads(record.detail)["full"] is True
    dialog.path.setText(str(tmp_path / "missing" / "x.xlsx"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.feedback.state() == "error" and "文件夹不存在" in dialog.feedback.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData("ledger"))
    assert not dialog.full.isEnabled() and dialog.limited.isEnabled()
    dialog.grab().save(str(tmp_path / "export-dialog.png"))


def test_a_clerk_is_not_offered_full_numbers(clerk_desk, resident, qtbot):
    page = ResidentsPage(clerk_desk)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert not page.active_dialog().full.isVisibleTo(page.active_dialog())


def test_the_activities_page_exports_its_activities(desk, qtbot, tmp_path):
    from app.views.volunteering.page import ActivitiesPage

    page = ActivitiesPage(desk)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(ExportDialog)
    assert dialog.kind.currentData() == "activities" and not dialog.tag.isEnabled()
    assert dialog.limited.isChecked() and dialog.start.date() == page.start.date()
    dialog.path.setText(str(tmp_path / "活动"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(tmp_path / "活动.xlsx").worksheets[0]
    assert sheet["D1"].value == "活动名称" and sheet.max_row == 1
    assert "0 行" in page.feedback.text()
