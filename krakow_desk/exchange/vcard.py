"""People as vCard 3.0 (the version address books read best) and back.

Each card carries the person's key in its UID (``person-<key>@krakow-desk``), so that importing
an exported file updates the same people. What vCard 3.0 has no property for — the name in its
native script, languages, an academic title kept apart from the function, salutations — travels
in X-KRAKOW-DESK-* properties, which other programs keep and ignore. ORG (and ROLE) name the
person's first current affiliation; they are written for address books and not read back.

vCard text cannot hold control characters: line breaks are written as line breaks (CR LF and CR
become LF), other control characters except TAB are left out, as in the calendar export.

Reading never hands vobject anything it could choke on. The file is cut into cards on their
BEGIN:VCARD and END:VCARD lines; each card is unfolded here, and every content line is checked
against vobject's own grammar with a pattern that cannot backtrack (vobject's takes exponential
time on a parameter list like ``;X=a,a,a,…`` without a colon). Properties this program does not
read (PHOTO, LOGO, …) are dropped before parsing, so their size does not matter. A card that is
broken, nested in another or holds a value longer than MAX_FIELD_CHARS is a problem with its line;
the other cards are still read.
"""

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Optional

import vobject

from krakow_desk.domain import schema as s
from krakow_desk.domain.text import KEY_PATTERN
from krakow_desk.exchange.incoming import (
    MAX_FIELD_CHARS, MAX_RECORDS, FileContents, Incoming, Problem, decode_text, read_bytes,
)
from krakow_desk.i18n import _
from krakow_desk.services.errors import DatasetError

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk

UID_DOMAIN = "krakow-desk"
_UID = re.compile(rf"person-(.+)@{UID_DOMAIN}")
# Our own properties (vobject's lower-case names), field by field.
EXTRA = {"x-krakow-desk-native-name": "name_native", "x-krakow-desk-languages": "languages",
         "x-krakow-desk-title": "title", "x-krakow-desk-salutation": "salutation",
         "x-krakow-desk-salutation-pl": "salutation_pl"}
# What the reader takes from a card; every other property is dropped before vobject sees it.
_READ = frozenset({"begin", "end", "version", "uid", "n", "fn", "title", "email", "tel", "adr", "note",
                   *EXTRA})
MAX_DEPTH = 3      # cards inside cards beyond this: not an address book at all
_STRUCTURED = frozenset({"n", "adr", "version"})   # vobject splits these into their parts itself
_COMMA = re.compile(r"(\\.)|,")
_QP_COMMA = re.compile(r"(\\.)|,|=2C", re.IGNORECASE)
_ADR_PARTS = ("box", "extended", "street", "city", "region", "code", "country")

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BREAK = re.compile(r"\r\n|\r|\n")
_NAME = r"[A-Za-z0-9_-]++"
# vobject's content-line grammar (base.patterns['line']), the same language, written with
# possessive quantifiers and an atomic group so that no input makes it backtrack.
_CONTENT_LINE = re.compile(rf'(?:{_NAME}\.)?({_NAME});?(?:;{_NAME}(?:[=,](?>"[^"]*+"|[^";:,]*+))*+)*+:')
_BEGIN = re.compile(r"(?:(?:[A-Za-z0-9_-]+\.)?AGENT(?:;[^:]*)?:)?BEGIN:VCARD[ \t]*", re.IGNORECASE)
_END = re.compile(r"END:VCARD[ \t]*", re.IGNORECASE)


# --- writing -------------------------------------------------------------------------------------

def person_uid(key: str) -> str:
    return f"person-{key}@{UID_DOMAIN}"


