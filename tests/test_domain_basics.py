"""Pure rules: partial dates and Polish text folding."""

from datetime import date

import pytest
from hypothesis import given, strategies as st

from krakow_desk.domain.enums import Precision
from krakow_desk.domain.fuzzydate import FuzzyDate, FuzzyDateError
from krakow_desk.domain.text import fold, slugify


@pytest.mark.parametrize("text, start, precision", [
    ("2004", date(2004, 1, 1), Precision.YEAR),
    ("2003-12", date(2003, 12, 1), Precision.MONTH),
    ("1973-07-18", date(1973, 7, 18), Precision.DAY),
])
def test_partial_dates_keep_their_precision(text: str, start: date, precision: Precision) -> None:
    parsed = FuzzyDate.parse(text)
    assert (parsed.start, parsed.precision) == (start, precision)
    assert parsed.iso() == text


@pytest.mark.parametrize("text", ["2023-02-30", "2023-13", "23-01-01", "", "2004-1-1", "yesterday"])
def test_impossible_or_malformed_dates_are_refused(text: str) -> None:
    with pytest.raises(FuzzyDateError):
        FuzzyDate.parse(text)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)))
def test_full_dates_round_trip(day: date) -> None:
    assert FuzzyDate.parse(day.isoformat()) == FuzzyDate(day, Precision.DAY)


def test_a_year_sorts_before_a_day_within_it() -> None:
    assert FuzzyDate.parse("2004") <= FuzzyDate.parse("2004-05-10")


@pytest.mark.parametrize("text, folded", [
    ("Łódź", "lodz"), ("KRAKÓW", "krakow"), ("Göteborg", "goteborg"), ("Košice", "kosice"),
    ("Pécs", "pecs"), ("  Frankfurt   nad  Menem ", "frankfurt nad menem"), ("Київ", "киів"),
])
def test_fold_strips_case_and_diacritics_including_l_stroke(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_slugify_makes_key_safe_text() -> None:
    assert slugify("Frankfurt nad Menem — 1991") == "frankfurt-nad-menem-1991"
    assert slugify("Żółć & Łąka") == "zolc-laka"
