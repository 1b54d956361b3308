"""The partner page: everything on one partner, in tabs."""

from datetime import date
from typing import Any, Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from krakow_desk.domain import schema as s
from krakow_desk.domain.enums import TaskStatus
from krakow_desk.domain.continents import continent_of
from krakow_desk.domain.geo import distance_km
from krakow_desk.domain.records import status_on
from krakow_desk.domain.terms import agreement_states
from krakow_desk.formatting import (
    format_area, format_coordinates, format_date, format_elevation, format_km, format_money,
    format_number, format_population, format_short_date, local_time, time_difference,
)
from krakow_desk.i18n import N_, _
from krakow_desk.labels import NOT_STATED, country_name, label
from krakow_desk.services.partner_file import PartnerFile
from krakow_desk.titles import partner_name, person_name
from krakow_desk.ui.pages.agreements import TIMELINE, AgreementRow
from krakow_desk.ui.follow_ups import FollowUpsPanel
from krakow_desk.ui.pages.base import EmptyState
from krakow_desk.ui.table_model import Column, date_column, first_day
from krakow_desk.ui.widgets import DetailHeader, FactSheet, RelatedTable, section

TAB_OVERVIEW, TAB_AGREEMENTS, TAB_PEOPLE, TAB_ACTIVITY, TAB_GIFTS, TAB_LETTERS, TAB_TASKS, TAB_HISTORY = range(8)


def _dates(start: Any, end: Any) -> str:
    first = format_short_date(start) if start else ""
    last = format_short_date(end) if end else ""
    return f"{first} – {last}" if last and last != first else first


class Activity:
    """A visit or an event as one row of the 'Visits and events' tab."""

    def __init__(self, record: s.VisitData | s.EventData) -> None:
        self.record = record
        self.key = record.key

    @property
    def what(self) -> str:
        if isinstance(self.record, s.VisitData):
            return _("visit: {direction}").format(direction=label(self.record.direction))
        return label(self.record.kind)


CONTACT_COLUMNS = (
    Column(N_("Name"), lambda c: person_name(c.person), sort=lambda c: c.person.family_name.casefold()),
    Column(N_("Role"), lambda c: c.role or c.person.function or ""),
    Column(N_("Institution"), lambda c: c.institution or ""),
    Column(N_("Current"), lambda c: _("yes") if c.current else _("no")),
)
INSTITUTION_COLUMNS = (
    Column(N_("Name"), lambda i: i.name),
    Column(N_("Kind"), lambda i: label(i.kind)),
    Column(N_("City"), lambda i: i.city or ""),
)
ACTIVITY_COLUMNS = (
    Column(N_("Dates"), lambda a: _dates(a.record.start_on, a.record.end_on),
           sort=lambda a: first_day(a.record.start_on)),
    Column(N_("Kind"), lambda a: a.what),
    Column(N_("Title"), lambda a: a.record.title),
    Column(N_("Place"), lambda a: a.record.place or ""),
)
GIFT_COLUMNS = (
    date_column(N_("Date"), lambda g: g.date),
    Column(N_("Direction"), lambda g: label(g.direction)),
    Column(N_("Gift"), lambda g: g.description),
    Column(N_("From → to"), lambda g: " → ".join(x for x in (g.giver, g.recipient) if x)),
    Column(N_("Value"), lambda g: format_money(g.value, g.currency) if g.value is not None else "",
           sort=lambda g: g.value, align_right=True),
)
LETTER_COLUMNS = (
    date_column(N_("Date"), lambda m: m.date),
    Column(N_("Direction"), lambda m: label(m.direction)),
    Column(N_("Channel"), lambda m: label(m.channel)),
    Column(N_("Reference"), lambda m: m.reference or ""),
    Column(N_("Subject"), lambda m: m.subject),
)


def _count(n: int) -> str:
    return format_number(n) if n else ""


YEAR_COLUMNS = (
    Column(N_("Year"), lambda y: str(y.year), sort=lambda y: y.year),
    Column(N_("Visits"), lambda y: _count(y.visits), sort=lambda y: y.visits, align_right=True),
    Column(N_("Letters"), lambda y: _count(y.letters), sort=lambda y: y.letters, align_right=True),
    Column(N_("Events"), lambda y: _count(y.events), sort=lambda y: y.events, align_right=True),
    Column(N_("Gifts"), lambda y: _count(y.gifts), sort=lambda y: y.gifts, align_right=True),
    Column(N_("Total"), lambda y: format_number(y.total), sort=lambda y: y.total, align_right=True),
)


