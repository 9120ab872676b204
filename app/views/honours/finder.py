"""A resident found as the desk finds one, inside a dialog: type a name, pinyin initials,
a resident number, a phone's or ID's last digits, or scan a card, and press Enter; one
match is taken at once, several fill the list (Down or Enter goes into it, Enter picks).
Only masked numbers are shown (the desk's own search results)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from app.services import residents
from app.services.search import ResidentHit
from app.views.common.errors import message_for
from app.views.common.keys import SearchListKeys, enter_list
from app.views.common.widgets import EnterKey, table_view
from app.views.tables.rows import ROW_ROLE, SearchModel


class ResidentFinder(QWidget):
    picked = Signal(object)  # the ResidentHit chosen, or None when cleared

    def __init__(self, name: str, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hit: ResidentHit | None = None
        self.query = QLineEdit(objectName=f"{name}Query")
        self.query.setPlaceholderText(placeholder or self.tr(
            "姓名、拼音首字母、居民编号、手机或证件号后四位，回车查找"))
        self.query.setClearButtonEnabled(True)
        self.model = SearchModel(self)
        self.results = table_view(self.model, f"{name}Results")
        self.results.setVisible(False)
        self.results.setMaximumHeight(150)
        self.chosen = QLabel(objectName=f"{name}Chosen")
        self.chosen.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.query)
        column.addWidget(self.results)
        column.addWidget(self.chosen)
        self.setFocusProxy(self.query)
        EnterKey(self.query, self._on_query_entered)
        SearchListKeys(self.query, self.results)
        self.results.activated.connect(self._on_results_activated)
        self.query.textEdited.connect(self._on_query_text_edited)

    def _on_query_text_edited(self, text: str) -> None:
        if self.hit is not None:
            self._take(None)

    def _on_query_entered(self) -> None:
        typed = self.query.text().strip()
        if not typed:
            return
        card = typed.upper()
        if residents.CARD_PATTERN.fullmatch(card):
            try:
                found = residents.by_card(card)
            except Exception as exc:  # noqa: BLE001 - a refusal is shown, never fatal
                self.chosen.setText(message_for(exc))
                return
            self.model.search(found.resident_no)
        else:
            self.model.search(typed)
        count = self.model.rowCount()
        self.results.setVisible(count > 1)
        if count == 1:
            self._take(self.model.row_at(0))
        elif count > 1:
            enter_list(self.results)
            self.chosen.setText(self.tr("找到多位居民：用 ↑↓ 选择，回车选定。"))
        else:
            self.chosen.setText(self.tr("找不到“{query}”。").format(query=typed))

    def _on_results_activated(self, index: QModelIndex) -> None:
        hit = index.data(ROW_ROLE)
        if hit is not None:
            self._take(hit)
            self.results.setVisible(False)
            self.query.setFocus(Qt.FocusReason.OtherFocusReason)
            self.focusNextChild()

    def _take(self, hit: ResidentHit | None) -> None:
        self.hit = hit
        self.chosen.setText(self.tr("已选：{name}（{no}）").format(name=hit.name,
                                                              no=hit.resident_no)
                            if hit else "")
        self.picked.emit(hit)
        if hit is not None and self.query.hasFocus():
            self.query.focusNextChild()

    @property
    def resident_id(self) -> int | None:
        return self.hit.id if self.hit else None
