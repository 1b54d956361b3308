"""The partner dossier's read model: everything the printed dossier says about one partner.

Read like the partner page's file (services.partner_file: the same queries and contacts, one
session), with what the page works out on screen made explicit, so the report only lays it out:
each agreement's state and coming deadlines on the dossier's day (domain.terms), the distance
from the home city, the latest visit in full (services.visit_file), the correspondence counted
with the letters still awaiting a reply, and the open follow-ups. Unlike the page it reads whole
only what it prints: visits, events and letters are counted in the database and only the newest
few are loaded (a partner with a thousand visits and letters must print within a second).
Plain dataclasses; no Qt, no ReportLab.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Optional

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from krakow_desk.domain import schema as s
from krakow_desk.domain import tables as t
from krakow_desk.domain.enums import AgreementState, Direction, GiftDirection, TaskStatus, VisitStatus
from krakow_desk.domain.geo import distance_km
from krakow_desk.domain.terms import TermEvent, TermState, add_months, agreement_states, successors, term_events
from krakow_desk.domain.text import is_key
from krakow_desk.services import shapes
from krakow_desk.services.activity import YearActivity, activity_in
from krakow_desk.services.errors import NotFound
from krakow_desk.services.follow_ups import tasks_in
from krakow_desk.services.mapping import KeyCache
from krakow_desk.services.partner_file import Contact
from krakow_desk.services.partner_file import _contacts as contacts_of   # one rule for who a contact is

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk
    from krakow_desk.services.visit_file import VisitFile

DEADLINE_YEARS = 10        # how far ahead an agreement's coming deadlines are listed
DEADLINES_SHOWN = 3        # and how many of them (an automatically renewed one has one per term)
RECENT_VISITS = 12         # visits listed in brief besides the latest one in full
RECENT_EVENTS = 12
AWAITING_SHOWN = 15        # letters awaiting a reply listed each way (the count says how many in all)
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
    # how many await a reply in all (the lists hold the first AWAITING_SHOWN, the earliest due)
    awaiting_ours_count: int = 0
    awaiting_theirs_count: int = 0

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
    event_count: int = 0
    events: list[s.EventData] = field(default_factory=list)             # the newest RECENT_EVENTS
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


def _visit_ids(pid: int) -> Any:
    return sa.select(t.VisitPartner.visit_id).where(t.VisitPartner.partner_id == pid)


def _newest(table: Any, column: Any) -> tuple[Any, ...]:
    # the databases put missing dates differently (SQLite last, PostgreSQL first): undated last
    return (column.is_(None), column.desc(), table.key.desc())


def _visits(session: Session, keys: KeyCache, pid: int,
            on: date) -> tuple[int, Optional[s.VisitData], list[s.VisitData]]:
    """How many visits, the latest (the last begun by ``on`` and not cancelled; failing that the
    next one planned; failing that any), and the newest others."""
    mine = t.Visit.id.in_(_visit_ids(pid))
    count = session.scalar(sa.select(sa.func.count()).select_from(t.Visit).where(mine)) or 0
    held = sa.and_(mine, t.Visit.status != VisitStatus.CANCELLED, t.Visit.start_on.is_not(None))
    latest_id = (session.scalar(sa.select(t.Visit.id).where(held, t.Visit.start_on <= on)
                                .order_by(*_newest(t.Visit, t.Visit.start_on)).limit(1))
                 or session.scalar(sa.select(t.Visit.id).where(held).order_by(t.Visit.start_on, t.Visit.key).limit(1))
                 or session.scalar(sa.select(t.Visit.id).where(mine).order_by(t.Visit.key).limit(1)))
    rows = list(session.scalars(sa.select(t.Visit).where(mine, t.Visit.id != (latest_id or -1))
                                .order_by(*_newest(t.Visit, t.Visit.start_on)).limit(RECENT_VISITS)))
    if latest_id is None:
        return count, None, shapes.VISIT.shape.models_of(session, rows, keys)
    models = shapes.VISIT.shape.models_of(session, [session.get(t.Visit, latest_id), *rows], keys)
    return count, models[0], models[1:]


def _letters(session: Session, keys: KeyCache, pid: int) -> Correspondence:
    """Counts by direction; the letters awaiting a reply (one is due and no letter answers it,
    whichever partner the answer is filed under), the earliest due first; the latest letter."""
    mine = t.Letter.partner_id == pid
    counts = dict(session.execute(sa.select(t.Letter.direction, sa.func.count()).where(mine)
                                  .group_by(t.Letter.direction)).all())
    reply = aliased(t.Letter)
    waiting = sa.and_(mine, t.Letter.reply_due_on.is_not(None), ~sa.exists().where(reply.reply_to_id == t.Letter.id))
    found: dict[Direction, tuple[int, list[s.LetterData]]] = {}
    for direction in Direction:
        where = sa.and_(waiting, t.Letter.direction == direction)
        total = session.scalar(sa.select(sa.func.count()).select_from(t.Letter).where(where)) or 0
        rows = list(session.scalars(sa.select(t.Letter).where(where).limit(AWAITING_SHOWN)
                                    .order_by(t.Letter.reply_due_on, t.Letter.date, t.Letter.key)))
        found[direction] = (total, shapes.LETTER.shape.models_of(session, rows, keys))
    latest = list(session.scalars(sa.select(t.Letter).where(mine).limit(1)
                                  .order_by(t.Letter.date.desc(), t.Letter.key.desc())))
    return Correspondence(
        counts.get(Direction.INCOMING, 0), counts.get(Direction.OUTGOING, 0),
        found[Direction.INCOMING][1], found[Direction.OUTGOING][1],
        shapes.LETTER.shape.models_of(session, latest, keys)[0] if latest else None,
        found[Direction.INCOMING][0], found[Direction.OUTGOING][0])


def _models(session: Session, kind: shapes.Kind, keys: KeyCache, where: Any, order: tuple[Any, ...],
            limit: Optional[int] = None) -> list[Any]:
    query = sa.select(kind.shape.table).where(where).order_by(*order).limit(limit)
    return kind.shape.models_of(session, list(session.scalars(query)), keys)


def _contacts(session: Session, keys: KeyCache, pid: int, key: str,
              institutions: list[s.InstitutionData]) -> list[Contact]:
    """The partner's people as the partner page finds them: linked to it or to its institutions."""
    institution_ids = sa.select(t.Institution.id).where(t.Institution.partner_id == pid)
    person_ids = sa.select(t.Affiliation.person_id).where(
        sa.or_(t.Affiliation.partner_id == pid, t.Affiliation.institution_id.in_(institution_ids)))
    people = _models(session, shapes.PERSON, keys, t.Person.id.in_(person_ids),
                     (t.Person.family_name, t.Person.given_name, t.Person.key))
    return contacts_of(people, key, {i.key: i.name for i in institutions})


