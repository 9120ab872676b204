"""The district report as a workbook: a sheet for the centre (every figure down the
page, with its section and stable key), one for the institutes and one for the stations
(a row each, every figure across, a totals row under them), the stations' sheet with
their last package and days behind. Amounts kept in fen are written in yuan, as the
station report's workbook writes them."""

from __future__ import annotations

from pathlib import Path

from app.services.district_figures import Figure
from app.services.district_report import DistrictReport, Unit
from app.services.xlsx_out import Column, Sheet, write_sheets

SHEETS = {"centre": "中心", "institute": "实践所", "station": "站点"}
TOTAL = "合计"
NEVER = "从未上报"


def cell(f: Figure, value: int | float) -> int | float:
    return value / 100 if f.unit == "fen" else value


def _figure_columns(report: DistrictReport) -> list[Column]:
    return [Column(f.zh, max(10.0, len(f.zh) * 2.2), "number") for f in report.figures]


def _values(report: DistrictReport, unit: Unit) -> list[int | float]:
    return [cell(f, unit.values[f.key]) for f in report.figures]


def _centre(report: DistrictReport) -> Sheet:
    sections = {key: zh for key, zh, _, _ in report.sections()}
    columns = [Column("分类", 18), Column("指标", 30), Column(report.centre.name, 16, "number"),
               Column("键", 40)]
    rows = [[sections[f.section], f.zh, cell(f, report.centre.values[f.key]), f.key]
            for f in report.figures]
    return Sheet(SHEETS["centre"], columns, rows)


def _institutes(report: DistrictReport) -> Sheet:
    columns = [Column("实践所", 24), Column("站点数", 8, "number"),
               Column("未及时上报站点数", 16, "number"), *_figure_columns(report)]
    rows: list[list[object]] = [[u.name, u.stations, u.behind, *_values(report, u)]
                                for u in report.institutes]
    whole = report.centre
    rows.append([TOTAL, whole.stations, whole.behind, *_values(report, whole)])
    return Sheet(SHEETS["institute"], columns, rows)


def _stations(report: DistrictReport) -> Sheet:
    columns = [Column("站点代码", 10), Column("站点", 22), Column("实践所", 22),
               Column("最近上报包生成时间", 20, "datetime"),
               Column("最近导入时间", 20, "datetime"), Column("落后天数", 10, "number"),
               *_figure_columns(report)]
    rows: list[list[object]] = [
        [u.code, u.name, u.institute, u.last_exported_at or NEVER, u.last_imported_at,
         u.days_behind, *_values(report, u)] for u in report.stations]
    whole = report.centre
    rows.append([TOTAL, f"{whole.stations} 个站点，{whole.behind} 个未及时上报", "", None, None,
                 None, *_values(report, whole)])
    return Sheet(SHEETS["station"], columns, rows)


def write_xlsx(report: DistrictReport, path: Path) -> None:
    write_sheets(path, [_centre(report), _institutes(report), _stations(report)])
