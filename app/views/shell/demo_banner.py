"""The strip across the top of a demo station's window: "演示数据 — 不是真实记录", on
every page and on the lock screen, with the admin's way to clear the demo data and
start for real.

Clearing replaces the whole database, as a restore does: the admin confirms (the
question says what is kept and what goes), types their password, and the window closes;
the composition root then starts the station for real with it closed
(``start_for_real_after_close``) and the desk opens again at the sign-in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from app.runtime.config import Config
from app.services import auth, permissions
from app.services.context import Actor
from app.views.common import prompts, widgets
from app.views.common.background import Runner
from app.views.common.errors import message_for
from app.views.shell.duty import Desk


@dataclass(frozen=True)
class FreshStartRequest:
    """An admin confirmed, in the window, that the demo data goes; done once it closed."""

    username: str
    password: str = field(repr=False)  # never in a log line


class DemoBanner(QFrame):
    clear_requested = Signal(object)  # FreshStartRequest, once confirmed and checked

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("demoBanner")
        # By name: the questions this strip asks are its children and keep their own look.
        self.setStyleSheet("#demoBanner { background: #B3261E; }"
                           "#demoBannerText { color: white; font-weight: bold; }")
        self.label = QLabel(self.tr("演示数据 — 不是真实记录 / Demo data — not real records"))
        self.label.setObjectName("demoBannerText")
        self.clear_button = QPushButton(self.tr("清除演示数据，正式启用…"))
        self.clear_button.setObjectName("clearDemoData")
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 12, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.clear_button)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.refusal: QMessageBox | None = None  # why the admin's password was refused

    def show_for(self, demo: bool, actor: Actor | None) -> None:
        """Shown on a demo station to everyone; the clear button to admins only."""
        self.setVisible(demo)
        self.clear_button.setVisible(bool(actor and actor.is_admin))

    def _on_clear_button_clicked(self) -> None:
        actor = self.desk.actor
        if actor is None or not actor.is_admin:
            return
        question = self.tr(
            "清除全部演示数据，本站正式启用吗？\n\n"
            "• 居民、积分流水、兑换券、签到和审计日志从零开始；\n"
            "• 保留站点设置、积分目录、经办人账号（密码不变）和自行添加的商户；\n"
            "• 演示数据库原样另存到数据目录的 demo-日期 文件夹，不会删除；\n"
            "• 演示兑换券在正式启用后一律不能核销。\n\n"
            "窗口将关闭，完成后请重新登录。")
        if not widgets.confirm(self, self.tr("清除演示数据"), question, self.tr("清除并正式启用")):
            return
        password = prompts.ask_secret(self, self.tr("清除演示数据"), self.tr(
            "请 {name} 输入管理员密码以确认。").format(name=actor.display_name))
        if password is None:
            return
        base, username = self.desk.base, actor.username

        def check() -> FreshStartRequest:
            signed = auth.sign_in(base, username, password)
            permissions.require(base.as_actor(signed), "demo.clear")
            return FreshStartRequest(username, password)

        self.desk.run(self, check, self.clear_requested.emit, self._on_admin_refused)

    def _on_admin_refused(self, exc: BaseException) -> None:
        self.refusal = QMessageBox(QMessageBox.Icon.Warning, self.tr("清除演示数据"),
                                   message_for(exc), QMessageBox.StandardButton.Ok, self)
        self.refusal.open()


def start_for_real_after_close(config: Config, request: FreshStartRequest,
                               runner: Runner | None = None) -> bool:
    """Clear the demo data with the station closed; say how it went."""
    from app.runtime.fresh_start import start_for_real_closed
    from app.views.common.background import run_while_closed

    title = QCoreApplication.translate("DemoBanner", "清除演示数据")
    done = run_while_closed(
        runner, QCoreApplication.translate("DemoBanner", "正在清除演示数据…"),
        lambda: start_for_real_closed(config, request.username, request.password), title,
        QCoreApplication.translate("DemoBanner", "没有清除，数据保持原样：{reason}"))
    if done is None:
        return False
    QMessageBox.information(None, title, QCoreApplication.translate(
        "DemoBanner", "演示数据已清除，本站正式启用。演示数据库原样保存在 {path}。"
        "请用原来的账号登录。").format(path=done.demo_kept_at))
    return True
