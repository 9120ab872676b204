"""A report: every figure of the period beside the same figure of the period before,
grouped in sections (each becomes a sheet of the workbook and a table of the PDF).

Keys are stable (``awarded.points``, ``vouchers.redeemed.merchant.<name>.count``…): the
command line's ``--json`` gives every figure by its key. A figure found in one period only
(a merchant, a deed type, a team) shows 0 in the other."""

from __future__ import annotations

from dataclasses import dataclass

from app.services import station
from app.services.errors import InvalidInput
from app.services.reports import money, people, points
from app.services.reports.period import Period, previous
from app.services.reports.scope import Row, Scope

# section key -> (Chinese title, English title), in the order shown
SECTIONS: dict[str, tuple[str, str]] = {
    "volunteering": ("活动与志愿服务", "Activities and volunteering"),
    "points": ("积分", "Points"),
    "categories": ("按道德类别", "By moral category"),
    "deed_types": ("按积分项目", "By deed type"),
    "vouchers": ("兑换券", "Vouchers"),
    "store": ("积分超市与商户结算", "Store and settlements"),
    "honours": ("表彰", "Commendations"),
    "grids": ("按网格", "By grid"),
    "teams": ("按志愿服务队", "By volunteer team"),
}


def _rows(scope: Scope) -> dict[str, list[Row]]:
    """Every section's rows for one period."""
    found = points.sections(scope)
    found["grids"] = found["grids"] + people.by_grid(scope)
    return {"volunteering": people.volunteering(scope), **found,
            "vouchers": money.vouchers(scope),
            "store": money.store(scope) + money.settlements(scope),
            "honours": money.honours(scope), "teams": people.by_team(scope),
            "grids": found["grids"]}


@dataclass(frozen=True)
class Figure:
    key: str
    zh: str
    en: str
    unit: str  # count | points | hours | fen
    value: int | float
    previous: int | float

    @property
    def change(self) -> int | float:
        change = self.value - self.previous
        return round(change, 1) if self.unit == "hours" else change

    def label(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    def shown(self, value: int | float, signed: bool = False) -> str:
        """``value`` (this figure's, its previous or its change) as the page and the PDF
        print it: yuan from fen, hours to a tenth, a gain with its plus sign."""
        if self.unit == "fen":
            text = f"{value / 100:,.2f}"
        elif self.unit == "hours":
            text = f"{value:.1f}"
        else:
            text = f"{value:,}"
        return "+" + text if signed and value > 0 else text


@dataclass(frozen=True)
class Section:
    key: str
    zh: str
    en: str
    figures: tuple[Figure, ...]

    def title(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Report:
    station_name: str
    period: Period
    previous_period: Period
    tag: str | None
    sections: tuple[Section, ...]

    def figures(self) -> dict[str, int | float]:
        return {f.key: f.value for s in self.sections for f in s.figures}

    def previous_figures(self) -> dict[str, int | float]:
        return {f.key: f.previous for s in self.sections for f in s.figures}

    def figure(self, key: str) -> Figure:
        for section in self.sections:
            for f in section.figures:
                if f.key == key:
                    return f
        raise KeyError(key)

    def as_dict(self) -> dict:
        return {"station": self.station_name, "period": self.period.as_dict(),
                "previous_period": self.previous_period.as_dict(), "tag": self.tag,
                "figures": self.figures(), "previous": self.previous_figures(),
                "sections": [{"key": s.key, "title": s.zh, "title_en": s.en,
                              "figures": [{"key": f.key, "label": f.zh, "label_en": f.en,
                                           "unit": f.unit, "value": f.value,
                                           "previous": f.previous, "change": f.change}
                                          for f in s.figures]}
                             for s in self.sections]}


def _merge(now: list[Row], before: list[Row]) -> tuple[Figure, ...]:
    earlier = {r.key: r for r in before}
    keys = [r.key for r in now]
    rows = {r.key: r for r in now}
    for r in before:  # found only before: keep it, after the others, showing 0 now
        if r.key not in rows:
            keys.append(r.key)
            rows[r.key] = r._replace(value=0.0 if r.unit == "hours" else 0)
    return tuple(Figure(k, rows[k].zh, rows[k].en, rows[k].unit, rows[k].value,
                        earlier[k].value if k in earlier else rows[k].value * 0)
                 for k in keys)


def _tag(code: str | None) -> str | None:
    code = (code or "").strip()
    if "," in code:
        raise InvalidInput(what=f"标签代码“{code}”不能含逗号：一次只按一个标签筛选。",
                           what_en=f"The tag code “{code}” has a comma: filter by one tag.",
                           field="tag")
    return code or None


def compute(period: Period, tag: str | None = None) -> Report:
    """Every figure of ``period`` and of the period before it, for the residents with
    ``tag`` (a tag code) or for all."""
    tag = _tag(tag)
    before = previous(period)
    now_scope, before_scope = Scope(period, tag), Scope(before, tag)
    now, earlier = _rows(now_scope), _rows(before_scope)
    sections = [Section(key, zh, en, _merge(now[key], earlier[key]))
                for key, (zh, en) in SECTIONS.items()]
    return Report(station.current().name, period, before, tag, tuple(sections))


def tag_choices() -> list[tuple[str, str, str]]:
    """The station's tags a report may be narrowed to: code, Chinese and English name."""
    from app.models.tag import Tag

    return [(t.code, t.name, t.name_en) for t in
            Tag.select().where(~Tag.retired).order_by(Tag.sort_order, Tag.id)]
