"""The annual cooperation summary's read model: one year's visits, letters, events and gifts
counted from the individual records, beside the totals the office reported by hand.

Counting rules (the report says them too):
- a visit or event belongs to the year its start falls in; a gift or letter, the year of its date;
  records without a date cannot be placed in a year and are not counted;
- cancelled visits are not counted (they did not happen);
- a month is known only for dates given to the month or the day; the others are counted under
  "month not known" in the monthly figures.

Visits, letters and events are read with a few narrow queries rather than as full read models, so a
year with thousands of visits stays quick (the per-visit participants and programme are not needed).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import MAXYEAR, MINYEAR, date
from decimal import Decimal
from typing import TYPE_CHECKING, Optional

import sqlalchemy as sa
from sqlalchemy.orm import Session

from krakow_desk.collation import sort_key
from krakow_desk.domain import schema as s
from krakow_desk.domain import tables as t
from krakow_desk.domain.enums import (
    AgreementState, Direction, Domain, EventKind, FigureMetric, GiftDirection, Precision, VisitStatus,
)
from krakow_desk.domain.records import Records
from krakow_desk.domain.terms import agreement_states
from krakow_desk.i18n import _
from krakow_desk.services.activity import YearActivity
from krakow_desk.services.errors import DeskError
from krakow_desk.titles import partner_name

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk

# events the programme counts as "presentations and fairs"
PRESENTATION_KINDS = frozenset({EventKind.CITY_PRESENTATION, EventKind.PARTNER_PRESENTATION, EventKind.FAIR})
ENDED_STATES = frozenset({AgreementState.EXPIRED, AgreementState.TERMINATED, AgreementState.SUPERSEDED})


@dataclass(frozen=True)
class GiftTotals:
    count: int = 0
    values: dict[str, Decimal] = field(default_factory=dict)   # currency → sum, currencies sorted
    without_value: int = 0                                       # gifts whose value is not recorded


@dataclass(frozen=True)
class Totals:
    """One year's counts of individual records."""
    year: int
    delegations_received: int = 0        # incoming visits
    delegations_from_partners: int = 0   # incoming visits with at least one partner
    trips_abroad: int = 0                # outgoing visits
    events: int = 0
    presentations_and_fairs: int = 0     # events of PRESENTATION_KINDS
    letters_in: int = 0
    letters_out: int = 0
    gifts_given: GiftTotals = field(default_factory=GiftTotals)
    gifts_received: GiftTotals = field(default_factory=GiftTotals)

    def count(self, metric: FigureMetric) -> int:
        """The count of records that a reported figure of ``metric`` stands beside."""
        return getattr(self, metric.value)

    @property
    def empty(self) -> bool:
        return not (self.delegations_received or self.trips_abroad or self.events or self.letters_in
                    or self.letters_out or self.gifts_given.count or self.gifts_received.count)


@dataclass(frozen=True, kw_only=True)
class PartnerRow(YearActivity):
    """A partner's activity in the summary's year: the counts of services.activity, with the partner."""
    partner: s.PartnerData


@dataclass(frozen=True)
class DomainRow:
    domain: Domain
    events: int = 0      # events of the year in this domain
    partners: int = 0    # partners active in the year that cooperate in this domain


@dataclass(frozen=True)
class MonthRow:
    month: Optional[int]   # 1–12; None: "month not known"
    visits: int = 0
    letters: int = 0
    events: int = 0


@dataclass(frozen=True)
class AgreementRow:
    agreement: s.AgreementData
    partner: Optional[s.PartnerData]
    state: AgreementState            # as of 31 December of the year
    ended_on: Optional[date] = None  # for agreements that ended in the year


@dataclass(frozen=True)
class FeeRow:
    organisation: s.OrganisationData
    membership: s.MembershipData


@dataclass(frozen=True)
class AnnualSummary:
    year: int
    totals: Totals
    previous: Totals
    reported: dict[FigureMetric, s.YearlyFigureData]           # the office's own totals for the year
    reported_previous: dict[FigureMetric, s.YearlyFigureData]
    partners: list[PartnerRow]          # partners with activity in the year, most active first
    domains: list[DomainRow]            # domains with any count, most first
    months: list[MonthRow]              # 1…12, then "month not known" when there is any
    records: Records
    signed: list[AgreementRow]
    ended: list[AgreementRow]
    fees: list[FeeRow]
    all_partners: list[s.PartnerData]   # for the map
    home: Optional[s.HomeData] = None   # Krakow, for the map

    @property
    def empty(self) -> bool:
        return self.totals.empty and not self.signed and not self.ended


# -- reading ---------------------------------------------------------------------------------------

