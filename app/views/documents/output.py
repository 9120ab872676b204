"""Documents: rendering them to PDF bytes, and where they go — a printer or a file.

The render functions run on the worker thread and touch no widget; ``app.printing``
is imported on first use, so the window starts (and works) without reportlab.
``sink`` is the one seam between the desk and the system's dialogs: pages call
``output.sink.print_job`` / ``save_documents`` / ``choose_folder``; tests replace
``sink`` with a recorder and receive the PDF bytes instead of dialogs. A print job is
asked for on the GUI thread (the print dialog) and painted as background work.

Each page layout has its own printer: A4 sheets go to the office printer, receipts to the
thermal printer, whose printable width in dots is this machine's setting. The last
printer of each layout is remembered.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFileDialog, QWidget

from app.services import ledger, residents, vouchers
from app.services import station as station_service
from app.views.common import preferences
from app.views.common.background import Progress
from app.views.documents.painting import SHEET, THERMAL, paint_documents

__all__ = ["SHEET", "THERMAL", "paint_documents", "sink"]

log = logging.getLogger(__name__)

# The printable widths of common receipt printers (58 mm rolls 384 dots, 80 mm 576):
# app.printing.thermal.ROLL_WIDTHS, repeated so the settings page needs no reportlab.
ROLL_WIDTHS = (384, 416, 432, 576)


PrintJob = Callable[[Progress], bool]  # cancellable work: True once every page is out


class PrintingUnavailable(RuntimeError):
    """The printing package is not installed with this copy of the desk."""


def _printing(module: str) -> ModuleType:
    try:
        return importlib.import_module(f"app.printing.{module}")
    except ImportError as exc:
        raise PrintingUnavailable(str(exc)) from exc


def thermal_width() -> int:
    """This machine's receipt printer width in dots (a setting; 384 if never set)."""
    width = preferences.get(preferences.THERMAL_WIDTH_DOTS)
    return width if width in ROLL_WIDTHS else ROLL_WIDTHS[0]


def voucher_documents(serials: list[str], layout: str, holder_id_masked: str = "",
                      reprint: bool = False, width_dots: int = ROLL_WIDTHS[0]) -> list[bytes]:
    """The vouchers as one A4 document, or one receipt document per voucher."""
    return _printing("vouchers").voucher_documents(
        vouchers.vouchers_by_serial(serials), station_service.current(),
        thermal_dots=width_dots if layout == THERMAL else None,
        holder_id_masked=holder_id_masked, reprint=reprint)


def voucher_job(serials: list[str], layout: str, holder_id_masked: str, holder_name: str,
                reprint: bool = False) -> Callable[[], tuple[list[bytes], str]]:
    """Work for a background worker: the voucher documents in ``layout`` (at this
    machine's roll width), and a warning if the holder's name cannot be printed."""
    width = thermal_width()
    return lambda: (voucher_documents(serials, layout, holder_id_masked, reprint=reprint,
                                      width_dots=width), unprintable([holder_name]))


def statement_document(resident_id: int, start: dt.date, end: dt.date) -> bytes:
    """A passbook-style statement: the opening balance and every entry in the period."""
    resident = residents.get(resident_id)
    page = ledger.statement(resident_id, start, end)
    return _printing("statement").statement_pdf(resident, station_service.current(), page.rows,
                                                page.opening, start, end)


def card_document(resident_ids: list[int]) -> bytes:
    people = [residents.get(rid) for rid in resident_ids]
    return _printing("cards").cards_pdf(people, station_service.current())


def unprintable(names: list[str]) -> str:
    """A warning naming the characters of these names no font here can print (they come
    out as empty boxes, to be written in by hand), or "" when every one prints."""
    fonts = _printing("fonts")
    found = []
    for name in dict.fromkeys(names):
        missing = fonts.missing_glyphs(name)
        if missing:
            found.append(QCoreApplication.translate("Output", "{name}（{chars}）").format(
                name=name, chars="".join(sorted(missing))))
    if not found:
        return ""
    template = QCoreApplication.translate(
        "Output", "本机字体缺少这些姓名中的字，打印出来是空白方框，请打印后手工填写：{names}")
    return template.format(names="、".join(found))


def numbered_paths(path: Path, count: int) -> list[Path]:
    """``voucher.pdf`` for one document; ``voucher-1.pdf`` … for several."""
    if count == 1:
        return [path]
    return [path.with_name(f"{path.stem}-{n}{path.suffix}") for n in range(1, count + 1)]


class Output:
    """The real thing: the system's print dialog and file dialogs."""

    def print_job(self, parent: QWidget | None, documents: list[bytes], title: str,
                  layout: str = SHEET) -> PrintJob | None:
        """Ask for a printer; the work that prints every page of every document on it
        (False if the printer refuses), or None if the clerk closed the print dialog."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        remembered = preferences.LAST_THERMAL_PRINTER if layout == THERMAL else \
            preferences.LAST_PRINTER
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        last = preferences.get(remembered)
        if last:
            printer.setPrinterName(last)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(QCoreApplication.translate("Output", "打印"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return None
        preferences.put(remembered, printer.printerName())
        return lambda progress: paint_documents(printer, documents, layout, progress)

    def save_documents(self, parent: QWidget | None, documents: list[bytes],
                       suggested: str) -> list[Path]:
        folder = preferences.get(preferences.LAST_SAVE_DIR) or str(Path.home())
        title = QCoreApplication.translate("Output", "保存为 PDF")
        name, _ = QFileDialog.getSaveFileName(parent, title,
                                              str(Path(folder) / suggested), "PDF (*.pdf)")
        if not name:
            return []
        path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        written = write_documents(path, documents)
        preferences.put(preferences.LAST_SAVE_DIR, str(path.parent))
        return written

    def choose_folder(self, parent: QWidget | None, title: str) -> Path | None:
        """A folder to write into (a USB drive for an encrypted backup copy)."""
        folder = preferences.get(preferences.LAST_SAVE_DIR) or str(Path.home())
        name = QFileDialog.getExistingDirectory(parent, title, folder)
        return Path(name) if name else None


def write_documents(path: Path, documents: list[bytes]) -> list[Path]:
    paths = numbered_paths(path, len(documents))
    for target, data in zip(paths, documents, strict=True):
        target.write_bytes(data)
    return paths


sink = Output()


class VoucherLayoutChoice(QComboBox):
    """A4 sheet or thermal roll, starting at the layout chosen last on this machine and
    remembering each new choice."""

    LAYOUTS = (SHEET, THERMAL)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voucherLayout")
        self.addItem(QCoreApplication.translate("Output", "A4 纸（每页多张）"), SHEET)
        self.addItem(QCoreApplication.translate("Output", "热敏小票"), THERMAL)
        chosen = preferences.get(preferences.VOUCHER_FORMAT)
        self.setCurrentIndex(self.LAYOUTS.index(chosen) if chosen in self.LAYOUTS else 0)
        self.currentIndexChanged.connect(self._on_self_changed)

    def _on_self_changed(self, index: int) -> None:
        preferences.put(preferences.VOUCHER_FORMAT, self.currentData())
