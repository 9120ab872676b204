"""Signing a clerk in: at start-up (a dialog) and on the lock screen (the same form).

The password check (argon2) takes a noticeable moment, so it runs in the background
while the form stays responsive.

At start-up the dialog paints before the station is opened (the clerk starts typing
meanwhile) and is given the station when it is: the password service, peewee and the
models are not loaded before the first paint, and the button waits for the station.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.views.common import i18n, preferences, titles
from app.views.common.widgets import EnterKey, Feedback, FieldErrors, error_label
from app.views.shell import look

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

    from app.services.context import Actor
    from app.views.shell.duty import Desk


class SignInForm(QFrame):
    """User name, password, and a button; emits ``signed_in`` with the clerk. Without a
    desk (the station still opening) the button waits."""

    signed_in = Signal(object)  # Actor

    def __init__(self, desk: Desk | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("signInForm")
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        # Enums by name until the first paint: see ``widgets.Feedback``.
        self.heading.setProperty("alignment", "AlignCenter")
        # One line per line of the heading (a wrapped heading is taller than the card was
        # laid out for, and squeezes the fields under it): the card grows to fit instead.
        self.heading.setWordWrap(False)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = QPushButton()
        self.button.setObjectName("signInButton")
        self.button.setDefault(True)
        self.feedback = Feedback()
        username_error, password_error = error_label(), error_label()
        self.errors = FieldErrors(self.feedback)
        self.errors.add("username", self.username, username_error)
        self.errors.add("password", self.password, password_error)

        self.username_label, self.password_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.username_label, self.username)
        form.addRow("", username_error)
        form.addRow(self.password_label, self.password)
        form.addRow("", password_error)
        self.retranslate()
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

    def retranslate(self) -> None:
        """The form's words in the interface language (also when it changes)."""
        self.button.setText(self.tr("登录"))
        self.username_label.setText(self.tr("用户名"))
        self.password_label.setText(self.tr("密码"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def start(self, heading: str, username: str = "") -> None:
        """Show the form fresh: heading, remembered user name, empty password."""
        self.heading.setText(heading)
        self.errors.clear()
        self.username.setText(username)
        self.password.clear()
        self.button.setEnabled(self.desk is not None)
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
        from app.services import auth

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
    """The first thing a clerk sees: who is on duty at this desk, in which language.

    The language buttons each name their language in itself, take effect at once and
    are remembered for the next start."""

    def __init__(self, desk: Desk | None, station_name: str, username: str = "",
                 parent: QWidget | None = None, demo: bool = False) -> None:
        super().__init__(parent)
        self.desk = desk
        self.station_name = station_name
        self.demo = False  # a demo station says so from the first screen on
        self.setWindowIcon(look.icon())
        self.actor: Actor | None = None
        self.form = SignInForm(desk, self)
        self.languages = QButtonGroup(self)
        switch = QHBoxLayout()
        # F1 too. The dialog's module loads on the first press, not before the first paint.
        self.about_button = QPushButton()
        self.about_button.setObjectName("aboutButton")
        self.about_button.setAutoDefault(False)
        self.about_button.setProperty("focusPolicy", "NoFocus")
        switch.addWidget(self.about_button)
        switch.addStretch(1)
        for code, name in i18n.LANGUAGES.items():
            button = QPushButton(name)
            button.setObjectName(f"language_{code}")
            button.setCheckable(True)
            button.setChecked(code == i18n.language())
            button.setAutoDefault(False)  # Enter signs in; it never switches language
            button.setProperty("focusPolicy", "TabFocus")
            self.languages.addButton(button)
            switch.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(switch)
        layout.addWidget(self.form)
        self.setMinimumWidth(420)
        self.form.signed_in.connect(self._on_form_signed_in)
        self.about_button.clicked.connect(self.show_about)
        self.languages.buttonClicked.connect(self._on_languages_button_clicked)
        remembered = username or preferences.get(preferences.LAST_USERNAME)
        self.form.start(self._heading(), remembered)
        if desk is None:
            self.retranslate()
        else:
            self.attach(desk, station_name, demo)

    def attach(self, desk: Desk, station_name: str, demo: bool = False) -> None:
        """The station, opened while the dialog showed: its name, its demo mark, and the
        button (what the clerk typed meanwhile stays)."""
        self.desk = self.form.desk = desk
        self.station_name = station_name
        self.demo = demo
        if demo:
            from app.views.shell.demo_banner import DemoBanner

            self.demo_banner = DemoBanner(desk, self)
            self.demo_banner.show_for(True, None)  # the clearing is for a signed-in admin
            self.layout().insertWidget(0, self.demo_banner)
        self.form.button.setEnabled(True)
        self.retranslate()

    def _heading(self) -> str:
        # The station's name is its first line, blank while it opens (the card keeps its size).
        return self.tr("{station}\n请登录").format(station=self.station_name)

    def retranslate(self) -> None:
        title = titles.window_title(self.tr("登录"))
        self.setWindowTitle(self.tr("【演示数据】") + title if self.demo else title)
        self.form.heading.setText(self._heading())
        self.about_button.setText(QCoreApplication.translate("AboutDialog", "关于") + " F1")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        from PySide6.QtCore import Qt  # after the first paint: see ``widgets.Feedback``

        if event.key() == Qt.Key.Key_F1:
            self.show_about()
        else:
            super().keyPressEvent(event)

    def show_about(self) -> None:
        from app.views.shell import about_dialog

        about_dialog.show_about(self)

    def choose_language(self, code: str) -> None:
        """Speak ``code`` from now on, here and in every window opened after sign-in."""
        config = self.desk.config if self.desk else None
        cache = config.data_dir / "translations" if config else None
        used = i18n.install(code, cache)
        preferences.put(preferences.LANGUAGE, used)
        for button in self.languages.buttons():
            button.setChecked(button.objectName() == f"language_{used}")

    def _on_languages_button_clicked(self, button: QPushButton) -> None:
        self.choose_language(button.objectName().removeprefix("language_"))
        (self.form.password if self.form.username.text() else self.form.username).setFocus()

    def _on_form_signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()
