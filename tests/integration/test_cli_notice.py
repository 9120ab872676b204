"""``station-desk notice``: the entries on notice listed and those whose period has passed
posted, the notice for the board written as a PDF (names only), an objection recorded by
a clerk and resolved by an admin, and the refusals, each one line with nothing changed.
One station for the whole file: starting the command line is slow."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from cli_helpers import CLERK_PASSWORD, PASSWORD, ok_json, run
from pypdf import PdfReader

from app.runtime.config import resolve
from app.runtime.startup import open_station
from app.services import auth, deeds, residents, station
from app.services.context import Context, FixedClock

ID_NUMBER = "11010519491231002X"
PHONE = "13812345678"


def _station(data_dir) -> dict:  # noqa: ANN001 - a Path
    """A station with a deed whose notice ended two days ago, one on notice now, one
    waiting for review, and a clerk."""
    config = resolve(data_dir, None)
    now = dt.datetime.now().replace(microsecond=0)
    clock = FixedClock(now - dt.timedelta(days=5))
    opened = open_station(config, clock)
    base = Context(config.data_dir, clock)
    station.init_station(base, "XH01", "新华社区新时代文明实践站", "admin", PASSWORD, "王站长")
    ctx = base.as_actor(auth.sign_in(base, "admin", PASSWORD))
    auth.add_clerk(ctx, "li", "李敏", "clerk", CLERK_PASSWORD)
    ming = residents.register(ctx, residents.ResidentInput(
        name="张明月", id_number=ID_NUMBER, phone=PHONE))
    hai = residents.register(ctx, residents.ResidentInput(name="李四海"))
    due = deeds.record_deed(ctx, ming.id, "HEROIC_ACT")
    deeds.review_deed(ctx, due.deed_uid, True)
    clock.at = now
    on = deeds.record_deed(ctx, hai.id, "FILIAL_PIETY")
    deeds.review_deed(ctx, on.deed_uid, True)
    waiting = deeds.record_deed(ctx, hai.id, "HEROIC_ACT")
    opened.close()
    return {"dir": data_dir, "due": due.deed_uid, "on": on.deed_uid,
            "waiting": waiting.deed_uid, "ming": ming.resident_no, "hai": hai.resident_no}


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    return _station(tmp_path_factory.mktemp("notice") / "desk")


def _by_uid(result: dict) -> dict[str, dict]:
    return {e["deed_uid"]: e for e in result["entries"]}


def test_notice_posts_what_is_due_lists_the_rest_and_prints_the_board(tmp_path):
    # A station of its own: every ``notice`` posts what is due, so on the file's shared
    # station another test run first would already have posted this one's due deed.
    desk = _station(tmp_path / "desk")
    pdf = tmp_path / "公示.pdf"
    first = ok_json(desk["dir"], "--as", "li", "notice", "--pdf", str(pdf),
                    password=CLERK_PASSWORD)
    assert [p["deed_uid"] for p in first["posted"]] == [desk["due"]]
    assert first["posted"][0]["balance"] == 5
    entries = _by_uid(first)
    assert entries[desk["due"]]["state"] == "posted"
    assert entries[desk["on"]]["state"] == "notice"
    assert entries[desk["waiting"]]["state"] == "pending"
    assert first["notice_days"] == 3
    again = ok_json(desk["dir"], "--as", "li", "notice", "--json", password=CLERK_PASSWORD)
    assert again["posted"] == []  # posted once
    balance = ok_json(desk["dir"], "--as", "admin", "balance", desk["ming"])
    assert balance["balance"] == 5

    words = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "积分公示" in words and "新华社区新时代文明实践站" in words
    assert "李四海" in words and "孝老爱亲" in words and "张明月" in words  # the month
    assert ID_NUMBER not in words and PHONE not in words and ID_NUMBER[-4:] not in words
    png = tmp_path / "notice"
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(png)], check=True)
    assert list(tmp_path.glob("notice*.png"))


def test_an_objection_is_recorded_and_resolved(desk):
    number = str(_by_uid(ok_json(desk["dir"], "--as", "li", "notice",
                                 password=CLERK_PASSWORD))[desk["on"]]["number"])
    raised = ok_json(desk["dir"], "--as", "li", "notice", "object", number,
                     "--reason", "事迹有出入", "--by", "邻居王某", password=CLERK_PASSWORD)
    assert (raised["state"], raised["raised_by"], raised["deed_uid"]) == (
        "open", "邻居王某", desk["on"])
    listed = _by_uid(ok_json(desk["dir"], "--as", "li", "notice", password=CLERK_PASSWORD))
    assert listed[desk["on"]]["state"] == "objected"
    assert listed[desk["on"]]["objections"][0]["reason"] == "事迹有出入"
    refused = run(desk["dir"], "--as", "li", "notice", "resolve", str(raised["number"]),
                  "--dismiss", "--note", "无误", password=CLERK_PASSWORD)
    assert refused.returncode == 2 and "管理员" in refused.stderr
    done = ok_json(desk["dir"], "--as", "admin", "notice", "resolve", str(raised["number"]),
                   "--dismiss", "--note", "经核实无误")
    assert (done["state"], done["deed_status"]) == ("dismissed", "notice")
    again = run(desk["dir"], "--as", "admin", "notice", "resolve", str(raised["number"]),
                "--uphold", "--note", "再议")
    assert again.returncode == 2 and "已处理" in again.stderr


def test_objections_off_notice_or_unknown_are_refused_in_one_line(desk):
    off = run(desk["dir"], "--as", "li", "notice", "object", desk["waiting"], "--reason", "不实",
              password=CLERK_PASSWORD)
    assert off.returncode == 2 and off.stderr.count("\n") == 1
    assert "不在公示中（待审核）" in off.stderr
    unknown = run(desk["dir"], "--as", "li", "--json", "notice", "object", "999999",
                  "--reason", "不实", password=CLERK_PASSWORD)
    assert unknown.returncode == 2 and '"error": "notice_entry_not_found"' in unknown.stdout
    both = run(desk["dir"], "--as", "admin", "notice", "resolve", "1", "--uphold", "--dismiss",
               "--note", "x")
    assert both.returncode == 2
    anonymous = run(desk["dir"], "notice")
    assert anonymous.returncode == 2 and "--as" in anonymous.stderr
