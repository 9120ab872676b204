"""The resident the clerk is serving: who they are, their balance in large type,
today's check-ins, the actions (with their shortcuts) and recent ledger entries."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStackedLayout,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services import checkins, residents
from app.services import station as station_service
from app.services.residents import ResidentView
from app.views import labels
from app.views.desk import Desk
from app.views.models import LedgerModel
from app.views.widgets import setup_table


class ResidentPanel(QWidget):
    """Shows one resident; ``show_resident(None)`` shows the hint to scan a card."""

    def __init__(self, desk: Desk, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.resident: ResidentView | None = None
        self.checked_in: list[str] = []
        self.name = QLabel()
        self.name.setObjectName("residentName")
        self.number = QLabel()
        self.number.setObjectName("residentNumber")
        self.balance = QLabel()
        self.balance.setObjectName("balance")
        self.balance.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.yuan = QLabel()
        self.yuan.setObjectName("hint")
        self.yuan.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.details: dict[str, QLabel] = {}
        grid = QGridLayout()
        rows = (("id", self.tr("证件")), ("phone", self.tr("手机")),
                ("address", self.tr("住址")), ("grid", self.tr("网格")),
                ("tags", self.tr("标签")), ("checkin", self.tr("今日签到")))
        for n, (key, title) in enumerate(rows):
            caption = QLabel(title)
            caption.setObjectName("caption")
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.details[key] = value
            grid.addWidget(caption, n, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, n, 1)
        grid.setColumnStretch(1, 1)

        head = QGridLayout()
        head.addWidget(self.name, 0, 0)
        head.addWidget(self.number, 1, 0)
        balance_caption = QLabel(self.tr("积分余额"))
        balance_caption.setObjectName("caption")
        balance_caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        head.addWidget(balance_caption, 0, 1)
        head.addWidget(self.balance, 1, 1)
        head.addWidget(self.yuan, 2, 1)
        head.setColumnStretch(0, 1)

        buttons = QHBoxLayout()
        self.buttons: list[QToolButton] = []
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setObjectName("actionButton")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            buttons.addWidget(button)
            self.buttons.append(button)
        buttons.addStretch(1)

        self.ledger_model = LedgerModel(self)
        self.ledger = QTableView()
        self.ledger.setObjectName("ledgerTable")
        self.ledger.setModel(self.ledger_model)
        setup_table(self.ledger, stretch_column=1)
        ledger_caption = QLabel(self.tr("积分流水"))
        ledger_caption.setObjectName("sectionTitle")

        card = QFrame()
        card.setObjectName("residentCard")
        card_layout = QVBoxLayout(card)
        card_layout.addLayout(head)
        card_layout.addLayout(grid)
        card_layout.addLayout(buttons)
        card_layout.addWidget(ledger_caption)
        card_layout.addWidget(self.ledger, 1)

        self.empty = QLabel(
            self.tr("扫描居民卡，或在上方输入姓名、拼音首字母、手机号或证件号后几位查找居民。"))
        self.empty.setObjectName("emptyHint")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.empty)
        self._stack.addWidget(card)
        desk.resident_changed.connect(self._on_desk_resident_changed)

    def show_resident(self, resident_id: int | None) -> None:
        if resident_id is None:
            self.resident = None
            self.ledger_model.show_resident(None)
            self._stack.setCurrentIndex(0)
            return
        r = residents.get(resident_id)
        self.resident = r
        self.checked_in = checkins.purposes_today(r.id, self.desk.today())
        self.name.setText(r.name + (self.tr("（已归档）") if r.archived else ""))
        born = f" · {r.birth_date[:4]}" if r.birth_date else ""
        self.number.setText(self.tr("居民编号 {no}").format(no=r.resident_no)
                            + (f" · {labels.gender(r.gender)}" if r.gender else "") + born)
        self.balance.setText(str(r.balance))
        info = station_service.current()
        self.yuan.setText(self.tr("约合 {yuan} 元").format(yuan=station_service.yuan_of(
            max(r.balance, 0), info)))
        self.details["id"].setText(r.id_masked or labels.id_type("none"))
        self.details["phone"].setText(r.phone_masked or "—")
        self.details["address"].setText(r.address or "—")
        self.details["grid"].setText(r.grid or "—")
        self.details["tags"].setText(labels.join([labels.tag(t) for t in r.tags]) or "—")
        self.details["checkin"].setText(
            labels.join([labels.purpose(p) for p in self.checked_in]) if self.checked_in
            else self.tr("未签到"))
        self.ledger_model.show_resident(r.id)
        self._stack.setCurrentIndex(1)

    def _on_desk_resident_changed(self, resident_id: int) -> None:
        if self.resident is not None and self.resident.id == resident_id:
            self.show_resident(resident_id)
