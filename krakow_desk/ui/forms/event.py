"""The event form: what, when and where, with which partners, how it was funded, what came of it."""

from typing import Any, Optional, Sequence

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from krakow_desk.collation import sort_key
from krakow_desk.domain.enums import Domain, EventKind
from krakow_desk.i18n import _
from krakow_desk.labels import country_name
from krakow_desk.ui.forms.base import RecordForm
from krakow_desk.ui.forms.editors import CheckGrid, ChoiceField, DateField, LineField, NumberField, SearchField, TextArea
from krakow_desk.ui.forms.layout import add_row, form_layout, scroll_page
from krakow_desk.ui.forms.others import currency_items
from krakow_desk.ui.forms.person import partner_items
from krakow_desk.ui.forms.picker import CheckPicker


def source_items(desk: Any) -> list[tuple[str, str]]:
    """(key, title) of every source the records cite."""
    return sorted(((s.key, s.title) for s in desk.sources.all()), key=lambda item: sort_key(item[1]))


class PartnersPicker(CheckPicker):
    """Several partners out of forty or more; a country's name (without diacritics) finds its
    partners too."""

    def __init__(self, items: Sequence[tuple[str, str]], also: Optional[dict[str, str]] = None,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(items, _("Type to find a partner…"), rows=8, also=also, parent=parent)

    def summary(self, names: list[str]) -> str:
        return _("Chosen: {names}").format(names=", ".join(names)) if names else _("No partner chosen.")


class EventForm(RecordForm):
    kind, collection = "event", "events"
    preferred = (780, 640)

    def new_title(self) -> str:
        return _("New event")

    def edit_title(self, title: str) -> str:
        return _("Event — {title}").format(title=title)

    def key_source(self) -> str:
        # Keys in Krakow's data read "bordeaux-2004-nova-polska-krakow": partner, date, title.
        partners = self.editors["partners"].value()
        start = self.editors["start_on"].text().strip()
        title = self.editors["title"].text()
        return " ".join(part for part in (partners[0] if partners else "", start, title) if part)

    def build(self, layout: QVBoxLayout) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.addTab(scroll_page(self._event()), _("&Event"))
        self.tabs.addTab(scroll_page(self._partners()), _("&Partners and domains"))
        self.tabs.addTab(scroll_page(self._funding()), _("&Funding and outcomes"))
        layout.addWidget(self.tabs)
        self.follow_name(self.editors["title"], self.editors["start_on"])
        self.editors["partners"].sig_changed.connect(self._name_edited)

    def _event(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        kind = ChoiceField(EventKind)
        kind.set_value(EventKind.OTHER)              # as the register's default, not the first label
        add_row(form, _("Kind:"), self.field("kind", kind))
        add_row(form, _("Title:"), self.field("title", LineField(), _("e.g. Days of Krakow in Frankfurt")))
        add_row(form, _("Starts on:"), self.field(
            "start_on", DateField(), _("YYYY-MM-DD; YYYY-MM or YYYY where the sources say no more")))
        add_row(form, _("Ends on:"), self.field("end_on", DateField(), _("Empty for a one-day event")))
        add_row(form, _("Place:"), self.field("place", LineField(), _("City, and the venue if known")))
        add_row(form, _("Organisers:"), self.field(
            "organisers", TextArea(lines=2), _("Krakow's departments and institutions, and the partner's")))
        add_row(form, _("Key:"), self.key_box())
        return page

    def _partners(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        countries = {p.key: country_name(p.country) for p in self.desk.partners.all()}
        picker = PartnersPicker(partner_items(self.desk), countries)
        picker.setToolTip(_("Type part of a partner's or its country's name; Enter ticks the only one found"))
        add_row(form, _("Partners:"), self.field("partners", picker), picker.filter)
        domains = CheckGrid(Domain)
        add_row(form, _("Domains:"), self.field("domains", domains), next(iter(domains.boxes.values())))
        return page

    def _funding(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        add_row(form, _("Programme:"), self.field(
            "programme_name", LineField(), _("The project's or funding programme's name, e.g. Town-Twinning")))
        add_row(form, _("Budget:"), self.field("budget", NumberField(money=True)))
        add_row(form, _("Currency:"), self.field("currency", SearchField(currency_items()), _("e.g. PLN, EUR")))
        add_row(form, _("Co-financing:"), self.field(
            "co_financing", TextArea(lines=2), _("Who else paid, and how much, e.g. the EU: 75 per cent")))
        add_row(form, _("Outcomes:"), self.field("outcomes", TextArea(lines=3)))
        add_row(form, _("Notes:"), self.field("notes", TextArea(lines=4, grow=True)))
        add_row(form, _("Source:"), self.field("source", SearchField(source_items(self.desk))))
        return page
