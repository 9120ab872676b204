"""Redemption: scan one voucher after another, see each one's verdict (genuine, forged
or altered, expired, voided, already redeemed — when, where, by whom), then confirm.

Enter on an empty scan field confirms, so a clerk can scan, scan, scan, Enter.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.services import merchants, redemption, residents
from app.services.changes import Changes
from app.services.context import new_request_id
from app.services.redemption import RedeemResult
from app.views.common import labels, preferences
from app.views.common.errors import message_for
from app.views.common.page import Page, PageInfo
from app.views.common.widgets import EnterKey, TypingRedirect
from app.views.shell.duty import Desk
from app.views.tables.admin_lists import RedeemModel, ScannedVoucher


@dataclass(frozen=True)
class _Batch:
    """The outcome of confirming the list: per row, its result or why it was refused."""

    outcomes: list[tuple[int, RedeemResult | BaseException]]

    @property
    def changes(self) -> Changes:
        return Changes.union(o.changes for _, o in self.outcomes
                             if not isinstance(o, BaseException))


class RedeemPage(Page):
    info = PageInfo("redeem", QT_TRANSLATE_NOOP("MainWindow", "兑换核销"), order=20)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.add_title(self.tr("兑换核销"))
        self.scan = QLineEdit()
        self.scan.setObjectName("redeemScan")
        self.scan.setPlaceholderText(self.tr("扫描兑换券二维码，可连续扫描多张；空白处按回车确认核销"))
        self.merchant = QComboBox()
        self.merchant.setObjectName("redeemMerchant")
        self.serial = QLineEdit()
        self.serial.setObjectName("manualSerial")
        self.serial.setPlaceholderText(self.tr("券号，如 XH01-2026-000001"))
        self.check_code = QLineEdit()
        self.check_code.setObjectName("manualCheckCode")
        self.check_code.setPlaceholderText(self.tr("校验码"))
        self.check_code.setMaximumWidth(120)
        self.manual_button = QPushButton(self.tr("手工添加"))
        self.model = RedeemModel(self)
        self.table = self.make_table(self.model, "redeemTable")
        self.total = QLabel()
        self.total.setObjectName("total")
        self.redeem_button = QPushButton(self.tr("确认核销"))
        self.redeem_button.setObjectName("redeemButton")
        self.remove_button = QPushButton(self.tr("移除所选"))
        self.clear_button = QPushButton(self.tr("清空列表"))
        self._lay_out()
        self.setFocusProxy(self.scan)
        self.table.installEventFilter(TypingRedirect(self.scan, self))

        self.scan.returnPressed.connect(self._on_scan_return_pressed)
        self.merchant.currentIndexChanged.connect(self._on_merchant_current_index_changed)
        self.manual_button.clicked.connect(self._on_manual_button_clicked)
        self.check_code.returnPressed.connect(self._on_manual_button_clicked)
        EnterKey(self.serial, self.check_code.setFocus)  # the serial, then its check code
        EnterKey(self.serial, self.check_code.setFocus)  # the serial, then its check code
        self.redeem_button.clicked.connect(self._on_redeem_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        desk.clerk_changed.connect(self._on_desk_clerk_changed)
        self._fill_merchants()
        self._update_total()

    def _lay_out(self) -> None:
        where = QHBoxLayout()
        where.addWidget(QLabel(self.tr("核销地点")))
        where.addWidget(self.merchant, 1)
        manual = QHBoxLayout()
        manual.addWidget(QLabel(self.tr("二维码损坏时：")))
        manual.addWidget(self.serial, 2)
        manual.addWidget(self.check_code, 1)
        manual.addWidget(self.manual_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        bottom.addWidget(self.clear_button)
        bottom.addWidget(self.remove_button)
        bottom.addWidget(self.redeem_button)
        self.column.addWidget(self.scan)
        self.column.addLayout(where)
        self.column.addWidget(self.feedback)
        self.column.addWidget(self.table, 1)
        self.column.addLayout(bottom)
        self.column.addLayout(manual)

    def concerns(self, changes: Changes, initiator: object) -> bool:
        # Its own redemptions it shows as it makes them.
        return changes.settings or (changes.vouchers and initiator is not self)

    def refresh(self) -> None:
        """The merchants as they are now, and each voucher on the list checked again (one
        may have been voided or redeemed elsewhere since it was scanned)."""
        self._fill_merchants()
        self._verify_again()

    def _fill_merchants(self) -> None:
        chosen = preferences.get(preferences.LAST_MERCHANT)
        self.merchant.blockSignals(True)
        self.merchant.clear()
        self.merchant.addItem(labels.store(), "")
        for name in merchants.names():
            self.merchant.addItem(name, name)
        self.merchant.setCurrentIndex(max(self.merchant.findData(chosen), 0))
        self.merchant.blockSignals(False)

    def merchant_name(self) -> str | None:
        return self.merchant.currentData() or None

    def add_token(self, token: str) -> None:
        """Verify a scanned code and put it on the list with its verdict."""
        token = token.strip()
        found = self.model.find(token)
        if found >= 0 and self.model.row_at(found).redeemable:
            self.feedback.show_info(self.tr("这张券已在列表中。"))
            self.table.selectRow(found)
            return
        try:
            verdict = redemption.verify(self.desk.ctx, token, self.merchant_name())
        except Exception as exc:  # noqa: BLE001 - e.g. an unknown merchant
            self.feedback.show_error(message_for(exc))
            return
        self.model.append(ScannedVoucher(token, new_request_id(), verdict))
        self.table.scrollToBottom()
        row = self.model.row_at(self.model.rowCount() - 1)
        if verdict.ok:
            self.feedback.show_info(self.tr("真券：{points} 分，持有人 {holder}").format(
                points=verdict.points, holder=verdict.holder))
        else:
            self.feedback.show_error(row.status())
        self._update_total()

    def _update_total(self) -> None:
        count = sum(1 for r in self.model.rows() if r.redeemable)
        template = self.tr("待核销 %n 张，共 {points} 分；本次已核销 {done} 分", "", count)
        self.total.setText(template.format(points=self.model.total_redeemable(),
                                           done=self.model.total_redeemed()))
        self.redeem_button.setEnabled(count > 0)

    def _on_scan_return_pressed(self) -> None:
        text = self.scan.text().strip()
        self.scan.clear()
        if not text:
            self._on_redeem_button_clicked()
        elif residents.CARD_PATTERN.fullmatch(text.upper()):
            self.feedback.show_error(self.tr("这是居民卡，不是兑换券。请到“前台”页扫描居民卡。"))
        else:
            self.add_token(text)

    def _on_manual_button_clicked(self) -> None:
        try:
            token = redemption.token_for(self.serial.text(), self.check_code.text())
        except Exception as exc:  # noqa: BLE001
            self.feedback.show_error(message_for(exc))
            self.serial.setFocus()
            return
        self.serial.clear()
        self.check_code.clear()
        self.add_token(token)
        self.scan.setFocus()

    def _on_merchant_current_index_changed(self, index: int) -> None:
        preferences.put(preferences.LAST_MERCHANT, self.merchant.currentData() or "")
        self._verify_again()

    def _verify_again(self) -> None:
        for n, row in enumerate(self.model.rows()):
            if row.result is None:
                try:
                    row.verdict = redemption.verify(self.desk.ctx, row.token, self.merchant_name())
                    row.error = ""
                except Exception as exc:  # noqa: BLE001
                    row.error = message_for(exc)
                self.model.changed(n)
        self._update_total()

    def _on_redeem_button_clicked(self) -> None:
        pending = [(n, r) for n, r in enumerate(self.model.rows()) if r.redeemable]
        if not pending:
            self.feedback.show_info(self.tr("列表中没有可核销的兑换券。"))
            return
        ctx, merchant = self.desk.ctx, self.merchant_name()

        def work() -> _Batch:
            outcomes: list[tuple[int, RedeemResult | BaseException]] = []
            for n, row in pending:
                try:
                    outcomes.append((n, redemption.redeem(ctx, row.token, merchant,
                                                        request_id=row.request_id)))
                except Exception as exc:  # noqa: BLE001 - one bad voucher must not stop the rest
                    outcomes.append((n, exc))
            return _Batch(outcomes)

        self.redeem_button.setEnabled(False)
        self.desk.perform(self, work, self._on_redeem_succeeded, self._on_redeem_failed,
                          progress=self.tr("正在核销…"))

    def _on_redeem_succeeded(self, batch: _Batch) -> None:
        done = failed = points = 0
        for n, outcome in batch.outcomes:
            row = self.model.row_at(n)
            if isinstance(outcome, BaseException):
                row.error = message_for(outcome)
                failed += 1
            else:
                row.result = outcome
                done += 1
                points += outcome.points
            self.model.changed(n)
        self._update_total()
        message = self.tr("已核销 %n 张，共 {points} 分", "", done).format(points=points)
        if failed:
            rest = self.tr("；%n 张未能核销，原因见列表", "", failed)
            self.feedback.show_error(message + rest)
        else:
            self.feedback.show_ok(message)
        self.desk.post(message, not failed)
        self.scan.setFocus()

    def _on_redeem_failed(self, exc: BaseException) -> None:
        self._update_total()
        self.feedback.show_error(message_for(exc))

    def _on_remove_button_clicked(self) -> None:
        self.model.remove(self.table.currentIndex().row())
        self._update_total()

    def _on_clear_button_clicked(self) -> None:
        self.model.set_rows([])
        self.feedback.clear_message()
        self._update_total()
        self.scan.setFocus()

    def _on_desk_clerk_changed(self, actor: object) -> None:
        self._on_clear_button_clicked()

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        if event.key() == Qt.Key.Key_Escape:
            self.scan.setFocus()
            return
        super().keyPressEvent(event)
