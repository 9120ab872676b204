"""The command line says what it accepts and shows an admin what they need: `checkin
--purpose` lists its choices, and `resident find` gives admins each resident's card code."""

from __future__ import annotations

import pytest
from cli_helpers import CLERK_PASSWORD, new_station, ok_json, run

from app.services import checkins


@pytest.fixture
def station(tmp_path):
    return new_station(tmp_path)


def test_checkin_purpose_lists_its_choices(station):
    helped = run(station, "checkin", "--help")
    assert helped.returncode == 0
    assert all(code in helped.stdout for code in checkins.PURPOSES)
    assert "咨询办事" in helped.stdout  # what each code means, not only the codes
    ok_json(station, "--as", "admin", "resident", "add", "--name", "张明月")
    wrong = run(station, "--as", "admin", "checkin", "000001", "--purpose", "shopping")
    assert wrong.returncode == 2
    assert "consult" in wrong.stderr and "Traceback" not in wrong.stderr


def test_resident_find_shows_card_codes_to_admins_only(station):
    added = ok_json(station, "--as", "admin", "resident", "add", "--name", "张明月")
    found = ok_json(station, "--as", "admin", "resident", "find", "zmy")
    hit = found["results"][0]
    assert hit["card_code"] == added["card_code"]
    assert {"resident_no", "name", "phone_masked", "id_masked", "address",
            "balance"} <= set(hit)
    text = run(station, "--as", "admin", "resident", "find", "zmy")
    assert added["card_code"] in text.stdout
    ok_json(station, "--as", "admin", "clerk", "add", "li")
    as_clerk = ok_json(station, "--as", "li", "resident", "find", "zmy", password=CLERK_PASSWORD)
    assert as_clerk["results"][0]["card_code"] is None
    text = run(station, "--as", "li", "resident", "find", "zmy", password=CLERK_PASSWORD)
    assert text.returncode == 0 and added["card_code"] not in text.stdout


def test_cards_for_a_grid_without_residents_are_refused_plainly(station, tmp_path):
    ok_json(station, "--as", "admin", "resident", "add", "--name", "张明月", "--grid", "一网格")
    pdf = tmp_path / "cards.pdf"
    empty = run(station, "--as", "admin", "resident", "cards", "--grid", "九网格",
                "--pdf", str(pdf))
    assert empty.returncode == 2, empty.stderr
    assert "九网格" in empty.stderr and "Traceback" not in empty.stderr
    assert not pdf.exists()
    made = ok_json(station, "--as", "admin", "resident", "cards", "--grid", "一网格",
                   "--pdf", str(pdf))
    assert made["cards"] == 1 and pdf.exists()
