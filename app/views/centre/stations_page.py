"""The 站点 page at the centre: the organisation tree, centre → institutes → stations,
with each station's keys, the last package it sent (number, when written, when
imported), how many days behind today that leaves it, its open exceptions and the
packages the centre has sent it. A station that never sent a package is in red.

Read again on every show: packages are imported on the command line and on another
page, and the tree is small (80 stations)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QTreeView, QWidget

from app.services import centre_tree
from app.services.centre_tree import CentreTree, KeyInfo, MemberInfo
from app.services.errors import DeskError
from app.views.common.errors import message_for
from app.views.common.page import Page, PageInfo
from app.views.shell.duty import Desk
from app.views.tables.rows import BAD

COLUMNS = (QT_TRANSLATE_NOOP("StationsPage", "中心 / 实践所 / 站点"),
           QT_TRANSLATE_NOOP("StationsPage", "密钥"),
           QT_TRANSLATE_NOOP("StationsPage", "最近上报包"),
           QT_TRANSLATE_NOOP("StationsPage", "写于"),
           QT_TRANSLATE_NOOP("StationsPage", "导入于"),
           QT_TRANSLATE_NOOP("StationsPage", "落后天数"),
           QT_TRANSLATE_NOOP("StationsPage", "待处理异常"),
           QT_TRANSLATE_NOOP("StationsPage", "已回传"))


def _when(value: dt.datetime | None) -> str:
    return value.isoformat(sep=" ", timespec="minutes") if value else ""


class StationsPage(Page):
    info = PageInfo("stations", QT_TRANSLATE_NOOP("MainWindow", "站点"), order=10)
    refresh_on_show = True

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.shown: CentreTree | None = None
        self.add_title(self.tr("站点"))
        self.summary = QLabel()
        self.summary.setObjectName("centreSummary")
        self.summary.setWordWrap(True)
        self.column.addWidget(self.summary)
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.tree = QTreeView()
        self.tree.setObjectName("centreTree")
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.column.addWidget(self.tree, 1)
        self.column.addWidget(self.feedback)

    def refresh(self) -> None:
        try:
            made = centre_tree.tree(self.desk.today())
        except DeskError as exc:
            self.feedback.show_error(message_for(exc))
            return
        self.shown = made
        self.model.removeRows(0, self.model.rowCount())
        top = QStandardItem(made.name)
        self.model.appendRow([top] + [QStandardItem() for _ in COLUMNS[1:]])
        for institute in made.institutes:
            node = QStandardItem(institute.name)
            top.appendRow([node] + [QStandardItem() for _ in COLUMNS[1:]])
            for station in institute.stations:
                node.appendRow(self._station_row(station))
        self.tree.expandAll()
        for column in range(len(COLUMNS)):
            self.tree.resizeColumnToContents(column)
        never = sum(1 for s in made.stations if s.last_seq is None)
        self.summary.setText(self.tr(
            "{centre}：{institutes} 个实践所，{stations} 个站点，其中 {never} 个从未上报"
            "（红色）。").format(centre=made.name, institutes=len(made.institutes),
                               stations=len(made.stations), never=never))
        self.feedback.clear_message()

    def _station_row(self, s: MemberInfo) -> list[QStandardItem]:
        never = s.last_seq is None
        cells = [f"{s.code} {s.name}".strip(), self._keys_text(s.keys),
                 self.tr("未上报") if never else self.tr("第 {seq} 号").format(seq=s.last_seq),
                 _when(s.last_exported_at), _when(s.last_imported_at),
                 "" if s.days_behind is None else str(s.days_behind),
                 str(s.open_exceptions) if s.open_exceptions else "",
                 self.tr("{n} 个包").format(n=s.sent_seq) if s.sent_seq else ""]
        row = [QStandardItem(text) for text in cells]
        row[1].setToolTip("\n".join(self._key_line(k) for k in s.keys))
        for column in (2, 5, 6):
            row[column].setTextAlignment(Qt.AlignmentFlag.AlignRight
                                         | Qt.AlignmentFlag.AlignVCenter)
        if never:
            for item in row:
                item.setForeground(BAD)
        return row

    def _keys_text(self, keys: tuple[KeyInfo, ...]) -> str:
        return ", ".join(f"#{k.key_id}" + (self.tr("（已吊销）") if k.revoked_at else
                                           self.tr("（已停用）") if k.retired_on else "")
                        for k in keys)

    def _key_line(self, k: KeyInfo) -> str:
        return self.tr("#{id}  {fingerprint}  自 {since}").format(
            id=k.key_id, fingerprint=k.fingerprint, since=k.valid_from)
