"""Table models over the services' page functions.

A paged model keeps the plain rows a service returned and asks for the next page only
when the view scrolls there (``canFetchMore``/``fetchMore``). The residents list can
run to 100,000 rows, so its model keeps only the pages last looked at and asks the
service again for a page scrolled back to. Headers are listed with
``QT_TRANSLATE_NOOP`` and translated in ``headerData``. Every model here is checked
with pytest-qt's model tester.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.services import ledger, search
from app.views.common import i18n

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
    STRETCH: frozenset[int] = frozenset()  # text columns that share the spare width
    HEADERS = "Columns"  # the translation context of the column titles

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
            return QCoreApplication.translate(self.HEADERS, self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.NUMERIC:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.colour(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        if role == ROW_ROLE:
            return row
        return None

    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, row: Any, column: int) -> str | None:
        return None

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


class WindowedModel(RowsModel):
    """Rows fetched a page at a time, of which only the last ``KEEP_PAGES`` looked at stay
    in memory; a page scrolled back to is asked for again (by its offset)."""

    PAGE_SIZE = 50
    KEEP_PAGES = 12  # of the full list, 6,000 rows: several screens either way

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch: PageFunction | None = None
        self._more = False
        self._count = 0
        self._page_size = self.PAGE_SIZE
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()

    def set_source(self, fetch: PageFunction | None, page_size: int | None = None) -> None:
        self.beginResetModel()
        self._fetch, self._more, self._count = fetch, fetch is not None, 0
        self._page_size = page_size or self.PAGE_SIZE
        self._pages.clear()
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else self._count

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:  # noqa: N802 - Qt API
        if parent.isValid() or not self._more or self._fetch is None:
            return
        page, more = self._fetch(self._count, self._page_size)
        self._more = bool(more and page)
        if page:
            first = self._count
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)  # inclusive
            self._keep(first // self._page_size, list(page))
            self._count += len(page)
            self.endInsertRows()

    def _keep(self, number: int, rows: list[Any]) -> None:
        self._pages[number] = rows
        self._pages.move_to_end(number)
        while len(self._pages) > self.KEEP_PAGES:
            self._pages.popitem(last=False)

    def row_at(self, number: int) -> Any:
        if not 0 <= number < self._count or self._fetch is None:
            return None
        page_number, offset = divmod(number, self._page_size)
        page = self._pages.get(page_number)
        if page is None:
            page = list(self._fetch(page_number * self._page_size, self._page_size)[0])
            self._keep(page_number, page)
        else:
            self._pages.move_to_end(page_number)
        return page[offset] if offset < len(page) else None

    def rows(self) -> list[Any]:
        return [self.row_at(n) for n in range(self._count)]

    def set_rows(self, rows: Sequence[Any]) -> None:
        items = list(rows)
        self.set_source(lambda offset, limit: (items[offset:offset + limit],
                                               offset + limit < len(items)),
                        max(len(items), 1))


class SearchModel(WindowedModel):
    """Residents matching what the clerk typed, best match first; or, on the residents
    page before any search, every resident by number."""

    LISTING_PAGE = 500  # a long list scrolled to its end: fewer, larger look-ups

    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "编号"), QT_TRANSLATE_NOOP("Columns", "姓名"),
               QT_TRANSLATE_NOOP("Columns", "手机"), QT_TRANSLATE_NOOP("Columns", "证件号"),
               QT_TRANSLATE_NOOP("Columns", "住址"), QT_TRANSLATE_NOOP("Columns", "网格"),
               QT_TRANSLATE_NOOP("Columns", "积分"))
    NUMERIC = frozenset({6})
    STRETCH = frozenset({4})  # the address
    ELIDE_MIDDLE = frozenset({4})  # a cut address keeps its compound and its room
    OPTIONAL = (5, 3, 2)  # in a narrow list the grid, the masked ID, the phone step aside

    def search(self, query: str, include_archived: bool = False) -> None:
        text = query.strip()
        if not text:
            self.set_source(None)
            return

        def page(offset: int, limit: int) -> tuple[list[search.ResidentHit], bool]:
            found = search.search(text, offset, limit, include_archived)
            return found.hits, found.has_more

        self.set_source(page)

    def list_all(self, include_archived: bool = False, grid: str | None = None) -> None:
        # Scrolling asks for the page after the last one: page by the last id seen there,
        # so the end of 100,000 residents comes as fast as the start.
        last_ids: dict[int, int] = {}

        def page(offset: int, limit: int) -> tuple[list[search.ResidentHit], bool]:
            after = last_ids.get(offset)
            found = search.listing(0 if after else offset, limit, grid, include_archived,
                                   after_id=after)
            if found.hits:
                last_ids[offset + len(found.hits)] = found.hits[-1].id
            return found.hits, found.has_more

        self.set_source(page, self.LISTING_PAGE)

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
    STRETCH = frozenset({1})
    OPTIONAL = (6,)  # in a narrow panel the clerk steps aside before the points do
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
        values = (row.business_date, describe_entry(row),
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


def describe_entry(row: ledger.EntryRow) -> str:
    """An entry described in the interface language."""
    return ledger.describe(row, i18n.language())
