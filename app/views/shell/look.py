"""How the desk looks: the CJK font, the style sheet and large-font mode.

Without a CJK font Chinese renders as empty boxes, silently; the desk ships
WenQuanYi Micro Hei in ``resources/fonts`` and falls back to the system's copy.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from app import RESOURCES

log = logging.getLogger(__name__)

FONT_CANDIDATES = (
    RESOURCES / "fonts" / "wqy-microhei.ttc",
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
)
STYLE_SHEET = RESOURCES / "styles" / "desk.qss"
LARGE_STYLE_SHEET = RESOURCES / "styles" / "desk-large.qss"
ICON = RESOURCES / "icons" / "stationdesk.svg"
BASE_POINT_SIZE = 11
LARGE_POINT_SIZE = 15


def load_fonts() -> str | None:
    """Register the CJK font; return its family, or None if no copy was found."""
    for path in FONT_CANDIDATES:
        if not path.exists():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            return families[0]
        log.warning("could not load font %s", path)
    log.warning("no CJK font found: Chinese may render as boxes")
    return None


def apply(app: QApplication, family: str | None, large: bool) -> None:
    """Set the application font and style sheet (large mode: bigger type everywhere)."""
    font = QFont(app.font())
    if family:
        font.setFamilies([family, *[f for f in font.families() if f != family]])
    font.setPointSize(LARGE_POINT_SIZE if large else BASE_POINT_SIZE)
    app.setFont(font)
    sheets = [STYLE_SHEET] + ([LARGE_STYLE_SHEET] if large else [])
    app.setStyleSheet("\n".join(p.read_text(encoding="utf-8") for p in sheets if p.exists()))
    app.setProperty("largeFont", large)
    app.setProperty("cjkFamily", family or "")


def icon() -> QIcon:
    return QIcon(str(ICON)) if ICON.exists() else QIcon()


def prefer_sharp_scaling() -> None:
    """Before the QApplication exists: fractional DPI scales (125 %, 150 %) stay exact."""
    from PySide6.QtCore import Qt

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
