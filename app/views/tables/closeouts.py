"""Table models of the close-out page: the figures of one close-out, each with both of its
counts, and the list of saved close-outs. Their words are the page's (context
``CloseoutPage``); a figure's name comes from the service in both languages."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from app.services.closeout import CloseoutView
from app.services.closeout_figures import label, source_label
from app.views.common import i18n
from app.views.tables.rows import BAD, GOOD, RowsModel

CONTEXT = "CloseoutPage"


class _Model(RowsModel):
    HEADERS = CONTEXT


class FiguresModel(_Model):
    """One row a figure: what the records say, what the check says, whether they agree."""

    COLUMNS = (QT_TRANSLATE_NOOP("CloseoutPage", "项目"), QT_TRANSLATE_NOOP("CloseoutPage", "笔数"),
               QT_TRANSLATE_NOOP("CloseoutPage", "数额"),
               QT_TRANSLATE_NOOP("CloseoutPage", "核对依据"),
               QT_TRANSLATE_NOOP("CloseoutPage", "核对笔数"),
               QT_TRANSLATE_NOOP("CloseoutPage", "核对数额"),
               QT_TRANSLATE_NOOP("CloseoutPage", "相符"))
    NUMERIC = frozenset({1, 2, 4, 5})
    STRETCH = frozenset({0})

    def cell(self, f: dict, column: int) -> str:
        lang = i18n.language()
        if column == 0:
            return label(f, lang)
        if column == 3:
            return source_label(f, lang)
        if column == 6:
            return (QCoreApplication.translate("CloseoutPage", "是") if f["ok"]
                    else QCoreApplication.translate("CloseoutPage", "否"))
        side = f["records"] if column < 3 else f["check"]
        return str(side["count"] if column in (1, 4) else side["amount"])

    def tooltip(self, f: dict, column: int) -> str | None:
        key = "en" if i18n.language() == "en" else "zh"
        return "\n".join(note[key] for note in f["notes"]) or None

    def colour(self, f: dict, column: int) -> QColor | None:
        return None if f["ok"] else BAD


class CloseoutsModel(_Model):
    """The saved close-outs, newest first."""

    COLUMNS = (QT_TRANSLATE_NOOP("CloseoutPage", "单号"),
               QT_TRANSLATE_NOOP("CloseoutPage", "营业日"),
               QT_TRANSLATE_NOOP("CloseoutPage", "前台"),
               QT_TRANSLATE_NOOP("CloseoutPage", "经办人"),
               QT_TRANSLATE_NOOP("CloseoutPage", "截至"),
               QT_TRANSLATE_NOOP("CloseoutPage", "核对"))
    NUMERIC = frozenset({0, 2})
    STRETCH = frozenset({3})

    def cell(self, c: CloseoutView, column: int) -> str:
        values = (str(c.id), c.business_date, str(c.desk_no), c.clerk_name, c.to_at,
                  QCoreApplication.translate("CloseoutPage", "{count} 项不相符").format(
                      count=c.differences) if c.differences
                  else QCoreApplication.translate("CloseoutPage", "相符"))
        return values[column]

    def colour(self, c: CloseoutView, column: int) -> QColor | None:
        return (BAD if c.differences else GOOD) if column == 5 else None
