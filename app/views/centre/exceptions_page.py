"""The centre's 异常清单 page: what merging the stations' packages found for people to
follow up (a voucher redeemed in two places, contradicting records, a package number
used twice, a missing package, a station clock far off), open ones by default or all,
for the whole district or one station; each closed with a note saying what was done,
and the list as shown exported to a workbook.

It reads again whenever an import or a closing changed the centre's data."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from app.services import centre_exceptions, centre_members
from app.services.centre_exceptions import ExceptionRow
from app.services.changes import Changes
from app.views.centre.exception_dialog import CloseExceptionDialog
from app.views.common import labels
from app.views.common.errors import message_for
from app.views.common.page import Page, PageInfo
from app.views.common.widgets import button_row
from app.views.reports import exports
from app.views.shell.duty import Desk
from app.views.tables.rows import BAD, ROW_ROLE, RowsModel

CONTEXT = "CentreExceptionsPage"


def kind_name(kind: str) -> str:
    """An exception kind's name in the interface language."""
    zh, en = centre_exceptions.KINDS.get(kind, (kind, kind))
    return labels.in_language(zh, en)


class ExceptionsModel(RowsModel):
    HEADERS = CONTEXT
    COLUMNS = (QT_TRANSLATE_NOOP("CentreExceptionsPage", "编号"),
               QT_TRANSLATE_NOOP("CentreExceptionsPage", "类别"),
               QT_TRANSLATE_NOOP("CentreExceptionsPage", "站点"),
               QT_TRANSLATE_NOOP("CentreExceptionsPage", "事项"),
               QT_TRANSLATE_NOOP("CentreExceptionsPage", "发现时间"),
               QT_TRANSLATE_NOOP("CentreExceptionsPage", "说明"),
               QT_TRANSLATE_NOOP("CentreExceptionsPage", "状态"),
               QT_TRANSLATE_NOOP("CentreExceptionsPage", "处理说明"))
    NUMERIC = frozenset({0})
    STRETCH = frozenset({5})


    def cell(self, row: ExceptionRow, column: int) -> str:
        state = (QT_TRANSLATE_NOOP("CentreExceptionsPage", "未处理") if row.state == "open"
                 else QT_TRANSLATE_NOOP("CentreExceptionsPage", "已处理"))
        return (str(row.id), kind_name(row.kind), labels.join(row.stations), row.subject,
                row.found_at.replace("T", " ")[:16], centre_exceptions.describe(row),
                QCoreApplication.translate(CONTEXT, state), row.note)[column]

    def tooltip(self, row: ExceptionRow, column: int) -> str | None:
        return centre_exceptions.describe(row) if column == 5 else None

    def colour(self, row: ExceptionRow, column: int) -> Any:
        return BAD if row.state == "open" and column == 6 else None


class CentreExceptionsPage(Page):
    info = PageInfo("centre_exceptions", QT_TRANSLATE_NOOP("MainWindow", "异常清单"),
                    order=30)
    refresh_on_show = True  # another desk on the centre's database may have imported

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.dialog: CloseExceptionDialog | None = None
        self.add_title(self.tr("异常清单"))
        self.station = QComboBox()
        self.station.setObjectName("exceptionsStation")
        self.show_all = QCheckBox(self.tr("也显示已处理的"))
        self.show_all.setObjectName("exceptionsAll")
        self.count = QLabel()
        self.count.setObjectName("exceptionsCount")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("站点")))
        row.addWidget(self.station)
        row.addWidget(self.show_all)
        row.addStretch(1)
        row.addWidget(self.count)
        self.column.addLayout(row)
        self.model = ExceptionsModel(self)
        self.table = self.make_table(self.model, "exceptionsTable")
        self.column.addWidget(self.table, 1)
        self.close_button = QPushButton(self.tr("处理…"))
        self.close_button.setObjectName("exceptionsClose")
        self.close_button.setEnabled(False)
        self.xlsx_button = QPushButton(self.tr("导出 Excel…"))
        self.xlsx_button.setObjectName("exceptionsXlsx")
        self.column.addLayout(button_row(self.close_button, self.xlsx_button))
        self.column.addWidget(self.feedback)
        self.station.currentIndexChanged.connect(self._on_filter_changed)
        self.show_all.toggled.connect(self._on_filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.doubleClicked.connect(self._on_close_button_clicked)
        self.close_button.clicked.connect(self._on_close_button_clicked)
        self.xlsx_button.clicked.connect(self._on_xlsx_button_clicked)

    def concerns(self, changes: Changes, initiator: object) -> bool:
        return changes.district or changes.settings

    def refresh(self) -> None:
        chosen = self.station.currentData()
        self.station.blockSignals(True)
        self.station.clear()
        self.station.addItem(self.tr("全部站点"), None)
        for s in centre_members.stations():
            self.station.addItem(f"{s.code} {s.name}", s.code)
        found = self.station.findData(chosen)
        self.station.setCurrentIndex(max(found, 0))
        self.station.blockSignals(False)
        self._read()

    def _read(self) -> None:
        rows = centre_exceptions.listed(self.station.currentData(), self.show_all.isChecked())
        self.model.set_rows(rows)
        self.table.setColumnHidden(7, not self.show_all.isChecked())
        self.count.setText(self.tr("未处理 {open} 项，列出 {shown} 项").format(
            open=sum(r.state == "open" for r in rows), shown=len(rows)))
        self._on_current_changed()

    def _on_filter_changed(self, *args: object) -> None:
        self._read()

    def selected(self) -> ExceptionRow | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _on_current_changed(self, *args: object) -> None:
        chosen = self.selected()
        self.close_button.setEnabled(chosen is not None and chosen.state == "open")

    def _on_close_button_clicked(self, *args: object) -> None:
        chosen = self.selected()
        if chosen is None or chosen.state != "open":
            return
        self.dialog = CloseExceptionDialog(self.desk, chosen, kind_name(chosen.kind), self)
        self.dialog.reported.connect(self.feedback.show_ok)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()

    def _on_xlsx_button_clicked(self) -> None:
        rows = self.model.rows()
        name = f"异常清单-{self.desk.today().isoformat()}.xlsx"
        path = exports.choose_path(self, name, "Excel (*.xlsx)")
        if path is None:
            return
        self.desk.run(self, lambda: centre_exceptions.write_xlsx(path, rows),
                      lambda n: self.feedback.show_ok(
                          self.tr("已导出 {n} 项：{path}").format(n=n, path=path)),
                      lambda exc: self.feedback.show_error(message_for(exc)),
                      self.tr("正在导出…"))
