"""Adding a store item (goods or a service) or changing one: name, kind, points price,
unit, category, donor, low-stock mark, and for a new item its opening stock (received as
its first movement). Enter saves, Esc cancels; a refusal is shown next to its field and
nothing is written."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from app.services import store_items
from app.services.context import new_request_id
from app.services.store_items import ItemInput, ItemView
from app.views.common.page import ReportingDialog
from app.views.common.widgets import Feedback, FieldErrors
from app.views.shell.duty import Desk

KIND_NAMES = {"goods": QT_TRANSLATE_NOOP("ItemDialog", "物品"),
              "service": QT_TRANSLATE_NOOP("ItemDialog", "服务（如义剪）")}


class ItemDialog(ReportingDialog):
    def __init__(self, desk: Desk, item: ItemView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.item = desk, item
        self.request_id = new_request_id()
        self.setWindowTitle(self.tr("新增商品") if item is None
                            else self.tr("修改商品：{name}").format(name=item.name))
        self.name = QLineEdit(objectName="itemName")
        self.name.setPlaceholderText(self.tr("例如：香皂、义剪"))
        self.kind = QComboBox(objectName="itemKind")
        for code in store_items.KINDS:
            self.kind.addItem(QCoreApplication.translate("ItemDialog", KIND_NAMES[code]), code)
        self.points = QLineEdit(objectName="itemPoints")
        self.points.setPlaceholderText(self.tr("每件（次）所需积分，整数"))
        self.unit = QLineEdit(objectName="itemUnit")
        self.category = QLineEdit(objectName="itemCategory")
        self.category.setPlaceholderText(self.tr("例如：日用品"))
        self.donor = QLineEdit(objectName="itemDonor")
        self.donor.setPlaceholderText(self.tr("捐赠的单位或个人（可不填）"))
        self.low_stock = QLineEdit(objectName="itemLowStock")
        self.low_stock.setPlaceholderText(self.tr("库存不多于此数时提示，默认 0"))
        self.stock = QLineEdit(objectName="itemStock")
        self.stock.setPlaceholderText(self.tr("记为一次入库，默认 0"))
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setText(self.tr("新增") if item is None else self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self._lay_out()
        self._on_kind_changed()
        if item is not None:
            self._fill(item)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(480)
        self.name.setFocus()

    def _lay_out(self) -> None:
        rows = [("name", self.tr("名称"), self.name), ("kind", self.tr("类型"), self.kind),
                ("points", self.tr("积分价"), self.points), ("unit", self.tr("单位"), self.unit),
                ("category", self.tr("类别"), self.category),
                ("donor", self.tr("捐赠方"), self.donor),
                ("low_stock", self.tr("低库存提示"), self.low_stock)]
        if self.item is None:
            rows.append(("stock", self.tr("初始库存"), self.stock))
        form = QFormLayout(self)
        previous: QWidget | None = None
        for name, label, widget in rows:
            self.errors.add_row(form, name, label, widget)
            if previous is not None:
                QWidget.setTabOrder(previous, widget)
            previous = widget
        form.addRow(self.feedback)
        form.addRow(self.buttons)

    def _fill(self, item: ItemView) -> None:
        self.name.setText(item.name)
        self.kind.setCurrentIndex(max(self.kind.findData(item.kind), 0))
        self.points.setText(str(item.points))
        self.unit.setText(item.unit)
        self.category.setText(item.category)
        self.donor.setText(item.donor)
        self.low_stock.setText(str(item.low_stock))
        self.name.selectAll()

    def _on_kind_changed(self) -> None:
        # What the service puts in a blank unit: the clerk sees it before saving.
        service = self.kind.currentData() == "service"
        self.unit.setPlaceholderText(self.tr("默认：次") if service else self.tr("默认：件"))

    def _input(self) -> ItemInput:
        return ItemInput(name=self.name.text(), points=self.points.text(),
                         kind=self.kind.currentData(), unit=self.unit.text(),
                         category=self.category.text(), donor=self.donor.text(),
                         low_stock=self.low_stock.text() or 0,
                         stock=self.stock.text() or 0)

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        ctx, data, rid, item = self.desk.ctx, self._input(), self.request_id, self.item

        def work() -> ItemView:
            if item is None:
                return store_items.add_item(ctx, data, request_id=rid)
            return store_items.edit_item(ctx, item.name, data, request_id=rid)

        self.save_button.setEnabled(False)
        self.desk.perform(self, work, self._on_saved, self._on_failed)

    def _on_saved(self, saved: ItemView) -> None:
        text = (self.tr("已新增 {name}：{points} 分/{unit}，库存 {stock}") if self.item is None
                else self.tr("已保存 {name}：{points} 分/{unit}"))
        self.reported.emit(text.format(name=saved.name, points=saved.points, unit=saved.unit,
                                       stock=saved.stock))
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.request_id = new_request_id()  # corrected, it is a new request
        self.errors.show(exc)
