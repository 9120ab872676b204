"""Table models over the services' page functions.

A paged model keeps the plain rows a service returned and asks for the next page only
when the view scrolls there (``canFetchMore``/``fetchMore``). Headers are listed with
``QT_TRANSLATE_NOOP`` and translated in ``headerData``. Every model here is checked
with pytest-qt's model tester.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.services import ledger, search
from app.services.catalogue import DeedTypeInfo
from app.views import labels

Index = QModelIndex | QPersistentModelIndex
PageFunction = Callable[[int, int], tuple[Sequence[Any], bool]]
ROW_ROLE = Qt.ItemDataRole.UserRole
GOOD = QColor("#1b7a3a")
BAD = QColor("#b3261e")
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowsModel(QAbstractTableModel):
    """Rows of frozen dataclasses; subclasses name the columns and format the cells."""

    COLUMNS: tuple[str, ...] = ()
    NUMERIC: frozenset[int] = frozenset()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.COLUMNS)):
            return QCoreApplication.translate("Columns", self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.NUMERIC:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.colour(row, index.column())
        if role == ROW_ROLE:
            return row
        return None

    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def colour(self, row: Any, column: int) -> QColor | None:
        return None

    def row_at(self, number: int) -> Any:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def rows(self) -> list[Any]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()


class PagedModel(RowsModel):
    """Rows fetched a page at a time from a service function ``(offset, limit)``."""

    PAGE_SIZE = 50

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch: PageFunction | None = None
        self._more = False

    def set_source(self, fetch: PageFunction | None) -> None:
        """Start over with a new page function and load its first page at once."""
        self.beginResetModel()
        self._rows, self._fetch, self._more = [], fetch, fetch is not None
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:  # noqa: N802 - Qt API
        if parent.isValid() or not self._more or self._fetch is None:
            return
        page, more = self._fetch(len(self._rows), self.PAGE_SIZE)
        self._more = bool(more and page)
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)  # inclusive
            self._rows.extend(page)
            self.endInsertRows()


class SearchModel(PagedModel):
    """Residents matching what the clerk typed, best match first."""

    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "编号"), QT_TRANSLATE_NOOP("Columns", "姓名"),
               QT_TRANSLATE_NOOP("Columns", "手机"), QT_TRANSLATE_NOOP("Columns", "证件号"),
               QT_TRANSLATE_NOOP("Columns", "住址"), QT_TRANSLATE_NOOP("Columns", "网格"),
               QT_TRANSLATE_NOOP("Columns", "积分"))
    NUMERIC = frozenset({6})

    def search(self, query: str, include_archived: bool = False) -> None:
        text = query.strip()
        if not text:
            self.set_source(None)
            return

        def page(offset: int, limit: int) -> tuple[list[search.ResidentHit], bool]:
            found = search.search(text, offset, limit, include_archived)
            return found.hits, found.has_more

        self.set_source(page)

    def cell(self, row: search.ResidentHit, column: int) -> str:
        values = (row.resident_no, row.name, row.phone_masked, row.id_masked, row.address,
                  row.grid, str(row.balance))
        if column == 1 and row.archived:
            return QCoreApplication.translate("Columns", "{name}（已归档）").format(name=row.name)
        return values[column]


class LedgerModel(PagedModel):
    """A resident's ledger, newest first, laid out like a passbook page."""

    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "日期"), QT_TRANSLATE_NOOP("Columns", "事由"),
               QT_TRANSLATE_NOOP("Columns", "加分"), QT_TRANSLATE_NOOP("Columns", "扣分"),
               QT_TRANSLATE_NOOP("Columns", "兑换"), QT_TRANSLATE_NOOP("Columns", "余额"),
               QT_TRANSLATE_NOOP("Columns", "经办人"))
    NUMERIC = frozenset({2, 3, 4, 5})
    PAGE_SIZE = 30

    def show_resident(self, resident_id: int | None) -> None:
        if resident_id is None:
            self.set_source(None)
            return

        def page(offset: int, limit: int) -> tuple[list[ledger.EntryRow], bool]:
            rows = ledger.entries(resident_id, offset, limit)
            return rows, len(rows) == limit

        self.set_source(page)

    def cell(self, row: ledger.EntryRow, column: int) -> str:
        issue = row.kind == "issue"
        values = (row.business_date, _describe(row),
                  str(row.points) if row.points > 0 and not issue else "",
                  str(-row.points) if row.points < 0 and not issue else "",
                  str(-row.points) if issue else "", str(row.balance_after), row.clerk)
        return values[column]

    def colour(self, row: ledger.EntryRow, column: int) -> QColor | None:
        if column == 2:
            return GOOD
        if column == 3:
            return BAD
        return None


def _describe(row: ledger.EntryRow) -> str:
    """The service describes an entry in Chinese; its kind is shown in the UI language."""
    kind_zh = ledger.KIND_ZH.get(row.kind, "")
    if kind_zh and row.description.startswith(kind_zh):
        return labels.kind(row.kind) + row.description[len(kind_zh):]
    if row.kind in ("award", "deduct"):
        return row.description
    return f"{labels.kind(row.kind)}：{row.description}"


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
            points = f"+{t.points}" if t.points > 0 else str(t.points)
            return QCoreApplication.translate("Columns", "{name}　{points} 分/{unit}").format(
                name=labels.deed_name(t.name_zh, t.name_en), points=points,
                unit=labels.unit(t.unit))
        if role == Qt.ItemDataRole.ForegroundRole and t.points < 0:
            return BAD
        if role == Qt.ItemDataRole.ToolTipRole:
            return t.note or None
        if role == ROW_ROLE:
            return t
        return None

    def type_at(self, number: int) -> DeedTypeInfo | None:
        return self._types[number] if 0 <= number < len(self._types) else None
