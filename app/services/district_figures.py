"""The district report's figures and how each is counted from the centre's merged
records (``DistrictRecord``), by the columns every package fills the same way: kind,
day, resident (a pseudonym), amount, category and ref (see the kinds table in
``app.models.district``'s docstring and the package format).

One grouped read covers a period for every station at once: by station, kind, category
and a sub-group (a ledger entry's moral category, a store redemption), with records,
distinct pseudonyms and the amount's sum, and the persons of a kind as a whole (a
resident awarded in two categories is one person awarded). Nothing is read per station:
a district is 80 stations and two million records a year.

Activities, attendance, commendations and settlements count as the station counts them
(held, signed in, not withdrawn; approved and paid in the period), which their ``data``
says: ``district_judged`` reads those.

A pseudonym is keyed by its station's own secret, so two stations never share one and
the persons of an institute or of the district are the sum of its stations' persons."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from app.models import database
from app.models.db import is_sqlite
from app.services import district_judged
from app.services.catalogue import CATEGORIES
from app.services.reports.money import LEVELS
from app.services.reports.period import Period
from app.services.reports.points import CATEGORIES_EN

SECTIONS: dict[str, tuple[str, str]] = {
    "volunteering": ("活动与志愿服务", "Activities and volunteering"),
    "points": ("积分", "Points"),
    "categories": ("按道德类别", "By moral category"),
    "vouchers": ("兑换券", "Vouchers"),
    "store": ("积分超市与商户结算", "Store and settlements"),
    "honours": ("表彰", "Commendations"),
}
# What the grouped reads look at: every other kind (residents, teams…) is left alone.
# (activities, attendance, commendations and statements are judged by their data:
# ``district_judged``)
COUNTED = ("checkins", "ledger", "voucher", "voucher_resolution", "store_sale")
SIGNS = {"award": ("awarded", "加分", "Awarded", 1), "deduct": ("deducted", "扣分", "Deducted", -1)}
RESOLUTIONS = (("redeemed", "核销", "Redeemed"), ("voided", "作废", "Voided"),
               ("expired", "过期", "Expired"))


@dataclass(frozen=True)
class Figure:
    """One figure of the report: its stable key (as the station's report names it where
    both count the same thing), labels, unit and section."""

    key: str
    zh: str
    en: str
    unit: str  # count | points | hours | fen
    section: str

    def label(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    def shown(self, value: int | float | None) -> str:
        """As the screen and the PDF print it: yuan from fen, hours to a tenth."""
        if value is None:
            return ""
        if self.unit == "fen":
            return f"{value / 100:,.2f}"
        if self.unit == "hours":
            return f"{value:,.1f}"
        return f"{value:,}"


def _figures() -> tuple[Figure, ...]:
    out = [Figure("activities", "活动场次", "Activities", "count", "volunteering")]
    for key, zh, en in (("volunteers", "志愿者", "Volunteers"), ("audience", "服务群众",
                                                                   "Audience")):
        out += [Figure(f"{key}.persons", f"{zh}人数", f"{en} (persons)", "count", "volunteering"),
                Figure(f"{key}.person_times", f"{zh}人次", f"{en} (person-times)", "count",
                       "volunteering")]
        if key == "volunteers":
            out.append(Figure("volunteers.hours", "志愿服务时长（小时）", "Service hours",
                              "hours", "volunteering"))
    out.append(Figure("checkins", "来站签到人次", "Check-ins", "count", "volunteering"))
    for key, zh, en, _ in SIGNS.values():
        out += [Figure(f"{key}.persons", f"{zh}人数", f"{en} (persons)", "count", "points"),
                Figure(f"{key}.person_times", f"{zh}人次", f"{en} (person-times)", "count",
                       "points"),
                Figure(f"{key}.points", f"{zh}分值", f"{en} (points)", "points", "points")]
    for key, zh, en, _ in SIGNS.values():
        for cat, cat_zh in CATEGORIES.items():
            name_en = f"{en}, {CATEGORIES_EN[cat]}"
            out += [Figure(f"{key}.category.{cat}.persons", f"{cat_zh}{zh}人数",
                           f"{name_en} (persons)", "count", "categories"),
                    Figure(f"{key}.category.{cat}.person_times", f"{cat_zh}{zh}人次",
                           f"{name_en} (person-times)", "count", "categories"),
                    Figure(f"{key}.category.{cat}.points", f"{cat_zh}{zh}分值",
                           f"{name_en} (points)", "points", "categories")]
    out += [Figure("vouchers.issued.count", "发放兑换券张数", "Vouchers issued", "count",
                   "vouchers"),
            Figure("vouchers.issued.persons", "领券人数", "Vouchers issued (persons)", "count",
                   "vouchers"),
            Figure("vouchers.issued.points", "发放兑换券分值", "Vouchers issued (points)",
                   "points", "vouchers")]
    for kind, zh, en in RESOLUTIONS[:1] + (("redeemed.store", "积分超市核销",
                                             "Redeemed at the store"),) + RESOLUTIONS[1:]:
        out += [Figure(f"vouchers.{kind}.count", f"{zh}张数", en, "count", "vouchers"),
                Figure(f"vouchers.{kind}.points", f"{zh}分值", f"{en} (points)", "points",
                       "vouchers")]
    out += [Figure("store.sales.count", "积分超市兑换笔数", "Store sales", "count", "store"),
            Figure("store.sales.persons", "积分超市兑换人数", "Store sales (persons)", "count",
                   "store"),
            Figure("store.sales.points", "积分超市兑换分值", "Store sales (points)", "points",
                   "store"),
            Figure("settlement.statements.count", "结算单数（已审核）", "Statements settled",
                   "count", "store"),
            Figure("settlement.statements.amount_fen", "结算金额（元）", "Amount settled (yuan)",
                   "fen", "store"),
            Figure("settlement.paid.count", "其中已付款单数", "Statements paid", "count", "store"),
            Figure("settlement.paid.amount_fen", "其中已付款金额（元）", "Amount paid (yuan)",
                   "fen", "store"),
            Figure("honours.count", "表彰（上榜）项数", "Commendations", "count", "honours")]
    out += [Figure(f"honours.level.{level}", f"{zh}表彰", f"{en.capitalize()} level", "count",
                   "honours") for level, (zh, en) in LEVELS.items()]
    return tuple(out)


FIGURES = _figures()
FIGURE_BY_KEY = {f.key: f for f in FIGURES}


def zeros() -> dict[str, int | float]:
    return {f.key: (0.0 if f.unit == "hours" else 0) for f in FIGURES}


# The persons of a kind are counted from groups a resident each: one scan of the period's
# records, grouped once by station, kind, category, sub-group and resident (a hash
# aggregate at the centre), then summed two ways. COUNT(DISTINCT) over the records
# themselves sorted two million rows twice and took half as long again. The ledger's
# entries besides awards and deductions (voucher issues…) count in no figure.
_GROUPS = """WITH g AS MATERIALIZED (
  SELECT station_id, kind, category,
         CASE WHEN kind = 'ledger' THEN ref
              WHEN kind = 'voucher_resolution' AND category = 'redeemed'
                   AND (ref IS NULL OR ref = 'store') THEN 'store' END AS sub,
         CASE WHEN kind IN ('ledger', 'voucher', 'store_sale')
              THEN resident END AS person, COUNT(*) AS n, SUM(amount) AS total
  FROM district_record
  WHERE kind IN ({kinds}) AND day >= {p} AND day <= {p}{stations}
        AND (kind <> 'ledger' OR category IN ('award', 'deduct'))
  GROUP BY station_id, kind, category, sub, person)
