"""The round trip as operators run it: a demo station exports ``--full`` and, after a new
deed, its next package; the centre registers the station's ``keys export`` and imports
both; ``centre report PERIOD --json`` then gives the station the figures its own
``report … --json`` gives (the mapping of ``tests/district_round_trip``)."""

from __future__ import annotations

import datetime as dt

from tests.district_round_trip import SHARED, centre_side, station_side
from tests.integration.cli_helpers import new_station, ok_json, run

INSTITUTE = "新华街道实践所"


def test_the_centre_reports_the_station_s_own_figures(tmp_path):
    station = new_station(tmp_path / "station")
    ok_json(station, "--as", "admin", "demo", "--residents", "15", "--seed", "4")
    ring = tmp_path / "XH01.keys.json"
    ring.write_text(run(station, "--json", "keys", "export").stdout, encoding="utf-8")
    sent = [ok_json(station, "--as", "admin", "package", "export", "--full", "--to",
                    str(tmp_path))["file"]]
    ok_json(station, "--as", "admin", "deed", "record", "000001", "ENV_CLEANUP", "--quantity",
            "2")
    sent.append(ok_json(station, "--as", "admin", "package", "export", "--to",
                        str(tmp_path))["file"])
    centre = tmp_path / "centre"
    ok_json(centre, "centre", "init", "--name", "新华区新时代文明实践中心")
    ok_json(centre, "centre", "add-institute", INSTITUTE)
    ok_json(centre, "centre", "add-station", "XH01", "--institute", INSTITUTE, "--keyring",
            str(ring))
    assert ok_json(centre, "package", "import", *reversed(sent))["imported"] == 2
    today = dt.date.today()
    for kind, chosen in (("year", str(today.year)), ("month", f"{today:%Y-%m}")):
        own = station_side(ok_json(station, "--as", "admin", "report", kind, chosen)["figures"])
        [unit] = ok_json(centre, "centre", "report", chosen)["stations"]
        found = centre_side(unit["figures"])
        assert {k: (found[k], own[k]) for k in SHARED if found[k] != own[k]} == {}, chosen
        assert own["awarded.points"] > 0, chosen  # today's deed is in both periods
