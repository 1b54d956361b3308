"""People: contacts at partner cities, consulates, institutes and in Krakow."""

from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence

from krakow_desk.domain.schema import AffiliationData, PersonData
from krakow_desk.formatting import format_date
from krakow_desk.i18n import N_, _, ngettext
from krakow_desk.labels import label, language_names
from krakow_desk.services.collection import Changes
from krakow_desk.titles import is_erased, partner_name, person_name
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
    Column(N_("Family name"), lambda r: person_name(r.person) if is_erased(r.person) else r.person.family_name),
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
        from krakow_desk.ui.personal_data import PersonalDataActions
        detail = RecordDetail([_("Person"), _("Contact"), _("Protocol"), _("Affiliations"), _("Personal data")],
                              self, self.desk, "person")
        self.personal = PersonalDataActions(self.desk, self)
        self.export_button = detail.add_button(_("Export personal data…"))
        self.export_button.setToolTip(_("Everything the office holds about this person, as a JSON file "
                                        "(for a request under the GDPR)"))
        self.erase_button = detail.add_button(_("Erase personal data…"))
        self.erase_button.setToolTip(_("Remove this person's personal data everywhere; the record stays "
                                       "as an anonymous link"))
        self.export_button.clicked.connect(lambda: self._with_person(self.personal.export))
        self.erase_button.clicked.connect(lambda: self._with_person(self.personal.erase))
        self.personal.sig_erased.connect(self._erased)
        self.personal.sig_error.connect(self.sig_error.emit)
        return detail

    def _with_person(self, act) -> None:  # noqa: ANN001
        row = self.selected_record()
        if row is not None:
            act(row.person)

    def _erased(self, changes: Changes) -> None:
        from krakow_desk.ui.personal_data import erased_key
        self._wanted_key = erased_key(changes)
        self._after_write(changes)

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
        erased = is_erased(p)
        self.export_button.setEnabled(not erased)
        self.erase_button.setEnabled(not erased)
        subtitle = (_("Personal data erased on {date}; the record stays as an anonymous link.").format(
            date=format_date(p.erased_on)) if erased and p.erased_on else p.name_native or "")
        self.detail.show_record(person_name(p), subtitle, [
            [(_("Honorific"), p.honorific or ""), (_("Function"), p.function or ""),
             (_("Languages"), language_names(p.languages)), (_("Notes"), p.notes or "")],
            [(_("E-mail"), "\n".join(p.emails)), (_("Phone"), "\n".join(p.phones)),
             (_("Address"), p.address or "")],
            [(_("Salutation (English)"), p.salutation or ""), (_("Salutation (Polish)"), p.salutation_pl or ""),
             (_("Precedence"), str(p.precedence) if p.precedence is not None else ""),
             (_("Dietary notes"), p.dietary_notes or ""), (_("Accessibility"), p.accessibility_notes or "")],
            affiliations,
            [(_("Lawful basis"), label(p.lawful_basis) if p.lawful_basis else ""),
             (_("Retention note"), p.retention_note or ""),
             (_("Erased on"), format_date(p.erased_on) if p.erased_on else "")],
        ], key=p.key)

    def key_of(self, record: PersonRow) -> str:
        return record.person.key

    def count_text(self, n: int) -> str:
        return ngettext("{n} person", "{n} people", n).format(n=n)
