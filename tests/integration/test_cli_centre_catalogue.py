"""The district's catalogue from the command line: edited at the centre, sent in its
package, applied at a station, which then offers the change; the centre's own audit log
and database checked with ``audit verify`` and ``check``."""

from __future__ import annotations

import csv
import json
import sqlite3

from tests.integration.cli_helpers import ok_json, run

INSTITUTE = "新华街道实践所"


def _centre_with_station(tmp_path):
    station = tmp_path / "station"
    ok_json(station, "init", "--station-code", "XH09", "--station-name", "第九站",
            "--admin", "admin")
    ring = tmp_path / "XH09.json"
    ring.write_text(run(station, "--json", "keys", "export").stdout, encoding="utf-8")
    home = tmp_path / "centre"
    made = ok_json(home, "centre", "init", "--name", "新华区新时代文明实践中心")
    ok_json(home, "centre", "add-institute", INSTITUTE)
    ok_json(home, "centre", "add-station", "XH09", "--institute", INSTITUTE, "--keyring",
            str(ring))
    return home, station, made["fingerprint"]


def test_a_catalogue_change_goes_from_the_centre_to_the_station(tmp_path):
    home, station, fingerprint = _centre_with_station(tmp_path)
    changed = ok_json(home, "centre", "catalogue", "set", "ENV_CLEANUP", "--points", "3",
                      "--no-cap")
    assert (changed["type"]["points"], changed["type"]["cap_quantity"]) == (3, None)
    added = run(home, "centre", "catalogue", "set", "SNOW_CLEARING", "--name-zh", "义务扫雪",
                "--name-en", "Snow clearing", "--category", "social", "--points", "2",
                "--unit", "per_hour", "--cap", "4", "--cap-period", "day")
    assert added.returncode == 0 and "已保存：SNOW_CLEARING" in added.stdout, added.stderr
    retired = ok_json(home, "centre", "catalogue", "retire", "LOST_AND_FOUND")
    assert retired["type"]["active"] is False
    listed = ok_json(home, "centre", "catalogue", "list")["types"]
    assert "LOST_AND_FOUND" not in {t["code"] for t in listed}
    every = ok_json(home, "centre", "catalogue", "list", "--all")["types"]
    assert len(every) == len(listed) + 1
    sent = tmp_path / "centre-XH09-00001.sdpkg"
    ok_json(home, "centre", "package-for", "XH09", "--to", str(sent))
    applied = ok_json(station, "--as", "admin", "package", "apply", str(sent),
                      "--trust", fingerprint)
    assert applied["catalogue"]["added"] == ["SNOW_CLEARING"]
    assert applied["catalogue"]["changed"] == ["ENV_CLEANUP", "LOST_AND_FOUND"]
    types = {t["code"]: t for t in ok_json(station, "deed", "types")["types"]}
    assert types["ENV_CLEANUP"]["points"] == 3 and "SNOW_CLEARING" in types
    assert "LOST_AND_FOUND" not in types


def test_a_catalogue_file_is_imported_whole_or_not_at_all(tmp_path):
    home = tmp_path / "centre"
    ok_json(home, "centre", "init", "--name", "新华区新时代文明实践中心")
    good = tmp_path / "目录.csv"
    with good.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["code", "name_zh", "name_en", "category", "points", "unit", "cap",
                      "needs_review", "note"])
        out.writerow(["SNOW_CLEARING", "义务扫雪", "Snow clearing", "social", "2", "per_hour",
                      "4 hours/day", "no", ""])
        out.writerow(["ENV_CLEANUP", "环境卫生整治", "Clean-up", "social", "3", "per_hour",
                      "", "no", ""])
    done = run(home, "centre", "catalogue", "import", str(good))
    assert done.returncode == 0, done.stderr
    assert "新增 1 项，修改 1 项" in done.stdout and "保持原样" in done.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text(good.read_text(encoding="utf-8").replace("per_hour", "hourly")
                   .replace(",3,", ",x,"), encoding="utf-8")
    refused = run(home, "--json", "centre", "catalogue", "import", str(bad))
    answer = json.loads(refused.stdout)
    assert refused.returncode == 2 and answer["error"] == "catalogue_file_invalid"
    assert "第 2 行" in answer["message"] and "第 3 行" in answer["message"]
    assert len(refused.stderr.strip().splitlines()) == 1
    unknown = run(home, "centre", "catalogue", "retire", "NO_SUCH")
    assert unknown.returncode == 2 and "NO_SUCH" in unknown.stderr
    signed = run(home, "--as", "admin", "centre", "catalogue", "list")
    assert signed.returncode == 2 and "--as" in signed.stderr


def test_the_centre_checks_its_own_log_and_database(tmp_path):
    home, _, _ = _centre_with_station(tmp_path)
    ok_json(home, "centre", "catalogue", "set", "ENV_CLEANUP", "--points", "3")
    verified = ok_json(home, "audit", "verify")
    assert verified["records"] >= 4 and verified["problem"] == ""
    text = run(home, "audit", "verify")
    assert text.returncode == 0 and "审计日志完整" in text.stdout
    checked = run(home, "check")
    assert checked.returncode == 0 and "检查通过（区中心）" in checked.stdout, checked.stderr
    other = run(home, "--as", "admin", "deed", "types")
    assert other.returncode == 2 and "audit verify 和 check" in other.stderr
    db = sqlite3.connect(home / "station.db")
    with db:  # what someone holding the file can do: lift the guard, edit, put it back
        [guard] = db.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                             ("audit_record_no_update",)).fetchone()
        db.execute('DROP TRIGGER "audit_record_no_update"')
        db.execute("UPDATE audit_record SET target = 'XH99' WHERE action = 'centre.station.add'")
        db.execute(guard)
    db.close()
    broken = run(home, "--json", "audit", "verify")
    assert broken.returncode == 1 and "被改动" in json.loads(broken.stdout)["problem"]
    assert run(home, "check").returncode == 1
