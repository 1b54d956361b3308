"""How each record type maps onto its tables."""

from dataclasses import dataclass
from typing import Optional

from krakow_desk.domain import schema as s
from krakow_desk.domain import tables as t
from krakow_desk.services.mapping import Keys, Ref, Rows, Shape, Values


@dataclass(frozen=True)
class Kind:
    """A record type the services manage: its name for people, its collection name, its shape."""
    name: str
    plural: str
    shape: Shape
    self_ref: Optional[str] = None   # a field pointing at the same table, set in a second pass


PARTNER_REF = Ref("partner", "partner_id", t.Partner, "partner")

PARTNER = Kind("partner", "partners", Shape(
    t.Partner, s.PartnerData,
    children=(
        Values("aliases", t.PartnerAlias, "partner_id", "alias"),
        Values("domains", t.PartnerDomain, "partner_id", "domain"),
        Rows("statuses", Shape(t.PartnerStatus, s.StatusData, fuzzy=("since", "until")), "partner_id"),
    ),
))

AGREEMENT = Kind("agreement", "agreements", Shape(
    t.Agreement, s.AgreementData,
    refs=(PARTNER_REF, Ref("related", "related_id", t.Agreement, "agreement")),
    fuzzy=("signed_on",),
    children=(Values("domains", t.AgreementDomain, "agreement_id", "domain"),),
), self_ref="related")

ORGANISATION = Kind("organisation", "organisations", Shape(t.Organisation, s.OrganisationData))

MEMBERSHIP = Kind("membership", "memberships", Shape(
    t.Membership, s.MembershipData,
    refs=(Ref("organisation", "organisation_id", t.Organisation, "organisation"),),
))

INSTITUTION = Kind("institution", "institutions", Shape(
    t.Institution, s.InstitutionData, refs=(PARTNER_REF,),
))

PERSON = Kind("person", "people", Shape(
    t.Person, s.PersonData,
    children=(Rows("affiliations", Shape(
        t.Affiliation, s.AffiliationData,
        refs=(Ref("institution", "institution_id", t.Institution, "institution"), PARTNER_REF),
    ), "person_id"),),
))

VISIT = Kind("visit", "visits", Shape(
    t.Visit, s.VisitData,
    fuzzy=("start_on", "end_on"),
    children=(
        Keys("partners", t.VisitPartner, "visit_id", "partner_id", t.Partner, "partner"),
        Rows("participants", Shape(
            t.VisitParticipant, s.ParticipantData,
            refs=(Ref("person", "person_id", t.Person, "person"),),
        ), "visit_id", "position"),
        Rows("programme", Shape(t.ProgrammeItem, s.ProgrammeItemData), "visit_id", "position"),
    ),
))

EVENT = Kind("event", "events", Shape(
    t.Event, s.EventData,
    fuzzy=("start_on", "end_on"),
    children=(
        Keys("partners", t.EventPartner, "event_id", "partner_id", t.Partner, "partner"),
        Values("domains", t.EventDomain, "event_id", "domain"),
    ),
))

GIFT = Kind("gift", "gifts", Shape(
    t.Gift, s.GiftData,
    refs=(PARTNER_REF, Ref("visit", "visit_id", t.Visit, "visit")),
    fuzzy=("date",),
))

LETTER = Kind("letter", "letters", Shape(
    t.Letter, s.LetterData,
    refs=(PARTNER_REF, Ref("reply_to", "reply_to_id", t.Letter, "letter")),
    children=(Keys("people", t.LetterPerson, "letter_id", "person_id", t.Person, "person"),),
), self_ref="reply_to")

TASK = Kind("task", "tasks", Shape(
    t.Task, s.TaskData,
    refs=(
        PARTNER_REF,
        Ref("agreement", "agreement_id", t.Agreement, "agreement"),
        Ref("visit", "visit_id", t.Visit, "visit"),
        Ref("letter", "letter_id", t.Letter, "letter"),
        Ref("event", "event_id", t.Event, "event"),
    ),
))

SOURCE = Kind("source", "sources", Shape(t.Source, s.SourceData))

# In dependency order: a record's references are written before it.
KINDS: tuple[Kind, ...] = (
    SOURCE, PARTNER, ORGANISATION, MEMBERSHIP, INSTITUTION, PERSON, AGREEMENT, VISIT, EVENT,
    GIFT, LETTER, TASK,
)
