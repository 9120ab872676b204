"""The 点单 tab of the 志愿活动 page: residents' requests (百姓点单, 微心愿) with their status
in view — still open first, urgent ones in red —, taking one at the desk (Ctrl+N),
assigning it to a team or an activity, marking it done or withdrawn with a note."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import requests
from app.services.requests import RequestView
from app.views.common import widgets
from app.views.common.errors import message_for
from app.views.common.widgets import Feedback, table_view
from app.views.shell.duty import Desk
from app.views.tables.rows import BAD, GOOD, ROW_ROLE, RowsModel
from app.views.volunteering.request_dialogs import (
    AssignRequestDialog,
    FinishRequestDialog,
    RequestDialog,
    TakeRequestDialog,
)
from app.views.volunteering.tab_base import VolunteeringTab

STATUSES = {"open": QT_TRANSLATE_NOOP("Columns", "待分派"),
            "assigned": QT_TRANSLATE_NOOP("Columns", "已分派"),
            "done": QT_TRANSLATE_NOOP("Columns", "已办结"),
            "withdrawn": QT_TRANSLATE_NOOP("Columns", "已撤回")}
KINDS = {"order": QT_TRANSLATE_NOOP("Columns", "百姓点单"),
         "wish": QT_TRANSLATE_NOOP("Columns", "微心愿")}
URGENT = QT_TRANSLATE_NOOP("Columns", "紧急")
GREY = QColor("#6b6b6b")


def _translated(table: dict[str, str], key: str) -> str:
    return QCoreApplication.translate("Columns", table[key]) if key in table else key


class RequestsModel(RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "编号"), QT_TRANSLATE_NOOP("Columns", "受理日期"),
               QT_TRANSLATE_NOOP("Columns", "类型"), QT_TRANSLATE_NOOP("Columns", "需要什么"),
               QT_TRANSLATE_NOOP("Columns", "提出人"), QT_TRANSLATE_NOOP("Columns", "为谁"),
               QT_TRANSLATE_NOOP("Columns", "紧急程度"), QT_TRANSLATE_NOOP("Columns", "状态"),
               QT_TRANSLATE_NOOP("Columns", "承接队伍"), QT_TRANSLATE_NOOP("Columns", "活动"),
               QT_TRANSLATE_NOOP("Columns", "天数"))
    NUMERIC = frozenset({0, 10})
    STRETCH = frozenset({3, 9})

    def cell(self, row: RequestView, column: int) -> str:
        asked = f"{row.resident}（{row.resident_no}）" if row.resident else ""
        values: tuple[Any, ...] = (
            row.number, row.taken_at[:10], _translated(KINDS, row.kind), row.text, asked,
            row.beneficiary, QCoreApplication.translate("Columns", URGENT)
            if row.urgency == "urgent" else "", _translated(STATUSES, row.status),
            row.team or "", row.activity or "", row.age_days)
        return str(values[column])

    def colour(self, row: RequestView, column: int) -> QColor | None:
        if row.status in requests.OPEN:
            return BAD if row.urgency == "urgent" else None
        return GOOD if row.status == "done" and column == 7 else GREY

    def tooltip(self, row: RequestView, column: int) -> str | None:
        return row.note or None


class RequestsTab(VolunteeringTab):
    title = QT_TRANSLATE_NOOP("ActivitiesPage", "点单")

    def __init__(self, desk: Desk, feedback: Feedback, parent: QWidget | None = None) -> None:
        super().__init__(desk, feedback, parent)
        heading = QLabel(self.tr("群众点单与微心愿"))
        heading.setObjectName("pageTitle")
        self.status = QComboBox()
        self.status.setObjectName("requestsStatus")
        for text, code in ((self.tr("未办结"), "active"), (self.tr("全部"), None),
                           (self.tr("待分派"), "open"), (self.tr("已分派"), "assigned"),
                           (self.tr("已办结"), "done"), (self.tr("已撤回"), "withdrawn")):
            self.status.addItem(text, code)
        self.model = RequestsModel(self)
        self.table = table_view(self.model, "requestsTable")
        self.take_button = QPushButton(self.tr("受理点单 Ctrl+N"))
        self.take_button.setObjectName("takeRequestButton")
        self.assign_button = QPushButton(self.tr("分派"))
        self.assign_button.setObjectName("assignRequestButton")
        self.done_button = QPushButton(self.tr("办结"))
        self.done_button.setObjectName("doneRequestButton")
        self.withdraw_button = QPushButton(self.tr("撤回"))
        self.withdraw_button.setObjectName("withdrawRequestButton")
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("状态")))
        filters.addWidget(self.status)
        filters.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        column.addLayout(widgets.button_row(self.take_button, self.assign_button,
                                            self.done_button, self.withdraw_button))
        QShortcut(QKeySequence.StandardKey.New, self, self._on_take_button_clicked)
        self.status.currentIndexChanged.connect(self.refresh)
        self.take_button.clicked.connect(self._on_take_button_clicked)
        self.assign_button.clicked.connect(self._on_assign_button_clicked)
        self.done_button.clicked.connect(lambda: self._finish(withdraw=False))
        self.withdraw_button.clicked.connect(lambda: self._finish(withdraw=True))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.dialog: RequestDialog | None = None
        self._update_buttons()

    def refresh(self) -> None:
        chosen = self.selected()
        try:
            rows = requests.list_requests(self.desk.today(), self.status.currentData())
        except Exception as exc:  # noqa: BLE001 - said on the feedback line, never fatal
            self.feedback.show_error(message_for(exc))
            return
        self.model.set_rows(rows)
        if chosen is not None:
            self.select(chosen.number)

    def selected(self) -> RequestView | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select(self, number: int) -> None:
        for position, row in enumerate(self.model.rows()):
            if row.number == number:
                self.table.selectRow(position)

    def _update_buttons(self, *args: object) -> None:
        chosen = self.selected()
        still_open = chosen is not None and chosen.status in requests.OPEN
        for button in (self.assign_button, self.done_button, self.withdraw_button):
            button.setEnabled(still_open)

    def _show(self, dialog: RequestDialog) -> None:
        """Open ``dialog`` (window-modal, not blocking); when it wrote, show the request."""
        self.dialog = dialog
        dialog.reported.connect(self.feedback.show_ok)
        dialog.accepted.connect(self._on_dialog_accepted)
        dialog.finished.connect(lambda _code: self.table.setFocus())
        dialog.open()

    def _on_dialog_accepted(self) -> None:
        written = self.dialog.result_view if self.dialog is not None else None
        self.refresh()
        if written is not None:
            self.select(written.number)

    def _on_take_button_clicked(self) -> None:
        self.feedback.clear_message()
        self._show(TakeRequestDialog(self.desk, self))

    def _on_assign_button_clicked(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.status in requests.OPEN:
            self.feedback.clear_message()
            self._show(AssignRequestDialog(self.desk, chosen, self))

    def _finish(self, withdraw: bool) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.status in requests.OPEN:
            self.feedback.clear_message()
            self._show(FinishRequestDialog(self.desk, chosen, withdraw, self))
