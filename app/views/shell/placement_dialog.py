"""Asking an admin, once after signing in, what happened to a data directory that was
opened somewhere other than where it was recorded: moved to this PC, or a second desk.
Until then the station only reads; a clerk is told an admin must decide."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services import placement
from app.services.context import Context
from app.services.placement import Mismatch
from app.views.common import errors
from app.views.common.widgets import Feedback
from app.views.shell.duty import Desk


def _explained(button: QPushButton, text: str) -> list[QWidget]:
    note = QLabel(text)
    note.setWordWrap(True)
    note.setObjectName("hint")
    return [button, note]


class PlacementDialog(QDialog):
    """Two choices, each with a line saying what it means; ``desk_no`` once decided."""

    def __init__(self, desk: Desk, found: Mismatch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.desk_no: int | None = None
        self.setWindowTitle(self.tr("数据目录的位置变了"))
        question = QLabel(self.tr(
            "此数据目录原在 {was}（电脑 {was_machine}），现在在 {now}（本机 {now_machine}）。"
            "是搬到了这台电脑，还是作为第二个前台？").format(
            was=found.was_location, was_machine=placement.short(found.was_machine),
            now=found.now_location, now_machine=placement.short(found.now_machine)))
        question.setWordWrap(True)
        self.moved_button = QPushButton(self.tr("搬到了这台电脑"))
        self.moved_button.setObjectName("movedButton")
        self.second_button = QPushButton(self.tr("作为第二个前台"))
        self.second_button.setObjectName("secondButton")
        self.later_button = QPushButton(self.tr("以后再决定"))
        self.feedback = Feedback()
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        for widget in (
            *_explained(self.moved_button, self.tr(
                "原来那台电脑不再使用这份数据：本前台照常工作，编号不变。")),
            *_explained(self.second_button, self.tr(
                "原来的前台继续使用：这里成为另一个前台，兑换券另起编号；"
                "多个前台最好共用一个 PostgreSQL 数据库（见说明书）。")),
            *_explained(self.later_button, self.tr("决定之前，本站只能查询，不能办理业务。")),
            self.feedback,
        ):
            layout.addWidget(widget)
        self.setMinimumWidth(520)
        self.moved_button.clicked.connect(self._on_moved_button_clicked)
        self.second_button.clicked.connect(self._on_second_button_clicked)
        self.later_button.clicked.connect(self.reject)

    def _decide(self, decision: Callable[[Context], int]) -> None:
        for button in (self.moved_button, self.second_button):
            button.setEnabled(False)
        ctx = self.desk.ctx
        self.desk.run(self, lambda: decision(ctx), self._on_decided, self._on_failed)

    def _on_moved_button_clicked(self) -> None:
        self._decide(placement.confirm_moved)

    def _on_second_button_clicked(self) -> None:
        self._decide(placement.become_second_desk)

    def _on_decided(self, desk_no: int) -> None:
        self.desk_no = desk_no
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        for button in (self.moved_button, self.second_button):
            button.setEnabled(True)
        self.feedback.show_error(errors.message_for(exc))


def held_message(found: Mismatch) -> str:
    return QCoreApplication.translate(
        "PlacementDialog", "此数据目录原在 {was}，现在在 {now}。管理员确认之前只能查询，"
        "不能办理业务：请管理员登录后选择“搬到了这台电脑”或“作为第二个前台”。").format(
        was=found.was_location, now=found.now_location)


def settle_placement(desk: Desk, parent: QWidget | None = None) -> list[str]:
    """After sign-in: an admin is asked (once); what to warn about if still undecided."""
    found = placement.check()
    if found is None:
        return []
    if desk.is_admin:
        dialog = PlacementDialog(desk, found, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return []
    return [held_message(found)]
