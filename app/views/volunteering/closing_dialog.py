"""What closing an activity awarded: hours and points per resident, as the ledger holds
them (a deed awaiting review is marked so)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services.activity_close import Closing
from app.views.common.widgets import table_view
from app.views.volunteering.models import AwardsModel


class ClosingDialog(QDialog):

    def __init__(self, closing: Closing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("结算结果"))
        self.resize(760, 480)
        head = self.tr("“{title}”（{date}）：志愿服务共 {hours} 小时，积分 {points} 分").format(
            title=closing.title, date=closing.date, hours=closing.hours, points=closing.points)
        if closing.already_closed:
            head = self.tr("此前已结算，未做任何更改。") + head
        self.heading = QLabel(head)
        self.heading.setObjectName("formHeading")
        self.heading.setWordWrap(True)
        self.model = AwardsModel(self)
        self.model.set_rows(closing.residents)
        self.table = table_view(self.model, "awardsTable")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
