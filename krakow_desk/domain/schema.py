"""Validated record models: what the services accept and return, and what the dataset holds.

One model per record type, referring to other records by natural key (never by database id), so the
same shape serves the dataset file, the service API and the read side. Table models skip
validation (a SQLModel ``table=True`` quirk); these do it all.
"""

import datetime as dt
from functools import lru_cache
from decimal import Decimal
from typing import Annotated, Any, Optional
from zoneinfo import available_timezones

import pycountry
from pydantic import (
    BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, field_validator, model_validator,
)

from krakow_desk.domain.enums import (
    AgreementKind, AgreementRelation, Assessment, Category, Channel, Direction, Domain, EventKind,
    FigureMetric, GiftCategory, GiftDirection, InstitutionKind, LawfulBasis, PartnerKind,
    PartnerStatusKind, Side, TaskStatus, VisitKind, VisitStatus,
)
from krakow_desk.domain.fuzzydate import FuzzyDate
from krakow_desk.domain.text import KEY_PATTERN


def _fuzzy(value: Any) -> Any:
    if value is None or isinstance(value, FuzzyDate):
        return value
    if isinstance(value, str):
        _check_storable(value)   # before the parser's message repeats it
    if isinstance(value, (dt.date, str)):
        return FuzzyDate.of(value)
    raise ValueError("is not a date")


# The largest whole number an INTEGER column holds on PostgreSQL (SQLite's reach further): a
# larger one must be refused as input, not fail in the database driver.
INT_MAX = 2_147_483_647


def _check_storable(value: str) -> None:
    """Refuse text no database can store; the message never repeats the text (it cannot be
    encoded either)."""
    if "\x00" in value:
        # PostgreSQL cannot store it, and no text a person types contains it.
        raise ValueError("contains a NUL character (\\0), which text cannot hold")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # A lone UTF-16 surrogate, as a broken JSON file or an undecodable file name gives:
        # the database driver would fail on it, and so would pydantic's own error message.
        raise ValueError("contains a broken character (a lone surrogate), which text cannot hold") from None


def _strip(value: Any) -> Any:
    """Blank text counts as absent, so an emptied form field clears the value."""
    if isinstance(value, str):
        _check_storable(value)
        value = value.strip()
        return value or None
    return value


PartialDate = Annotated[FuzzyDate, BeforeValidator(_fuzzy), PlainSerializer(lambda d: d.iso(), return_type=str)]
Text = Annotated[Optional[str], BeforeValidator(_strip)]
Required = Annotated[str, BeforeValidator(_strip)]
Key = Annotated[str, Field(min_length=1, max_length=120, pattern=KEY_PATTERN.pattern)]
# A source's key, as text people type (blank clears it); the column is VARCHAR(120).
SourceRef = Annotated[Optional[Annotated[str, Field(max_length=120)]], BeforeValidator(_strip)]
def _money_out(value: Optional[Decimal]) -> Optional[int | float]:
    # Written as a JSON number: whole amounts as integers so "100" stays "100", not "100.00".
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


Money = Annotated[Optional[Decimal], Field(ge=0, max_digits=14, decimal_places=2),
                  PlainSerializer(_money_out, when_used="json")]


def _code_text(code: Any, what: str) -> str:
    # These checks run before pydantic's own type check: a list or a number must be refused
    # here as a ValueError (a validation error), not fail on .strip() (AttributeError).
    if not isinstance(code, str):
        raise ValueError(f"is not {what}")
    _check_storable(code)
    return code.strip()


def _check_country(code: Optional[str]) -> Optional[str]:
    if code is None:
        return None
    code = _code_text(code, "an ISO 3166 country code").upper()
    if pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"'{code}' is not an ISO 3166 country code")
    return code


def _check_currency(code: Optional[str]) -> Optional[str]:
    if code is None:
        return None
    code = _code_text(code, "an ISO 4217 currency code").upper()
    if pycountry.currencies.get(alpha_3=code) is None:
        raise ValueError(f"'{code}' is not an ISO 4217 currency code")
    return code


def _check_language(code: str) -> str:
    code = _code_text(code, "an ISO 639-1 language code").lower()
    if pycountry.languages.get(alpha_2=code) is None:
        raise ValueError(f"'{code}' is not an ISO 639-1 language code")
    return code


@lru_cache(maxsize=1)
def _time_zones() -> frozenset[str]:
    # available_timezones() walks the whole tz database on every call: ask once.
    return frozenset(available_timezones())


