"""English is complete and takes effect: every string the views show is in the
translation file, translated, with the same placeholders."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from checking_tools import unavailable
from PySide6.QtCore import Qt

from app.services.errors import InsufficientPoints
from app.views.common import i18n
from app.views.common.errors import message_for
from app.views.shell.main_window import DESK, REDEEM

from .conftest import open_window

pytestmark = pytest.mark.gui

TS = i18n.TRANSLATIONS / "stationdesk_en.ts"
VIEWS = Path(i18n.__file__).parent.parent  # app/views, every package of it
PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[^}]*)?\}")


def _messages(path: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) → its translations (two for an English plural; [] if unfinished)."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") is not None:
                texts = []
            elif message.get("numerus") == "yes":
                texts = [form.text or "" for form in translation.iter("numerusform")]
            else:
                texts = [translation.text or ""]
            found[(name, message.findtext("source"))] = texts
    return found


def test_every_english_translation_is_finished_with_the_same_placeholders():
    messages = _messages(TS)
    assert len(messages) > 300
    unfinished = [key for key, texts in messages.items() if not texts or not all(texts)]
    assert unfinished == []
    mismatched = [(source, text) for (_, source), texts in messages.items() for text in texts
                  if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text))
                  or ("%n" in source) != ("%n" in text)]
    assert mismatched == []


def test_every_string_in_the_views_is_in_the_translation_file(tmp_path):
    tool = i18n.lrelease_tool()
    lupdate = Path(tool[0]).with_name(Path(tool[0]).name.replace("lrelease", "lupdate")) \
        if tool else None
    if lupdate is None or not lupdate.exists():
        unavailable("Qt's lupdate (shipped with PySide6) is not installed here")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), "-source-language", "zh_CN", "-target-language", "en_GB",
                    *sorted(str(p) for p in VIEWS.rglob("*.py")), "-ts", str(fresh)],
                   check=True, capture_output=True, timeout=60)
    missing = set(_messages(fresh)) - set(_messages(TS))
    assert missing == set()


def test_the_english_interface(desk, qtbot, tmp_path):
    built = i18n.build_missing_qm(i18n.TRANSLATIONS, tmp_path)
    assert [p.name for p in built] == ["stationdesk_en.qm"]
    assert i18n.install("en", tmp_path) == "en"
    window = open_window(desk, qtbot)
    assert [window.sidebar_item(n).text() for n in (DESK, REDEEM)] == ["Desk\nCtrl+1",
                                                                       "Redeem\nCtrl+2"]
    assert window.desk_page.actions_by_name["record_deed"].text() == "Record deed F3"
    assert window.clerk_label.text() == "On duty: 王站长 (Administrator)"
    assert message_for(InsufficientPoints(balance=4, requested=5)) == \
        "Not enough points: balance 4, requested 5."
    window.redeem_page._update_total()
    assert window.redeem_page.total.text() == "0 to redeem, 0 points; 0 points redeemed so far"
    page = window.redeem_page
    assert page.tr("已核销 %n 张，共 {points} 分", "", 1) == "1 voucher redeemed, {points} points"
    assert page.tr("已核销 %n 张，共 {points} 分", "", 3) == "3 vouchers redeemed, {points} points"


def test_the_ledger_shows_deed_types_by_their_english_names(ctx, resident, tmp_path):
    from app.services import deeds
    from app.views.tables.rows import LedgerModel

    deeds.record_deed(ctx, resident.id, "BLOOD_DONATION")
    model = LedgerModel()
    model.show_resident(resident.id)
    assert model.data(model.index(0, 1)) == "无偿献血"
    i18n.build_missing_qm(i18n.TRANSLATIONS, tmp_path)
    assert i18n.install("en", tmp_path) == "en"
    assert model.data(model.index(0, 1)) == "Voluntary blood donation"
    assert model.headerData(1, Qt.Orientation.Horizontal) != "事由"


def test_a_compile_cut_short_leaves_no_half_translation(tmp_path, monkeypatch):
    """lrelease dying mid-write (or a second desk, or test worker, reading while the first
    compiles) never finds half a .qm under the real name: it would load as current."""
    half = tmp_path / "half_lrelease.py"
    half.write_text("import sys\nopen(sys.argv[sys.argv.index('-qm') + 1], 'wb')"
                    ".write(b'<half')\nsys.exit(1)\n")
    monkeypatch.setattr(i18n, "lrelease_tool", lambda: [sys.executable, str(half)])
    assert i18n.build_missing_qm(i18n.TRANSLATIONS, tmp_path) == []
    assert list(tmp_path.glob("*.qm*")) == []
