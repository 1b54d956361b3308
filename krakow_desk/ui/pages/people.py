"""People: contacts at partner cities, consulates, institutes and in Krakow."""

from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence

from krakow_desk.domain.schema import AffiliationData, PersonData
from krakow_desk.formatting import format_date
from krakow_desk.i18n import N_, _, ngettext
from krakow_desk.labels import label, language_names
from krakow_desk.titles import person_name
from krakow_desk.titles import partner_name
from krakow_desk.ui.pages.list_page import FilterCombo, ListPage
from krakow_desk.ui.pages.record_detail import RecordDetail
from krakow_desk.ui.table_model import Column


@dataclass(frozen=True)
class PersonRow:
    """A person with the names of the places they are affiliated with, resolved once per load."""
    person: PersonData
    places: dict[str, str]      # institution or partner key -> name

    @property
    def key(self) -> str:
        return self.person.key

    def affiliation_text(self, affiliation: AffiliationData) -> str:
        where = [self.places.get(k, k) for k in (affiliation.institution, affiliation.partner) if k]
        text = ", ".join(dict.fromkeys(where))
        return f"{affiliation.role} — {text}" if affiliation.role and text else affiliation.role or text

    @property
    def current(self) -> str:
        now = [a for a in self.person.affiliations if a.until is None]
        return "; ".join(self.affiliation_text(a) for a in now)


COLUMNS = (
    Column(N_("Family name"), lambda r: r.person.family_name),
    Column(N_("Given name"), lambda r: r.person.given_name or ""),
    Column(N_("Function"), lambda r: r.person.function or ""),
    Column(N_("Affiliation"), lambda r: r.current),
    Column(N_("Languages"), lambda r: language_names(r.person.languages)),
)


class PeoplePage(ListPage[PersonRow]):
    kind = "person"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kinds = frozenset({"person", "institution", "partner"})

    def columns(self) -> Sequence[Column[PersonRow]]:
        return COLUMNS

    def load(self) -> list[PersonRow]:
        places = {i.key: i.name for i in self.desk.institutions.all()}
        partners = {p.key: partner_name(p) for p in self.desk.partners.all()}
        names = {**places, **partners}
        return [PersonRow(person, names) for person in self.desk.people.all()]

    def filters(self) -> list[tuple[FilterCombo, Callable[[PersonRow, Any], bool]]]:
        self.current_combo = FilterCombo(_("With and without a current role"),
                                         [(True, _("With a current role")), (False, _("Without a current role"))])
        return [(self.current_combo, lambda r, v: bool(r.current) == v)]

    def search_text(self, r: PersonRow) -> str:
        p = r.person
        return " ".join(filter(None, (p.given_name, p.family_name, p.name_native, p.function, p.title,
                                      *p.emails, r.current)))

    def make_detail(self) -> RecordDetail:
        return RecordDetail([_("Person"), _("Contact"), _("Protocol"), _("Affiliations")], self)

    def show_detail(self, r: Optional[PersonRow]) -> None:
        if r is None:
            self.detail.show_nothing()
            return
        p = r.person
        affiliations = []
        for a in p.affiliations:
            period = " – ".join(format_date(d) if d else "…" for d in (a.since, a.until)) \
                if a.since or a.until else ""
            affiliations.append((period or _("dates not recorded"), r.affiliation_text(a)))
        self.detail.show_record(person_name(p), p.name_native or "", [
            [(_("Honorific"), p.honorific or ""), (_("Function"), p.function or ""),
             (_("Languages"), language_names(p.languages)), (_("Notes"), p.notes or "")],
            [(_("E-mail"), "\n".join(p.emails)), (_("Phone"), "\n".join(p.phones)),
             (_("Address"), p.address or "")],
            [(_("Salutation (English)"), p.salutation or ""), (_("Salutation (Polish)"), p.salutation_pl or ""),
             (_("Precedence"), str(p.precedence) if p.precedence is not None else ""),
             (_("Dietary notes"), p.dietary_notes or ""), (_("Accessibility"), p.accessibility_notes or ""),
             (_("Lawful basis"), label(p.lawful_basis) if p.lawful_basis else "")],
            affiliations,
        ])

    def key_of(self, record: PersonRow) -> str:
        return record.person.key

    def count_text(self, n: int) -> str:
        return ngettext("{n} person", "{n} people", n).format(n=n)