def dossier(desk: "Desk", key: str, on: Optional[date] = None) -> Dossier:
    """The dossier of the partner ``key`` on ``on`` (today by default), read in one session (the
    latest visit's participants and programme through services.visit_file). An unknown key
    raises NotFound."""
    on = on or date.today()
    home = desk.home()
    with desk.session() as session:
        row = session.scalar(sa.select(t.Partner).where(t.Partner.key == key)) if is_key(key) else None
        if row is None:
            raise NotFound("partner", key)
        pid, keys = row.id, KeyCache(session)
        partner = shapes.PARTNER.shape.models_of(session, [row], keys)[0]
        agreements = _models(session, shapes.AGREEMENT, keys, t.Agreement.partner_id == pid,
                             (t.Agreement.signed_on, t.Agreement.key))
        institutions = _models(session, shapes.INSTITUTION, keys, t.Institution.partner_id == pid,
                               (t.Institution.name, t.Institution.key))
        contacts = _contacts(session, keys, pid, key, institutions)
        visit_count, latest, recent = _visits(session, keys, pid, on)
        events_of = t.Event.id.in_(sa.select(t.EventPartner.event_id).where(t.EventPartner.partner_id == pid))
        event_count = session.scalar(sa.select(sa.func.count()).select_from(t.Event).where(events_of)) or 0
        events = _models(session, shapes.EVENT, keys, events_of, _newest(t.Event, t.Event.start_on), RECENT_EVENTS)
        gifts = _models(session, shapes.GIFT, keys, t.Gift.partner_id == pid, _newest(t.Gift, t.Gift.date))
        correspondence = _letters(session, keys, pid)
        activity = activity_in(session, [key]).get(key, [])
        tasks = [task for task in tasks_in(session, "partner", pid) if task.status in OPEN_TASKS]
    distance = None
    if home is not None and partner.latitude is not None and partner.longitude is not None:
        distance = distance_km(home.latitude, home.longitude, partner.latitude, partner.longitude)
    return Dossier(
        partner=partner, as_of=on, home=home, distance_km=distance,
        agreements=_agreements(agreements, on), contacts=contacts, institutions=institutions,
        visit_count=visit_count, latest_visit=desk.visit_file(latest.key, on) if latest is not None else None,
        recent_visits=recent, event_count=event_count, events=events, activity=activity,
        gifts_given=[g for g in gifts if g.direction is GiftDirection.GIVEN],
        gifts_received=[g for g in gifts if g.direction is GiftDirection.RECEIVED],
        correspondence=correspondence,
        open_tasks=sorted(tasks, key=lambda task: (task.due_on is None, task.due_on or date.max, task.key)),
    )
