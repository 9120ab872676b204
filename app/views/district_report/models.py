"""The district report's tables: the district's figures down the page (a bold row a
section), and the institutes and the stations a row each with their main figures; a
station behind with its packages shows in red."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.services.district_figures import FIGURE_BY_KEY, Figure
from app.services.district_report import DistrictReport, Unit
from app.views.common import labels
from app.views.tables.rows import BAD, Index, RowsModel

CONTEXT = "DistrictReportPage"
# The figures the institutes' and stations' tables show (all of them: the workbook)
MAIN = ("activities", "volunteers.person_times", "volunteers.hours", "awarded.points",
        "deducted.points", "vouchers.issued.points", "vouchers.redeemed.points",
        "store.sales.points", "honours.count")


def _label(figure: Figure) -> str:
    return labels.in_language(figure.zh, figure.en)


class _Model(RowsModel):
    """Headers in this page's own context; figure columns named by the figures."""

    FIXED: tuple[str, ...] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.FIXED) + len(MAIN)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if 0 <= section < len(self.FIXED):
            return QCoreApplication.translate(CONTEXT, self.FIXED[section])
        if len(self.FIXED) <= section < self.columnCount():
            return _label(FIGURE_BY_KEY[MAIN[section - len(self.FIXED)]])
        return None

    def figure_cell(self, unit: Unit, column: int) -> str:
        key = MAIN[column - len(self.FIXED)]
        return FIGURE_BY_KEY[key].shown(unit.values[key])


class InstitutesModel(_Model):
    FIXED = (QT_TRANSLATE_NOOP("DistrictReportPage", "实践所"),
             QT_TRANSLATE_NOOP("DistrictReportPage", "站点数"),
             QT_TRANSLATE_NOOP("DistrictReportPage", "上报落后"))
    NUMERIC = frozenset(range(1, 3 + len(MAIN)))
    STRETCH = frozenset({0})

    def show_report(self, report: DistrictReport) -> None:
        self.set_rows([*report.institutes, report.centre])

    def cell(self, row: Unit, column: int) -> str:
        if column == 0:
            return row.name if row.level == "institute" else QCoreApplication.translate(
                "DistrictReportPage", "合计")
        if column < len(self.FIXED):
            return str((row.stations, row.behind)[column - 1])
        return self.figure_cell(row, column)

    def colour(self, row: Unit, column: int) -> QColor | None:
        return BAD if column == 2 and row.behind else None


class StationsModel(_Model):
    FIXED = (QT_TRANSLATE_NOOP("DistrictReportPage", "站点"),
             QT_TRANSLATE_NOOP("DistrictReportPage", "实践所"),
             QT_TRANSLATE_NOOP("DistrictReportPage", "最近上报包"),
             QT_TRANSLATE_NOOP("DistrictReportPage", "最近导入"),
             QT_TRANSLATE_NOOP("DistrictReportPage", "落后天数"))
    NUMERIC = frozenset(range(4, 5 + len(MAIN)))
    STRETCH = frozenset({0})

    def show_report(self, report: DistrictReport) -> None:
        self.set_rows(list(report.stations))

    def cell(self, row: Unit, column: int) -> str:
        if column == 0:
            return f"{row.code} {row.name}"
        if column == 1:
            return row.institute
        if column in (2, 3):
            at = row.last_exported_at if column == 2 else row.last_imported_at
            return f"{at:%Y-%m-%d %H:%M}" if at else QCoreApplication.translate(
                "DistrictReportPage", "从未上报")
        if column == 4:
            return "" if row.days_behind is None else str(row.days_behind)
        return self.figure_cell(row, column)

    def colour(self, row: Unit, column: int) -> QColor | None:
        return BAD if row.is_behind else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid() \
                and self.row_at(index.row()).is_behind:
            bold = QFont()
            bold.setBold(True)
            return bold
        return super().data(index, role)


class CentreModel(RowsModel):
    """The district's (or the chosen institute's) every figure, under its section."""

    HEADERS = CONTEXT
    COLUMNS = (QT_TRANSLATE_NOOP("DistrictReportPage", "指标"),
               QT_TRANSLATE_NOOP("DistrictReportPage", "合计"))
    NUMERIC = frozenset({1})
    STRETCH = frozenset({0})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.values: dict[str, int | float] = {}


    def show_report(self, report: DistrictReport) -> None:
        self.values = dict(report.centre.values)
        rows: list[tuple[str, str] | Figure] = []
        for _, zh, en, figures in report.sections():
            rows.append((zh, en))
            rows.extend(figures)
        self.set_rows(rows)

    def cell(self, row: tuple[str, str] | Figure, column: int) -> str:
        if isinstance(row, tuple):
            return labels.in_language(*row) if column == 0 else ""
        return _label(row) if column == 0 else row.shown(self.values[row.key])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid() \
                and isinstance(self.row_at(index.row()), tuple):
            bold = QFont()
            bold.setBold(True)
            return bold
        return super().data(index, role)