def _check_order(first: Any, second: Any, first_name: str, second_name: str) -> None:
    if first is not None and second is not None and second < first:
        raise ValueError(f"{second_name}: {second} is before {first_name} ({first})")


Country = Annotated[Optional[str], BeforeValidator(_strip), BeforeValidator(_check_country)]
Currency = Annotated[Optional[str], BeforeValidator(_strip), BeforeValidator(_check_currency)]
Language = Annotated[str, BeforeValidator(_check_language)]


class Record(BaseModel):
    """Base of every record model: unknown fields are errors, not silently dropped."""
    # No infinite or NaN numbers: no area or elevation is, and JSON cannot write them.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False,
                              allow_inf_nan=False)


class SourceData(Record):
    key: Key
    title: Required
    url: Text = None
    note: Text = None


class HomeData(Record):
    name: Required
    name_en: Text = None
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    timezone: Text = None
    coordinates_source: SourceRef = None


class StatusData(Record):
    status: PartnerStatusKind
    since: Optional[PartialDate] = None
    until: Optional[PartialDate] = None
    note: Text = None
    source: SourceRef = None

    @model_validator(mode="after")
    def _order(self) -> "StatusData":
        _check_order(self.since, self.until, "since", "until")
        return self


class PartnerData(Record):
    key: Key
    name: Required = Field(max_length=200)
    name_en: Text = Field(default=None, max_length=200)
    name_native: Text = Field(default=None, max_length=200)
    # The length first, then the stripping around it: a limit put after it would count as items.
    aliases: list[Annotated[str, Field(max_length=200), BeforeValidator(_strip)]] = Field(default_factory=list)
    kind: PartnerKind = PartnerKind.CITY
    country: Country
    is_capital: bool = False
    timezone: Text = None
    latitude: Optional[float] = Field(default=None, ge=-90, le=90)
    longitude: Optional[float] = Field(default=None, ge=-180, le=180)
    coordinates_source: SourceRef = None
    population: Optional[int] = Field(default=None, ge=0, le=INT_MAX)
    population_year: Optional[int] = Field(default=None, ge=1000, le=2200)
    population_source: SourceRef = None
    area_km2: Optional[float] = Field(default=None, gt=0)
    area_source: SourceRef = None
    elevation_m: Optional[float] = Field(default=None, ge=-500, le=9000)
    elevation_source: SourceRef = None
    category: Optional[Category] = None
    statuses: list[StatusData] = Field(default_factory=list)
    domains: list[Domain] = Field(default_factory=list)
    assessment: Optional[Assessment] = None
    assessment_note: Text = None
    notes: Text = None
    source: SourceRef = None

    @field_validator("country")
    @classmethod
    def _country_required(cls, value: Optional[str]) -> str:
        if value is None:
            raise ValueError("is required")
        return value

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and value not in _time_zones():
            raise ValueError(f"'{value}' is not an IANA time zone")
        return value

    @model_validator(mode="after")
    def _coordinates_pair(self) -> "PartnerData":
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("longitude: latitude and longitude go together; give both or neither")
        return self


class AgreementData(Record):
    key: Key
    partner: Key
    kind: AgreementKind
    title: Text = None
    signed_on: Optional[PartialDate] = None
    party_krakow: Text = None
    party_partner: Text = None
    signatory_krakow: Text = None
    signatory_partner: Text = None
    term_start: Optional[dt.date] = None
    term_end: Optional[dt.date] = None
    indefinite: bool = False
    term_months: Optional[int] = Field(default=None, gt=0, le=1200)
    auto_renews: bool = False
    renewal_months: Optional[int] = Field(default=None, gt=0, le=1200)
    notice_months: Optional[int] = Field(default=None, ge=0, le=1200)
    terminated_on: Optional[dt.date] = None
    relation: Optional[AgreementRelation] = None
    related: Optional[Key] = None
    domains: list[Domain] = Field(default_factory=list)
    notes: Text = None
    source: SourceRef = None

    @model_validator(mode="after")
    def _consistent(self) -> "AgreementData":
        _check_order(self.term_start, self.term_end, "term_start", "term_end")
        if self.indefinite and self.term_end is not None:
            raise ValueError("term_end: an indefinite agreement has no end of term")
        if (self.relation is None) != (self.related is None):
            raise ValueError("related: a relation needs the agreement it relates to, and back")
        if self.related is not None and self.related == self.key:
            raise ValueError("related: an agreement cannot relate to itself")
        return self


