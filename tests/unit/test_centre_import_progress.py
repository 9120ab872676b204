"""Importing many packages from a window: the import says how far it is before each
file, and stopping it leaves the files not yet begun untouched (answered ``skipped``);
what an import changed is said for the pages that show the centre's data."""

from __future__ import annotations

from app.models.district import PackageReceipt
from app.services import package_import
from app.services.changes import NOTHING, Changes
from tests.unit import centre_support

district, hub = centre_support.district, centre_support.hub


def test_progress_is_reported_before_each_file_and_at_the_end(hub, district):
    seen = []
    results = package_import.import_files(
        hub, [district.a[1], district.b1], progress=lambda done, total: seen.append(
            (done, total)) or True)
    assert [r.status for r in results] == ["imported", "imported"]
    assert seen == [(0, 2), (1, 2), (2, 2)]


def test_stopping_leaves_the_files_not_begun_untouched(hub, district):
    results = package_import.import_files(
        hub, [district.a[1], district.a[2], district.b1],
        progress=lambda done, total: done < 1)
    assert [r.status for r in results] == ["imported", "skipped", "skipped"]
    assert [r.file for r in results] == [str(p) for p in (district.a[1], district.a[2],
                                                          district.b1)]
    assert [(r.station.code, r.seq) for r in PackageReceipt.select()] == [("XH01", 1)]


def test_an_import_says_it_changed_the_district_only_when_something_was_merged(hub,
                                                                               district):
    imported = package_import.import_files(hub, [district.a[1]])
    again = package_import.import_files(hub, [district.a[1]])
    assert package_import.changes_of(imported) == Changes(district=True)
    assert package_import.changes_of(again) == NOTHING
    assert Changes(district=True) and (NOTHING | Changes(district=True)).district
