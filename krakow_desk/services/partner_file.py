"""Everything the office holds on one partner, read in one session for the partner page."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

import sqlalchemy as sa
from sqlalchemy.orm import Session

from krakow_desk.domain import schema as s
from krakow_desk.domain import tables as t
from krakow_desk.domain.text import is_key
from krakow_desk.services import shapes
from krakow_desk.services.activity import YearActivity, activity_in
from krakow_desk.services.follow_ups import tasks_in
from krakow_desk.services.errors import NotFound
from krakow_desk.services.mapping import KeyCache

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk


@dataclass(frozen=True)
class Contact:
    """A person linked to the partner, with the affiliation that links them."""
    person: s.PersonData
    role: Optional[str]
    institution: Optional[str]          # the institution's name, when the link runs through one
    current: bool


@dataclass(frozen=True)
class PartnerFile:
    partner: s.PartnerData
    agreements: list[s.AgreementData] = field(default_factory=list)
    institutions: list[s.InstitutionData] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    visits: list[s.VisitData] = field(default_factory=list)
    events: list[s.EventData] = field(default_factory=list)
    gifts: list[s.GiftData] = field(default_factory=list)
    letters: list[s.LetterData] = field(default_factory=list)
    activity: list[YearActivity] = field(default_factory=list)     # per year, oldest first
    tasks: list[s.TaskData] = field(default_factory=list)           # its follow-ups and its records'


def _models(session: Session, kind: shapes.Kind, keys: KeyCache, where: Any, order: Any) -> list[Any]:
    # Stored records, read as the lists read them (see Collection.list_in): the page opens on
    # the GUI thread, and re-validating costs more than the query (pycountry's languages alone
    # take 0.14 s to load on the first selection).
    shape = kind.shape
    rows = session.execute(shape.select_rows().where(where).order_by(*order, shape.table.key)).all()
    return shape.models_of(session, rows, keys, trusted=True)


def partner_file(desk: "Desk", key: str) -> PartnerFile:
    with desk.session() as session:
        partner_row = (session.scalar(sa.select(t.Partner).where(t.Partner.key == key))
                       if is_key(key) else None)
        if partner_row is None:
            raise NotFound("partner", key)
        pid = partner_row.id
        keys = KeyCache(session)
        partner = shapes.PARTNER.shape.models_of(session, [partner_row], keys, trusted=True)[0]
        agreements = _models(session, shapes.AGREEMENT, keys, t.Agreement.partner_id == pid,
                             (t.Agreement.signed_on,))
        institutions = _models(session, shapes.INSTITUTION, keys, t.Institution.partner_id == pid,
                               (t.Institution.name,))
        institution_names = {i.key: i.name for i in institutions}
        visit_ids = sa.select(t.VisitPartner.visit_id).where(t.VisitPartner.partner_id == pid)
        visits = _models(session, shapes.VISIT, keys, t.Visit.id.in_(visit_ids), (t.Visit.start_on.desc(),))
        event_ids = sa.select(t.EventPartner.event_id).where(t.EventPartner.partner_id == pid)
        events = _models(session, shapes.EVENT, keys, t.Event.id.in_(event_ids), (t.Event.start_on.desc(),))
        gifts = _models(session, shapes.GIFT, keys, t.Gift.partner_id == pid, (t.Gift.date.desc(),))
        letters = _models(session, shapes.LETTER, keys, t.Letter.partner_id == pid, (t.Letter.date.desc(),))
        institution_ids = sa.select(t.Institution.id).where(t.Institution.partner_id == pid)
        person_ids = sa.select(t.Affiliation.person_id).where(
            sa.or_(t.Affiliation.partner_id == pid, t.Affiliation.institution_id.in_(institution_ids)))
        people = _models(session, shapes.PERSON, keys, t.Person.id.in_(person_ids),
                         (t.Person.family_name, t.Person.given_name))
        activity = activity_in(session, [key]).get(key, [])
        tasks = tasks_in(session, "partner", pid)
    return PartnerFile(partner, agreements, institutions, _contacts(people, key, institution_names),
                       visits, events, gifts, letters, activity, tasks)


def _contacts(people: list[s.PersonData], partner: str, institutions: dict[str, str]) -> list[Contact]:
    result = []
    for person in people:
        for affiliation in person.affiliations:
            if affiliation.partner == partner or affiliation.institution in institutions:
                result.append(Contact(person, affiliation.role,
                                      institutions.get(affiliation.institution or ""),
                                      affiliation.until is None))
    result.sort(key=lambda c: (not c.current, c.person.family_name.casefold()))
    return result
