"""Teams and activities on the command line, as the contract names them: every command,
its --json keys, refusals on one line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from cli_helpers import new_station, ok_json, run

YESTERDAY = str(dt.date.today() - dt.timedelta(days=1))


@pytest.fixture
def station(tmp_path) -> Path:
    data = new_station(tmp_path)
    for name in ("张甲", "张乙", "张丙", "张丁"):
        ok_json(data, "--as", "admin", "resident", "add", "--name", name)
    return data


def admin(data: Path, *args: str) -> dict:
    return ok_json(data, "--as", "admin", *args)


def test_teams_add_join_and_list(station):
    """A team with a colour under a parent; joining twice is reported, not doubled."""
    admin(station, "team", "add", "新华志愿服务总队", "--kind", "general")
    team = admin(station, "team", "add", "红色志愿服务队", "--colour", "红色", "--parent",
                 "新华志愿服务总队", "--unit", "新华派出所", "--leader", "000001")
    assert (team["colour"], team["parent"], team["unit"], team["members"]) == (
        "红色", "新华志愿服务总队", "新华派出所", 1)
    joined = admin(station, "team", "join", "红色志愿服务队", "000001", "000002")
    assert [m["changed"] for m in joined["members"]] == [False, True]
    listed = admin(station, "team", "list")["teams"]
    assert [(t["name"], t["members"]) for t in listed] == [("新华志愿服务总队", 0),
                                                           ("红色志愿服务队", 2)]
    again = run(station, "--as", "admin", "team", "add", "红色志愿服务队")
    assert again.returncode == 2 and again.stderr.count("\n") == 1 and "已有" in again.stderr


def test_activity_from_plan_to_statistics(station, tmp_path):
    """Plan, sign up past capacity, key attendance in, close (hours and points per
    resident), close again (nothing changes), list and count."""
    admin(station, "team", "add", "红色志愿服务队")
    made = admin(station, "activity", "add", "清扫楼道", "--date", YESTERDAY, "--start", "08:00",
                 "--end", "10:00", "--deed-type", "ENV_CLEANUP", "--team", "红色志愿服务队",
                 "--kind", "环境整治", "--project", "清洁家园", "--place", "3栋",
                 "--capacity", "1")
    assert (made["state"], made["teams"], made["project"]) == ("planned", ["红色志愿服务队"],
                                                               "清洁家园")
    signed = admin(station, "activity", "signup", str(made["id"]), "000001", "000002")
    assert [p["signup"] for p in signed["residents"]] == ["booked", "waiting"]
    attended = admin(station, "activity", "attend", str(made["id"]), "000001", "000002",
                     "--in", "08:00", "--out", "09:45")
    assert [m["outcome"] for m in attended["marks"]] == ["signed_in_out"] * 2
    admin(station, "activity", "attend", str(made["id"]), "000003", "--role", "audience",
          "--in", "08:10")
    repeat = admin(station, "activity", "attend", str(made["id"]), "000003", "--in", "08:10")
    assert repeat["repeats"] == 1
    closed = admin(station, "activity", "close", str(made["id"]))
    per_resident = {r["resident_no"]: (r["hours"], r["points"]) for r in closed["residents"]}
    assert per_resident == {"000001": ("1.5", 3), "000002": ("1.5", 3), "000003": ("0", 0)}
    assert (closed["hours"], closed["points"], closed["already_closed"]) == ("3", 6, False)
    again = admin(station, "activity", "close", str(made["id"]))
    assert again["already_closed"] and again["residents"] == closed["residents"]
    assert admin(station, "balance", "000001")["balance"] == 3
    listed = ok_json(station, "activity", "list", "--from", YESTERDAY)["activities"]
    assert [(a["title"], a["state"], a["attended"]) for a in listed] == [("清扫楼道", "closed", 3)]
    stats = ok_json(station, "activity", "stats", "--by", "team", "--xlsx",
                    str(tmp_path / "s.xlsx"))
    total = stats["total"]
    assert (total["activities"], total["volunteers"], total["audience"]) == (
        1, {"persons": 2, "person_times": 2}, {"persons": 1, "person_times": 1})
    assert (tmp_path / "s.xlsx").stat().st_size > 0


def test_scan_now_repeat_and_refusals(station):
    """Attending without times is a scan now; the same card again is a repeat; a closed
    activity and an unknown kind are refused on one line, with --json too."""
    today = str(dt.date.today())
    made = admin(station, "activity", "add", "理论宣讲", "--date", today, "--start", "00:00",
                 "--end", "23:30", "--deed-type", "POLICY_PUBLICITY", "--kind", "theory")
    first = admin(station, "activity", "attend", str(made["id"]), "000004")
    assert (first["marks"][0]["outcome"], first["marks"][0]["walk_in"]) == ("signed_in", True)
    second = admin(station, "activity", "attend", str(made["id"]), "000004")
    assert second["marks"][0]["outcome"] == "repeat"
    admin(station, "activity", "close", str(made["id"]))
    late = run(station, "--json", "--as", "admin", "activity", "attend", str(made["id"]),
               "000001")
    assert late.returncode == 2 and json.loads(late.stdout)["error"] == "activity_closed"
    bad = run(station, "--as", "admin", "activity", "add", "x", "--date", today, "--start",
              "08:00", "--end", "09:00", "--deed-type", "ENV_CLEANUP", "--kind", "跳舞")
    assert bad.returncode == 2 and "理论宣讲" in bad.stderr and "Traceback" not in bad.stderr


def test_kinds_are_admin_editable(station):
    """The seven kinds come by default; an admin adds one, a clerk may not."""
    kinds = ok_json(station, "activity", "kinds")["kinds"]
    assert [k["name_zh"] for k in kinds] == ["理论宣讲", "文化文艺", "节日主题", "环境整治",
                                             "关爱帮扶", "义诊义剪", "其他"]
    admin(station, "activity", "kinds", "--add", "neighbour", "--name-zh", "邻里日")
    assert ok_json(station, "activity", "kinds")["kinds"][-1]["name_zh"] == "邻里日"
    admin(station, "clerk", "add", "li", "--name", "李敏")
    refused = run(station, "--as", "li", "activity", "kinds", "--add", "x", "--name-zh", "某",
                  password="Clerk-2026?")
    assert refused.returncode == 2 and "管理员" in refused.stderr


def test_help_lists_the_commands():
    """The help names the team and activity commands."""
    from cli_helpers import run as run_cli

    done = run_cli(Path("/nonexistent-unused"), "activity", "--help")
    assert done.returncode == 0
    for action in ("add", "signup", "attend", "close", "list", "stats"):
        assert action in done.stdout
