"""The 数据上报 page (admin): export the package for the district centre, with progress and
cancel, apply a package the centre sent back and see what it changed, and read the
centre's notices and exceptions (unread first).

The export runs on the backups' worker, as the reports page counts: it reads the whole
station in one snapshot and only then writes its one row, so the clerk's next deed does
not queue behind it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services import package_apply, package_export, package_identities, station
from app.services.changes import Changes
from app.services.errors.packages import CentreKeyUntrusted
from app.views.common import preferences, widgets
from app.views.common.errors import message_for
from app.views.common.page import Page, PageInfo
from app.views.common.widgets import button_row
from app.views.shell.duty import Desk

PATTERN = "StationDesk package (*.sdpkg)"


def choose_save(parent: QWidget, name: str) -> Path | None:
    """Where to write the package (the system's save dialog); None if cancelled. Looked
    up as ``package_page.choose_save`` at each export, so a test can answer it."""
    folder = preferences.get(preferences.LAST_SAVE_DIR) or str(Path.home())
    chosen, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("PackagePage", "导出上报包"),
        str(Path(folder) / name), PATTERN)
    if not chosen:
        return None
    path = Path(chosen if chosen.endswith(".sdpkg") else chosen + ".sdpkg")
    preferences.put(preferences.LAST_SAVE_DIR, str(path.parent))
    return path


def choose_open(parent: QWidget) -> Path | None:
    """The centre's package to apply (the system's open dialog); None if cancelled."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("PackagePage", "导入区中心的包"),
        preferences.get(preferences.LAST_SAVE_DIR) or str(Path.home()), PATTERN)
    return Path(chosen) if chosen else None


class _Applied:
    """A centre package's summary as a write the desk announces: the catalogue and the
    keys may have changed."""

    changes = Changes(catalogue=True, settings=True)

    def __init__(self, summary: dict) -> None:
        self.summary = summary


