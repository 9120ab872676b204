"""Admin: year-end work — clearing the points earned up to a cut-off date and still
unspent, and settling the vouchers past their validity.

Both touch every resident at once, so each asks for confirmation and says what it did.
Running the vouchers' settling again changes nothing; a clearing shows the newest one
and refuses a cut-off on or before it. A clearing made by mistake is reversed here by
an admin, with a reason.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.services import ledger, redemption
from app.services.changes import Changes
from app.services.context import new_request_id
from app.services.ledger import Clearing, ClearingReversed
from app.services.redemption import Expired
from app.views.common import widgets
from app.views.common.errors import message_for
from app.views.common.keys import EnterSubmits
from app.views.common.page import Page, PageInfo
from app.views.common.widgets import button_row
from app.views.shell.duty import Desk


class YearEndPage(Page):
    info = PageInfo("year_end", QT_TRANSLATE_NOOP("MainWindow", "年终处理"), order=90,
                    admin_only=True)
    refresh_on_show = True  # another desk may have cleared meanwhile

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.add_title(self.tr("年终处理"))
        self.column.addWidget(self.feedback)
        self.column.addWidget(self._clear_box())
        self.column.addWidget(self._expire_box())
        self.column.addStretch(1)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.expire_button.clicked.connect(self._on_expire_button_clicked)
        self.unclear_button.clicked.connect(self._on_unclear_button_clicked)
        self._show_last_clearing()

    def _clear_box(self) -> QGroupBox:
        self.cutoff = QDateEdit()
        self.cutoff.setObjectName("expiryCutoff")
        self.cutoff.setCalendarPopup(True)
        self.cutoff.setDisplayFormat("yyyy-MM-dd")
        self._set_dates()
        self.clear_button = QPushButton(self.tr("积分清零…"))
        self.clear_button.setObjectName("expireBalances")
        clear_box = QGroupBox(self.tr("年终积分清零"))
        clear_form = QFormLayout(clear_box)
        clear_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        explain = QLabel(self.tr("截止日当天及以前获得、至今仍未使用的积分作废；"
                                 "之后获得的积分、已发放的兑换券都不受影响。"))
        explain.setWordWrap(True)
        clear_form.addRow(explain)
        clear_form.addRow(self.tr("截止日期"), self.cutoff)
        clear_form.addRow(button_row(self.clear_button))

        self.last_clearing = QLabel()
        self.last_clearing.setObjectName("lastClearing")
        self.unclear_reason = QLineEdit()
        self.unclear_reason.setObjectName("unclearReason")
        self.unclear_reason.setPlaceholderText(self.tr("撤销理由（必填）"))
        self.unclear_button = QPushButton(self.tr("撤销这次清零…"))
        self.unclear_button.setObjectName("reverseClearing")
        clear_form.addRow(self.last_clearing)
        clear_form.addRow(self.tr("撤销理由"), self.unclear_reason)
        clear_form.addRow(button_row(self.unclear_button))
        EnterSubmits((self.unclear_reason,), self.unclear_button)
        return clear_box

    def _expire_box(self) -> QGroupBox:
        self.expire_button = QPushButton(self.tr("处理过期兑换券…"))
        self.expire_button.setObjectName("expireVouchers")
        expire_box = QGroupBox(self.tr("过期兑换券"))
        expire_form = QFormLayout(expire_box)
        expire_explain = QLabel(self.tr("已过有效期、还未核销的兑换券标记为过期，"
                                        "之后扫码会提示已过期。积分不退回。"))
        expire_explain.setWordWrap(True)
        expire_form.addRow(expire_explain)
        expire_form.addRow(button_row(self.expire_button))
        return expire_box

    def _set_dates(self) -> None:
        """Last 31 December by default; the cut-off must lie before today (the service
        refuses today: entries may still be added to it)."""
        today = self.desk.today()
        self.cutoff.setMaximumDate(QDate(today - dt.timedelta(days=1)))
        self.cutoff.setDate(QDate(dt.date(today.year - 1, 12, 31)))

    def _show_last_clearing(self) -> None:
        cutoff = ledger.last_clearing()
        totals = ledger.clearing_totals(cutoff) if cutoff else None
        self._newest = (cutoff, totals) if totals else None
        self.unclear_button.setEnabled(self._newest is not None)
        if self._newest is None:
            self.last_clearing.setText(self.tr("尚无清零记录。"))
        else:
            self.last_clearing.setText(self.tr(
                "最近一次清零：截止日 {cutoff}，{residents} 位居民，共 {points} 分。").format(
                cutoff=cutoff, residents=totals["residents"], points=totals["points"]))

    def concerns(self, changes: Changes, initiator: object) -> bool:
        return changes.ledger or changes.all_residents

    def refresh(self) -> None:
        self._show_last_clearing()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        self._set_dates()  # the page may have stayed open across the new year
        super().showEvent(event)

    def _on_clear_button_clicked(self) -> None:
        cutoff = self.cutoff.date().toPython()
        question = self.tr("确定将 {cutoff} 及以前获得、仍未使用的积分全部清零吗？\n"
                           "这会影响所有居民；清零有误时，管理员可在本页撤销最近一次清零。").format(
                               cutoff=cutoff)
        if not widgets.confirm(self, self.tr("年终积分清零"), question, self.tr("清零")):
            return
        ctx, request = self.desk.ctx, new_request_id()
        self.clear_button.setEnabled(False)
        self.desk.perform(self, lambda: ledger.expire_balances(ctx, cutoff, request_id=request),
                          self._on_clear_succeeded, self._on_failed,
                          progress=self.tr("正在清零…"))

    def _on_clear_succeeded(self, result: Clearing) -> None:
        self.clear_button.setEnabled(True)
        message = self.tr("积分清零完成：{residents} 位居民，共 {points} 分。").format(
            residents=result.residents, points=result.points)
        self._done(message)

    def _on_unclear_button_clicked(self) -> None:
        reason = self.unclear_reason.text().strip()
        if not reason:
            self.feedback.show_error(self.tr("撤销清零必须填写理由。"))
            self.unclear_reason.setFocus()
            return
        cutoff, totals = self._newest
        question = self.tr("确定撤销截止日 {cutoff} 的清零吗？\n"
                           "将给 {residents} 位居民退回共 {points} 分。理由：{reason}").format(
            cutoff=cutoff, residents=totals["residents"], points=totals["points"], reason=reason)
        if not widgets.confirm(self, self.tr("撤销年终清零"), question, self.tr("撤销清零")):
            return
        ctx, request = self.desk.ctx, new_request_id()
        self.unclear_button.setEnabled(False)
        self.desk.perform(self, lambda: ledger.reverse_clearing(ctx, cutoff, reason,
                                                                request_id=request),
                          self._on_unclear_succeeded, self._on_failed,
                          progress=self.tr("正在撤销清零…"))

    def _on_unclear_succeeded(self, result: ClearingReversed) -> None:
        self.unclear_reason.clear()
        message = self.tr("已撤销截止日 {cutoff} 的清零：{residents} 位居民，共退回 {points} 分。"
                          ).format(**result.as_dict())
        self._done(message)

    def _on_expire_button_clicked(self) -> None:
        question = self.tr("确定把今天以前到期、还未核销的兑换券全部标记为过期吗？积分不退回。")
        if not widgets.confirm(self, self.tr("处理过期兑换券"), question, self.tr("标记过期")):
            return
        ctx, request = self.desk.ctx, new_request_id()
        self.expire_button.setEnabled(False)
        self.desk.perform(self, lambda: redemption.expire(ctx, request_id=request),
                          self._on_expire_succeeded, self._on_failed,
                          progress=self.tr("正在处理过期兑换券…"))

    def _on_expire_succeeded(self, result: Expired) -> None:
        self.expire_button.setEnabled(True)
        message = self.tr("已将 {count} 张过期兑换券标记为过期（共 {points} 分）。").format(
            count=result.count, points=result.points)
        self._done(message)

    def _done(self, message: str) -> None:
        self.feedback.show_ok(message)
        self.desk.post(message)

    def _on_failed(self, exc: BaseException) -> None:
        self.clear_button.setEnabled(True)
        self.expire_button.setEnabled(True)
        self._show_last_clearing()
        self.feedback.show_error(message_for(exc))
