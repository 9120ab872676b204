"""`voucher issue` from a script: every argument is checked before a point moves, and a
print that fails after the commit names the vouchers so the script reprints them."""

from __future__ import annotations

import datetime as dt
import json
import logging
import subprocess
import sys

import pytest
from cli_helpers import PASSWORD, new_station, ok_json, run

from app.cli import main as cli


@pytest.fixture
def station(tmp_path):
    new_station(tmp_path)
    ok_json(tmp_path, "--as", "admin", "resident", "add", "--name", "王芳")
    ok_json(tmp_path, "--as", "admin", "deed", "record", "1", "DONATION", "--quantity", "5")
    return tmp_path


def test_a_bad_receipt_width_is_refused_before_the_points_move(station):
    """Only the receipt widths the printer module supports; nothing issued, no file."""
    out = station / "out"
    out.mkdir()
    for width in ("-5", "1", "100000000", "0", "500"):
        done = run(station, "--json", "--as", "admin", "voucher", "issue", "1", "6",
                   "--pdf", str(out / "v.pdf"), "--thermal", width)
        assert done.returncode == cli.EXIT_REFUSED, (width, done.stderr)
        assert "384" in json.loads(done.stdout)["message"]
    assert ok_json(station, "--as", "admin", "balance", "1")["balance"] == 10
    assert list(out.iterdir()) == []


def test_a_receipt_width_without_a_file_is_refused(station):
    done = run(station, "--as", "admin", "voucher", "issue", "1", "6", "--thermal", "384")
    assert done.returncode == cli.EXIT_REFUSED and "--pdf" in done.stderr
    assert ok_json(station, "--as", "admin", "balance", "1")["balance"] == 10


def test_a_folder_given_as_the_file_is_refused_before_the_points_move(station):
    done = run(station, "--as", "admin", "voucher", "issue", "1", "6", "--pdf", str(station))
    assert done.returncode == cli.EXIT_REFUSED
    assert ok_json(station, "--as", "admin", "balance", "1")["balance"] == 10


def test_a_print_failing_after_the_commit_lists_the_vouchers(station):
    """The second receipt's file name is taken by a folder: the write fails after the
    commit, and the answer names every issued voucher with its own exit code."""
    out = station / "out"
    out.mkdir()
    year = dt.date.today().year  # the command line runs on the real clock
    (out / f"v-XH01-{year}-000002.pdf").mkdir()
    done = run(station, "--json", "--as", "admin", "voucher", "issue", "1", "6",
               "--pdf", str(out / "v.pdf"), "--thermal", "384")
    assert done.returncode == cli.EXIT_NOT_PRINTED, done.stderr
    answer = json.loads(done.stdout)
    serials = [v["serial"] for v in answer["vouchers"]]
    assert serials == [f"XH01-{year}-000001", f"XH01-{year}-000002"]
    assert all(v["token"] for v in answer["vouchers"]) and answer["ok"] is False
    assert answer["error"] == "not_printed" and "reprint" in answer["message"]
    assert ok_json(station, "--as", "admin", "balance", "1")["balance"] == 4
    reprinted = ok_json(station, "--as", "admin", "voucher", "reprint", *serials,
                        "--pdf", str(out / "again.pdf"))
    assert reprinted["serials"] == serials


def test_a_renderer_crash_after_the_commit_lists_the_vouchers(station, monkeypatch, capsys):
    """Whatever breaks while printing (here the PDF renderer), the issued vouchers are
    reported, not hidden behind an 'unexpected' answer."""
    from app.printing import vouchers as printing

    def broken(*_args, **_kwargs):
        raise RuntimeError("renderer exploded")

    monkeypatch.setattr(printing, "voucher_documents", broken)
    monkeypatch.setenv("STATION_DESK_PASSWORD", PASSWORD)
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", list(root.handlers))  # main() adds the file log
    status = cli.main(["--data-dir", str(station), "--json", "--as", "admin", "voucher",
                       "issue", "1", "5", "--pdf", str(station / "v.pdf")])
    answer = json.loads(capsys.readouterr().out)
    plain = cli.main(["--data-dir", str(station), "--as", "admin", "voucher", "issue", "1",
                      "5", "--pdf", str(station / "v.pdf")])
    lines = capsys.readouterr().out.splitlines()
    for handler in root.handlers:
        handler.close()
    assert status == plain == cli.EXIT_NOT_PRINTED
    assert [v["points"] for v in answer["vouchers"]] == [5] and answer["vouchers"][0]["token"]
    assert "RuntimeError" not in answer["message"] and "参考号" in answer["message"]
    assert "reprint" in lines[0] and len(lines[1].split()[-1]) > 64  # the token
    assert not (station / "v.pdf").exists()


def test_a_reader_that_stops_early_gets_no_traceback(station):
    """`deed types | head -1`: the closed pipe ends the output quietly, logs nothing."""
    child = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(station),
                              "deed", "types"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    child.stdout.close()  # the reader is gone before the first line is written
    errors = child.stderr.read().decode()
    status = child.wait(timeout=60)
    assert errors == "" and status == cli.EXIT_OK
    log = (station / "logs" / "station-desk.log").read_text(encoding="utf-8")
    assert "Traceback" not in log and "BrokenPipe" not in log
