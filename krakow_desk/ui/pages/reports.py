"""The Reports section: pick a report and its subject and language, generate it on the thread
pool, look at its pages, save or print it.

A newer request supersedes one still running: each carries a generation number and a late
answer for an older one is dropped.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Optional

from PySide6.QtCore import Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QFormLayout, QFrame, QHBoxLayout, QLabel,
                               QProgressBar, QPushButton, QSpinBox, QStackedWidget, QVBoxLayout, QWidget)

from krakow_desk import i18n
from krakow_desk.collation import sort_key
from krakow_desk.formatting import format_short_date
from krakow_desk.i18n import N_, _, ngettext
from krakow_desk.services.desk import Desk
from krakow_desk.ui.forms.editors import SearchField
from krakow_desk.ui.forms.person import partner_items
from krakow_desk.ui.pages.base import Page
from krakow_desk.ui.pages.reports_preview import PreviewPane, print_images, render_at_dpi, render_for_screen
from krakow_desk.ui.tasks import run_task

DOSSIER, ANNUAL, GIFTS, BRIEFING = "dossier", "annual", "gifts", "briefing"
KINDS = ((DOSSIER, N_("Partner dossier")), (ANNUAL, N_("Annual cooperation summary")),
         (GIFTS, N_("Gifts register extract")), (BRIEFING, N_("Protocol briefing")))
LANGUAGE_NAMES = (("pl", "Polski"), ("en", "English"))   # each in its own language, as usual


@dataclass(frozen=True)
class Choices:
    """What the subject pickers offer, read on the worker."""
    partners: list[tuple[str, str]]
    visits: list[tuple[str, str]]
    first_year: int
    last_year: int


def read_choices(desk: Desk) -> Choices:
    """Partners by name, visits newest first, and the years the records span (worker thread)."""
    visits = desk.visits.all()
    dated = sorted((v for v in visits if v.start_on is not None), key=lambda v: v.start_on.start, reverse=True)
    undated = sorted((v for v in visits if v.start_on is None), key=lambda v: sort_key(v.title))
    visit_items = [(v.key, f"{format_short_date(v.start_on)} · {v.title}") for v in dated]
    visit_items += [(v.key, v.title) for v in undated]
    years = [v.start_on.start.year for v in dated]
    years += [e.start_on.start.year for e in desk.events.all() if e.start_on is not None]
    years += [g.date.start.year for g in desk.gifts.all() if g.date is not None]
    years += [letter.date.year for letter in desk.letters.all()]
    years += [a.signed_on.start.year for a in desk.agreements.all() if a.signed_on is not None]
    this_year = date.today().year
    return Choices(partner_items(desk), visit_items, min(years, default=this_year - 1), this_year)


@dataclass(frozen=True)
class Request:
    kind: str
    subject: Any          # partner key, year, None (all years) or visit key
    language: str

    def render(self, desk: Desk) -> bytes:
        if self.kind == DOSSIER:
            from krakow_desk.reports.dossier import render_dossier
            return render_dossier(desk, self.subject, self.language)
        if self.kind == ANNUAL:
            from krakow_desk.reports.annual import render_annual
            return render_annual(desk, self.subject, self.language)
        if self.kind == GIFTS:
            from krakow_desk.reports.gifts import render_gifts_extract
            return render_gifts_extract(desk, self.subject, self.language)
        from krakow_desk.reports.briefing import render_briefing
        return render_briefing(desk, self.subject, self.language)

    def file_name(self) -> str:
        with i18n.using_language(self.language):
            # file names in the report's language, like its contents
            stem = {DOSSIER: _("dossier"), ANNUAL: _("annual-summary"), GIFTS: _("gifts-register"),
                    BRIEFING: _("briefing")}[self.kind]
        subject = _("all-years") if self.subject is None and self.kind == GIFTS else str(self.subject)
        return f"{stem}-{subject}-{self.language}.pdf"


def generate(desk: Desk, request: Request) -> tuple[bytes, list]:
    """The report and its pages as images (worker thread)."""
    data = request.render(desk)
    return data, render_for_screen(data)


class ReportsPage(Page):
    sig_loaded = Signal()
    """The pick lists are filled."""
    sig_generated = Signal()
    """A report's preview is shown (tests wait for it)."""
    sig_printed = Signal(bool)
    """Printing ended: True if the pages went to the printer."""

    kinds = frozenset()   # reports are made on request, never refreshed under the user's eyes

    def __init__(self, desk: Desk, parent: Optional[QWidget] = None) -> None:
        super().__init__(desk, parent)
        self._generation = 0
        self._loaded = False
        self._pending: Optional[tuple[str, Any]] = None   # (kind, subject) asked for before the lists came
        self.data: Optional[bytes] = None
        self.request: Optional[Request] = None
        self._running: Optional[Request] = None     # the request being generated, if any

        self.kind_combo = QComboBox(self)
        for kind, title in KINDS:
            self.kind_combo.addItem(_(title), kind)
        self.partner_field = SearchField([], optional=False, parent=self)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1990, date.today().year)
        self.year_spin.setValue(date.today().year - 1)
        self.gifts_combo = QComboBox(self)
        self.gifts_combo.addItem(_("All years"), None)
        self.visit_field = SearchField([], optional=False, parent=self)
        self.subjects = QStackedWidget(self)
        for widget in (self.partner_field, self.year_spin, self.gifts_combo, self.visit_field):
            self.subjects.addWidget(widget)
        self.subject_label = QLabel(self)
        self.language_combo = QComboBox(self)
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(self.language_combo.findData(i18n.language()))
        self.generate_button = QPushButton(_("Generate"), self)
        self.generate_button.setDefault(True)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy_label = QLabel(_("Preparing the report…"), self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(_("Report"), self.kind_combo)
        form.addRow(self.subject_label, self.subjects)
        form.addRow(_("Language of the report"), self.language_combo)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addSpacing(8)
        column.addWidget(self.generate_button)
        column.addWidget(self.busy_label)
        column.addWidget(self.busy)
        column.addStretch(1)
        left.setFixedWidth(300)

        self.preview = PreviewPane(self)
        self.pages_label = QLabel(self)
        self.save_button = QPushButton(_("Save as PDF…"), self)
        self.print_button = QPushButton(_("Print…"), self)
        actions = QHBoxLayout()
        actions.addWidget(self.pages_label, 1)
        actions.addWidget(self.save_button)
        actions.addWidget(self.print_button)
        right = QVBoxLayout()
        right.addLayout(actions)
        right.addWidget(self.preview, 1)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QHBoxLayout(self)
        layout.addWidget(left)
        layout.addWidget(line)
        layout.addLayout(right, 1)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        # another choice while a report is being made may be asked for at once (it supersedes)
        for signal in (self.kind_combo.currentIndexChanged, self.partner_field.currentIndexChanged,
                       self.year_spin.valueChanged, self.gifts_combo.currentIndexChanged,
                       self.visit_field.currentIndexChanged, self.language_combo.currentIndexChanged):
            signal.connect(self._choice_changed)
        self.generate_button.clicked.connect(self.generate)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_)
        self._kind_changed()
        self._busy(False)
        self._show_result(None, None, [])

    # --- choices ---------------------------------------------------------------------------------

    def activate(self) -> None:
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        run_task(lambda: read_choices(self.desk), self._choices_read, self.sig_error.emit, owner=self)

    def _choices_read(self, choices: Choices) -> None:
        partner, visit = self.partner_field.value(), self.visit_field.value()
        self._fill(self.partner_field, choices.partners, partner)
        self._fill(self.visit_field, choices.visits, visit)
        year = self.year_spin.value() if self._loaded else choices.last_year - 1
        self.year_spin.setRange(min(choices.first_year, choices.last_year - 1), choices.last_year)
        self.year_spin.setValue(year)
        chosen = self.gifts_combo.currentData()
        self.gifts_combo.clear()
        self.gifts_combo.addItem(_("All years"), None)
        for year in range(choices.last_year, choices.first_year - 1, -1):
            self.gifts_combo.addItem(str(year), year)
        self.gifts_combo.setCurrentIndex(max(self.gifts_combo.findData(chosen), 0))
        self._loaded = True
        self.sig_loaded.emit()
        if self._pending is not None:
            kind, subject = self._pending
            self._pending = None
            self.choose(kind, subject)
            self.generate()

    @staticmethod
    def _fill(field: SearchField, items: list[tuple[str, str]], chosen: Any) -> None:
        field.clear()
        for value, text in items:
            field.addItem(text, value)
        if chosen is not None and field.findData(chosen) >= 0:
            field.set_value(chosen)

    def _kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        index = [k for k, _title in KINDS].index(kind)
        self.subjects.setCurrentIndex(index)
        self.subject_label.setText([_("Partner"), _("Year"), _("Gifts of"), _("Visit")][index])

    def choose(self, kind: str, subject: Any = None) -> None:
        """Pick a report kind and, if given, its subject (no generation)."""
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        if subject is None:
            return
        if kind == DOSSIER:
            self.partner_field.set_value(subject)
        elif kind == BRIEFING:
            self.visit_field.set_value(subject)
        elif kind == ANNUAL:
            self.year_spin.setValue(int(subject))
        else:
            self.gifts_combo.setCurrentIndex(max(self.gifts_combo.findData(subject), 0))

    def set_language(self, language: str) -> None:
        self.language_combo.setCurrentIndex(self.language_combo.findData(language))

    def open_record(self, kind: str, key: str) -> bool:
        """"partner-dossier" or "visit-briefing": that record's report, generated at once."""
        report = {"partner-dossier": DOSSIER, "visit-briefing": BRIEFING}.get(kind)
        if report is None:
            return False
        if not self._loaded:
            self._pending = (report, key)
            self.choose(report)
            return True
        self.choose(report, key)
        self.generate()
        return True

    # --- generating ------------------------------------------------------------------------------

    def current_request(self) -> Optional[Request]:
        kind = self.kind_combo.currentData()
        subject: Any
        if kind == DOSSIER:
            subject = self.partner_field.value() if self.partner_field._match() >= 0 else None
        elif kind == BRIEFING:
            subject = self.visit_field.value() if self.visit_field._match() >= 0 else None
        elif kind == ANNUAL:
            subject = self.year_spin.value()
        else:
            subject = self.gifts_combo.currentData()
        if subject is None and kind in (DOSSIER, BRIEFING):
            return None
        return Request(kind, subject, self.language_combo.currentData())

    def generate(self) -> None:
        request = self.current_request()
        if request is None:
            field = self.partner_field if self.kind_combo.currentData() == DOSSIER else self.visit_field
            self.sig_status.emit(_("Pick the report's subject from the list first."))
            field.setFocus()
            return
        self._generation += 1
        generation, desk = self._generation, self.desk
        self._running = request
        self._busy(True)
        run_task(lambda: generate(desk, request),
                 lambda result: self._generated(generation, request, result),
                 lambda error: self._failed(generation, error), owner=self)

    def _choice_changed(self) -> None:
        if self._running is not None:
            self.generate_button.setEnabled(self.current_request() != self._running)

    def _busy(self, busy: bool) -> None:
        if not busy:
            self._running = None
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)
        self.generate_button.setEnabled(not busy)
        self.preview.set_hint(_("Preparing the report…") if busy else
                              _("Pick a report and press Generate to see it here."))

    def _generated(self, generation: int, request: Request, result: tuple[bytes, list]) -> None:
        if generation != self._generation:
            return      # a newer request is under way; this answer is stale
        self._busy(False)
        data, images = result
        self._show_result(request, data, images)
        self.sig_generated.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._busy(False)
        self.sig_error.emit(error)

    def _show_result(self, request: Optional[Request], data: Optional[bytes], images: list) -> None:
        self.request, self.data = request, data
        self.preview.set_pages(images)
        self.save_button.setEnabled(data is not None)
        self.print_button.setEnabled(data is not None)
        if data is None:
            self.pages_label.setText("")
        else:
            n = len(images)
            self.pages_label.setText(ngettext("{n} page", "{n} pages", n).format(n=n))
        self.sig_status.emit(self.status_text())

    def status_text(self) -> str:
        return self.pages_label.text() if self.data is not None else ""

    # --- saving and printing ---------------------------------------------------------------------

    def save(self) -> None:
        if self.data is None or self.request is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, _("Save the report"), self.request.file_name(),
                                                    _("PDF documents (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        from krakow_desk.reports.document import write_pdf
        try:
            write_pdf(self.data, Path(path))
        except Exception as error:  # noqa: BLE001 — a DeskError naming the file, shown by the window
            self.sig_error.emit(error)
            return
        self.sig_status.emit(_("Saved to {path}").format(path=path))

    def make_printer(self) -> QPrinter:
        """The printer the print dialog starts from (tests replace it with a PDF file)."""
        return QPrinter(QPrinter.PrinterMode.HighResolution)

    def print_(self) -> None:
        if self.data is None:
            return
        printer = self.make_printer()
        printer.setDocName(self.request.file_name() if self.request else "report")
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        data, dpi = self.data, printer.resolution()
        self.print_button.setEnabled(False)
        self.sig_status.emit(_("Preparing the pages for the printer…"))
        # the pages are rendered for the printer on the pool, and painted here on the GUI thread
        run_task(lambda: render_at_dpi(data, dpi), lambda images: self._print(printer, images),
                 self._print_failed, owner=self)

    def _print(self, printer: QPrinter, images: list) -> None:
        self.print_button.setEnabled(self.data is not None)
        done = print_images(images, printer)
        if done:
            self.sig_status.emit(_("Sent to the printer."))
        else:
            self.sig_error.emit(RuntimeError(_("The printer could not be opened.")))
        self.sig_printed.emit(done)

    def _print_failed(self, error: BaseException) -> None:
        self.print_button.setEnabled(self.data is not None)
        self.sig_error.emit(error)
        self.sig_printed.emit(False)

    def save_state(self) -> dict:
        # not the language: a new session starts from the window's own
        return {"kind": self.kind_combo.currentData()}

    def restore_state(self, state: dict) -> None:
        if state.get("kind") in {k for k, _t in KINDS}:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(state["kind"]))

