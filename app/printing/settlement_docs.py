"""The papers of the points economy's other end: where residents may spend vouchers
(哪里可以用兑换券), a merchant's statement for both parties' signatures, and the moral
fund's report with what the station owes; each as a PDF, the last two also as xlsx.

Light to import, like ``jobs``: reportlab and openpyxl load when a document is made."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.printing.jobs import Printout
from app.services import fund, liability, merchants, settlement, station
from app.services.fund import yuan
from app.services.liability import Liability

MM = 72 / 25.4  # points in a millimetre (reportlab's unit), without importing it


def _money(fen: int) -> str:
    return f"{yuan(fen)} 元"


def places(day: dt.date) -> Printout:
    """An A4 list for residents: active merchants within their agreement on ``day``."""
    from app.printing.table_doc import Column, TableDoc, table_pdf

    info = station.current()
    rows = [(r.name, r.details.offer, _terms(r.details), r.details.address, r.details.phone)
            for r in merchants.places(day)]
    doc = TableDoc(
        "哪里可以用兑换券", info.name,
        (Column("商户", 36 * MM, wrap=True), Column("可兑换", 36 * MM, wrap=True),
         Column("使用条件", 50 * MM, wrap=True), Column("地址", 35 * MM, wrap=True),
         Column("电话", 23 * MM)), rows,
        about=[f"以下合作商户接受本站道德积分兑换券（{info.rate_points} 分抵 "
               f"{info.rate_yuan} 元），截至 {day}。",
               "兑换券不兑现金、不找零、不得转让；请在有效期内使用。"],
        footer="如有疑问请到本站前台咨询。", demo=info.demo, empty="暂无合作商户")
    return Printout([table_pdf(doc)], "places.pdf", ["1"], [], len(rows))


def _terms(d: merchants.Details) -> str:
    parts = [d.terms] if d.terms else []
    if d.share_percent:
        parts.append(f"每单最多抵扣 {d.share_percent}%")
    if d.agreement_to:
        parts.append(f"协议至 {d.agreement_to}")
    return "；".join(parts)


def statement(number: str) -> Printout:
    """A merchant's statement with its vouchers, for the merchant's and station's signatures."""
    from app.printing.table_doc import Column, TableDoc, table_pdf

    info = station.current()
    s = settlement.view(settlement.find(number))
    items = settlement.items(number)
    rows = [(str(n), i.serial, i.redeemed_on, str(i.points)) for n, i in enumerate(items, 1)]
    about = [f"结算单号：{s.number}　　状态：{settlement.STATES[s.state]}",
             f"商户：{s.merchant}　　结算期间：{s.period_from} 至 {s.period_to}",
             f"兑换比例：{s.rate}（以本单为准）"]
    if s.adjusts:
        about.append(f"本单为结算单 {s.adjusts} 的调整单。理由：{s.note}")
    after = [f"合计：{s.vouchers} 张，{s.points} 分；应付金额：{_money(s.amount_fen)}"]
    if s.state == "paid":
        after.append(f"已于 {s.paid_on} 付款，凭证号 {s.paid_reference}")
    doc = TableDoc(
        "商户兑换券结算单", info.name,
        (Column("序号", 15 * MM, numeric=True), Column("券号", 75 * MM),
         Column("核销日期", 45 * MM), Column("分值", 45 * MM, numeric=True)), rows,
        about=about, totals=("", "合计", f"{s.vouchers} 张", str(s.points)), after=after,
        signatures=("商户签章", "本站经办人", "站长审核"),
        footer="兑换券核销记录以本站系统为准；每张兑换券只结算一次。", demo=info.demo,
        empty="（调整单，无兑换券明细）" if s.adjusts else "（无）")
    return Printout([table_pdf(doc)], f"statement-{s.number}.pdf", ["1"], [], len(rows))


def statement_xlsx(number: str, path: Path) -> None:
    from openpyxl import Workbook

    s = settlement.view(settlement.find(number))
    book = Workbook()
    sheet = book.active
    sheet.title = s.number
    sheet.append([f"商户兑换券结算单 {s.number}", s.merchant,
                  f"{s.period_from} 至 {s.period_to}", settlement.STATES[s.state]])
    sheet.append(["券号", "核销日期", "分值"])
    for item in settlement.items(number):
        sheet.append([item.serial, item.redeemed_on, item.points])
    sheet.append(["合计", f"{s.vouchers} 张", s.points])
    sheet.append(["兑换比例", s.rate])
    sheet.append(["应付金额（元）", float(yuan(s.amount_fen))])
    if s.adjusts:
        sheet.append(["调整", s.adjusts, s.note])
    sheet.column_dimensions["A"].width = 24
    book.save(path)


