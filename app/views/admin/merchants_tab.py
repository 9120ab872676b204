"""The 商户 tab of the 商户结算 page: partner merchants' details, suspension, and the
list for residents of where vouchers may be spent."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.printing import settlement_docs
from app.services import merchants
from app.services.errors import InvalidInput
from app.views.common import widgets
from app.views.common.errors import message_for
from app.views.common.keys import EnterSubmits
from app.views.common.widgets import Feedback, button_row, table_view
from app.views.documents.pdf_preview import PdfDialog
from app.views.shell.duty import Desk
from app.views.tables.rows import ROW_ROLE
from app.views.tables.settlement_lists import MerchantsModel

TEXT_FIELDS = ("contact", "phone", "address", "offer", "terms")


class MerchantsTab(QWidget):
    def __init__(self, desk: Desk, feedback: Feedback, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.feedback = desk, feedback
        self.model = MerchantsModel(self)
        self.table = table_view(self.model, "merchantsTable")
        self.name = QLineEdit()
        self.name.setObjectName("merchantName")
        self.fields = {key: QLineEdit() for key in TEXT_FIELDS}
        self.share = QSpinBox()
        self.share.setRange(0, 100)
        self.share.setSuffix(" %")
        self.share.setSpecialValueText(self.tr("不限"))
        self.agreement_from, self.agreement_to = QLineEdit(), QLineEdit()
        for field in (self.agreement_from, self.agreement_to):
            field.setPlaceholderText("YYYY-MM-DD")
        self.add_button = QPushButton(self.tr("添加商户（回车）"))
        self.add_button.setObjectName("addMerchant")
        self.save_button = QPushButton(self.tr("保存所选商户的修改"))
        self.toggle_button = QPushButton(self.tr("暂停/恢复合作"))
        self.places_button = QPushButton(self.tr("打印“哪里可以用兑换券”"))
        self._lay_out()
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.toggle_button.clicked.connect(self._on_toggle_button_clicked)
        self.places_button.clicked.connect(self._on_places_button_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        EnterSubmits((self.name, *self.fields.values(), self.share, self.agreement_from,
                      self.agreement_to),
                     self.add_button)

    def _lay_out(self) -> None:
        # Two columns of fields: the page stays as short as the window's other pages.
        form_box = QGroupBox(self.tr("商户资料"))
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("名称"), self.name)
        labels = (self.tr("联系人"), self.tr("电话"), self.tr("地址"), self.tr("可兑换"),
                  self.tr("使用条件"))
        for n, (label, key) in enumerate(zip(labels, TEXT_FIELDS, strict=True)):
            (left if n < 4 else right).addRow(label, self.fields[key])
        right.addRow(self.tr("每单最多抵扣"), self.share)
        right.addRow(self.tr("协议开始"), self.agreement_from)
        right.addRow(self.tr("协议截止"), self.agreement_to)
        fields = QHBoxLayout()
        fields.addLayout(left, 1)
        fields.addLayout(right, 1)
        box = QVBoxLayout(form_box)
        box.addLayout(fields)
        box.addLayout(button_row(self.add_button, self.save_button))
        actions = QHBoxLayout()
        actions.addWidget(self.toggle_button)
        actions.addStretch(1)
        actions.addWidget(self.places_button)
        column = QVBoxLayout(self)
        column.addWidget(self.table, 1)
        column.addLayout(actions)
        column.addWidget(form_box)

    def refresh(self) -> None:
        self.model.set_rows(merchants.rows())

    def selected(self) -> merchants.MerchantRow | None:
        return self.table.currentIndex().data(ROW_ROLE)

    def _date(self, field: QLineEdit) -> dt.date | None:
        typed = field.text().strip()
        try:
            return dt.date.fromisoformat(typed) if typed else None
        except ValueError:
            raise InvalidInput(what=self.tr("协议日期应写成 2026-12-31 的格式。"),
                               what_en="Write the date as 2026-12-31.") from None

    def _details(self) -> dict:
        return {**{key: self.fields[key].text() for key in TEXT_FIELDS},
                "share_percent": self.share.value() or None,
                "agreement_from": self._date(self.agreement_from),
                "agreement_to": self._date(self.agreement_to)}

    def _on_current_row_changed(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.name.setText(row.name)
        for key in TEXT_FIELDS:
            self.fields[key].setText(getattr(row.details, key))
        self.share.setValue(row.details.share_percent or 0)
        for field, day in ((self.agreement_from, row.details.agreement_from),
                           (self.agreement_to, row.details.agreement_to)):
            field.setText(str(day) if day else "")

    def _on_add_button_clicked(self) -> None:
        ctx, name = self.desk.ctx, self.name.text()
        try:
            details = merchants.Details(**self._details())
        except InvalidInput as exc:
            self.feedback.show_error(message_for(exc))
            return
        self.desk.perform(self, lambda: merchants.add(ctx, name, details),
                          lambda done: self.feedback.show_ok(
                              self.tr("已添加商户 {name}").format(name=done.name)),
                          lambda exc: self.feedback.show_error(message_for(exc)))

    def _on_save_button_clicked(self) -> None:
        row = self.selected()
        if row is None:
            self.feedback.show_error(self.tr("请先在表中选择商户。"))
            return
        try:
            changes = self._details()
        except InvalidInput as exc:
            self.feedback.show_error(message_for(exc))
            return
        ctx = self.desk.ctx
        self.desk.perform(self, lambda: merchants.edit(ctx, row.name, **changes),
                          lambda done: self.feedback.show_ok(
                              self.tr("已保存 {name} 的资料").format(name=done.name)),
                          lambda exc: self.feedback.show_error(message_for(exc)))

    def _on_toggle_button_clicked(self) -> None:
        row = self.selected()
        if row is None:
            self.feedback.show_error(self.tr("请先在表中选择商户。"))
            return
        active = not row.active
        if not active and not widgets.confirm(
                self, self.tr("暂停合作"),
                self.tr("暂停后不能再为 {name} 核销兑换券。确定暂停吗？").format(name=row.name),
                self.tr("暂停")):
            return
        ctx = self.desk.ctx
        done = self.tr("已恢复与 {name} 的合作") if active else self.tr("已暂停与 {name} 的合作")
        self.desk.perform(self, lambda: merchants.set_active(ctx, row.name, active),
                          lambda _saved: self.feedback.show_ok(done.format(name=row.name)),
                          lambda exc: self.feedback.show_error(message_for(exc)))

    def _on_places_button_clicked(self) -> None:
        today = self.desk.ctx.clock.today()
        PdfDialog(self.desk, self.tr("哪里可以用兑换券"),
                  lambda: (settlement_docs.places(today), ""), self).open()
