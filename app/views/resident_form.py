"""Registering a resident or editing one (F6), with validation next to each field as
the clerk types, and a warning before saving a likely duplicate.

The desk only ever shows masked ID and phone numbers. When editing, an empty ID or
phone field means "unchanged"; an admin may reveal the full numbers (audited).
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.services import idnumber, residents
from app.services.context import new_request_id
from app.services.errors import InvalidPhone
from app.services.residents import ResidentInput, ResidentView
from app.views import labels, widgets
from app.views.desk import Desk
from app.views.errors import message_for
from app.views.widgets import Feedback, FieldErrors, error_label

# The same shape the service checks; here only to warn while typing (the service decides).
_PHONE_SHAPE = re.compile(r"1\d{10}")


class ResidentFormDialog(QDialog):
    succeeded = Signal(str, list)
    saved = Signal(int)

    def __init__(self, desk: Desk, resident: ResidentView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.resident = resident
        self._request_id = new_request_id()
        self.setWindowTitle(self.tr("修改居民信息") if resident else self.tr("登记新居民"))
        self.name = QLineEdit(resident.name if resident else "")
        self.name.setObjectName("residentNameEdit")
        self.id_type = QComboBox()
        self.id_type.setObjectName("idType")
        for code in ("cn_id", "other", "none"):
            self.id_type.addItem(labels.id_type(code), code)
        if resident:
            self.id_type.setCurrentIndex(max(self.id_type.findData(resident.id_type), 0))
        self.id_number = QLineEdit()
        self.id_number.setObjectName("idNumber")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.reveal_button = QPushButton(self.tr("显示完整号码"))
        self.reveal_button.setVisible(bool(resident) and desk.is_admin)
        self.reveal_button.setAutoDefault(False)
        if resident:
            unchanged = self.tr("不修改请留空（现为 {value}）")
            self.id_number.setPlaceholderText(unchanged.format(value=resident.id_masked or "—"))
            self.phone.setPlaceholderText(unchanged.format(value=resident.phone_masked or "—"))
        address = {key: QLineEdit(getattr(resident, key) if resident else "")
                   for key in ("compound", "building", "unit", "room", "grid")}
        self.address = address
        address["compound"].setPlaceholderText(self.tr("小区/村组"))
        address["building"].setPlaceholderText(self.tr("栋"))
        address["unit"].setPlaceholderText(self.tr("单元"))
        address["room"].setPlaceholderText(self.tr("室"))
        self.tags: dict[str, QCheckBox] = {}
        tag_grid = QGridLayout()
        for n, code in enumerate(residents.TAGS):
            box = QCheckBox(labels.tag(code))
            box.setChecked(bool(resident and code in resident.tags))
            self.tags[code] = box
            tag_grid.addWidget(box, n // 3, n % 3)
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        errors = {key: error_label() for key in ("name", "id_number", "phone")}
        self.errors.add("name", self.name, errors["name"])
        self.errors.add("id_number", self.id_number, errors["id_number"])
        self.errors.add("phone", self.phone, errors["phone"])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))

        form = QFormLayout(self)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow("", errors["name"])
        form.addRow(self.tr("证件类型"), self.id_type)
        id_row = QHBoxLayout()
        id_row.addWidget(self.id_number, 1)
        id_row.addWidget(self.reveal_button)
        form.addRow(self.tr("证件号"), id_row)
        form.addRow("", errors["id_number"])
        form.addRow(self.tr("手机号"), self.phone)
        form.addRow("", errors["phone"])
        street = QHBoxLayout()
        for key in ("compound", "building", "unit", "room"):
            street.addWidget(address[key], 3 if key == "compound" else 1)
        form.addRow(self.tr("住址"), street)
        form.addRow(self.tr("网格"), address["grid"])
        form.addRow(self.tr("标签"), tag_grid)
        form.addRow(self.feedback)
        form.addRow(self.buttons)
        self.setMinimumWidth(560)

        self.id_number.textChanged.connect(self._on_id_number_text_changed)
        self.id_number.editingFinished.connect(self._on_id_number_editing_finished)
        self.phone.editingFinished.connect(self._on_phone_editing_finished)
        self.id_type.currentIndexChanged.connect(self._on_id_type_current_index_changed)
        self.reveal_button.clicked.connect(self._on_reveal_button_clicked)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self._on_id_type_current_index_changed(self.id_type.currentIndex())

    # -- checking as the clerk types ---------------------------------------------
    def _check_id(self, finished: bool) -> None:
        text = "".join(self.id_number.text().split())
        if self.id_type.currentData() != "cn_id" or not text:
            self.errors.set("id_number", "")
            return
        if not finished and len(text) < 18:
            self.errors.set("id_number", "")
            return
        try:
            parsed = idnumber.parse(text, self.desk.today())
        except Exception as exc:  # noqa: BLE001 - an InvalidIdNumber, shown by the field
            self.errors.set("id_number", message_for(exc))
            return
        self.errors.set("id_number", "")
        self.id_number.setToolTip(self.tr("{gender}，{born} 出生").format(
            gender=labels.gender(parsed.gender), born=parsed.birth_date.isoformat()))

    def _on_id_number_text_changed(self, text: str) -> None:
        self._check_id(finished=False)

    def _on_id_number_editing_finished(self) -> None:
        self._check_id(finished=True)

    def _on_phone_editing_finished(self) -> None:
        phone = re.sub(r"[\s-]", "", self.phone.text())
        self.errors.set("phone", message_for(InvalidPhone()) if phone and not
                        _PHONE_SHAPE.fullmatch(phone) else "")

    def _on_id_type_current_index_changed(self, index: int) -> None:
        self.id_number.setEnabled(self.id_type.currentData() != "none")
        self._check_id(finished=True)

    def _on_reveal_button_clicked(self) -> None:
        if self.resident is None:
            return
        try:
            revealed = residents.reveal(self.desk.ctx, self.resident.id)
        except Exception as exc:  # noqa: BLE001
            self.errors.show(exc)
            return
        self.id_number.setText(revealed.id_number)
        self.phone.setText(revealed.phone)

    # -- saving ------------------------------------------------------------------
    def collect(self) -> ResidentInput:
        id_text, phone = self.id_number.text().strip(), self.phone.text().strip()
        if self.resident is not None and (not id_text or not phone):
            # Empty means unchanged: pass the stored value through without showing it.
            stored = residents.resolve(self.resident.resident_no, active_only=False)
            id_text = id_text or (stored.id_number or "")
            phone = phone or (stored.phone or "")
        return ResidentInput(
            name=self.name.text(), id_number=id_text, id_type=self.id_type.currentData(),
            phone=phone, compound=self.address["compound"].text(),
            building=self.address["building"].text(), unit=self.address["unit"].text(),
            room=self.address["room"].text(), grid=self.address["grid"].text(),
            tags=tuple(code for code, box in self.tags.items() if box.isChecked()))

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        data = self.collect()
        existing = self.resident.id if self.resident else None
        twins = residents.possible_duplicates(data, exclude_id=existing)
        if twins and not widgets.confirm(
                self, self.tr("可能重复登记"),
                self.tr("已有同名、同手机号的居民：{who}。\n确定仍要保存吗？").format(
                    who="、".join(f"{t.name}（{t.resident_no}）" for t in twins)),
                self.tr("仍要保存")):
            return
        ctx = self.desk.ctx
        self.save_button.setEnabled(False)
        if existing is None:
            self.desk.run(self, lambda: residents.register(ctx, data),
                          self._on_save_succeeded, self._on_save_failed)
        else:
            self.desk.run(self, lambda: residents.update(ctx, existing, data),
                          self._on_save_succeeded, self._on_save_failed)

    def _on_save_succeeded(self, saved: ResidentView) -> None:
        message = (self.tr("已保存 {name}（{no}）的信息") if self.resident else
                   self.tr("已登记居民 {name}，编号 {no}")).format(name=saved.name,
                                                              no=saved.resident_no)
        self.succeeded.emit(message, [saved.id])
        self.saved.emit(saved.id)
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc)
