"""Partner activity: visits, letters, events and gifts per partner and year, and each partner's
last activity (for the dormancy rule, the partner page and the reports)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Iterable, Optional

import sqlalchemy as sa
from sqlalchemy.orm import Session

from krakow_desk.domain import tables as t
from krakow_desk.domain.enums import Precision
from krakow_desk.domain.fuzzydate import FuzzyDate

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk

KINDS = ("visits", "letters", "events", "gifts")


@dataclass(frozen=True)
class YearActivity:
    year: int
    visits: int = 0
    letters: int = 0
    events: int = 0
    gifts: int = 0

    @property
    def total(self) -> int:
        return self.visits + self.letters + self.events + self.gifts


def _sources() -> list[tuple[str, Any, Any, Any, Any]]:
    """(kind, partner column, date column, precision column, joined-from clause) per activity."""
    return [
        ("visits", t.VisitPartner.partner_id, t.Visit.start_on, t.Visit.start_on_precision,
         sa.join(t.Visit, t.VisitPartner, t.VisitPartner.visit_id == t.Visit.id)),
        ("letters", t.Letter.partner_id, t.Letter.date, None, t.Letter.__table__),
        ("events", t.EventPartner.partner_id, t.Event.start_on, t.Event.start_on_precision,
         sa.join(t.Event, t.EventPartner, t.EventPartner.event_id == t.Event.id)),
        ("gifts", t.Gift.partner_id, t.Gift.date, t.Gift.date_precision, t.Gift.__table__),
    ]


def _partner_ids(session: Session, keys: Optional[Iterable[str]]) -> dict[int, str]:
    query = sa.select(t.Partner.id, t.Partner.key)
    if keys is not None:
        query = query.where(t.Partner.key.in_(sorted(set(keys))))
    return {pid: key for pid, key in session.execute(query)}


def activity_in(session: Session, partners: Optional[Iterable[str]] = None,
                years: Optional[tuple[int, int]] = None) -> dict[str, list[YearActivity]]:
    """Per partner key, the counts per year (oldest first) of dated activity; records without a
    date cannot be placed in a year and are not counted."""
    ids = _partner_ids(session, partners)
    counts: dict[str, dict[int, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for kind, partner, when, _precision, source in _sources():
        year = sa.extract("year", when)
        query = (sa.select(partner, year, sa.func.count()).select_from(source)
                 .where(partner.in_(list(ids)), when.is_not(None)).group_by(partner, year))
        if years is not None:
            query = query.where(when >= date(years[0], 1, 1), when <= date(years[1], 12, 31))
        for pid, y, n in session.execute(query):
            counts[ids[pid]][int(y)][kind] = n
    return {key: [YearActivity(y, **per_kind) for y, per_kind in sorted(by_year.items())]
            for key, by_year in counts.items()}


def partner_activity(desk: "Desk", partner: str) -> list[YearActivity]:
    """One partner's activity per year, oldest first."""
    with desk.session() as session:
        return activity_in(session, [partner]).get(partner, [])


def activity_by_partner(desk: "Desk", first_year: Optional[int] = None,
                        last_year: Optional[int] = None) -> dict[str, list[YearActivity]]:
    """Every partner's activity per year, optionally limited to a span of years."""
    span = None
    if first_year is not None or last_year is not None:
        span = (first_year or 1, last_year or 9999)
    with desk.session() as session:
        return activity_in(session, years=span)


def last_activity_in(session: Session) -> dict[str, FuzzyDate]:
    """Per partner key, its latest dated visit, letter, event or gift, with the date's precision.

    A date known only to the year or month counts as its last possible day, so "2025" is recent
    activity until the end of 2025 plus the dormancy period: the rule never calls a partner
    dormant on a guess.
    """
    ids = _partner_ids(session, None)
    latest: dict[str, FuzzyDate] = {}
    for _kind, partner, when, precision, source in _sources():
        grouping = [partner] if precision is None else [partner, precision]
        query = (sa.select(*grouping, sa.func.max(when)).select_from(source)
                 .where(when.is_not(None), partner.is_not(None)).group_by(*grouping))
        for row in session.execute(query):
            pid, day = row[0], row[-1]
            fuzzy = FuzzyDate(day, Precision(row[1]) if precision is not None else Precision.DAY)
            key = ids.get(pid)
            if key is not None and (key not in latest or fuzzy.end > latest[key].end):
                latest[key] = fuzzy
    return latest
