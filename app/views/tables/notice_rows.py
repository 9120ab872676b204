"""The review page's list: deeds waiting for review, on public notice (公示), objected to,
and those whose notice ended lately (counted or rejected), each with its state."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from app.services.notice_board import NoticeEntry
from app.views.common import labels
from app.views.tables.rows import BAD, GOOD, RowsModel

WARN = QColor("#9a5b00")
STATES = {"pending": QT_TRANSLATE_NOOP("Columns", "待审核"),
          "notice": QT_TRANSLATE_NOOP("Columns", "公示中 至 {until}"),
          "objected": QT_TRANSLATE_NOOP("Columns", "有异议（{count}）"),
          "posted": QT_TRANSLATE_NOOP("Columns", "已生效"),
          "rejected": QT_TRANSLATE_NOOP("Columns", "已驳回")}
COLOURS = {"objected": BAD, "posted": GOOD, "notice": WARN}


def state_text(e: NoticeEntry) -> str:
    return QCoreApplication.translate("Columns", STATES[e.state]).format(
        until=(e.notice_until or "")[5:], count=len(e.open_objections))


class NoticeModel(RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "状态"), QT_TRANSLATE_NOOP("Columns", "日期"),
               QT_TRANSLATE_NOOP("Columns", "居民"), QT_TRANSLATE_NOOP("Columns", "事项"),
               QT_TRANSLATE_NOOP("Columns", "数量"), QT_TRANSLATE_NOOP("Columns", "分值"),
               QT_TRANSLATE_NOOP("Columns", "备注"), QT_TRANSLATE_NOOP("Columns", "登记人"))
    NUMERIC = frozenset({4, 5})
    STRETCH = frozenset({3, 6})  # the deed and the note

    def cell(self, e: NoticeEntry, column: int) -> str:
        return (state_text(e), e.deed_date, f"{e.resident_name}（{e.resident_no}）",
                labels.deed_name(e.deed_name, e.deed_name_en), e.quantity, str(e.points),
                e.note, e.recorded_by)[column]

    def colour(self, e: NoticeEntry, column: int) -> QColor | None:
        return COLOURS.get(e.state) if column == 0 else None

    def tooltip(self, e: NoticeEntry, column: int) -> str | None:
        if column != 0 or not e.objections:
            return None
        return "\n".join(f"{o.number}. {o.reason}" + (f"（{o.raised_by}）" if o.raised_by else "")
                         for o in e.objections)
