"""The agreements register: every document signed with partners, its term, state and deadlines,
and each partner's documents as a timeline."""

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Optional, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from krakow_desk.domain import enums as e
from krakow_desk.domain.schema import AgreementData, TaskData
from krakow_desk.domain.enums import AgreementState
from krakow_desk.domain.terms import TermState, agreement_states
from krakow_desk.formatting import format_date
from krakow_desk.i18n import N_, _, ngettext
from krakow_desk.labels import choices, label
from krakow_desk.titles import agreement_title, partner_name, term_text
from krakow_desk.ui.pages.list_page import FilterCombo, ListPage
from krakow_desk.ui.pages.record_detail import RecordDetail
from krakow_desk.ui.table_model import Column, date_column, first_day
from krakow_desk.ui.widgets import RelatedTable, section
from krakow_desk.ui.documents import DocumentsPanel
from krakow_desk.services.follow_ups import task_order
from krakow_desk.ui.follow_ups import FollowUpsPanel


@dataclass(frozen=True)
class AgreementRow:
    agreement: AgreementData
    partner: str                 # the partner's name in the interface's language
    state: TermState
    tasks: tuple[TaskData, ...] = ()    # follow-ups attached to the agreement

    @property
    def key(self) -> str:
        return self.agreement.key


def state_text(state: TermState) -> str:
    return label(state.status)


def next_deadline(state: TermState) -> Optional[date]:
    """The next date someone must act on: the notice deadline while it is ahead, else the term's end."""
    if state.notice_deadline is not None and not state.notice_deadline_passed:
        return state.notice_deadline
    if state.status == AgreementState.IN_FORCE and state.term_end is not None:
        return state.term_end
    return None


COLUMNS = (
    date_column(N_("Signed"), lambda r: r.agreement.signed_on),
    Column(N_("Partner"), lambda r: r.partner),
    Column(N_("Kind"), lambda r: label(r.agreement.kind)),
    Column(N_("State"), lambda r: state_text(r.state)),
    date_column(N_("Next deadline"), lambda r: next_deadline(r.state)),
    Column(N_("Title"), lambda r: agreement_title(r.agreement)),
)
TIMELINE = (
    date_column(N_("Signed"), lambda r: r.agreement.signed_on),
    Column(N_("Kind"), lambda r: label(r.agreement.kind)),
    Column(N_("State"), lambda r: state_text(r.state)),
    Column(N_("Term"), lambda r: term_text(r.agreement)),
    Column(N_("Signatories"), lambda r: " / ".join(
        x for x in (r.agreement.signatory_krakow, r.agreement.signatory_partner) if x)),
    Column(N_("Title"), lambda r: agreement_title(r.agreement)),
)


