"""The shorter forms: institution, international organisation, Krakow's membership in one."""

from babel import Locale
from PySide6.QtWidgets import QVBoxLayout, QWidget

import pycountry

from krakow_desk.domain.enums import InstitutionKind
from krakow_desk.collation import sort_key
from krakow_desk.i18n import _, language
from krakow_desk.labels import countries
from krakow_desk.ui.forms.base import RecordForm
from krakow_desk.ui.forms.editors import (
    CheckField, ChoiceField, LineField, NumberField, SearchField, TextArea,
)
from krakow_desk.ui.forms.layout import add_row, form_layout, scroll_page
from krakow_desk.ui.forms.person import partner_items


def _page(layout: QVBoxLayout) -> tuple[QWidget, object]:
    page = QWidget()
    layout.addWidget(scroll_page(page))
    return page, form_layout(page)


class InstitutionForm(RecordForm):
    kind, collection = "institution", "institutions"
    preferred = (640, 600)

    def new_title(self) -> str:
        return _("New institution")

    def edit_title(self, title: str) -> str:
        return _("Institution — {title}").format(title=title)

    def key_source(self) -> str:
        return self.editors["name"].text()

    def build(self, layout: QVBoxLayout) -> None:
        _page_widget, form = _page(layout)
        add_row(form, _("Name:"), self.field("name", LineField()))
        add_row(form, _("English name:"), self.field("name_en", LineField()))
        add_row(form, _("Kind:"), self.field("kind", ChoiceField(InstitutionKind)))
        add_row(form, _("Country:"), self.field("country", SearchField(countries())))
        add_row(form, _("City:"), self.field("city", LineField()))
        add_row(form, "", self.field("in_krakow", CheckField(_("Based in Krakow"))))
        add_row(form, _("Partner city:"), self.field(
            "partner", SearchField(partner_items(self.desk)),
            _("The partner city it belongs to or works with, if any")))
        add_row(form, _("Address:"), self.field("address", TextArea(lines=3)))
        add_row(form, _("Website:"), self.field("website", LineField()))
        add_row(form, _("E-mail:"), self.field("email", LineField()))
        add_row(form, _("Phone:"), self.field("phone", LineField()))
        add_row(form, _("Notes:"), self.field("notes", TextArea(lines=4, grow=True)))
        add_row(form, _("Key:"), self.key_box())
        self.follow_name(self.editors["name"])


class OrganisationForm(RecordForm):
    kind, collection = "organisation", "organisations"
    preferred = (600, 420)

    def new_title(self) -> str:
        return _("New organisation")

    def edit_title(self, title: str) -> str:
        return _("Organisation — {title}").format(title=title)

    def key_source(self) -> str:
        return self.editors["acronym"].text() or self.editors["name"].text()

    def build(self, layout: QVBoxLayout) -> None:
        _page_widget, form = _page(layout)
        add_row(form, _("Name:"), self.field("name", LineField()))
        add_row(form, _("English name:"), self.field("name_en", LineField()))
        add_row(form, _("Acronym:"), self.field("acronym", LineField(), _("e.g. EUROCITIES")))
        add_row(form, _("Notes:"), self.field("notes", TextArea(lines=6, grow=True)))
        add_row(form, _("Key:"), self.key_box())
        self.follow_name(self.editors["name"], self.editors["acronym"])


def currency_items() -> list[tuple[str, str]]:
    names = Locale.parse(language()).currencies
    return sorted(((c.alpha_3, f"{c.alpha_3} — {names.get(c.alpha_3, c.name)}")
                   for c in pycountry.currencies), key=lambda item: item[0])


class MembershipForm(RecordForm):
    kind, collection = "membership", "memberships"
    preferred = (640, 560)

    def new_title(self) -> str:
        return _("New membership")

    def edit_title(self, title: str) -> str:
        return title   # already "Krakow's membership in …"

    def key_source(self) -> str:
        organisation = self.editors["organisation"].value()
        return f"krakow {organisation}" if organisation else ""

    def build(self, layout: QVBoxLayout) -> None:
        _page_widget, form = _page(layout)
        organisations = sorted(((o.key, o.name) for o in self.desk.organisations.all()),
                               key=lambda item: sort_key(item[1]))
        add_row(form, _("Organisation:"), self.field("organisation", SearchField(organisations)))
        add_row(form, _("Joined in (year):"), self.field("joined_year", NumberField(whole=True)))
        add_row(form, _("Left in (year):"), self.field(
            "left_year", NumberField(whole=True), _("Empty while Krakow is a member")))
        add_row(form, _("Membership fee:"), self.field("fee", NumberField(money=True)))
        add_row(form, _("Currency:"), self.field("fee_currency", SearchField(currency_items())))
        add_row(form, _("Fee note:"), self.field("fee_note", LineField(), _("e.g. per year, waived until 2025")))
        add_row(form, _("Coordinating department:"), self.field("coordinating_department", LineField()))
        add_row(form, _("Representative:"), self.field("representative", LineField()))
        add_row(form, _("Notes:"), self.field("notes", TextArea(lines=5, grow=True)))
        add_row(form, _("Key:"), self.key_box())
        self.editors["organisation"].currentTextChanged.connect(self._name_edited)
