"""Dates known to the day, the month or only the year.

Sources often say "in 2004" or "in December 2003". Such a date is stored as its first day plus a
precision, so it sorts with full dates yet is never shown as 1 January.
"""

import re
from dataclasses import dataclass
from datetime import date

from krakow_desk.domain.enums import Precision

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class FuzzyDateError(ValueError):
    """The text is not a date in one of the forms YYYY, YYYY-MM or YYYY-MM-DD."""


@dataclass(frozen=True, order=True)
class FuzzyDate:
    start: date
    precision: Precision = Precision.DAY

    @classmethod
    def parse(cls, text: str) -> "FuzzyDate":
        match = _PATTERN.match(text.strip())
        if not match:
            raise FuzzyDateError(f"'{text}' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = match.groups()
        try:
            if day is not None:
                return cls(date(int(year), int(month), int(day)), Precision.DAY)
            if month is not None:
                return cls(date(int(year), int(month), 1), Precision.MONTH)
            return cls(date(int(year), 1, 1), Precision.YEAR)
        except ValueError:
            raise FuzzyDateError(f"'{text}' is not a real calendar date") from None

    @classmethod
    def of(cls, value: "FuzzyDate | date | str") -> "FuzzyDate":
        if isinstance(value, FuzzyDate):
            return value
        if isinstance(value, date):
            return cls(value, Precision.DAY)
        return cls.parse(value)

    @property
    def end(self) -> date:
        """The last day the date can mean: '2004' runs to 31 December 2004."""
        if self.precision is Precision.YEAR:
            return date(self.start.year, 12, 31)
        if self.precision is Precision.MONTH:
            following = date(self.start.year + self.start.month // 12, self.start.month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        return self.start

    def iso(self) -> str:
        if self.precision is Precision.YEAR:
            return f"{self.start.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return self.start.isoformat()

    def __str__(self) -> str:
        return self.iso()
