"""Per-machine UI settings, each declared once here with its type and default.

Business configuration (rates, validity, catalogue, station identity) lives in the
database; QSettings keeps only what belongs to this PC: window geometry, language,
large-font mode, the receipt printer's width, the last printer of each page layout and
the last merchant.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "StationDesk"
APPLICATION = "StationDesk"


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    kind: type


LANGUAGE = Option("ui/language", "zh", str)  # zh | en: chosen at sign-in or in settings
LARGE_FONT = Option("ui/large_font", False, bool)
MAIN_GEOMETRY = Option("window/main_geometry", QByteArray(), QByteArray)
MAIN_STATE = Option("window/main_state", QByteArray(), QByteArray)
DESK_SPLITTER = Option("window/desk_splitter", QByteArray(), QByteArray)
LAST_USERNAME = Option("signin/last_username", "", str)
VOUCHER_FORMAT = Option("printing/voucher_format", "sheet", str)  # sheet | thermal
# The last printer chosen for each page layout: A4 sheets and receipts go to different
# printers, and each dialog should open on the right one.
LAST_PRINTER = Option("printing/last_printer", "", str)  # A4 sheets (the key predates rolls)
LAST_THERMAL_PRINTER = Option("printing/last_thermal_printer", "", str)
THERMAL_WIDTH_DOTS = Option("printing/thermal_width_dots", 384, int)  # 58 mm roll: 384
LAST_SAVE_DIR = Option("printing/last_save_dir", "", str)
LAST_MERCHANT = Option("redeem/last_merchant", "", str)

ALL = (LANGUAGE, LARGE_FONT, MAIN_GEOMETRY, MAIN_STATE, DESK_SPLITTER, LAST_USERNAME,
       VOUCHER_FORMAT, LAST_PRINTER, LAST_THERMAL_PRINTER, THERMAL_WIDTH_DOTS, LAST_SAVE_DIR,
       LAST_MERCHANT)

FILE_ENV = "STATION_DESK_UI_SETTINGS"
_file: str | None = os.environ.get(FILE_ENV) or None


def use_file(path: str | os.PathLike[str] | None) -> None:
    """Keep settings in one INI file instead of the user's profile (tests, portable use)."""
    global _file
    _file = os.fspath(path) if path else None


def _store() -> QSettings:
    if _file:
        return QSettings(_file, QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


def get(option: Option) -> Any:
    value = _store().value(option.key, option.default)
    if option.kind is bool:
        return value in (True, "true", "1", 1)
    if option.kind is QByteArray:
        return value if isinstance(value, QByteArray) else QByteArray()
    try:
        return option.kind(value)
    except (TypeError, ValueError):
        return option.default


def put(option: Option, value: Any) -> None:
    store = _store()
    store.setValue(option.key, value)
    store.sync()
