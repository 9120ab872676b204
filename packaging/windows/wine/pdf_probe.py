"""Run by the installed python.exe under Wine: the trimmed bundle still makes a PDF with
reportlab and renders it with QtPdf (what the print previews do)."""

import tempfile
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument
from reportlab.pdfgen import canvas

app = QGuiApplication([])
path = Path(tempfile.gettempdir()) / "station-desk-probe.pdf"
page = canvas.Canvas(str(path))
page.drawString(100, 700, "StationDesk")
page.save()
document = QPdfDocument()
document.load(str(path))
image = document.render(0, QSize(200, 280))
print("rendered" if document.pageCount() == 1 and not image.isNull() else "NOT RENDERED")
