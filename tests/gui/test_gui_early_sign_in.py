"""The sign-in of a station already set up paints before the station opens: the clerk
types meanwhile, the station's name and the button come once it is open, and a station
that cannot be opened hides it and goes on as before (the message, the restore offer)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from app.models import database
from app.runtime import startup
from app.runtime.config import Config
from app.views.shell import app as gui_app
from app.views.shell.signin import SignInDialog
from tests.conftest import PG_URL

pytestmark = pytest.mark.gui


@pytest.fixture
def station_closed(ctx, tmp_path) -> Config:
    if PG_URL:
        pytest.skip("a SQLite station's file is what says it is set up")
    database.close()  # the desk opens it
    return Config(tmp_path, str(tmp_path / "station.db"))


def shown_sign_in(qapp) -> SignInDialog | None:  # noqa: ANN001
    return next((w for w in qapp.topLevelWidgets()
                 if isinstance(w, SignInDialog) and w.isVisible()), None)


def test_the_sign_in_shows_before_the_station_opens_and_keeps_what_was_typed(
        station_closed, qapp, monkeypatch):
    real_open = startup.open_station
    while_opening: list[tuple] = []

    def opening(config, **kwargs):  # noqa: ANN001, ANN202
        early = shown_sign_in(qapp)
        assert early is not None, "the sign-in shows before the station opens"
        while_opening.append((database.is_closed(), early.form.button.isEnabled(),
                              early.form.heading.text()))
        early.form.username.setText("admin")
        early.form.password.setText("typed-while-opening")
        return real_open(config, **kwargs)

    at_sign_in: list[tuple] = []

    def sign_in(dialog: SignInDialog) -> int:
        at_sign_in.append((dialog.form.button.isEnabled(), dialog.form.heading.text(),
                           dialog.form.password.text(), dialog.windowTitle()))
        return QDialog.DialogCode.Rejected

    told: list[tuple] = []
    monkeypatch.setattr(startup, "open_station", opening)
    monkeypatch.setattr(SignInDialog, "exec", sign_in)
    monkeypatch.setattr(gui_app.QMessageBox, "critical", lambda *a: told.append(a))
    assert gui_app.run_gui(station_closed) == 0
    assert told == []
    assert while_opening == [(True, False, "\n请登录")]
    enabled, heading, password, title = at_sign_in[0]
    assert enabled and heading == "新华社区新时代文明实践站\n请登录"
    assert password == "typed-while-opening" and "登录" in title


def test_a_station_that_cannot_open_hides_the_early_sign_in_and_says_why(
        station_closed, qapp, monkeypatch):
    shown: list[bool] = []

    def failing(config, **kwargs):  # noqa: ANN001, ANN202
        shown.append(shown_sign_in(qapp) is not None)
        raise OSError("disk on fire")

    told: list[bool] = []

    def critical(*args) -> None:  # noqa: ANN002
        told.append(shown_sign_in(qapp) is not None)

    monkeypatch.setattr(startup, "open_station", failing)
    monkeypatch.setattr(gui_app.QMessageBox, "critical", critical)
    assert gui_app.run_gui(station_closed) == 1
    assert shown == [True] and told == [False]  # the message stands alone, as before


def test_a_damaged_station_hides_the_early_sign_in_before_offering_its_backup(
        station_closed, qapp, monkeypatch):
    from app.runtime.health import DamagedDatabase

    shown: list[bool] = []

    def damaged(config, **kwargs):  # noqa: ANN001, ANN202
        shown.append(shown_sign_in(qapp) is not None)
        raise DamagedDatabase(problems="x", problems_en="x", advice="", advice_en="")

    offered: list[bool] = []

    def recovered(config, exc, runner=None) -> bool:  # noqa: ANN001
        offered.append(shown_sign_in(qapp) is not None)
        return False

    monkeypatch.setattr(startup, "open_station", damaged)
    monkeypatch.setattr(gui_app, "recovered", recovered)
    assert gui_app.run_gui(station_closed) == 1
    assert shown == [True] and offered == [False]
