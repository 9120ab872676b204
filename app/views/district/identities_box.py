"""Admin, in the settings page: whether the packages for the district centre carry
residents' names, ID numbers and phones (off by default; turning it on is confirmed,
and every change is audited by the service)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from app.services import package_identities
from app.views.common import widgets
from app.views.common.errors import message_for
from app.views.common.widgets import Feedback
from app.views.shell.duty import Desk


class IdentitiesBox(QGroupBox):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("上报区中心"))
        self.desk = desk
        self.share = QCheckBox(self.tr("上报包带居民姓名、证件号和手机号"))
        self.share.setObjectName("shareIdentities")
        hint = QLabel(self.tr("不勾选时，居民在上报包里只以化名出现（网格、标签、出生年份）。"
                              "只有区中心明确要求并经批准时才勾选；每次改动都记入审计日志。"))
        hint.setWordWrap(True)
        self.feedback = Feedback()
        layout = QVBoxLayout(self)
        layout.addWidget(self.share)
        layout.addWidget(hint)
        layout.addWidget(self.feedback)
        self.share.toggled.connect(self._on_share_toggled)
        self.load()

    def load(self) -> None:
        self.share.blockSignals(True)
        self.share.setChecked(package_identities.sharing())
        self.share.blockSignals(False)

    def _on_share_toggled(self, on: bool) -> None:
        if on and not widgets.confirm(
                self, self.tr("上报居民身份信息"),
                self.tr("此后导出的上报包将带上居民的姓名、证件号和手机号。确定区中心已获授权？"),
                self.tr("带上身份信息")):
            self.load()
            return
        ctx = self.desk.ctx
        self.desk.perform(self, lambda: package_identities.set_sharing(ctx, on),
                          self._on_saved, self._on_failed)

    def _on_saved(self, done: package_identities.Sharing) -> None:
        self.feedback.show_ok(self.tr("上报包将带上居民身份信息（已记入审计）。")
                              if done.identities else
                              self.tr("上报包不带居民身份信息，只有化名。"))

    def _on_failed(self, exc: BaseException) -> None:
        self.load()
        self.feedback.show_error(message_for(exc))
