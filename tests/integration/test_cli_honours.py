"""`station-desk honour …` from a script: commendations for a person, a pair and a household,
a nomination accepted and one declined, a withdrawal, the list, and the poster on A4 and A3
with names only (no resident's ID number or phone anywhere in its text)."""

from __future__ import annotations

import json

import pytest
from cli_helpers import new_station, ok_json, run
from printing_checks import assert_private, pdf_text, render
from pypdf import PdfReader

PEOPLE = (("张明月", "11010519491231002X", "13812345678"),
          ("李秀英", "110105198507150024", "13912345678"),
          ("王建国", "110105196003120017", "13712345678"),
          ("赵丽华", "110105197209230021", "13612345678"))


@pytest.fixture(scope="module")
def station(tmp_path_factory):
    """One station for the file: four residents (王建国 heads a household), deeds in
    November, and the honour roll's records made through the command line."""
    data = new_station(tmp_path_factory.mktemp("honours"))
    house = ok_json(data, "--as", "admin", "resident", "household", "--name", "王建国")
    for name, id_number, phone in PEOPLE:
        extra = ["--household", str(house["id"])] if name == "王建国" else []
        ok_json(data, "--as", "admin", "resident", "add", "--name", name, "--id-number",
                id_number, "--phone", phone, *extra)
    for number, times in (("000001", "3"), ("000003", "2")):  # 2 points a time
        ok_json(data, "--as", "admin", "deed", "record", number, "DONATION", "--quantity", times,
                "--date", "2026-11-10")
    made = {
        "person": ok_json(data, "--as", "admin", "honour", "add", "000001", "--title", "道德模范",
                          "--level", "区", "--date", "2026-11-05"),
        "pair": ok_json(data, "--as", "admin", "honour", "add", "000001", "--title", "好婆媳",
                        "--level", "community", "--partner", "李秀英", "--date", "2026-11-06"),
        "household": ok_json(data, "--as", "admin", "honour", "add", "000003", "--title",
                             "文明家庭", "--level", "street", "--household", "--date",
                             "2026-11-07"),
        "mistake": ok_json(data, "--as", "admin", "honour", "add", "000004", "--title", "好婆婆",
                           "--level", "community", "--date", "2026-11-08"),
        "nominated": ok_json(data, "--as", "admin", "honour", "nominate", "000004", "--title",
                             "身边好人", "--reason", "照顾独居老人", "--by", "000002"),
        "declined": ok_json(data, "--as", "admin", "honour", "nominate", "000002", "--title",
                            "好媳妇", "--reason", "孝敬老人", "--by-name", "3栋居民"),
    }
    made["accepted"] = ok_json(data, "--as", "admin", "honour", "decide",
                               str(made["nominated"]["id"]), "--accept", "--level", "community",
                               "--date", "2026-11-09")
    made["decided_no"] = ok_json(data, "--as", "admin", "honour", "decide",
                                 str(made["declined"]["id"]), "--decline", "--note", "再了解")
    made["withdrawn"] = ok_json(data, "--as", "admin", "honour", "withdraw",
                                str(made["mistake"]["id"]), "--reason", "登记错了人")
    return data, made


def test_commendations_nominations_and_withdrawal(station):
    data, made = station
    assert made["person"]["who"] == "张明月" and made["person"]["level"] == "district"
    assert made["pair"]["who"] == "张明月 与 李秀英"
    assert made["household"]["who"] == "王建国家" and made["household"]["kind"] == "household"
    assert made["accepted"]["state"] == "accepted" and made["accepted"]["commendation_id"]
    assert made["decided_no"]["state"] == "declined"
    assert made["withdrawn"]["withdrawn_reason"] == "登记错了人"
    listed = ok_json(data, "--as", "admin", "honour", "list", "2026-11")
    titles = sorted(c["title"] for c in listed["commendations"])
    assert titles == sorted(["道德模范", "好婆媳", "文明家庭", "身边好人"])
    assert listed["nominations"] == []  # none pending
    every = ok_json(data, "--as", "admin", "honour", "list", "--withdrawn", "--nominations",
                    "all")
    assert len(every["commendations"]) == 5 and len(every["nominations"]) == 2
    text = run(data, "--as", "admin", "honour", "list", "--withdrawn")
    assert "已撤销：登记错了人" in text.stdout


def test_refusals_are_one_line_and_change_nothing(station):
    data, made = station
    before = ok_json(data, "--as", "admin", "honour", "list", "--withdrawn", "--nominations",
                     "all")
    for args, words in (
            (("honour", "add", "000001", "--title", "道德模范", "--level", "区"), "每年只记一次"),
            (("honour", "withdraw", str(made["mistake"]["id"]), "--reason", "x"), "已于"),
            (("honour", "decide", str(made["declined"]["id"]), "--accept", "--level", "city"),
             "不能再次评议"),
            (("honour", "nominate", "000002", "--title", "最美护河人", "--reason", "r",
              "--by-name", "x"), "不在荣誉称号列表"),
            (("honour", "roll", "2026Q5", "--pdf", "x.pdf"), "2026Q4"),
            (("honour", "roll", "2026-11", "--pdf", "x.pdf", "--top", "99"), "--top")):
        done = run(data, "--as", "admin", *args)
        assert done.returncode == 2, args
        assert words in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    as_json = run(data, "--as", "admin", "--json", "honour", "add", "000001", "--title", "道德模范",
                  "--level", "区")
    assert json.loads(as_json.stdout)["error"] == "honour_duplicate"
    after = ok_json(data, "--as", "admin", "honour", "list", "--withdrawn", "--nominations",
                    "all")
    assert after == before
    assert run(data, "honour", "list").returncode == 2  # names need --as


def test_the_poster_on_a4_and_a3_names_only(station, tmp_path):
    data, _ = station
    sizes = {}
    for size in ("A4", "A3"):
        pdf = tmp_path / f"roll-{size}.pdf"
        roll = ok_json(data, "--as", "admin", "honour", "roll", "2026-11", "--pdf", str(pdf),
                       "--size", size, "--top", "2")
        assert [e["name"] for e in roll["top"]] == ["张明月", "王建国"]
        assert [t["title"] for t in roll["commendations"]] == ["道德模范", "身边好人", "好婆媳",
                                                               "文明家庭"]
        body = pdf.read_bytes()
        text = "".join(pdf_text(body))
        assert "光荣榜" in text.replace(" ", "")  # its three characters are spread apart
        for words in ("新华社区新时代文明实践站", "2026年11月", "积分之星", "张明月",
                      "道德模范", "张明月 与 李秀英", "王建国家", "赵丽华", "6 分"):
            assert words in text, words
        assert "好婆婆" not in text  # withdrawn
        for _, id_number, phone in PEOPLE:
            assert id_number not in text and id_number[-6:] not in text and phone not in text
            assert phone[-4:] not in text
        assert_private(text)
        box = PdfReader(str(pdf)).pages[0].mediabox
        sizes[size] = (round(float(box.width)), round(float(box.height)))
        (tmp_path / size).mkdir()
        assert len(render(body, 40, tmp_path / size)) == 1  # one sheet
    assert sizes == {"A4": (595, 842), "A3": (842, 1191)}
