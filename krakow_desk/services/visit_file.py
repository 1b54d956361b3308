"""Everything a protocol officer needs about one visit, read in one session: the visit page and
the protocol briefing are built from it."""

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Optional, Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from krakow_desk.domain import schema as s
from krakow_desk.domain import tables as t
from krakow_desk.domain.enums import AgreementState, ClashKind, Side, TaskStatus
from krakow_desk.domain.protocol import (
    Clash, InterpretingNeed, Speaker, cross_visit_clashes, interpreting, programme_clashes,
    sort_programme, visit_days,
)
from krakow_desk.domain.terms import TermState, agreement_states
from krakow_desk.domain.text import is_key
from krakow_desk.formatting import format_date
from krakow_desk.i18n import _
from krakow_desk.services import shapes
from krakow_desk.services.errors import NotFound
from krakow_desk.services.gifts import GiftHistory, gift_history
from krakow_desk.services.mapping import KeyCache
from krakow_desk.services.policy import policy
from krakow_desk.titles import person_name

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk

LAST_VISITS = 3
STANDING = (AgreementState.IN_FORCE, AgreementState.NOT_YET_IN_FORCE, AgreementState.UNKNOWN)
OPEN = (TaskStatus.OPEN, TaskStatus.IN_PROGRESS)


@dataclass(frozen=True)
class Participant:
    """A delegation member or host, resolved against the people register."""
    name: str
    side: Side
    role: Optional[str]
    precedence: Optional[int]
    languages: tuple[str, ...]
    person: Optional[s.PersonData]


@dataclass(frozen=True)
class ProgrammeDay:
    day: Optional[date]               # None: items without a day
    items: tuple[s.ProgrammeItemData, ...]


@dataclass(frozen=True)
class AgreementBrief:
    agreement: s.AgreementData
    state: TermState


@dataclass(frozen=True)
class PartnerBrief:
    partner: s.PartnerData
    agreements: list[AgreementBrief] = field(default_factory=list)   # every one, oldest first
    last_visits: list[s.VisitData] = field(default_factory=list)     # newest first, not this visit
    open_tasks: list[s.TaskData] = field(default_factory=list)

    @property
    def agreements_in_force(self) -> list[AgreementBrief]:
        return [a for a in self.agreements if a.state.status is AgreementState.IN_FORCE]

    @property
    def standing_agreements(self) -> list[AgreementBrief]:
        """In force, not yet in force, or of unknown standing (most of Krakow's: the sources give
        no term): the ones an officer should know of before a meeting."""
        return [a for a in self.agreements if a.state.status in STANDING]


@dataclass(frozen=True)
class VisitFile:
    visit: s.VisitData
    partners: list[PartnerBrief]
    guests: list[Participant]
    hosts: list[Participant]
    days: list[ProgrammeDay]
    clashes: list[Clash]
    interpreting: list[InterpretingNeed]
    gifts: GiftHistory
    tasks: list[s.TaskData]

    @property
    def participants(self) -> list[Participant]:
        return self.guests + self.hosts


def resolve(participants: Sequence[s.ParticipantData], people: dict[str, s.PersonData]) -> list[Participant]:
    """Participants with the register's facts, in order of precedence (unranked last), then name."""
    result = []
    for p in participants:
        person = people.get(p.person) if p.person else None
        name = p.name or (person_name(person) if person else None) or p.role or ""
        precedence = p.precedence if p.precedence is not None else (person.precedence if person else None)
        languages = tuple(p.languages) or (tuple(person.languages) if person else ())
        result.append(Participant(name, p.side, p.role, precedence, languages, person))
    result.sort(key=lambda x: (x.precedence is None, x.precedence or 0, x.name.casefold()))
    return result


def speakers(participants: Sequence[Participant]) -> list[Speaker]:
    return [Speaker(p.name, p.side, p.role, p.languages) for p in participants]


def by_day(items: Sequence[s.ProgrammeItemData]) -> list[ProgrammeDay]:
    days: list[ProgrammeDay] = []
    for item in sort_programme(items):
        if days and days[-1].day == item.day:
            days[-1] = ProgrammeDay(item.day, days[-1].items + (item,))
        else:
            days.append(ProgrammeDay(item.day, (item,)))
    return days


def _item_text(visit: s.VisitData, index: int) -> str:
    item = visit.programme[index]
    when = " ".join(part for part in (format_date(item.day) if item.day else "",
                                      item.start.strftime("%H:%M") if item.start else "") if part)
    return f"{when} {item.activity}".strip()


def describe(clash: Clash, visit: s.VisitData, names: dict[str, str]) -> Clash:
    """The clash with its sentence, in the reader's language."""
    items = [_item_text(visit, i) for i in clash.items]
    if clash.kind is ClashKind.OVERLAP:
        text = _("“{first}” and “{second}” overlap.").format(first=items[0], second=items[1])
    elif clash.kind is ClashKind.OUTSIDE_VISIT:
        text = _("“{item}” falls outside the visit's dates.").format(item=items[0])
    else:
        who = names.get(clash.person or "", clash.person or "")
        if clash.other_visit:
            text = _("{person} is also on “{visit}” at the same time.").format(
                person=who, visit=clash.other_title or clash.other_visit)
        else:
            text = _("{person} is responsible for “{first}” and “{second}”, in different places at "
                     "the same time.").format(person=who, first=items[0], second=items[1])
    return replace(clash, text=text)


