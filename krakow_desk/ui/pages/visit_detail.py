"""The selected visit: a header, then its facts, programme by day, participants with the interpreting
they need, gift history, follow-up tasks and documents, in tabs. The visit's file is read on the
thread pool; the header shows at once from the list's record."""

from html import escape
from typing import Any, Optional, Sequence

from babel.dates import get_day_names
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from krakow_desk.domain import schema as s
from krakow_desk.domain.enums import Precision
from krakow_desk.formatting import format_date, format_date_range, format_money
from krakow_desk.i18n import N_, _, language
from krakow_desk.labels import label, language_names
from krakow_desk.titles import agreement_standing, partner_name
from krakow_desk.ui.pages.base import EmptyState
from krakow_desk.ui.table_model import Column, date_column
from krakow_desk.ui.tasks import run_task
from krakow_desk.ui.widgets import WARNING_STYLE, DetailHeader, FactSheet, RelatedTable, message_box, section
from krakow_desk.ui.documents import DocumentsPanel
from krakow_desk.ui.follow_ups import FollowUpsPanel
from krakow_desk.ui.history_view import HistoryPanel

TAB_OVERVIEW, TAB_PROGRAMME, TAB_PARTICIPANTS, TAB_GIFTS, TAB_TASKS, TAB_DOCUMENTS, TAB_HISTORY = range(7)


def visit_dates(visit: s.VisitData) -> str:
    """"22–24 listopada 2026" for days; "wrzesień 2005" or "2004" where the sources say no more."""
    start, end = visit.start_on, visit.end_on
    if start is not None and end is not None and start.precision is end.precision is Precision.DAY:
        return format_date_range(start.start, end.start)
    return " – ".join(format_date(d) for d in (start, end) if d is not None)


def day_heading(day: Any) -> str:
    if day is None:
        return _("Day not set")
    locale = {"pl": "pl_PL", "en": "en_GB"}.get(language(), language())
    weekday = get_day_names("wide", locale=locale)[day.weekday()]
    return f"{weekday}, {format_date(day)}"


def hours(item: s.ProgrammeItemData) -> str:
    times = [t.strftime("%H:%M") for t in (item.start, item.end) if t is not None]
    return "–".join(times)


GIFT_COLUMNS = (
    date_column(N_("Date"), lambda g: g.date),
    Column(N_("Direction"), lambda g: label(g.direction)),
    Column(N_("Gift"), lambda g: g.description),
    Column(N_("Value"), lambda g: format_money(g.value, g.currency) if g.value is not None else "",
           sort=lambda g: g.value, align_right=True),
    # Last: the longest, so it is the one cut short where the pane is narrow.
    Column(N_("From → to"), lambda g: " → ".join(x for x in (g.giver, g.recipient) if x)),
)
PEOPLE_GIFT_COLUMNS = (Column(N_("Participant"), lambda pair: pair[0]),) + tuple(
    Column(c.header, lambda pair, c=c: c.text(pair[1]),
           sort=(lambda pair, c=c: c.sort(pair[1])) if c.sort else None, align_right=c.align_right)
    for c in GIFT_COLUMNS)
