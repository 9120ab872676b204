"""Residents' requests on the command line, as the contract names them: request add,
assign, done (and activity, withdraw, list), their --json keys, refusals on one line with
nothing changed, and the counts in activity stats."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from cli_helpers import new_station, ok_json, run


def today() -> str:
    """Asked at each use: a run that passes midnight must not carry yesterday's date."""
    return str(dt.date.today())


@pytest.fixture
def station(tmp_path) -> Path:
    data = new_station(tmp_path)
    ok_json(data, "--as", "admin", "resident", "add", "--name", "张明月")
    ok_json(data, "--as", "admin", "team", "add", "红色志愿服务队")
    return data


def admin(data: Path, *args: str) -> dict:
    return ok_json(data, "--as", "admin", *args)


def refused(data: Path, *args: str) -> str:
    done = run(data, "--as", "admin", *args)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    return done.stderr


def test_a_request_taken_assigned_done_listed_and_counted(station):
    made = admin(station, "request", "add", "帮独居老人修理门锁", "--resident", "000001",
                 "--for", "3栋李奶奶", "--urgent", "--kind", "wish")
    assert (made["status"], made["resident"], made["beneficiary"], made["urgency"],
            made["kind"]) == ("open", "张明月", "3栋李奶奶", "urgent", "wish")
    number = str(made["number"])
    assigned = admin(station, "request", "assign", number, "--team", "红色志愿服务队")
    assert (assigned["status"], assigned["team"]) == ("assigned", "红色志愿服务队")
    done = admin(station, "request", "done", number, "--note", "已上门修好")
    assert (done["status"], done["note"], done["done_by"]) == ("done", "已上门修好", "admin")
    assert "办结，不能再办结" in refused(station, "request", "done", number)
    other = admin(station, "request", "add", "代买药品")
    admin(station, "request", "withdraw", str(other["number"]), "--note", "家属已代买")
    listed = admin(station, "request", "list")["requests"]
    assert [(r["number"], r["status"]) for r in listed] == [
        (made["number"], "done"), (other["number"], "withdrawn")]
    assert admin(station, "request", "list", "--status", "active")["requests"] == []
    text = run(station, "--as", "admin", "request", "list")
    assert text.returncode == 0 and "已办结" in text.stdout and "张明月" in text.stdout
    day = today()
    stats = admin(station, "activity", "stats", "--from", day, "--to", day, "--by", "team")
    assert (stats["total"]["requests_taken"], stats["total"]["requests_done"]) == (2, 1)
    assert {"activities", "volunteers", "audience", "volunteer_hours"} <= set(stats["total"])
    assert stats["total"]["volunteers"] == {"persons": 0, "person_times": 0}
    assert {r["label"]: r["requests_done"] for r in stats["rows"]} == {"红色志愿服务队": 1,
                                                                       "（无）": 0}


def test_turned_into_an_activity(station):
    planned = admin(station, "activity", "add", "楼道清扫", "--date", today(), "--start", "08:00",
                    "--end", "10:00", "--deed-type", "ENV_CLEANUP", "--team", "红色志愿服务队")
    made = admin(station, "request", "add", "楼道堆物清理")
    linked = admin(station, "request", "activity", str(made["number"]), str(planned["id"]))
    assert (linked["status"], linked["team"], linked["activity_id"]) == (
        "assigned", "红色志愿服务队", planned["id"])


def test_refusals_name_what_is_wrong_and_change_nothing(station):
    made = admin(station, "request", "add", "修灯")
    number = str(made["number"])
    assert "找不到志愿服务队" in refused(station, "request", "assign", number, "--team", "蓝队")
    assert "找不到点单" in refused(station, "request", "done", "99")
    assert "承接的志愿服务队" in refused(station, "request", "assign", number)
    assert "命令用法有误" in refused(station, "request", "list", "--status", "lost")
    anonymous = run(station, "request", "add", "修灯")
    assert anonymous.returncode == 2 and "写操作需要用 --as" in anonymous.stderr
    listing = run(station, "request", "list")
    assert listing.returncode == 2 and "个人信息" in listing.stderr
    [still] = admin(station, "request", "list")["requests"]
    assert (still["status"], still["team"]) == ("open", None)
    as_json = run(station, "--json", "--as", "admin", "request", "done", "99")
    assert json.loads(as_json.stdout)["ok"] is False
