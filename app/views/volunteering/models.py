"""Table models of the activities page: the activities, and what a close awarded."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services.activities import ActivityView
from app.services.activity_close import Award
from app.views.tables.rows import RowsModel

STATES = {"planned": QT_TRANSLATE_NOOP("Columns", "未开始"),
          "open": QT_TRANSLATE_NOOP("Columns", "进行中"),
          "closed": QT_TRANSLATE_NOOP("Columns", "已结算")}
ROLES = {"volunteer": QT_TRANSLATE_NOOP("Columns", "志愿者"),
         "audience": QT_TRANSLATE_NOOP("Columns", "服务对象")}
NOTES = {"cap": QT_TRANSLATE_NOOP("Columns", "已达积分项目上限"),
         "zero": QT_TRANSLATE_NOOP("Columns", "时长不足以计分"),
         "no_sign_out": QT_TRANSLATE_NOOP("Columns", "未签退，计至活动结束"),
         "pending": QT_TRANSLATE_NOOP("Columns", "待审核")}


def translated(table: dict[str, str], key: str) -> str:
    return QCoreApplication.translate("Columns", table[key]) if key in table else key


class ActivitiesModel(RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "日期"), QT_TRANSLATE_NOOP("Columns", "时间"),
               QT_TRANSLATE_NOOP("Columns", "活动名称"), QT_TRANSLATE_NOOP("Columns", "类型"),
               QT_TRANSLATE_NOOP("Columns", "组织队伍"), QT_TRANSLATE_NOOP("Columns", "报名/名额"),
               QT_TRANSLATE_NOOP("Columns", "到场"), QT_TRANSLATE_NOOP("Columns", "状态"))
    NUMERIC = frozenset({5, 6})
    STRETCH = frozenset({2, 4})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind_names: dict[str, str] = {}  # a kind's Chinese name → the one shown

    def cell(self, row: ActivityView, column: int) -> str:
        if column == 5:
            booked = f"{row.booked}/{row.capacity}" if row.capacity else str(row.booked)
            return booked + (f" (+{row.waiting})" if row.waiting else "")
        values: tuple[Any, ...] = (row.date, f"{row.start}–{row.end}", row.title,
                                   self.kind_names.get(row.kind, row.kind),
                                   "、".join(row.teams), "", row.attended,
                                   translated(STATES, row.state))
        return str(values[column])


class AwardsModel(RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "姓名"), QT_TRANSLATE_NOOP("Columns", "居民编号"),
               QT_TRANSLATE_NOOP("Columns", "角色"), QT_TRANSLATE_NOOP("Columns", "签到"),
               QT_TRANSLATE_NOOP("Columns", "签退"), QT_TRANSLATE_NOOP("Columns", "时长（小时）"),
               QT_TRANSLATE_NOOP("Columns", "积分"), QT_TRANSLATE_NOOP("Columns", "说明"))
    NUMERIC = frozenset({5, 6})
    STRETCH = frozenset({7})

    def cell(self, row: Award, column: int) -> str:
        note = translated(NOTES, row.note) if row.note else ""
        if row.status == "pending":
            note = "；".join(filter(None, [translated(NOTES, "pending"), note]))
        values: tuple[Any, ...] = (row.name, row.resident_no, translated(ROLES, row.role),
                                   row.signed_in or "—", row.signed_out or "—", row.hours,
                                   f"{row.points:+d}" if row.role == "volunteer" else "",
                                   note)
        return str(values[column])
