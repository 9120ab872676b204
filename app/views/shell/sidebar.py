"""The sidebar of a window's pages and the stack it switches: each page's entry with its
shortcut under it (Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth), wide enough for every
title in the font in use. The station's window and the centre's share it.

Titles are translated in the ``MainWindow`` context, where every page declares its own
(``PageInfo.title``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QWidget

from app.views.common.keys import with_shortcut
from app.views.common.page import Page

SHORTCUT_PAGES = 10  # Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth
SIDEBAR_WIDTH = 150  # at least: wider when a title and its shortcut need it
TITLES = "MainWindow"


class Sidebar(QListWidget):
    def __init__(self, window: QWidget, pages: Sequence[Page],
                 show_page: Callable[[str], None]) -> None:
        super().__init__()
        self.setObjectName("sidebar")
        self.page_list = list(pages)
        self.stack = QStackedWidget()
        self.page_keys: dict[str, str] = {}  # each page's shortcut, as the sidebar shows it
        for number, page in enumerate(self.page_list):
            self.addItem(QListWidgetItem())
            self.stack.addWidget(page)
            if number < SHORTCUT_PAGES:
                sequence = QKeySequence(f"Ctrl+{(number + 1) % 10}")
                self.page_keys[page.info.key] = sequence.toString(
                    QKeySequence.SequenceFormat.NativeText)
                QShortcut(sequence, window, lambda key=page.info.key: show_page(key))
            self.show_title(page)

    def entry(self, key: str) -> QListWidgetItem:
        return self.item(next(n for n, p in enumerate(self.page_list) if p.info.key == key))

    def show_title(self, page: Page, count: int = 0) -> None:
        """A page's entry with its shortcut under it ("居民" over "Ctrl+3"), also in its
        tooltip, so the keys are found without a manual; ``count``: waiting items.
        Under, not beside: beside it widened the sidebar by a shortcut's width, which an
        English large-font window on a 1280-pixel screen took from its tables."""
        title = QCoreApplication.translate(TITLES, page.info.title)
        if count:
            title = f"{title} ({count})"
        keys = self.page_keys.get(page.info.key, "")
        item = self.entry(page.info.key)
        item.setText(f"{title}\n{keys}" if keys else title)
        item.setToolTip(with_shortcut(title, keys) if keys else title)
        self.fit()

    def fit(self) -> None:
        """Wide enough for every title with its shortcut, in the font in use (call it
        again when the window's font or style changes: large-font mode)."""
        wanted = self.sizeHintForColumn(0) + 2 * self.frameWidth()
        self.setFixedWidth(max(SIDEBAR_WIDTH, wanted))
