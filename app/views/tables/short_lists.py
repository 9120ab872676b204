"""Models of short lists, loaded whole: deed types to pick from, a resident's open
vouchers (to print again) and the station's backup files."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)

from app.services.backup import BackupFile
from app.services.catalogue import DeedTypeInfo
from app.services.vouchers import VoucherRow
from app.views.common import labels
from app.views.tables.rows import BAD, ROW_ROLE, Index, RowsModel
from app.views.tables.trailing import TRAILING_ROLE

BACKUP_KINDS = {
    "daily": QT_TRANSLATE_NOOP("Columns", "每日自动"),
    "close": QT_TRANSLATE_NOOP("Columns", "关闭时自动"),
    "manual": QT_TRANSLATE_NOOP("Columns", "手动"),
    "migration": QT_TRANSLATE_NOOP("Columns", "升级前"),
}


class OpenVouchersModel(RowsModel):
    """Vouchers not yet redeemed, voided or expired: what may be printed again."""

    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "券号"), QT_TRANSLATE_NOOP("Columns", "面值"),
               QT_TRANSLATE_NOOP("Columns", "发放日期"), QT_TRANSLATE_NOOP("Columns", "有效期至"),
               QT_TRANSLATE_NOOP("Columns", "使用范围"))
    NUMERIC = frozenset({1})
    STRETCH = frozenset({4})

    def cell(self, v: VoucherRow, column: int) -> str:
        where = v.merchant if v.scope == "merchant" and v.merchant else labels.scope(v.scope)
        return (v.serial, str(v.points), v.issue_date, v.expiry_date, where)[column]


class BackupsModel(RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "文件名"), QT_TRANSLATE_NOOP("Columns", "时间"),
               QT_TRANSLATE_NOOP("Columns", "类型"), QT_TRANSLATE_NOOP("Columns", "大小"))
    NUMERIC = frozenset({3})
    STRETCH = frozenset({0})

    def cell(self, b: BackupFile, column: int) -> str:
        kind = BACKUP_KINDS.get(b.kind)
        return (b.path.name, b.made_at.strftime("%Y-%m-%d %H:%M:%S"),
                QCoreApplication.translate("Columns", kind) if kind else "",
                size_text(b.size_bytes))[column]


def size_text(size: int) -> str:
    """1.3 MB, 820 KB: enough to see that a backup is not empty or truncated."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(size, 1) / 1024:.0f} KB" if size else "0 KB"


class DeedTypesModel(QAbstractListModel):
    """Deed types to pick from in the record-deed dialog."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._types: list[DeedTypeInfo] = []

    def set_types(self, types: Sequence[DeedTypeInfo]) -> None:
        self.beginResetModel()
        self._types = list(types)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._types)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._types):
            return None
        t = self._types[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return labels.deed_name(t.name_zh, t.name_en)
        if role == TRAILING_ROLE:  # drawn whole beside the name (see trailing.py)
            points = f"+{t.points}" if t.points > 0 else str(t.points)
            return QCoreApplication.translate("Columns", "{points} 分/{unit}").format(
                points=points, unit=labels.unit(t.unit))
        if role == Qt.ItemDataRole.ForegroundRole and t.points < 0:
            return BAD
        if role == Qt.ItemDataRole.ToolTipRole:
            return t.note or None
        if role == ROW_ROLE:
            return t
        return None

    def type_at(self, number: int) -> DeedTypeInfo | None:
        return self._types[number] if 0 <= number < len(self._types) else None
