"""The agenda, the window's home page: overdue follow-ups, replies due, upcoming visits, deadlines
of agreements and dormant partnerships."""

from datetime import date
from typing import Any, Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from krakow_desk.domain.fuzzydate import FuzzyDate
from krakow_desk.formatting import format_short_date
from krakow_desk.i18n import N_, _, ngettext
from krakow_desk.services.desk import Desk
from krakow_desk.titles import partner_name
from krakow_desk.ui.pages.base import Page
from krakow_desk.ui.table_model import Column
from krakow_desk.ui.tasks import run_task
from krakow_desk.ui.widgets import RelatedTable, section

LISTS = (
    ("overdue", N_("Overdue follow-ups"), N_("No follow-up is overdue.")),
    ("replies_due", N_("Replies due"), N_("No letter awaits a reply in this period.")),
    ("upcoming_visits", N_("Upcoming visits"), N_("No visit is planned in this period.")),
    ("deadlines", N_("Deadlines of agreements"), N_("No notice deadline, expiry or programme end falls in this period.")),
    ("dormant_partners", N_("Dormant partnerships"),
     N_("Every current partner has had a visit, letter, event or gift within the dormancy period.")),
)
KIND_NAMES = {
    "notice_deadline": N_("notice deadline"), "expiry": N_("term ends"), "programme_end": N_("programme ends"),
    "task": N_("follow-up"), "awaiting_our_reply": N_("our reply"), "awaiting_their_reply": N_("their reply"),
    "incoming_visit": N_("incoming visit"), "outgoing_visit": N_("trip abroad"), "dormant": N_("dormant"),
}


COLUMNS = (
    Column(N_("Date"), lambda i: format_short_date(FuzzyDate(i.date, i.precision)) if i.date else "—",
           sort=lambda i: i.date or date.min),
    Column(N_("What"), lambda i: _(KIND_NAMES[i.kind]) if i.kind in KIND_NAMES else i.kind),
    Column(N_("Partner"), lambda i: partner_name(i.partner)),
    Column(N_("Title"), lambda i: i.title),
)


class AgendaPage(Page):
    sig_loaded = Signal()
    """The agenda has been read and shown."""
    sig_overdue = Signal(int)
    """How many follow-ups are overdue, each time the agenda is read."""

    kinds = frozenset({"agreement", "partner", "visit", "letter", "task", "event", "gift"})

    def __init__(self, desk: Desk, parent: Optional[QWidget] = None) -> None:
        super().__init__(desk, parent)
        self._loaded = False
        self._asked = 0
        self.days = QSpinBox(self)
        self.days.setRange(1, 3650)
        self.days.setValue(60)
        self.days.setSuffix(" " + _("days"))
        self.days.setAccessibleName(_("How far ahead"))
        self.days.valueChanged.connect(lambda _v: self.refresh())
        ahead = QLabel(_("&Look ahead:"), self)
        ahead.setBuddy(self.days)
        bar = QHBoxLayout()
        bar.addWidget(ahead)
        bar.addWidget(self.days)
        bar.addStretch(1)

        inner = QWidget()
        column = QVBoxLayout(inner)
        self.tables: dict[str, RelatedTable] = {}
        self.boxes: dict[str, QWidget] = {}
        for name, title, empty in LISTS:
            table = RelatedTable(COLUMNS, lambda i: i.key or "", "", _(empty), inner, compact=True)
            table.sig_open.connect(lambda key, t=table: self._open(t, key))
            self.tables[name] = table
            self.boxes[name] = section(_(title), table, inner)
            column.addWidget(self.boxes[name])
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self.agenda: Any = None

    def activate(self) -> None:
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        days = self.days.value()
        self._asked += 1
        asked = self._asked
        run_task(lambda: self.desk.agenda(days=days), lambda agenda: self._show(asked, agenda),
                 self.sig_error.emit, owner=self)

    def _show(self, asked: int, agenda: Any) -> None:
        if asked != self._asked:
            return      # an answer for an earlier period; the newer one is coming
        self._loaded = True
        self.agenda = agenda
        for name, table in self.tables.items():
            table.set_records(getattr(agenda, name))
        self.sig_status.emit(self.status_text())
        self.sig_overdue.emit(len(agenda.overdue))
        self.sig_loaded.emit()

    def _open(self, table: RelatedTable, key: str) -> None:
        row = table.model.row_of(key)
        if row >= 0:
            self.sig_open.emit(table.model.record(row).record_kind, key)

    def status_text(self) -> str:
        if self.agenda is None:
            return _("Loading…")
        overdue = len(self.agenda.overdue)
        due = len(self.agenda.replies_due) + len(self.agenda.upcoming_visits) + len(self.agenda.deadlines)
        text = ngettext("{n} thing to see to in the next {days} days", "{n} things to see to in the next {days} days",
                        due).format(n=due, days=self.days.value())
        if overdue:
            text = ngettext("{n} follow-up overdue", "{n} follow-ups overdue", overdue).format(n=overdue) + " · " + text
        return text
