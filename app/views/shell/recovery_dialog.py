"""Restoring a backup from the window: what both ways to a restore share, and the
start-up dialog for a database that failed its check.

A damaged database is never written to: the dialog says what is wrong, offers the newest
verified backup, and restores it once an admin of that backup has signed in. The
admin's password is checked against a scratch copy of the backup, not the damaged file
(signing in writes a record), and the damaged file is moved aside untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.runtime.config import Config
from app.runtime.health import FailedWholeCheck
from app.runtime.recovery import Restored
from app.views.common import preferences
from app.views.common.background import Runner
from app.views.common.errors import message_for
from app.views.common.widgets import Feedback, FieldErrors, error_label
from app.views.shell import look


@dataclass(frozen=True)
class RestoreRequest:
    """An admin asked, in the window, to restore ``source``; done once it has closed."""

    source: Path
    username: str
    password: str = field(repr=False)  # never in a log line


def restore_backup(config: Config, request: RestoreRequest, damaged: bool = False) -> Restored:
    """On a worker, with the station closed: check the admin, put the backup in place.

    ``damaged``: the current database must not even be signed in to, so the admin is
    checked against the backup instead.
    """
    from app.runtime import recovery

    with recovery.plain_copy(config, request.source, None) as plain:
        ctx = recovery.authorise(config, request.username, request.password, plain,
                                 use_current=not damaged)
        return recovery.restore(config, ctx, plain, request.source)


def restored_message(done: Restored) -> str:
    """What the admin is told once the backup is in place, with what was carried over."""
    from app.runtime import recovery
    from app.views.common import i18n

    return QCoreApplication.translate(
        "Recovery", "已从备份 {name} 恢复：{residents} 位居民，{entries} 条流水。"
                    "原来的数据库另存在 {previous}。").format(
        name=Path(done.path).name, residents=done.residents, entries=done.entries,
        previous=done.previous) + "\n\n" + recovery.carried_text(done.carried,
                                                                 i18n.language())


class DamagedDialog(QDialog):
    """Shown instead of the sign-in when the start-up check fails."""

    def __init__(self, config: Config, error: Exception, runner: Runner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.backup: Path | None = getattr(error, "backup", None)
        self.restored: Restored | None = None
        self._runner = runner or Runner(parent=self)
        self.setWindowTitle(self.tr("数据库整体检查发现问题") if isinstance(error, FailedWholeCheck)
                            else self.tr("数据库未通过启动检查"))
        self.setWindowIcon(look.icon())
        heading = QLabel(self.tr("为保护数据，本站数据库已停止写入"))
        heading.setObjectName("formHeading")
        problems = QLabel(self.tr("发现的问题：") + "\n" + "\n".join(
            f"• {p}" for p in problem_list(error)))
        problems.setWordWrap(True)
        problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.offer = QLabel()
        self.offer.setObjectName("offer")
        self.offer.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.restore_button = QPushButton(self.tr("用这份备份恢复"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("退出"))
        self.quit_button.setAutoDefault(False)
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        username_error, password_error = error_label(), error_label()
        self.errors.add("username", self.username, username_error)
        self.errors.add("password", self.password, password_error)
        form = QFormLayout()
        form.addRow(self.tr("管理员用户名"), self.username)
        form.addRow("", username_error)
        form.addRow(self.tr("密码"), self.password)
        form.addRow("", password_error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(problems)
        layout.addWidget(self.offer)
        layout.addLayout(form)
        layout.addWidget(self.feedback)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        if self.backup is not None:
            self.offer.setText(self.tr(
                "最近一份已校验的备份：{name}\n管理员登录后即可用它恢复。恢复前当前数据库会原样"
                "另存一份，不会被改动；备份之后的操作需要重新登记。").format(name=self.backup.name))
        else:
            self.offer.setText(self.tr("没有找到可用的备份。请联系管理员，不要继续使用本站数据。"))
        for widget in (self.username, self.password, self.restore_button):
            widget.setVisible(self.backup is not None)
        self.username.setText(preferences.get(preferences.LAST_USERNAME))
        (self.password if self.username.text() else self.username).setFocus()
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.password.returnPressed.connect(self._on_restore_button_clicked)
        self.quit_button.clicked.connect(self.reject)

    def _on_restore_button_clicked(self) -> None:
        if self.backup is None or not self.restore_button.isEnabled():
            return
        self.errors.clear()
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.errors.set("password" if username else "username",
                            self.tr("请输入管理员的用户名和密码。"))
            return
        request, config = RestoreRequest(self.backup, username, password), self.config
        self.restore_button.setEnabled(False)
        self.feedback.show_info(self.tr("正在恢复，请稍候…"))
        self._runner.run(self, lambda: restore_backup(config, request, damaged=True),
                         self._on_restore_succeeded, self._on_restore_failed,
                         progress=self.tr("正在恢复备份…"))

    def done(self, result: int) -> None:
        # A restore under way is waited for; its worker and connection end with the dialog.
        self._runner.finish()
        super().done(result)

    def _on_restore_succeeded(self, done: Restored) -> None:
        self.restored = done
        self.accept()

    def _on_restore_failed(self, exc: BaseException) -> None:
        self.restore_button.setEnabled(True)
        self.feedback.clear_message()
        self.errors.show(exc)
        self.password.selectAll()
        self.password.setFocus()


def problem_list(error: Exception) -> list[str]:
    data = getattr(error, "data", {}) or {}
    text = str(data.get("problems", "")) or message_for(error)
    return [p for p in text.split("；") if p]
