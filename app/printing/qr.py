"""QR codes drawn as vector rectangles, sized for the printer they go to.

The module pattern comes from the ``qrcode`` package (error correction Q, so a stamp or
a crease over a quarter of the code still scans); the drawing is ours: one filled path
of rectangles, which stays sharp at any resolution and shows no seams between modules.
The quiet zone (4 modules) is part of the drawn size and painted white, so the caller
only has to keep other marks out of the box it is given.

Sizes: on A4 a module is at least 0.5 mm (the smallest a desk scanner reads reliably off
a laser print); on a thermal roll a module is a whole number of printer dots (at least
3 at 203 dpi), so every module prints with the same width.
"""

from __future__ import annotations

from dataclasses import dataclass

from qrcode import QRCode
from qrcode.constants import ERROR_CORRECT_Q
from reportlab.lib.colors import black, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4
MIN_A4_MODULE = 0.5 * mm
THERMAL_DPI = 203
MIN_THERMAL_MODULE_DOTS = 3
MAX_THERMAL_MODULE_DOTS = 8  # beyond ~1 mm a module only costs paper


@dataclass(frozen=True)
class QrMatrix:
    """The dark/light modules of one symbol, without quiet zone."""

    rows: tuple[tuple[bool, ...], ...]
    version: int

    @property
    def size(self) -> int:
        return len(self.rows)

    @property
    def size_with_quiet_zone(self) -> int:
        return self.size + 2 * QUIET_ZONE


def qr_matrix(data: str) -> QrMatrix:
    """Encode ``data`` at error correction Q in the smallest version that holds it."""
    code = QRCode(error_correction=ERROR_CORRECT_Q, border=0)
    code.add_data(data)
    code.make(fit=True)
    rows = tuple(tuple(bool(m) for m in row) for row in code.get_matrix())
    return QrMatrix(rows, int(code.version or 0))


def draw_qr(c: Canvas, matrix: QrMatrix, x: float, y: float, module: float) -> float:
    """Draw the symbol with its quiet zone; (x, y) is the bottom-left corner of the
    quiet zone. Returns the side of the square drawn."""
    side = matrix.size_with_quiet_zone * module
    c.saveState()
    c.setFillColor(white)
    c.rect(x, y, side, side, stroke=0, fill=1)
    c.setFillColor(black)
    # Work in module units (origin at the symbol's top-left corner, y growing up) and
    # write the rectangles as PDF operators directly: one per horizontal run of dark
    # modules, all in one path filled once. reportlab's path API formats each number in
    # Python and took ~10 ms per code; this takes well under one.
    c.transform(module, 0, 0, module, x + QUIET_ZONE * module, y + side - QUIET_ZONE * module)
    ops: list[str] = []
    for r, row in enumerate(matrix.rows):
        col = 0
        while col < matrix.size:
            if not row[col]:
                col += 1
                continue
            start = col
            while col < matrix.size and row[col]:
                col += 1
            ops.append(f"{start} {-r - 1} {col - start} 1 re")
    if ops:
        c.addLiteral("\n".join(ops) + "\nf")
    c.restoreState()
    return side


def a4_module(matrix: QrMatrix, room: float, largest: float = 0.8 * mm) -> float:
    """The largest module (up to ``largest``) whose symbol fits ``room`` points square;
    refuses a module under 0.5 mm rather than print a code scanners miss."""
    module = min(largest, room / matrix.size_with_quiet_zone)
    if module < MIN_A4_MODULE:
        raise ValueError(f"QR version {matrix.version} needs "
                         f"{matrix.size_with_quiet_zone * MIN_A4_MODULE / mm:.1f} mm; "
                         f"only {room / mm:.1f} mm available")
    return module


def dots_to_pt(dots: float) -> float:
    """Thermal printer dots (203 dpi) to PDF points."""
    return dots * 72.0 / THERMAL_DPI


def thermal_module_dots(matrix: QrMatrix, width_dots: int) -> int:
    """The largest whole number of dots per module (3 to 8) whose symbol, quiet zone
    included, fits the printable width."""
    dots = min(MAX_THERMAL_MODULE_DOTS, width_dots // matrix.size_with_quiet_zone)
    if dots < MIN_THERMAL_MODULE_DOTS:
        raise ValueError(f"QR version {matrix.version} needs "
                         f"{matrix.size_with_quiet_zone * MIN_THERMAL_MODULE_DOTS} dots; "
                         f"the roll prints {width_dots}")
    return dots
