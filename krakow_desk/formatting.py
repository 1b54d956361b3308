"""Dates, numbers, quantities, money and clock times for people, in the current language.

Shared by the window and the reports (no Qt here). Everything goes through Babel's CLDR data for
krakow_desk.i18n.language(); every function returns "" for a missing value, so a table cell or a
report line never shows "None".
"""

import re
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date as _babel_date, get_day_names
from babel.numbers import format_currency, format_decimal as _babel_decimal

from krakow_desk.domain.enums import Precision
from krakow_desk.domain.fuzzydate import FuzzyDate
from krakow_desk.i18n import _, language

HOME_TIMEZONE = "Europe/Warsaw"
MINUS = "\N{MINUS SIGN}"
NBSP = "\N{NO-BREAK SPACE}"
# The office writes British English ("22 November 2026"), not American ("November 22, 2026").
_LOCALES = {"pl": "pl_PL", "en": "en_GB"}
# Explicit patterns, so both languages put the day first; LLLL is the stand-alone month name,
# which Polish needs on its own ("listopad 2026", not the genitive "listopada 2026").
_DATE_PATTERNS = {Precision.DAY: "d MMMM y", Precision.MONTH: "LLLL y", Precision.YEAR: "y"}

Number = int | float | Decimal


def _locale() -> str:
    return _LOCALES.get(language(), language())


# -- dates ---------------------------------------------------------------------------------------

def _fuzzy(value: "FuzzyDate | date | str", precision: Precision) -> FuzzyDate:
    if isinstance(value, FuzzyDate):
        return value
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return FuzzyDate(value, precision)
    return FuzzyDate.parse(value)


def format_date(value: "FuzzyDate | date | str | None", precision: Precision = Precision.DAY) -> str:
    """"22 listopada 2026" / "22 November 2026"; "listopad 2026"; "2026" — a FuzzyDate (or an
    ISO text "2026-11") brings its own precision."""
    if value is None or value == "":
        return ""
    fuzzy = _fuzzy(value, precision)
    return _babel_date(fuzzy.start, _DATE_PATTERNS[fuzzy.precision], locale=_locale())


def format_short_date(value: "FuzzyDate | date | str | None") -> str:
    """ISO form for table cells in both languages: "2026-11-22", "2026-11", "2026".

    ISO reads the same in Polish and English, never mixes up day and month, and sorts as text.
    """
    if value is None or value == "":
        return ""
    return _fuzzy(value, Precision.DAY).iso()


def format_date_range(start: date | None, end: date | None) -> str:
    """A visit's or event's dates, sharing what both ends share: "22–24 listopada 2026",
    "30 listopada – 2 grudnia 2026", "30 December 2026 – 2 January 2027"."""
    if start is None or end is None or end == start:
        return format_date(start or end)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end)}"
    first = "d MMMM" if start.year == end.year else "d MMMM y"
    return f"{_babel_date(start, first, locale=_locale())} – {format_date(end)}"


# -- numbers and quantities -----------------------------------------------------------------------

def format_number(n: Number | None) -> str:
    """A whole number with the language's grouping: "1 234 567" (no-break spaces) / "1,234,567"."""
    if n is None:
        return ""
    return _babel_decimal(round(n), format="#,##0", locale=_locale())


def format_decimal(x: Number | None, digits: int = 1) -> str:
    """A number with exactly ``digits`` decimals: "12,5" / "12.5"; grouped like format_number."""
    if x is None:
        return ""
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return _babel_decimal(x, format=pattern, locale=_locale())


def format_km(km: Number | None) -> str:
    """A distance in whole kilometres: "1 234 km"."""
    return "" if km is None else f"{format_number(km)}{NBSP}km"


def format_area(km2: Number | None) -> str:
    """An area to a tenth of a square kilometre: "326,8 km²"."""
    return "" if km2 is None else f"{format_decimal(km2, 1)}{NBSP}km²"


def format_elevation(m: Number | None) -> str:
    """Height above sea level in whole metres: "219 m n.p.m." / "219 m a.s.l."."""
    if m is None:
        return ""
    return _("{n} m a.s.l.").format(n=format_number(m)).replace(" ", NBSP)  # never wrapped


def format_population(n: int | None, year: int | None = None) -> str:
    """Inhabitants, with the year of the count where known: "804 237 (2021)"."""
    if n is None:
        return ""
    return f"{format_number(n)} ({year})" if year else format_number(n)


def _dm(value: float, positive: str, negative: str) -> str:
    minutes = round(abs(value) * 60)          # rounded to the minute, carrying into degrees
    degrees, minutes = divmod(minutes, 60)
    return f"{degrees}°{minutes:02d}′{positive if value >= 0 else negative}"


def format_coordinates(lat: float | None, lon: float | None) -> str:
    """Degrees and minutes, the same in both languages: "50°04′N 19°56′E"."""
    if lat is None or lon is None:
        return ""
    return f"{_dm(lat, 'N', 'S')} {_dm(lon, 'E', 'W')}"


def format_money(amount: Number | None, currency: str | None) -> str:
    """"1 200,00 zł" / "PLN 1,200.00"; without a currency, just the amount with two decimals."""
    if amount is None:
        return ""
    if not currency:
        return format_decimal(amount, 2)
    text = format_currency(amount, currency.upper(), locale=_locale())
    # CLDR's currency spacing (which Babel skips): a code or letters never touch the digits
    return re.sub(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])", NBSP, text)


# -- clocks ----------------------------------------------------------------------------------------

def _zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _instant(moment: datetime | None, home: ZoneInfo) -> datetime:
    if moment is None:
        return datetime.now(timezone.utc)
    # a naive time is read as the office's wall clock, never as the machine's time zone
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=home)


def local_time(tz: str | None, now: datetime | None = None, home_tz: str = HOME_TIMEZONE) -> str:
    """The time there now, "14:05"; with the weekday there when it is another day than in
    Krakow: "03:05 (czw.)". "" when the time zone is missing or unknown."""
    zone, home = _zone(tz), _zone(home_tz) or ZoneInfo(HOME_TIMEZONE)
    if zone is None:
        return ""
    instant = _instant(now, home)
    there, here = instant.astimezone(zone), instant.astimezone(home)
    text = there.strftime("%H:%M")
    if there.date() != here.date():
        weekday = get_day_names("abbreviated", locale=_locale())[there.weekday()]
        text = f"{text} ({weekday})"
    return text


def time_difference(tz: str | None, home_tz: str = HOME_TIMEZONE, at: datetime | None = None) -> str:
    """How far the clock there is ahead of Krakow's at that moment (summer time included):
    "+1 h", "−6 h", "+5 h 30 min", "0 h"; "" when the time zone is missing or unknown."""
    zone, home = _zone(tz), _zone(home_tz)
    if zone is None or home is None:
        return ""
    instant = _instant(at, home)
    offset = instant.astimezone(zone).utcoffset() - instant.astimezone(home).utcoffset()
    return _hours(offset)


def _hours(offset: timedelta) -> str:
    minutes = round(offset.total_seconds() / 60)
    if minutes == 0:
        return _("0 h")
    sign = "+" if minutes > 0 else MINUS
    hours, minutes = divmod(abs(minutes), 60)
    if minutes:
        return _("{sign}{hours} h {minutes} min").format(sign=sign, hours=hours, minutes=minutes)
    return _("{sign}{hours} h").format(sign=sign, hours=hours)
