"""Asking for a password in the middle of an action: the admin's own before a restore,
or a new one to encrypt a backup copy with (typed twice: a typo would lock the copy
for good).

``ask_secret`` is looked up as ``prompts.ask_secret`` at each call so a test can answer.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.views.common.widgets import error_label, set_message


class SecretDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, text: str, repeat: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.secret = QLineEdit()
        self.secret.setObjectName("secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setVisible(repeat)
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        intro = QLabel(text)
        intro.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("密码"), self.secret)
        if repeat:
            form.addRow(self.tr("再输一次"), self.again)
        form.addRow("", self.error)
        form.addRow(buttons)
        self.setMinimumWidth(420)
        self._repeat = repeat
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        if not self.secret.text():
            set_message(self.error, self.tr("请输入密码。"))
        elif self._repeat and self.again.text() != self.secret.text():
            set_message(self.error, self.tr("两次输入的密码不一样。"))
            self.again.clear()
            self.again.setFocus()
        else:
            self.accept()


def ask_secret(parent: QWidget | None, title: str, text: str, repeat: bool = False
               ) -> str | None:
    """The password typed, or None if the clerk cancelled."""
    dialog = SecretDialog(parent, title, text, repeat)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.secret.text()
        return None
    finally:
        dialog.deleteLater()
