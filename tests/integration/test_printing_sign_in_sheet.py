"""The paper sign-in sheet, end to end: an activity's sign-up list in, PDF pages out, each
row's QR read by an independent decoder and scanned back in through the attendance mode's
path (the same call the scan field makes)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from cli_helpers import new_station, ok_json, run
from printing_checks import STATION, assert_private, decode, pdf_text, render

from app.printing import jobs
from app.services import activities, activity_close, attendance, residents
from app.services.activities import ActivityPlan
from app.services.errors import ActivityClosed

DAY = dt.date(2026, 11, 23)  # the fixture clock's day


def plan(ctx, capacity: int | None = None) -> activities.ActivityView:
    return activities.add_activity(ctx, ActivityPlan(
        "幸福里环境整治", DAY, dt.time(8, 0), dt.time(11, 0), "ENV_CLEANUP",
        kind="environment", place="幸福里小区 3 栋", capacity=capacity))


@pytest.fixture
def signed_up(ctx):
    """Sixteen residents with identity numbers and phones signed up for twelve places:
    twelve booked and four waiting."""
    people = [residents.register(ctx, residents.ResidentInput(
        name=f"志愿者{n:02d}", phone=f"139{n:08d}", id_number="")) for n in range(16)]
    activity = plan(ctx, capacity=12)
    activities.sign_up(ctx, activity.id, [p.id for p in people])
    return activity, people


def test_two_pages_every_qr_scans_to_its_resident(ctx, signed_up, tmp_path):
    """Booked first then waiting, over two pages with the heading repeated and numbered;
    every row's QR decodes to the row's resident, and scanning them signs each in."""
    activity, people = signed_up
    printout = jobs.sign_in_sheet(activity.id)
    pages = pdf_text(printout.documents[0])
    assert len(pages) == 2
    for number, text in enumerate(pages, start=1):
        assert_private(text)
        assert "志愿活动签到表" in text and "幸福里环境整治" in text and STATION in text
        assert "08:00–11:00" in text and "本人签名" in text and f"第 {number}/2 页" in text
    text = "\n".join(pages)
    assert all(p.card_code not in text for p in people)
    assert "候补 1" in text and "候补 4" in text and "候补 5" not in text
    assert "现场登记" in pages[-1]
    found = []
    for png in render(printout.documents[0], 200, tmp_path):
        codes = decode(png)
        found += [c.text for c in sorted(codes, key=lambda c: c.position.top_left.y)]
    assert found == [p.resident_no for p in people]  # the sign-up order, across pages
    assert not {p.card_code for p in people} & set(found)
    for code, person in zip(found, people, strict=True):
        mark = attendance.scan(ctx, activity.id, residents.resolve(code).id)
        assert (mark.name, mark.outcome) == (person.name, "signed_in")
    assert activities.view(activities.resolve(activity.id)).attended == 16


def test_an_activity_without_sign_ups_gets_walk_in_rows(ctx, tmp_path):
    """No one signed up: one page of numbered blank rows, no QR."""
    activity = plan(ctx)
    printout = jobs.sign_in_sheet(activity.id)
    [page] = pdf_text(printout.documents[0])
    assert page.count("现场登记") >= 5 and "第 1/1 页" in page
    [png] = render(printout.documents[0], 100, tmp_path)
    assert decode(png) == []


def test_a_closed_activity_prints_no_sheet(ctx, signed_up):
    """Once closed an activity takes no attendance, so it gets no sign-in sheet."""
    activity, _ = signed_up
    activity_close.close_activity(ctx, activity.id)
    with pytest.raises(ActivityClosed):
        jobs.sign_in_sheet(activity.id)


def test_command_line_writes_the_sheet_for_a_named_clerk(tmp_path):
    """`activity sheet` needs --as (names are personal data), is audited, and writes a
    sheet whose codes are the signed-up residents' numbers."""
    data = new_station(tmp_path / "data")
    for name in ("张甲", "张乙"):
        ok_json(data, "--as", "admin", "resident", "add", "--name", name)
    tomorrow = str(dt.date.today() + dt.timedelta(days=1))
    made = ok_json(data, "--as", "admin", "activity", "add", "清扫楼道", "--date", tomorrow,
                   "--start", "08:00", "--end", "10:00", "--deed-type", "ENV_CLEANUP")
    ok_json(data, "--as", "admin", "activity", "signup", str(made["id"]), "000001", "000002")
    pdf = tmp_path / "sheet.pdf"
    anonymous = run(data, "activity", "sheet", str(made["id"]), "--pdf", str(pdf))
    assert anonymous.returncode == 2 and "--as" in anonymous.stderr and not pdf.exists()
    done = ok_json(data, "--as", "admin", "activity", "sheet", str(made["id"]), "--pdf",
                   str(pdf))
    assert done["residents"] == 2
    [png] = render(pdf.read_bytes(), 150, tmp_path)
    assert sorted(c.text for c in decode(png)) == ["000001", "000002"]
    with sqlite3.connect(data / "station.db") as conn:
        actions = [a for (a,) in conn.execute("SELECT action FROM audit_record ORDER BY seq")]
    assert actions[-1] == "activity.sheet"