def _span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _month(day: date, precision: Optional[str]) -> Optional[int]:
    return None if precision == Precision.YEAR.value or precision == Precision.YEAR else day.month


@dataclass
class _Year:
    """What the queries read for one year, before it becomes the read model."""
    visits: list[tuple[int, str, date, str]] = field(default_factory=list)  # id, direction, start, precision
    visit_partners: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    letters: list[tuple[str, date, Optional[int]]] = field(default_factory=list)
    events: list[tuple[int, str, date, str]] = field(default_factory=list)  # id, kind, start, precision
    event_partners: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    event_domains: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    gifts: list[tuple[str, Optional[Decimal], Optional[str], Optional[int]]] = field(default_factory=list)


def _read_year(session: Session, year: int) -> _Year:
    first, last = _span(year)
    data = _Year()
    v = t.Visit
    in_year = sa.and_(v.start_on >= first, v.start_on <= last, v.status != VisitStatus.CANCELLED)
    for row in session.execute(sa.select(v.id, v.direction, v.start_on, v.start_on_precision).where(in_year)):
        data.visits.append((row[0], str(row[1]), row[2], str(row[3])))
    query = sa.select(t.VisitPartner.visit_id, t.VisitPartner.partner_id).join(v, v.id == t.VisitPartner.visit_id)
    for visit_id, partner_id in session.execute(query.where(in_year)):
        data.visit_partners[visit_id].append(partner_id)
    letter = t.Letter
    data.letters = [(str(d), day, p) for d, day, p in session.execute(
        sa.select(letter.direction, letter.date, letter.partner_id).where(letter.date >= first, letter.date <= last))]
    e = t.Event
    ev_year = sa.and_(e.start_on >= first, e.start_on <= last)
    for row in session.execute(sa.select(e.id, e.kind, e.start_on, e.start_on_precision).where(ev_year)):
        data.events.append((row[0], str(row[1]), row[2], str(row[3])))
    for event_id, partner_id in session.execute(sa.select(t.EventPartner.event_id, t.EventPartner.partner_id)
                                                .join(e, e.id == t.EventPartner.event_id).where(ev_year)):
        data.event_partners[event_id].append(partner_id)
    for event_id, domain in session.execute(sa.select(t.EventDomain.event_id, t.EventDomain.domain)
                                            .join(e, e.id == t.EventDomain.event_id).where(ev_year)):
        data.event_domains[event_id].append(str(domain.value if hasattr(domain, "value") else domain))
    g = t.Gift
    data.gifts = [(str(d), value, currency, p) for d, value, currency, p in session.execute(
        sa.select(g.direction, g.value, g.currency, g.partner_id).where(g.date >= first, g.date <= last))]
    return data


def _gift_totals(gifts: list[tuple[str, Optional[Decimal], Optional[str], Optional[int]]], direction: str) -> GiftTotals:
    sums: dict[str, Decimal] = defaultdict(Decimal)
    count = without = 0
    for d, value, currency, _partner in gifts:
        if d != direction:
            continue
        count += 1
        if value is None or not currency:
            without += 1
        else:
            sums[currency] += Decimal(value)
    return GiftTotals(count, {c: sums[c] for c in sorted(sums)}, without)


def _totals(year: int, data: _Year) -> Totals:
    incoming = [visit for visit in data.visits if visit[1] == Direction.INCOMING.value]
    return Totals(
        year=year,
        delegations_received=len(incoming),
        delegations_from_partners=sum(1 for visit in incoming if data.visit_partners.get(visit[0])),
        trips_abroad=sum(1 for visit in data.visits if visit[1] == Direction.OUTGOING.value),
        events=len(data.events),
        presentations_and_fairs=sum(1 for event in data.events if event[1] in PRESENTATION_KINDS),
        letters_in=sum(1 for letter in data.letters if letter[0] == Direction.INCOMING.value),
        letters_out=sum(1 for letter in data.letters if letter[0] == Direction.OUTGOING.value),
        gifts_given=_gift_totals(data.gifts, GiftDirection.GIVEN.value),
        gifts_received=_gift_totals(data.gifts, GiftDirection.RECEIVED.value),
    )


def _partner_rows(year: int, data: _Year, partners: dict[int, s.PartnerData]) -> list[PartnerRow]:
    counts: dict[int, Counter] = defaultdict(Counter)
    for visit_id, ids in data.visit_partners.items():
        for pid in ids:
            counts[pid]["visits"] += 1
    for _d, _day, pid in data.letters:
        if pid is not None:
            counts[pid]["letters"] += 1
    for event_id, ids in data.event_partners.items():
        for pid in ids:
            counts[pid]["events"] += 1
    for _d, _v, _c, pid in data.gifts:
        if pid is not None:
            counts[pid]["gifts"] += 1
    rows = [PartnerRow(year, partner=partners[pid], **dict(c)) for pid, c in counts.items() if pid in partners]
    rows.sort(key=lambda r: (-r.total, sort_key(partner_name(r.partner))))
    return rows


