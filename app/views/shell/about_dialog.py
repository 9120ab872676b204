"""About StationDesk (关于文明实践站前台): the name, the version, and the licences of the
program, of the fonts it carries and of every library the installers ship, each with
its full text (resources/licenses/, refreshed by packaging/refresh-licenses.py).

F1 opens it from the main window and from the sign-in: a station's PC often has no
network, so what the licences require to be shown is shown from the program itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import RESOURCES
from app.views.common import titles

KEY = "F1"
INDEX = RESOURCES / "licenses" / "index.json"


def load_index() -> list[dict[str, str]]:
    """The licence entries, or none when the index is missing or unreadable (a bundle
    made without it): the dialog then says so instead of failing."""
    import json

    try:
        return json.loads(INDEX.read_text("utf-8"))
    except (OSError, ValueError):
        return []


class AboutDialog(QDialog):
    """The version at the top; below, the licences in a list, the chosen one's full
    text beside it. Up and Down choose a licence, Tab reaches its text, Esc closes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import app

        self.setObjectName("aboutDialog")
        self.setWindowTitle(titles.window_title(self.tr("关于")))
        name = QLabel(self.tr("文明实践站前台 StationDesk"))
        name.setObjectName("formHeading")
        self.version = QLabel(self.tr("版本 {version}").format(version=app.__version__))
        self.version.setObjectName("aboutVersion")
        note = QLabel(self.tr(
            "本程序按 Apache-2.0 许可证发布。它随附的字体和程序库各按其许可证使用，"
            "全文如下（选择左侧一项查看）。"))
        note.setWordWrap(True)
        self.entries = load_index()
        self.licences = QListWidget()
        self.licences.setObjectName("licenceList")
        for entry in self.entries:
            version = app.__version__ if entry["kind"] == "app" else entry["version"]
            line = f"{entry['name']} {version} · {entry['license']}"
            self.licences.addItem(line)
            self.licences.item(self.licences.count() - 1).setToolTip(line)  # cut when narrow
        self.text = QPlainTextEdit()
        self.text.setObjectName("licenceText")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        split = QSplitter()
        split.addWidget(self.licences)
        split.addWidget(self.text)
        split.setSizes([400, 500])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        for widget in (name, self.version, note):
            layout.addWidget(widget)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(920, 600)
        self.licences.currentRowChanged.connect(self._on_licences_current_row_changed)
        buttons.rejected.connect(self.reject)
        if self.entries:
            self.licences.setCurrentRow(0)
        else:
            self.text.setPlainText(self.tr("未找到许可证文本（{path}）。").format(path=INDEX))
        self.licences.setFocus()

    def _on_licences_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        path = RESOURCES / self.entries[row]["file"]
        try:
            self.text.setPlainText(path.read_text("utf-8"))
        except OSError:
            self.text.setPlainText(self.tr("未找到许可证文本（{path}）。").format(path=path))


def show_about(parent: QWidget) -> AboutDialog:
    """Open the dialog over ``parent`` (window-modal, not blocking the caller)."""
    dialog = AboutDialog(parent)
    dialog.open()
    return dialog


def add_entry(window: QWidget) -> QPushButton:
    """F1 in ``window`` opens the dialog; the button returned (“关于 F1”) does too, for
    the caller to place. It takes no focus: the keyboard stays on the clerk's work."""
    button = QPushButton(button_text())
    button.setObjectName("aboutButton")
    button.setProperty("focusPolicy", "NoFocus")
    button.setAutoDefault(False)
    button.clicked.connect(lambda: show_about(window))
    QShortcut(QKeySequence(KEY), window, lambda: show_about(window))
    return button


def button_text() -> str:
    return QCoreApplication.translate("AboutDialog", "关于") + " " + KEY
