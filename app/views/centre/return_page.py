"""The 回传 page at the centre: choose a station and a file, and write the signed package
the centre sends it (``centre package-for``): the district's whole deed catalogue, the
notices for it or for every station, its keys the centre revoked and the open exceptions
concerning it. The package is written in the background, and the page then says what it
holds, kind by kind, and where it went.

The station applies it with ``station-desk package apply`` or on its 数据上报 page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from app.services import centre_return, centre_tree, package_export
from app.services.centre_return import Written
from app.services.errors import DeskError
from app.views.common.errors import message_for
from app.views.common.page import Page, PageInfo
from app.views.common.widgets import button_row
from app.views.district import package_page
from app.views.shell.duty import Desk

KINDS = {"catalogue": QT_TRANSLATE_NOOP("ReturnPage", "积分目录 {n} 项"),
         "notice": QT_TRANSLATE_NOOP("ReturnPage", "通知 {n} 条"),
         "revoked_key": QT_TRANSLATE_NOOP("ReturnPage", "吊销的密钥 {n} 个"),
         "exception": QT_TRANSLATE_NOOP("ReturnPage", "待处理异常 {n} 条")}


class ReturnPage(Page):
    info = PageInfo("returns", QT_TRANSLATE_NOOP("MainWindow", "回传"), order=60)
    refresh_on_show = True  # another page or the command line may have written one

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.next_seq: dict[str, int] = {}  # by station: the number its next package takes
        self.add_title(self.tr("回传站点"))
        about = QLabel(self.tr(
            "为一个站点写出区中心签名的回传包：全部积分目录、发给它或发给所有站点的通知、"
            "被吊销的密钥和涉及它的待处理异常。站点在“数据上报”页或用 "
            "station-desk package apply 导入。"))
        about.setWordWrap(True)
        self.column.addWidget(about)
        self.station = QComboBox()
        self.station.setObjectName("returnStation")
        self.next_label = QLabel()
        self.next_label.setObjectName("returnNext")
        row = QHBoxLayout()
        for widget in (QLabel(self.tr("站点")), self.station, self.next_label):
            row.addWidget(widget)
        row.addStretch(1)
        self.column.addLayout(row)
        self.write_button = QPushButton(self.tr("写出回传包…"))
        self.write_button.setObjectName("returnWrite")
        self.column.addLayout(button_row(self.write_button))
        self.written = QPlainTextEdit()
        self.written.setObjectName("returnWritten")
        self.written.setReadOnly(True)
        self.column.addWidget(self.written, 1)
        self.column.addWidget(self.feedback)
        self.station.currentIndexChanged.connect(self._on_station_current_index_changed)
        self.write_button.clicked.connect(self._on_write_button_clicked)

    def refresh(self) -> None:
        try:
            made = centre_tree.tree(self.desk.today())
        except DeskError as exc:
            self.write_button.setEnabled(False)
            self.feedback.show_error(message_for(exc))
            return
        chosen = self.chosen()
        self.station.blockSignals(True)
        self.station.clear()
        self.next_seq = {s.code: s.sent_seq + 1 for s in made.stations}
        for institute in made.institutes:
            for s in institute.stations:
                self.station.addItem(f"{s.code} {s.name}（{institute.name}）", s.code)
        found = self.station.findData(chosen) if chosen else -1
        self.station.setCurrentIndex(max(found, 0) if self.station.count() else -1)
        self.station.blockSignals(False)
        self._on_station_current_index_changed()
        if not self.station.count():
            self.feedback.show_info(self.tr("还没有登记站点（centre add-station）。"))

    def chosen(self) -> str | None:
        """The code of the station chosen."""
        return self.station.currentData()

    def _on_station_current_index_changed(self, *args: object) -> None:
        code = self.chosen()
        self.write_button.setEnabled(code is not None)
        self.next_label.setText("" if code is None else self.tr(
            "将写出第 {seq} 号回传包").format(seq=self.next_seq[code]))

    def _on_write_button_clicked(self) -> None:
        code = self.chosen()
        if code is None:
            return
        name = "centre-" + package_export.default_name(code, self.next_seq[code])
        path = package_page.choose_save(self, name)
        if path is None:
            return
        ctx = self.desk.ctx
        self.write_button.setEnabled(False)
        self.desk.run(self, lambda: centre_return.package_for(ctx, code, path),
                      self._on_written, self._on_failed, self.tr("正在写出回传包…"))

    def _on_written(self, done: Written) -> None:
        self.refresh()
        parts = [self.tr(KINDS[kind]).format(n=n) if kind in KINDS else f"{kind} {n}"
                 for kind, n in sorted(done.counts.items())]
        self.written.setPlainText("\n".join([
            self.tr("站点 {station} 的第 {seq} 号回传包，内容：").format(
                station=done.station, seq=done.seq),
            *(f"  • {part}" for part in parts),
            self.tr("文件：{path}").format(path=done.path),
            self.tr("SHA-256：{sha}").format(sha=done.sha256)]))
        self.feedback.show_ok(self.tr("已写出 {station} 的第 {seq} 号回传包：{file}").format(
            station=done.station, seq=done.seq, file=Path(done.path).name))

    def _on_failed(self, exc: BaseException) -> None:
        self._on_station_current_index_changed()
        self.feedback.show_error(message_for(exc))
