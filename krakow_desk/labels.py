"""Names of the vocabularies' values for people, in the current language.

Every value of every enum in krakow_desk.domain.enums has a label here (a test checks it). Where
one English word would need different Polish forms in two vocabularies (a visit is "odwołana", a
task is not), the English labels differ too, because a gettext string has one translation.
"""

from enum import Enum
from typing import Iterable

from babel import Locale

from krakow_desk.collation import sort_key
from krakow_desk.domain import enums as e
from krakow_desk.i18n import N_, _, language

_TABLE: list[tuple[Enum, str]] = [
    (e.PartnerKind.CITY, N_("city")),
    (e.PartnerKind.REGION, N_("region")),

    (e.Category.TWIN_CITY, N_("twin city")),
    (e.Category.PARTNER_CITY, N_("partner city")),
    (e.Category.HONORARY_TWIN_CITY, N_("honorary twin city")),
    (e.Category.NO_AGREEMENT, N_("cooperation without a formal agreement")),

    # the state of the cooperation (Polish: "współpraca aktywna, uśpiona …")
    (e.PartnerStatusKind.ACTIVE, N_("active")),
    (e.PartnerStatusKind.DORMANT, N_("dormant")),
    (e.PartnerStatusKind.SUSPENDED, N_("suspended")),
    (e.PartnerStatusKind.ENDED, N_("ended")),

    # how the office rates the cooperation, in the programme's words
    (e.Assessment.EXEMPLARY, N_("exemplary")),
    (e.Assessment.ACTIVE, N_("active")),
    (e.Assessment.SATISFACTORY, N_("satisfactory")),
    (e.Assessment.DEVELOPING, N_("developing")),
    (e.Assessment.OCCASIONAL, N_("occasional")),
    (e.Assessment.WEAK, N_("weak")),
    (e.Assessment.INACTIVE, N_("inactive")),

    (e.Domain.CULTURE, N_("culture")),
    (e.Domain.EDUCATION, N_("education")),
    (e.Domain.SCIENCE, N_("science")),
    (e.Domain.YOUTH, N_("youth")),
    (e.Domain.SPORT, N_("sport")),
    (e.Domain.ECONOMY, N_("economy")),
    (e.Domain.TOURISM, N_("tourism")),
    (e.Domain.PROMOTION, N_("city promotion")),
    (e.Domain.SOCIAL_WELFARE, N_("social welfare")),
    (e.Domain.HEALTH, N_("health care")),
    (e.Domain.ENVIRONMENT, N_("environmental protection")),
    (e.Domain.MUNICIPAL_MANAGEMENT, N_("municipal management")),
    (e.Domain.TRANSPORT, N_("public transport")),
    (e.Domain.FIRE_RESCUE, N_("fire and rescue services")),
    (e.Domain.HERITAGE_PROTECTION, N_("heritage protection")),
    (e.Domain.EU_FUNDS, N_("EU funds")),
    (e.Domain.LOCAL_GOVERNMENT, N_("local government")),
    (e.Domain.URBAN_REGENERATION, N_("urban regeneration")),
    (e.Domain.PUBLIC_SAFETY, N_("public safety")),
    (e.Domain.CRISIS_MANAGEMENT, N_("crisis management")),
    (e.Domain.DIASPORA, N_("Polish diaspora")),
    (e.Domain.EUROPEAN_INTEGRATION, N_("European integration")),
    (e.Domain.DISABILITY, N_("people with disabilities")),
    (e.Domain.SENIORS, N_("senior citizens")),
    (e.Domain.TRADE_FAIRS, N_("trade fairs")),

    (e.AgreementKind.TWIN_CITY_AGREEMENT, N_("twin-city agreement")),
    (e.AgreementKind.PARTNERSHIP_AGREEMENT, N_("partnership agreement")),
    (e.AgreementKind.HONORARY_TWIN_CITY_TITLE, N_("honorary twin city title")),
    (e.AgreementKind.COOPERATION_AGREEMENT, N_("cooperation agreement")),
    (e.AgreementKind.UNDERSTANDING, N_("understanding")),
    (e.AgreementKind.LETTER_OF_INTENT, N_("letter of intent")),
    (e.AgreementKind.DECLARATION, N_("declaration")),
    (e.AgreementKind.JOINT_STATEMENT, N_("joint statement")),
    (e.AgreementKind.FRIENDSHIP_PACT, N_("friendship pact")),
    (e.AgreementKind.COOPERATION_PROTOCOL, N_("cooperation protocol")),
    (e.AgreementKind.COOPERATION_PROGRAMME, N_("cooperation programme")),
    (e.AgreementKind.MEMORANDUM, N_("memorandum")),

    # how a document relates to an earlier one: "this document renews …"
    (e.AgreementRelation.RENEWS, N_("renews")),
    (e.AgreementRelation.AMENDS, N_("amends")),
    (e.AgreementRelation.REPLACES, N_("replaces")),
    (e.AgreementRelation.CONFIRMS, N_("confirms")),
    (e.AgreementRelation.SUPPLEMENTS, N_("supplements")),

    (e.InstitutionKind.CONSULATE, N_("consulate")),
    (e.InstitutionKind.HONORARY_CONSULATE, N_("honorary consulate")),
    (e.InstitutionKind.EMBASSY, N_("embassy")),
    (e.InstitutionKind.CULTURAL_INSTITUTE, N_("cultural institute")),
    (e.InstitutionKind.CHAMBER_OF_COMMERCE, N_("chamber of commerce")),
    (e.InstitutionKind.UNIVERSITY, N_("university")),
    (e.InstitutionKind.SCHOOL, N_("school")),
    (e.InstitutionKind.NGO, N_("non-governmental organisation")),
    (e.InstitutionKind.POLONIA_ORGANISATION, N_("Polish diaspora organisation")),
    (e.InstitutionKind.CITY_OFFICE, N_("city office")),
    (e.InstitutionKind.CULTURAL_CENTRE, N_("cultural centre")),
    (e.InstitutionKind.HOSPITAL, N_("hospital")),
    (e.InstitutionKind.COMPANY, N_("company")),
    (e.InstitutionKind.OTHER, N_("other")),

    # GDPR Article 6(1) grounds for keeping a person's data
    (e.LawfulBasis.PUBLIC_TASK, N_("task in the public interest (GDPR Art. 6(1)(e))")),
    (e.LawfulBasis.LEGITIMATE_INTEREST, N_("legitimate interest (GDPR Art. 6(1)(f))")),
    (e.LawfulBasis.CONSENT, N_("consent (GDPR Art. 6(1)(a))")),
    (e.LawfulBasis.CONTRACT, N_("contract (GDPR Art. 6(1)(b))")),

    # visits and letters alike: towards Krakow or from it
    (e.Direction.INCOMING, N_("to Krakow")),
    (e.Direction.OUTGOING, N_("from Krakow")),

    (e.VisitKind.OFFICIAL, N_("official visit")),
    (e.VisitKind.WORKING, N_("working visit")),
    (e.VisitKind.STUDY, N_("study visit")),

    (e.VisitStatus.PLANNED, N_("planned")),
    (e.VisitStatus.CONFIRMED, N_("confirmed")),
    (e.VisitStatus.DONE, N_("took place")),
    (e.VisitStatus.CANCELLED, N_("cancelled")),

    # which side of a visit a participant is on
    (e.Side.GUEST, N_("guests")),
    (e.Side.HOST, N_("hosts")),

    (e.EventKind.CITY_PRESENTATION, N_("presentation of Krakow")),
    (e.EventKind.PARTNER_PRESENTATION, N_("presentation of a partner")),
    (e.EventKind.FAIR, N_("fair")),
    (e.EventKind.CONFERENCE, N_("conference")),
    (e.EventKind.FESTIVAL, N_("festival")),
    (e.EventKind.JUBILEE, N_("anniversary")),
    (e.EventKind.EXHIBITION, N_("exhibition")),
    (e.EventKind.PROJECT, N_("project")),
    (e.EventKind.TRAINING, N_("training")),
    (e.EventKind.OTHER, N_("other")),

    (e.GiftDirection.GIVEN, N_("given")),
    (e.GiftDirection.RECEIVED, N_("received")),

    (e.GiftCategory.ARTWORK, N_("work of art")),
    (e.GiftCategory.BOOK, N_("book")),
    (e.GiftCategory.VEHICLE, N_("vehicle")),
    (e.GiftCategory.EQUIPMENT, N_("equipment")),
    (e.GiftCategory.MEDICAL, N_("medical supplies")),
    (e.GiftCategory.FINANCIAL_AID, N_("financial aid")),
    (e.GiftCategory.MATERIAL_AID, N_("material aid")),
    (e.GiftCategory.COMMEMORATIVE, N_("commemorative item")),
    (e.GiftCategory.OTHER, N_("other")),

    (e.Channel.LETTER, N_("letter")),
    (e.Channel.EMAIL, N_("e-mail")),
    (e.Channel.FAX, N_("fax")),
    (e.Channel.NOTE, N_("note")),
    (e.Channel.OTHER, N_("other")),

    (e.TaskStatus.OPEN, N_("to do")),
    (e.TaskStatus.IN_PROGRESS, N_("in progress")),
    (e.TaskStatus.DONE, N_("done")),
    (e.TaskStatus.CANCELLED, N_("no longer needed")),

    (e.FigureMetric.DELEGATIONS_RECEIVED, N_("foreign delegations received")),
    (e.FigureMetric.DELEGATIONS_FROM_PARTNERS, N_("delegations from partner cities")),
    (e.FigureMetric.TRIPS_ABROAD, N_("official trips abroad")),
    (e.FigureMetric.PRESENTATIONS_AND_FAIRS, N_("presentations and trade fairs")),

    # how exactly a date is known
    (e.Precision.DAY, N_("day")),
    (e.Precision.MONTH, N_("month")),
    (e.Precision.YEAR, N_("year")),

    (e.Continent.EUROPE, N_("Europe")),
    (e.Continent.ASIA, N_("Asia")),
    (e.Continent.AFRICA, N_("Africa")),
    (e.Continent.NORTH_AMERICA, N_("North America")),
    (e.Continent.SOUTH_AMERICA, N_("South America")),
    (e.Continent.OCEANIA, N_("Oceania")),
    (e.Continent.ANTARCTICA, N_("Antarctica")),

    # where an agreement stands on a day (krakow_desk.domain.terms); the Polish avoids a
    # grammatical gender, since the document may be an "umowa", a "protokół" or a "porozumienie"
    (e.AgreementState.IN_FORCE, N_("in force")),
    (e.AgreementState.NOT_YET_IN_FORCE, N_("not yet in force")),
    (e.AgreementState.EXPIRED, N_("expired")),
    (e.AgreementState.TERMINATED, N_("terminated")),
    (e.AgreementState.SUPERSEDED, N_("superseded")),
    (e.AgreementState.UNKNOWN, N_("not known whether in force")),

    # why a term's dates or state cannot be told
    (e.TermGap.NO_TERM_STATED, N_("the document states no term")),
    (e.TermGap.START_NOT_EXACT, N_("the start of the term is not known to the day")),
    (e.TermGap.SIGNING_DATE_NOT_EXACT, N_("the date of signing is not known to the day")),
    (e.TermGap.TERM_LENGTH_NOT_STATED, N_("the length of the term is not stated")),
    (e.TermGap.NOTICE_PERIOD_NOT_STATED, N_("the notice period is not stated")),

    # a gift's value band (the limits come from the office's policy: krakow_desk.domain.gifts)
    (e.ValueBand.UNKNOWN, N_("value not known")),
    (e.ValueBand.TOKEN, N_("token")),
    (e.ValueBand.MODEST, N_("modest")),
    (e.ValueBand.SUBSTANTIAL, N_("substantial")),
    (e.ValueBand.HIGH, N_("high")),
    (e.ValueBand.OTHER_CURRENCY, N_("in another currency")),

    # what is wrong with a visit's programme
    (e.ClashKind.OVERLAP, N_("items overlap")),
    (e.ClashKind.OUTSIDE_VISIT, N_("outside the visit's dates")),
    (e.ClashKind.DOUBLE_BOOKED, N_("in two places at once")),
]

