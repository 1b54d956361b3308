"""The office's fixed vocabularies.

Values are the stable identifiers stored in the database and in the dataset; labels for people
live in ``krakow_desk.domain.labels`` so they can be translated.
"""

from enum import Enum


class StrEnum(str, Enum):
    def __str__(self) -> str:  # an enum prints as its stored value, never as Class.member
        return self.value


class PartnerKind(StrEnum):
    CITY = "city"
    REGION = "region"


class Category(StrEnum):
    TWIN_CITY = "twin_city"
    PARTNER_CITY = "partner_city"
    HONORARY_TWIN_CITY = "honorary_twin_city"
    NO_AGREEMENT = "no_agreement"


class PartnerStatusKind(StrEnum):
    ACTIVE = "active"
    DORMANT = "dormant"
    SUSPENDED = "suspended"
    ENDED = "ended"


class Assessment(StrEnum):
    EXEMPLARY = "exemplary"
    ACTIVE = "active"
    SATISFACTORY = "satisfactory"
    DEVELOPING = "developing"
    OCCASIONAL = "occasional"
    WEAK = "weak"
    INACTIVE = "inactive"


class Domain(StrEnum):
    CULTURE = "culture"
    EDUCATION = "education"
    SCIENCE = "science"
    YOUTH = "youth"
    SPORT = "sport"
    ECONOMY = "economy"
    TOURISM = "tourism"
    PROMOTION = "promotion"
    SOCIAL_WELFARE = "social_welfare"
    HEALTH = "health"
    ENVIRONMENT = "environment"
    MUNICIPAL_MANAGEMENT = "municipal_management"
    TRANSPORT = "transport"
    FIRE_RESCUE = "fire_rescue"
    HERITAGE_PROTECTION = "heritage_protection"
    EU_FUNDS = "eu_funds"
    LOCAL_GOVERNMENT = "local_government"
    URBAN_REGENERATION = "urban_regeneration"
    PUBLIC_SAFETY = "public_safety"
    CRISIS_MANAGEMENT = "crisis_management"
    DIASPORA = "diaspora"
    EUROPEAN_INTEGRATION = "european_integration"
    DISABILITY = "disability"
    SENIORS = "seniors"
    TRADE_FAIRS = "trade_fairs"


class AgreementKind(StrEnum):
    TWIN_CITY_AGREEMENT = "twin_city_agreement"
    PARTNERSHIP_AGREEMENT = "partnership_agreement"
    HONORARY_TWIN_CITY_TITLE = "honorary_twin_city_title"
    COOPERATION_AGREEMENT = "cooperation_agreement"
    UNDERSTANDING = "understanding"
    LETTER_OF_INTENT = "letter_of_intent"
    DECLARATION = "declaration"
    JOINT_STATEMENT = "joint_statement"
    FRIENDSHIP_PACT = "friendship_pact"
    COOPERATION_PROTOCOL = "cooperation_protocol"
    COOPERATION_PROGRAMME = "cooperation_programme"
    MEMORANDUM = "memorandum"


class AgreementRelation(StrEnum):
    RENEWS = "renews"
    AMENDS = "amends"
    REPLACES = "replaces"
    CONFIRMS = "confirms"
    SUPPLEMENTS = "supplements"


class InstitutionKind(StrEnum):
    CONSULATE = "consulate"
    HONORARY_CONSULATE = "honorary_consulate"
    EMBASSY = "embassy"
    CULTURAL_INSTITUTE = "cultural_institute"
    CHAMBER_OF_COMMERCE = "chamber_of_commerce"
    UNIVERSITY = "university"
    SCHOOL = "school"
    NGO = "ngo"
    POLONIA_ORGANISATION = "polonia_organisation"
    CITY_OFFICE = "city_office"
    CULTURAL_CENTRE = "cultural_centre"
    HOSPITAL = "hospital"
    COMPANY = "company"
    OTHER = "other"


