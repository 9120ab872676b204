"""Fixtures for the window tests: real widgets on a real temporary station.

Background work runs synchronously (the runner's test mode), per-machine settings go
to a temporary INI file, and printing goes to a recorder that keeps the PDF bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.views.common import i18n
from app.views.common import preferences as ui_settings
from app.views.common.background import Runner
from app.views.documents import output
from app.views.shell.duty import Desk


@pytest.fixture(autouse=True)
def ui_settings_file(tmp_path):
    """This PC's settings in a temporary file, never the user's profile."""
    ui_settings.use_file(tmp_path / "ui-settings.ini")
    yield
    ui_settings.use_file(None)


@pytest.fixture(autouse=True)
def qt_globals(qapp):
    """The application's font, style sheet, palette, look properties and default locale
    put back after each test, and the windows it left up hidden: a test that applies the
    look (or large-font mode) or leaves a modal dialog open must not change what the next
    one sees."""
    font, sheet, palette = QFont(qapp.font()), qapp.styleSheet(), qapp.palette()
    properties = {name: qapp.property(name) for name in ("largeFont", "cjkFamily")}
    locale = QLocale()
    yield
    if qapp.font() != font:
        qapp.setFont(font)
    if qapp.styleSheet() != sheet:
        qapp.setStyleSheet(sheet)
    if qapp.palette() != palette:
        qapp.setPalette(palette)
    for name, value in properties.items():
        qapp.setProperty(name, value)
    QLocale.setDefault(locale)
    for window in qapp.topLevelWidgets():
        if window.isVisible():
            window.hide()  # not close(): closing runs the window's own shutdown


@pytest.fixture(autouse=True)
def chinese(qapp):
    i18n.install("zh")
    yield
    i18n.install("zh")


@dataclass
class PdfRecorder:
    """Stands in for the printer and the file dialogs; keeps what was sent.

    ``fail_next`` makes the next print come back unprinted (cancelled or jammed)."""

    printed: list[list[bytes]] = field(default_factory=list)
    layouts: list[str] = field(default_factory=list)
    saved: list[list[bytes]] = field(default_factory=list)
    folder: Path | None = None
    fail_next: bool = False

    def print_job(self, parent, documents, title, layout="sheet"):  # noqa: ANN001
        if self.fail_next:
            self.fail_next = False
            return lambda progress: False

        def job(progress) -> bool:  # noqa: ANN001
            self.printed.append(list(documents))
            self.layouts.append(layout)
            return True

        return job

    def choose_folder(self, parent, title):  # noqa: ANN001
        return self.folder

    def save_documents(self, parent, printout):  # noqa: ANN001
        self.saved.append(list(printout.documents))
        return printout.write(self.folder / printout.name)


@pytest.fixture
def printer(monkeypatch, tmp_path):
    recorder = PdfRecorder(folder=tmp_path)
    monkeypatch.setattr(output, "sink", recorder)
    return recorder


@pytest.fixture
def answer(monkeypatch):
    """Answers confirmation questions: ``answer.yes = False`` to refuse; keeps the texts."""

    class Answer:
        yes = True
        asked: list[str] = []

        def __call__(self, parent, title, text, action):  # noqa: ANN001
            self.asked.append(text)
            return self.yes

    from app.views.common import widgets

    fake = Answer()
    fake.asked = []
    monkeypatch.setattr(widgets, "confirm", fake)
    return fake


def make_desk(ctx) -> Desk:  # noqa: ANN001
    desk = Desk(ctx, Runner(synchronous=True))
    desk.set_actor(ctx.actor)
    return desk


@pytest.fixture
def desk(ctx, qapp):
    return make_desk(ctx)


@pytest.fixture
def clerk_desk(clerk_ctx, qapp):
    return make_desk(clerk_ctx)


def open_window(desk: Desk, qtbot):  # noqa: ANN001
    from app.views.shell.main_window import MainWindow

    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.desk_page.focus_scan()
    return window


@pytest.fixture
def window(desk, qtbot):
    return open_window(desk, qtbot)


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard, one character at a time (works for Chinese, unlike keyClicks)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


def scan(widget: QWidget, code: str) -> None:
    """A USB scanner: the code's characters quickly, then Enter."""
    QTest.keyClicks(widget, code)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def scan_into_focus(code: str) -> None:
    """A USB scanner types into whichever widget has the focus, key after key."""
    for ch in code:
        QTest.keyClick(QApplication.focusWidget(), ch)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


class Inputs:
    """Counts what the clerk does: each key press, each click, each field typed."""

    def __init__(self) -> None:
        self.count = 0

    @staticmethod
    def focus() -> QWidget:
        QTest.qWait(20)  # a clerk's pause between two inputs: windows open, focus settles
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def key(self, key: Qt.Key) -> None:
        self.count += 1
        QTest.keyClick(self.focus(), key)

    def type(self, text: str) -> None:
        self.count += 1
        type_text(self.focus(), text)

    def click(self, widget: QWidget) -> None:
        self.count += 1
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
