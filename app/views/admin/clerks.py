"""Admin: clerks — add an account, reset a password, disable or enable."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.services import auth
from app.services.auth import ClerkRow, ClerkSaved
from app.services.changes import Changes
from app.views.common import labels, widgets
from app.views.common.errors import message_for
from app.views.common.keys import EnterSubmits
from app.views.common.page import Page, PageInfo
from app.views.common.widgets import FieldErrors, button_row, error_label
from app.views.shell.duty import Desk
from app.views.tables.admin_lists import ClerksModel
from app.views.tables.rows import ROW_ROLE


class ClerksPage(Page):
    info = PageInfo("clerks", QT_TRANSLATE_NOOP("MainWindow", "经办人"), order=70,
                    admin_only=True)
    refresh_on_show = True  # locks and sign-ins change without a write here

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.add_title(self.tr("经办人"))
        self.model = ClerksModel(self)
        self.table = self.make_table(self.model, "clerksTable")
        self.toggle_button = QPushButton(self.tr("停用/启用"))
        self.new_password = QLineEdit()
        self.new_password.setObjectName("resetPassword")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setPlaceholderText(self.tr("新密码"))
        self.reset_button = QPushButton(self.tr("重设所选经办人的密码"))
        self.username = QLineEdit()
        self.username.setObjectName("newUsername")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("newDisplayName")
        self.role = QComboBox()
        for code in ("clerk", "admin"):
            self.role.addItem(labels.role(code), code)
        self.password = QLineEdit()
        self.password.setObjectName("newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self.tr("添加经办人（回车）"))
        self.add_button.setObjectName("addClerk")
        self.errors = FieldErrors(self.feedback)
        self._lay_out()
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.reset_button.clicked.connect(self._on_reset_button_clicked)
        self.toggle_button.clicked.connect(self._on_toggle_button_clicked)
        EnterSubmits((self.username, self.display_name, self.role, self.password),
                     self.add_button)
        EnterSubmits((self.new_password,), self.reset_button)

    def _lay_out(self) -> None:
        username_error, password_error = error_label(), error_label()
        self.errors.add("username", self.username, username_error)
        self.errors.add("password", self.password, password_error)
        reset_row = QHBoxLayout()
        reset_row.addWidget(self.new_password, 1)
        reset_row.addWidget(self.reset_button)
        reset_row.addWidget(self.toggle_button)
        add_box = QGroupBox(self.tr("添加经办人"))
        form = QFormLayout(add_box)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow("", username_error)
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("角色"), self.role)
        form.addRow(self.tr("初始密码"), self.password)
        form.addRow("", password_error)
        form.addRow(button_row(self.add_button))
        self.column.addWidget(self.feedback)
        self.column.addWidget(self.table, 1)
        self.column.addLayout(reset_row)
        self.column.addWidget(add_box)

    def concerns(self, changes: Changes, initiator: object) -> bool:
        return changes.clerks

    def refresh(self) -> None:
        self.model.set_rows(auth.list_clerks(self.desk.ctx))

    def selected(self) -> ClerkRow | None:
        return self.table.currentIndex().data(ROW_ROLE)

    def _finish(self, message: str) -> None:
        self.feedback.show_ok(message)

    def _on_add_button_clicked(self) -> None:
        self.errors.clear()
        ctx = self.desk.ctx
        username, name = self.username.text().strip(), self.display_name.text().strip()
        role, password = self.role.currentData(), self.password.text()
        self.desk.perform(self, lambda: auth.add_clerk(ctx, username, name, role, password),
                          self._on_add_succeeded, self.errors.show)

    def _on_add_succeeded(self, saved: ClerkSaved) -> None:
        for field in (self.username, self.display_name, self.password):
            field.clear()
        self._finish(self.tr("已添加经办人 {name}（{username}）").format(
            name=saved.display_name, username=saved.username))

    def _on_reset_button_clicked(self) -> None:
        clerk = self.selected()
        if clerk is None:
            self.feedback.show_error(self.tr("请先在表中选择经办人。"))
            return
        question = self.tr("确定重设 {name} 的密码吗？").format(name=clerk.display_name)
        if not widgets.confirm(self, self.tr("重设密码"), question, self.tr("重设")):
            return
        ctx, password = self.desk.ctx, self.new_password.text()
        self.desk.perform(self, lambda: auth.reset_password(ctx, clerk.username, password),
                          lambda _saved: self._on_reset_succeeded(clerk),
                          lambda exc: self.feedback.show_error(message_for(exc)))

    def _on_reset_succeeded(self, clerk: ClerkRow) -> None:
        self.new_password.clear()
        self._finish(self.tr("已重设 {name} 的密码，并解除锁定").format(name=clerk.display_name))

    def _on_toggle_button_clicked(self) -> None:
        clerk = self.selected()
        if clerk is None:
            return
        active = not clerk.active
        if not active and not widgets.confirm(
                self, self.tr("停用经办人"),
                self.tr("停用后 {name} 不能再登录。确定停用吗？").format(name=clerk.display_name),
                self.tr("停用")):
            return
        ctx = self.desk.ctx
        done = self.tr("已启用 {name}") if active else self.tr("已停用 {name}")
        self.desk.perform(self, lambda: auth.set_active(ctx, clerk.username, active),
                          lambda _saved: self._finish(done.format(name=clerk.display_name)),
                          lambda exc: self.feedback.show_error(message_for(exc)))