def _clean(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _organisation(person: s.PersonData, institutions: dict[str, str],
                  partners: dict[str, str]) -> tuple[Optional[str], Optional[str]]:
    """The name and the role of the first current affiliation whose institution or partner is known."""
    today = date.today()
    for affiliation in person.affiliations:
        if affiliation.until is not None and affiliation.until < today:
            continue
        name = institutions.get(affiliation.institution or "") or partners.get(affiliation.partner or "")
        if name:
            return name, affiliation.role
    return None, None


def _card(person: s.PersonData, organisation: Optional[str], role: Optional[str]) -> Any:
    card = vobject.vCard()
    card.add("uid").value = person_uid(person.key)
    card.add("n").value = vobject.vcard.Name(family=_clean(person.family_name),
                                             given=_clean(person.given_name or ""),
                                             prefix=_clean(person.honorific or ""))
    card.add("fn").value = _clean(" ".join(p for p in (person.given_name, person.family_name) if p))
    texts = (("title", person.function), ("role", role), ("note", person.notes),
             *((name, getattr(person, field)) for name, field in EXTRA.items() if field != "languages"))
    for name, value in texts:
        if value:
            card.add(name).value = _clean(value)
    if person.languages:
        entry = card.add("x-krakow-desk-languages")
        # Comma-separated as written, not one text with escaped commas: codes need no escaping.
        entry.value, entry.encoded = ",".join(person.languages), True
    for email in person.emails:
        entry = card.add("email")
        entry.value, entry.type_param = _clean(email), "INTERNET"
    for phone in person.phones:
        card.add("tel").value = _clean(phone)
    if person.address:
        card.add("adr").value = vobject.vcard.Address(street=_clean(person.address))
    if organisation:
        card.add("org").value = [_clean(organisation)]
    return card


def vcards_text(people: Iterable[s.PersonData], institutions: Iterable[s.InstitutionData] = (),
                partners: Iterable[s.PartnerData] = ()) -> str:
    """The people as one vCard 3.0 file (CR LF line ends), one card each in key order, with the
    name of their current institution (else partner) as ORG."""
    institution_names = {institution.key: institution.name for institution in institutions}
    partner_names = {partner.key: partner.name for partner in partners}
    return "".join(_card(person, *_organisation(person, institution_names, partner_names)).serialize()
                   for person in sorted(people, key=lambda p: p.key))


def write_vcards(desk: "Desk", path: Path) -> int:
    """Write every person to ``path`` (beside it first, then renamed); the number of cards.
    DeskError if the file cannot be written."""
    from krakow_desk.exchange.ical import write_file
    people = desk.people.all()
    write_file(Path(path), vcards_text(people, desk.institutions.all(), desk.partners.all()).encode("utf-8"))
    return len(people)


# --- reading -------------------------------------------------------------------------------------

def read_vcards(path: Path) -> FileContents:
    """The people of a vCard file (3.0; 2.1 and 4.0 as far as they agree). A card that cannot be
    read is a problem with the line of its BEGIN:VCARD, and the others are still read;
    DatasetError if the file is not a vCard file or is hostile."""
    path = Path(path)
    text = decode_text(read_bytes(path), path)
    contents = FileContents("vcard")
    for line, lines in _cards(text, path):
        try:
            if lines is None:
                raise _Unreadable(_("the card is not closed: no END:VCARD follows it "
                                    "(is the file cut short?)"))
            card = vobject.readOne(_checked(lines, line))
            values = _person(card)
        except _Unreadable as error:
            contents.problems.append(Problem(line, str(error)))
            continue
        except Exception as error:  # vobject raises many kinds for a broken card; all mean the same
            reason = " ".join(str(error).split())[:200] or type(error).__name__
            contents.problems.append(Problem(line, _("the card cannot be read: {reason}").format(reason=reason)))
            continue
        label = next(iter(_texts(card, "fn")), "") or " ".join(
            part for part in (values.get("given_name"), values["family_name"]) if part)
        contents.records.append(Incoming("person", values, line, label=label))
    return contents


class _Unreadable(ValueError):
    """A card this reader refuses, with the reason for a person."""


def _cards(text: str, path: Path) -> list[tuple[int, Optional[list[str]]]]:
    """The file cut into (line of BEGIN:VCARD, the card's lines); None for a card never closed.
    A card nested in another stays inside it (and makes it unreadable)."""
    lines = _BREAK.split(text)
    cards: list[tuple[int, Optional[list[str]]]] = []
    depth = start = 0
    for index, line in enumerate(lines):
        if _BEGIN.fullmatch(line):
            depth += 1
            if depth > MAX_DEPTH:
                raise DatasetError(_("{path}: cards nested more than {depth} deep at line {line}; "
                                     "not an address book").format(path=path, depth=MAX_DEPTH, line=index + 1))
            if depth == 1:
                start = index
        elif depth and _END.fullmatch(line):
            depth -= 1
            if depth == 0:
                cards.append((start + 1, lines[start:index + 1]))
                if len(cards) > MAX_RECORDS:
                    raise DatasetError(_("more than {limit} cards: too many to import at once").format(
                        limit=MAX_RECORDS))
    if depth:
        cards.append((start + 1, None))
    if not cards:
        raise DatasetError(_("{path} is not a vCard file (no BEGIN:VCARD)").format(path=path))
    return cards


def _logical_lines(lines: list[str], first: int) -> Iterable[tuple[int, str]]:
    """Unfolded content lines with their line numbers: a quoted-printable value ending in '='
    goes on on the next line (vCard 2.1); else a line starting with a space or TAB continues the
    one before."""
    index = 0
    while index < len(lines):
        start, parts = index, [lines[index]]
        quoted_printable = "QUOTED-PRINTABLE" in lines[index].partition(":")[0].upper()
        index += 1
        while index < len(lines):
            following = lines[index]
            if quoted_printable and parts[-1].endswith("=") and following.strip():
                parts[-1] = parts[-1][:-1]     # a soft line break, as the decoder would drop it
                parts.append(following)
            elif following[:1] in (" ", "\t"):
                parts.append(following[1:])
            else:
                break
            index += 1
        text = "".join(parts)
        if text:
            yield first + start, text


def _checked(lines: list[str], first: int) -> str:
    """The card as vobject may safely parse it: unfolded, checked, only the properties read."""
    kept = []
    for number, text in _logical_lines(lines, first):
        found = _CONTENT_LINE.match(text)
        if found is None:
            raise _Unreadable(_("line {line} is not a vCard property (NAME:value): {text}").format(
                line=number, text=text[:60]))
        name = found.group(1).lower()
        value = text[found.end():]
        if (name == "begin" and kept) or (name == "agent" and "BEGIN:VCARD" in value.upper()):
            raise _Unreadable(_("line {line}: a card inside the card; cards inside cards are not "
                                "read").format(line=number))
        if name not in _READ:
            continue
        if len(value) > MAX_FIELD_CHARS:
            raise _Unreadable(_("line {line}: {property} is longer than {limit} characters").format(
                line=number, property=found.group(1).upper(), limit=MAX_FIELD_CHARS))
        head = text[:found.end()]
        if name in ("begin", "end"):
            text = text.rstrip()
        elif name not in _STRUCTURED:
            text = head + _protect_commas(value, "QUOTED-PRINTABLE" in head.upper())
        kept.append(text)
    return "\r\n".join(kept) + "\r\n"


def _protect_commas(value: str, quoted_printable: bool) -> str:
    """A single text with its commas escaped: vobject reads an unescaped comma as a list separator
    and keeps only the first item (NOTE:one, two gives 'one'), and vCard 2.1 does not escape
    commas at all. Quoted-printable text is decoded after this, so '=2C' is a comma too."""
    pattern = _QP_COMMA if quoted_printable else _COMMA
    return pattern.sub(lambda found: found.group(1) or "\\,", value)


def _texts(card: Any, name: str) -> list[str]:
    values = []
    for entry in card.contents.get(name, []):
        value = entry.value
        if isinstance(value, bytes):       # ENCODING=b on a text property
            value = value.decode("utf-8", "replace")
        text = (",".join(str(v) for v in value) if isinstance(value, list) else str(value)).strip()
        if text:
            values.append(text)
    return values


def _joined(value: Any, separator: str = " ") -> str:
    if isinstance(value, list):
        return separator.join(part.strip() for part in value if part and part.strip())
    return str(value or "").strip()


def _person(card: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    uid = _UID.fullmatch(next(iter(_texts(card, "uid")), ""))
    if uid and KEY_PATTERN.match(uid.group(1)):
        values["key"] = uid.group(1)
    family = given = honorific = ""
    for entry in card.contents.get("n", [])[:1]:
        if isinstance(entry.value, vobject.vcard.Name):
            family, given, honorific = (_joined(entry.value.family), _joined(entry.value.given),
                                        _joined(entry.value.prefix))
    if not family:
        words = next(iter(_texts(card, "fn")), "").split()
        given, family = " ".join(words[:-1]), " ".join(words[-1:])
    if not family:
        raise _Unreadable(_("the card has no name (N or FN)"))
    values.update(family_name=family, given_name=given or None)
    if honorific:
        values["honorific"] = honorific
    for prop, field in (("email", "emails"), ("tel", "phones")):
        if prop in card.contents:
            values[field] = _texts(card, prop)
    for entry in card.contents.get("adr", [])[:1]:
        if isinstance(entry.value, vobject.vcard.Address):
            parts = (_joined(getattr(entry.value, part), ", ") for part in _ADR_PARTS)
            values["address"] = ", ".join(part for part in parts if part) or None
    for prop, field in (("title", "function"), ("note", "notes"), *EXTRA.items()):
        found = _texts(card, prop)
        if found and field == "languages":
            values[field] = [code.strip().lower() for code in found[0].split(",") if code.strip()]
        elif found:
            values[field] = found[0]
    return values
