"""The 光荣榜 page: the period's commendations and the nominations waiting for a decision;
an admin records (F2), decides (F4) and withdraws (Delete) commendations, any clerk
records a nomination (F3), and the poster of the period prints on A4 or A3 (Ctrl+P).

A clerk pressing an admin's key is told so on the feedback line; the services refuse
(and audit) in any case."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.services import honour_roll, honours, nominations
from app.services.changes import Changes
from app.services.errors.honours import BadPeriod
from app.services.honour_roll import Period
from app.views.common.errors import message_for
from app.views.common.page import Page, PageInfo, ReportingDialog
from app.views.documents import output
from app.views.honours.models import CommendationsModel, NominationsModel
from app.views.shell.duty import Desk
from app.views.tables.rows import ROW_ROLE


class HonoursPage(Page):
    info = PageInfo("honours", QT_TRANSLATE_NOOP("MainWindow", "光荣榜"), order=160)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.add_title(self.tr("光荣榜"))
        self.dialog: ReportingDialog | None = None
        today = desk.today()
        self.period = QLineEdit(f"{today.year}-{today.month:02d}", objectName="honourPeriod")
        self.period.setToolTip(self.tr("2026-11（月）、2026Q4（季度）或 2026（年），回车显示"))
        self.size = QComboBox(objectName="honourSize")
        self.size.addItems(["A4", "A3"])
        self.top = QSpinBox(objectName="honourTop")
        self.top.setRange(0, honour_roll.MAX_TOP)
        self.top.setValue(honour_roll.DEFAULT_TOP)
        self.print_button = QPushButton(self.tr("打印光荣榜… (Ctrl+P)"), objectName="honourPrint")
        self.commendations = CommendationsModel(self)
        self.commendation_table = self.make_table(self.commendations, "honourCommendations")
        self.nominations = NominationsModel(self)
        self.nomination_table = self.make_table(self.nominations, "honourNominations")
        self.record_button = QPushButton(self.tr("登记表彰… (F2)"), objectName="honourRecord")
        self.nominate_button = QPushButton(self.tr("推荐身边好人… (F3)"),
                                           objectName="honourNominate")
        self.decide_button = QPushButton(self.tr("评议推荐… (F4)"), objectName="honourDecide")
        self.withdraw_button = QPushButton(self.tr("撤销表彰… (Delete)"),
                                           objectName="honourWithdraw")
        self._lay_out()
        self._connect()
        self._on_clerk_changed()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        for label, widget in ((self.tr("期间"), self.period), (self.tr("纸张"), self.size),
                              (self.tr("积分榜人数"), self.top)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            bar.addWidget(caption)
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        self.column.addLayout(bar)
        self.column.addWidget(self.feedback)
        self.column.addWidget(self.commendation_table, 3)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for button in (self.record_button, self.withdraw_button):
            actions.addWidget(button)
        self.column.addLayout(actions)
        heading = QLabel(self.tr("待评议的推荐（我推荐我评议身边好人）"))
        heading.setObjectName("formHeading")
        self.column.addWidget(heading)
        self.column.addWidget(self.nomination_table, 2)
        more = QHBoxLayout()
        more.addStretch(1)
        for button in (self.nominate_button, self.decide_button):
            more.addWidget(button)
        self.column.addLayout(more)
        self.setFocusProxy(self.period)

    def _connect(self) -> None:
        self.period.returnPressed.connect(self.refresh)
        self.print_button.clicked.connect(self.print_roll)
        self.record_button.clicked.connect(self.record)
        self.nominate_button.clicked.connect(self.nominate)
        self.decide_button.clicked.connect(self.decide)
        self.withdraw_button.clicked.connect(self.withdraw)
        for key, slot in (("Ctrl+P", self.print_roll), ("F2", self.record),
                          ("F3", self.nominate), ("F4", self.decide)):
            QShortcut(QKeySequence(key), self, slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.commendation_table,
                  self.withdraw, context=Qt.ShortcutContext.WidgetShortcut)
        self.desk.clerk_changed.connect(self._on_clerk_changed)

    def _on_clerk_changed(self, *args: object) -> None:
        admin = self.desk.is_admin
        for button in (self.record_button, self.decide_button, self.withdraw_button):
            button.setVisible(admin)

    def concerns(self, changes: Changes, initiator: object) -> bool:
        # the lists show residents' names: a renamed resident is read again
        return changes.honours or bool(changes.residents) or changes.all_residents

    def _period(self) -> Period | None:
        try:
            return honour_roll.parse_period(self.period.text())
        except BadPeriod as exc:  # shown; the lists stay as they were
            self.feedback.show_error(message_for(exc))
            self.period.setFocus()
            self.period.selectAll()
            return None

    def refresh(self) -> None:
        period = self._period()
        if period is None:
            return
        self.commendations.set_rows(honours.commendations(period.start, period.end,
                                                          include_withdrawn=True))
        self.nominations.set_rows(nominations.nominations())
        if self.feedback.state() == "error":
            self.feedback.clear_message()

    # -- actions ------------------------------------------------------------------------
    def _admin_only(self, what: str) -> bool:
        if self.desk.is_admin:
            return True
        self.feedback.show_error(self.tr("{what}需要管理员登录。").format(what=what))
        return False

    def _open(self, dialog: ReportingDialog) -> None:
        self.dialog = dialog
        dialog.reported.connect(self._on_dialog_reported)
        dialog.finished.connect(dialog.deleteLater)  # a new one each time: none piles up
        dialog.open()

    def _on_dialog_reported(self, message: str) -> None:
        self.feedback.show_ok(message)
        self.desk.post(message)

    def record(self) -> None:
        from app.views.honours.forms import CommendationDialog

        if self._admin_only(self.tr("登记表彰")):
            self._open(CommendationDialog(self.desk, self))

    def nominate(self) -> None:
        from app.views.honours.forms import NominationDialog

        self._open(NominationDialog(self.desk, self))

    def decide(self) -> None:
        from app.views.honours.decide import DecideDialog

        if not self._admin_only(self.tr("评议推荐")):
            return
        chosen = self.nomination_table.currentIndex().data(ROW_ROLE)
        if chosen is None:
            self.feedback.show_error(self.tr("请先在推荐列表中选中一条（↑↓）。"))
            self.nomination_table.setFocus()
            return
        self._open(DecideDialog(self.desk, chosen, self))

    def withdraw(self) -> None:
        from app.views.honours.decide import WithdrawDialog

        if not self._admin_only(self.tr("撤销表彰")):
            return
        chosen = self.commendation_table.currentIndex().data(ROW_ROLE)
        if chosen is None:
            self.feedback.show_error(self.tr("请先在表彰列表中选中一条（↑↓）。"))
            self.commendation_table.setFocus()
            return
        if chosen.withdrawn_at:
            self.feedback.show_error(self.tr("这项表彰已撤销。"))
            return
        self._open(WithdrawDialog(self.desk, chosen, self))

    def print_roll(self) -> None:
        """The period's poster, previewed, to print or save."""
        from app.views.documents.pdf_preview import PdfDialog

        period = self._period()
        if period is None:
            return
        size, top, today = self.size.currentText(), self.top.value(), self.desk.today()

        def render() -> output.Made:
            from app.printing.honour_roll import honour_roll_printout

            printout = honour_roll_printout(honour_roll.roll(period, today, top), size)
            return printout, output.unprintable(printout.people)

        self.dialog = PdfDialog(self.desk, self.tr("光荣榜 {period}").format(
            period=period.label), render, self)
        self.dialog.open()
