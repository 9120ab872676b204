"""Signing a clerk in: at start-up (a dialog) and on the lock screen (the same form).

The password check (argon2) takes a noticeable moment, so it runs in the background
while the form stays responsive.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import auth
from app.services.context import Actor
from app.views.common import preferences
from app.views.common.widgets import EnterKey, Feedback, FieldErrors, error_label
from app.views.shell import look
from app.views.shell.duty import Desk


class SignInForm(QWidget):
    """User name, password, and a button; emits ``signed_in`` with the clerk."""

    signed_in = Signal(object)  # Actor

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("signInForm")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # the card is painted
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # One line per line of the heading (a wrapped heading is taller than the card was
        # laid out for, and squeezes the fields under it): the card grows to fit instead.
        self.heading.setWordWrap(False)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = QPushButton(self.tr("登录"))
        self.button.setObjectName("signInButton")
        self.button.setDefault(True)
        self.feedback = Feedback()
        username_error, password_error = error_label(), error_label()
        self.errors = FieldErrors(self.feedback)
        self.errors.add("username", self.username, username_error)
        self.errors.add("password", self.password, password_error)

        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow("", username_error)
        form.addRow(self.tr("密码"), self.password)
        form.addRow("", password_error)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.feedback)
        layout.addWidget(self.button)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.button)

        self.button.clicked.connect(self._on_button_clicked)
        EnterKey(self.username, self._on_username_return_pressed)
        self.password.returnPressed.connect(self._on_button_clicked)

    def start(self, heading: str, username: str = "") -> None:
        """Show the form fresh: heading, remembered user name, empty password."""
        self.heading.setText(heading)
        self.errors.clear()
        self.username.setText(username)
        self.password.clear()
        self.button.setEnabled(True)
        (self.password if username else self.username).setFocus()

    def _on_username_return_pressed(self) -> None:
        self.password.setFocus()

    def _on_button_clicked(self) -> None:
        if not self.button.isEnabled():
            return
        self.errors.clear()
        username, password = self.username.text().strip(), self.password.text()
        if not username:
            self.errors.set("username", self.tr("请输入用户名。"))
            self.username.setFocus()
            return
        if not password:
            self.errors.set("password", self.tr("请输入密码。"))
            self.password.setFocus()
            return
        self.button.setEnabled(False)
        self.feedback.show_info(self.tr("正在核对密码…"))
        base = self.desk.base
        self.desk.run(self, lambda: auth.sign_in(base, username, password),
                      self._on_sign_in_succeeded, self._on_sign_in_failed)

    def _on_sign_in_succeeded(self, actor: Actor) -> None:
        self.feedback.clear_message()
        self.button.setEnabled(True)
        self.password.clear()
        preferences.put(preferences.LAST_USERNAME, actor.username)
        self.signed_in.emit(actor)

    def _on_sign_in_failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self.feedback.clear_message()
        self.errors.show(exc)
        self.password.selectAll()
        self.password.setFocus()

    def password_error(self) -> str:
        return self.errors.text("password")


class SignInDialog(QDialog):
    """The first thing a clerk sees: who is on duty at this desk."""

    def __init__(self, desk: Desk, station_name: str, username: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登录 - StationDesk 文明实践站前台"))
        self.setWindowIcon(look.icon())
        self.actor: Actor | None = None
        self.form = SignInForm(desk, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.setMinimumWidth(420)
        self.form.signed_in.connect(self._on_form_signed_in)
        remembered = username or preferences.get(preferences.LAST_USERNAME)
        self.form.start(self.tr("{station}\n请登录").format(station=station_name), remembered)

    def _on_form_signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()