# Keyed by (vocabulary, value): the enums are str subclasses, so VisitStatus.CANCELLED and
# TaskStatus.CANCELLED are equal as dict keys; a plain {member: text} would mix them up.
_LABELS: dict[tuple[type, str], str] = {(type(member), member.value): text for member, text in _TABLE}

NOT_STATED = N_("not stated")


def label(value: Enum | None) -> str:
    """The value's name for people in the current language; "not stated" for None."""
    if value is None:
        return _(NOT_STATED)
    text = _LABELS.get((type(value), value.value))
    return _(text) if text else str(value.value).replace("_", " ")


def has_label(value: Enum) -> bool:
    """Whether the value has a label of its own (a test keeps this true for every enum value)."""
    return (type(value), value.value) in _LABELS


def country_name(code: str | None) -> str:
    """The country's name in the current language (Babel's CLDR names), or the code if unknown."""
    if not code:
        return ""
    return Locale.parse(language()).territories.get(code.upper(), code)


# Scales and life cycles read best in their own order (best to worst, planned to done); every
# other vocabulary is alphabetical, with its catch-all "other" last, as on a paper form.
_IN_OWN_ORDER = {e.Assessment, e.PartnerStatusKind, e.VisitStatus, e.TaskStatus, e.Precision,
                 e.AgreementState}


