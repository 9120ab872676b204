"""The district report on A4 (区级报表), made of the table document's parts: every figure
for each institute and the whole district (institutes six to a table), then the stations
with their last package, days behind and the main figures, a totals row under them, and
boxes for the signatures and the centre's seal."""

from __future__ import annotations

from reportlab.lib.units import mm

from app.printing.jobs import Printout
from app.printing.table_doc import Column, TableDoc, tables_pdf
from app.services.district_figures import FIGURE_BY_KEY
from app.services.district_report import DistrictReport, Unit

TITLE = "新时代文明实践区级统计报表"
WIDTH = 180 * mm  # A4 between the table document's margins
PER_TABLE = 6  # institutes beside the district's total in one table
STATION_KEYS = ("activities", "volunteers.person_times", "volunteers.hours", "awarded.points",
                "deducted.points", "vouchers.issued.points", "vouchers.redeemed.points",
                "store.sales.points")
SHORT = {"activities": "场次", "volunteers.person_times": "志愿人次",
         "volunteers.hours": "时长", "awarded.points": "加分", "deducted.points": "扣分",
         "vouchers.issued.points": "发券分值", "vouchers.redeemed.points": "核销分值",
         "store.sales.points": "超市分值"}


def package_state(unit: Unit) -> tuple[str, str]:
    """A station's last package (the day it was written) and how far behind it is."""
    if unit.last_exported_at is None:
        return "从未上报", "未上报"
    late = f"落后 {unit.days_behind} 天" if unit.days_behind else "已报齐"
    return f"{unit.last_exported_at:%Y-%m-%d}", late


def _about(report: DistrictReport) -> list[str]:
    whole = report.centre
    lines = [f"统计期间：{report.period.label_zh}（{report.period.start} 至 {report.period.end}）",
             f"范围：{whole.name}，{len(report.institutes)} 个实践所，{whole.stations} 个站点"
             f"（{whole.behind} 个站点的上报包未覆盖到期末或今日）",
             f"制表日期：{report.made_on}；数据来源：各站上报包，截至各站最近一次上报"]
    return lines


def _figures_tables(report: DistrictReport) -> list[TableDoc]:
    groups = [list(report.institutes[n:n + PER_TABLE])
              for n in range(0, len(report.institutes), PER_TABLE)] or [[]]
    docs = []
    for number, group in enumerate(groups, 1):
        units = group + [report.centre]
        label = 60 * mm
        each = (WIDTH - label) / len(units)
        columns = (Column("指标", label, wrap=True),
                   *(Column(u.name if u.level == "institute" else "全区合计", each,
                            numeric=True, wrap=True) for u in units))
        rows = []
        for _, section_zh, _, figures in report.sections():
            rows.append((f"【{section_zh}】",) + ("",) * len(units))
            rows += [(f.zh, *(f.shown(u.values[f.key]) for u in units)) for f in figures]
        part = f"（{number}/{len(groups)}）" if len(groups) > 1 else ""
        docs.append(TableDoc(f"{TITLE}{part}", report.centre.name, columns, rows,
                             about=_about(report) if number == 1 else []))
    return docs


def _stations_table(report: DistrictReport) -> TableDoc:
    columns = (Column("站点", 26 * mm, wrap=True), Column("实践所", 22 * mm, wrap=True),
               Column("最近上报", 18 * mm), Column("状态", 16 * mm),
               *(Column(SHORT[k], (WIDTH - 82 * mm) / len(STATION_KEYS), numeric=True)
                 for k in STATION_KEYS))

    def numbers(unit: Unit) -> tuple[str, ...]:
        return tuple(FIGURE_BY_KEY[k].shown(unit.values[k]) for k in STATION_KEYS)

    rows = [(f"{u.code} {u.name}", u.institute, *package_state(u), *numbers(u))
            for u in report.stations]
    whole = report.centre
    totals = ("全区合计", f"{whole.stations} 站", "", f"{whole.behind} 站落后", *numbers(whole))
    behind = [u.code for u in report.stations if u.is_behind]
    after = [f"上报落后的站点（{len(behind)}）：" + ("、".join(behind) if behind else "无")]
    return TableDoc("各站点情况与上报进度", report.centre.name, columns, rows,
                    about=[f"统计期间：{report.period.label_zh}；“状态”以各站最近上报包的生成"
                           "时间对照期末（期末未到则对照今日）"],
                    totals=totals, after=after, signatures=("填报人", "中心负责人", "中心（盖章）"),
                    footer=f"{TITLE} {report.period.label}")


def report_pdf(report: DistrictReport) -> bytes:
    return tables_pdf([*_figures_tables(report), _stations_table(report)])


def printout(report: DistrictReport) -> Printout:
    return Printout([report_pdf(report)], f"district-report-{report.period.label}.pdf", ["1"],
                    [], len(report.stations))