SELECT 'groups', station_id, kind, category, sub, COUNT(person), SUM(n), SUM(total)
FROM g GROUP BY station_id, kind, category, sub
UNION ALL
SELECT 'persons', station_id, kind, part, NULL, COUNT(person), NULL, NULL
FROM (SELECT station_id, kind,
             CASE WHEN kind = 'ledger' THEN category END AS part, person
      FROM g WHERE person IS NOT NULL
      GROUP BY station_id, kind, part, person) AS p
GROUP BY station_id, kind, part"""
_OF_INSTITUTE = (" AND station_id IN (SELECT s.id FROM member_station s JOIN institute i"
                 " ON i.id = s.institute_id WHERE i.name = {p})")
# At the centre: no JIT (compiling the plan cost two seconds of a year's report) and room
# for the resident groups in memory rather than in temporary files.
_POSTGRES = ("SET LOCAL jit = off", "SET LOCAL work_mem = '128MB'")


def _read(period: Period, institute: str | None) -> list[tuple]:
    """(what, station, kind, category, sub, persons, records, amount) rows: 'groups' for
    the finest groups, 'persons' for a kind as a whole (or, for the ledger, per entry
    kind)."""
    mark = database.param
    sql = _GROUPS.format(kinds=", ".join([mark] * len(COUNTED)), p=mark,
                         stations=_OF_INSTITUTE.format(p=mark) if institute else "")
    params = [*COUNTED, period.start, period.end] + ([institute] if institute else [])
    with database.atomic():
        if not is_sqlite():
            for setting in _POSTGRES:
                database.execute_sql(setting)
        return list(database.execute_sql(sql, params).fetchall())


def _add(out: dict[str, int | float], kind: str, category: str | None, sub: str | None,
         times: int, persons: int, amount: int) -> None:
    """Fold one finest group into its station's figures."""
    if kind == "checkins":
        out["checkins"] += amount
    elif kind == "ledger" and category in SIGNS:
        key, _, _, sign = SIGNS[category]
        out[f"{key}.person_times"] += times
        out[f"{key}.points"] += sign * amount
        if sub in CATEGORIES:
            out[f"{key}.category.{sub}.persons"] += persons
            out[f"{key}.category.{sub}.person_times"] += times
            out[f"{key}.category.{sub}.points"] += sign * amount
    elif kind == "voucher":
        out["vouchers.issued.count"] += times
        out["vouchers.issued.points"] += amount
    elif kind == "voucher_resolution" and category in ("redeemed", "voided", "expired"):
        for key in [category] + (["redeemed.store"] if sub == "store" else []):
            out[f"vouchers.{key}.count"] += times
            out[f"vouchers.{key}.points"] += amount
    elif kind == "store_sale":
        out["store.sales.count"] += times
        out["store.sales.points"] += amount


