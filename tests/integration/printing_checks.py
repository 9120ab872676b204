"""What every printing test checks a PDF with: its text, that no full ID or phone is
printed, its pages as pictures, and the QR codes an independent decoder finds on them."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import zxingcpp
from checking_tools import program
from PIL import Image
from pypdf import PdfReader

FULL_ID = re.compile(r"\d{17}[\dX]")
FULL_PHONE = re.compile(r"1\d{10}")
STATION = "新华社区新时代文明实践站"


def pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def assert_private(text: str) -> None:
    assert not FULL_ID.search(text), "a full ID number is printed"
    assert not FULL_PHONE.search(text), "a full phone number is printed"


def render(pdf: bytes, dpi: int, tmp_path: Path) -> list[Path]:
    """Every page of ``pdf`` as a PNG at ``dpi`` (poppler's pdftoppm)."""
    pdftoppm = program("pdftoppm", "poppler-utils")
    source = tmp_path / f"doc-{dpi}.pdf"
    source.write_bytes(pdf)
    subprocess.run([pdftoppm, "-r", str(dpi), "-png", str(source),
                    str(tmp_path / f"page-{dpi}")], check=True)
    return sorted(tmp_path.glob(f"page-{dpi}-*.png"))


def decode(png: Path) -> list:
    """The QR codes zxing-cpp reads on a page (its results, with .text and .position).

    Only QR symbols are looked for: every code StationDesk prints is one, and a decoder
    searching all formats can take a run of printed glyphs for a 1-D barcode."""
    with Image.open(png) as image:
        found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
        return [r for r in found if r.valid]
