"""The partner form: names, place, geography, status history, cooperation, notes."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from krakow_desk.domain.enums import Assessment, Category, Domain, PartnerKind, PartnerStatusKind
from krakow_desk.i18n import _
from krakow_desk.labels import countries
from krakow_desk.ui.forms.base import RecordForm
from krakow_desk.ui.forms.editors import (
    CheckField, CheckGrid, ChoiceField, DateField, LineField, LinesField, NumberField, SearchField,
    TextArea, time_zones,
)
from krakow_desk.ui.forms.layout import add_row, form_layout, scroll_page
from krakow_desk.ui.forms.rows import Column, RowsEditor


def _status_choice() -> ChoiceField:
    field = ChoiceField(PartnerStatusKind)
    field.setPlaceholderText(_("choose…"))
    field.setCurrentIndex(-1)   # a row just added has no status yet, so it can be left blank
    return field


class PartnerForm(RecordForm):
    kind, collection = "partner", "partners"
    preferred = (820, 640)

    def new_title(self) -> str:
        return _("New partner")

    def edit_title(self, title: str) -> str:
        return _("Partner — {title}").format(title=title)

    def key_source(self) -> str:
        return self.editors["name_en"].text() or self.editors["name"].text()

    def build(self, layout: QVBoxLayout) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.addTab(scroll_page(self._general()), _("&General"))
        self.tabs.addTab(scroll_page(self._geography()), _("G&eography"))
        self.tabs.addTab(scroll_page(self._cooperation()), _("&Cooperation"))
        self.tabs.addTab(scroll_page(self._notes()), _("&Notes"))
        layout.addWidget(self.tabs)
        self.follow_name(self.editors["name"], self.editors["name_en"])

    def _general(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        add_row(form, _("Polish name:"), self.field("name", LineField()))
        add_row(form, _("English name:"), self.field("name_en", LineField()))
        add_row(form, _("Native name:"), self.field(
            "name_native", LineField(), _("In the city's own language and script, e.g. Київ")))
        add_row(form, _("Other names:"), self.field(
            "aliases", LinesField(lines=3), _("One per line: former names, other spellings (Kiev)")))
        add_row(form, _("Kind:"), self.field("kind", ChoiceField(PartnerKind)))
        add_row(form, _("Country:"), self.field("country", SearchField(countries())))
        add_row(form, "", self.field("is_capital", CheckField(_("Capital of its country"))))
        add_row(form, _("Category:"), self.field("category", ChoiceField(Category, optional=True)))
        add_row(form, _("Key:"), self.key_box())
        return page

    def _geography(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        add_row(form, _("Time zone:"), self.field(
            "timezone", SearchField((zone, zone) for zone in time_zones())))
        degrees = _("Decimal degrees; south and west are negative")
        add_row(form, _("Latitude:"), self.field("latitude", NumberField(), degrees))
        add_row(form, _("Longitude:"), self.field("longitude", NumberField()))
        population = QWidget()
        row = QHBoxLayout(population)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field("population", NumberField(whole=True)))
        year_label = QLabel(_("in the year:"))
        year_box = self.field("population_year", NumberField(whole=True))
        year_label.setBuddy(year_box.editor)
        year_label.setMinimumHeight(year_box.editor.sizeHint().height())
        row.addWidget(year_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(year_box)
        row.addStretch(1)
        add_row(form, _("Population:"), population, self.editors["population"])
        add_row(form, _("Area (km²):"), self.field("area_km2", NumberField()))
        add_row(form, _("Elevation (m):"), self.field("elevation_m", NumberField()))
        return page

    def _cooperation(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        statuses = self.rows("statuses", RowsEditor([
            Column("status", _("Status"), _status_choice),
            Column("since", _("Since"), DateField),
            Column("until", _("Until"), DateField),
            Column("note", _("Note"), LineField, stretch=1),
        ], _("Add a status period"), _("No status periods recorded.")))
        add_row(form, _("Status history:"), statuses, statuses.add_button)
        domains = CheckGrid(Domain)
        add_row(form, _("Cooperation domains:"), self.field("domains", domains),
                next(iter(domains.boxes.values())))
        add_row(form, _("Assessment:"), self.field("assessment", ChoiceField(Assessment, optional=True)))
        add_row(form, _("Assessment note:"), self.field("assessment_note", TextArea(lines=4)))
        return page

    def _notes(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        add_row(form, _("Notes:"), self.field("notes", TextArea(lines=14, grow=True)))
        return page

