"""The rest of the desk: statements and cards to print, group deeds, pending review,
the catalogue and clerks pages."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.services import auth, catalogue, deeds, ledger, residents
from app.views.admin.catalogue import DeedTypeDialog
from app.views.desk.statement_dialog import StatementDialog
from app.views.shell.main_window import CATALOGUE, CLERKS, PENDING, RESIDENTS
from tests.conftest import CLERK_PASSWORD

from .conftest import scan

pytestmark = pytest.mark.gui


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_statement_lists_the_period_and_prints(window, ctx, resident, printer, qtbot):
    deeds.record_deed(ctx, resident.id, "BLOOD_DONATION")
    ledger.adjust(ctx, resident.id, 3, "补录")
    page = window.desk_page
    scan(page.scan, resident.card_code)
    qtbot.keyClick(page.scan, Qt.Key.Key_F5)
    dialog = page.active_dialog()
    assert isinstance(dialog, StatementDialog)
    assert dialog.preview.documents and dialog.preview.page_count() >= 1
    qtbot.keyClick(dialog.preview.print_button, Qt.Key.Key_Space)
    text = _text(printer.printed[0][0])
    assert "张明月" in text and "无偿献血" in text
    assert dialog.feedback.text() == "对账单已输出。"


def test_a_resident_card_prints_from_the_residents_page(window, resident, printer, qtbot):
    window.show_page(RESIDENTS)
    page = window.residents_page
    qtbot.keyClicks(page.query, resident.resident_no)
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    page.table.selectRow(0)
    qtbot.mouseClick(page.card_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog()
    qtbot.mouseClick(dialog.preview.save_button, Qt.MouseButton.LeftButton)
    saved = printer.folder / f"card-{resident.resident_no}.pdf"
    assert "张明月" in _text(saved.read_bytes())


def test_a_group_deed_is_recorded_for_everyone(window, ctx, resident, qtbot):
    other = residents.register(ctx, residents.ResidentInput(name="李四"))
    page = window.desk_page
    page.open_resident(resident.id)
    qtbot.keyClick(page.scan, Qt.Key.Key_F3)
    dialog = page.active_dialog()
    qtbot.keyClicks(dialog.add_person, other.card_code)
    qtbot.keyClick(dialog.add_person, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.add_person, "nobody-here")
    qtbot.keyClick(dialog.add_person, Qt.Key.Key_Return)
    assert "找不到" in dialog.errors.text("person")
    assert dialog.heading.text() == "集体登记：2 人"
    qtbot.keyClicks(dialog.filter, "wcxx")
    assert "共 2 人，每人 +5 分" in dialog.preview.text()
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert page.feedback.text() == "已为 2 人登记“无偿献血”，每人 +5 分"
    assert ledger.balance(resident.id) == ledger.balance(other.id) == 5


def test_a_deed_needing_review_waits_for_an_admin(window, ctx, resident, answer, qtbot):
    page = window.desk_page
    page.open_resident(resident.id)
    qtbot.keyClick(page.scan, Qt.Key.Key_F3)
    dialog = page.active_dialog()
    qtbot.keyClicks(dialog.filter, "jyyw")  # 见义勇为: needs review
    assert "审核" in dialog.preview.text()
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert "待管理员审核后计入" in page.feedback.text()
    assert ledger.balance(resident.id) == 0
    window.show_page(PENDING)
    pending = window.pages.currentWidget()
    assert pending.model.rowCount() == 1
    pending.table.selectRow(0)
    qtbot.mouseClick(pending.reject_button, Qt.MouseButton.LeftButton)
    assert pending.errors.text("reason") == "此操作必须填写理由。"
    qtbot.mouseClick(pending.approve_button, Qt.MouseButton.LeftButton)
    assert pending.feedback.text() == ("已通过：张明月“见义勇为、伸张正义”+5 分公示至 2026-11-26，"
                                       "期满无异议即计入")
    assert pending.model.rowCount() == 1 and ledger.balance(resident.id) == 0


def test_the_catalogue_page_adds_and_retires_a_deed_type(window, answer, qtbot):
    window.show_page(CATALOGUE)
    page = window.pages.currentWidget()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(DeedTypeDialog)
    qtbot.keyClicks(dialog.code, "GARDEN_CARE")
    dialog.points.setValue(3)
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert "中文名称不能为空" in dialog.feedback.text()
    dialog.name_zh.setText("社区花园养护")
    dialog.cap.setValue(2)
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert page.feedback.text() == "已保存积分项目“社区花园养护”"
    assert [t.cap_quantity for t in catalogue.find_types("sqhy")] == [2]
    row = next(n for n in range(page.model.rowCount())
               if page.model.row_at(n).code == "GARDEN_CARE")
    page.table.selectRow(row)
    qtbot.mouseClick(page.retire_button, Qt.MouseButton.LeftButton)
    assert "停用" in answer.asked[-1]
    assert catalogue.find_types("sqhy") == []


def test_the_clerks_page_adds_resets_and_disables(window, ctx, answer, qtbot):
    window.show_page(CLERKS)
    page = window.pages.currentWidget()
    qtbot.keyClicks(page.username, "zhao")
    qtbot.keyClicks(page.password, "short")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert "至少需要 8 个字符" in page.errors.text("password")
    page.password.clear()
    qtbot.keyClicks(page.password, CLERK_PASSWORD)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 2
    row = next(n for n in range(2) if page.model.row_at(n).username == "zhao")
    page.table.selectRow(row)
    qtbot.keyClicks(page.new_password, "Another-2026")
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    assert auth.sign_in(ctx, "zhao", "Another-2026").username == "zhao"
    page.table.selectRow(row)
    qtbot.mouseClick(page.toggle_button, Qt.MouseButton.LeftButton)
    assert "不能再登录" in answer.asked[-1]
    assert not next(c for c in auth.list_clerks(ctx) if c.username == "zhao").active


def test_printing_paints_every_page_of_every_document(ctx, resident, tmp_path, qapp):
    """The real print path (no dialog): PDF pages painted onto a QPrinter writing a file."""
    from PySide6.QtPrintSupport import QPrinter

    from app.printing import jobs
    from app.services import vouchers
    from app.views.documents import output

    ledger.adjust(ctx, resident.id, 12, "期初")
    issued = vouchers.issue(ctx, resident.id, 12, [10, 1, 1])
    serials = [v.serial for v in issued.vouchers]
    receipts = jobs.voucher_printout(serials, thermal_dots=384).documents
    assert len(receipts) == 3
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert output.paint_documents(printer, receipts)
    pages = sum(len(PdfReader(io.BytesIO(r)).pages) for r in receipts)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages

