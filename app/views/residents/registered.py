"""After registering a resident, what usually comes next: a card to print, or serving
them at the desk. Said in a small box the keyboard answers (Enter prints the card)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.search import ResidentHit


class RegisteredBox(QMessageBox):
    def __init__(self, hit: ResidentHit, parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Information, "", "", QMessageBox.StandardButton.NoButton,
                         parent)
        self.setObjectName("registeredBox")
        self.hit = hit
        self.setWindowTitle(self.tr("已登记新居民"))
        self.setText(self.tr("已登记 {name}，居民编号 {no}。接下来：").format(
            name=hit.name, no=hit.resident_no))
        self.card_button = self.addButton(self.tr("打印居民卡"),
                                          QMessageBox.ButtonRole.AcceptRole)
        self.desk_button = self.addButton(self.tr("在前台打开"),
                                          QMessageBox.ButtonRole.AcceptRole)
        self.close_button = self.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.card_button)  # a new resident has no card yet
        self.setEscapeButton(self.close_button)
