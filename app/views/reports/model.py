"""The figures table: a row a figure, under a bold row naming its section, with this
period, the previous one and the change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtGui import QFont

from app.services.reports.report import Figure, Report, Section
from app.views.common import labels
from app.views.tables.rows import RowsModel


class FiguresModel(RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "指标"), QT_TRANSLATE_NOOP("Columns", "本期"),
               QT_TRANSLATE_NOOP("Columns", "上期"), QT_TRANSLATE_NOOP("Columns", "增减"))
    NUMERIC = frozenset({1, 2, 3})
    STRETCH = frozenset({0})

    def show_report(self, report: Report) -> None:
        rows: list[Section | Figure] = []
        for section in report.sections:
            if section.figures:
                rows.append(section)
                rows.extend(section.figures)
        self.set_rows(rows)

    def cell(self, row: Section | Figure, column: int) -> str:
        if isinstance(row, Section):
            return labels.in_language(row.zh, row.en) if column == 0 else ""
        if column == 0:
            return labels.in_language(row.zh, row.en)
        return row.shown((row.value, row.previous, row.change)[column - 1], column == 3)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid() \
                and isinstance(self.row_at(index.row()), Section):
            bold = QFont()
            bold.setBold(True)
            return bold
        return super().data(index, role)
