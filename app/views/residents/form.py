"""Registering a resident or editing one (F6), with the service's own checks shown next
to each field as the clerk leaves it, and a warning before saving a likely duplicate.

The desk only ever holds masked ID and phone numbers: when editing, an empty ID or phone
field means "unchanged" and is sent as ``None``, so the stored number is kept without
ever being read into the window. (An admin who needs the full numbers reveals them on
the resident panel, where each look is audited.)
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.services import idnumber, residents, search
from app.services.context import new_request_id
from app.services.errors import InvalidInput
from app.services.residents import ResidentInput, ResidentView
from app.views.common import labels, widgets
from app.views.common.errors import field_of, message_for
from app.views.common.page import ReportingDialog
from app.views.common.widgets import Feedback, FieldErrors, error_label
from app.views.shell.duty import Desk

FIELDS = ("name", "id_number", "phone", "household")
ID_LENGTH = 18  # a mainland ID: checked as soon as it is complete, before leaving the field


class ResidentFormDialog(ReportingDialog):
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
        if resident:
            unchanged = self.tr("不修改请留空（现为 {value}）")
            self.id_number.setPlaceholderText(unchanged.format(value=resident.id_masked or "—"))
            self.phone.setPlaceholderText(unchanged.format(value=resident.phone_masked or "—"))
        address: dict[str, QLineEdit] = {
            key: QLineEdit(getattr(resident, key) if resident else "")
            for key in ("compound", "building", "unit", "room")}
        self.address = address
        self.grid = QComboBox()  # the station's grids, or a new one typed in
        self.grid.setObjectName("gridChoice")
        self.grid.setEditable(True)
        self.grid.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.grid.addItems(search.grids())
        self.grid.setCurrentText(resident.grid if resident else "")
        self.grid.lineEdit().setPlaceholderText(self.tr("选择本站的网格，或输入新网格"))
        self.household = QLineEdit(str(resident.household_id) if resident and
                                   resident.household_id is not None else "")
        self.household.setObjectName("householdNo")
        self.household.setPlaceholderText(self.tr("户编号，可留空"))
        self.household_note = QLabel()
        self.household_note.setObjectName("hint")
        address["compound"].setPlaceholderText(self.tr("小区/村组"))
        address["building"].setPlaceholderText(self.tr("栋"))
        address["unit"].setPlaceholderText(self.tr("单元"))
        address["room"].setPlaceholderText(self.tr("室"))
        self.tags: dict[str, QCheckBox] = {}
        tag_grid = QGridLayout()
        # The station's tags on offer, and any retired one this resident keeps.
        held = set(resident.tags) if resident else set()
        offered = [t for t in labels.tag_list().values() if not t.retired or t.code in held]
        for n, found in enumerate(offered):
            code = found.code
            name = labels.tag(code, {code: found})
            box = QCheckBox(self.tr("{tag}（已停用）").format(tag=name) if found.retired
                            else name)
            box.setChecked(code in held)
            self.tags[code] = box
            tag_grid.addWidget(box, n // 3, n % 3)
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        self._touched: set[str] = set()  # fields the clerk has left: only those get told off
        errors = {key: error_label() for key in FIELDS}
        for key in FIELDS:
            self.errors.add(key, getattr(self, key), errors[key])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))

        form = QFormLayout(self)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow("", errors["name"])
        form.addRow(self.tr("证件类型"), self.id_type)
        form.addRow(self.tr("证件号"), self.id_number)
        form.addRow("", errors["id_number"])
        form.addRow(self.tr("手机号"), self.phone)
        form.addRow("", errors["phone"])
        street = QHBoxLayout()
        for key in ("compound", "building", "unit", "room"):
            street.addWidget(address[key], 3 if key == "compound" else 1)
        form.addRow(self.tr("住址"), street)
        form.addRow(self.tr("网格"), self.grid)
        household_row = QHBoxLayout()
        household_row.addWidget(self.household, 1)
        household_row.addWidget(self.household_note, 1)
        form.addRow(self.tr("户号"), household_row)
        form.addRow("", errors["household"])
        form.addRow(self.tr("标签"), tag_grid)
        form.addRow(self.feedback)
        form.addRow(self.buttons)
        self.setMinimumWidth(560)

        self.name.editingFinished.connect(self._on_name_editing_finished)
        self.id_number.textChanged.connect(self._on_id_number_text_changed)
        self.id_number.editingFinished.connect(self._on_id_number_editing_finished)
        self.phone.editingFinished.connect(self._on_phone_editing_finished)
        self.household.editingFinished.connect(self._on_household_editing_finished)
        self.id_type.currentIndexChanged.connect(self._on_id_type_current_index_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.id_number.setEnabled(self.id_type.currentData() != "none")

    # -- checking as the clerk types ---------------------------------------------
    def check(self, *fields: str) -> list[str]:
        """Mark ``fields`` as visited and show the service's verdict on every visited field;
        returns the fields with a problem."""
        self._touched.update(fields)
        existing = self.resident.id if self.resident else None
        problems = residents.validate(self.desk.ctx, self.collect(), existing)
        by_field = {field_of(exc): exc for exc in reversed(problems)}  # the first one wins
        for name in FIELDS:
            exc = by_field.get(name)
            self.errors.set(name, message_for(exc) if exc and name in self._touched else "")
        other = [exc for exc in problems if field_of(exc) not in FIELDS]
        if other and len(self._touched) == len(FIELDS):
            self.feedback.show_error(message_for(other[0]))
        if self.household.text().strip() and self._household_id() is None:
            by_field["household"] = InvalidInput(
                what="户号只能填数字（户编号）。", what_en="A household is given by its number.",
                field="household")
            if "household" in self._touched:
                self.errors.set("household", message_for(by_field["household"]))
        self._describe_id(failed="id_number" in by_field)
        self._describe_household(failed="household" in by_field)
        return [name for name in FIELDS if name in by_field] + (["other"] if other else [])

    def _describe_id(self, failed: bool) -> None:
        """A valid mainland ID says whom it belongs to: a quick check against the card."""
        text = "".join(self.id_number.text().split())
        self.id_number.setToolTip("")
        if failed or self.id_type.currentData() != "cn_id" or len(text) != ID_LENGTH:
            return
        parsed = idnumber.parse(text, self.desk.today())
        self.id_number.setToolTip(self.tr("{gender}，{born} 出生").format(
            gender=labels.gender(parsed.gender), born=parsed.birth_date.isoformat()))

    def _on_name_editing_finished(self) -> None:
        self.check("name")

    def _on_id_number_text_changed(self, text: str) -> None:
        if len("".join(text.split())) >= ID_LENGTH:
            self.check("id_number")
        elif "id_number" in self._touched:
            self.check()  # a correction in progress: clear a message that no longer applies

    def _on_id_number_editing_finished(self) -> None:
        self.check("id_number")

    def _on_phone_editing_finished(self) -> None:
        self.check("phone")

    def _on_household_editing_finished(self) -> None:
        self.check("household")

    def _describe_household(self, failed: bool) -> None:
        """Which household the number is: a typo would link the resident to strangers."""
        number = self._household_id()
        self.household_note.setText("")
        if failed or number is None:
            return
        found = residents.household_view(number)
        self.household_note.setText(self.tr("{name}，已有 %n 人", "", len(found.members))
                                    .format(name=found.name))

    def _household_id(self) -> int | None:
        text = self.household.text().strip()
        return int(text) if text.isdecimal() else None

    def _on_id_type_current_index_changed(self, index: int) -> None:
        self.id_number.setEnabled(self.id_type.currentData() != "none")
        self.check()

    # -- saving ------------------------------------------------------------------
    def collect(self) -> ResidentInput:
        id_text, phone = self.id_number.text().strip(), self.phone.text().strip()
        id_type = self.id_type.currentData()
        editing = self.resident is not None
        # Empty while editing means "keep what is stored" (None); after a change of ID
        # type an empty field clears the old number, which no longer fits the type.
        keep_id = editing and not id_text and id_type == self.resident.id_type
        return ResidentInput(
            name=self.name.text(), id_number=None if keep_id else id_text, id_type=id_type,
            phone=None if editing and not phone else phone,
            compound=self.address["compound"].text(),
            building=self.address["building"].text(), unit=self.address["unit"].text(),
            room=self.address["room"].text(), grid=self.grid.currentText(),
            tags=tuple(code for code, box in self.tags.items() if box.isChecked()),
            household_id=self._household_id())

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        if self.check(*FIELDS):
            first = next((n for n in FIELDS if self.errors.text(n)), None)
            if first is not None:
                self.errors.show_field(first)
            return
        data = self.collect()
        existing = self.resident.id if self.resident else None
        twins = residents.possible_duplicates(data, exclude_id=existing)
        if twins and not widgets.confirm(
                self, self.tr("可能重复登记"),
                self.tr("已有同名、同手机号的居民：{who}。\n确定仍要保存吗？").format(
                    who="、".join(f"{t.name}（{t.resident_no}）" for t in twins)),
                self.tr("仍要保存")):
            return
        ctx, request = self.desk.ctx, self._request_id  # a double click registers once
        self.save_button.setEnabled(False)
        if existing is None:
            self.desk.perform(self, lambda: residents.register(ctx, data, request_id=request),
                              self._on_save_succeeded, self._on_save_failed)
        else:
            self.desk.perform(self, lambda: residents.update(ctx, existing, data),
                              self._on_save_succeeded, self._on_save_failed)

    def _on_save_succeeded(self, saved: ResidentView) -> None:
        message = (self.tr("已保存 {name}（{no}）的信息") if self.resident else
                   self.tr("已登记居民 {name}，编号 {no}")).format(name=saved.name,
                                                              no=saved.resident_no)
        self.reported.emit(message)
        self.saved.emit(saved.id)
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc)
