"""The district centre's window: a centre's database opens into it with no wizard and no
sign-in, a station's still opens the station's window (without the centre's pages), the
stations page shows the organisation tree with where each station's packages have got
to, and the return page writes a package the station then applies."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.models import database
from app.models.district import Centre
from app.runtime.config import Config
from app.services import (
    centre,
    centre_members,
    centre_tree,
    package_apply,
    package_file,
    package_import,
)
from app.services.context import Context, FixedClock
from app.views.centre.window import CENTRE_PAGES, CentreWindow
from app.views.common.background import Runner
from app.views.district import package_page
from app.views.district_report.page import DistrictReportPage
from app.views.shell import app as gui_app
from app.views.shell.duty import Desk
from app.views.shell.main_window import PAGE_CLASSES
from app.views.shell.signin import SignInDialog
from app.views.shell.wizard import FirstRunWizard
from app.views.tables.rows import BAD
from tests.conftest import PG_URL
from tests.district_packages import new_station
from tests.unit import centre_support

from .conftest import open_window

pytestmark = pytest.mark.gui

district, hub = centre_support.district, centre_support.hub
EMPTY_INSTITUTE = "河西镇实践所"


@pytest.fixture
def imported(hub, district):
    """The centre with XH01's packages 1 and 2 imported and a copy's number 2 (a double
    redemption), XH02 registered but silent, an institute with no station yet and a
    notice for every station."""
    package_import.import_files(hub, [district.a[1], district.a[2], district.copy_2])
    centre_members.add_institute(hub, EMPTY_INSTITUTE)
    centre_members.add_notice(hub, "十二月例会", "12 月 5 日上午九点", None)
    return hub


def centre_window(ctx: Context, qtbot) -> CentreWindow:  # noqa: ANN001
    desk = Desk(ctx, Runner(synchronous=True))  # nobody signs in at a centre
    window = CentreWindow(desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_a_centre_database_opens_into_the_centre_window_without_a_sign_in(
        db, tmp_path, clock, qapp, qtbot, monkeypatch):
    if PG_URL:
        pytest.skip("the desk is started on a SQLite file here")
    name = centre.init_centre(Context(tmp_path, clock), "城关区新时代文明实践中心").name
    database.close()  # the desk opens it
    asked: list[str] = []
    monkeypatch.setattr(SignInDialog, "show", lambda self: asked.append("early sign-in"))
    monkeypatch.setattr(SignInDialog, "exec", lambda self: asked.append("sign-in") or 0)
    monkeypatch.setattr(FirstRunWizard, "exec", lambda self: asked.append("wizard") or 0)
    seen: list[tuple] = []

    def look() -> None:
        window = next((w for w in qapp.topLevelWidgets()
                       if isinstance(w, CentreWindow) and w.isVisible()), None)
        if window is None:
            return
        poll.stop()
        seen.append((window.windowTitle(), window.current_page_key(),
                     window.desk.actor, window.operator_label.text()))
        window.close()  # as the operator does: the desk's last window closes, it ends

    poll = QTimer()
    poll.timeout.connect(look)
    poll.start(50)
    give_up = QTimer(singleShot=True)  # no centre window: fail, not hang
    give_up.timeout.connect(lambda: qapp.exit(1))
    give_up.start(30_000)
    try:
        assert gui_app.run_gui(Config(tmp_path, str(tmp_path / "station.db"))) == 0
    finally:
        poll.stop()
        give_up.stop()
    assert asked == []
    title, page, actor, operator = seen[0]
    assert title.startswith(name) and page == CENTRE_PAGES[0].info.key and actor is None
    assert centre.operator() in operator


def test_a_station_still_opens_the_station_window_without_the_district_report(
        desk, qtbot):
    assert DistrictReportPage not in PAGE_CLASSES and DistrictReportPage in CENTRE_PAGES
    window = open_window(desk, qtbot)
    assert "district_report" not in window.page_by_key
    titles = [window.sidebar.item(n).text() for n in range(window.sidebar.count())]
    assert not [t for t in titles if "区级报表" in t]


def test_the_stations_page_shows_institutes_stations_and_their_last_package(
        imported, qtbot):
    window = centre_window(imported, qtbot)
    page = window.page_by_key["stations"]
    assert window.current_page_key() == "stations" and page.isVisible()
    expected = centre_tree.tree(imported.clock.today())
    model = page.model
    top = model.index(0, 0)
    assert top.data() == expected.name == Centre.get().name
    institutes = [model.index(r, 0, top).data() for r in range(model.rowCount(top))]
    assert institutes == [i.name for i in expected.institutes]
    assert EMPTY_INSTITUTE in institutes
    shown = {}
    for r in range(model.rowCount(top)):
        node = model.index(r, 0, top)
        for s in range(model.rowCount(node)):
            cells = [model.index(s, c, node) for c in range(model.columnCount())]
            shown[cells[0].data().split()[0]] = cells
    assert sorted(shown) == sorted(s.code for s in expected.stations) == ["XH01", "XH02"]
    xh01 = next(s for s in expected.stations if s.code == "XH01")
    assert xh01.last_seq == 2 and xh01.keys
    cells = shown["XH01"]
    assert cells[1].data() == ", ".join(f"#{k.key_id}" for k in xh01.keys)
    assert xh01.keys[0].fingerprint in cells[1].data(Qt.ItemDataRole.ToolTipRole)
    assert cells[2].data() == "第 2 号"
    assert cells[3].data() == xh01.last_exported_at.isoformat(sep=" ", timespec="minutes")
    assert cells[5].data() == str((imported.clock.today() - xh01.last_exported_at.date()).days)
    assert cells[6].data() == str(xh01.open_exceptions)
    assert cells[0].data(Qt.ItemDataRole.ForegroundRole) != BAD
    silent = shown["XH02"]
    assert silent[2].data() == "未上报" and silent[5].data() == ""
    assert silent[0].data(Qt.ItemDataRole.ForegroundRole) == BAD
    assert "2 个站点，其中 1 个从未上报" in page.summary.text()


def test_a_return_package_written_from_the_page_is_applied_at_the_station(
        imported, qtbot, tmp_path, monkeypatch):
    window = centre_window(imported, qtbot)
    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.page_by_key["returns"]
    assert window.current_page_key() == "returns" and page.isVisible()
    page.station.setFocus()
    while page.chosen() != "XH01":
        QTest.keyClick(page.station, Qt.Key.Key_Down)
    assert page.next_label.text() == "将写出第 1 号回传包"
    target = tmp_path / "out"
    target.mkdir()
    names: list[str] = []
    monkeypatch.setattr(package_page, "choose_save",
                        lambda parent, name: names.append(name) or target / name)
    page.write_button.setFocus()
    QTest.keyClick(page.write_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.feedback.state() == "ok")
    assert names == ["centre-XH01-00001.sdpkg"]
    path = target / names[0]
    opened = package_file.open_package(path)
    counts: dict[str, int] = {}
    for record in opened.records():
        counts[record["kind"]] = counts.get(record["kind"], 0) + 1
    assert counts["catalogue"] > 0 and counts["exception"] > 0 and counts["notice"] == 1
    said = page.written.toPlainText()
    assert f"积分目录 {counts['catalogue']} 项" in said
    assert f"待处理异常 {counts['exception']} 条" in said
    assert str(path) in said and opened.sha256 in said
    assert page.next_label.text() == "将写出第 2 号回传包"
    home = Centre.get()
    trusted = package_file.fingerprint(bytes(home.public_key))
    database.close()
    at_station = new_station(tmp_path / "XH01", "XH01", FixedClock(dt.datetime(2026, 11, 24)))
    summary = package_apply.apply(at_station, path, trusted)
    assert summary["seq"] == 1 and summary["centre"] == home.name
    assert len(summary["exceptions"]) == counts["exception"]
    assert summary["notices"] == ["十二月例会"] and summary["ignored"] == 0


def test_a_package_that_cannot_be_written_is_refused_with_the_reason_and_not_counted(
        imported, qtbot, tmp_path, monkeypatch):
    window = centre_window(imported, qtbot)
    window.show_page("returns")
    page = window.page_by_key["returns"]
    before = page.next_label.text()
    monkeypatch.setattr(package_page, "choose_save",
                        lambda parent, name: tmp_path / "no such folder" / name)
    QTest.keyClick(page.write_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.feedback.state() == "error")
    assert "no such folder" in page.feedback.text()
    assert page.next_label.text() == before and page.write_button.isEnabled()
    assert [s.sent_seq for s in centre_tree.tree(imported.clock.today()).stations] == [0, 0]