class PartnerView(QWidget):
    """Shows one partner's file; the list page feeds it with ``show_file``."""

    sig_edit = Signal()
    """The user asked to edit the partner shown."""
    sig_add_person = Signal()
    """The user asked for a new contact at this partner."""
    sig_open = Signal(str, str)
    """(kind, key) of a related record the user opened."""
    sig_add_agreement = Signal()
    """The user asked for a new agreement with this partner."""
    sig_add_task = Signal()
    """The user asked for a new follow-up task about this partner."""
    sig_edit_task = Signal(str)
    """The key of a follow-up task the user opened."""

    def __init__(self, parent: Optional[QWidget] = None, desk: Any = None) -> None:
        super().__init__(parent)
        self.file: Optional[PartnerFile] = None
        self.home: Optional[s.HomeData] = None

        self.header = DetailHeader(self, scale=1.6, wrap=False)
        self.title, self.subtitle = self.header.title, self.header.subtitle
        self.edit_button = self.header.add_button(_("Edit partner…"))
        self.edit_button.clicked.connect(self.sig_edit.emit)
        # the window's open_record routes "partner-dossier" to the Reports section
        self.dossier_button = self.header.add_button(_("Dossier (PDF)…"))
        self.dossier_button.clicked.connect(
            lambda: self.file is not None and self.sig_open.emit("partner-dossier", self.file.partner.key))

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.overview = FactSheet(self)
        self.tabs.addTab(self.overview, _("Overview"))

        self.agreements = RelatedTable(TIMELINE, lambda r: r.key, _("No agreements"),
                                       _("No agreement with this partner is recorded."))
        self.agreements.sig_open.connect(lambda key: self.sig_open.emit("agreement", key))
        self.add_agreement_button = QPushButton(_("Add an agreement…"), self)
        self.add_agreement_button.clicked.connect(self.sig_add_agreement.emit)
        agreements = QWidget(self)
        agreements_layout = QVBoxLayout(agreements)
        agreements_layout.addWidget(self.agreements, 1)
        agreements_layout.addWidget(self.add_agreement_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(agreements, _("Agreements"))

        self.contacts = RelatedTable(CONTACT_COLUMNS, lambda c: c.person.key, _("No contacts"),
                                     _("Nobody is recorded as working at this partner or its institutions."))
        self.institutions = RelatedTable(INSTITUTION_COLUMNS, lambda i: i.key, _("No institutions"),
                                         _("No institution is linked to this partner."))
        self.add_person_button = QPushButton(_("Add a contact…"), self)
        self.add_person_button.clicked.connect(self.sig_add_person.emit)
        people = QWidget(self)
        people_layout = QVBoxLayout(people)
        people_layout.addWidget(section(_("People"), self.contacts), 3)
        people_layout.addWidget(self.add_person_button, 0, Qt.AlignmentFlag.AlignLeft)
        people_layout.addWidget(section(_("Institutions"), self.institutions), 2)
        self.tabs.addTab(people, _("People"))

        self.activity = RelatedTable(ACTIVITY_COLUMNS, lambda a: a.key, _("No visits or events"),
                                     _("No delegation visit or event with this partner is recorded."))
        self.activity.sig_open.connect(self._open_activity)
        self.years = RelatedTable(YEAR_COLUMNS, lambda y: str(y.year), _("No dated activity"),
                                  _("No dated visit, letter, event or gift with this partner is recorded."),
                                  compact=True)
        self.years.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        activity = QSplitter(Qt.Orientation.Vertical, self)
        activity.addWidget(self.activity)
        activity.addWidget(section(_("Activity per year"), self.years))
        activity.setChildrenCollapsible(False)
        activity.setSizes([300, 160])
        self.tabs.addTab(activity, _("Visits and events"))
        self.gifts = RelatedTable(GIFT_COLUMNS, lambda g: g.key, _("No gifts"),
                                  _("No gift given to or received from this partner is recorded."))
        self.tabs.addTab(self.gifts, _("Gifts"))
        self.letters = RelatedTable(LETTER_COLUMNS, lambda m: m.key, _("No correspondence"),
                                    _("No letter or e-mail exchanged with this partner is recorded."))
        self.letters.sig_open.connect(lambda key: self.sig_open.emit("letter", key))
        self.tabs.addTab(self.letters, _("Correspondence"))
        self.follow_ups = FollowUpsPanel(
            _("Nothing to follow up is recorded for this partner or its agreements, visits, letters and events."),
            self)
        self.follow_ups.sig_add.connect(self.sig_add_task.emit)
        self.follow_ups.sig_edit.connect(self.sig_edit_task.emit)
        self.tabs.addTab(self.follow_ups, _("Follow-ups"))
        from krakow_desk.ui.history_view import HistoryPanel
        self.history = HistoryPanel(desk, "partner", self)
        self.tabs.addTab(self.history, _("History"))

        self.nothing = EmptyState(_("No partner selected"), _("Choose a partner from the list."), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.nothing, 1)
        self.show_file(None)

    # --- content ---------------------------------------------------------------------------

    def show_file(self, file: Optional[PartnerFile], home: Optional[s.HomeData] = None) -> None:
        self.file = file
        self.home = home
        shown = file is not None
        for widget in (self.header, self.tabs):
            widget.setVisible(shown)
        self.nothing.setVisible(not shown)
        self.history.show_record(file.partner.key if file is not None else None)
        if file is None:
            return
        p = file.partner
        shown = partner_name(p)
        self.title.setText(shown)
        others = [name for name in dict.fromkeys((p.name, p.name_en, p.name_native)) if name and name != shown]
        status = status_on(p.statuses, date.today())
        self.subtitle.setText(" · ".join(
            [*others, country_name(p.country), *([label(p.category)] if p.category else []),
             _("cooperation: {status}").format(status=label(status))]))
        statuses = [(label(period.status), format_date(period.since), format_date(period.until),
                     period.note or "") for period in p.statuses]
        self.overview.set_sections(
            FactSheet.rows_html(_("Names"), [
                (_("Polish"), p.name), (_("English"), p.name_en or ""), (_("Native"), p.name_native or ""),
                (_("Also known as"), ", ".join(p.aliases)), (_("Key"), p.key)]),
            FactSheet.rows_html(_("Facts"), self._facts(p, home)),
            FactSheet.rows_html(_("Relationship"), [
                (_("Category"), label(p.category)),
                (_("Status today"), label(status)),
                (_("Domains"), ", ".join(label(d) for d in p.domains) or _(NOT_STATED)),
                (_("Assessment"), label(p.assessment) if p.assessment else _(NOT_STATED)),
                (_("Assessment note"), p.assessment_note or ""),
                (_("Notes"), p.notes or "")]),
            FactSheet.table_html(_("Status history"), [_("Status"), _("Since"), _("Until"), _("Note")],
                                 statuses, _("The sources give no dated status for this partnership.")),
            columns=2)
        states = agreement_states(file.agreements, date.today())
        self.agreements.set_records([AgreementRow(a, shown, states[a.key]) for a in file.agreements])
        self.contacts.set_records(file.contacts)
        self.institutions.set_records(file.institutions)
        self.activity.set_records([Activity(v) for v in file.visits] + [Activity(e) for e in file.events])
        self.years.set_records(file.activity)
        self.gifts.set_records(file.gifts)
        self.letters.set_records(file.letters)
        self.follow_ups.set_tasks(file.tasks)
        open_tasks = [t for t in file.tasks if t.status in (TaskStatus.OPEN, TaskStatus.IN_PROGRESS)]
        counts = (None, file.agreements, file.contacts, [*file.visits, *file.events], file.gifts, file.letters,
                  open_tasks)
        for tab, records in enumerate(counts):
            if records is not None:
                base = self.tabs.tabText(tab).split(" (")[0]
                self.tabs.setTabText(tab, f"{base} ({len(records)})" if records else base)

    def _facts(self, p: s.PartnerData, home: Optional[s.HomeData]) -> list[tuple[str, str]]:
        continent = continent_of(p.country)
        country = country_name(p.country)
        if continent:
            country = f"{country} ({label(continent)})"
        rows = [(_("Country"), country), (_("Capital"), _("yes") if p.is_capital else "")]
        if p.latitude is not None and p.longitude is not None:
            rows.append((_("Coordinates"), format_coordinates(p.latitude, p.longitude)))
            if home is not None:
                km = distance_km(home.latitude, home.longitude, p.latitude, p.longitude)
                rows.append((_("Distance from Krakow"), format_km(km)))
        rows += [
            (_("Population"), format_population(p.population, p.population_year) if p.population else ""),
            (_("Area"), format_area(p.area_km2) if p.area_km2 else ""),
            (_("Elevation"), format_elevation(p.elevation_m) if p.elevation_m is not None else ""),
        ]
        if p.timezone:
            home_zone = home.timezone if home and home.timezone else "Europe/Warsaw"
            rows.append((_("Local time"), _("{time} ({difference} from Krakow)").format(
                time=local_time(p.timezone), difference=time_difference(p.timezone, home_zone))))
        return rows

    def _open_activity(self, key: str) -> None:
        """A visit opens in the visits register, an event in the events register."""
        index = self.activity.view.currentIndex()
        record = self.activity.model.record(index.row()).record if index.isValid() else None
        if record is not None and record.key == key:
            self.sig_open.emit("visit" if isinstance(record, s.VisitData) else "event", key)

    def show_tab_for(self, kind: str, key: str) -> None:
        """Bring forward the tab listing a related record and select it there."""
        tab, table = {
            "agreement": (TAB_AGREEMENTS, self.agreements), "person": (TAB_PEOPLE, self.contacts),
            "institution": (TAB_PEOPLE, self.institutions), "visit": (TAB_ACTIVITY, self.activity),
            "event": (TAB_ACTIVITY, self.activity), "gift": (TAB_GIFTS, self.gifts),
            "letter": (TAB_LETTERS, self.letters), "task": (TAB_TASKS, self.follow_ups.table),
        }.get(kind, (TAB_OVERVIEW, None))
        self.tabs.setCurrentIndex(tab)
        if table is not None:
            table.select_key(key)

