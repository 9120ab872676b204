"""How the desk looks: the CJK font, the style sheet and large-font mode.

Without a CJK font Chinese renders as empty boxes, silently; the desk ships
WenQuanYi Micro Hei in ``resources/fonts`` and falls back to the system's copy.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QIcon
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
ARROWS = RESOURCES / "icons"
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
    texts = [p.read_text(encoding="utf-8") for p in sheets if p.exists()]
    app.setStyleSheet("\n".join(texts + ([sized_controls(font)] if large else [])))
    app.setProperty("largeFont", large)
    app.setProperty("cjkFamily", family or "")


def sized_controls(font: QFont) -> str:
    """Check boxes, radio buttons and spin-box arrows as big as the text beside them
    (large-font mode): the style draws them at a fixed size, tiny beside large text.
    A spin box whose buttons are resized must be drawn whole by the style sheet."""
    line = QFontMetrics(font).height()
    box, arrow = round(line * 0.8), round(line * 0.45)
    up, down = (ARROWS / name for name in ("arrow-up.svg", "arrow-down.svg"))
    return f"""
QCheckBox::indicator, QRadioButton::indicator, QAbstractItemView::indicator {{
    width: {box}px; height: {box}px; }}
QAbstractSpinBox {{ border: 1px solid #b8c2cc; border-radius: 3px; background: white;
    padding: 2px {line}px 2px 4px; }}
QAbstractSpinBox:focus {{ border: 1px solid #2f6fb3; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ subcontrol-origin: padding;
    width: {line}px; border-left: 1px solid #b8c2cc; background: #eef1f4; }}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; }}
QAbstractSpinBox::up-arrow {{ image: url({up.as_posix()}); width: {arrow}px; height: {arrow}px; }}
QAbstractSpinBox::down-arrow, QDateTimeEdit::down-arrow {{ image: url({down.as_posix()});
    width: {arrow}px; height: {arrow}px; }}
QDateTimeEdit::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right;
    width: {line}px; border-left: 1px solid #b8c2cc; background: #eef1f4; }}
"""


def icon() -> QIcon:
    return QIcon(str(ICON)) if ICON.exists() else QIcon()