class PackagePage(Page):
    info = PageInfo("packages", QT_TRANSLATE_NOOP("MainWindow", "数据上报"), order=155,
                    admin_only=True)
    refresh_on_show = True

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.add_title(self.tr("数据上报"))
        content = QWidget()
        boxes = QVBoxLayout(content)
        boxes.addWidget(self._export_box())
        boxes.addWidget(self._apply_box())
        boxes.addWidget(self._messages_box(), 1)
        scroll = QScrollArea()  # the window stays as small as the other pages let it
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        self.column.addWidget(self.feedback)
        self.column.addWidget(scroll, 1)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        self.read_button.clicked.connect(self._on_read_button_clicked)
        self.messages.selectionModel().currentRowChanged.connect(self._on_message_current)

    def _export_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("上报区中心"))
        self.last_label = QLabel()
        self.last_label.setObjectName("packageLast")
        self.identities_label = QLabel()
        self.identities_label.setObjectName("packageIdentities")
        self.identities_label.setWordWrap(True)
        self.full_box = QCheckBox(self.tr("全量：从头导出全部记录"))
        self.full_box.setObjectName("packageFull")
        self.export_button = QPushButton(self.tr("导出上报包…"))
        self.export_button.setObjectName("packageExport")
        layout = QVBoxLayout(box)
        for widget in (self.last_label, self.identities_label, self.full_box):
            layout.addWidget(widget)
        layout.addLayout(button_row(self.export_button))
        return box

    def _apply_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("区中心下发"))
        self.apply_button = QPushButton(self.tr("导入区中心的包…"))
        self.apply_button.setObjectName("packageApply")
        self.changed = QPlainTextEdit()
        self.changed.setObjectName("packageChanged")
        self.changed.setReadOnly(True)
        self.changed.setMaximumHeight(120)
        layout = QVBoxLayout(box)
        layout.addWidget(self.changed)
        layout.addLayout(button_row(self.apply_button))
        return box

    def _messages_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("区中心的通知和异常"))
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("状态"), self.tr("收到时间"), self.tr("标题")])
        self.messages = self.make_table(self.model, "packageMessages")
        self.body = QPlainTextEdit()
        self.body.setObjectName("packageMessageBody")
        self.body.setReadOnly(True)
        self.body.setMaximumHeight(120)
        self.read_button = QPushButton(self.tr("标为已读"))
        self.read_button.setObjectName("packageRead")
        self.read_button.setEnabled(False)
        layout = QVBoxLayout(box)
        layout.addWidget(self.messages, 1)
        layout.addWidget(self.body)
        layout.addLayout(button_row(self.read_button))
        return box

    def concerns(self, changes: Changes, initiator: object) -> bool:
        return changes.settings

    def refresh(self) -> None:
        last = package_export.last_export()
        self.last_label.setText(
            self.tr("尚未导出过上报包。") if last is None else
            self.tr("上一个包：第 {seq} 号，{at} 导出。").format(
                seq=last.seq, at=last.created_at.isoformat(sep=" ")))
        self.identities_label.setText(
            self.tr("上报包带居民姓名、证件号和手机号（在“设置”中更改）。")
            if package_identities.sharing() else
            self.tr("居民只以化名出现，不带姓名、证件号和手机号（在“设置”中更改）。"))
        self._show_messages()

    def _show_messages(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for m in package_apply.messages():
            state = QStandardItem(self.tr("已读") if m["read"] else self.tr("未读"))
            state.setData(m, Qt.ItemDataRole.UserRole)
            self.model.appendRow([state, QStandardItem(m["received_at"]),
                                  QStandardItem(m["title"])])
        self.body.clear()
        self.read_button.setEnabled(False)

    def selected(self) -> dict | None:
        index = self.messages.currentIndex()
        return self.model.item(index.row(), 0).data(Qt.ItemDataRole.UserRole) \
            if index.isValid() else None

    def _on_message_current(self, *args: object) -> None:
        chosen = self.selected()
        self.body.setPlainText(chosen["body"] if chosen else "")
        self.read_button.setEnabled(bool(chosen) and not chosen["read"])

    def _on_read_button_clicked(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        ctx = self.desk.ctx
        self.desk.run(self, lambda: package_apply.mark_read(ctx, chosen["uid"]),
                      lambda _: self._show_messages(), self._on_failed)

    def _on_export_button_clicked(self) -> None:
        name = package_export.default_name(station.current().code, package_export.next_seq())
        path = choose_save(self, name)
        if path is None:
            return
        ctx, full = self.desk.ctx, self.full_box.isChecked()
        self.export_button.setEnabled(False)
        self.desk.backup_runner.run(
            self, lambda handle: package_export.export(
                ctx, path, full, progress=lambda n, _kind: handle.report(n, 0)),
            self._on_exported, self._on_failed, self.tr("正在导出上报包…"), cancellable=True)

    def _on_exported(self, done: package_export.Exported) -> None:
        self.export_button.setEnabled(True)
        self.refresh()
        self.feedback.show_ok(self.tr("已导出第 {seq} 号上报包：{n} 条记录，{mb:.1f} MB，用时 "
                                      "{s} 秒。{file}").format(
            seq=done.seq, n=sum(done.counts.values()), mb=done.bytes / 1e6, s=done.seconds,
            file=done.file))

    def _on_apply_button_clicked(self) -> None:
        path = choose_open(self)
        if path is not None:
            self._apply(path, None)

    def _apply(self, path: Path, trust: str | None) -> None:
        ctx = self.desk.ctx
        self.desk.perform(self, lambda: _Applied(package_apply.apply(ctx, path, trust)),
                          self._on_applied, lambda exc: self._on_apply_failed(path, exc))

    def _on_apply_failed(self, path: Path, exc: BaseException) -> None:
        if isinstance(exc, CentreKeyUntrusted) and widgets.confirm(
                self, self.tr("认定区中心公钥"),
                self.tr("本站第一次导入区中心的包。中心公钥指纹：\n\n{fp}\n\n请与区中心电话核对，"
                        "一致才继续；此后只认这把公钥。").format(fp=exc.fingerprint),
                self.tr("指纹一致，导入")):
            self._apply(path, exc.fingerprint)
            return
        self._on_failed(exc)

    def _on_applied(self, done: _Applied) -> None:
        self.changed.setPlainText("\n".join(package_apply.summary_lines(done.summary)))
        self.refresh()
        self.feedback.show_ok(self.tr("已导入区中心第 {seq} 号包。").format(
            seq=done.summary["seq"]))

    def _on_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.feedback.show_error(message_for(exc))
