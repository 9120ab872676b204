"""What a report's figures share: the period's bounds on date and time columns, the tag
filter (residents whose tags hold a code), and the rows each section returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

import peewee as pw

from app.models import Resident
from app.services.reports.period import Period

NONE_ZH, NONE_EN = "（无）", "(none)"


class Row(NamedTuple):
    """One figure of one period: its stable key, its labels, its unit and value."""

    key: str
    zh: str
    en: str
    unit: str  # count | points | hours | fen
    value: int | float


@dataclass(frozen=True)
class Scope:
    period: Period
    tag: str | None = None

    def dates(self, column: pw.Field) -> pw.Expression:
        return column.between(self.period.start, self.period.end)

    def times(self, column: pw.Field) -> pw.Expression:
        after = dt.datetime.combine(self.period.start, dt.time())
        before = dt.datetime.combine(self.period.end + dt.timedelta(days=1), dt.time())
        return (column >= after) & (column < before)

    def residents(self, column: pw.Field) -> pw.Expression:
        """``column`` (a resident's id) names a resident the report covers: every one, or
        those whose comma-separated tags hold the tag's code."""
        if not self.tag:
            return pw.SQL("1 = 1")
        return column.in_(Resident.select(Resident.id).where(tagged(self.tag)))


def tagged(code: str) -> pw.Expression:
    """Resident.tags holds ``code`` as a whole item ("a,b" holds "b", not "" or "a,")."""
    wrapped = pw.Value(",").concat(Resident.tags).concat(",")
    return wrapped.contains(f",{code},")


def rows_of(query: pw.BaseQuery) -> list[tuple]:
    return list(query.tuples())


def hours(tenths: int | None) -> float:
    return (tenths or 0) / 10
