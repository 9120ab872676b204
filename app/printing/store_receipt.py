"""A points store sale on the thermal receipt roll: the items, how it was paid (vouchers
by serial, the balance), the points returned and the balance left, laid out in whole
printer dots like the voucher receipt (app.printing.thermal)."""

from __future__ import annotations

import io

from reportlab.lib.colors import black
from reportlab.lib.units import mm

from app.printing import fonts
from app.printing.sheet import new_canvas
from app.printing.thermal import DOT, _banner, _Flow
from app.printing.voucher_face import SPECIMEN, SPECIMEN_NOTE
from app.services.station import StationInfo
from app.services.store import SaleResult

TITLE = "积分超市兑换小票"


def _pair(flow: _Flow, left: str, right: str, size: float = 9, bold: bool = False) -> None:
    """A label on the left and its figure on the right of one line."""
    def draw(c, top: float) -> None:  # noqa: ANN001 - reportlab's Canvas
        baseline = top - size * 1.05
        fonts.draw_text(c, flow.left, baseline, left, size, bold=bold)
        fonts.draw_text(c, flow.width - flow.left, baseline, right, size, anchor="end",
                        bold=bold)
    flow.add(size * 1.4, draw)


def sale_receipt_pdf(sale: SaleResult, station: StationInfo, width_dots: int = 384) -> bytes:
    """The receipt of one sale for a roll ``width_dots`` wide."""
    flow = _Flow(width_dots)
    flow.gap(2 * mm)
    flow.text(station.name, 8.5)
    flow.text(TITLE, 13, bold=True)
    if station.demo:
        _banner(flow, SPECIMEN, 11)
        flow.text(SPECIMEN_NOTE, 8, bold=True)
    flow.text(f"{sale.at}　单号 {sale.uid.rsplit('-S', 1)[-1][:10].upper()}", 8)
    flow.text(f"居民：{sale.resident}", 9, centre=False)
    flow.rule()
    for line in sale.items:
        flow.text(line["item"], 9, centre=False)
        _pair(flow, f"  {line['quantity']} {line['unit']} × {line['points_each']} 分",
              f"{line['points']} 分")
    flow.rule()
    _pair(flow, "合计", f"{sale.points_charged} 分", 11, bold=True)
    for voucher in sale.vouchers:
        _pair(flow, f"兑换券 {voucher['serial']}", f"{voucher['points']} 分", 8)
    if sale.from_balance:
        _pair(flow, "积分余额支付", f"{sale.from_balance} 分")
    if sale.returned_points:
        _pair(flow, "券面多出，退回积分", f"{sale.returned_points} 分", bold=True)
    _pair(flow, "现有积分", f"{sale.balance} 分")
    flow.rule(dashed=True)
    flow.text("积分兑换，不兑现金、不找零", 8)
    flow.gap(3 * mm)

    buffer = io.BytesIO()
    c = new_canvas(buffer, (width_dots * DOT, flow.height_dots * DOT), f"{TITLE} {sale.uid}")
    c.setFillColor(black)
    c.setStrokeColor(black)
    flow.render(c)
    c.showPage()
    c.save()
    return buffer.getvalue()
