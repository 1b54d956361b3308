"""The partnership records ("nearest", "most populous", "oldest"…), computed, never stored.

Pure: it takes plain facts about partners and answers with plain values, so it is tested without
a database and reused by the command line, the window and the annual summary.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Optional, Protocol, Sequence

from krakow_desk.domain.enums import PartnerStatusKind
from krakow_desk.domain.fuzzydate import FuzzyDate
from krakow_desk.domain.geo import distance_km

CURRENT_STATUSES = (PartnerStatusKind.ACTIVE, PartnerStatusKind.DORMANT)


class Period(Protocol):
    """A status period: the schema's StatusData satisfies it, so no conversion is needed."""
    status: PartnerStatusKind
    since: Optional[FuzzyDate]
    until: Optional[FuzzyDate]


@dataclass(frozen=True)
class PartnerFacts:
    key: str
    name: str
    name_en: Optional[str]
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    population: Optional[int] = None
    area_km2: Optional[float] = None
    elevation_m: Optional[float] = None
    is_capital: bool = False
    statuses: Sequence[Period] = ()
    documents: Sequence[FuzzyDate] = ()    # signing dates of its formal documents


def status_on(statuses: Sequence[Period], day: date) -> Optional[PartnerStatusKind]:
    """The status in force on ``day``: the latest period that has begun and not ended by then."""
    found = None
    for period in statuses:
        begun = period.since is None or period.since.start <= day
        ended = period.until is not None and period.until.end < day
        if begun and not ended:
            found = period.status
    return found


def is_current(partner: PartnerFacts, day: date) -> bool:
    """Cooperation is current unless it has ended or is suspended on that day, or has not begun.

    A partner with no recorded status history counts as current: nothing says otherwise.
    """
    if not partner.statuses:
        return True
    return status_on(partner.statuses, day) in CURRENT_STATUSES


@dataclass(frozen=True)
class Holder:
    """One record: who holds it and the figure."""
    key: str
    name: str
    name_en: Optional[str]
    value: Any


@dataclass(frozen=True)
class Records:
    as_of: date
    considered: int
    nearest: Optional[Holder] = None
    farthest: Optional[Holder] = None
    most_populous: Optional[Holder] = None
    least_populous: Optional[Holder] = None
    smallest_area: Optional[Holder] = None
    largest_area: Optional[Holder] = None
    highest: Optional[Holder] = None
    northernmost: Optional[Holder] = None
    southernmost: Optional[Holder] = None
    closest_to_equator: Optional[Holder] = None
    oldest: Optional[Holder] = None
    youngest: Optional[Holder] = None
    capitals: tuple[Holder, ...] = field(default_factory=tuple)


# Records in the order they are printed, with the figure each one carries in JSON.
RECORD_FIGURES: tuple[tuple[str, str], ...] = (
    ("nearest", "km"), ("farthest", "km"), ("most_populous", "population"),
    ("least_populous", "population"), ("smallest_area", "km2"), ("largest_area", "km2"),
    ("highest", "elevation_m"), ("northernmost", "lat"), ("southernmost", "lat"),
    ("closest_to_equator", "lat"), ("oldest", "date"), ("youngest", "date"),
)


def _pick(partners: Sequence[PartnerFacts], rank: Callable[[PartnerFacts], Any], largest: bool,
          figure: Optional[Callable[[PartnerFacts], Any]] = None) -> Optional[Holder]:
    """The partner ranked first; ``figure`` is what the record shows (default: the rank itself)."""
    candidates = [(rank(p), p) for p in partners if rank(p) is not None]
    if not candidates:
        return None
    # Ties go to the alphabetically first name, so the answer never depends on storage order.
    candidates.sort(key=lambda item: item[1].name)
    value, chosen = (max if largest else min)(candidates, key=lambda item: item[0])
    return Holder(chosen.key, chosen.name, chosen.name_en, figure(chosen) if figure else value)


def compute(partners: Sequence[PartnerFacts], home: Optional[tuple[float, float]], as_of: date) -> Records:
    current = [p for p in partners if is_current(p, as_of)]

    def distance(p: PartnerFacts) -> Optional[float]:
        if home is None or p.latitude is None or p.longitude is None:
            return None
        return distance_km(home[0], home[1], p.latitude, p.longitude)

    def first_document(p: PartnerFacts) -> Optional[FuzzyDate]:
        signed = [d for d in p.documents if d.start <= as_of]
        return min(signed) if signed else None

    def latitude(p: PartnerFacts) -> Optional[float]:
        return p.latitude

    def from_equator(p: PartnerFacts) -> Optional[float]:
        return abs(p.latitude) if p.latitude is not None else None

    def km(p: PartnerFacts) -> int:
        return round(distance(p) or 0)

    def signed(p: PartnerFacts) -> str:
        return first_document(p).iso()  # type: ignore[union-attr]

    return Records(
        as_of=as_of,
        considered=len(current),
        nearest=_pick(current, distance, False, km),
        farthest=_pick(current, distance, True, km),
        most_populous=_pick(current, lambda p: p.population, True),
        least_populous=_pick(current, lambda p: p.population, False),
        smallest_area=_pick(current, lambda p: p.area_km2, False),
        largest_area=_pick(current, lambda p: p.area_km2, True),
        highest=_pick(current, lambda p: p.elevation_m, True),
        northernmost=_pick(current, latitude, True),
        southernmost=_pick(current, latitude, False),
        closest_to_equator=_pick(current, from_equator, False, latitude),
        oldest=_pick(current, first_document, False, signed),
        youngest=_pick(current, first_document, True, signed),
        capitals=tuple(Holder(p.key, p.name, p.name_en, True)
                       for p in sorted(current, key=lambda p: p.name) if p.is_capital),
    )
