"""Admin: 商户结算 — partner merchants, their statements, and the moral fund that pays
them with what the station owes beside it, in three tabs."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QTabWidget, QWidget

from app.services import merchants
from app.services.changes import Changes
from app.views.admin.fund_tab import FundTab
from app.views.admin.merchants_tab import MerchantsTab
from app.views.admin.statements_tab import StatementsTab
from app.views.common.page import Page, PageInfo
from app.views.shell.duty import Desk


class SettlementPage(Page):
    info = PageInfo("settlement", QT_TRANSLATE_NOOP("MainWindow", "商户结算"), order=130,
                    admin_only=True)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.add_title(self.tr("商户结算"))
        self.merchants = MerchantsTab(desk, self.feedback)
        self.statements = StatementsTab(desk, self.feedback)
        self.fund = FundTab(desk, self.feedback)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settlementTabs")
        self.tabs.addTab(self.statements, self.tr("结算单"))
        self.tabs.addTab(self.merchants, self.tr("商户"))
        self.tabs.addTab(self.fund, self.tr("道德基金"))
        self.column.addWidget(self.feedback)
        self.column.addWidget(self.tabs, 1)

    def concerns(self, changes: Changes, initiator: object) -> bool:
        return changes.settings or changes.vouchers or changes.ledger

    def refresh(self) -> None:
        self.merchants.refresh()
        # A suspended merchant is still paid for the vouchers it took before.
        self.statements.refresh([row.name for row in merchants.rows()])
        self.fund.refresh()
