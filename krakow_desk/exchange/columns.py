"""The columns of a spreadsheet (CSV or XLSX) for each record kind, and how cells map to fields.

A column's type is read off the record model's annotation, so a field added to a model is exported
without touching this file; only its header needs a name here. Nested rows (a partner's statuses,
a person's affiliations, a visit's participants and programme) do not fit a flat row: they are in
the JSON dataset, and a spreadsheet import leaves them as stored.
"""

import datetime as dt
import re
import types
import typing
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, Optional

from pydantic import BaseModel

from krakow_desk.domain import schema as s
from krakow_desk.domain.fuzzydate import FuzzyDate
from krakow_desk.domain.text import fold
from krakow_desk.i18n import LANGUAGES, N_, _, using_language
from krakow_desk.labels import label

# The kinds a spreadsheet holds, in the order an XLSX export writes its sheets.
TABLE_KINDS: dict[str, type[BaseModel]] = {
    "partner": s.PartnerData, "person": s.PersonData, "institution": s.InstitutionData,
    "agreement": s.AgreementData, "visit": s.VisitData, "gift": s.GiftData,
    "letter": s.LetterData, "task": s.TaskData,
}
PLURALS = {"partner": "partners", "person": "people", "institution": "institutions",
           "agreement": "agreements", "visit": "visits", "gift": "gifts", "letter": "letters",
           "task": "tasks"}
SHEET_NAMES = {"partner": N_("Partners"), "person": N_("People"), "institution": N_("Institutions"),
               "agreement": N_("Agreements"), "visit": N_("Visits"), "gift": N_("Gifts"),
               "letter": N_("Letters"), "task": N_("Tasks")}

# Fields that hold the key of another record; for partners a name is accepted too (the planner).
REFERENCES = {"partner": "partner", "partners": "partner", "people": "person", "visit": "visit",
              "related": "agreement", "reply_to": "letter", "agreement": "agreement",
              "letter": "letter", "event": "event"}

HEADERS = {
    "key": N_("key"), "name": N_("name"), "name_en": N_("English name"),
    "name_native": N_("native name"), "aliases": N_("other names"), "kind": N_("kind"),
    "country": N_("country"), "is_capital": N_("capital"), "timezone": N_("time zone"),
    "latitude": N_("latitude"), "longitude": N_("longitude"),
    "coordinates_source": N_("source of coordinates"), "population": N_("population"),
    "population_year": N_("population year"), "population_source": N_("source of population"),
    "area_km2": N_("area (km²)"), "area_source": N_("source of area"),
    "elevation_m": N_("elevation (m)"), "elevation_source": N_("source of elevation"),
    "category": N_("category"), "domains": N_("domains"), "assessment": N_("assessment"),
    "assessment_note": N_("assessment note"), "notes": N_("notes"), "source": N_("source"),
    "given_name": N_("given name"), "family_name": N_("family name"), "honorific": N_("honorific"),
    "function": N_("function"), "languages": N_("languages"), "emails": N_("e-mails"),
    "phones": N_("phones"), "address": N_("address"), "salutation": N_("salutation"),
    "salutation_pl": N_("salutation in Polish"), "precedence": N_("precedence"),
    "dietary_notes": N_("dietary needs"), "accessibility_notes": N_("accessibility needs"),
    "lawful_basis": N_("lawful basis"), "city": N_("city"), "in_krakow": N_("in Krakow"),
    "partner": N_("partner"), "website": N_("website"), "email": N_("e-mail"), "phone": N_("phone"),
    "signed_on": N_("signed on"), "party_krakow": N_("party for Krakow"),
    "party_partner": N_("party for the partner"), "signatory_krakow": N_("signatory for Krakow"),
    "signatory_partner": N_("signatory for the partner"), "term_start": N_("term starts"),
    "term_end": N_("term ends"), "indefinite": N_("indefinite"), "term_months": N_("term (months)"),
    "auto_renews": N_("renews automatically"), "renewal_months": N_("renewal (months)"),
    "notice_months": N_("notice (months)"), "terminated_on": N_("terminated on"),
    "relation": N_("relation"), "related": N_("related agreement"), "direction": N_("direction"),
    "partners": N_("partners"), "purpose": N_("purpose"), "status": N_("status"),
    "start_on": N_("starts on"), "end_on": N_("ends on"), "place": N_("place"),
    "accommodation": N_("accommodation"), "transport": N_("transport"),
    "interpreters": N_("interpreters"), "outcomes": N_("outcomes"), "date": N_("date"),
    "visit": N_("visit"), "giver": N_("giver"), "recipient": N_("recipient"),
    "description": N_("description"), "quantity": N_("quantity"), "value": N_("value"),
    "currency": N_("currency"), "location": N_("where it is kept"), "disposition": N_("disposition"),
    "channel": N_("channel"), "reference": N_("reference number"), "subject": N_("subject"),
    "people": N_("people"), "summary": N_("summary"), "reply_due_on": N_("reply due on"),
    "reply_to": N_("reply to"), "due_on": N_("due on"), "assignee": N_("assignee"),
    "done_on": N_("done on"), "letter": N_("letter"), "event": N_("event"),
}
# Where one field name means different things in different kinds.
KIND_HEADERS = {("partner", "name"): N_("Polish name"), ("person", "title"): N_("academic title"), ("agreement", "title"): N_("title"),
                ("visit", "title"): N_("title"), ("task", "title"): N_("title"),
                ("agreement", "partner"): N_("partner")}