def choices(enum_cls: type[Enum]) -> list[tuple[Enum, str]]:
    """Every value of a vocabulary with its label in the current language, for a form: in label
    order (Polish alphabet in Polish), "other" last; scales and life cycles in their own order."""
    pairs = [(member, label(member)) for member in enum_cls]
    if enum_cls in _IN_OWN_ORDER:
        return pairs
    return sorted(pairs, key=lambda pair: (pair[0].value == "other", sort_key(pair[1])))


def countries() -> list[tuple[str, str]]:
    """(ISO code, name in the current language) for every country, in name order."""
    names = Locale.parse(language()).territories
    return sorted(((code, name) for code, name in names.items() if len(code) == 2 and code.isalpha()),
                  key=lambda pair: sort_key(pair[1]))


def labelled_enums() -> list[type[Enum]]:
    """Every vocabulary of krakow_desk.domain.enums (what the labels above must cover)."""
    return [value for value in vars(e).values()
            if isinstance(value, type) and issubclass(value, Enum) and value.__module__ == e.__name__
            and value is not e.StrEnum and len(value) > 0]


def language_names(codes: Iterable[str]) -> str:
    """'pl, uk' as 'polski, ukraiński' (in the current language); unknown codes stay as they are."""
    names = Locale.parse(language()).languages
    return ", ".join(names.get(code, code) for code in codes)