class OrganisationData(Record):
    key: Key
    name: Required = Field(max_length=300)
    name_en: Text = Field(default=None, max_length=300)
    acronym: Text = Field(default=None, max_length=40)
    notes: Text = None
    source: SourceRef = None


class MembershipData(Record):
    key: Key
    organisation: Key
    joined_year: Optional[int] = Field(default=None, ge=1000, le=2200)
    left_year: Optional[int] = Field(default=None, ge=1000, le=2200)
    fee: Money = None
    fee_currency: Currency = None
    fee_note: Text = None
    coordinating_department: Text = None
    representative: Text = None
    notes: Text = None
    source: SourceRef = None

    @model_validator(mode="after")
    def _years(self) -> "MembershipData":
        _check_order(self.joined_year, self.left_year, "joined_year", "left_year")
        return self


class InstitutionData(Record):
    key: Key
    name: Required = Field(max_length=300)
    name_en: Text = Field(default=None, max_length=300)
    kind: InstitutionKind = InstitutionKind.OTHER
    country: Country = None
    city: Text = Field(default=None, max_length=200)
    in_krakow: bool = False
    partner: Optional[Key] = None
    address: Text = None
    website: Text = None
    email: Text = None
    phone: Text = None
    notes: Text = None
    source: SourceRef = None


class AffiliationData(Record):
    institution: Optional[Key] = None
    partner: Optional[Key] = None
    role: Text = None
    since: Optional[dt.date] = None
    until: Optional[dt.date] = None

    @model_validator(mode="after")
    def _target(self) -> "AffiliationData":
        if self.institution is None and self.partner is None:
            raise ValueError("institution: an affiliation names an institution or a partner")
        _check_order(self.since, self.until, "since", "until")
        return self


class PersonData(Record):
    key: Key
    given_name: Text = Field(default=None, max_length=200)
    family_name: Required = Field(max_length=200)
    name_native: Text = Field(default=None, max_length=300)
    honorific: Text = Field(default=None, max_length=80)
    title: Text = Field(default=None, max_length=120)
    function: Text = None
    languages: list[Language] = Field(default_factory=list)
    emails: list[Required] = Field(default_factory=list)
    phones: list[Required] = Field(default_factory=list)
    address: Text = None
    salutation: Text = None
    salutation_pl: Text = None
    precedence: Optional[int] = Field(default=None, ge=0, le=INT_MAX)
    dietary_notes: Text = None
    accessibility_notes: Text = None
    lawful_basis: Optional[LawfulBasis] = None
    retention_note: Text = None
    erased_on: Optional[dt.date] = None
    affiliations: list[AffiliationData] = Field(default_factory=list)
    notes: Text = None
    source: SourceRef = None

    @field_validator("emails")
    @classmethod
    def _emails(cls, values: list[str]) -> list[str]:
        for value in values:
            local, at, domain = value.partition("@")
            if not (local and at and "." in domain) or " " in value:
                raise ValueError(f"'{value}' is not an e-mail address")
        return values


class ParticipantData(Record):
    person: Optional[Key] = None
    name: Text = None
    side: Side = Side.GUEST
    role: Text = None
    precedence: Optional[int] = Field(default=None, ge=0, le=INT_MAX)
    languages: list[Language] = Field(default_factory=list)

    @model_validator(mode="after")
    def _named(self) -> "ParticipantData":
        if self.person is None and self.name is None and self.role is None:
            raise ValueError("name: a participant is a known person, or has a name or a role")
        return self


class ProgrammeItemData(Record):
    day: Optional[dt.date] = None
    start: Optional[dt.time] = None
    end: Optional[dt.time] = None
    place: Text = None
    activity: Required
    responsible: Text = None
    notes: Text = None

    @model_validator(mode="after")
    def _times(self) -> "ProgrammeItemData":
        _check_order(self.start, self.end, "start", "end")
        return self


class VisitData(Record):
    key: Key
    direction: Direction
    partners: list[Key] = Field(default_factory=list)
    title: Required
    purpose: Text = None
    kind: Optional[VisitKind] = None
    status: VisitStatus = VisitStatus.PLANNED
    start_on: Optional[PartialDate] = None
    end_on: Optional[PartialDate] = None
    place: Text = None
    participants: list[ParticipantData] = Field(default_factory=list)
    programme: list[ProgrammeItemData] = Field(default_factory=list)
    accommodation: Text = None
    transport: Text = None
    interpreters: Text = None
    outcomes: Text = None
    notes: Text = None
    source: SourceRef = None

    @model_validator(mode="after")
    def _dates(self) -> "VisitData":
        _check_order(self.start_on, self.end_on, "start_on", "end_on")
        return self


