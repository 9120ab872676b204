"""Printing a station can rely on: reprints marked 补打, a failed print that leaves the
vouchers issued and printable again, the receipt roll's width, names the fonts cannot
print, and a grid's resident cards made in the background with progress and Cancel."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.models import VoucherPrint
from app.printing import jobs
from app.services import ledger, redemption, residents, vouchers
from app.views.common import preferences as ui_settings
from app.views.desk.reprint_dialog import ReprintDialog
from app.views.documents import output
from app.views.residents.card_batch import CardBatchDialog
from app.views.shell.main_window import RESIDENTS

pytestmark = pytest.mark.gui


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _issue(window, ctx, resident, qtbot, points: int = 12):  # noqa: ANN001
    ledger.adjust(ctx, resident.id, points, "期初余额")
    page = window.desk_page
    page.open_resident(resident.id)
    qtbot.keyClick(page.scan, Qt.Key.Key_F4)
    dialog = page.active_dialog()
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    return dialog


def test_vouchers_print_again_from_the_panel_marked_reprint(window, ctx, resident, printer,
                                                            qtbot):
    issue = _issue(window, ctx, resident, qtbot)
    qtbot.mouseClick(issue.preview.print_button, Qt.MouseButton.LeftButton)
    serials = issue.serials()
    issue.reject()
    page = window.desk_page
    qtbot.keyClick(page.scan, Qt.Key.Key_F7)
    dialog = page.active_dialog()
    assert isinstance(dialog, ReprintDialog)
    assert [dialog.model.row_at(n).serial for n in range(dialog.model.rowCount())] == serials
    assert dialog.serials() == serials  # all chosen: the usual case is a lost printout
    qtbot.mouseClick(dialog.preview.print_button, Qt.MouseButton.LeftButton)
    first, again = _text(printer.printed[0][0]), _text(printer.printed[1][0])
    assert "补打" not in first
    assert "补打" in again and all(s in again for s in serials)
    assert VoucherPrint.select().where(VoucherPrint.reprint == True).count() == len(serials)  # noqa: E712
    assert dialog.feedback.text() == f"已为 张明月 补打 {len(serials)} 张兑换券（已记录）"


def test_only_the_chosen_open_vouchers_are_reprinted(window, ctx, resident, printer, qtbot):
    ledger.adjust(ctx, resident.id, 6, "期初")
    kept, redeemed = vouchers.issue(ctx, resident.id, 6, [5, 1]).vouchers
    redemption.redeem(ctx, redeemed.token)
    dialog = ReprintDialog(window.desk, residents.get(resident.id), window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1  # a redeemed voucher is never printed again
    dialog.select_serials([])
    assert not dialog.preview.print_button.isEnabled()
    dialog.select_serials([kept.serial])
    qtbot.mouseClick(dialog.preview.save_button, Qt.MouseButton.LeftButton)
    text = _text((printer.folder / "vouchers-reprint.pdf").read_bytes())
    assert kept.serial in text and redeemed.serial not in text and "补打" in text


def test_a_failed_print_leaves_the_vouchers_issued_and_offers_to_print_again(
        window, ctx, resident, printer, qtbot):
    issue = _issue(window, ctx, resident, qtbot)
    printer.fail_next = True  # the clerk cancels, or the printer jams
    qtbot.mouseClick(issue.preview.print_button, Qt.MouseButton.LeftButton)
    assert ledger.balance(resident.id) == 2  # still issued: the 10 points stay spent
    assert "没有打印" in issue.feedback.text() and "补打兑换券" in issue.feedback.text()
    assert VoucherPrint.select().count() == 0 and not issue.delivered
    assert issue.preview.print_button.isEnabled() and issue.preview.print_button.isDefault()
    qtbot.mouseClick(issue.preview.print_button, Qt.MouseButton.LeftButton)
    assert len(printer.printed) == 1 and issue.delivered
    assert VoucherPrint.select().count() == len(issue.serials())


def test_receipts_use_this_machines_roll_width(window, ctx, resident, printer, qtbot):
    ui_settings.put(ui_settings.THERMAL_WIDTH_DOTS, 576)  # an 80 mm roll
    ui_settings.put(ui_settings.VOUCHER_FORMAT, output.THERMAL)
    issue = _issue(window, ctx, resident, qtbot, points=6)
    qtbot.mouseClick(issue.preview.print_button, Qt.MouseButton.LeftButton)
    assert printer.layouts == [output.THERMAL]  # sent to the receipt printer
    widths = {round(float(PdfReader(io.BytesIO(d)).pages[0].mediabox.width), 1)
              for d in printer.printed[0]}
    assert widths == {round(576 / 203 * 72, 1)}


def test_receipts_are_painted_at_the_rolls_size(ctx, resident, tmp_path, qapp):
    """The real print path onto a file printer: each receipt is a page of its own size."""
    from PySide6.QtPrintSupport import QPrinter

    ledger.adjust(ctx, resident.id, 6, "期初")
    serials = [v.serial for v in vouchers.issue(ctx, resident.id, 6, [5, 1]).vouchers]
    receipts = jobs.voucher_printout(serials, thermal_dots=384).documents
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "roll.pdf"))
    assert output.paint_documents(printer, receipts, output.THERMAL)
    painted = PdfReader(tmp_path / "roll.pdf").pages
    sources = [PdfReader(io.BytesIO(r)).pages[0] for r in receipts]
    assert len(painted) == 2
    for page, source in zip(painted, sources, strict=True):
        assert abs(float(page.mediabox.width) - float(source.mediabox.width)) < 1
        assert abs(float(page.mediabox.height) - float(source.mediabox.height)) < 1


def test_a_name_the_fonts_cannot_print_is_warned_about_before_printing(
        window, ctx, resident, printer, answer, monkeypatch, qtbot):
    from app.printing import fonts

    # The font module is asked, as for a real rare character (e.g. 𰻝); one that no face
    # has is not printed here, as its placeholder face would outlive the font tests'
    # reset of the fallback chain later in the same process.
    monkeypatch.setattr(fonts, "missing_glyphs", lambda text: {"月"} & set(text))
    issue = _issue(window, ctx, resident, qtbot, points=5)
    assert issue.preview.warning == ("本机字体缺少这些姓名中的字，打印出来是空白方框，"
                                     "请打印后手工填写：张明月（月）")
    assert issue.preview.warning_label.isVisible()
    answer.yes = False
    qtbot.mouseClick(issue.preview.print_button, Qt.MouseButton.LeftButton)
    assert printer.printed == [] and "张明月（月）" in answer.asked[-1]
    answer.yes = True
    qtbot.mouseClick(issue.preview.print_button, Qt.MouseButton.LeftButton)
    assert len(printer.printed) == 1


def test_names_every_font_can_print_are_not_warned_about(ctx, resident):
    assert output.unprintable(["张明月", "赵孟\U0002B5AF"]) == ""  # Extension C: a fallback has it


def test_a_grids_cards_report_progress_and_can_be_cancelled(window, ctx, printer, qtbot,
                                                          monkeypatch):
    for n in range(25):
        residents.register(ctx, residents.ResidentInput(name=f"居民{n:02d}", grid="第二网格"))
    residents.register(ctx, residents.ResidentInput(name="别的网格", grid="第一网格"))
    monkeypatch.setattr(CardBatchDialog, "CHUNK", 10)
    window.show_page(RESIDENTS)
    page = window.residents_page
    qtbot.mouseClick(page.batch_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog()
    assert isinstance(dialog, CardBatchDialog)
    dialog.grid.setText("第二网格")
    seen: list[tuple[int, int]] = []
    dialog.progress.reported.connect(lambda done, total: seen.append((done, total)))
    dialog.progress.reported.connect(lambda done, total: done and dialog.progress.cancel())
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    assert seen == [(0, 25), (10, 25)]  # stopped after the first ten cards
    assert dialog.feedback.text() == "已取消，没有生成居民卡。"
    assert dialog.preview.documents == [] and not dialog.preview.print_button.isEnabled()

    seen.clear()
    dialog.progress.reported.connect(lambda done, total: seen.append((done, total)))
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    assert seen == [(0, 25), (10, 25), (20, 25), (25, 25)]
    assert len(dialog.preview.documents) == 3
    qtbot.mouseClick(dialog.preview.print_button, Qt.MouseButton.LeftButton)
    text = "".join(_text(d) for d in printer.printed[0])
    assert "居民00" in text and "居民24" in text and "别的网格" not in text
    assert page.feedback.text() == "已输出 25 张居民卡"
