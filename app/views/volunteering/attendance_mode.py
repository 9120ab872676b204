"""The attendance mode: the scan field becomes a turnstile for one activity.

A USB scanner types a card code (or a resident number) and Enter. The field is cleared
at once so the next card can follow while the first is recorded, and every scan is
acknowledged in a large line and in a running list, with a beep: signed in or out in
green, a repeated scan (counted once) in amber, an unknown card in red. The field keeps
the keyboard focus: nothing else in the mode takes it, and typing that lands elsewhere
is sent back to it, so an hour of scanning needs no mouse. Esc leaves the mode.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import attendance, residents
from app.services.activities import ActivityView
from app.services.attendance import Mark
from app.services.context import new_request_id
from app.views.common.errors import message_for
from app.views.common.widgets import TypingRedirect
from app.views.shell.duty import Desk
from app.views.volunteering.models import ROLES, translated

COLOURS = {"ok": "#1b7a3a", "repeat": "#a15c00", "error": "#b3261e"}


class AttendanceMode(QWidget):
    left = Signal()  # Esc: back to the list
    acknowledged = Signal(str)  # the large line's text, once a scan is answered

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.activity: ActivityView | None = None
        self.counted = 0
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.count_label = QLabel()
        self.count_label.setObjectName("attendanceCount")
        self.field = QLineEdit()
        self.field.setObjectName("attendanceScan")
        self.field.setPlaceholderText(self.tr("扫描居民卡或输入居民编号，回车"))
        self.field.setMinimumHeight(48)
        font = self.field.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.field.setFont(font)
        self.ack = QLabel(self.tr("请扫码"))
        self.ack.setObjectName("attendanceAck")
        big = self.ack.font()
        big.setPointSizeF(big.pointSizeF() * 2.2)
        big.setBold(True)
        self.ack.setFont(big)
        self.ack.setWordWrap(True)
        self.audience = QPushButton(self.tr("现场登记为服务对象（F2）"))
        self.audience.setObjectName("attendanceAudience")
        self.audience.setCheckable(True)
        self.leave_button = QPushButton(self.tr("结束签到（Esc）"))
        self.leave_button.setObjectName("attendanceLeave")
        self.log = QListWidget()
        self.log.setObjectName("attendanceLog")
        for widget in (self.audience, self.leave_button, self.log):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps it
        self._redirect = TypingRedirect(self.field, self)
        self.log.installEventFilter(self._redirect)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.count_label)
        row = QHBoxLayout()
        row.addWidget(self.audience)
        row.addStretch(1)
        row.addWidget(self.leave_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.field)
        column.addWidget(self.ack)
        column.addLayout(row)
        column.addWidget(self.log, 1)
        self.setFocusProxy(self.field)
        self.field.returnPressed.connect(self._on_field_return_pressed)
        self.leave_button.clicked.connect(self.left)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.left)
        toggle = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        toggle.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        toggle.activated.connect(self.audience.toggle)

    def start(self, activity: ActivityView) -> None:
        self.activity = activity
        self.counted = activity.attended
        self.heading.setText(self.tr("签到：{date} {title}").format(date=activity.date,
                                                                 title=activity.title))
        self.audience.setChecked(False)
        self.log.clear()
        self._show_count()
        self.ack.setText(self.tr("请扫码"))
        self.ack.setStyleSheet("")
        self.field.clear()
        self.field.setFocus()

    @property
    def role(self) -> str | None:
        """The role a walk-in gets; None keeps what a signed-up resident signed up as
        (a walk-in then volunteers)."""
        return "audience" if self.audience.isChecked() else None

    def _on_field_return_pressed(self) -> None:
        code = self.field.text().strip()
        self.field.clear()
        if not code or self.activity is None:
            return
        ctx, activity, role, request = self.desk.ctx, self.activity.id, self.role, \
            new_request_id()

        def work() -> Mark:
            person = residents.resolve(code)
            return attendance.scan(ctx, activity, person.id, role, request_id=request)

        self.desk.perform(self, work, self._on_scan_succeeded, self._on_scan_failed)

    def _on_scan_succeeded(self, mark: Mark) -> None:
        self.counted = mark.attended
        self._show_count()
        role = translated(ROLES, mark.role)
        at = mark.signed_out if mark.outcome == "signed_out" else mark.signed_in
        if mark.outcome == "repeat":
            text = self.tr("{name}（{no}）{role}：重复扫码，不重复计（{time} 已签到）").format(
                name=mark.name, no=mark.resident_no, role=role, time=mark.signed_in or "")
            state = "repeat"
        else:
            action = self.tr("签退") if mark.outcome == "signed_out" else self.tr("签到")
            text = self.tr("{name}（{no}）{role} {action} {time}").format(
                name=mark.name, no=mark.resident_no, role=role, action=action, time=at or "")
            if mark.walk_in and mark.outcome == "signed_in":
                text += self.tr("，未报名，已现场登记")
            state = "ok"
        self._acknowledge(text, state)

    def _on_scan_failed(self, exc: BaseException) -> None:
        self._acknowledge(message_for(exc), "error")  # it names the code scanned

    def _acknowledge(self, text: str, state: str) -> None:
        colour = COLOURS[state]
        self.ack.setText(text)
        self.ack.setStyleSheet(f"color: {colour};")
        item = QListWidgetItem(f"{QTime.currentTime().toString('HH:mm:ss')}  {text}")
        item.setForeground(QColor(colour))
        item.setData(Qt.ItemDataRole.UserRole, state)
        self.log.insertItem(0, item)
        QApplication.beep()
        self.acknowledged.emit(text)

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("已到场 {count} 人").format(count=self.counted))
