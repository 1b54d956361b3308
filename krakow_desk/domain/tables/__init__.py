"""SQLModel tables: everything the office records. Import this package to register them all."""

from krakow_desk.domain.tables.base import metadata
from krakow_desk.domain.tables.meta import Setting, Source, YearlyFigure
from krakow_desk.domain.tables.partners import Partner, PartnerAlias, PartnerDomain, PartnerStatus
from krakow_desk.domain.tables.agreements import Agreement, AgreementDomain
from krakow_desk.domain.tables.people import Affiliation, Institution, Person
from krakow_desk.domain.tables.organisations import Membership, Organisation
from krakow_desk.domain.tables.activity import (
    Event, EventDomain, EventPartner, Gift, ProgrammeItem, Visit, VisitParticipant, VisitPartner,
)
from krakow_desk.domain.tables.correspondence import Document, Letter, LetterPerson, ReferenceCounter, Task
from krakow_desk.domain.tables.history import ChangeLog, HistoryHead

__all__ = [
    "metadata", "Setting", "Source", "YearlyFigure", "Partner", "PartnerAlias", "PartnerDomain",
    "PartnerStatus", "Agreement", "AgreementDomain", "Affiliation", "Institution", "Person",
    "Membership", "Organisation", "Event", "EventDomain", "EventPartner", "Gift", "ProgrammeItem",
    "Visit", "VisitParticipant", "VisitPartner", "Document", "Letter", "LetterPerson", "ReferenceCounter",
    "Task", "ChangeLog", "HistoryHead",
]