class AgreementDetail(QWidget):
    """The selected agreement's facts, its partner's timeline, and its documents."""

    def __init__(self, desk: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.facts = RecordDetail([_("Document"), _("Term and notice"), _("Scope")], self, desk, "agreement")
        self.timeline = RelatedTable(TIMELINE, lambda r: r.key, _("No documents"),
                                     _("No document with this partner is recorded."), self)
        self.timeline_box = section(_("Timeline"), self.timeline, self)
        parts = QSplitter(Qt.Orientation.Vertical, self)
        parts.addWidget(self.facts)
        parts.addWidget(self.timeline_box)
        self.documents = DocumentsPanel(desk, "agreement", self)
        parts.addWidget(section(_("Documents"), self.documents, self))
        self.follow_ups = FollowUpsPanel(_("Nothing to follow up is recorded for this agreement."), self,
                                         compact=True)
        parts.addWidget(section(_("Follow-ups"), self.follow_ups, self))
        parts.setChildrenCollapsible(False)
        parts.setSizes([400, 200, 110, 90])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(parts)

    def show_row(self, row: Optional[AgreementRow], timeline: Sequence[AgreementRow]) -> None:
        self.documents.show_record(row.key if row else None)
        self.follow_ups.set_tasks(row.tasks if row else [])
        if row is None:
            self.facts.show_nothing()
            self.timeline_box.hide()
            return
        a, s = row.agreement, row.state
        self.timeline_box.show()
        self.timeline.set_records(timeline)
        self.timeline.select_key(row.key)
        related = ""
        if a.relation and a.related:
            related = f"{label(a.relation)}: {a.related}"
        self.facts.show_record(agreement_title(a), " · ".join((row.partner, label(a.kind), state_text(s))), [
            [(_("Signed on"), format_date(a.signed_on)),
             (_("Krakow's side"), a.party_krakow or ""), (_("Partner's side"), a.party_partner or ""),
             (_("Signed for Krakow by"), a.signatory_krakow or ""),
             (_("Signed for the partner by"), a.signatory_partner or ""),
             (_("Relation"), related)],
            [(_("Term"), term_text(a)),
             (_("Current term"), " – ".join(format_date(d) for d in (s.term_start, s.term_end) if d)
              if s.term_start or s.term_end else ""),
             (_("Next renewal"), format_date(s.next_renewal)),
             (_("Notice period"), ngettext("{n} month", "{n} months", a.notice_months).format(n=a.notice_months)
              if a.notice_months is not None else ""),
             (_("Notice deadline"), format_date(s.notice_deadline)),
             (_("Terminated on"), format_date(a.terminated_on)),
             (_("Why the state is unknown"), label(s.gap) if s.gap else "")],
            [(_("Domains"), ", ".join(label(d) for d in a.domains)), (_("Notes"), a.notes or "")],
        ], key=row.key)


class AgreementsPage(ListPage[AgreementRow]):
    kind = "agreement"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kinds = frozenset({"agreement", "partner", "task"})
        self.detail.follow_ups.sig_add.connect(self._add_task)
        self.detail.follow_ups.sig_edit.connect(lambda key: self._run_form(key, None, "task", self.selected_key()))
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)

    def columns(self) -> Sequence[Column[AgreementRow]]:
        return COLUMNS

    def key_of(self, record: AgreementRow) -> str:
        return record.agreement.key

    def load(self) -> list[AgreementRow]:
        partners = {p.key: partner_name(p) for p in self.desk.partners.all()}
        agreements = self.desk.agreements.all()
        states = agreement_states(agreements, date.today())
        # Read with the list, on the worker: selecting a row must not query the database.
        tasks: dict[str, list[TaskData]] = {}
        for task in self.desk.tasks.all():
            if task.agreement:
                tasks.setdefault(task.agreement, []).append(task)
        return [AgreementRow(a, partners.get(a.partner, a.partner), states[a.key],
                             tuple(sorted(tasks.get(a.key, []), key=task_order)))
                for a in agreements]

    def filters(self) -> list[tuple[FilterCombo, Callable[[AgreementRow, Any], bool]]]:
        self.kind_combo = FilterCombo(_("All kinds"), choices(e.AgreementKind))
        self.state_combo = FilterCombo(_("Any state"), choices(AgreementState))
        return [(self.kind_combo, lambda r, v: r.agreement.kind == v),
                (self.state_combo, lambda r, v: r.state.status == v)]

    def search_text(self, r: AgreementRow) -> str:
        a = r.agreement
        return " ".join(filter(None, (agreement_title(a), r.partner, a.signatory_krakow, a.signatory_partner,
                                      a.notes, label(a.kind))))

    def make_detail(self) -> AgreementDetail:
        return AgreementDetail(self.desk, self)

    def show_detail(self, record: Optional[AgreementRow]) -> None:
        timeline: list[AgreementRow] = []
        if record is not None:
            timeline = sorted((r for r in self.model.records if r.agreement.partner == record.agreement.partner),
                              key=lambda r: (first_day(r.agreement.signed_on) or date.min, r.key))
        self.detail.show_row(record, timeline)

    def new_record(self) -> None:
        row = self.selected_record()
        self._run_form(None, {"partner": row.agreement.partner} if row else None)

    def _add_task(self) -> None:
        row = self.selected_record()
        if row is not None:
            self._run_form(None, {"agreement": row.key, "partner": row.agreement.partner}, "task", row.key)

    def count_text(self, n: int) -> str:
        return ngettext("{n} agreement", "{n} agreements", n).format(n=n)
