"""The agenda: what needs doing or deciding in the coming days.

Five lists, as ``krakow-desk agenda --json`` prints them (DESIGN.md §4): overdue follow-ups,
replies due (ours to incoming letters, theirs to ours), upcoming visits, agreement deadlines
(notice deadlines before automatic renewals, ends of fixed terms and of cooperation programmes,
computed by krakow_desk.domain.terms) and dormant partners (no dated activity within the office's
dormancy period, 24 months unless Settings say otherwise).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Optional

from krakow_desk.collation import sort_key
from krakow_desk.domain.enums import AgreementKind, Precision
from krakow_desk.domain.fuzzydate import FuzzyDate
from krakow_desk.domain.records import CURRENT_STATUSES, status_on
from krakow_desk.domain.schema import AgreementData
from krakow_desk.domain.terms import TermEvent, TermEventKind, successors, term_events
from krakow_desk.formatting import format_date
from krakow_desk.i18n import N_, _
from krakow_desk.services.errors import DeskError
from krakow_desk.services.search import PartnerRef
from krakow_desk.titles import agreement_title

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk

DEFAULT_DAYS = 60
# every list of the agenda, in the order people read them, with its heading
LISTS: tuple[tuple[str, str], ...] = (
    ("overdue", N_("Overdue follow-ups")),
    ("replies_due", N_("Replies due")),
    ("upcoming_visits", N_("Upcoming visits")),
    ("deadlines", N_("Agreement deadlines")),
    ("dormant_partners", N_("Dormant partners")),
)
# documents whose end closes a period of planned cooperation rather than an agreement's term
PROGRAMMES = frozenset({AgreementKind.COOPERATION_PROGRAMME, AgreementKind.COOPERATION_PROTOCOL})

NOTICE_DEADLINE, EXPIRY, PROGRAMME_END = "notice_deadline", "expiry", "programme_end"


@dataclass(frozen=True)
class AgendaItem:
    """One thing on the agenda; ``key`` is the record it comes from, of kind ``record_kind``.

    ``date`` is None only for a dormant partner with no dated activity at all; a date known to
    the month or year (a visit "in May", a last activity "in 2005") keeps its ``precision``.
    """
    date: Optional[date]
    kind: str
    title: str
    partner: Optional[PartnerRef]
    key: Optional[str] = None
    record_kind: str = "agreement"
    precision: Precision = Precision.DAY

    def as_json(self) -> dict[str, Any]:
        """The documented item shape of ``krakow-desk agenda --json``: ISO 8601 dates, reduced
        to the month or year where that is all that is known."""
        partner = {"name": self.partner.name, "name_en": self.partner.name_en} if self.partner else None
        when = FuzzyDate(self.date, self.precision).iso() if self.date else None
        return {"date": when, "kind": self.kind, "title": self.title, "partner": partner}


@dataclass(frozen=True)
class Agenda:
    """The agenda from ``today`` for ``days`` days (both ends included)."""
    today: date
    days: int
    overdue: list[AgendaItem] = field(default_factory=list)
    replies_due: list[AgendaItem] = field(default_factory=list)
    upcoming_visits: list[AgendaItem] = field(default_factory=list)
    deadlines: list[AgendaItem] = field(default_factory=list)
    dormant_partners: list[AgendaItem] = field(default_factory=list)

    @property
    def until(self) -> date:
        return _last_day(self.today, self.days)

    def lists(self) -> list[tuple[str, str, list[AgendaItem]]]:
        """(name, heading in the current language, items) for each list, in reading order."""
        return [(name, _(heading), getattr(self, name)) for name, heading in LISTS]

    def is_empty(self) -> bool:
        return not any(items for _name, _heading, items in self.lists())

    def as_json(self) -> dict[str, list[dict[str, Any]]]:
        """The documented shape of ``krakow-desk agenda --json``."""
        return {name: [item.as_json() for item in getattr(self, name)] for name, _heading in LISTS}


def _last_day(today: date, days: int) -> date:
    return today + timedelta(days=min(days, (date.max - today).days))   # "--days 99999999" too


def _item(a: AgreementData, event: TermEvent, partner: Optional[PartnerRef]) -> AgendaItem:
    name = agreement_title(a)
    if event.kind is TermEventKind.NOTICE_DEADLINE:
        assert event.renews_on is not None
        title = _("Notice deadline: {agreement} (renews on {date})").format(
            agreement=name, date=format_date(event.renews_on))
        kind = NOTICE_DEADLINE
    elif a.kind in PROGRAMMES:
        title, kind = _("Programme ends: {agreement}").format(agreement=name), PROGRAMME_END
    else:
        title, kind = _("Term ends: {agreement}").format(agreement=name), EXPIRY
    return AgendaItem(event.date, kind, title, partner, a.key)


def deadlines(agreements: list[AgreementData], partners: dict[str, PartnerRef], today: date,
              days: int) -> list[AgendaItem]:
    """Notice deadlines, expiries and programme ends from ``today`` to ``today + days``, by date."""
    last = _last_day(today, days)
    later = successors(agreements)
    items = [_item(a, event, partners.get(a.partner))
             for a in agreements for event in term_events(a, today, last, later.get(a.key, ()))]
    items.sort(key=lambda item: (item.date, sort_key(item.partner.name if item.partner else ""),
                                 sort_key(item.title)))
    return items


def _check_days(days: object) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise DeskError(_("the number of days must be a non-negative whole number"))
    return days


def agenda(desk: "Desk", today: date, days: int = DEFAULT_DAYS) -> Agenda:
    """What falls due from ``today`` to ``today + days`` (inclusive)."""
    from krakow_desk.services.agenda_lists import dormant_partners, overdue, replies_due, upcoming_visits
    days = _check_days(days)
    # Only what the agenda uses: names and statuses, agreements' terms (the window opens on it).
    everyone = desk.partners.all(without=("aliases", "domains"))
    partners = {p.key: PartnerRef(p.key, p.name, p.name_en) for p in everyone}
    # Ended and suspended partnerships are quiet on purpose: they are not "dormant".
    current = {p.key for p in everyone if not p.statuses or status_on(p.statuses, today) in CURRENT_STATUSES}
    last = _last_day(today, days)
    months = desk.policy().dormant_months
    with desk.session() as session:
        lists = {"overdue": overdue(session, partners, today),
                 "replies_due": replies_due(session, partners, today, last),
                 "upcoming_visits": upcoming_visits(session, partners, today, last),
                 "dormant_partners": dormant_partners(session, partners, current, today, months)}
    agreements = desk.agreements.all(without=("domains",))
    return Agenda(today=today, days=days, deadlines=deadlines(agreements, partners, today, days), **lists)