class LawfulBasis(StrEnum):
    PUBLIC_TASK = "public_task"
    LEGITIMATE_INTEREST = "legitimate_interest"
    CONSENT = "consent"
    CONTRACT = "contract"


class Direction(StrEnum):
    INCOMING = "incoming"
    OUTGOING = "outgoing"


class VisitKind(StrEnum):
    OFFICIAL = "official"
    WORKING = "working"
    STUDY = "study"


class VisitStatus(StrEnum):
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    DONE = "done"
    CANCELLED = "cancelled"


class Side(StrEnum):
    GUEST = "guest"
    HOST = "host"


class EventKind(StrEnum):
    CITY_PRESENTATION = "city_presentation"
    PARTNER_PRESENTATION = "partner_presentation"
    FAIR = "fair"
    CONFERENCE = "conference"
    FESTIVAL = "festival"
    JUBILEE = "jubilee"
    EXHIBITION = "exhibition"
    PROJECT = "project"
    TRAINING = "training"
    OTHER = "other"


class GiftDirection(StrEnum):
    GIVEN = "given"
    RECEIVED = "received"


class GiftCategory(StrEnum):
    ARTWORK = "artwork"
    BOOK = "book"
    VEHICLE = "vehicle"
    EQUIPMENT = "equipment"
    MEDICAL = "medical"
    FINANCIAL_AID = "financial_aid"
    MATERIAL_AID = "material_aid"
    COMMEMORATIVE = "commemorative"
    OTHER = "other"


class Channel(StrEnum):
    LETTER = "letter"
    EMAIL = "email"
    FAX = "fax"
    NOTE = "note"
    OTHER = "other"


class TaskStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class FigureMetric(StrEnum):
    DELEGATIONS_RECEIVED = "delegations_received"
    DELEGATIONS_FROM_PARTNERS = "delegations_from_partners"
    TRIPS_ABROAD = "trips_abroad"
    PRESENTATIONS_AND_FAIRS = "presentations_and_fairs"


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Continent(StrEnum):
    """Continents as the office groups its partners; the Americas are split as people say them.

    Which country lies where comes from CLDR (``krakow_desk.domain.continents``), never typed in.
    """

    EUROPE = "europe"
    ASIA = "asia"
    AFRICA = "africa"
    NORTH_AMERICA = "north_america"
    SOUTH_AMERICA = "south_america"
    OCEANIA = "oceania"
    ANTARCTICA = "antarctica"


class AgreementState(StrEnum):
    """Where an agreement stands on a given day (computed by krakow_desk.domain.terms, never stored)."""

    IN_FORCE = "in_force"
    NOT_YET_IN_FORCE = "not_yet_in_force"
    EXPIRED = "expired"
    TERMINATED = "terminated"
    SUPERSEDED = "superseded"
    UNKNOWN = "unknown"


class TermGap(StrEnum):
    """What the record does not say, when that leaves a state unknown or a date uncomputed."""

    NO_TERM_STATED = "no_term_stated"
    START_NOT_EXACT = "start_not_exact"
    SIGNING_DATE_NOT_EXACT = "signing_date_not_exact"
    TERM_LENGTH_NOT_STATED = "term_length_not_stated"
    NOTICE_PERIOD_NOT_STATED = "notice_period_not_stated"


class ValueBand(StrEnum):
    """How much a gift is worth, in the bands the office's policy sets (krakow_desk.domain.gifts)."""

    UNKNOWN = "unknown"
    TOKEN = "token"
    MODEST = "modest"
    SUBSTANTIAL = "substantial"
    HIGH = "high"
    OTHER_CURRENCY = "other_currency"


class ClashKind(StrEnum):
    """What is wrong with a visit's programme (krakow_desk.domain.protocol)."""

    OVERLAP = "overlap"
    OUTSIDE_VISIT = "outside_visit"
    DOUBLE_BOOKED = "double_booked"
