"""Words the forms say about records: problems at a field, what depends on a record, titles."""

import re
from typing import Callable

from krakow_desk.i18n import _, ngettext
from krakow_desk.services.desk import Desk
from krakow_desk.titles import agreement_title, partner_name, person_name

# Rules checked on a whole record speak English in the services (they live in the domain, which
# has no catalog); the window says them in the user's language. Anything else passes unchanged.
_PROBLEMS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"^(.+) is before \w+ \((.+)\)$"),
     lambda m: _("cannot be earlier than {value}").format(value=m.group(2))),
    (re.compile(r"^latitude and longitude go together; give both or neither$"),
     lambda m: _("give both latitude and longitude, or neither")),
    (re.compile(r"^'(.*)' is not an ISO 3166 country code$"),
     lambda m: _("'{code}' is not a country; pick one from the list").format(code=m.group(1))),
    (re.compile(r"^'(.*)' is not an ISO 4217 currency code$"),
     lambda m: _("'{code}' is not a currency code (e.g. EUR, PLN, USD)").format(code=m.group(1))),
    (re.compile(r"^'(.*)' is not an ISO 639-1 language code$"),
     lambda m: _("'{code}' is not a two-letter language code (e.g. pl, en, uk)").format(code=m.group(1))),
    (re.compile(r"^'(.*)' is not an IANA time zone$"),
     lambda m: _("'{zone}' is not a time zone; pick one from the list").format(zone=m.group(1))),
    (re.compile(r"^'(.*)' is not an e-mail address$"),
     lambda m: _("'{address}' is not an e-mail address").format(address=m.group(1))),
    (re.compile(r"^an affiliation names an institution or a partner$"),
     lambda m: _("choose an institution or a partner city")),
]


def problem_text(problem: str) -> str:
    """A service's problem as shown under the field: translated where known, capitalised."""
    for pattern, say in _PROBLEMS:
        match = pattern.match(problem)
        if match:
            problem = say(match)
            break
    problem = re.sub(r"\b(\d+)\.0\b", r"\1", problem)   # limits come as floats: "at most 90.0"
    return problem[:1].upper() + problem[1:]


# Tables that hold records depending on (or deleted with) another, as people count them.
_COUNTED: dict[str, Callable[[int], str]] = {
    "agreement": lambda n: ngettext("{n} agreement", "{n} agreements", n),
    "visit_partner": lambda n: ngettext("{n} visit", "{n} visits", n),
    "visit_participant": lambda n: ngettext("{n} place on a visit's list of participants",
                                            "{n} places on visits' lists of participants", n),
    "event_partner": lambda n: ngettext("{n} event", "{n} events", n),
    "gift": lambda n: ngettext("{n} gift", "{n} gifts", n),
    "letter": lambda n: ngettext("{n} letter", "{n} letters", n),
    "letter_person": lambda n: ngettext("{n} letter", "{n} letters", n),
    "document": lambda n: ngettext("{n} document", "{n} documents", n),
    "partner_alias": lambda n: ngettext("{n} other name", "{n} other names", n),
    "partner_status": lambda n: ngettext("{n} status period", "{n} status periods", n),
    "partner_domain": lambda n: ngettext("{n} cooperation domain", "{n} cooperation domains", n),
    "affiliation": lambda n: ngettext("{n} affiliation of a person", "{n} affiliations of people", n),
    "task": lambda n: ngettext("{n} task", "{n} tasks", n),
    "membership": lambda n: ngettext("{n} membership", "{n} memberships", n),
    "institution": lambda n: ngettext("{n} institution", "{n} institutions", n),
}
# A person's own affiliations are "their" affiliations, not "of a person".
_OWN_AFFILIATIONS = lambda n: ngettext("{n} affiliation", "{n} affiliations", n)  # noqa: E731


def counted(counts: dict[str, int], kind: str = "") -> str:
    """"2 agreements, 1 visit": counts by table, in words, in a stable order."""
    parts = []
    merged: dict[str, int] = {}
    for table, n in counts.items():
        # Two tables can mean the same thing to a person (a partner's visits and letters).
        merged[table] = merged.get(table, 0) + n
    for table in sorted(merged, key=lambda t: (list(_COUNTED).index(t) if t in _COUNTED else 99, t)):
        n = merged[table]
        if table == "affiliation" and kind == "person":
            say = _OWN_AFFILIATIONS
        else:
            say = _COUNTED.get(table, lambda n, table=table: f"{n} × {table}")
        parts.append(say(n).format(n=n))
    return ", ".join(parts)


def record_title(desk: Desk, kind: str, record: object) -> str:
    """How people name a record: a city's name, a person's full name, an organisation's name."""
    r = record
    if kind == "person":
        return person_name(r)
    if kind == "agreement":
        return agreement_title(r)  # type: ignore[arg-type]
    if kind == "partner":
        return partner_name(r)
    if kind == "membership":
        organisation = desk.organisations.find(getattr(r, "organisation"))
        name = organisation.name if organisation else getattr(r, "organisation")
        return _("Krakow's membership in {organisation}").format(organisation=name)
    if kind == "organisation" and getattr(r, "acronym", None) and r.acronym != r.name:  # type: ignore[attr-defined]
        return f"{r.name} ({r.acronym})"  # type: ignore[attr-defined]
    if kind in ("visit", "task", "event"):
        return r.title  # type: ignore[attr-defined]
    if kind == "gift":
        return r.description  # type: ignore[attr-defined]
    if kind == "letter":
        reference = getattr(r, "reference", None)
        return f"{reference} — {r.subject}" if reference else r.subject  # type: ignore[attr-defined]
    return str(getattr(r, "name", None) or getattr(r, "key"))
