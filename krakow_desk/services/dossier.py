"""The partner dossier's read model: everything the printed dossier says about one partner.

Built on the partner page's file (services.partner_file, one session) with what the page works
out on screen made explicit here, so the report only lays it out: each agreement's state and
coming deadlines on the day the dossier is made (domain.terms), the distance from the home city,
the latest visit with its participants (services.visit_file), the correspondence counted and the
letters still awaiting a reply, and the open follow-ups. Plain dataclasses; no Qt, no ReportLab.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Optional

from krakow_desk.domain import schema as s
from krakow_desk.domain.enums import AgreementState, Direction, GiftDirection, TaskStatus, VisitStatus
from krakow_desk.domain.geo import distance_km
from krakow_desk.domain.terms import TermEvent, TermState, add_months, agreement_states, successors, term_events
from krakow_desk.services.activity import YearActivity
from krakow_desk.services.partner_file import Contact, partner_file

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk
    from krakow_desk.services.visit_file import VisitFile

DEADLINE_YEARS = 10        # how far ahead an agreement's coming deadlines are listed
DEADLINES_SHOWN = 3        # and how many of them (an automatically renewed one has one per term)
RECENT_VISITS = 12         # visits listed in brief besides the latest one in full
OPEN_TASKS = (TaskStatus.OPEN, TaskStatus.IN_PROGRESS)


@dataclass(frozen=True)
class AgreementEntry:
    """One document of the timeline, with where it stands on the dossier's day."""
    agreement: s.AgreementData
    state: TermState
    next_deadline: Optional[date]                  # the next day someone must act on, if any
    deadlines: list[TermEvent] = field(default_factory=list)   # notice deadlines, ends of term ahead

    @property
    def in_force(self) -> bool:
        return self.state.status is AgreementState.IN_FORCE

    @property
    def unknown(self) -> bool:
        return self.state.status is AgreementState.UNKNOWN


@dataclass(frozen=True)
class Correspondence:
    incoming: int = 0
    outgoing: int = 0
    # letters with a reply due that no letter answers yet, the earliest due first
    awaiting_ours: list[s.LetterData] = field(default_factory=list)     # incoming: we owe a reply
    awaiting_theirs: list[s.LetterData] = field(default_factory=list)   # outgoing: they owe one
    latest: Optional[s.LetterData] = None

    @property
    def total(self) -> int:
        return self.incoming + self.outgoing


@dataclass(frozen=True)
class Dossier:
    """The dossier of ``partner`` as things stand on ``as_of``."""
    partner: s.PartnerData
    as_of: date
    home: Optional[s.HomeData]
    distance_km: Optional[float]                    # from the home city, where both have coordinates
    agreements: list[AgreementEntry] = field(default_factory=list)      # oldest first
    contacts: list[Contact] = field(default_factory=list)              # current ones first
    institutions: list[s.InstitutionData] = field(default_factory=list)
    visit_count: int = 0
    latest_visit: Optional["VisitFile"] = None
    recent_visits: list[s.VisitData] = field(default_factory=list)      # newest first, not the latest
    events: list[s.EventData] = field(default_factory=list)             # newest first
    activity: list[YearActivity] = field(default_factory=list)          # per year, oldest first
    gifts_given: list[s.GiftData] = field(default_factory=list)         # newest first
    gifts_received: list[s.GiftData] = field(default_factory=list)
    correspondence: Correspondence = field(default_factory=Correspondence)
    open_tasks: list[s.TaskData] = field(default_factory=list)          # due first, undated last


def _agreements(agreements: list[s.AgreementData], on: date) -> list[AgreementEntry]:
    states = agreement_states(agreements, on)
    later = successors(agreements)
    horizon = add_months(on, 12 * DEADLINE_YEARS)
    entries = []
    for a in agreements:
        state = states[a.key]
        coming = term_events(a, on, horizon, later.get(a.key, ()), limit=DEADLINES_SHOWN)[:DEADLINES_SHOWN]
        entries.append(AgreementEntry(a, state, _next_deadline(state), coming))
    return entries


def _next_deadline(state: TermState) -> Optional[date]:
    """As the agreements register says it: the notice deadline while it is ahead, else the end
    of a term in force."""
    if state.notice_deadline is not None and not state.notice_deadline_passed:
        return state.notice_deadline
    if state.status is AgreementState.IN_FORCE and state.term_end is not None:
        return state.term_end
    return None


def _correspondence(letters: list[s.LetterData]) -> Correspondence:
    answered = {letter.reply_to for letter in letters if letter.reply_to}
    waiting = sorted((letter for letter in letters if letter.reply_due_on and letter.key not in answered),
                     key=lambda letter: (letter.reply_due_on, letter.date, letter.key))
    incoming = sum(1 for letter in letters if letter.direction is Direction.INCOMING)
    latest = max(letters, key=lambda letter: (letter.date, letter.key), default=None)
    return Correspondence(
        incoming, len(letters) - incoming,
        [letter for letter in waiting if letter.direction is Direction.INCOMING],
        [letter for letter in waiting if letter.direction is Direction.OUTGOING],
        latest)


def _latest_visit(visits: list[s.VisitData], on: date) -> Optional[s.VisitData]:
    """The last visit that has begun by ``on`` (not cancelled); failing that, the next one planned."""
    dated = [v for v in visits if v.start_on is not None and v.status is not VisitStatus.CANCELLED]
    past = [v for v in dated if v.start_on.start <= on]
    if past:
        return max(past, key=lambda v: (v.start_on.start, v.key))
    if dated:
        return min(dated, key=lambda v: (v.start_on.start, v.key))
    return visits[0] if visits else None


def _newest_first(records: list, when) -> list:  # noqa: ANN001
    # the databases order missing dates differently (SQLite last, PostgreSQL first): undated last
    return sorted(records, key=lambda r: (when(r) is not None, when(r).start if when(r) else date.min, r.key),
                  reverse=True)


def dossier(desk: "Desk", key: str, on: Optional[date] = None) -> Dossier:
    """The dossier of the partner ``key`` on ``on`` (today by default). An unknown key raises NotFound."""
    on = on or date.today()
    file = partner_file(desk, key)
    partner, home = file.partner, desk.home()
    distance = None
    if home is not None and partner.latitude is not None and partner.longitude is not None:
        distance = distance_km(home.latitude, home.longitude, partner.latitude, partner.longitude)
    visits = _newest_first(file.visits, lambda v: v.start_on)
    latest = _latest_visit(visits, on)
    latest_file = desk.visit_file(latest.key, on) if latest is not None else None
    recent = [v for v in visits if latest is None or v.key != latest.key][:RECENT_VISITS]
    gifts = _newest_first(file.gifts, lambda g: g.date)
    tasks = sorted((t for t in file.tasks if t.status in OPEN_TASKS),
                   key=lambda t: (t.due_on is None, t.due_on or date.max, t.key))
    return Dossier(
        partner=partner, as_of=on, home=home, distance_km=distance,
        agreements=_agreements(file.agreements, on),
        contacts=file.contacts, institutions=file.institutions,
        visit_count=len(visits), latest_visit=latest_file, recent_visits=recent,
        events=_newest_first(file.events, lambda e: e.start_on), activity=file.activity,
        gifts_given=[g for g in gifts if g.direction is GiftDirection.GIVEN],
        gifts_received=[g for g in gifts if g.direction is GiftDirection.RECEIVED],
        correspondence=_correspondence(file.letters), open_tasks=tasks,
    )
