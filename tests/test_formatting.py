"""Dates, numbers, quantities, money and clock times as people read them, in Polish and English."""

from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from krakow_desk import formatting as f
from krakow_desk.domain.enums import Precision
from krakow_desk.domain.fuzzydate import FuzzyDate
from krakow_desk.i18n import set_language

NB = "\N{NO-BREAK SPACE}"


@pytest.fixture(params=["pl", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    set_language(request.param)
    return request.param


def pick(lang: str, polish: str, english: str) -> str:
    return polish if lang == "pl" else english


# -- dates ---------------------------------------------------------------------------------------

def test_full_dates(lang: str) -> None:
    assert f.format_date(date(2026, 11, 22)) == pick(lang, "22 listopada 2026", "22 November 2026")
    assert f.format_date(datetime(2026, 11, 22, 14, 5)) == f.format_date(date(2026, 11, 22))


@pytest.mark.parametrize("day, polish, english", [
    (date(2026, 1, 31), "31 stycznia 2026", "31 January 2026"),
    (date(2026, 2, 28), "28 lutego 2026", "28 February 2026"),
    (date(2028, 2, 29), "29 lutego 2028", "29 February 2028"),
    (date(2026, 12, 31), "31 grudnia 2026", "31 December 2026"),
])
def test_month_end_dates(lang: str, day: date, polish: str, english: str) -> None:
    assert f.format_date(day) == pick(lang, polish, english)


def test_month_precision_uses_the_nominative_month(lang: str) -> None:
    assert f.format_date(date(2026, 11, 1), Precision.MONTH) == pick(lang, "listopad 2026", "November 2026")
    assert f.format_date(FuzzyDate.parse("2003-12")) == pick(lang, "grudzień 2003", "December 2003")
    assert f.format_date(date(2026, 2, 28), Precision.MONTH) == pick(lang, "luty 2026", "February 2026")


def test_year_precision_and_missing_dates(lang: str) -> None:
    assert f.format_date(FuzzyDate.parse("2004")) == "2004"
    assert f.format_date(date(2004, 7, 1), Precision.YEAR) == "2004"
    assert f.format_date("2016-05") == pick(lang, "maj 2016", "May 2016")
    assert f.format_date(None) == "" and f.format_short_date(None) == ""


def test_short_dates_are_iso_in_both_languages(lang: str) -> None:
    assert f.format_short_date(date(2026, 11, 22)) == "2026-11-22"
    assert f.format_short_date(FuzzyDate.parse("2003-12")) == "2003-12"
    assert f.format_short_date(FuzzyDate.parse("2004")) == "2004"


def test_date_ranges_share_what_both_ends_share(lang: str) -> None:
    assert f.format_date_range(date(2026, 11, 22), date(2026, 11, 24)) == \
        pick(lang, "22–24 listopada 2026", "22–24 November 2026")
    assert f.format_date_range(date(2026, 11, 30), date(2026, 12, 2)) == \
        pick(lang, "30 listopada – 2 grudnia 2026", "30 November – 2 December 2026")
    assert f.format_date_range(date(2026, 12, 31), date(2027, 1, 1)) == \
        pick(lang, "31 grudnia 2026 – 1 stycznia 2027", "31 December 2026 – 1 January 2027")
    assert f.format_date_range(date(2026, 5, 4), None) == f.format_date(date(2026, 5, 4))
    assert f.format_date_range(date(2026, 5, 4), date(2026, 5, 4)) == f.format_date(date(2026, 5, 4))


# -- numbers and quantities -----------------------------------------------------------------------

def test_whole_numbers_are_grouped(lang: str) -> None:
    assert f.format_number(1234567) == pick(lang, f"1{NB}234{NB}567", "1,234,567")
    assert f.format_number(804237.4) == pick(lang, f"804{NB}237", "804,237")
    assert f.format_number(0) == "0" and f.format_number(None) == ""


def test_decimals_have_a_fixed_number_of_digits(lang: str) -> None:
    assert f.format_decimal(12.5, 1) == pick(lang, "12,5", "12.5")
    assert f.format_decimal(Decimal("1234.5"), 2) == pick(lang, f"1{NB}234,50", "1,234.50")
    assert f.format_decimal(7, 0) == "7"
    assert f.format_decimal(None) == ""


def test_quantities_with_units(lang: str) -> None:
    assert f.format_km(1234.4) == pick(lang, f"1{NB}234{NB}km", f"1,234{NB}km")
    assert f.format_area(326.8) == pick(lang, f"326,8{NB}km²", f"326.8{NB}km²")
    assert f.format_area(49.36) == pick(lang, f"49,4{NB}km²", f"49.4{NB}km²")
    assert f.format_elevation(219) == pick(lang, f"219{NB}m{NB}n.p.m.", f"219{NB}m{NB}a.s.l.")
    assert f.format_population(804237, 2021) == pick(lang, f"804{NB}237 (2021)", "804,237 (2021)")
    assert f.format_population(804237) == pick(lang, f"804{NB}237", "804,237")
    assert f.format_km(None) == f.format_area(None) == f.format_elevation(None) == f.format_population(None) == ""


def test_coordinates_in_degrees_and_minutes(lang: str) -> None:
    assert f.format_coordinates(50.06143, 19.93658) == "50°04′N 19°56′E"        # Krakow
    assert f.format_coordinates(-33.45694, -70.64827) == "33°27′S 70°39′W"      # Santiago
    assert f.format_coordinates(59.9999, 0.0) == "60°00′N 0°00′E"               # minutes carry over
    assert f.format_coordinates(None, 19.9) == ""


def test_money(lang: str) -> None:
    assert f.format_money(1200, "PLN") == pick(lang, f"1{NB}200,00{NB}zł", f"PLN{NB}1,200.00")
    assert f.format_money(Decimal("1200"), "eur") == pick(lang, f"1{NB}200,00{NB}€", "€1,200.00")
    assert f.format_money(99.5, None) == pick(lang, "99,50", "99.50")
    assert f.format_money(None, "PLN") == ""


# -- clocks ----------------------------------------------------------------------------------------

UTC = timezone.utc


def test_local_time_there(lang: str) -> None:
    noon_utc = datetime(2026, 7, 1, 12, 5, tzinfo=UTC)
    assert f.local_time("Europe/Kyiv", noon_utc) == "15:05"
    assert f.local_time("America/Lima", noon_utc) == "07:05"
    # another calendar day there than in Krakow: the weekday says which
    assert f.local_time("Asia/Shanghai", datetime(2026, 11, 22, 20, 5, tzinfo=UTC)) == \
        pick(lang, "04:05 (pon.)", "04:05 (Mon)")
    assert f.local_time("America/New_York", datetime(2026, 11, 22, 0, 30, tzinfo=UTC)) == \
        pick(lang, "19:30 (sob.)", "19:30 (Sat)")


def test_local_time_reads_naive_times_as_krakow_time() -> None:
    assert f.local_time("Europe/London", datetime(2026, 1, 15, 12, 0)) == "11:00"


def test_local_time_of_an_unknown_zone_is_empty() -> None:
    assert f.local_time(None) == f.local_time("") == f.local_time("Mars/Olympus") == ""
    assert f.local_time("../../etc/passwd") == ""
    assert len(f.local_time("Europe/Warsaw")) == 5          # now, "HH:MM"


@pytest.mark.parametrize("zone, at, expected", [
    ("Europe/Warsaw", datetime(2026, 1, 15, 12), "0 h"),
    ("Europe/Kyiv", datetime(2026, 1, 15, 12), "+1 h"),
    ("Europe/London", datetime(2026, 7, 1, 12), "−1 h"),
    ("America/New_York", datetime(2026, 1, 15, 12), "−6 h"),
    # the United States moves its clocks on 8 March, Europe only on 29 March 2026
    ("America/New_York", datetime(2026, 3, 15, 12), "−5 h"),
    ("America/New_York", datetime(2026, 4, 15, 12), "−6 h"),
    # Europe goes back on 25 October, the United States on 1 November 2026
    ("America/New_York", datetime(2026, 10, 28, 12), "−5 h"),
    ("America/New_York", datetime(2026, 11, 5, 12), "−6 h"),
    # southern summer: Chile is on summer time while Krakow is on winter time
    ("America/Santiago", datetime(2026, 1, 15, 12), "−4 h"),
    ("America/Santiago", datetime(2026, 7, 15, 12), "−6 h"),
    ("Asia/Kolkata", datetime(2026, 1, 15, 12), "+4 h 30 min"),
    ("Asia/Kathmandu", datetime(2026, 7, 1, 12), "+3 h 45 min"),
    ("America/St_Johns", datetime(2026, 1, 15, 12), "−4 h 30 min"),
    ("Asia/Shanghai", datetime(2026, 7, 1, 12), "+6 h"),
])
def test_time_difference_follows_summer_time(lang: str, zone: str, at: datetime, expected: str) -> None:
    assert f.time_difference(zone, at=at) == expected


def test_time_difference_on_the_night_krakow_changes_its_clocks() -> None:
    # 29 March 2026, 01:00 UTC: Warsaw and London move their clocks at the same instant,
    # so London stays an hour behind across the change
    before = datetime(2026, 3, 29, 0, 59, tzinfo=UTC)
    after = datetime(2026, 3, 29, 1, 1, tzinfo=UTC)
    assert f.time_difference("Europe/London", at=before) == f.time_difference("Europe/London", at=after) == "−1 h"
    # New York has been on summer time since 8 March: 5 hours behind until Krakow moves, then 6
    assert f.time_difference("America/New_York", at=before) == "−5 h"
    assert f.time_difference("America/New_York", at=after) == "−6 h"


def test_time_difference_from_another_home_and_unknown_zones() -> None:
    assert f.time_difference("Europe/Warsaw", home_tz="America/New_York", at=datetime(2026, 1, 15, 12)) == "+6 h"
    assert f.time_difference(None) == f.time_difference("Nowhere/Else") == ""
    assert f.time_difference("Europe/Paris", home_tz="Nowhere/Else") == ""
