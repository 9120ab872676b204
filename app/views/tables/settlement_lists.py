"""Table models of the 商户结算 page: merchants, statements and the moral fund's book.
Their headers and words are translated in their own context (SettlementColumns)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from app.services.fund import FundRow, yuan
from app.services.merchants import MerchantRow
from app.services.settlement import StatementView
from app.views.tables.rows import BAD, GOOD, RowsModel

CONTEXT = "SettlementColumns"
STATES = {"draft": QT_TRANSLATE_NOOP("SettlementColumns", "草稿"),
          "approved": QT_TRANSLATE_NOOP("SettlementColumns", "已审核"),
          "paid": QT_TRANSLATE_NOOP("SettlementColumns", "已付款")}
ACTIVE = (QT_TRANSLATE_NOOP("SettlementColumns", "已暂停"),
          QT_TRANSLATE_NOOP("SettlementColumns", "合作中"))
KINDS = {"contribution": QT_TRANSLATE_NOOP("SettlementColumns", "捐助"),
         "payment": QT_TRANSLATE_NOOP("SettlementColumns", "支出")}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class _Model(RowsModel):
    HEADERS = CONTEXT


class MerchantsModel(_Model):
    COLUMNS = (QT_TRANSLATE_NOOP("SettlementColumns", "商户"),
               QT_TRANSLATE_NOOP("SettlementColumns", "状态"),
               QT_TRANSLATE_NOOP("SettlementColumns", "联系人"),
               QT_TRANSLATE_NOOP("SettlementColumns", "电话"),
               QT_TRANSLATE_NOOP("SettlementColumns", "地址"),
               QT_TRANSLATE_NOOP("SettlementColumns", "可兑换"),
               QT_TRANSLATE_NOOP("SettlementColumns", "使用条件"),
               QT_TRANSLATE_NOOP("SettlementColumns", "协议期"))
    STRETCH = frozenset({4, 6})

    def cell(self, m: MerchantRow, column: int) -> str:
        d = m.details
        state = _tr(ACTIVE[m.active])
        terms = d.terms + (f"（≤{d.share_percent}%）" if d.share_percent else "")
        period = "" if not (d.agreement_from or d.agreement_to) else \
            f"{d.agreement_from or '…'} – {d.agreement_to or '…'}"
        return (m.name, state, d.contact, d.phone, d.address, d.offer, terms, period)[column]

    def colour(self, m: MerchantRow, column: int) -> QColor | None:
        return BAD if column == 1 and not m.active else None


class StatementsModel(_Model):
    COLUMNS = (QT_TRANSLATE_NOOP("SettlementColumns", "结算单号"),
               QT_TRANSLATE_NOOP("SettlementColumns", "商户"),
               QT_TRANSLATE_NOOP("SettlementColumns", "期间"),
               QT_TRANSLATE_NOOP("SettlementColumns", "状态"),
               QT_TRANSLATE_NOOP("SettlementColumns", "张数"),
               QT_TRANSLATE_NOOP("SettlementColumns", "分值"),
               QT_TRANSLATE_NOOP("SettlementColumns", "应付（元）"),
               QT_TRANSLATE_NOOP("SettlementColumns", "付款"))
    NUMERIC = frozenset({4, 5, 6})
    STRETCH = frozenset({1})

    def cell(self, s: StatementView, column: int) -> str:
        paid = f"{s.paid_on} {s.paid_reference}" if s.paid_on else ""
        number = s.number + (f" ← {s.adjusts}" if s.adjusts else "")
        return (number, s.merchant, f"{s.period_from} – {s.period_to}", _tr(STATES[s.state]),
                str(s.vouchers), str(s.points), s.amount, paid)[column]

    def colour(self, s: StatementView, column: int) -> QColor | None:
        if column != 3:
            return None
        return GOOD if s.state == "paid" else None


class FundModel(_Model):
    """The book's entries with the running balance of the period shown."""

    COLUMNS = (QT_TRANSLATE_NOOP("SettlementColumns", "日期"),
               QT_TRANSLATE_NOOP("SettlementColumns", "类别"),
               QT_TRANSLATE_NOOP("SettlementColumns", "来源/去向"),
               QT_TRANSLATE_NOOP("SettlementColumns", "捐赠人"),
               QT_TRANSLATE_NOOP("SettlementColumns", "科目/单号"),
               QT_TRANSLATE_NOOP("SettlementColumns", "摘要"),
               QT_TRANSLATE_NOOP("SettlementColumns", "金额（元）"),
               QT_TRANSLATE_NOOP("SettlementColumns", "余额（元）"))
    NUMERIC = frozenset({6, 7})
    STRETCH = frozenset({5})

    def cell(self, row: tuple[FundRow, int], column: int) -> str:
        r, running = row
        return (r.entry_date, _tr(KINDS[r.kind]), r.source, r.donor, r.budget_line or r.statement,
                r.note, yuan(r.amount_fen), yuan(running))[column]

    def colour(self, row: tuple[FundRow, int], column: int) -> QColor | None:
        return BAD if column == 6 and row[0].amount_fen < 0 else None