PERSONS = {("ledger", "award"): "awarded.persons", ("ledger", "deduct"): "deducted.persons",
           ("voucher", None): "vouchers.issued.persons",
           ("store_sale", None): "store.sales.persons"}


def by_station(period: Period, institute: str | None = None
               ) -> dict[int, dict[str, int | float]]:
    """Every figure of ``period`` for each station (by its id) that has records in it,
    of all stations or of ``institute``'s."""
    found: dict[int, dict[str, int | float]] = defaultdict(zeros)
    for what, station, kind, category, sub, persons, times, amount in _read(period, institute):
        if what == "groups":
            _add(found[station], kind, category, sub, int(times), int(persons),
                 int(amount or 0))
        elif (kind, category) in PERSONS:
            found[station][PERSONS[(kind, category)]] += int(persons)
    for station, judged in district_judged.by_station(period, institute).items():
        for key, value in judged.items():
            if key in found[station]:
                found[station][key] += value
    for values in found.values():
        values["volunteers.hours"] = round(values["volunteers.hours"], 1)
    return dict(found)


def total(parts: list[dict[str, int | float]]) -> dict[str, int | float]:
    """The figures of a group of stations: sums (persons too, see the module's note)."""
    out = zeros()
    for part in parts:
        for key, value in part.items():
            out[key] += value
    out["volunteers.hours"] = round(out["volunteers.hours"], 1)
    return out
