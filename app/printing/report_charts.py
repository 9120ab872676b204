"""The charts of a report's PDF, drawn with reportlab's own graphics: this period's
points, vouchers and volunteering against the period before (grouped bars), and the
points awarded by moral category (a pie)."""

from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm

from app.printing import fonts
from app.services.catalogue import CATEGORIES
from app.services.reports.report import Report

NOW_COLOUR, BEFORE_COLOUR = HexColor("#B3261E"), HexColor("#9E9E9E")
PIE_COLOURS = (HexColor("#B3261E"), HexColor("#E8A33D"), HexColor("#3D7BB3"),
               HexColor("#5E9E5A"))
# (chart title, [(bar label, figure key)])
BARS = (("积分与兑换（分）", [("加分", "awarded.points"), ("扣分", "deducted.points"),
                          ("发券", "vouchers.issued.points"),
                          ("核销", "vouchers.redeemed.points"),
                          ("超市", "store.sales.points")]),
        ("活动与志愿服务（人次）", [("场次", "activities"),
                             ("志愿者", "volunteers.person_times"),
                             ("服务群众", "audience.person_times"),
                             ("新志愿者", "volunteers.new")]))


def _title(drawing: Drawing, text: str, width: float, height: float) -> None:
    drawing.add(String(width / 2, height - 4 * mm, text, fontName=fonts.PRIMARY, fontSize=9,
                       textAnchor="middle"))


def bars(report: Report, title: str, keys: list[tuple[str, str]], width: float,
         height: float) -> Drawing:
    """Grouped bars: this period (red) beside the previous one (grey), per figure."""
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 10 * mm, 14 * mm
    chart.width, chart.height = width - 14 * mm, height - 24 * mm
    figures = [report.figure(key) for _, key in keys]
    chart.data = [[f.value for f in figures], [f.previous for f in figures]]
    chart.categoryAxis.categoryNames = [name for name, _ in keys]
    chart.categoryAxis.labels.fontName = fonts.PRIMARY
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = fonts.PRIMARY
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.valueMin = 0
    # whole steps: counts of people and activities have no halves
    chart.valueAxis.valueStep = max(1, math.ceil(max(max(row) for row in chart.data) / 5))
    chart.bars[0].fillColor = NOW_COLOUR
    chart.bars[1].fillColor = BEFORE_COLOUR
    chart.barLabels.fontName = fonts.PRIMARY
    chart.barLabels.fontSize = 6
    chart.barLabelFormat = "%g"
    chart.barLabels.nudge = 5
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 12 * mm, 5 * mm
    legend.fontName, legend.fontSize = fonts.PRIMARY, 7
    legend.alignment, legend.columnMaximum, legend.dx, legend.dy = "right", 1, 6, 6
    legend.deltax = 28 * mm
    legend.colorNamePairs = [(NOW_COLOUR, "本期"), (BEFORE_COLOUR, "上期")]
    drawing.add(legend)
    _title(drawing, title, width, height)
    return drawing


def categories(report: Report, width: float, height: float) -> Drawing:
    """The points awarded this period by the four moral categories."""
    drawing = Drawing(width, height)
    values = [(name, report.figure(f"awarded.category.{code}.points").value)
              for code, name in CATEGORIES.items()]
    shown = [(name, v) for name, v in values if v > 0]
    _title(drawing, "本期加分：按道德类别（分）", width, height)
    if not shown:
        drawing.add(String(width / 2, height / 2, "本期无加分", fontName=fonts.PRIMARY,
                           fontSize=9, textAnchor="middle"))
        return drawing
    pie = Pie()
    size = min(width * 0.5, height - 20 * mm)
    pie.x, pie.y, pie.width, pie.height = 6 * mm, 8 * mm, size, size
    pie.data = [v for _, v in shown]
    pie.labels = [str(v) for _, v in shown]
    pie.slices.fontName, pie.slices.fontSize = fonts.PRIMARY, 7
    pie.slices.strokeColor = HexColor("#FFFFFF")
    for i, (name, _) in enumerate(shown):
        pie.slices[i].fillColor = PIE_COLOURS[list(CATEGORIES.values()).index(name)]
    drawing.add(pie)
    legend = Legend()
    legend.x, legend.y = 6 * mm + size + 6 * mm, 8 * mm + size * 0.8
    legend.fontName, legend.fontSize = fonts.PRIMARY, 7.5
    legend.colorNamePairs = [(PIE_COLOURS[i], f"{name} {v}")
                             for i, (name, v) in enumerate(values)]
    drawing.add(legend)
    return drawing
