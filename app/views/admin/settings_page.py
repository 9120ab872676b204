"""Admin: station settings (stored in the database) and this PC's own settings
(language, large-font mode, the receipt printer's width, the printers last used), plus
the partner merchants."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services import merchants
from app.services import station as station_service
from app.services.changes import Changes
from app.services.station import StationInfo
from app.views.admin.tags_box import TagsBox
from app.views.common import i18n, preferences
from app.views.common.errors import message_for
from app.views.common.keys import EnterSubmits
from app.views.common.page import Page, PageInfo
from app.views.common.widgets import button_row
from app.views.district.identities_box import IdentitiesBox
from app.views.documents import output
from app.views.shell import look
from app.views.shell.duty import Desk


class SettingsPage(Page):
    info = PageInfo("settings", QT_TRANSLATE_NOOP("MainWindow", "设置"), order=80,
                    admin_only=True)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.add_title(self.tr("设置"))
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self._station_box())
        column.addWidget(self._machine_box())
        column.addWidget(self._merchant_box())
        column.addWidget(TagsBox(desk))
        self.identities = IdentitiesBox(desk)
        column.addWidget(self.identities)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        self.column.addWidget(self.feedback)
        self.column.addWidget(scroll, 1)
        self.validity.currentIndexChanged.connect(self._on_validity_current_index_changed)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.language.currentIndexChanged.connect(self._on_language_current_index_changed)
        self.large_font.toggled.connect(self._on_large_font_toggled)
        self.roll_width.currentIndexChanged.connect(self._on_roll_width_current_index_changed)
        self.merchant_button.clicked.connect(self._on_merchant_button_clicked)
        EnterSubmits((self.name, self.rate_points, self.rate_yuan, self.validity_days,
                      self.denominations, self.min_issue, self.idle_lock, self.notice_days),
                     self.save_button)
        EnterSubmits((self.merchant_name,), self.merchant_button)
        self.load()

    def _station_box(self) -> QGroupBox:
        self.name = QLineEdit()
        self.rate_points = QSpinBox()
        self.rate_yuan = QSpinBox()
        for box in (self.rate_points, self.rate_yuan):
            box.setRange(1, 1000)
        self.validity = QComboBox()
        self.validity.setObjectName("validity")
        self.validity.addItem(self.tr("当年 12 月 31 日前有效"), "year_end")
        self.validity.addItem(self.tr("发放后若干天内有效"), "days")
        self.validity_days = QSpinBox()
        self.validity_days.setRange(1, 9999)
        self.validity_days.setSuffix(self.tr(" 天"))
        self.expiry = QComboBox()
        self.expiry.addItem(self.tr("年终清零"), "year_end")
        self.expiry.addItem(self.tr("不清零"), "none")
        self.denominations = QLineEdit()
        self.min_issue = QSpinBox()
        self.min_issue.setRange(1, 100000)
        self.idle_lock = QSpinBox()
        self.idle_lock.setObjectName("idleLock")
        self.idle_lock.setRange(0, 240)
        self.idle_lock.setSpecialValueText(self.tr("不自动锁定"))
        self.idle_lock.setSuffix(self.tr(" 分钟"))
        self.notice_days = QSpinBox()
        self.notice_days.setObjectName("noticeDays")
        self.notice_days.setRange(0, 30)
        self.notice_days.setSpecialValueText(self.tr("不公示，审核通过即计入"))
        self.notice_days.setSuffix(self.tr(" 天"))
        self.save_button = QPushButton(self.tr("保存站点设置"))
        self.save_button.setObjectName("saveSettings")
        rate = QHBoxLayout()
        rate.addWidget(self.rate_points)
        rate.addWidget(QLabel(self.tr("积分 = ")))
        rate.addWidget(self.rate_yuan)
        rate.addWidget(QLabel(self.tr("元")))
        rate.addStretch(1)
        validity = QHBoxLayout()
        validity.addWidget(self.validity)
        validity.addWidget(self.validity_days)
        station_box = QGroupBox(self.tr("站点设置（所有电脑通用）"))
        form = QFormLayout(station_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.name.setMinimumWidth(420)
        self.denominations.setMinimumWidth(240)
        form.addRow(self.tr("站点名称"), self.name)
        form.addRow(self.tr("兑换比例"), rate)
        form.addRow(self.tr("兑换券有效期"), validity)
        form.addRow(self.tr("积分清零"), self.expiry)
        form.addRow(self.tr("兑换券面额"), self.denominations)
        form.addRow(self.tr("每次最少兑换"), self.min_issue)
        form.addRow(self.tr("无操作自动锁定"), self.idle_lock)
        form.addRow(self.tr("审核后公示"), self.notice_days)
        form.addRow(button_row(self.save_button))
        return station_box

    def _machine_box(self) -> QGroupBox:
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.large_font = QCheckBox(self.tr("大字模式"))
        self.large_font.setObjectName("largeFont")
        self.roll_width = QComboBox()
        self.roll_width.setObjectName("rollWidth")
        for dots in output.ROLL_WIDTHS:
            paper = {384: self.tr("（58 毫米纸）"), 576: self.tr("（80 毫米纸）")}.get(dots, "")
            self.roll_width.addItem(self.tr("{dots} 点").format(dots=dots) + paper, dots)
        self.printers = QLabel()
        self.printers.setObjectName("hint")
        machine_box = QGroupBox(self.tr("本机设置"))
        machine = QFormLayout(machine_box)
        machine.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        machine.addRow(self.tr("界面语言（重启后生效）"), self.language)
        machine.addRow("", self.large_font)
        machine.addRow(self.tr("热敏小票打印宽度"), self.roll_width)
        machine.addRow(self.tr("上次使用的打印机"), self.printers)
        return machine_box

    def _merchant_box(self) -> QGroupBox:
        self.merchants = QListWidget()
        self.merchants.setMaximumHeight(120)
        self.merchant_name = QLineEdit()
        self.merchant_name.setPlaceholderText(self.tr("商户名称"))
        self.merchant_button = QPushButton(self.tr("添加商户"))
        merchant_row = QHBoxLayout()
        merchant_row.addWidget(self.merchant_name, 1)
        merchant_row.addWidget(self.merchant_button)
        merchant_box = QGroupBox(self.tr("合作商户"))
        merchant_layout = QVBoxLayout(merchant_box)
        merchant_layout.addWidget(self.merchants)
        merchant_layout.addLayout(merchant_row)
        return merchant_box

    def concerns(self, changes: Changes, initiator: object) -> bool:
        return changes.settings

    def refresh(self) -> None:
        self.load()

    def load(self) -> None:
        info = station_service.current()
        self.name.setText(info.name)
        self.rate_points.setValue(info.rate_points)
        self.rate_yuan.setValue(info.rate_yuan)
        days = info.voucher_validity.startswith("days:")
        self.validity.setCurrentIndex(1 if days else 0)
        self.validity_days.setValue(int(info.voucher_validity[5:]) if days else 90)
        self.validity_days.setEnabled(days)
        self.expiry.setCurrentIndex(max(self.expiry.findData(info.expiry_policy), 0))
        self.denominations.setText(",".join(str(d) for d in info.denominations))
        self.min_issue.setValue(info.min_issue_points)
        self.idle_lock.setValue(info.idle_lock_minutes)
        self.notice_days.setValue(info.notice_days)
        self.identities.load()
        for widget, value in ((self.language, preferences.get(preferences.LANGUAGE)),
                              (self.roll_width, output.thermal_width())):
            widget.blockSignals(True)
            widget.setCurrentIndex(max(widget.findData(value), 0))
            widget.blockSignals(False)
        self.large_font.blockSignals(True)
        self.large_font.setChecked(preferences.get(preferences.LARGE_FONT))
        self.large_font.blockSignals(False)
        self.merchants.clear()
        self.merchants.addItems(merchants.names())
        none = self.tr("尚未选择")
        self.printers.setText(self.tr("A4：{sheet}　小票：{roll}").format(
            sheet=preferences.get(preferences.LAST_PRINTER) or none,
            roll=preferences.get(preferences.LAST_THERMAL_PRINTER) or none))

    def _on_validity_current_index_changed(self, index: int) -> None:
        self.validity_days.setEnabled(self.validity.currentData() == "days")

    def _on_save_button_clicked(self) -> None:
        validity = (f"days:{self.validity_days.value()}" if self.validity.currentData() == "days"
                    else "year_end")
        changes = {"name": self.name.text().strip(), "rate_points": self.rate_points.value(),
                   "rate_yuan": self.rate_yuan.value(), "voucher_validity": validity,
                   "expiry_policy": self.expiry.currentData(),
                   "denominations": self.denominations.text(),
                   "min_issue_points": self.min_issue.value(),
                   "idle_lock_minutes": self.idle_lock.value(),
                   "notice_days": self.notice_days.value()}
        ctx = self.desk.ctx
        self.desk.perform(self, lambda: station_service.update_settings(ctx, **changes),
                          self._on_save_succeeded, self._on_failed)

    def _on_save_succeeded(self, info: StationInfo) -> None:
        self.feedback.show_ok(self.tr("站点设置已保存。"))

    def _on_failed(self, exc: BaseException) -> None:
        self.feedback.show_error(message_for(exc))

    def _on_language_current_index_changed(self, index: int) -> None:
        preferences.put(preferences.LANGUAGE, self.language.currentData())
        self.feedback.show_ok(self.tr("界面语言已保存，重新启动后生效。"))

    def _on_large_font_toggled(self, on: bool) -> None:
        preferences.put(preferences.LARGE_FONT, on)
        app = QApplication.instance()
        look.apply(app, app.property("cjkFamily") or None, on)
        self.feedback.show_ok(self.tr("大字模式已开启。") if on else self.tr("大字模式已关闭。"))

    def _on_roll_width_current_index_changed(self, index: int) -> None:
        preferences.put(preferences.THERMAL_WIDTH_DOTS, self.roll_width.currentData())
        self.feedback.show_ok(self.tr("小票打印宽度已改为 {dots} 点。").format(
            dots=self.roll_width.currentData()))

    def _on_merchant_button_clicked(self) -> None:
        ctx, name = self.desk.ctx, self.merchant_name.text()
        self.desk.perform(self, lambda: merchants.add(ctx, name),
                          self._on_merchant_added, self._on_failed)

    def _on_merchant_added(self, added: merchants.MerchantAdded) -> None:
        self.merchant_name.clear()
        self.feedback.show_ok(self.tr("已添加商户“{name}”").format(name=added.name))
