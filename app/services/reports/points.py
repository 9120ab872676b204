"""Points figures of a report, read from the ledger by business day: awarded and deducted
(persons, person-times, points), by the four moral categories and by deed type, the
reversals, the points cleared at year end, and awards and deductions by grid.

Deductions and clearings are shown as positive amounts (扣分 5 分); a reversal keeps its
sign, as it stands in the ledger (taking back an award is negative).

A year on a large station holds millions of awards: they are read in one pass, grouped
by kind, deed type and resident, and every breakdown is summed from those groups (a
pass per breakdown would read the ledger and its deeds four times)."""

from __future__ import annotations

from collections import defaultdict

import peewee as pw

from app.models import Deed, DeedType, LedgerEntry, Resident, database
from app.services.catalogue import CATEGORIES
from app.services.reports.scope import NONE_EN, NONE_ZH, Row, Scope

CATEGORIES_EN = {"social": "social virtue", "family": "family virtue",
                 "professional": "professional ethics", "personal": "personal virtue"}
KINDS = {"award": ("awarded", "加分", "Awarded", 1), "deduct": ("deducted", "扣分", "Deducted", -1)}


def _entries(scope: Scope, *kinds: str) -> pw.Expression:
    return (LedgerEntry.kind.in_(kinds) & scope.dates(LedgerEntry.business_date)
            & scope.residents(LedgerEntry.resident))


class _Tally:
    """Times, points and residents per (kind, group), a group being a category, a deed
    type or a grid; "" stands for the kind as a whole."""

    def __init__(self) -> None:
        self.times: dict[tuple, int] = defaultdict(int)
        self.points: dict[tuple, int] = defaultdict(int)
        self.persons: dict[tuple, set[int]] = defaultdict(set)

    def add(self, key: tuple, resident: int, times: int, points: int) -> None:
        self.times[key] += times
        self.points[key] += points
        self.persons[key].add(resident)


def _tally(scope: Scope) -> tuple[_Tally, dict[int, tuple[str, str, str, str]]]:
    types = {tid: (code, zh, en, cat) for tid, code, zh, en, cat in DeedType.select(
        DeedType.id, DeedType.code, DeedType.name_zh, DeedType.name_en,
        DeedType.category).tuples()}
    grouped = (LedgerEntry.select(LedgerEntry.kind, Deed.deed_type, LedgerEntry.resident,
                                  pw.fn.COUNT(LedgerEntry.seq), pw.fn.SUM(LedgerEntry.points))
               .join(Deed, pw.JOIN.LEFT_OUTER, on=(LedgerEntry.deed == Deed.id))
               .where(_entries(scope, "award", "deduct"))
               .group_by(LedgerEntry.kind, Deed.deed_type, LedgerEntry.resident))
    rows = database.execute(grouped).fetchall()
    grids = dict(Resident.select(Resident.id, Resident.grid).where(Resident.grid != "")
                 .tuples()) if rows else {}
    tally = _Tally()
    for kind, type_id, resident, times, points in rows:
        groups: list = ["", ("grid", grids.get(resident, ""))]
        if type_id in types:  # an entry without a deed counts in the totals only
            code, _, _, cat = types[type_id]
            groups += [("category", cat), ("type", code)]
        for group in groups:
            tally.add((kind, group), resident, times, points)
    return tally, types


def sections(scope: Scope) -> dict[str, list[Row]]:
    """The rows of the points, categories, deed types and grids sections."""
    tally, types = _tally(scope)
    return {"points": _totals(scope, tally), "categories": _categories(tally),
            "deed_types": _types(tally, types), "grids": _grids(tally)}


def _totals(scope: Scope, tally: _Tally) -> list[Row]:
    rows = []
    for kind, (key, zh, en, sign) in KINDS.items():
        rows += [Row(f"{key}.persons", f"{zh}人数", f"{en} (persons)", "count",
                     len(tally.persons[(kind, "")])),
                 Row(f"{key}.person_times", f"{zh}人次", f"{en} (person-times)", "count",
                     tally.times[(kind, "")]),
                 Row(f"{key}.points", f"{zh}分值", f"{en} (points)", "points",
                     sign * tally.points[(kind, "")])]
    found = {kind: (times, persons, points) for kind, times, persons, points in (
        LedgerEntry.select(LedgerEntry.kind, pw.fn.COUNT(LedgerEntry.seq),
                           pw.fn.COUNT(LedgerEntry.resident.distinct()),
                           pw.fn.SUM(LedgerEntry.points))
        .where(_entries(scope, "reversal", "expire"))
        .group_by(LedgerEntry.kind).tuples())}
    count, _, points = found.get("reversal", (0, 0, 0))
    rows += [Row("reversals.count", "冲正笔数", "Reversals", "count", count),
             Row("reversals.points", "冲正分值（净额）", "Reversals (net points)", "points",
                 points or 0)]
    _, persons, points = found.get("expire", (0, 0, 0))
    rows += [Row("cleared.persons", "年底清零人数", "Points cleared (persons)", "count", persons),
             Row("cleared.points", "年底清零分值", "Points cleared (points)", "points",
                 -(points or 0))]
    return rows


def _categories(tally: _Tally) -> list[Row]:
    """Every category for both kinds, with zeros: the four areas always show."""
    rows = []
    for kind, (key, zh, en, sign) in KINDS.items():
        for cat, cat_zh in CATEGORIES.items():
            group = (kind, ("category", cat))
            rows += [Row(f"{key}.category.{cat}.persons", f"{cat_zh}{zh}人数",
                         f"{en}, {CATEGORIES_EN[cat]} (persons)", "count",
                         len(tally.persons.get(group, ()))),
                     Row(f"{key}.category.{cat}.points", f"{cat_zh}{zh}分值",
                         f"{en}, {CATEGORIES_EN[cat]} (points)", "points",
                         sign * tally.points.get(group, 0))]
    return rows


def _types(tally: _Tally, types: dict[int, tuple[str, str, str, str]]) -> list[Row]:
    names = {code: (zh, en) for code, zh, en, _ in types.values()}
    rows = []
    for kind, (_, code) in sorted(k for k in tally.times if k[1] and k[1][0] == "type"):
        key, zh, en, sign = KINDS[kind]
        name_zh, name_en = names.get(code, (code, code))
        group = (kind, ("type", code))
        rows += [Row(f"{key}.type.{code}.person_times", f"{name_zh}（{zh}人次）",
                     f"{name_en} ({en.lower()}, person-times)", "count", tally.times[group]),
                 Row(f"{key}.type.{code}.points", f"{name_zh}（{zh}分值）",
                     f"{name_en} ({en.lower()}, points)", "points", sign * tally.points[group])]
    return rows


def _grids(tally: _Tally) -> list[Row]:
    rows = []
    for grid in sorted({k[1][1] for k in tally.times if k[1] and k[1][0] == "grid"}):
        zh_name, en_name = (grid, grid) if grid else (NONE_ZH, NONE_EN)
        for kind, (key, zh, en, sign) in KINDS.items():
            group = (kind, ("grid", grid))
            rows += [Row(f"grid.{grid or '-'}.{key}.persons", f"{zh_name}：{zh}人数",
                         f"{en_name}: {en.lower()} (persons)", "count",
                         len(tally.persons.get(group, ()))),
                     Row(f"grid.{grid or '-'}.{key}.points", f"{zh_name}：{zh}分值",
                         f"{en_name}: {en.lower()} (points)", "points",
                         sign * tally.points.get(group, 0))]
    return rows
