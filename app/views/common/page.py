"""What every page of the window shares: its place in the sidebar, a title, a feedback
line, tables set up alike, and refreshing from what the desk says changed.

A page says which changes concern it (``concerns``) and how to read its data again
(``refresh``). A change that concerns a hidden page only marks it stale: it reads again
when it is next shown. A visible page reads again at once. So a page never shows what
another page (or a dialog) has since changed, and a hidden page costs nothing.

Dialogs a page opens report what they did through ``ReportingDialog.reported``; their
writes go through ``Desk.perform`` like any other, so the changes reach every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import QAbstractItemModel, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QLabel, QTableView, QVBoxLayout, QWidget

from app.services.changes import NOTHING, Changes
from app.views.common.widgets import Feedback, table_view
from app.views.shell.duty import Desk


@dataclass(frozen=True)
class PageInfo:
    """A page's place in the window: its key, its sidebar title (translated in the main
    window's context), whether only an admin sees it, and where it stands in the list."""

    key: str
    title: str  # source text; the main window translates it
    order: int
    admin_only: bool = False


class Page(QWidget):
    info: ClassVar[PageInfo]
    refresh_on_show: ClassVar[bool] = False  # read again on every show (small lists that
    # another desk on the same database may have changed meanwhile)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._stale = True  # nothing read yet: the first show reads
        self.unseen: Changes = NOTHING  # what changed since the page last read, for
        # a page that reads only part of what it shows again
        self.feedback = Feedback()
        self.column = QVBoxLayout(self)
        desk.changed.connect(self._on_desk_changed)

    def add_title(self, text: str) -> None:
        heading = QLabel(text)
        heading.setObjectName("pageTitle")
        self.column.addWidget(heading)

    def make_table(self, model: QAbstractItemModel, name: str) -> QTableView:
        return table_view(model, name)

    def concerns(self, changes: Changes, initiator: object) -> bool:
        """Whether these changes make what the page shows stale."""
        return False

    def refresh(self) -> None:
        """Read what the page shows again."""

    @property
    def stale(self) -> bool:
        return self._stale

    def _on_desk_changed(self, changes: Changes, initiator: object) -> None:
        if not self.concerns(changes, initiator):
            return
        self.unseen = self.unseen | changes
        if self.isVisible():
            self._refresh_now()
        else:
            self._stale = True

    def _refresh_now(self) -> None:
        self._stale = False
        self.refresh()
        self.unseen = NOTHING

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        if self._stale or self.refresh_on_show:
            self._refresh_now()
        super().showEvent(event)


class ReportingDialog(QDialog):
    """A dialog that makes a write; ``reported`` carries the message saying what it did,
    for the page that opened it (the changes themselves travel through the desk)."""

    reported = Signal(str)
