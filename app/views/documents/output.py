"""Documents: rendering them to PDF bytes, and where they go — a printer or a file.

Each document is made by its job in ``app.printing.jobs`` (the command line's too), on
the worker thread, touching no widget; reportlab is loaded when a document is first
made, so the window starts (and works) without it.
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
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFileDialog, QWidget

from app.printing import ROLL_WIDTHS, jobs
from app.printing.jobs import Printout
from app.services import residents
from app.services.residents import ResidentView
from app.views.common import preferences
from app.views.common.background import Progress
from app.views.documents.painting import SHEET, THERMAL, paint_documents

__all__ = ["ROLL_WIDTHS", "SHEET", "THERMAL", "paint_documents", "sink"]

log = logging.getLogger(__name__)

Made = tuple[Printout, str]  # the documents, and a warning about names that cannot print


PrintJob = Callable[[Progress], bool]  # cancellable work: True once every page is out


class PrintingUnavailable(RuntimeError):
    """The printing package is not installed with this copy of the desk."""


@contextmanager
def _printing() -> Iterator[None]:
    try:
        yield
    except ImportError as exc:  # reportlab, qrcode: loaded when a document is first made
        raise PrintingUnavailable(str(exc)) from exc


def thermal_width() -> int:
    """This machine's receipt printer width in dots (a setting; 384 if never set)."""
    width = preferences.get(preferences.THERMAL_WIDTH_DOTS)
    return width if width in ROLL_WIDTHS else ROLL_WIDTHS[0]


def voucher_job(serials: list[str], layout: str, reprint: bool = False) -> Callable[[], Made]:
    """Work for a background worker: the vouchers in ``layout`` (at this machine's roll
    width, read now, on the GUI thread)."""
    dots = thermal_width() if layout == THERMAL else None

    def work() -> Made:
        with _printing():
            return _warned(jobs.voucher_printout(serials, dots, reprint))

    return work


def statement_job(resident: ResidentView, start: dt.date, end: dt.date) -> Callable[[], Made]:
    def work() -> Made:
        with _printing():
            return _warned(jobs.statement(resident, start, end))

    return work


def sign_in_sheet_job(activity_id: int) -> Callable[[], Made]:
    """An activity's paper sign-in sheet, with its sign-up list as it is when made."""
    def work() -> Made:
        with _printing():
            return _warned(jobs.sign_in_sheet(activity_id))

    return work


def card_job(resident_id: int) -> Callable[[], Made]:
    """A resident's card, as they are now (a card reissued a moment ago has a new code)."""
    return lambda: cards_made([residents.get(resident_id)])


def cards_made(people: list[ResidentView], chunk: int | None = None,
               report: jobs.Report | None = None) -> Made:
    with _printing():
        return _warned(jobs.cards(people, chunk, report))


def _warned(printout: Printout) -> Made:
    return printout, unprintable(printout.people)


def unprintable(names: list[str]) -> str:
    """A warning naming the characters of these names no font here can print (they come
    out as empty boxes, to be written in by hand), or "" when every one prints."""
    with _printing():
        from app.printing import fonts
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

    def save_documents(self, parent: QWidget | None, printout: Printout) -> list[Path]:
        folder = preferences.get(preferences.LAST_SAVE_DIR) or str(Path.home())
        title = QCoreApplication.translate("Output", "保存为 PDF")
        name, _ = QFileDialog.getSaveFileName(parent, title,
                                              str(Path(folder) / printout.name), "PDF (*.pdf)")
        if not name:
            return []
        path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        written = printout.write(path)
        preferences.put(preferences.LAST_SAVE_DIR, str(path.parent))
        return written

    def choose_folder(self, parent: QWidget | None, title: str) -> Path | None:
        """A folder to write into (a USB drive for an encrypted backup copy)."""
        folder = preferences.get(preferences.LAST_SAVE_DIR) or str(Path.home())
        name = QFileDialog.getExistingDirectory(parent, title, folder)
        return Path(name) if name else None


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
