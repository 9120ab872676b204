"""Citizen ID numbers (GB 11643-1999): the GLOSSARY table, masking, and the check
character's promise: every single-character typo and adjacent swap is caught."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services import idnumber
from app.services.errors import InvalidIdNumber

TODAY = dt.date(2026, 11, 23)


def test_valid_female_1949():
    """11010519491231002X is valid: female, born 1949-12-31."""
    parsed = idnumber.parse("11010519491231002X", TODAY)
    assert parsed.number == "11010519491231002X"
    assert parsed.gender == "F"
    assert parsed.birth_date == dt.date(1949, 12, 31)


def test_lower_case_x_is_upper_cased():
    """A lower-case x check character is accepted and stored upper-case."""
    assert idnumber.parse("11010519491231002x", TODAY).number == "11010519491231002X"


def test_spaces_and_full_width_digits_are_accepted():
    """Spaces typed between groups and full-width digits from a Chinese IME are cleaned."""
    assert idnumber.parse(" 110105 19491231 002x ", TODAY).number == "11010519491231002X"
    assert idnumber.parse("１１０１０５１９４９１２３１００２Ｘ", TODAY).number == \
        "11010519491231002X"


def test_abolished_address_code_is_accepted():
    """440524 no longer exists, but cards carrying it are valid: male, born 1880-01-01."""
    parsed = idnumber.parse("440524188001010014", TODAY)
    assert parsed.number == "440524188001010014"
    assert parsed.gender == "M"
    assert parsed.birth_date == dt.date(1880, 1, 1)


def test_bad_check_character_is_refused():
    """110105194912310021 has the wrong check character; the reason says so."""
    with pytest.raises(InvalidIdNumber) as err:
        idnumber.parse("110105194912310021", TODAY)
    assert "check character" in err.value.message("en")
    assert "校验位" in str(err.value)


def test_impossible_birth_date_is_refused():
    """420103201002290018 is born on 2010-02-29, a day that never existed."""
    with pytest.raises(InvalidIdNumber) as err:
        idnumber.parse("420103201002290018", TODAY)
    assert "20100229" in err.value.message("en")


def test_future_birth_date_is_refused():
    """A birth date after today cannot be on a real card."""
    body = "11010520270101001"
    with pytest.raises(InvalidIdNumber):
        idnumber.parse(body + idnumber.check_character(body), TODAY)


def test_legacy_15_digit_number_converts():
    """110105491231002 gains "19" after the address code and a computed check character."""
    parsed = idnumber.parse("110105491231002", TODAY)
    assert parsed.number == "11010519491231002X"
    assert parsed.birth_date == dt.date(1949, 12, 31)
    assert parsed.gender == "F"


@pytest.mark.parametrize("text, length", [
    ("", 0), ("1101051949123100", 16), ("11010519491231002X1", 19),
])
def test_wrong_length_is_refused_with_the_length(text, length):
    """A number of the wrong length is refused, and the clerk is told how many were typed."""
    with pytest.raises(InvalidIdNumber) as err:
        idnumber.parse(text, TODAY)
    assert str(length) in err.value.message("en")


@pytest.mark.parametrize("text", ["1101051949123100XX", "X1010519491231002X",
                                  "11010519491231002Y", "1101051949123100２Y"])
def test_letters_out_of_place_are_refused(text):
    """Only the last character may be X; nothing else but digits is accepted."""
    with pytest.raises(InvalidIdNumber):
        idnumber.parse(text, TODAY)


def test_mask_keeps_first_six_and_last_four():
    """Masking shows first 6 + ******** + last 4, as printed everywhere."""
    assert idnumber.mask("11010519491231002X") == "110105********002X"
    assert idnumber.mask("") == ""
    assert idnumber.mask(None) == ""


def test_mask_of_short_other_documents_shows_only_the_end():
    """Other documents (shorter numbers) show only their last characters, never all."""
    assert idnumber.mask("H1234567") == "******67"
    assert idnumber.mask("AB1") == "**1"
    assert "3456" not in idnumber.mask("H1234567")


def test_digits_of_other_scripts_are_not_digits():
    """Arabic-Indic digits or superscripts are not an ID number (and cannot dodge the
    duplicate check); full-width digits are the same digits and are accepted."""
    with pytest.raises(InvalidIdNumber):
        idnumber.parse("١١010519491231002X")
    with pytest.raises(InvalidIdNumber):
        idnumber.parse("²10105194912310021")
    assert idnumber.parse("１１０１０５１９４９１２３１００２ｘ").number == "11010519491231002X"


def test_phone_mask():
    """A mobile number shows its first 3 and last 4 digits only."""
    assert idnumber.mask_phone("13812345678") == "138****5678"
    assert idnumber.mask_phone("") == ""
    assert idnumber.mask_phone("12345") == "*****"


@st.composite
def valid_ids(draw: st.DrawFn) -> str:
    """An 18-character number with any address code, a real birth date and its check."""
    address = draw(st.integers(0, 999_999))
    born = draw(st.dates(dt.date(1850, 1, 1), TODAY))
    sequence = draw(st.integers(0, 999))
    body = f"{address:06d}{born:%Y%m%d}{sequence:03d}"
    return body + idnumber.check_character(body)


@settings(max_examples=150, deadline=None)
@given(valid_ids())
def test_generated_ids_accepted_and_every_typo_refused(number):
    """Valid numbers pass; every one-character substitution and adjacent swap is refused."""
    assert idnumber.parse(number, TODAY).number == number
    for i, original in enumerate(number):
        replacements = "0123456789" + ("X" if i == 17 else "")
        for c in replacements:
            if c == original:
                continue
            typo = number[:i] + c + number[i + 1:]
            with pytest.raises(InvalidIdNumber):
                idnumber.parse(typo, TODAY)
    for i in range(17):
        if number[i] == number[i + 1]:
            continue
        swapped = number[:i] + number[i + 1] + number[i] + number[i + 2:]
        with pytest.raises(InvalidIdNumber):
            idnumber.parse(swapped, TODAY)