def _domain_rows(data: _Year, active: list[s.PartnerData]) -> list[DomainRow]:
    events = Counter(d for domains in data.event_domains.values() for d in domains)
    partners = Counter(d.value for p in active for d in p.domains)
    rows = [DomainRow(d, events.get(d.value, 0), partners.get(d.value, 0)) for d in Domain
            if events.get(d.value) or partners.get(d.value)]
    rows.sort(key=lambda r: (-(r.events + r.partners), list(Domain).index(r.domain)))
    return rows


def _month_rows(data: _Year) -> list[MonthRow]:
    counts: dict[Optional[int], Counter] = defaultdict(Counter)
    for _id, _d, day, precision in data.visits:
        counts[_month(day, precision)]["visits"] += 1
    for _d, day, _p in data.letters:
        counts[day.month]["letters"] += 1
    for _id, _k, day, precision in data.events:
        counts[_month(day, precision)]["events"] += 1
    rows = [MonthRow(m, **dict(counts.get(m, {}))) for m in range(1, 13)]
    if None in counts:
        rows.append(MonthRow(None, **dict(counts[None])))
    return rows


def _agreements(desk: "Desk", year: int, partners: dict[str, s.PartnerData]) -> tuple[list[AgreementRow], list[AgreementRow]]:
    agreements = desk.agreements.all()
    first, last = _span(year)
    states = agreement_states(agreements, last)
    signed, ended = [], []
    for a in agreements:
        state = states[a.key]
        if a.signed_on is not None and a.signed_on.start.year == year:
            signed.append(AgreementRow(a, partners.get(a.partner), state.status))
        if state.status in ENDED_STATES and state.ended_on is not None and first <= state.ended_on <= last:
            ended.append(AgreementRow(a, partners.get(a.partner), state.status, state.ended_on))
    signed.sort(key=lambda r: (r.agreement.signed_on.start, r.agreement.key))
    ended.sort(key=lambda r: (r.ended_on, r.agreement.key))
    return signed, ended


def _fees(desk: "Desk", year: int) -> list[FeeRow]:
    organisations = {o.key: o for o in desk.organisations.all()}
    rows = []
    for m in desk.memberships.all():
        if (m.joined_year is not None and m.joined_year > year) or (m.left_year is not None and m.left_year < year):
            continue
        organisation = organisations.get(m.organisation)
        if organisation is not None:
            rows.append(FeeRow(organisation, m))
    rows.sort(key=lambda r: sort_key(r.organisation.acronym or r.organisation.name))
    return rows


def _reported(figures: list[s.YearlyFigureData], year: int) -> dict[FigureMetric, s.YearlyFigureData]:
    return {f.metric: f for f in figures if f.year == year}


def annual_summary(desk: "Desk", year: int) -> AnnualSummary:
    """The year's summary, read in one go (call it in the report's language: nothing here is
    translated, but the caller's partner names are what the report prints)."""
    # The summary compares with the year before: both must be calendar years Python can hold.
    if isinstance(year, bool) or not isinstance(year, int) or not MINYEAR < year <= MAXYEAR:
        raise DeskError(_("the year must be between {first} and {last}").format(
            first=MINYEAR + 1, last=MAXYEAR))
    all_partners = desk.partners.all()
    by_key = {p.key: p for p in all_partners}
    with desk.session() as session:
        ids = {pid: key for pid, key in session.execute(sa.select(t.Partner.id, t.Partner.key))}
        data = _read_year(session, year)
        before = _read_year(session, year - 1)
    by_id = {pid: by_key[key] for pid, key in ids.items() if key in by_key}
    rows = _partner_rows(year, data, by_id)
    signed, ended = _agreements(desk, year, by_key)
    figures = desk.yearly_figures()
    return AnnualSummary(
        year=year, totals=_totals(year, data), previous=_totals(year - 1, before),
        reported=_reported(figures, year), reported_previous=_reported(figures, year - 1),
        partners=rows, domains=_domain_rows(data, [r.partner for r in rows]), months=_month_rows(data),
        records=desk.records(as_of=date(year, 12, 31)), signed=signed, ended=ended, fees=_fees(desk, year),
        all_partners=all_partners, home=desk.home(),
    )
