"""Numbers a clerk types: ASCII and full-width digits only. Python reads every script's
digits (``int("٥٠") == 50``), so a pasted Arabic-Indic or Devanagari number would pass
unseen; it is refused and nothing is written."""

from __future__ import annotations

import pytest

from app.services import catalogue, deeds, station, text
from app.services.errors import InvalidInput, InvalidQuantity

OTHER_SCRIPTS = ["٣", "۳", "३", "৩", "๓", "𝟑", "1٫5", "١.٥"]


@pytest.mark.parametrize("quantity", OTHER_SCRIPTS)
def test_other_scripts_digits_are_refused_as_a_quantity(ctx, resident, counts, quantity):
    """Arabic-Indic, Persian, Devanagari, Bengali, Thai and mathematical digits are refused."""
    before = counts()
    with pytest.raises(InvalidQuantity):
        deeds.record_deed(ctx, resident.id, "ENV_CLEANUP", quantity)
    assert counts() == before


@pytest.mark.parametrize("quantity, tenths", [("3", 30), ("３", 30), ("１．５", 15), (2, 20)])
def test_ascii_and_full_width_quantities_are_read(ctx, resident, quantity, tenths):
    """A Chinese input method types full-width digits: they count like ASCII ones."""
    assert deeds.quantity_tenths(quantity, "per_hour") == tenths


@pytest.mark.parametrize("typed", ["٥٠,٢٠,١", "50,20,१"])
def test_denominations_in_other_scripts_are_refused(ctx, typed):
    before = station.current().denominations
    with pytest.raises(InvalidInput):
        station.update_settings(ctx, denominations=typed)
    assert station.current().denominations == before


def test_full_width_denominations_are_read(ctx):
    assert station.update_settings(ctx, denominations="２０,５,1").denominations == (20, 5, 1)


def test_a_cap_in_other_scripts_is_refused():
    with pytest.raises(InvalidInput):
        catalogue.parse_cap("٤ hours/day")
    assert catalogue.parse_cap("4 hours/day") == (4, "day")


@pytest.mark.parametrize("value", ["٥٠", "-5", "5 0", "1_000", "", "+5", "5.0", True])
def test_whole_number_refuses_everything_but_plain_digits(value):
    with pytest.raises(ValueError):
        text.whole_number(value)


@pytest.mark.parametrize("value, number", [("50", 50), ("５０", 50), (" 7 ", 7), (0, 0)])
def test_whole_number_reads_ascii_and_full_width(value, number):
    assert text.whole_number(value) == number
