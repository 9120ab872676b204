"""Admin: the deed catalogue — add, edit, retire or restore types; caps; review flag."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.services import catalogue
from app.services.catalogue import DeedTypeInfo
from app.services.changes import Changes
from app.views.common import labels, widgets
from app.views.common.errors import message_for
from app.views.common.page import Page, PageInfo
from app.views.common.widgets import Feedback
from app.views.shell.duty import Desk
from app.views.tables.admin_lists import CatalogueModel
from app.views.tables.rows import ROW_ROLE


class DeedTypeDialog(QDialog):
    saved = Signal(object)  # DeedTypeInfo

    def __init__(self, desk: Desk, existing: DeedTypeInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("修改积分项目") if existing else self.tr("新增积分项目"))
        self.code = QLineEdit(existing.code if existing else "")
        self.code.setObjectName("typeCode")
        self.code.setReadOnly(existing is not None)
        self.name_zh = QLineEdit(existing.name_zh if existing else "")
        self.name_en = QLineEdit(existing.name_en if existing else "")
        self.category = QComboBox()
        for code in catalogue.CATEGORIES:
            self.category.addItem(labels.category(code), code)
        self.points = QSpinBox()
        self.points.setRange(-1000, 1000)
        self.unit = QComboBox()
        for code in catalogue.UNITS:
            self.unit.addItem(f"{labels.unit(code)} ({code})", code)
        self.cap = QSpinBox()
        self.cap.setRange(0, 1000)
        self.cap.setSpecialValueText(self.tr("不限"))
        self.period = QComboBox()
        for code in catalogue.PERIODS:
            self.period.addItem(self.tr("每{period}").format(period=labels.period(code)), code)
        self.review = QCheckBox(self.tr("须经管理员审核后计分"))
        self.tag = QLineEdit(existing.tag if existing else "")
        self.note = QLineEdit(existing.note if existing else "")
        if existing:
            self.category.setCurrentIndex(self.category.findData(existing.category))
            self.points.setValue(existing.points)
            self.unit.setCurrentIndex(self.unit.findData(existing.unit))
            self.cap.setValue(existing.cap_quantity or 0)
            if existing.cap_period:
                self.period.setCurrentIndex(self.period.findData(existing.cap_period))
            self.review.setChecked(existing.needs_review)
        self.feedback = Feedback()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        cap_row = QHBoxLayout()
        cap_row.addWidget(self.cap)
        cap_row.addWidget(self.period)
        form = QFormLayout(self)
        form.addRow(self.tr("代码"), self.code)
        form.addRow(self.tr("中文名称"), self.name_zh)
        form.addRow(self.tr("英文名称"), self.name_en)
        form.addRow(self.tr("类别"), self.category)
        form.addRow(self.tr("分值（扣分填负数）"), self.points)
        form.addRow(self.tr("计分单位"), self.unit)
        form.addRow(self.tr("上限"), cap_row)
        form.addRow("", self.review)
        form.addRow(self.tr("地方分类标签"), self.tag)
        form.addRow(self.tr("说明"), self.note)
        form.addRow(self.feedback)
        form.addRow(buttons)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        cap = self.cap.value() or None
        changes = {"name_zh": self.name_zh.text().strip(), "name_en": self.name_en.text().strip(),
                   "category": self.category.currentData(), "points": self.points.value(),
                   "unit": self.unit.currentData(), "cap_quantity": cap,
                   "cap_period": self.period.currentData() if cap else None,
                   "needs_review": self.review.isChecked(), "tag": self.tag.text().strip(),
                   "note": self.note.text().strip()}
        ctx, code = self.desk.ctx, self.code.text()
        self.desk.perform(self, lambda: catalogue.save_type(ctx, code, **changes),
                          self._on_save_succeeded, self._on_save_failed)

    def _on_save_succeeded(self, info: DeedTypeInfo) -> None:
        self.saved.emit(info)
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self.feedback.show_error(message_for(exc))


class CataloguePage(Page):
    info = PageInfo("catalogue", QT_TRANSLATE_NOOP("MainWindow", "积分目录"), order=50,
                    admin_only=True)
    refresh_on_show = True  # another desk's admin may have changed it

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.add_title(self.tr("积分目录"))
        self.model = CatalogueModel(self)
        self.table = self.make_table(self.model, "catalogueTable")
        self.add_button = QPushButton(self.tr("新增项目"))
        self.edit_button = QPushButton(self.tr("修改"))
        self.retire_button = QPushButton(self.tr("停用/恢复"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.retire_button)
        self.column.addWidget(self.feedback)
        self.column.addWidget(self.table, 1)
        self.column.addLayout(buttons)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.table.activated.connect(self._on_edit_button_clicked)
        self.retire_button.clicked.connect(self._on_retire_button_clicked)

    def concerns(self, changes: Changes, initiator: object) -> bool:
        return changes.catalogue

    def refresh(self) -> None:
        self.model.set_rows(catalogue.list_types(include_retired=True))

    def selected(self) -> DeedTypeInfo | None:
        return self.table.currentIndex().data(ROW_ROLE)

    def _open(self, existing: DeedTypeInfo | None) -> None:
        dialog = DeedTypeDialog(self.desk, existing, self)
        dialog.saved.connect(self._on_dialog_saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_add_button_clicked(self) -> None:
        self._open(None)

    def _on_edit_button_clicked(self, *args: object) -> None:
        if self.selected() is not None:
            self._open(self.selected())

    def _on_dialog_saved(self, info: DeedTypeInfo) -> None:
        self.feedback.show_ok(self.tr("已保存积分项目“{name}”").format(
            name=labels.deed_name(info.name_zh, info.name_en)))

    def _on_retire_button_clicked(self) -> None:
        t = self.selected()
        if t is None:
            return
        if t.active and not widgets.confirm(
                self, self.tr("停用积分项目"),
                self.tr("停用“{name}”后不能再登记此项（已有记录不受影响）。确定停用吗？").format(
                    name=labels.deed_name(t.name_zh, t.name_en)), self.tr("停用")):
            return
        ctx, active = self.desk.ctx, not t.active
        self.desk.perform(self, lambda: catalogue.save_type(ctx, t.code, active=active),
                          self._on_dialog_saved, lambda exc: self.feedback.show_error(
                              message_for(exc)))
