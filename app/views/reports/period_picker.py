"""The period a report counts: a month, a quarter, a year or a range of days, one more
choice beside it (a tag, an institute) and the 统计 button, which F5 presses anywhere on
the page that holds the picker. It starts at last month, the one a report is usually
made for."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.services.reports import period
from app.views.common.keys import with_shortcut

KINDS = (("month", QT_TRANSLATE_NOOP("PeriodPicker", "月报")),
         ("quarter", QT_TRANSLATE_NOOP("PeriodPicker", "季报")),
         ("year", QT_TRANSLATE_NOOP("PeriodPicker", "年报")),
         ("range", QT_TRANSLATE_NOOP("PeriodPicker", "日期段")))


class PeriodPicker(QWidget):
    def __init__(self, today: dt.date, prefix: str, choice_label: str, choice: QComboBox,
                 page: QWidget) -> None:
        """``prefix`` names the widgets (``reportKind``, ``districtKind``…); ``choice``
        stands after ``choice_label``; F5 counts while the focus is anywhere on ``page``."""
        super().__init__(page)
        last_month = today.replace(day=1) - dt.timedelta(days=1)
        self.kind = QComboBox()
        for code, text in KINDS:
            self.kind.addItem(self.tr(text), code)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(last_month.year)
        self.part = QSpinBox()
        self.part.setRange(1, 12)
        self.part.setValue(last_month.month)
        self.start = QDateEdit(QDate(last_month.replace(day=1)))
        self.end = QDateEdit(QDate(last_month))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.count_button = QPushButton(self.tr("统计（F5）"))
        self.count_button.setToolTip(with_shortcut(self.tr("统计"), "F5"))
        for name, widget in (("Kind", self.kind), ("Year", self.year), ("Part", self.part),
                             ("From", self.start), ("To", self.end),
                             ("Count", self.count_button)):
            widget.setObjectName(prefix + name)
        count = QAction(page)
        count.setShortcut(QKeySequence(Qt.Key.Key_F5))
        count.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        count.triggered.connect(self.count_button.click)
        page.addAction(count)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.part_label, self.dash = QLabel(), QLabel("—")
        for widget in (self.kind, self.year, self.part_label, self.part, self.start, self.dash,
                       self.end, QLabel(choice_label), choice, self.count_button):
            row.addWidget(widget)
        row.addStretch(1)
        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self._on_kind_current_index_changed()

    def _on_kind_current_index_changed(self, *args: object) -> None:
        kind = self.kind.currentData()
        self.part.setRange(1, 12 if kind == "month" else 4)
        self.part_label.setText(self.tr("月") if kind == "month" else self.tr("季度"))
        for widget in (self.part, self.part_label):
            widget.setVisible(kind in ("month", "quarter"))
        self.year.setVisible(kind != "range")
        for widget in (self.start, self.end, self.dash):
            widget.setVisible(kind == "range")

    def chosen(self) -> period.Period:
        """The period picked; an impossible range is refused by ``period`` with its
        message."""
        kind = self.kind.currentData()
        if kind == "range":
            return period.date_range(self.start.date().toPython(), self.end.date().toPython())
        value = {"month": f"{self.year.value()}-{self.part.value():02d}",
                 "quarter": f"{self.year.value()}Q{self.part.value()}",
                 "year": str(self.year.value())}[kind]
        return period.parse(kind, value)
