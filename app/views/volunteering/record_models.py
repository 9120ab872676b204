"""Table models of the 志愿者 tab: a volunteer's activities, and the certificate register."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services.certificates import RegisterRow
from app.services.volunteer_record import ServiceLine
from app.views.tables.rows import RowsModel


class ServicesModel(RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "日期"), QT_TRANSLATE_NOOP("Columns", "活动名称"),
               QT_TRANSLATE_NOOP("Columns", "类型"), QT_TRANSLATE_NOOP("Columns", "时长（小时）"))
    NUMERIC = frozenset({3})
    STRETCH = frozenset({1})

    def cell(self, row: ServiceLine, column: int) -> str:
        return (row.date, row.title, row.kind, row.hours)[column]


class RegisterModel(RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "编号"), QT_TRANSLATE_NOOP("Columns", "时间"),
               QT_TRANSLATE_NOOP("Columns", "姓名"), QT_TRANSLATE_NOOP("Columns", "居民编号"),
               QT_TRANSLATE_NOOP("Columns", "期间"), QT_TRANSLATE_NOOP("Columns", "时长（小时）"),
               QT_TRANSLATE_NOOP("Columns", "次数"), QT_TRANSLATE_NOOP("Columns", "经办人"),
               QT_TRANSLATE_NOOP("Columns", "证件号"))
    NUMERIC = frozenset({5, 6})
    STRETCH = frozenset({4})
    OPTIONAL = (8, 3, 7)

    def cell(self, row: RegisterRow, column: int) -> str:
        printed = (QT_TRANSLATE_NOOP("Columns", "完整"), QT_TRANSLATE_NOOP("Columns", "部分隐藏"))
        values: tuple[Any, ...] = (
            row.number, row.issued_at, row.name, row.resident_no, f"{row.start} – {row.end}",
            row.hours, row.activities, row.handler or row.issued_by,
            QCoreApplication.translate("Columns", printed[0] if row.full_id else printed[1]))
        return str(values[column])
