"""The honours page's tables: the period's commendations (withdrawn ones greyed, with the
reason) and the nominations waiting for a decision."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from app.services.honours import CommendationView
from app.services.nominations import NominationView
from app.views.honours.labels import level_text
from app.views.tables.rows import RowsModel

WITHDRAWN = QColor("#8a8a8a")


class CommendationsModel(RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "编号"), QT_TRANSLATE_NOOP("Columns", "日期"),
               QT_TRANSLATE_NOOP("Columns", "称号"), QT_TRANSLATE_NOOP("Columns", "级别"),
               QT_TRANSLATE_NOOP("Columns", "获表彰者"), QT_TRANSLATE_NOOP("Columns", "状态"))
    NUMERIC = frozenset({0})
    STRETCH = frozenset({4})

    def cell(self, row: CommendationView, column: int) -> str:
        if column == 5:
            if row.withdrawn_at:
                return QCoreApplication.translate("Columns", "已撤销：{reason}").format(
                    reason=row.withdrawn_reason)
            return QCoreApplication.translate("Columns", "有效")
        return (str(row.id), row.awarded_on, row.title, level_text(row.level), row.who)[column]

    def colour(self, row: CommendationView, column: int) -> QColor | None:
        return WITHDRAWN if row.withdrawn_at else None


class NominationsModel(RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "编号"), QT_TRANSLATE_NOOP("Columns", "登记时间"),
               QT_TRANSLATE_NOOP("Columns", "被推荐人"), QT_TRANSLATE_NOOP("Columns", "称号"),
               QT_TRANSLATE_NOOP("Columns", "推荐人"), QT_TRANSLATE_NOOP("Columns", "推荐理由"))
    NUMERIC = frozenset({0})
    STRETCH = frozenset({5})

    def cell(self, row: NominationView, column: int) -> str:
        return (str(row.id), row.recorded_at[:16], row.who, row.title, row.nominator,
                row.reason)[column]
