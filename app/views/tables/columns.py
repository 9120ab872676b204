"""How a table shares its width among its columns, the same for every table.

Columns that hold numbers, codes, dates and short labels are sized to their contents
(header included) and never squeezed; the model's ``STRETCH`` columns (addresses,
particulars, notes, verdicts) share what is left, each in proportion to what it would
need. When the table is too narrow even for that, the stretch columns give way down to
a few characters, the model's ``OPTIONAL`` columns step aside, and only then does the
table scroll sideways: a number is never cut. A cell whose text does not fit is elided
(in the middle for the model's ``ELIDE_MIDDLE`` columns) and shows its full text as a
tooltip.

Measuring a column reads every cell of the rows considered, so the contents are measured
again only when the rows change (and only for the first ``FIT_ROWS`` rows); a resize
just shares the width again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

FIT_ROWS = 200  # columns are sized to the first rows; a long list's later rows follow them
PADDING_CHARS = 1  # a fitted column keeps a character's room: numbers do not touch
MIN_STRETCH_CHARS = 7  # a squeezed text column still shows this many Chinese characters


def stretch_columns(view: QTableView) -> frozenset[int]:
    """The model's ``STRETCH`` columns; without any, its last column."""
    model = view.model()
    declared = getattr(model, "STRETCH", None)
    if declared:
        return frozenset(declared)
    return frozenset({model.columnCount() - 1}) if model is not None else frozenset()


class FullTextTips(QStyledItemDelegate):
    """A cell cut short shows its full text as a tooltip; one that fits shows none
    (unless the model gives one). The model's ``ELIDE_MIDDLE`` columns keep both ends
    of a cut text: an address keeps its compound and its room ("锦绣华庭…1803室").
    Cells have no focus frame of their own: the selected row is where the keyboard is."""

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.state &= ~QStyle.StateFlag.State_HasFocus
        if index.column() in getattr(index.model(), "ELIDE_MIDDLE", ()):
            option.textElideMode = Qt.TextElideMode.ElideMiddle

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802 - Qt API
                  option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid() \
                and not index.data(Qt.ItemDataRole.ToolTipRole):
            text = self.cut_text(option, index)
            if text:
                QToolTip.showText(event.globalPos(), text, view)
                return True
        return super().helpEvent(event, view, option, index)

    def cut_text(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> str:
        """The cell's full text if it is wider than its cell, else ""."""
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return ""
        whole = QStyleOptionViewItem(option)
        whole.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        return str(text) if self.sizeHint(whole, index).width() > option.rect.width() else ""


class FittedHeader(QHeaderView):
    """A table's column header that keeps the columns shared as the module says.

    It is the header, not a filter on the table: the header is resized with the table's
    viewport and told of font changes, and it goes away with the table."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(Qt.Orientation.Horizontal, view)
        self.view = view
        self._wanted: list[int] = []
        self.setSectionsClickable(True)
        self.setHighlightSections(False)
        self.setResizeContentsPrecision(FIT_ROWS)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setStretchLastSection(False)
        view.setHorizontalHeader(self)
        view.setWordWrap(False)  # one line a row: a long text ends in "…", not half a line
        view.setItemDelegate(FullTextTips(view))
        model = view.model()
        model.modelReset.connect(self.measure)
        model.layoutChanged.connect(self.measure)
        model.rowsInserted.connect(self._on_rows_inserted)
        model.rowsRemoved.connect(self.measure)
        model.dataChanged.connect(self._on_data_changed)
        self.measure()

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if first < FIT_ROWS:  # a page scrolled in at row 20,000 keeps the widths it has
            self.measure()

    def _on_data_changed(self, top_left: QModelIndex, *_args: object) -> None:
        if top_left.row() < FIT_ROWS:
            self.measure()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.share()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.measure()  # the style sheet's fonts apply once the table is shown

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.measure()

    def measure(self) -> None:
        view, model = self.view, self.view.model()
        padding = PADDING_CHARS * view.fontMetrics().averageCharWidth()
        # Qt measures a hidden column as nothing: a column that stepped aside while the
        # table was narrow (or not yet shown) is measured whole; ``share`` hides it again
        # if there is still no room.
        for column in range(model.columnCount()):
            if self.isSectionHidden(column):
                self.setSectionHidden(column, False)
        self._wanted = [max(self.sectionSizeHint(c), view.sizeHintForColumn(c)) + padding
                        for c in range(model.columnCount())]
        self.share()

    def share(self) -> None:
        """Fitted columns at their width; the stretch columns share what is left. Too
        narrow for that, the model's ``OPTIONAL`` columns step aside, first first."""
        view = self.view
        count = len(self._wanted)
        if not count:
            return
        stretch = [c for c in sorted(stretch_columns(view)) if c < count]
        least = MIN_STRETCH_CHARS * view.fontMetrics().horizontalAdvance("中")
        floors = {c: min(self._wanted[c], max(least, self.sectionSizeHint(c)))
                  for c in stretch}
        hidden: set[int] = set()
        optional = [c for c in getattr(view.model(), "OPTIONAL", ()) if c < count]

        def fitted() -> int:
            return sum(self._wanted[c] for c in range(count)
                       if c not in stretch and c not in hidden)

        while optional and fitted() + sum(floors.values()) > view.viewport().width():
            hidden.add(optional.pop(0))
        for column in range(count):
            if self.isSectionHidden(column) != (column in hidden):
                self.setSectionHidden(column, column in hidden)
        spare = view.viewport().width() - fitted()
        widths = list(self._wanted)
        if stretch:
            needed = sum(self._wanted[c] for c in stretch)
            if spare >= needed:  # room to spare: shared as each column would need it
                for c in stretch:
                    widths[c] = self._wanted[c] * spare // needed
                widths[stretch[-1]] += spare - sum(widths[c] for c in stretch)
            else:  # too narrow: each gives way in proportion, down to its floor
                give = sum(self._wanted[c] - floors[c] for c in stretch)
                short = needed - max(spare, sum(floors.values()))
                for c in stretch:
                    share = (self._wanted[c] - floors[c]) * short // give if give else 0
                    widths[c] = self._wanted[c] - share
        for column, width in enumerate(widths):
            if column not in hidden and self.sectionSize(column) != width:
                self.resizeSection(column, width)
