"""Table models of the teams tab: the teams, and a team's members with their dates."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

from app.services.team_record import Spell
from app.services.teams import TeamView
from app.views.tables.rows import RowsModel
from app.views.volunteering.models import translated

KINDS = {"general": QT_TRANSLATE_NOOP("Columns", "总队"),
         "skill": QT_TRANSLATE_NOOP("Columns", "技能队"),
         "trade": QT_TRANSLATE_NOOP("Columns", "行业队"),
         "unit": QT_TRANSLATE_NOOP("Columns", "共建单位队")}
LEFT = QColor("#6b6b6b")


class TeamsModel(RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "队名"), QT_TRANSLATE_NOOP("Columns", "颜色"),
               QT_TRANSLATE_NOOP("Columns", "类型"), QT_TRANSLATE_NOOP("Columns", "上级队伍"),
               QT_TRANSLATE_NOOP("Columns", "队长"), QT_TRANSLATE_NOOP("Columns", "共建单位"),
               QT_TRANSLATE_NOOP("Columns", "成员"))
    NUMERIC = frozenset({6})
    STRETCH = frozenset({0, 5})

    def cell(self, row: TeamView, column: int) -> str:
        values: tuple[Any, ...] = (row.name, row.colour, translated(KINDS, row.kind),
                                   row.parent or "", row.leader or "", row.unit, row.members)
        return str(values[column])


class SpellsModel(RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "居民编号"), QT_TRANSLATE_NOOP("Columns", "姓名"),
               QT_TRANSLATE_NOOP("Columns", "入队日期"), QT_TRANSLATE_NOOP("Columns", "离队日期"))
    STRETCH = frozenset({1})

    def cell(self, row: Spell, column: int) -> str:
        return (row.resident_no, row.name, row.joined_on, row.left_on or "")[column]

    def colour(self, row: Spell, column: int) -> QColor | None:
        return LEFT if row.left_on else None