def _overlapping_visits(session: Session, keys: KeyCache, visit: s.VisitData) -> list[s.VisitData]:
    days = visit_days(visit)
    if days is None:
        return []
    rows = list(session.scalars(sa.select(t.Visit).where(
        t.Visit.key != visit.key, t.Visit.start_on <= days[1],
        sa.func.coalesce(t.Visit.end_on, t.Visit.start_on) >= days[0])))
    return shapes.VISIT.shape.models_of(session, rows, keys)


def _people(session: Session, keys: KeyCache, wanted: set[str]) -> dict[str, s.PersonData]:
    if not wanted:
        return {}
    rows = list(session.scalars(sa.select(t.Person).where(t.Person.key.in_(sorted(wanted)))))
    return {p.key: p for p in shapes.PERSON.shape.models_of(session, rows, keys)}


def clashes_in(session: Session, keys: KeyCache, visit: s.VisitData) -> list[Clash]:
    found = programme_clashes(visit) + cross_visit_clashes(visit, _overlapping_visits(session, keys, visit))
    people = _people(session, keys, {c.person for c in found if c.person and c.other_visit})
    names = {key: person_name(p) for key, p in people.items()}
    return [describe(c, visit, names) for c in found]


def visit_clashes(desk: "Desk", visit: s.VisitData) -> list[Clash]:
    """Clashes of a visit as entered (saved or not): for the form, before saving."""
    with desk.session() as session:
        return clashes_in(session, KeyCache(session), visit)


def _partner_brief(session: Session, keys: KeyCache, partner_key: str, visit_key: str,
                   today: date) -> Optional[PartnerBrief]:
    row = session.scalar(sa.select(t.Partner).where(t.Partner.key == partner_key))
    if row is None:
        return None
    partner = shapes.PARTNER.shape.models_of(session, [row], keys)[0]
    agreement_rows = list(session.scalars(sa.select(t.Agreement).where(t.Agreement.partner_id == row.id)
                                          .order_by(t.Agreement.signed_on, t.Agreement.key)))
    agreements = shapes.AGREEMENT.shape.models_of(session, agreement_rows, keys)
    states = agreement_states(agreements, today)
    visit_ids = sa.select(t.VisitPartner.visit_id).where(t.VisitPartner.partner_id == row.id)
    visit_rows = list(session.scalars(sa.select(t.Visit).where(t.Visit.id.in_(visit_ids), t.Visit.key != visit_key)
                                      .order_by(t.Visit.start_on.desc().nulls_last(), t.Visit.key)
                                      .limit(LAST_VISITS)))
    task_rows = list(session.scalars(sa.select(t.Task).where(
        t.Task.status.in_(OPEN),
        sa.or_(t.Task.partner_id == row.id, t.Task.visit_id.in_(visit_ids))).order_by(t.Task.due_on, t.Task.key)))
    return PartnerBrief(partner, [AgreementBrief(a, states[a.key]) for a in agreements],
                        shapes.VISIT.shape.models_of(session, visit_rows, keys),
                        shapes.TASK.shape.models_of(session, task_rows, keys))


def visit_file(desk: "Desk", key: str, today: Optional[date] = None) -> VisitFile:
    today = today or date.today()
    rules = policy(desk)
    with desk.session() as session:
        keys = KeyCache(session)
        row = session.scalar(sa.select(t.Visit).where(t.Visit.key == key)) if is_key(key) else None
        if row is None:
            raise NotFound("visit", key)
        visit = shapes.VISIT.shape.models_of(session, [row], keys)[0]
        people = _people(session, keys, {p.person for p in visit.participants if p.person})
        participants = resolve(visit.participants, people)
        briefs = [b for b in (_partner_brief(session, keys, k, key, today) for k in visit.partners) if b]
        clashes = clashes_in(session, keys, visit)
        task_rows = list(session.scalars(sa.select(t.Task).where(t.Task.visit_id == row.id)
                                         .order_by(t.Task.due_on, t.Task.key)))
        tasks = shapes.TASK.shape.models_of(session, task_rows, keys)
        # Only people named by the register or by hand: a role ("Prezydent Miasta Krakowa") is held
        # by many people over the years and would match gifts that have nothing to do with them.
        named = [p for p in resolve([q for q in visit.participants if q.person or q.name], people)]
        gifts = gift_history(session, keys, visit, [p.name for p in named], rules)
    return VisitFile(
        visit=visit, partners=briefs,
        guests=[p for p in participants if p.side is Side.GUEST],
        hosts=[p for p in participants if p.side is Side.HOST],
        days=by_day(visit.programme), clashes=clashes,
        interpreting=interpreting(visit.direction, speakers(participants)),
        gifts=gifts, tasks=tasks)
