"""The visits register: incoming and outgoing delegations, newest first, with the visit's file as
the detail pane, its protocol briefing and the calendar export."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QPushButton, QWidget

from krakow_desk.collation import sort_key
from krakow_desk.domain import enums as e
from krakow_desk.domain.schema import VisitData
from krakow_desk.domain.text import slugify
from krakow_desk.formatting import format_short_date
from krakow_desk.i18n import LANGUAGES, N_, _, language, ngettext
from krakow_desk.labels import choices, label
from krakow_desk.services.desk import Desk
from krakow_desk.titles import partner_name
from krakow_desk.ui.dialogs import LANGUAGE_NAMES, show_error
from krakow_desk.ui.pages.list_page import FilterCombo, ListPage, set_names
from krakow_desk.ui.pages.visit_detail import VisitDetail
from krakow_desk.ui.table_model import Column, first_day
from krakow_desk.ui.tasks import run_task

UPCOMING, PAST = "upcoming", "past"
_OPEN = (e.VisitStatus.PLANNED, e.VisitStatus.CONFIRMED)


@dataclass(frozen=True)
class VisitRow:
    visit: VisitData
    partners: str                 # the partners' names in the interface's language

    @property
    def key(self) -> str:
        return self.visit.key


def short_dates(v: VisitData) -> str:
    first = format_short_date(v.start_on) if v.start_on else ""
    last = format_short_date(v.end_on) if v.end_on else ""
    return f"{first} – {last}" if last and last != first else first


def last_day(v: VisitData) -> Optional[date]:
    """The last day the visit can fall on ('2004' runs to the end of 2004)."""
    end = v.end_on or v.start_on
    return end.end if end is not None else None


def timing(v: VisitData, today: date) -> str:
    """Upcoming (or going on), or past; an undated visit still planned counts as upcoming."""
    last = last_day(v)
    if last is None:
        return UPCOMING if v.status in _OPEN else PAST
    return UPCOMING if last >= today else PAST


COLUMNS = (
    Column(N_("Dates"), lambda r: short_dates(r.visit), sort=lambda r: first_day(r.visit.start_on)),
    Column(N_("Direction"), lambda r: label(r.visit.direction)),
    Column(N_("Partners"), lambda r: r.partners),
    Column(N_("Title"), lambda r: r.visit.title),
    Column(N_("Kind"), lambda r: label(r.visit.kind) if r.visit.kind else ""),
    Column(N_("Status"), lambda r: label(r.visit.status)),
    Column(N_("Place"), lambda r: r.visit.place or ""),
)
COL_DATES, COL_DIRECTION, COL_PARTNERS, COL_TITLE, COL_KIND, COL_STATUS, COL_PLACE = range(7)


class VisitsPage(ListPage[VisitRow]):
    kind = "visit"

    def __init__(self, desk: Desk, parent: Optional[QWidget] = None) -> None:
        self._partner_keys: list[tuple[str, str]] = []
        self._years: list[int] = []
        self._partner_names: dict[str, str] = {}
        super().__init__(desk, parent)
        self.kinds = frozenset({"visit", "task", "gift", "partner", "person"})
        self.table.sortByColumn(COL_DATES, Qt.SortOrder.DescendingOrder)
        self.ical_button = QPushButton(_("Export to calendar…"), self)
        self.ical_button.setToolTip(_("Save the visits and events as an iCalendar file (.ics)"))
        self.ical_button.clicked.connect(self.export_calendar)
        self.bar.addSpacing(12)
        self.bar.addWidget(self.ical_button)
        self.detail.sig_open.connect(self.sig_open.emit)
        self.detail.sig_error.connect(self.sig_error.emit)
        self.detail.sig_add_task.connect(self.add_task)
        self.detail.sig_edit_task.connect(self.edit_task)
        self.detail.sig_briefing.connect(self.briefing)

    def columns(self) -> Sequence[Column[VisitRow]]:
        return COLUMNS

    def key_of(self, record: VisitRow) -> str:
        return record.visit.key

    def load(self) -> list[VisitRow]:
        names = {p.key: partner_name(p) for p in self.desk.partners.all()}
        self._partner_names = names
        return [VisitRow(v, ", ".join(names.get(p, p) for p in v.partners)) for v in self.desk.visits.all(without=("programme",))]

    def filters(self) -> list[tuple[FilterCombo, Callable[[VisitRow, Any], bool]]]:
        self.direction_combo = FilterCombo(_("Both directions"), choices(e.Direction))
        self.status_combo = FilterCombo(_("Any status"), choices(e.VisitStatus))
        self.partner_combo = FilterCombo(_("All partners"), [])
        self.year_combo = FilterCombo(_("All years"), [])
        self.timing_combo = FilterCombo(_("Upcoming and past"), [(UPCOMING, _("upcoming")), (PAST, _("past"))])
        set_names([(self.direction_combo, _("Direction")), (self.status_combo, _("Status")),
                   (self.partner_combo, _("Partner")), (self.year_combo, _("Year")),
                   (self.timing_combo, _("Upcoming or past"))])
        return [
            (self.direction_combo, lambda r, v: r.visit.direction == v),
            (self.status_combo, lambda r, v: r.visit.status == v),
            (self.partner_combo, lambda r, v: v in r.visit.partners),
            (self.year_combo, lambda r, v: r.visit.start_on is not None and r.visit.start_on.start.year == v),
            (self.timing_combo, lambda r, v: timing(r.visit, date.today()) == v),
        ]

    def _loaded_records(self, records: list[VisitRow]) -> None:
        # Only partners and years that occur are offered.
        partners = sorted({(key, self._partner_names.get(key, key)) for r in records for key in r.visit.partners},
                          key=lambda item: sort_key(item[1]))
        if partners != self._partner_keys:
            self._partner_keys = partners
            self.partner_combo.refill(_("All partners"), partners)
        years = sorted({r.visit.start_on.start.year for r in records if r.visit.start_on}, reverse=True)
        if years != self._years:
            self._years = years
            self.year_combo.refill(_("All years"), [(year, str(year)) for year in years])
        super()._loaded_records(records)

    def search_text(self, r: VisitRow) -> str:
        v = r.visit
        names = [p.name or "" for p in v.participants] + [p.role or "" for p in v.participants]
        return " ".join(filter(None, (v.title, r.partners, v.place, v.purpose, v.outcomes, v.notes, *names)))

    def make_detail(self) -> VisitDetail:
        return VisitDetail(self.desk, self)

    def show_detail(self, record: Optional[VisitRow]) -> None:
        self.detail.show_visit(record.visit if record else None, record.partners if record else "")

    def count_text(self, n: int) -> str:
        return ngettext("{n} visit", "{n} visits", n).format(n=n)

    def open_record(self, kind: str, key: str) -> bool:
        if kind == "task":
            task = self.desk.tasks.find(key)
            if task is None or not task.visit:
                return False
            super().open_record("visit", task.visit)
            self.detail.tabs.setCurrentIndex(self.detail.tabs.indexOf(self.detail.tasks.parentWidget()))
            return True
        return super().open_record(kind, key)

    # --- follow-up tasks -----------------------------------------------------------------

    def add_task(self) -> None:
        row = self.selected_record()
        if row is None:
            return
        initial = {"visit": row.key}
        if row.visit.partners:
            initial["partner"] = row.visit.partners[0]
        self._run_form(None, initial, "task", row.key)

    def edit_task(self, key: str) -> None:
        self._run_form(key, None, "task", self.selected_key())

    # --- the briefing and the calendar ---------------------------------------------------

    def _folder(self) -> str:
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())

    def briefing(self) -> None:
        """Ask for a language and a file, build the briefing on the thread pool, offer to open it."""
        row = self.selected_record()
        if row is None:
            return
        title = _("Protocol briefing")
        from krakow_desk.reports.briefing import write_briefing
        names = [LANGUAGE_NAMES.get(code, code) for code in LANGUAGES]
        chosen, ok = QInputDialog.getItem(self, title, _("Language of the briefing:"), names,
                                          list(LANGUAGES).index(language()) if language() in LANGUAGES else 0,
                                          False)
        if not ok:
            return
        lang = list(LANGUAGES)[names.index(chosen)]
        suggested = str(Path(self._folder()) / f"{slugify(_('briefing'))}-{row.key}-{lang}.pdf")
        path, _filter = QFileDialog.getSaveFileName(self, title, suggested, _("PDF documents (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        key, desk = row.key, self.desk
        self.detail.briefing_button.setEnabled(False)
        self.sig_status.emit(_("Preparing the briefing…"))
        run_task(lambda: write_briefing(desk, key, Path(path), lang), lambda _result: self._briefing_done(path),
                 self._briefing_failed, owner=self)

    def _briefing_done(self, path: str) -> None:
        self.detail.briefing_button.setEnabled(True)
        self._announce()
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, _("Protocol briefing"),
            _("The briefing is saved as {path}. Open it now?").format(path=path),
            buttons.Open | buttons.Close, buttons.Open)
        if answer == buttons.Open:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _briefing_failed(self, error: BaseException) -> None:
        self.detail.briefing_button.setEnabled(True)
        self._announce()
        show_error(self, error)

    def export_calendar(self) -> None:
        from krakow_desk.exchange.ical import write_calendar
        title = _("Export to calendar")
        suggested = str(Path(self._folder()) / "krakow-desk.ics")
        path, _filter = QFileDialog.getSaveFileName(self, title, suggested, _("iCalendar files (*.ics)"))
        if not path:
            return
        if not path.lower().endswith(".ics"):
            path += ".ics"
        desk = self.desk
        self.ical_button.setEnabled(False)
        run_task(lambda: write_calendar(desk, Path(path)), lambda result: self._exported(path, result),
                 self._export_failed, owner=self)

    def _exported(self, path: str, result: Any) -> None:
        self.ical_button.setEnabled(True)
        QMessageBox.information(self, _("Export to calendar"), "\n".join(result.summary(path)))

    def _export_failed(self, error: BaseException) -> None:
        self.ical_button.setEnabled(True)
        show_error(self, error)