YES = (N_("yes"), "true", "1", "x", "t")
NO = (N_("no"), "false", "0", "n", "f")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    field: str
    type: str                       # text, fuzzy, date, time, int, float, money, bool, enum, list, enums
    enum: Optional[type[Enum]] = None
    reference: Optional[str] = None  # the kind a key (or a list of keys) points at

    def header(self, kind: str) -> str:
        text = field_header(kind, self.field)
        return text[:1].upper() + text[1:]


def field_header(kind: str, field: str) -> str:
    """A field's name for people, as its column is headed (lower case, for a list of fields)."""
    return _(KIND_HEADERS.get((kind, field)) or HEADERS.get(field, field.replace("_", " ")))


def _unwrap(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return _unwrap(inner[0]) if len(inner) == 1 else annotation
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    return annotation


def _column(name: str, annotation: Any) -> Optional[Column]:
    kind = _unwrap(annotation)
    reference = REFERENCES.get(name)
    if typing.get_origin(kind) is list:
        item = _unwrap(typing.get_args(kind)[0])
        if isinstance(item, type) and issubclass(item, BaseModel):
            return None  # nested rows: not a flat column
        if isinstance(item, type) and issubclass(item, Enum):
            return Column(name, "enums", item)
        return Column(name, "list", reference=reference)
    simple = {FuzzyDate: "fuzzy", dt.date: "date", dt.time: "time", bool: "bool", int: "int",
              float: "float", Decimal: "money", str: "text"}
    if isinstance(kind, type) and issubclass(kind, Enum):
        return Column(name, "enum", kind)
    return Column(name, simple.get(kind, "text"), reference=reference)


def columns(kind: str) -> list[Column]:
    """The flat columns of a kind, in the model's order with the key first."""
    model = TABLE_KINDS[kind]
    found = [column for name, info in model.model_fields.items()
             if (column := _column(name, info.annotation)) is not None]
    return sorted(found, key=lambda column: column.field != "key")


def sheet_name(kind: str) -> str:
    return _(SHEET_NAMES[kind])


def kind_of_sheet(name: str) -> Optional[str]:
    """The kind a sheet (or a CSV file's stem) is named after, in either language."""
    wanted = fold(name)
    for kind in TABLE_KINDS:
        names = {kind, PLURALS[kind]}
        for lang in LANGUAGES:
            with using_language(lang):
                names.add(sheet_name(kind))
        if wanted in {fold(n) for n in names}:
            return kind
    return None


def header_map(kind: str) -> dict[str, Column]:
    """Folded header text → column: the field's name, and its header in Polish and English."""
    result: dict[str, Column] = {}
    for column in columns(kind):
        names = {column.field, column.field.replace("_", " ")}
        for lang in LANGUAGES:
            with using_language(lang):
                names.add(column.header(kind))
        for name in names:
            result[fold(name)] = column
    return result


# --- cells out -------------------------------------------------------------------------------

def neutralise(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula: a leading ' before = + - @ TAB CR
    (and before a leading ' itself, so that reading it back gives exactly the text)."""
    return "'" + text if text.startswith(FORMULA_START + ("'",)) else text


def restore(text: str) -> str:
    """The text a neutralised cell stands for."""
    return text[1:] if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_START + ("'",) else text


def _bool_text(value: bool) -> str:
    return _(YES[0]) if value else _(NO[0])


def cell_text(column: Column, value: Any) -> str:
    """A field's value as CSV text, in the current language (labels for vocabularies)."""
    if value is None:
        return ""
    if column.type == "fuzzy":
        return value.iso()
    if column.type in ("date", "time"):
        return value.isoformat()
    if column.type == "bool":
        return _bool_text(value)
    if column.type == "enum":
        return label(value)
    if column.type == "enums":
        return LIST_SEPARATOR.join(label(item) for item in value)
    if column.type == "list":
        return neutralise(LIST_SEPARATOR.join(value))
    if column.type == "money":
        return format(value, "f")
    if column.type in ("int", "float"):
        return repr(value) if column.type == "float" else str(value)
    return neutralise(str(value))


def cell_value(column: Column, value: Any) -> Any:
    """A field's value as a typed spreadsheet cell: real dates, numbers and booleans."""
    if value is None:
        return None
    if column.type == "fuzzy":
        return value.start if value.precision.value == "day" else value.iso()
    if column.type in ("date", "time", "int", "float", "bool"):
        return value
    if column.type == "money":
        return int(value) if value == value.to_integral_value() else float(value)
    return cell_text(column, value)


# --- cells in --------------------------------------------------------------------------------

class CellError(ValueError):
    """A cell that cannot be the field's value; the message says what was expected."""


_POLISH_DATE = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_SPACES = re.compile(r"[\s\u00a0\u202f']")


def _number_text(value: Any) -> str:
    text = _SPACES.sub("", str(value))
    # A Polish spreadsheet writes 1,5; "1,234.5" is English: the last separator is the decimal one.
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    return text.replace(",", "")


def _enum_value(enum: type[Enum], text: str) -> Enum:
    wanted = fold(text).replace(" ", "_")
    for member in enum:
        if wanted == fold(member.value):
            return member
    for lang in LANGUAGES:
        with using_language(lang):
            for member in enum:
                if fold(text) == fold(label(member)):
                    return member
    names = ", ".join(label(member) for member in enum)
    raise CellError(_("'{text}' is not one of: {names}").format(text=text, names=names))


def _split(text: str) -> list[str]:
    parts = text.split("\n") if "\n" in text else text.split(";")
    return [part.strip() for part in parts if part.strip()]


def parse_cell(column: Column, raw: Any) -> Any:
    """The field's value from a cell (CSV text or a typed XLSX value); blank is None (or [])."""
    if isinstance(raw, str):
        raw = raw.strip()
    if raw is None or raw == "":
        return [] if column.type in ("list", "enums") else None
    kind = column.type
    if kind == "text":
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)   # a phone number or a year typed as a number
        if isinstance(raw, (dt.datetime, dt.date)):
            raw = raw.date().isoformat() if isinstance(raw, dt.datetime) else raw.isoformat()
        return restore(str(raw))
    if kind in ("fuzzy", "date"):
        if isinstance(raw, dt.datetime):
            return raw.date()
        if isinstance(raw, dt.date):
            return raw
        if isinstance(raw, (int, float)) and kind == "fuzzy" and float(raw).is_integer():
            return str(int(raw))   # a year typed as a number
        text = str(raw)
        match = _POLISH_DATE.match(text)
        if match:
            day, month, year = (int(part) for part in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise CellError(_("'{text}' is not a real calendar date").format(text=text)) from None
        return text   # ISO forms are checked by the record model
    if kind == "time":
        if isinstance(raw, dt.datetime):
            return raw.time()
        return raw if isinstance(raw, dt.time) else str(raw)
    if kind == "bool":
        if isinstance(raw, bool):
            return raw
        text = fold(str(raw))
        for words, result in ((YES, True), (NO, False)):
            accepted = {fold(words[0])} | set(words[1:])
            for lang in LANGUAGES:
                with using_language(lang):
                    accepted.add(fold(_(words[0])))
            if text in accepted:
                return result
        raise CellError(_("'{text}' is not yes or no").format(text=raw))
    if kind in ("int", "float", "money"):
        if isinstance(raw, bool):
            raise CellError(_("'{text}' is not a number").format(text=raw))
        if isinstance(raw, (int, float)):
            number: Any = raw
        else:
            try:
                number = Decimal(_number_text(raw))
            except InvalidOperation:
                raise CellError(_("'{text}' is not a number").format(text=raw)) from None
            if not number.is_finite():
                raise CellError(_("'{text}' is not a number").format(text=raw))
        if kind == "int":
            if number != int(number):
                raise CellError(_("'{text}' is not a whole number").format(text=raw))
            return int(number)
        return float(number) if kind == "float" else Decimal(str(number))
    if kind == "enum":
        return _enum_value(column.enum, str(raw))  # type: ignore[arg-type]
    if kind == "enums":
        return [_enum_value(column.enum, part) for part in _split(str(raw))]  # type: ignore[arg-type]
    return _split(restore(str(raw)))
