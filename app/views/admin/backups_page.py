"""Admin: backups and restore — the backups on this PC (name, time, size), a backup made
now, an encrypted copy for a second place (a USB drive), and restoring a chosen backup.

A restore replaces the whole database, so it asks for confirmation and the admin's
password; then the window closes its station, the backup is put in place (the current
database kept aside), and the desk opens again at the sign-in (``restore_requested``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from app.services import auth, permissions
from app.services.backup import list_backups
from app.services.context import Actor
from app.views.common import prompts, widgets
from app.views.common.errors import message_for
from app.views.common.page import Page, PageInfo
from app.views.documents import output
from app.views.shell.backup_schedule import encrypted_copy, manual_backup
from app.views.shell.duty import Desk
from app.views.shell.recovery_dialog import RestoreRequest
from app.views.tables.rows import ROW_ROLE
from app.views.tables.short_lists import BackupFile, BackupsModel


class BackupsPage(Page):
    info = PageInfo("backups", QT_TRANSLATE_NOOP("MainWindow", "备份与恢复"), order=100,
                    admin_only=True)
    restore_requested = Signal(object)  # RestoreRequest, once the admin has confirmed

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self._pending: RestoreRequest | None = None
        self.add_title(self.tr("备份与恢复"))
        self.where = QLabel()
        self.where.setObjectName("hint")
        self.where.setWordWrap(True)
        self.model = BackupsModel(self)
        self.table = self.make_table(self.model, "backupsTable")
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.backup_button.setObjectName("backupNow")
        self.copy_button = QPushButton(self.tr("加密复制到文件夹…"))
        self.copy_button.setObjectName("encryptedCopy")
        self.restore_button = QPushButton(self.tr("恢复所选备份…"))
        self.restore_button.setObjectName("restoreBackup")
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        self.column.addWidget(self.where)
        self.column.addWidget(self.feedback)
        self.column.addWidget(self.table, 1)
        self.column.addLayout(row)
        self.backup_button.clicked.connect(self._on_backup_button_clicked)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.table.selectionModel().currentChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        config = self.desk.config
        usable = config is not None and config.is_sqlite
        if not usable:
            self.where.setText(self.tr("本站使用 PostgreSQL：请用 pg_dump 备份、pg_restore 恢复"
                                       "（见 README）。"))
            self.model.set_rows([])
        else:
            self.where.setText(self.tr(
                "备份保存在 {folder}。每天自动备份一次，关闭窗口时再备份一次；"
                "自动备份保留最近 14 天和 12 个月的，手动备份一直保留。").format(
                folder=str(config.backup_dir)))
            self.model.set_rows(list_backups(config))
        for button in (self.backup_button, self.copy_button):
            button.setEnabled(usable)
        self._update_buttons()

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        self.refresh()
        super().showEvent(event)

    def selected(self) -> BackupFile | None:
        return self.table.currentIndex().data(ROW_ROLE)

    def _update_buttons(self, *args: object) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _run(self, work, done, text: str) -> None:  # noqa: ANN001 - callables
        self.feedback.show_info(text)
        for button in (self.backup_button, self.copy_button):
            button.setEnabled(False)
        self.desk.backup_runner.run(self, work, done, self._on_job_failed, progress=text)

    def _on_job_failed(self, exc: BaseException) -> None:
        self.refresh()
        self.feedback.show_error(message_for(exc))

    def _on_backup_button_clicked(self) -> None:
        config, now = self.desk.config, self.desk.base.clock.now()
        self._run(lambda: manual_backup(config, now), self._on_backup_succeeded,
                  self.tr("正在备份并校验…"))

    def _on_backup_succeeded(self, path: str) -> None:
        self.refresh()
        self.feedback.show_ok(self.tr("已备份并校验：{path}").format(path=path))

    def _on_copy_button_clicked(self) -> None:
        folder = output.sink.choose_folder(self, self.tr("加密备份复制到哪个文件夹（如 U 盘）"))
        if folder is None:
            return
        password = prompts.ask_secret(
            self, self.tr("加密备份"),
            self.tr("为这份备份设一个密码（至少 8 个字符）。恢复时需要它，忘记了就无法恢复。"),
            repeat=True)
        if password is None:
            return
        config, now = self.desk.config, self.desk.base.clock.now()
        self._run(lambda: encrypted_copy(config, folder, password, now),
                  self._on_copy_succeeded, self.tr("正在备份并加密…"))

    def _on_copy_succeeded(self, path: object) -> None:
        self.refresh()
        self.feedback.show_ok(self.tr("已加密复制到 {path}。请另外妥善保管密码。").format(
            path=str(path)))

    def _on_restore_button_clicked(self) -> None:
        chosen, actor = self.selected(), self.desk.actor
        if chosen is None or actor is None:
            return
        question = self.tr("用 {name}（{time}）恢复全站数据吗？\n这份备份之后的所有登记都会丢失"
                           "（当前数据库会另存一份）。窗口将关闭，恢复后重新登录。").format(
            name=chosen.path.name, time=chosen.made_at.strftime("%Y-%m-%d %H:%M"))
        if not widgets.confirm(self, self.tr("恢复备份"), question, self.tr("恢复")):
            return
        password = prompts.ask_secret(self, self.tr("恢复备份"), self.tr(
            "请 {name} 输入管理员密码以确认恢复。").format(name=actor.display_name))
        if password is None:
            return
        self._pending = RestoreRequest(chosen.path, actor.username, password)
        base, username = self.desk.base, actor.username
        self.desk.run(self, lambda: _admin(base, username, password),
                      self._on_admin_checked, self._on_admin_refused)

    def _on_admin_checked(self, actor: Actor) -> None:
        request, self._pending = self._pending, None
        if request is not None:
            self.restore_requested.emit(request)

    def _on_admin_refused(self, exc: BaseException) -> None:
        self._pending = None
        self.feedback.show_error(message_for(exc))


def _admin(base, username: str, password: str) -> Actor:  # noqa: ANN001 - a Context
    """The password is right and its owner may restore (the service audits a refusal)."""
    actor = auth.sign_in(base, username, password)
    permissions.require(base.as_actor(actor), "backup.restore")
    return actor
