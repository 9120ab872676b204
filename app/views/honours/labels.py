"""The honour roll's words on screen: levels and nomination states, translated."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

LEVELS = {"community": QT_TRANSLATE_NOOP("HonourLabels", "社区级"),
          "street": QT_TRANSLATE_NOOP("HonourLabels", "街道级"),
          "district": QT_TRANSLATE_NOOP("HonourLabels", "区县级"),
          "city": QT_TRANSLATE_NOOP("HonourLabels", "市级"),
          "province": QT_TRANSLATE_NOOP("HonourLabels", "省级"),
          "national": QT_TRANSLATE_NOOP("HonourLabels", "国家级")}
STATES = {"pending": QT_TRANSLATE_NOOP("HonourLabels", "待评议"),
          "accepted": QT_TRANSLATE_NOOP("HonourLabels", "已采纳"),
          "declined": QT_TRANSLATE_NOOP("HonourLabels", "未采纳")}


def level_text(code: str) -> str:
    return QCoreApplication.translate("HonourLabels", LEVELS[code]) if code in LEVELS else code


def state_text(code: str) -> str:
    return QCoreApplication.translate("HonourLabels", STATES[code]) if code in STATES else code
