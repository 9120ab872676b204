"""Recording a deed (F3): pick the type by category or by typing its name or pinyin
initials, set quantity, date and note, see the points and what is left of the cap,
then Enter. Several residents make a group deed (all recorded, or none)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import catalogue, deeds, residents
from app.services.catalogue import DeedTypeInfo
from app.services.context import new_request_id
from app.services.deeds import DeedResults
from app.services.errors import CapExceeded, DeskError
from app.services.residents import ResidentView
from app.views.common import labels
from app.views.common.errors import message_for
from app.views.common.page import ReportingDialog
from app.views.common.widgets import EnterKey, Feedback, FieldErrors, error_label
from app.views.shell.duty import Desk
from app.views.tables.short_lists import DeedTypesModel
from app.views.tables.trailing import TrailingTextDelegate

_NAVIGATION = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class RecordDeedDialog(ReportingDialog):

    def __init__(self, desk: Desk, people: list[ResidentView],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.people = list(people)
        self._request_id = new_request_id()
        self.setWindowTitle(self.tr("登记积分"))
        self.resize(940, 560)
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.category = QComboBox()
        self.category.setObjectName("deedCategory")
        self.category.addItem(self.tr("全部类别"), "")
        for code in catalogue.CATEGORIES:
            self.category.addItem(labels.category(code), code)
        self.filter = QLineEdit()
        self.filter.setObjectName("deedFilter")
        self.filter.setPlaceholderText(self.tr("输入名称或拼音首字母，如 hjws"))
        self.types_model = DeedTypesModel(self)
        self.types = QListView()
        self.types.setObjectName("deedTypes")
        self.types.setModel(self.types_model)
        self.types.setMinimumWidth(480)
        TrailingTextDelegate(self.types)  # a long name wraps; its points never do
        self.quantity = QDoubleSpinBox()
        self.quantity.setObjectName("deedQuantity")
        self.unit = QLabel()
        self.date = QDateEdit(QDate(desk.today()))
        self.date.setObjectName("deedDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(QDate(desk.today()))
        self.note = QLineEdit()
        self.note.setObjectName("deedNote")
        self.note.setPlaceholderText(self.tr("可不填"))
        self.cap_hint = QLabel()  # the cap, and what is left of it, before saving
        self.cap_hint.setObjectName("deedCap")
        self.cap_hint.setWordWrap(True)
        self.cap_hint.setMinimumHeight(self.cap_hint.fontMetrics().lineSpacing())
        self.preview = QLabel()
        self.preview.setObjectName("deedPreview")
        self.preview.setWordWrap(True)
        self.people_list = QListWidget()
        self.people_list.setObjectName("deedPeople")
        self.people_list.setMaximumHeight(110)
        self.add_person = QLineEdit()
        self.add_person.setObjectName("addPerson")
        self.add_person.setPlaceholderText(self.tr("集体登记：扫描或输入其他居民，回车加入"))
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        type_error, quantity_error, date_error, person_error = (error_label() for _ in range(4))
        self.errors.add("deed_type", self.filter, type_error)
        self.errors.add("quantity", self.quantity, quantity_error)
        self.errors.add("date", self.date, date_error)
        self.errors.add("person", self.add_person, person_error)
        self.errors.add("points", self.quantity, quantity_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存（回车）"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))

        self._lay_out(type_error, quantity_error, date_error, person_error)

        self.filter.installEventFilter(self)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.category.currentIndexChanged.connect(self._on_category_current_index_changed)
        self.types.selectionModel().currentChanged.connect(self._on_types_current_changed)
        self.quantity.valueChanged.connect(self._on_quantity_value_changed)
        self.date.dateChanged.connect(self._on_date_date_changed)
        EnterKey(self.add_person, self._on_add_person_return_pressed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self._show_people()
        self._refresh_types()
        self.filter.setFocus()

    def _lay_out(self, type_error: QLabel, quantity_error: QLabel, date_error: QLabel,
                 person_error: QLabel) -> None:
        left = QVBoxLayout()
        left.addWidget(self.category)
        left.addWidget(self.filter)
        left.addWidget(type_error)
        left.addWidget(self.types, 1)
        left.addWidget(self.cap_hint)  # under the list: saying more shortens the list only
        quantity_row = QHBoxLayout()
        quantity_row.addWidget(self.quantity, 1)
        quantity_row.addWidget(self.unit)
        right = form = QFormLayout()
        right.addRow(self.tr("数量"), quantity_row)
        right.addRow("", quantity_error)
        right.addRow(self.tr("日期"), self.date)
        right.addRow("", date_error)
        right.addRow(self.tr("备注"), self.note)
        right.addRow(self.preview)
        right.addRow(self.tr("居民"), self.people_list)
        right.addRow("", self.add_person)
        right.addRow("", person_error)
        grid = QGridLayout(self)
        grid.addWidget(self.heading, 0, 0, 1, 2)
        grid.addLayout(left, 1, 0)
        column = QVBoxLayout()
        column.addLayout(form)
        column.addStretch(1)
        grid.addLayout(column, 1, 1)
        grid.addWidget(self.feedback, 2, 0, 1, 2)
        grid.addWidget(self.buttons, 3, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        for first, second in pairwise((self.filter, self.types, self.quantity, self.date,
                                       self.note, self.add_person, self.category)):
            self.setTabOrder(first, second)

    # -- choosing ----------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # Arrow keys in the filter move through the list, so the hands stay on the keys.
        if (watched is self.filter and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in _NAVIGATION):
            QApplication.sendEvent(self.types, QKeyEvent(event.type(), event.key(),
                                                         event.modifiers()))
            return True
        return super().eventFilter(watched, event)

    def _refresh_types(self) -> None:
        text = self.filter.text().strip()
        found = catalogue.find_types(text) if text else catalogue.list_types()
        category = self.category.currentData()
        self.types_model.set_types([t for t in found if not category or t.category == category])
        if self.types_model.rowCount():
            self.types.selectionModel().setCurrentIndex(
                self.types_model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        else:
            self._on_types_current_changed()

    def current_type(self) -> DeedTypeInfo | None:
        return self.types_model.type_at(self.types.currentIndex().row())

    def _on_filter_text_changed(self, text: str) -> None:
        self._refresh_types()

    def _on_category_current_index_changed(self, index: int) -> None:
        self._refresh_types()

    def _on_types_current_changed(self, *args: object) -> None:
        t = self.current_type()
        if t is not None:
            hourly = t.unit == "per_hour"
            self.quantity.blockSignals(True)
            self.quantity.setDecimals(1 if hourly else 0)
            self.quantity.setSingleStep(0.5 if hourly else 1)
            self.quantity.setRange(0.5 if hourly else 1, deeds.MAX_QUANTITY.get(t.unit, 24))
            if self.quantity.value() < 1 or not hourly:
                self.quantity.setValue(max(round(self.quantity.value()), 1))
            self.quantity.blockSignals(False)
            self.unit.setText(labels.unit(t.unit))
        self._update_preview()

    def _on_quantity_value_changed(self, value: float) -> None:
        self._update_preview()

    def _on_date_date_changed(self, date: QDate) -> None:
        self._update_preview()

    def _update_preview(self) -> None:
        t = self.current_type()
        self.errors.set("quantity", "")
        self._show_cap(t)
        if t is None:
            self.preview.setText(self.tr("没有匹配的积分项目。"))
            return
        lines = []
        try:
            total = deeds.points_for(t.points, deeds.quantity_tenths(self._quantity(), t.unit))
            lines.append(self.tr("{per:+d} 分/{unit} × {qty} = <b>{total:+d} 分</b>").format(
                per=t.points, unit=labels.unit(t.unit), qty=self._quantity(), total=total))
            if len(self.people) > 1:
                lines.append(self.tr("共 %n 人，每人 {total:+d} 分", "", len(self.people))
                             .format(total=total))
            if t.needs_review:
                lines.append(self.tr("此项须经管理员审核后才计入余额。"))
        except Exception as exc:  # noqa: BLE001 - the refusal is the preview
            self.errors.set("quantity", message_for(exc))
        self.preview.setText("<br>".join(lines))

    def _show_cap(self, t: DeedTypeInfo | None) -> None:
        """The cap under the deed type before anything is saved; a quantity over it says
        why there, and Save waits until it is changed."""
        day, line, over = self.date.date().toPython(), "", ""
        if t is not None and len(self.people) == 1:
            cap = deeds.cap_state(self.people[0].id, t.code, day)
            line = self._cap_line(cap, t) if cap.cap is not None else ""
        if t is not None and t.cap_quantity is not None:
            try:
                for person in self.people:
                    deeds.check_cap(person.id, t.code, self._quantity(), day)
            except CapExceeded as exc:
                over = message_for(exc) if len(self.people) == 1 else self.tr(
                    "{name}：{message}").format(name=person.name, message=message_for(exc))
            except DeskError:
                pass  # a quantity the type does not take is said beside the quantity
        self.cap_hint.setText(over or line)
        self.cap_hint.setProperty("state", "error" if over else "info")
        self.cap_hint.style().unpolish(self.cap_hint)
        self.cap_hint.style().polish(self.cap_hint)
        self.save_button.setEnabled(not over)

    def _cap_line(self, cap: deeds.CapState, t: DeedTypeInfo) -> str:
        template = self.tr("上限每{period} {cap} {unit}：已登记 {used}，还可登记 {left}")
        return template.format(period=labels.period(cap.period), cap=cap.cap,
                               unit=labels.unit(t.unit), used=_number(cap.used),
                               left=_number(cap.left))

    def _quantity(self) -> str:
        return f"{self.quantity.value():g}"

    # -- who ---------------------------------------------------------------------
    def _show_people(self) -> None:
        self.people_list.clear()
        for r in self.people:
            self.people_list.addItem(f"{r.name}（{r.resident_no}）")
        first = self.people[0]
        if len(self.people) == 1:
            self.heading.setText(self.tr("为 {name}（{no}）登记积分").format(
                name=first.name, no=first.resident_no))
        else:
            self.heading.setText(self.tr("集体登记：%n 人", "", len(self.people)))

    def _on_add_person_return_pressed(self) -> None:
        text = self.add_person.text().strip()
        self.errors.set("person", "")
        if not text:
            return
        try:  # a card code, a resident number, or a search that finds exactly one
            found = residents.resolve(text.upper() if residents.CARD_PATTERN
                                      .fullmatch(text.upper()) else text)
        except Exception as exc:  # noqa: BLE001 - not found, several, archived: said why
            self.errors.set("person", message_for(exc))
            return
        if all(p.id != found.id for p in self.people):
            self.people.append(found)
        self.add_person.clear()
        self._show_people()
        self._update_preview()

    # -- saving ------------------------------------------------------------------
    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        t = self.current_type()
        if t is None:
            self.errors.set("deed_type", self.tr("请选择积分项目。"))
            return
        ctx, code, qty = self.desk.ctx, t.code, self._quantity()
        day, note, request = self.date.date().toPython(), self.note.text(), self._request_id
        ids = [p.id for p in self.people]
        def work() -> DeedResults:  # one resident, or a group: all recorded or none
            if len(ids) == 1:
                return DeedResults([deeds.record_deed(ctx, ids[0], code, qty, day, note,
                                                      request_id=request)])
            return deeds.record_group_deed(ctx, ids, code, qty, day, note, request_id=request)

        self.save_button.setEnabled(False)
        self.desk.perform(self, work, self._on_record_succeeded, self._on_record_failed)

    def _on_record_succeeded(self, results: DeedResults) -> None:
        first, chosen = results[0], self.current_type()
        deed = labels.deed_name(first.deed_name, chosen.name_en if chosen else "")
        if len(results) > 1:
            template = self.tr("已为 %n 人登记“{deed}”，每人 {points:+d} 分", "", len(results))
            message = template.format(deed=deed, points=first.points)
        elif first.status == "pending":
            template = self.tr("{name}：“{deed}”已登记（{points:+d} 分），待管理员审核后计入")
            message = template.format(name=first.name, deed=deed, points=first.points)
        else:
            message = self.tr("{name} {points:+d} 积分，余额 {balance}").format(
                name=first.name, points=first.points, balance=first.balance)
        self.reported.emit(message)
        self.accept()

    def _on_record_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc)


def _number(value: object) -> str:
    text = str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text
