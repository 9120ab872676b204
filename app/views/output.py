"""Documents: rendering them to PDF bytes, and where they go — a printer or a file.

The render functions run on the worker thread and touch no widget; ``app.printing``
is imported on first use, so the window starts (and works) without reportlab.
``sink`` is the one seam between the desk and printing: pages call
``output.sink.print_documents`` / ``save_documents``; tests replace ``sink`` with a
recorder and receive the PDF bytes instead of dialogs.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QWidget

from app.services import ledger, residents, vouchers
from app.services import station as station_service
from app.views import settings

log = logging.getLogger(__name__)

SHEET = "sheet"  # A4 sheet, several vouchers a page
THERMAL = "thermal"  # 58 mm receipt printer, one voucher a ticket
STATEMENT_PAGE = 200


class PrintingUnavailable(RuntimeError):
    """The printing package is not installed with this copy of the desk."""


def _printing(module: str) -> ModuleType:
    try:
        return importlib.import_module(f"app.printing.{module}")
    except ImportError as exc:
        raise PrintingUnavailable(str(exc)) from exc


def voucher_documents(serials: list[str], layout: str, holder_id_masked: str = "",
                      reprint: bool = False) -> list[bytes]:
    """The vouchers as one A4 document, or one receipt document per voucher."""
    rows = vouchers.vouchers_by_serial(serials)
    info = station_service.current()
    module = _printing("vouchers")
    if layout == THERMAL:
        return [module.voucher_thermal_pdf(row, info, reprint=reprint,
                                           holder_id_masked=holder_id_masked) for row in rows]
    return [module.voucher_sheet_pdf(rows, info, holder_id_masked=holder_id_masked,
                                     reprint=reprint)]


def statement_document(resident_id: int, start: dt.date, end: dt.date) -> bytes:
    """A passbook-style statement: the opening balance and every entry in the period."""
    resident = residents.get(resident_id)
    rows: list[ledger.EntryRow] = []
    while True:
        page = ledger.entries(resident_id, len(rows), STATEMENT_PAGE, newest_first=False,
                              start=start, end=end)
        rows.extend(page)
        if len(page) < STATEMENT_PAGE:
            break
    opening = ledger.balance_before(resident_id, start)
    return _printing("statement").statement_pdf(resident, station_service.current(), rows,
                                                opening, start, end)


def card_document(resident_ids: list[int]) -> bytes:
    people = [residents.get(rid) for rid in resident_ids]
    return _printing("cards").cards_pdf(people, station_service.current())



def numbered_paths(path: Path, count: int) -> list[Path]:
    """``voucher.pdf`` for one document; ``voucher-1.pdf`` … for several."""
    if count == 1:
        return [path]
    return [path.with_name(f"{path.stem}-{n}{path.suffix}") for n in range(1, count + 1)]


class Output:
    """The real thing: the system's print dialog and file dialog."""

    def print_documents(self, parent: QWidget | None, documents: list[bytes], title: str) -> bool:
        """Ask for a printer and print every page of every document; True if printed."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        last = settings.get(settings.LAST_PRINTER)
        if last:
            printer.setPrinterName(last)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(QCoreApplication.translate("Output", "打印"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        settings.put(settings.LAST_PRINTER, printer.printerName())
        return paint_documents(printer, documents)

    def save_documents(self, parent: QWidget | None, documents: list[bytes],
                       suggested: str) -> list[Path]:
        folder = settings.get(settings.LAST_SAVE_DIR) or str(Path.home())
        title = QCoreApplication.translate("Output", "保存为 PDF")
        name, _ = QFileDialog.getSaveFileName(parent, title,
                                              str(Path(folder) / suggested), "PDF (*.pdf)")
        if not name:
            return []
        path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        written = write_documents(path, documents)
        settings.put(settings.LAST_SAVE_DIR, str(path.parent))
        return written


def write_documents(path: Path, documents: list[bytes]) -> list[Path]:
    paths = numbered_paths(path, len(documents))
    for target, data in zip(paths, documents, strict=True):
        target.write_bytes(data)
    return paths


def paint_documents(printer: object, documents: list[bytes]) -> bool:
    """Render each PDF page on white at the printer's resolution and paint it."""
    from PySide6.QtPdf import QPdfDocument

    painter = QPainter()
    if not painter.begin(printer):  # type: ignore[arg-type]
        log.warning("printer refused to start")
        return False
    first = True
    try:
        for data in documents:
            buffer = QBuffer()
            buffer.setData(QByteArray(data))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            document = QPdfDocument()
            document.load(buffer)
            for page in range(document.pageCount()):
                if not first:
                    printer.newPage()  # type: ignore[attr-defined]
                first = False
                target = painter.viewport()
                points = document.pagePointSize(page)
                scale = min(target.width() / points.width(), target.height() / points.height())
                size = QSize(int(points.width() * scale), int(points.height() * scale))
                image = QImage(size, QImage.Format.Format_ARGB32)
                image.fill(Qt.GlobalColor.white)
                page_painter = QPainter(image)
                page_painter.drawImage(0, 0, document.render(page, size))
                page_painter.end()
                painter.drawImage(QRect(0, 0, size.width(), size.height()), image)
            document.close()
    finally:
        painter.end()
    return True


sink = Output()