class EventData(Record):
    key: Key
    kind: EventKind = EventKind.OTHER
    title: Required
    start_on: Optional[PartialDate] = None
    end_on: Optional[PartialDate] = None
    place: Text = None
    partners: list[Key] = Field(default_factory=list)
    domains: list[Domain] = Field(default_factory=list)
    organisers: Text = None
    programme_name: Text = None
    budget: Money = None
    currency: Currency = None
    co_financing: Text = None
    outcomes: Text = None
    notes: Text = None
    source: SourceRef = None

    @model_validator(mode="after")
    def _dates(self) -> "EventData":
        _check_order(self.start_on, self.end_on, "start_on", "end_on")
        return self


class GiftData(Record):
    key: Key
    direction: GiftDirection
    date: Optional[PartialDate] = None
    partner: Optional[Key] = None
    visit: Optional[Key] = None
    giver: Text = None
    recipient: Text = None
    description: Required
    category: GiftCategory = GiftCategory.OTHER
    quantity: Optional[int] = Field(default=None, gt=0, le=INT_MAX)
    value: Money = None
    currency: Currency = None
    location: Text = None
    disposition: Text = None
    notes: Text = None
    source: SourceRef = None

    @model_validator(mode="after")
    def _currency(self) -> "GiftData":
        if self.value is not None and self.currency is None:
            raise ValueError("currency: a value needs its currency")
        return self


class LetterData(Record):
    key: Key
    direction: Direction
    date: dt.date
    channel: Channel = Channel.LETTER
    reference: Text = Field(default=None, max_length=80)   # the column's VARCHAR(80)
    subject: Required
    partner: Optional[Key] = None
    people: list[Key] = Field(default_factory=list)
    summary: Text = None
    reply_due_on: Optional[dt.date] = None
    reply_to: Optional[Key] = None
    source: SourceRef = None

    @model_validator(mode="after")
    def _dates(self) -> "LetterData":
        _check_order(self.date, self.reply_due_on, "date", "reply_due_on")
        return self


class TaskData(Record):
    key: Key
    title: Required
    due_on: Optional[dt.date] = None
    assignee: Text = Field(default=None, max_length=200)   # the column's VARCHAR(200)
    status: TaskStatus = TaskStatus.OPEN
    done_on: Optional[dt.date] = None
    partner: Optional[Key] = None
    agreement: Optional[Key] = None
    visit: Optional[Key] = None
    letter: Optional[Key] = None
    event: Optional[Key] = None
    notes: Text = None


class YearlyFigureData(Record):
    year: int = Field(ge=1900, le=2200)
    metric: FigureMetric
    value: int = Field(ge=0, le=INT_MAX)
    approximate: bool = False
    note: Text = None
    source: SourceRef = None


DATASET_FORMAT = "krakow-desk/dataset"
DATASET_VERSION = 1


class Dataset(Record):
    """A whole dataset: Krakow's data/ file, an import or an export."""
    format: str = DATASET_FORMAT
    version: int = DATASET_VERSION
    home: Optional[HomeData] = None
    sources: list[SourceData] = Field(default_factory=list)
    partners: list[PartnerData] = Field(default_factory=list)
    agreements: list[AgreementData] = Field(default_factory=list)
    organisations: list[OrganisationData] = Field(default_factory=list)
    memberships: list[MembershipData] = Field(default_factory=list)
    institutions: list[InstitutionData] = Field(default_factory=list)
    people: list[PersonData] = Field(default_factory=list)
    visits: list[VisitData] = Field(default_factory=list)
    events: list[EventData] = Field(default_factory=list)
    gifts: list[GiftData] = Field(default_factory=list)
    letters: list[LetterData] = Field(default_factory=list)
    tasks: list[TaskData] = Field(default_factory=list)
    yearly_figures: list[YearlyFigureData] = Field(default_factory=list)

    @field_validator("format")
    @classmethod
    def _format(cls, value: str) -> str:
        if value != DATASET_FORMAT:
            raise ValueError(f"'{value}' is not a Krakow Desk dataset (expected '{DATASET_FORMAT}')")
        return value

    @field_validator("version")
    @classmethod
    def _version(cls, value: int) -> int:
        if value > DATASET_VERSION:
            raise ValueError(f"version {value} is newer than this program reads ({DATASET_VERSION})")
        return value
