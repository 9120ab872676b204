"""Points figures of a report, read from the ledger by business day: awarded and deducted
(persons, person-times, points), by the four moral categories and by deed type, the
reversals, the points cleared at year end, and awards and deductions by grid.

Deductions and clearings are shown as positive amounts (扣分 5 分); a reversal keeps its
sign, as it stands in the ledger (taking back an award is negative)."""

from __future__ import annotations

import peewee as pw

from app.models import Deed, DeedType, LedgerEntry, Resident
from app.services.catalogue import CATEGORIES
from app.services.reports.scope import NONE_EN, NONE_ZH, Row, Scope

CATEGORIES_EN = {"social": "social virtue", "family": "family virtue",
                 "professional": "professional ethics", "personal": "personal virtue"}
KINDS = {"award": ("awarded", "加分", "Awarded", 1), "deduct": ("deducted", "扣分", "Deducted", -1)}


def _entries(scope: Scope, *kinds: str) -> pw.Expression:
    return (LedgerEntry.kind.in_(kinds) & scope.dates(LedgerEntry.business_date)
            & scope.residents(LedgerEntry.resident))


def totals(scope: Scope) -> list[Row]:
    found = {kind: (times, persons, points) for kind, times, persons, points in (
        LedgerEntry.select(LedgerEntry.kind, pw.fn.COUNT(LedgerEntry.seq),
                           pw.fn.COUNT(LedgerEntry.resident.distinct()),
                           pw.fn.SUM(LedgerEntry.points))
        .where(_entries(scope, "award", "deduct", "reversal", "expire"))
        .group_by(LedgerEntry.kind).tuples())}
    rows = []
    for kind, (key, zh, en, sign) in KINDS.items():
        times, persons, points = found.get(kind, (0, 0, 0))
        rows += [Row(f"{key}.persons", f"{zh}人数", f"{en} (persons)", "count", persons),
                 Row(f"{key}.person_times", f"{zh}人次", f"{en} (person-times)", "count",
                     times),
                 Row(f"{key}.points", f"{zh}分值", f"{en} (points)", "points",
                     sign * (points or 0))]
    count, _, points = found.get("reversal", (0, 0, 0))
    rows += [Row("reversals.count", "冲正笔数", "Reversals", "count", count),
             Row("reversals.points", "冲正分值（净额）", "Reversals (net points)", "points",
                 points or 0)]
    _, persons, points = found.get("expire", (0, 0, 0))
    rows += [Row("cleared.persons", "年底清零人数", "Points cleared (persons)", "count", persons),
             Row("cleared.points", "年底清零分值", "Points cleared (points)", "points",
                 -(points or 0))]
    return rows


def _by_deed(scope: Scope, *group: pw.Field) -> list[tuple]:
    return list(LedgerEntry.select(LedgerEntry.kind, *group, pw.fn.COUNT(LedgerEntry.seq),
                                   pw.fn.COUNT(LedgerEntry.resident.distinct()),
                                   pw.fn.SUM(LedgerEntry.points))
                .join(Deed, on=(LedgerEntry.deed == Deed.id))
                .join(DeedType, on=(Deed.deed_type == DeedType.id))
                .where(_entries(scope, "award", "deduct"))
                .group_by(LedgerEntry.kind, *group).tuples())


def by_category(scope: Scope) -> list[Row]:
    """Every category for both kinds, with zeros: the four areas always show."""
    found = {(kind, cat): (persons, points)
             for kind, cat, _, persons, points in _by_deed(scope, DeedType.category)}
    rows = []
    for kind, (key, zh, en, sign) in KINDS.items():
        for cat, cat_zh in CATEGORIES.items():
            persons, points = found.get((kind, cat), (0, 0))
            rows += [Row(f"{key}.category.{cat}.persons", f"{cat_zh}{zh}人数",
                         f"{en}, {CATEGORIES_EN[cat]} (persons)", "count", persons),
                     Row(f"{key}.category.{cat}.points", f"{cat_zh}{zh}分值",
                         f"{en}, {CATEGORIES_EN[cat]} (points)", "points",
                         sign * (points or 0))]
    return rows


def by_type(scope: Scope) -> list[Row]:
    rows = []
    for kind, code, name_zh, name_en, times, _, points in sorted(
            _by_deed(scope, DeedType.code, DeedType.name_zh, DeedType.name_en),
            key=lambda r: (r[0], r[1])):
        key, zh, en, sign = KINDS[kind]
        rows += [Row(f"{key}.type.{code}.person_times", f"{name_zh}（{zh}人次）",
                     f"{name_en} ({en.lower()}, person-times)", "count", times),
                 Row(f"{key}.type.{code}.points", f"{name_zh}（{zh}分值）",
                     f"{name_en} ({en.lower()}, points)", "points", sign * (points or 0))]
    return rows


def by_grid(scope: Scope) -> list[Row]:
    found = list(LedgerEntry.select(Resident.grid, LedgerEntry.kind,
                                    pw.fn.COUNT(LedgerEntry.resident.distinct()),
                                    pw.fn.SUM(LedgerEntry.points))
                 .join(Resident, on=(LedgerEntry.resident == Resident.id))
                 .where(_entries(scope, "award", "deduct"))
                 .group_by(Resident.grid, LedgerEntry.kind).tuples())
    table = {(grid, kind): (persons, points) for grid, kind, persons, points in found}
    rows = []
    for grid in sorted({grid for grid, _ in table}):
        zh_name, en_name = (grid, grid) if grid else (NONE_ZH, NONE_EN)
        for kind, (key, zh, en, sign) in KINDS.items():
            persons, points = table.get((grid, kind), (0, 0))
            rows += [Row(f"grid.{grid or '-'}.{key}.persons", f"{zh_name}：{zh}人数",
                         f"{en_name}: {en.lower()} (persons)", "count", persons),
                     Row(f"grid.{grid or '-'}.{key}.points", f"{zh_name}：{zh}分值",
                         f"{en_name}: {en.lower()} (points)", "points", sign * (points or 0))]
    return rows
