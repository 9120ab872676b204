"""The organisation tree the centre's window shows: every institute (an empty one too),
each station's keys as its keyring gave them, its last package and the days behind
today, its open exceptions and the packages the centre sent it."""

from __future__ import annotations

import base64
import json

import pytest

from app.models.district import MemberStation
from app.services import centre_members, centre_return, centre_tree, package_file, package_import
from app.services.errors.centre import NotACentre
from tests.unit import centre_support
from tests.unit.centre_support import INSTITUTE, open_exceptions

district, hub = centre_support.district, centre_support.hub


def test_the_tree_holds_institutes_stations_keys_and_where_packages_got_to(
        hub, district, tmp_path):
    package_import.import_files(hub, [district.a[1], district.a[2], district.copy_2])
    centre_members.add_institute(hub, "河西镇实践所")
    centre_return.package_for(hub, "XH01", tmp_path / "back.sdpkg")
    today = hub.clock.today()
    made = centre_tree.tree(today)
    assert [(i.name, [s.code for s in i.stations]) for i in made.institutes] == [
        ("新华街道实践所", ["XH01", "XH02"]), ("河西镇实践所", [])]
    xh01, xh02 = made.stations
    ring = json.loads(district.ring_a.read_text(encoding="utf-8"))
    assert [(k.key_id, k.fingerprint) for k in xh01.keys] == [
        (k["key_id"], package_file.fingerprint(base64.b64decode(k["public_key"])))
        for k in ring["keys"]]
    stored = MemberStation.get(MemberStation.code == "XH01")
    assert xh01.last_seq == package_file.open_package(district.a[2]).manifest["seq"] == 2
    assert (xh01.last_exported_at, xh01.last_imported_at) == (stored.last_exported_at,
                                                              stored.last_imported_at)
    assert xh01.days_behind == (today - xh01.last_exported_at.date()).days
    assert xh01.open_exceptions == len(open_exceptions()) > 0
    assert xh01.sent_seq == 1 and xh02.sent_seq == 0
    assert (xh02.last_seq, xh02.days_behind, xh02.open_exceptions) == (None, None, 0)
    assert made.name == "新华区新时代文明实践中心" and INSTITUTE in [i.name for i in
                                                             made.institutes]


def test_a_station_package_written_after_today_is_not_behind(hub, district):
    package_import.import_files(hub, [district.a[1]])
    exported = centre_tree.tree(hub.clock.today()).stations[0].last_exported_at
    assert centre_tree.tree(exported.date()).stations[0].days_behind == 0
    assert centre_tree.tree(exported.date().replace(day=1)).stations[0].days_behind == 0


def test_a_station_database_has_no_tree(ctx):
    with pytest.raises(NotACentre):
        centre_tree.tree(ctx.clock.today())