class VisitDetail(QWidget):
    """Shows one visit; the list page feeds it with ``show_visit``."""

    sig_open = Signal(str, str)
    """(kind, key) of a related record the user opened (a gift)."""
    sig_edit_task = Signal(str)
    """The key of a follow-up task the user wants to edit."""
    sig_add_task = Signal()
    """The user asked for a follow-up task on the visit shown."""
    sig_briefing = Signal()
    """The user asked for the visit's protocol briefing."""
    sig_file_loaded = Signal()
    """The visit's file arrived and is shown (tests wait for it)."""
    sig_error = Signal(object)

    def __init__(self, desk: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.visit: Optional[s.VisitData] = None
        self.file: Any = None
        self._generation = 0

        self.header = DetailHeader(self)
        self.title, self.subtitle = self.header.title, self.header.subtitle
        self.briefing_button = self.header.add_button(_("Briefing (PDF)…"))
        self.briefing_button.setToolTip(_("The protocol briefing to print: programme, participants, "
                                          "interpreting, partner summary and gifts"))
        self.briefing_button.clicked.connect(self.sig_briefing.emit)
        self.clash_box = message_box(WARNING_STYLE, self)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.overview = FactSheet(self)
        self.tabs.addTab(self.overview, _("Overview"))
        self.programme = FactSheet(self)
        self.tabs.addTab(self.programme, _("Programme"))
        self.participants = FactSheet(self)
        self.tabs.addTab(self.participants, _("Participants"))
        self.tabs.addTab(self._gifts(), _("Gifts"))
        self.tabs.addTab(self._tasks(), _("Follow-ups"))
        self.documents = DocumentsPanel(desk, "visit", self)
        self.tabs.addTab(self.documents, _("Documents"))
        self.history = HistoryPanel(desk, "visit", self)
        self.tabs.addTab(self.history, _("History"))
        self.base_titles = [self.tabs.tabText(i) for i in range(self.tabs.count())]

        self.nothing = EmptyState(_("No visit selected"), _("Choose a visit from the list."), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.clash_box)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.nothing, 1)
        self.show_visit(None)

    def _gifts(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.gift_warnings = message_box(WARNING_STYLE, page)
        self.visit_gifts = RelatedTable(GIFT_COLUMNS, lambda g: g.key, _("No gifts"),
                                        _("No gift is recorded for this visit."), page, compact=True)
        self.partner_gifts = RelatedTable(GIFT_COLUMNS, lambda g: g.key, _("No gifts"),
                                          _("No other gift with the visit's partners is recorded."), page,
                                          compact=True)
        self.people_gifts = RelatedTable(PEOPLE_GIFT_COLUMNS, lambda pair: pair[1].key, _("No gifts"),
                                         _("No gift names any of the participants."), page, compact=True)
        for table in (self.visit_gifts, self.partner_gifts, self.people_gifts):
            table.sig_open.connect(self._open_gift)
            # The compact tables are sized to their rows; a scroll bar would hide the last one.
            table.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.gift_warnings)
        layout.addWidget(section(_("This visit's gifts"), self.visit_gifts, page))
        layout.addWidget(section(_("Earlier gifts with the partners"), self.partner_gifts, page))
        layout.addWidget(section(_("Gifts with these people"), self.people_gifts, page))
        layout.addStretch(1)
        return page

    def _open_gift(self, key: str) -> None:
        self.sig_open.emit("gift", key)

    def _tasks(self) -> QWidget:
        panel = FollowUpsPanel(_("Nothing to follow up is recorded for this visit."), self)
        panel.sig_edit.connect(self.sig_edit_task.emit)
        panel.sig_add.connect(self.sig_add_task.emit)
        self.tasks, self.add_task_button = panel.table, panel.add_button
        return panel

    # --- content ---------------------------------------------------------------------------

    def show_visit(self, visit: Optional[s.VisitData], partners: str = "") -> None:
        """Show the header at once and read the rest of the visit's file on the thread pool."""
        self._generation += 1
        self.visit, self.file = visit, None
        shown = visit is not None
        for widget in (self.header, self.tabs):
            widget.setVisible(shown)
        self.nothing.setVisible(not shown)
        self.clash_box.hide()
        self.documents.show_record(visit.key if visit else None)
        self.history.show_record(visit.key if visit else None)
        if visit is None:
            return
        self.title.setText(visit.title)
        facts = [visit_dates(visit), label(visit.direction), label(visit.kind) if visit.kind else "",
                 label(visit.status), visit.place or "", partners]
        self.subtitle.setText(" · ".join(fact for fact in facts if fact))
        loading = _("Loading…")
        for sheet in (self.overview, self.programme, self.participants):
            sheet.setPlainText(loading)
        generation, key = self._generation, visit.key
        run_task(lambda: self.desk.visit_file(key), lambda file: self._loaded(generation, file),
                 lambda error: self._failed(generation, error), owner=self)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        for sheet in (self.overview, self.programme, self.participants):
            sheet.setPlainText(_("The visit's details could not be read."))
        self.sig_error.emit(error)

    def _loaded(self, generation: int, file: Any) -> None:
        if generation != self._generation:
            return          # another visit was chosen meanwhile
        self.file = file
        v = file.visit
        self.visit = v
        self._show_clashes(file.clashes)
        self.overview.set_sections(*self._overview(file), columns=2)
        self.programme.set_sections(*self._programme(file))
        self.participants.set_sections(*self._participants(file))
        gifts = file.gifts
        self.visit_gifts.set_records(gifts.visit_gifts)
        self.partner_gifts.set_records(gifts.partner_gifts)
        self.people_gifts.set_records(gifts.people_gifts)
        self.gift_warnings.setText("\n".join(f"⚠ {w.text}" for w in gifts.warnings))
        self.gift_warnings.setVisible(bool(gifts.warnings))
        self.tasks.set_records(file.tasks)
        counts = {TAB_PROGRAMME: len(v.programme), TAB_PARTICIPANTS: len(file.guests) + len(file.hosts),
                  TAB_GIFTS: len(gifts.visit_gifts), TAB_TASKS: len(file.tasks)}
        for tab, n in counts.items():
            self.tabs.setTabText(tab, f"{self.base_titles[tab]} ({n})" if n else self.base_titles[tab])
        self.sig_file_loaded.emit()

    def _show_clashes(self, clashes: Sequence[Any]) -> None:
        if clashes:
            lines = [_("The programme has clashes:")] + [f"⚠ {clash.text}" for clash in clashes]
            self.clash_box.setText("\n".join(lines))
        self.clash_box.setVisible(bool(clashes))

    def _overview(self, file: Any) -> list[str]:
        v = file.visit
        parts = [
            FactSheet.rows_html(_("Visit"), [
                (_("Dates"), visit_dates(v)), (_("Direction"), label(v.direction)),
                (_("Kind"), label(v.kind) if v.kind else ""), (_("Status"), label(v.status)),
                (_("Place"), v.place or ""),
                (_("Partners"), ", ".join(partner_name(b.partner) for b in file.partners)),
                (_("Purpose"), v.purpose or "")]),
            FactSheet.rows_html(_("Logistics"), [
                (_("Accommodation"), v.accommodation or ""), (_("Transport"), v.transport or ""),
                (_("Interpreters"), v.interpreters or "")]),
            FactSheet.rows_html(_("Outcomes and notes"), [
                (_("Outcomes"), v.outcomes or ""), (_("Notes"), v.notes or ""), (_("Source"), v.source or "")]),
        ]
        for brief in file.partners:
            parts.append(FactSheet.rows_html(partner_name(brief.partner), [
                (_("Agreements"), "\n".join(agreement_standing(a.agreement, a.state.status)
                                             for a in brief.standing_agreements) or _("none in force")),
                (_("Last visits"), "; ".join(f"{x.title} ({visit_dates(x)})" if visit_dates(x) else x.title
                                             for x in brief.last_visits)),
                (_("Open follow-ups"), "; ".join(t.title for t in brief.open_tasks))]))
        return parts

    def _programme(self, file: Any) -> list[str]:
        if not file.days:
            return [f"<p>{escape(_('No programme is recorded for this visit.'))}</p>"]
        # Clashes name items by their place in the stored programme; the days hold the same items.
        programme = file.visit.programme
        clashing = [programme[i] for clash in file.clashes for i in clash.items if i < len(programme)]
        parts = []
        headers = [_("Time"), _("Activity"), _("Place"), _("Responsible"), _("Notes")]
        head = "".join(f"<th align='left' style='padding:2px 12px 2px 0'>{escape(h)}</th>" for h in headers)
        for day in file.days:
            rows = []
            for item in day.items:
                marked = any(item == other for other in clashing)
                style = " style='background:#fff1c2'" if marked else ""
                cells = [hours(item), ("⚠ " if marked else "") + item.activity, item.place or "",
                         item.responsible or "", item.notes or ""]
                rows.append(f"<tr{style}>" + "".join(
                    f"<td valign='top' style='padding:2px 12px 2px 0'>{escape(c)}</td>" for c in cells) + "</tr>")
            parts.append(f"<h3 style='margin-top:10px'>{escape(day_heading(day.day))}</h3>"
                         f"<table cellspacing='0'><tr>{head}</tr>{''.join(rows)}</table>")
        return parts

    def _participants(self, file: Any) -> list[str]:
        headers = [_("No."), _("Participant"), _("Function or role"), _("Languages")]

        def rows(people: Sequence[Any]) -> list[list[str]]:
            result = []
            for p in people:
                function = (p.person.function if p.person is not None and p.person.function else "")
                role = ", ".join(x for x in dict.fromkeys((p.role or "", function)) if x)
                result.append([str(p.precedence) if p.precedence is not None else "", p.name, role,
                               language_names(p.languages)])
            return result
        parts = [
            FactSheet.table_html(_("Guests"), headers, rows(file.guests), _("No guests are recorded.")),
            FactSheet.table_html(_("Hosts"), headers, rows(file.hosts), _("No hosts are recorded.")),
        ]
        needs = []
        for need in file.interpreting:
            language_name = language_names([need.language])
            speakers = ", ".join(need.speakers)
            if need.needed:
                needs.append([f"⚠ {language_name}", speakers, _("an interpreter is needed")])
            else:
                needs.append([language_name, speakers, ", ".join(need.covered_by)])
        parts.append(FactSheet.table_html(
            _("Interpreting"), [_("Language"), _("Spoken by"), _("Covered by")], needs,
            _("No interpreting is needed, or the participants' languages are not recorded.")))
        return parts

    def text(self) -> str:
        """What the pane shows, as plain text (for tests)."""
        return "\n".join((self.title.text(), self.subtitle.text(), self.clash_box.text() if
                          self.clash_box.isVisibleTo(self) else "", self.overview.toPlainText(),
                          self.programme.toPlainText(), self.participants.toPlainText()))