def _owed_lines(owed: Liability) -> list[tuple[str, str, str]]:
    return [("道德基金余额", "", _money(owed.balance_fen)),
            ("在外未用的兑换券", f"{owed.outstanding_vouchers} 张 {owed.outstanding_points} 分",
             _money(owed.outstanding_fen)),
            ("已核销未结算", f"{owed.unsettled_vouchers} 张 {owed.unsettled_points} 分",
             _money(owed.unsettled_fen)),
            ("已审核未付款的结算单", "", _money(owed.approved_unpaid_fen)),
            ("应付合计", "", _money(owed.owed_fen)),
            ("居民持有积分（可兑换）", f"{owed.points_held} 分", _money(owed.points_held_fen))]


def warning(owed: Liability) -> str:
    if owed.short:
        return (f"警告：基金余额 {_money(owed.balance_fen)} 不足以支付应付合计 "
                f"{_money(owed.owed_fen)}，缺口 {_money(owed.owed_fen - owed.balance_fen)}。")
    if owed.short_with_points:
        return "提示：如居民持有的积分全部兑换，基金余额将不足。"
    return ""


def fund_report(start: dt.date | None, end: dt.date | None, today: dt.date) -> Printout:
    """The fund's book for a period, and the liability beside it as of ``today``."""
    from app.printing.table_doc import Column, TableDoc, table_pdf

    info = station.current()
    book = fund.book(start, end)
    owed = liability.liability(today)
    rows = [(r.entry_date, fund.KINDS[r.kind], r.source, r.donor, r.budget_line or r.statement,
             r.note, yuan(r.amount_fen) if r.amount_fen > 0 else "",
             yuan(-r.amount_fen) if r.amount_fen < 0 else "", yuan(running))
            for r, running in book.rows]
    period = f"{book.start or '最早'} 至 {book.end or '最近'}"
    after = [f"{label}：{count + '，' if count else ''}{money}"
             for label, count, money in _owed_lines(owed)]
    if warning(owed):
        after.append(warning(owed))
    doc = TableDoc(
        "道德基金收支报告", info.name,
        (Column("日期", 19 * MM), Column("类别", 10 * MM), Column("来源/去向", 25 * MM, wrap=True),
         Column("捐赠人", 18 * MM, wrap=True), Column("科目/单号", 21 * MM, wrap=True),
         Column("摘要", 36 * MM, wrap=True), Column("收入", 17 * MM, numeric=True),
         Column("支出", 17 * MM, numeric=True), Column("余额", 17 * MM, numeric=True)), rows,
        about=[f"期间：{period}", f"期初余额：{_money(book.opening_fen)}",
               f"应付情况截至 {today}，按兑换比例 {info.rate_points} 分 = "
               f"{info.rate_yuan} 元计。"],
        totals=("", "合计", "", "", "", "", yuan(book.contributions_fen), yuan(-book.payments_fen),
                yuan(book.closing_fen)),
        after=after, signatures=("经办人", "审核人"), demo=info.demo, empty="本期无收支")
    return Printout([table_pdf(doc)], "fund-report.pdf", ["1"], [], len(rows))


def fund_xlsx(start: dt.date | None, end: dt.date | None, today: dt.date, path: Path) -> None:
    from openpyxl import Workbook

    book = fund.book(start, end)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "道德基金"
    sheet.append([f"道德基金收支（{book.start or '最早'} 至 {book.end or '最近'}）"])
    sheet.append(["日期", "类别", "来源/去向", "捐赠人", "预算科目", "结算单", "摘要", "收入",
                  "支出", "余额"])
    sheet.append(["", "期初余额", "", "", "", "", "", "", "", float(yuan(book.opening_fen))])
    for r, running in book.rows:
        sheet.append([r.entry_date, fund.KINDS[r.kind], r.source, r.donor, r.budget_line,
                      r.statement, r.note,
                      float(yuan(r.amount_fen)) if r.amount_fen > 0 else None,
                      float(yuan(-r.amount_fen)) if r.amount_fen < 0 else None,
                      float(yuan(running))])
    owed = workbook.create_sheet("负债")
    owed.append(["项目", "数量", "金额（元）"])
    for label, count, money in _owed_lines(liability.liability(today)):
        owed.append([label, count, float(money.removesuffix(" 元"))])
    sheet.column_dimensions["G"].width = 30
    workbook.save(path)
