"""The resident the clerk is serving: who they are, their balance in large type,
today's check-ins, deeds still waiting for review (recorded, but not yet points), the
actions (with their shortcuts) and recent ledger entries.

ID and phone are shown masked. An admin may reveal the full numbers (the service audits
each look); they are masked again as soon as another resident is shown or the desk
locks, so they never stay on an unattended screen. An admin may also reverse a ledger
entry picked in the table (``reverse_requested``; the desk page asks for the reason).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services import checkins, notice_board, residents
from app.services import station as station_service
from app.services.ledger import EntryRow
from app.services.residents import ResidentView, Revealed
from app.views.common import labels
from app.views.common.errors import message_for
from app.views.common.flow import FlowLayout
from app.views.common.widgets import Feedback, table_view
from app.views.shell.duty import Desk
from app.views.tables.rows import ROW_ROLE, LedgerModel


class ResidentPanel(QWidget):
    """Shows one resident; ``show_resident(None)`` shows the hint to scan a card."""

    reverse_requested = Signal(object)  # the EntryRow an admin wants to reverse

    def __init__(self, desk: Desk, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.resident: ResidentView | None = None
        self.revealed: Revealed | None = None
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
        self.pending = QLabel()
        self.pending.setObjectName("pendingDeeds")
        self.pending.setWordWrap(True)
        self.pending.setVisible(False)
        self.feedback = Feedback()
        grid = self._make_details()
        head = self._make_head()
        buttons = self._make_buttons(actions)
        ledger_head = self._make_ledger()
        card = QFrame()
        card.setObjectName("residentCard")
        card_layout = QVBoxLayout(card)
        card_layout.addLayout(head)
        card_layout.addLayout(grid)
        card_layout.addWidget(self.pending)
        card_layout.addLayout(buttons)
        card_layout.addWidget(self.feedback)
        card_layout.addLayout(ledger_head)
        card_layout.addWidget(self.ledger, 1)

        self.empty = QLabel()
        self.empty.setObjectName("emptyHint")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.empty)
        self._stack.addWidget(card)
        self.show_resident(None)
        desk.clerk_changed.connect(self._on_desk_clerk_changed)
        self.reveal_button.clicked.connect(self._on_reveal_button_clicked)
        self.reverse_button.clicked.connect(self._on_reverse_button_clicked)
        self.ledger.selectionModel().currentChanged.connect(self._update_admin_tools)
        self._update_admin_tools()

    def _make_details(self) -> QGridLayout:
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
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.details[key] = value
            grid.addWidget(caption, n, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, n, 1)
        grid.setColumnStretch(1, 1)
        self.reveal_button = QPushButton(self.tr("显示完整号码"))
        self.reveal_button.setObjectName("revealButton")
        self.reveal_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.reveal_button.setToolTip(self.tr("仅管理员可用；每次查看都会记入操作日志"))
        grid.addWidget(self.reveal_button, 0, 2, 2, 1, Qt.AlignmentFlag.AlignTop)
        return grid

    def _make_head(self) -> QGridLayout:
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
        return head

    def _make_buttons(self, actions: list[QAction]) -> FlowLayout:
        buttons = FlowLayout()  # wraps: the panel never forces the window past the screen
        self.buttons: list[QToolButton] = []
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setObjectName("actionButton")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            buttons.addWidget(button)
            self.buttons.append(button)
        return buttons

    def _make_ledger(self) -> QHBoxLayout:
        self.ledger_model = LedgerModel(self)
        self.ledger = table_view(self.ledger_model, "ledgerTable")
        ledger_caption = QLabel(self.tr("积分流水"))
        ledger_caption.setObjectName("sectionTitle")
        self.reverse_button = QPushButton(self.tr("冲正所选流水…"))
        self.reverse_button.setObjectName("reverseButton")
        self.reverse_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        ledger_head = QHBoxLayout()
        ledger_head.addWidget(ledger_caption, 1)
        ledger_head.addWidget(self.reverse_button)
        return ledger_head

    def show_resident(self, resident_id: int | None, searching: bool = False) -> None:
        """``searching``: nobody is shown because the clerk started a new query."""
        self.revealed = None  # full numbers belong to the resident they were asked for
        self.feedback.clear_message()
        if resident_id is None:
            self.resident = None
            if searching:
                self.empty.setText(self.tr("未选择居民。请在左侧结果中选择（回车打开），或扫描居民卡。"))
            else:
                self.empty.setText(self.tr(
                    "扫描居民卡，或在上方输入姓名、拼音首字母、手机号或证件号后几位查找居民。"))
            for label in (self.name, self.number, self.balance, self.pending,
                          *self.details.values()):
                label.clear()  # nothing of the last resident stays in the window
            self.ledger_model.show_resident(None)
            self._stack.setCurrentIndex(0)
            self._update_admin_tools()
            return
        r = residents.get(resident_id)
        self.resident = r
        times = checkins.times_today(r.id, self.desk.today())
        self.checked_in = [purpose for purpose, _ in times]
        self.name.setText(r.name + (self.tr("（已归档）") if r.archived else ""))
        born = f" · {r.birth_date[:4]}" if r.birth_date else ""
        self.number.setText(self.tr("居民编号 {no}").format(no=r.resident_no)
                            + (f" · {labels.gender(r.gender)}" if r.gender else "") + born)
        self.balance.setText(str(r.balance))
        info = station_service.current()
        self.yuan.setText(self.tr("约合 {yuan} 元").format(yuan=station_service.yuan_of(
            max(r.balance, 0), info)))
        self._show_numbers()
        self.details["address"].setText(r.address or "—")
        self.details["grid"].setText(r.grid or "—")
        known = labels.tag_list()
        self.details["tags"].setText(labels.join([labels.tag(t, known) for t in r.tags]) or "—")
        self.details["checkin"].setText(self.tr("是：{times}").format(times=labels.join(
            [f"{at} {labels.purpose(p)}" for p, at in times])) if times else self.tr("否"))
        self._show_pending(r.id)
        self.ledger_model.show_resident(r.id)
        self._stack.setCurrentIndex(1)
        self._update_admin_tools()

    def _show_pending(self, resident_id: int) -> None:
        """The resident's deeds not counted yet: waiting for review, or on notice."""
        texts = {"pending": self.tr("待审核：{deed} {points:+d} 分（{date}），通过后计入"),
                 "notice": self.tr("公示中：{deed} {points:+d} 分，公示至 {until}，期满后计入"),
                 "objected": self.tr("有异议：{deed} {points:+d} 分，待管理员处理")}
        waiting = [d for d in notice_board.entries(self.desk.today(), resident_id=resident_id)
                   if d.state in texts]
        self.pending.setText("\n".join(texts[d.state].format(
            deed=labels.deed_name(d.deed_name, d.deed_name_en), points=d.points,
            date=d.deed_date, until=d.notice_until) for d in waiting))
        self.pending.setVisible(bool(waiting))

    def _show_numbers(self) -> None:
        r, full = self.resident, self.revealed
        if r is None:
            return
        self.details["id"].setText((full.id_number if full else r.id_masked)
                                   or labels.id_type("none"))
        self.details["phone"].setText((full.phone if full else r.phone_masked) or "—")
        self.reveal_button.setText(self.tr("隐藏") if full else self.tr("显示完整号码"))

    def hide_numbers(self) -> None:
        self.revealed = None
        self._show_numbers()

    def selected_entry(self) -> EntryRow | None:
        return self.ledger.currentIndex().data(ROW_ROLE)

    def _update_admin_tools(self, *args: object) -> None:
        admin = self.desk.is_admin
        self.reveal_button.setVisible(admin)
        self.reverse_button.setVisible(admin)
        self.reverse_button.setEnabled(admin and self.selected_entry() is not None)

    def _on_desk_clerk_changed(self, actor: object) -> None:
        self.hide_numbers()  # locked, or another clerk: the full numbers go
        self._update_admin_tools()

    def _on_reveal_button_clicked(self) -> None:
        if self.resident is None:
            return
        if self.revealed is not None:
            self.hide_numbers()
            return
        ctx, rid = self.desk.ctx, self.resident.id
        self.desk.run(self, lambda: residents.reveal(ctx, rid), self._on_reveal_succeeded,
                      self._on_reveal_failed)

    def _on_reveal_succeeded(self, revealed: Revealed) -> None:
        self.revealed = revealed
        self._show_numbers()

    def _on_reveal_failed(self, exc: BaseException) -> None:
        self.feedback.show_error(message_for(exc))

    def _on_reverse_button_clicked(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.reverse_requested.emit(entry)
