"""The desk's actions on the resident being served, declared once: key, label with its
shortcut, the dialog it opens, and when it is open to the clerk.

An archived resident keeps their history and unused vouchers: statements, edits and
reprints stay open for them, new business does not. Dialog modules are imported when
an action is first used, so the window starts without them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QWidget

from app.services.residents import ResidentView
from app.views.common.page import ReportingDialog
from app.views.shell.duty import Desk

DialogFactory = Callable[[Desk, ResidentView, QWidget], ReportingDialog]


def _dialog(module: str, name: str, group: bool = False) -> DialogFactory:
    def make(desk: Desk, resident: ResidentView, parent: QWidget) -> ReportingDialog:
        dialog_class = getattr(importlib.import_module(module), name)
        return dialog_class(desk, [resident] if group else resident, parent)

    return make


@dataclass(frozen=True)
class DeskAction:
    key: str
    label: str  # source text, translated in the desk page's context
    shortcut: Qt.Key | None
    dialog: DialogFactory
    for_archived: bool = False  # open for an archived resident too
    admin_only: bool = False

    def enabled_for(self, resident: ResidentView | None) -> bool:
        return resident is not None and (self.for_archived or not resident.archived)


DESK_ACTIONS: tuple[DeskAction, ...] = (
    DeskAction("check_in", QT_TRANSLATE_NOOP("DeskPage", "签到 F2"), Qt.Key.Key_F2,
               _dialog("app.views.desk.quick_dialogs", "CheckInDialog")),
    DeskAction("record_deed", QT_TRANSLATE_NOOP("DeskPage", "登记积分 F3"), Qt.Key.Key_F3,
               _dialog("app.views.desk.deed_dialog", "RecordDeedDialog", group=True)),
    DeskAction("issue", QT_TRANSLATE_NOOP("DeskPage", "发放兑换券 F4"), Qt.Key.Key_F4,
               _dialog("app.views.desk.issue_dialog", "IssueVouchersDialog")),
    DeskAction("statement", QT_TRANSLATE_NOOP("DeskPage", "对账单 F5"), Qt.Key.Key_F5,
               _dialog("app.views.desk.statement_dialog", "StatementDialog"), for_archived=True),
    DeskAction("edit", QT_TRANSLATE_NOOP("DeskPage", "修改信息 F6"), Qt.Key.Key_F6,
               _dialog("app.views.residents.form", "ResidentFormDialog"), for_archived=True),
    DeskAction("reprint", QT_TRANSLATE_NOOP("DeskPage", "补打兑换券 F7"), Qt.Key.Key_F7,
               _dialog("app.views.desk.reprint_dialog", "ReprintDialog"), for_archived=True),
    DeskAction("adjust", QT_TRANSLATE_NOOP("DeskPage", "调整积分"), None,
               _dialog("app.views.desk.quick_dialogs", "AdjustPointsDialog"), admin_only=True),
)
