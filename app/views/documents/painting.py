"""Putting finished PDF pages on a printer: page by page, in the background, stoppable.

QtPdf renders each page to an image on white (its own images are transparent and would
print black), which is painted at the page's real size: A4 pages fill the sheet, a
receipt is printed dot for dot at the roll's width, its page as long as the receipt.
Painting a hundred pages takes seconds, so the window runs it as cancellable background
work (``Runner.run``) and shows how far it is; a QPrinter may be painted on from any
thread, and nothing here touches a widget.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter

from app.views.common.background import Cancelled, Progress

log = logging.getLogger(__name__)

SHEET = "sheet"
THERMAL = "thermal"
# Rendering above 300 dpi makes an A4 page image of over 100 MB and prints no sharper a
# QR code (a module is 6 dots at 300 dpi); a receipt printer's 203 dpi stays exact.
MAX_RENDER_DPI = 300


def _page_size(points: QSizeF) -> QPageSize:
    return QPageSize(points, QPageSize.Unit.Point, "",
                     QPageSize.SizeMatchPolicy.ExactMatch)


def prepare_roll(printer: Any, points: QSizeF) -> None:
    """A receipt is a page exactly as wide as the roll and as long as its content."""
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(_page_size(points), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))


def paint_documents(printer: Any, documents: list[bytes], layout: str = SHEET,
                    progress: Progress | None = None) -> bool:
    """Paint every page of every document; False if the printer refused. ``Cancelled``
    if the clerk cancelled: the job is aborted first, so nothing half-printed is left
    queued."""
    from PySide6.QtPdf import QPdfDocument

    pages: list[tuple[QPdfDocument, int]] = []
    opened: list[tuple[QPdfDocument, QBuffer]] = []
    for data in documents:
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        opened.append((document, buffer))  # the buffer must outlive its document
        pages.extend((document, n) for n in range(document.pageCount()))
    if layout == THERMAL and pages:
        prepare_roll(printer, pages[0][0].pagePointSize(pages[0][1]))
    painter = QPainter()
    if not painter.begin(printer):
        log.warning("printer refused to start")
        return False
    try:
        for number, (document, page) in enumerate(pages):
            if progress is not None:
                progress.report(number, len(pages))
            points = document.pagePointSize(page)
            if number:
                if layout == THERMAL:
                    printer.setPageSize(_page_size(points))
                printer.newPage()
            _paint_page(painter, printer, document, page, points, layout)
    except Cancelled:
        printer.abort()
        raise
    finally:
        painter.end()
        for document, _buffer in opened:
            document.close()
    return True


def _paint_page(painter: QPainter, printer: Any, document: Any, page: int, points: QSizeF,
                layout: str) -> None:
    dpi = printer.resolution()
    if layout == THERMAL:
        scale = dpi / 72  # dot for dot: the page is the roll's printable width
    else:
        target = painter.viewport()
        scale = min(target.width() / points.width(), target.height() / points.height())
    size = QSize(round(points.width() * scale), round(points.height() * scale))
    render_scale = min(1.0, MAX_RENDER_DPI / dpi) if dpi else 1.0
    image_size = QSize(max(1, round(size.width() * render_scale)),
                       max(1, round(size.height() * render_scale)))
    image = QImage(image_size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    page_painter = QPainter(image)
    page_painter.drawImage(0, 0, document.render(page, image_size))
    page_painter.end()
    painter.drawImage(QRect(0, 0, size.width(), size.height()), image)
