"""The period a report covers, as a clerk writes it (``2026-10``, ``2026Q3``, ``2026`` or
two days), and the period before it that each figure is set beside."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from app.services.errors import InvalidInput

KINDS = ("month", "quarter", "year", "range")
_FORMS = {"month": ("2026-10", r"([0-9]{4})-([0-9]{1,2})"),
          "quarter": ("2026Q3", r"([0-9]{4})[Qq]([1-4])"),
          "year": ("2026", r"([0-9]{4})")}


@dataclass(frozen=True)
class Period:
    kind: str  # month | quarter | year | range
    start: dt.date
    end: dt.date  # inclusive

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        if self.kind == "quarter":
            return f"{self.start.year}Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(self.start.year)
        return f"{self.start} – {self.end}"

    @property
    def label_zh(self) -> str:
        if self.kind == "month":
            return f"{self.start.year}年{self.start.month}月"
        if self.kind == "quarter":
            return f"{self.start.year}年第{(self.start.month - 1) // 3 + 1}季度"
        if self.kind == "year":
            return f"{self.start.year}年"
        return f"{self.start} 至 {self.end}"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def as_dict(self) -> dict:
        return {"kind": self.kind, "label": self.label, "start": str(self.start),
                "end": str(self.end)}


def _month(year: int, month: int) -> Period:
    return Period("month", dt.date(year, month, 1),
                  dt.date(year, month, calendar.monthrange(year, month)[1]))


def _quarter(year: int, number: int) -> Period:
    first = _month(year, number * 3 - 2)
    return Period("quarter", first.start, _month(year, number * 3).end)


def parse(kind: str, value: str) -> Period:
    """The period ``value`` names; a clear message when it names none."""
    if kind not in _FORMS:
        raise InvalidInput(what=f"报表期间须为：月、季度或年（{kind}）。",
                           what_en=f"A report covers a month, a quarter or a year ({kind}).",
                           field="kind")
    example, pattern = _FORMS[kind]
    found = re.fullmatch(pattern, (value or "").strip())
    numbers = [int(g) for g in found.groups()] if found else []
    if not found or not 1900 < numbers[0] < 3000 or (kind == "month"
                                                      and not 1 <= numbers[1] <= 12):
        raise InvalidInput(what=f"期间“{value}”应写成 {example} 的格式。",
                           what_en=f"Write the period “{value}” as {example}.", field="period")
    if kind == "month":
        return _month(*numbers)
    if kind == "quarter":
        return _quarter(*numbers)
    return Period("year", dt.date(numbers[0], 1, 1), dt.date(numbers[0], 12, 31))


def date_range(start: dt.date, end: dt.date) -> Period:
    if end < start:
        raise InvalidInput(what="结束日期不能早于开始日期。",
                           what_en="The end is before the start.", field="to")
    return Period("range", start, end)


def previous(period: Period) -> Period:
    """The month, quarter or year before; for a range, as many days just before it."""
    if period.kind == "month":
        last = period.start - dt.timedelta(days=1)
        return _month(last.year, last.month)
    if period.kind == "quarter":
        last = period.start - dt.timedelta(days=1)
        return _quarter(last.year, (last.month - 1) // 3 + 1)
    if period.kind == "year":
        year = period.start.year - 1
        return Period("year", dt.date(year, 1, 1), dt.date(year, 12, 31))
    end = period.start - dt.timedelta(days=1)
    return Period("range", end - dt.timedelta(days=period.days - 1), end)
