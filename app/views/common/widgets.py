"""Small pieces every page uses: the feedback line, field-level error labels,
confirmation of destructive actions, and table set-up.

``confirm`` is looked up as ``widgets.confirm`` at each call so a test can answer it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QWidget,
)

from app.views.common.errors import field_of, message_for

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Ask before a destructive action; the safe answer is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    stay = box.addButton(QCoreApplication.translate("Widgets", "取消"),
                         QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    box.exec()
    return box.clickedButton() is go


def button_row(*buttons: QWidget) -> QHBoxLayout:
    """Buttons at the right-hand end of a row, at their natural size."""
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


def error_label() -> QLabel:
    """An error line under a field: empty and hidden until there is something to say."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def set_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class Feedback(QLabel):
    """One line saying what just happened, in green, or why not, in red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedback")
        self.setWordWrap(True)
        # Set by the flag's name: the sign-in shows a Feedback before its first paint, and
        # Qt's namespace of enums (``QtCore.Qt``) costs a start tens of milliseconds.
        self.setProperty("textInteractionFlags", "TextSelectableByMouse")
        self.setProperty("state", "info")  # polished with the widget when it first shows
        self.setVisible(False)

    def show_ok(self, text: str) -> None:
        self._set(text, "ok")

    def show_error(self, text: str) -> None:
        self._set(text, "error")

    def show_info(self, text: str) -> None:
        self._set(text, "info")

    def clear_message(self) -> None:
        self._set("", "info")

    def state(self) -> str:
        return str(self.property("state"))

    def _set(self, text: str, state: str) -> None:
        self.setText(text)
        if self.property("state") != state:  # the colour follows the state: polish anew
            self.setProperty("state", state)
            self.style().unpolish(self)
            self.style().polish(self)
        self.setVisible(bool(text))


class FieldErrors:
    """Maps a DeskError's ``field`` to the error label next to that field."""

    def __init__(self, feedback: Feedback | None = None) -> None:
        self.feedback = feedback
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add(self, name: str, widget: QWidget, label: QLabel) -> None:
        self._fields[name] = (widget, label)

    def add_row(self, form: QFormLayout, names: str | tuple[str, ...], label: str,
                widget: QWidget) -> None:
        """``widget`` on a form row of its own, with its error line below it; ``names``:
        the fields whose refusals it shows."""
        message = error_label()
        for name in (names,) if isinstance(names, str) else names:
            self.add(name, widget, message)
        form.addRow(label, widget)
        form.addRow("", message)

    def clear(self) -> None:
        for _, label in self._fields.values():
            set_message(label, "")
        if self.feedback is not None:
            self.feedback.clear_message()

    def set(self, name: str, text: str) -> None:
        if name in self._fields:
            set_message(self._fields[name][1], text)

    def text(self, name: str) -> str:
        return self._fields[name][1].text() if name in self._fields else ""

    def show_field(self, name: str) -> None:
        """Put the cursor in the field whose message the clerk should read first."""
        if name in self._fields:
            widget = self._fields[name][0]
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def show(self, exc: BaseException) -> str:
        """Show the refusal next to its field (or on the feedback line); return the text."""
        text = message_for(exc)
        name = field_of(exc)
        if name in self._fields:
            widget, label = self._fields[name]
            set_message(label, text)
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()
        elif self.feedback is not None:
            self.feedback.show_error(text)
        return text


def table_view(model: QAbstractItemModel, name: str) -> QTableView:
    """A table named ``name`` showing ``model``, set up by ``setup_table``."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    setup_table(table)
    return table


def setup_table(view: QTableView) -> None:
    """Rows chosen whole, read-only, and columns shared by the common policy
    (``app.views.tables.columns``): call it once the model is set."""
    # Imported here: the sign-in uses this module and shows no table, and the header's
    # Qt classes (QStyle, QHeaderView) would be most of its start.
    from app.views.common.keys import WholeRows
    from app.views.tables.columns import FittedHeader

    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    WholeRows(view)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    FittedHeader(view)


class EnterKey(QObject):
    """Enter in this field runs ``action`` and goes no further: in a dialog it must not
    also press the default button (adding a person is not saving the deed)."""

    def __init__(self, field: QLineEdit, action: Callable[[], None]) -> None:
        super().__init__(field)
        self._action = action
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter)):
            self._action()
            return True
        return False


class TypingRedirect(QObject):
    """Sends printable keys typed on a non-text widget to the scan field.

    A USB scanner is a keyboard: if the clerk last clicked a table, the next scan must
    still land in the scan field, not in the table's keyboard search.
    """

    def __init__(self, target: QLineEdit, parent: QObject | None = None,
                 on_redirect: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self._target = target
        self._on_redirect = on_redirect

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            modifier = QtCore.Qt.KeyboardModifier
            plain = not event.modifiers() & ~(modifier.ShiftModifier | modifier.KeypadModifier)
            if text and text.isprintable() and not text.isspace() and plain:
                if self._on_redirect:
                    self._on_redirect()
                self._target.setFocus()
                self._target.selectAll()  # typing elsewhere starts a new entry
                self._target.insert(text)
                return True
        return False
