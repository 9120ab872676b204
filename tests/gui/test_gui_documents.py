"""The window and ``station-desk`` make their documents with the same job: for the same
residents and period they write the same bytes, under names made the same way.

The command line runs in this process on the test's station (its real parser and
handler table; only opening the data directory is left out), and reportlab writes
invariant PDFs (no creation time, no random file id), so equal documents are equal bytes.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from reportlab import rl_config

from app.cli import grammar
from app.cli import main as cli
from app.cli.support import PASSWORD_ENV, Invocation
from app.services import deeds, ledger, residents, vouchers
from app.views.desk.reprint_dialog import ReprintDialog
from app.views.desk.statement_dialog import StatementDialog
from app.views.documents import output
from app.views.residents.card_batch import CardBatchDialog
from tests.conftest import ADMIN_PASSWORD

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def invariant_pdfs(monkeypatch):
    monkeypatch.setattr(rl_config, "invariant", 1)


def command_line(ctx, monkeypatch, *words: str) -> dict:  # noqa: ANN001
    """What ``station-desk --as admin WORDS`` answers, on the test's open station."""
    monkeypatch.setenv(PASSWORD_ENV, ADMIN_PASSWORD)
    args = grammar.parser().parse_args(["--as", "admin", *words])
    handler = cli._handlers()[(args.command, getattr(args, "action", None))]
    result, _lines = handler(args, Invocation(SimpleNamespace(data_dir=ctx.data_dir),
                                           SimpleNamespace(context=ctx)))
    return result


def test_a_grids_card_sheet_is_the_same_from_the_window_and_the_command_line(
        ctx, resident, desk, printer, monkeypatch, tmp_path, qtbot):
    residents.register(ctx, residents.ResidentInput(name="李四", grid="第一网格"))
    residents.register(ctx, residents.ResidentInput(name="王五", grid="第二网格"))
    dialog = CardBatchDialog(desk, "第一网格")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.preview.save_button, Qt.MouseButton.LeftButton)
    saved = printer.folder / "cards.pdf"
    answer = command_line(ctx, monkeypatch, "resident", "cards", "--grid", "第一网格",
                          "--pdf", str(tmp_path / "cli-cards.pdf"))
    assert answer["cards"] == dialog.count == 2
    assert saved.read_bytes() == (tmp_path / "cli-cards.pdf").read_bytes()


def test_a_statement_is_the_same_from_the_window_and_the_command_line(
        ctx, resident, desk, printer, monkeypatch, tmp_path, qtbot):
    deeds.record_deed(ctx, resident.id, "BLOOD_DONATION")
    ledger.adjust(ctx, resident.id, 3, "补录")
    dialog = StatementDialog(desk, resident)  # this year up to today, made at once
    qtbot.addWidget(dialog)
    start, end = dialog.period()
    qtbot.mouseClick(dialog.preview.save_button, Qt.MouseButton.LeftButton)
    saved = printer.folder / f"statement-{resident.resident_no}.pdf"
    answer = command_line(ctx, monkeypatch, "statement", resident.resident_no, "--from",
                          str(start), "--to", str(end), "--pdf", str(tmp_path / "cli.pdf"))
    assert answer["entries"] == 2
    assert saved.read_bytes() == (tmp_path / "cli.pdf").read_bytes()


def test_vouchers_printed_again_are_the_same_from_the_window_and_the_command_line(
        ctx, resident, desk, printer, monkeypatch, tmp_path, qtbot):
    ledger.adjust(ctx, resident.id, 10, "期初")
    serials = [v.serial for v in vouchers.issue(ctx, resident.id, 10, [5, 5]).vouchers]
    dialog = ReprintDialog(desk, resident)
    qtbot.addWidget(dialog)
    dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData(output.SHEET))
    dialog.select_serials(serials)
    qtbot.mouseClick(dialog.preview.save_button, Qt.MouseButton.LeftButton)
    command_line(ctx, monkeypatch, "voucher", "reprint", *serials, "--pdf",
                 str(tmp_path / "cli.pdf"))
    saved = printer.folder / "vouchers-reprint.pdf"
    assert saved.read_bytes() == (tmp_path / "cli.pdf").read_bytes()


def test_receipts_are_named_by_serial_in_the_window_as_on_the_command_line(
        ctx, resident, desk, printer, qtbot):
    """Several receipts are saved as NAME-SERIAL.pdf, the names ``voucher issue
    --thermal`` gives them too."""
    ledger.adjust(ctx, resident.id, 10, "期初")
    serials = [v.serial for v in vouchers.issue(ctx, resident.id, 10, [5, 5]).vouchers]
    dialog = ReprintDialog(desk, resident)
    qtbot.addWidget(dialog)
    dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData(output.THERMAL))
    dialog.select_serials(serials)
    qtbot.mouseClick(dialog.preview.save_button, Qt.MouseButton.LeftButton)
    assert sorted(p.name for p in printer.folder.glob("vouchers-reprint-*.pdf")) == [
        f"vouchers-reprint-{s}.pdf" for s in sorted(serials)]
