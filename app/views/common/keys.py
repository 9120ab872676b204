"""The keyboard, the same on every page: from a search field Down enters its list, a
table always selects whole rows, and Enter in a form presses its primary button.

A clerk with a queue at the desk works without the mouse: these pieces are installed
once per field, table or form instead of each page re-implementing them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QTableView,
    QWidget,
)

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
INTO_LIST = (Qt.Key.Key_Down, Qt.Key.Key_PageDown)


def _key(event: QEvent) -> int | None:
    if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
        return event.key()
    return None


def enter_list(view: QAbstractItemView) -> bool:
    """Put the keyboard on the list's first row, the whole row selected; False when the
    list is empty or hidden (the focus stays where it was)."""
    model = view.model()
    if model is None or model.rowCount() == 0 or not view.isVisible():
        return False
    first = model.index(0, 0)
    view.setFocus(Qt.FocusReason.OtherFocusReason)
    view.setCurrentIndex(first)
    view.selectionModel().select(first, view.selectionModel().SelectionFlag.ClearAndSelect
                                 | view.selectionModel().SelectionFlag.Rows)
    view.scrollTo(first)
    return True


class SearchListKeys(QObject):
    """Down (or Page Down) in a search field enters the list under it at its first row;
    Up on the list's first row goes back to the field to type more.

    ``search_now`` runs a search the field is still waiting to start (the pause after
    typing), so Down never enters yesterday's results."""

    def __init__(self, field: QWidget, view: QAbstractItemView,
                 search_now: Callable[[], None] | None = None) -> None:
        super().__init__(field)
        self._field, self._view, self._search_now = field, view, search_now
        field.installEventFilter(self)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        key = _key(event)
        if key is None:
            return False
        if watched is self._field and key in INTO_LIST:
            if self._search_now is not None:
                self._search_now()
            enter_list(self._view)
            return True
        if (watched is self._view and key == Qt.Key.Key_Up
                and self._view.currentIndex().row() <= 0):
            self._field.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False


class WholeRows(QObject):
    """A table the keyboard reaches moves by whole rows, never by one framed cell.

    Taking the focus gives a table a current cell but no selection (an approval must not
    fall on a row nobody chose): the first Up or Down then selects that row, whole,
    instead of skipping past it."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        view = self._view
        # A multi-selection table (choose which to reprint) keeps Qt's own keys.
        if (_key(event) in (Qt.Key.Key_Down, Qt.Key.Key_Up)
                and not view.selectionModel().hasSelection()
                and view.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection):
            current = view.currentIndex()
            if current.isValid():
                view.selectRow(current.row())
                return True
            return enter_list(view)
        return False


class EnterSubmits(QObject):
    """Enter in any of ``fields`` presses ``button``: a form on a page (not a dialog, which
    has a default button) submits from the keyboard too."""

    def __init__(self, fields: Iterable[QWidget], button: QAbstractButton) -> None:
        super().__init__(button)
        self._button = button
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if _key(event) in ENTER:
            if self._button.isEnabled() and self._button.isVisible():
                self._button.click()
            return True
        return False


def with_shortcut(text: str, keys: str) -> str:
    """A tooltip naming what a control does and its key: "居民（Ctrl+3）"."""
    return QCoreApplication.translate("Keys", "{text}（{keys}）").format(text=text, keys=keys)
