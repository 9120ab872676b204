"""Rooms on the command line: add, list, book for a unit, a team or an activity, a clash
refused on one line naming the booking, cancel, and the week with --json."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cli_helpers import new_station, ok_json, run

TOMORROW = dt.date.today() + dt.timedelta(days=1)


@pytest.fixture
def station(tmp_path) -> Path:
    data = new_station(tmp_path)
    ok_json(data, "--as", "admin", "room", "add", "道德讲堂", "--capacity", "80")
    return data


def admin(data: Path, *args: str) -> dict:
    return ok_json(data, "--as", "admin", *args)


def book(data: Path, *args: str):
    return run(data, "--json", "--as", "admin", "room", "book", "道德讲堂", "--date",
               str(TOMORROW), *args)


def test_book_clash_cancel_and_week(station):
    """A booking for a unit; an overlapping one refused naming it; touching times
    allowed; cancelling frees the time; the week lists what is held, by day."""
    admin(station, "room", "add", "活动室")
    rooms = ok_json(station, "room", "list")["rooms"]
    assert [(r["name"], r["capacity"]) for r in rooms] == [("道德讲堂", 80), ("活动室", None)]
    first = ok_json(station, "--as", "admin", "room", "book", "道德讲堂", "--date", str(TOMORROW),
                    "--start", "09:00", "--end", "11:00", "--unit", "新华派出所",
                    "--purpose", "法治讲座")
    assert (first["holder"], first["kind"], first["purpose"]) == ("新华派出所", "unit", "法治讲座")
    clash = run(station, "--as", "admin", "room", "book", "道德讲堂", "--date", str(TOMORROW),
                "--start", "10:00", "--end", "12:00", "--unit", "幸福里幼儿园")
    assert clash.returncode == 2 and clash.stderr.count("\n") == 1
    assert "新华派出所" in clash.stderr and f"预订号 {first['id']}" in clash.stderr
    touching = book(station, "--start", "11:00", "--end", "12:00", "--unit", "幸福里幼儿园")
    assert touching.returncode == 0, touching.stderr
    admin(station, "room", "cancel", str(first["id"]))
    again = book(station, "--start", "09:00", "--end", "10:00", "--unit", "幸福里幼儿园")
    assert again.returncode == 0, again.stderr
    week = ok_json(station, "room", "week", "--date", str(TOMORROW))
    assert week["days"][TOMORROW.weekday()] == str(TOMORROW)
    hall = next(r for r in week["rooms"] if r["name"] == "道德讲堂")
    held = hall["days"][TOMORROW.weekday()]
    assert [(b["start"], b["end"]) for b in held] == [("09:00", "10:00"), ("11:00", "12:00")]
    text = run(station, "room", "week", "--date", str(TOMORROW))
    assert text.returncode == 0 and "幸福里幼儿园" in text.stdout
    assert "新华派出所" not in text.stdout  # cancelled


def test_an_activity_books_its_room_and_refusals(station):
    """`activity add --room` books the room for its time; a second activity at the same
    time is refused whole; a clerk's typo of a room is one line; retiring waits."""
    made = admin(station, "activity", "add", "道德讲堂宣讲", "--date", str(TOMORROW), "--start",
                 "14:00", "--end", "15:30", "--deed-type", "ENV_CLEANUP", "--room", "道德讲堂")
    assert made["place"] == "道德讲堂"
    clash = run(station, "--as", "admin", "activity", "add", "另一场", "--date", str(TOMORROW),
                "--start", "15:00", "--end", "16:00", "--deed-type", "ENV_CLEANUP",
                "--room", "道德讲堂")
    assert clash.returncode == 2 and "道德讲堂宣讲" in clash.stderr
    assert [a["title"] for a in ok_json(station, "activity", "list")["activities"]] == [
        "道德讲堂宣讲"]
    team = book(station, "--start", "08:00", "--end", "09:00", "--activity", str(made["id"]))
    assert team.returncode == 0, team.stderr
    missing = run(station, "--as", "admin", "room", "book", "大礼堂", "--date", str(TOMORROW),
                  "--start", "08:00", "--end", "09:00", "--unit", "新华派出所")
    assert missing.returncode == 2 and "找不到场地" in missing.stderr
    neither = run(station, "--as", "admin", "room", "book", "道德讲堂", "--date", str(TOMORROW),
                  "--start", "08:00", "--end", "09:00")
    assert neither.returncode == 2 and neither.stderr.count("\n") == 1
    busy = run(station, "--as", "admin", "room", "retire", "道德讲堂")
    assert busy.returncode == 2 and "取消" in busy.stderr
