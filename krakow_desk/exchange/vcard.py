"""People as vCard 3.0 (the version address books read best) and back.

Each card carries the person's key in its UID, so that importing an exported file updates the
same people. What vCard 3.0 has no property for — the name in its native script, languages, an
academic title kept apart from the function, salutations — travels in X-KRAKOW-DESK-* properties,
which other programs keep and ignore. A file is cut into cards before vobject parses it, so one
broken card is reported with its line and the others are still read.
"""

import re
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

UID = re.compile(r"^person-(.+)@krakow-desk$")
# Our own properties, field by field; lists are comma-separated.
EXTRA = {"x-krakow-desk-native-name": "name_native", "x-krakow-desk-title": "title",
         "x-krakow-desk-salutation": "salutation", "x-krakow-desk-salutation-pl": "salutation_pl",
         "x-krakow-desk-languages": "languages"}
MAX_DEPTH = 3


def _organisation(person: s.PersonData, institutions: dict[str, str], partners: dict[str, str]) -> Optional[str]:
    current = [a for a in person.affiliations if a.until is None] or person.affiliations
    for affiliation in current:
        name = institutions.get(affiliation.institution or "") or partners.get(affiliation.partner or "")
        if name:
            return name
    return None


def _card(person: s.PersonData, organisation: Optional[str]) -> Any:
    card = vobject.vCard()
    card.add("uid").value = f"person-{person.key}@krakow-desk"
    card.add("n").value = vobject.vcard.Name(family=person.family_name, given=person.given_name or "",
                                             prefix=person.honorific or "")
    card.add("fn").value = " ".join(p for p in (person.given_name, person.family_name) if p)
    for email in person.emails:
        entry = card.add("email")
        entry.value, entry.type_param = email, "INTERNET"
    for phone in person.phones:
        card.add("tel").value = phone
    if person.address:
        card.add("adr").value = vobject.vcard.Address(street=person.address)
    if person.function:
        card.add("title").value = person.function
    if organisation:
        card.add("org").value = [organisation]
    if person.notes:
        card.add("note").value = person.notes
    for name, field in EXTRA.items():
        value = getattr(person, field)
        if value:
            card.add(name).value = ",".join(value) if isinstance(value, list) else value
    return card


def vcards_text(people: Iterable[s.PersonData], institutions: Iterable[s.InstitutionData] = (),
                partners: Iterable[s.PartnerData] = ()) -> str:
    """The people as one vCard 3.0 file, in key order, with their current organisation."""
    institution_names = {i.key: i.name for i in institutions}
    partner_names = {p.key: p.name for p in partners}
    return "".join(_card(person, _organisation(person, institution_names, partner_names)).serialize()
                   for person in sorted(people, key=lambda p: p.key))


def write_vcards(desk: "Desk", path: Path) -> int:
    from krakow_desk.exchange.ical import write_file
    people = desk.people.all()
    write_file(path, vcards_text(people, desk.institutions.all(), desk.partners.all()).encode("utf-8"))
    return len(people)


# --- reading -----------------------------------------------------------------------------------

def _cards(text: str, path: Path) -> list[tuple[int, str]]:
    """The file cut into (first line, text of one card); nested cards stay inside theirs."""
    cards: list[tuple[int, str]] = []
    depth, start, lines = 0, 0, []
    for number, line in enumerate(text.splitlines(), start=1):
        word = line.strip().upper()
        if word == "BEGIN:VCARD" or word.endswith(":BEGIN:VCARD"):
            depth += 1
            if depth > MAX_DEPTH:
                raise DatasetError(_("{path}: cards nested more than {depth} deep at line {line}; "
                                     "not an address book").format(path=path, depth=MAX_DEPTH, line=number))
            if depth == 1:
                start, lines = number, []
        if depth:
            lines.append(line)
        if word == "END:VCARD" and depth:
            depth -= 1
            if depth == 0:
                cards.append((start, "\r\n".join(lines) + "\r\n"))
                if len(cards) > MAX_RECORDS:
                    raise DatasetError(_("more than {limit} cards: too many to import at once").format(
                        limit=MAX_RECORDS))
    if not cards and depth == 0:
        raise DatasetError(_("{path} is not a vCard file (no BEGIN:VCARD)").format(path=path))
    if depth:
        cards.append((start, "\r\n".join(lines) + "\r\nEND:VCARD\r\n"))
    return cards


def _texts(card: Any, name: str) -> list[str]:
    values = []
    for entry in card.contents.get(name, []):
        value = entry.value
        if isinstance(value, list):
            value = ",".join(str(v) for v in value)
        text = str(value).strip()
        if len(text) > MAX_FIELD_CHARS:
            raise ValueError(_("{property}: longer than {limit} characters").format(
                property=name.upper(), limit=MAX_FIELD_CHARS))
        if text:
            values.append(text)
    return values


def _person(card: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    uid = next(iter(_texts(card, "uid")), "")
    match = UID.match(uid)
    if match and KEY_PATTERN.match(match.group(1)):
        values["key"] = match.group(1)
    name = card.contents.get("n", [None])[0]
    family = given = honorific = ""
    if name is not None and isinstance(name.value, vobject.vcard.Name):
        family, given, honorific = (_joined(name.value.family), _joined(name.value.given),
                                    _joined(name.value.prefix))
    if not family:
        full = next(iter(_texts(card, "fn")), "")
        given, _sep, family = full.rpartition(" ")
    if not family:
        raise ValueError(_("the card has no name (N or FN)"))
    values.update(family_name=family, given_name=given or None)
    if honorific:
        values["honorific"] = honorific
    for prop, field in (("email", "emails"), ("tel", "phones")):
        if prop in card.contents:
            values[field] = _texts(card, prop)
    addresses = [entry.value for entry in card.contents.get("adr", [])]
    if addresses and isinstance(addresses[0], vobject.vcard.Address):
        first = addresses[0]
        parts = [_joined(getattr(first, part)) for part in
                 ("box", "extended", "street", "code", "city", "region", "country")]
        values["address"] = ", ".join(part for part in parts if part) or None
    for prop, field in (("title", "function"), ("note", "notes")):
        found = _texts(card, prop)
        if found:
            values[field] = found[0]
    for prop, field in EXTRA.items():
        found = _texts(card, prop)
        if found:
            values[field] = [code.strip() for code in found[0].split(",") if code.strip()] \
                if field == "languages" else found[0]
    return values


def _joined(value: Any) -> str:
    return " ".join(value).strip() if isinstance(value, list) else str(value or "").strip()


def read_vcards(path: Path) -> FileContents:
    """The people of a vCard file (2.1, 3.0 or 4.0); a card that cannot be read is a problem
    with its line, and the others are still read."""
    text = decode_text(read_bytes(path), path)
    contents = FileContents("vcard")
    for line, chunk in _cards(text, path):
        try:
            card = vobject.readOne(chunk, ignoreUnreadable=True)
            values = _person(card)
        except Exception as error:  # vobject raises many kinds for a broken card; all mean the same
            reason = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
            contents.problems.append(Problem(line, _("the card cannot be read: {reason}").format(reason=reason)))
            continue
        label = " ".join(part for part in (values.get("given_name"), values["family_name"]) if part)
        contents.records.append(Incoming("person", values, line, label=label))
    return contents
