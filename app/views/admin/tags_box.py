"""Admin: the station's list of resident tags (标签), in the settings page: add a tag,
rename one, retire one (residents who have it keep it; no one new gets it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import tags
from app.views.common import labels, widgets
from app.views.common.errors import message_for
from app.views.common.keys import EnterSubmits
from app.views.common.widgets import Feedback
from app.views.shell.duty import Desk


class TagsBox(QGroupBox):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("居民标签"))
        self.desk = desk
        self.list = QListWidget()
        self.list.setObjectName("tagList")
        self.list.setMaximumHeight(220)
        self.name = QLineEdit()
        self.name.setObjectName("tagName")
        self.name.setPlaceholderText(self.tr("新标签名称，或所选标签的新名称"))
        self.add_button = QPushButton(self.tr("添加标签"))
        self.add_button.setObjectName("addTag")
        self.rename_button = QPushButton(self.tr("改名"))
        self.rename_button.setObjectName("renameTag")
        self.retire_button = QPushButton(self.tr("停用"))
        self.retire_button.setObjectName("retireTag")
        self.feedback = Feedback()
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        for button in (self.add_button, self.rename_button, self.retire_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.feedback)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.retire_button.clicked.connect(self._on_retire_button_clicked)
        self.list.currentItemChanged.connect(self._update_buttons)
        EnterSubmits((self.name,), self.add_button)
        self.load()

    def load(self) -> None:
        chosen = self.selected()
        self.list.clear()
        known = labels.tag_list()
        for found in known.values():
            name = labels.tag(found.code, known)
            item = QListWidgetItem(self.tr("{tag}（已停用）").format(tag=name) if found.retired
                                   else name)
            item.setData(Qt.ItemDataRole.UserRole, found.code)
            self.list.addItem(item)
            if found.code == chosen:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def selected(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _update_buttons(self, *args: object) -> None:
        for button in (self.rename_button, self.retire_button):
            button.setEnabled(self.selected() is not None)

    def _write(self, work: object, message: str) -> None:
        def done(view: tags.TagView) -> None:
            self.name.clear()
            self.load()
            self.feedback.show_ok(message.format(tag=view.name))

        self.desk.perform(self, work, done, lambda exc: self.feedback.show_error(message_for(exc)))

    def _on_add_button_clicked(self) -> None:
        ctx, name = self.desk.ctx, self.name.text()
        self._write(lambda: tags.add_tag(ctx, name), self.tr("已添加标签“{tag}”"))

    def _on_rename_button_clicked(self) -> None:
        code, ctx, name = self.selected(), self.desk.ctx, self.name.text()
        if code is None:
            return
        self._write(lambda: tags.rename_tag(ctx, code, name), self.tr("标签已改名为“{tag}”"))

    def _on_retire_button_clicked(self) -> None:
        code = self.selected()
        if code is None:
            return
        name = self.list.currentItem().text()
        if not widgets.confirm(self, self.tr("停用标签"), self.tr(
                "停用后不能再给居民添加“{tag}”，已有此标签的居民保留它。确定停用吗？").format(tag=name),
                self.tr("停用")):
            return
        ctx = self.desk.ctx
        self._write(lambda: tags.retire_tag(ctx, code), self.tr("已停用标签“{tag}”"))
