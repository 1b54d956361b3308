"""The window's sections, in sidebar order. Adding a page is one entry here."""

from dataclasses import dataclass
from importlib import import_module
from typing import Callable, Optional

from PySide6.QtWidgets import QWidget

from krakow_desk.i18n import N_
from krakow_desk.services.desk import Desk
from krakow_desk.ui.pages.base import Page


@dataclass(frozen=True)
class Section:
    id: str
    title: str                          # N_-marked; translated when shown
    make: Callable[[Desk, Optional[QWidget]], Page]
    shortcut: str = ""
    kinds: tuple[str, ...] = ()         # record kinds this section opens


def _page(module: str, name: str) -> Callable[[Desk, Optional[QWidget]], Page]:
    """A factory that imports the page's module only when the window is built."""
    def make(desk: Desk, parent: Optional[QWidget]) -> Page:
        return getattr(import_module(f"krakow_desk.ui.pages.{module}"), name)(desk, parent)
    return make


_agenda = _page("agenda", "AgendaPage")
_partners = _page("partners", "PartnersPage")
_people = _page("people", "PeoplePage")
_institutions = _page("institutions", "InstitutionsPage")
_organisations = _page("organisations", "OrganisationsPage")
_agreements = _page("agreements", "AgreementsPage")


SECTIONS: tuple[Section, ...] = (
    Section("agenda", N_("Agenda"), _agenda, "Ctrl+1"),
    Section("partners", N_("Partners"), _partners, "Ctrl+2", ("partner",)),
    Section("people", N_("People"), _people, "Ctrl+3", ("person",)),
    Section("institutions", N_("Institutions"), _institutions, "Ctrl+4", ("institution",)),
    Section("organisations", N_("Organisations"), _organisations, "Ctrl+5", ("organisation", "membership")),
    Section("agreements", N_("Agreements"), _agreements, "Ctrl+6", ("agreement",)),
    Section("visits", N_("Visits"), _page("visits", "VisitsPage"), "Ctrl+7", ("visit", "task")),
    Section("events", N_("Events"), _page("events", "EventsPage"), "Ctrl+8", ("event",)),
    Section("gifts", N_("Gifts"), _page("gifts", "GiftsPage"), "Ctrl+9", ("gift",)),
    Section("correspondence", N_("Correspondence"), _page("correspondence", "CorrespondencePage"), "",
            ("letter",)),
    Section("reports", N_("Reports"), _page("reports", "ReportsPage"), "", ("partner-dossier", "visit-briefing")),
)

SECTION_OF_KIND = {kind: section.id for section in SECTIONS for kind in section.kinds}
