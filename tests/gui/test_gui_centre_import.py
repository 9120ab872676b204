"""The centre's 数据导入 page: the clerk chooses several station packages (or drops
them on the page), they are imported in the background, and the table says for each file
what happened: imported, imported before, refused with its reason; Cancel leaves the
files not yet begun untouched."""

from __future__ import annotations

import zipfile

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.models.district import DistrictRecord, MemberStation, PackageReceipt
from app.services import package_file, package_import
from app.views.centre import import_page
from app.views.centre.import_page import CentreImportPage
from app.views.common.background import Progress, Runner
from app.views.shell.duty import Desk
from app.views.tables.rows import BAD
from tests.unit import centre_support
from tests.unit.centre_support import snapshot

pytestmark = pytest.mark.gui
district, hub = centre_support.district, centre_support.hub


@pytest.fixture
def page(hub, qtbot):
    shown = CentreImportPage(Desk(hub, Runner(synchronous=True)))
    qtbot.addWidget(shown)
    shown.resize(1100, 500)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def tampered(source, target):
    """The package with one record's points changed after it was signed."""
    with zipfile.ZipFile(source) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members[package_file.RECORDS] = members[package_file.RECORDS].replace(
        b'"amount":100', b'"amount":900', 1)
    with zipfile.ZipFile(target, "w") as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return target


def _choose(page, qtbot, monkeypatch, paths) -> None:
    monkeypatch.setattr(import_page, "choose_files", lambda parent: list(paths))
    page.choose_button.setFocus()
    qtbot.keyClick(page.choose_button, Qt.Key.Key_Space)


def _table(page) -> list[list[str]]:
    model = page.model
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def _records(code: str) -> int:
    return DistrictRecord.select().join(MemberStation).where(MemberStation.code == code).count()


def test_two_good_files_are_imported_and_a_tampered_one_refused_with_its_reason(
        page, qtbot, monkeypatch, district, tmp_path, qtmodeltester):
    bad = tampered(district.a[1], tmp_path / "XH01-bad.sdpkg")
    _choose(page, qtbot, monkeypatch, [district.a[1], bad, district.b1])
    rows = _table(page)
    assert [r[:4] for r in rows] == [["XH01-00001.sdpkg", "XH01", "1", "已导入"],
                                     ["XH01-bad.sdpkg", "XH01", "1", "拒收"],
                                     ["XH02-00001.sdpkg", "XH02", "1", "已导入"]]
    a_records = len(list(package_file.open_package(district.a[1]).records()))
    b_records = len(list(package_file.open_package(district.b1).records()))
    assert rows[0][4] == str(a_records) and rows[2][4] == str(b_records)
    assert rows[1][7].startswith("XH01-bad.sdpkg 的内容与签名时不一致") and "已拒收" in rows[1][7]
    assert page.model.index(1, 7).data(Qt.ItemDataRole.ToolTipRole).startswith(str(bad))
    assert page.model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) == BAD
    assert page.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert (_records("XH01"), _records("XH02")) == (a_records, b_records)
    assert "导入 2 个" in page.feedback.text() and "拒收 1 个" in page.feedback.text()
    assert page.feedback.state() == "error"
    qtmodeltester.check(page.model)


def test_importing_the_same_files_again_says_already_and_changes_nothing(
        page, qtbot, monkeypatch, district):
    _choose(page, qtbot, monkeypatch, [district.a[1], district.b1])
    before = snapshot()
    _choose(page, qtbot, monkeypatch, [district.b1, district.a[1]])
    assert [r[1:5] for r in _table(page)] == [["XH02", "1", "以前已导入，未改动", "0"],
                                              ["XH01", "1", "以前已导入，未改动", "0"]]
    assert snapshot() == before
    assert page.feedback.state() == "ok" and "以前已导入 2 个" in page.feedback.text()


def test_a_second_copy_of_a_number_shows_the_exceptions_it_brought_up(
        page, qtbot, monkeypatch, district):
    _choose(page, qtbot, monkeypatch, [district.a[1], district.a[2], district.copy_2])
    rows = _table(page)
    assert [r[3] for r in rows] == ["已导入"] * 3
    assert rows[1][6] == "" and "重复核销 1" in rows[2][6] and "包编号重复 1" in rows[2][6]
    assert page.model.index(2, 6).data(Qt.ItemDataRole.ForegroundRole) == BAD


def test_files_dropped_on_the_page_are_imported(page, district):
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(district.b1))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    page.dropEvent(drop)
    assert drop.isAccepted()
    assert [r[1:4] for r in _table(page)] == [["XH02", "1", "已导入"]]


def test_cancel_stops_before_the_next_file_and_leaves_the_rest_untouched(
        page, qtbot, monkeypatch, district):
    class CancelledAfterTheFirst(Progress):
        def report(self, done: int, total: int) -> None:
            if done == 1:
                self.cancel()  # the clerk presses Cancel while the first file is merged
            super().report(done, total)

    monkeypatch.setattr(import_page, "Progress", CancelledAfterTheFirst)
    _choose(page, qtbot, monkeypatch, [district.a[1], district.a[2], district.b1])
    assert [r[3] for r in _table(page)] == ["已导入", "已取消，未导入", "已取消，未导入"]
    assert [(r.station.code, r.seq) for r in PackageReceipt.select()] == [("XH01", 1)]
    assert "取消未导入 2 个" in page.feedback.text() and page.choose_button.isEnabled()


def test_an_import_that_cannot_run_says_why_and_the_page_stays_usable(page, qtbot,
                                                                      monkeypatch, district):
    from app.services.errors.centre import NotACentre

    def refuse(ctx, paths, progress=None):
        raise NotACentre(what="它还没有初始化", what_en="it is not set up yet")

    monkeypatch.setattr(package_import, "import_files", refuse)
    _choose(page, qtbot, monkeypatch, [district.b1])
    assert page.feedback.state() == "error" and "还没有初始化" in page.feedback.text()
    assert page.choose_button.isEnabled() and page.model.rowCount() == 0


def test_in_english_a_refusal_is_given_in_english(page, qtbot, monkeypatch, district, tmp_path):
    from app.views.common import i18n

    bad = tampered(district.a[1], tmp_path / "XH01-bad.sdpkg")
    _choose(page, qtbot, monkeypatch, [bad])
    i18n.build_missing_qm(i18n.TRANSLATIONS, tmp_path)
    assert i18n.install("en", tmp_path) == "en"
    said = page.model.index(0, 7).data()
    assert said.startswith("XH01-bad.sdpkg") and "refused" in said and "已拒收" not in said
    assert page.model.index(0, 7).data(Qt.ItemDataRole.ToolTipRole).startswith(str(bad))
