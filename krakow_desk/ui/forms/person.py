"""The person form: name and function, contact, affiliations over time, protocol notes."""

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from krakow_desk.domain.enums import LawfulBasis
from krakow_desk.collation import sort_key
from krakow_desk.i18n import _
from krakow_desk.titles import partner_name
from krakow_desk.ui.forms.base import RecordForm
from krakow_desk.ui.forms.editors import (
    ChoiceField, DateField, LanguagesField, LineField, LinesField, NumberField, SearchField, TextArea,
)
from krakow_desk.ui.forms.layout import add_row, form_layout, scroll_page
from krakow_desk.ui.forms.rows import Column, RowsEditor


def partner_items(desk) -> list[tuple[str, str]]:  # noqa: ANN001
    """(key, name) of every partner, named in the user's language."""
    named = [(p.key, partner_name(p)) for p in desk.partners.all()]
    return sorted(named, key=lambda item: sort_key(item[1]))


def institution_items(desk) -> list[tuple[str, str]]:  # noqa: ANN001
    """(key, name) of every institution; the city tells apart institutions of the same name."""
    items = []
    for institution in desk.institutions.all():
        name = institution.name
        if institution.city:
            name = f"{name} ({institution.city})"
        items.append((institution.key, name))
    return sorted(items, key=lambda item: sort_key(item[1]))


class PersonForm(RecordForm):
    kind, collection = "person", "people"
    preferred = (900, 600)

    def new_title(self) -> str:
        return _("New person")

    def edit_title(self, title: str) -> str:
        return _("Person — {title}").format(title=title)

    def key_source(self) -> str:
        return f"{self.editors['given_name'].text()} {self.editors['family_name'].text()}"

    def build(self, layout: QVBoxLayout) -> None:
        # Both lists are read once per form: the combos of every affiliation row share them.
        self.partner_choices = partner_items(self.desk)
        self.institution_choices = institution_items(self.desk)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(scroll_page(self._person()), _("&Person"))
        self.tabs.addTab(scroll_page(self._contact()), _("C&ontact"))
        self.tabs.addTab(scroll_page(self._affiliations()), _("&Affiliations"))
        self.tabs.addTab(scroll_page(self._protocol()), _("P&rotocol and notes"))
        layout.addWidget(self.tabs)
        self.follow_name(self.editors["given_name"], self.editors["family_name"])

    def _person(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        add_row(form, _("Honorific:"), self.field("honorific", LineField(), _("e.g. Mr, Ms, His Excellency")))
        add_row(form, _("Title:"), self.field("title", LineField(), _("e.g. Dr, Prof.")))
        add_row(form, _("Given name:"), self.field("given_name", LineField()))
        add_row(form, _("Family name:"), self.field("family_name", LineField()))
        add_row(form, _("Native name:"), self.field(
            "name_native", LineField(), _("In the person's own script, e.g. Віталій Кличко")))
        add_row(form, _("Function:"), self.field("function", LineField(), _("e.g. Mayor of Kyiv")))
        languages = LanguagesField()
        box = self.field("languages", languages)

        def name_languages() -> None:   # "pl, uk" -> "polski, ukraiński" under the field
            box.hint.setText(languages.names())
            box.hint.setVisible(bool(languages.codes()))
        languages.textChanged.connect(name_languages)
        add_row(form, _("Languages:"), box)
        add_row(form, _("Lawful basis (GDPR):"), self.field(
            "lawful_basis", ChoiceField(LawfulBasis, optional=True),
            _("Why the office may keep this person's data")))
        add_row(form, _("Retention note:"), self.field(
            "retention_note", TextArea(lines=2),
            _("How long the office keeps this person's data, and why")))
        add_row(form, _("Key:"), self.key_box())
        return page

    def _contact(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        add_row(form, _("E-mail addresses:"), self.field("emails", LinesField(lines=3), _("One per line")))
        add_row(form, _("Phone numbers:"), self.field("phones", LinesField(lines=3), _("One per line")))
        add_row(form, _("Address:"), self.field("address", TextArea(lines=4)))
        return page

    def _affiliations(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        hint = QLabel(_("Where the person works or has worked, and when. Leave “Until” empty "
                        "while it lasts; a person may have several affiliations over time."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        affiliations = self.rows("affiliations", RowsEditor([
            Column("institution", _("Institution"), lambda: SearchField(self.institution_choices), 3),
            Column("partner", _("Partner city"), lambda: SearchField(self.partner_choices), 2),
            Column("role", _("Role"), LineField, 2),
            Column("since", _("Since"), lambda: DateField(partial=False)),
            Column("until", _("Until"), lambda: DateField(partial=False)),
        ], _("Add an affiliation"), _("No affiliations recorded.")))
        layout.addWidget(affiliations)
        layout.addStretch(1)
        return page

    def _protocol(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        add_row(form, _("Salutation (English):"), self.field(
            "salutation", LineField(), _("e.g. Dear Mr Mayor")))
        add_row(form, _("Salutation (Polish):"), self.field(
            "salutation_pl", LineField(), _("e.g. Szanowny Panie Burmistrzu")))
        add_row(form, _("Precedence:"), self.field(
            "precedence", NumberField(whole=True), _("Order of precedence in a delegation; 1 comes first")))
        add_row(form, _("Dietary needs:"), self.field("dietary_notes", TextArea(lines=2)))
        add_row(form, _("Accessibility needs:"), self.field("accessibility_notes", TextArea(lines=2)))
        add_row(form, _("Notes:"), self.field("notes", TextArea(lines=5, grow=True)))
        return page
