"""The correspondence register: letters and e-mails in and out, newest first, with whether each
has been answered or how long it has waited; the letter's thread, follow-ups and documents."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Optional, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from krakow_desk.collation import sort_key
from krakow_desk.domain import enums as e
from krakow_desk.domain.schema import LetterData, TaskData
from krakow_desk.i18n import N_, _, ngettext
from krakow_desk.labels import choices, label
from krakow_desk.services.collection import Changes
from krakow_desk.services.desk import Desk
from krakow_desk.titles import partner_name, person_name
from krakow_desk.ui.forms.letter import OPPOSITE, reply_subject
from krakow_desk.ui.pages.correspondence_detail import (
    TAB_TASKS, LetterDetail, replies_index, reply_state, thread_of,
)
from krakow_desk.ui.pages.list_page import FilterCombo, ListPage, set_names
from krakow_desk.ui.table_model import Column, date_column

AWAITING, OVERDUE, REPLIED = "awaiting", "overdue", "replied"


@dataclass(frozen=True)
class LetterRow:
    letter: LetterData
    partner: str                                   # the partner's name in the interface's language
    answers: tuple[LetterData, ...] = ()           # the letters replying to this one, oldest first
    tasks: tuple[TaskData, ...] = ()               # its follow-ups

    @property
    def key(self) -> str:
        return self.letter.key

    def awaiting(self) -> bool:
        """A reply is due by a date and none is recorded (as the agenda counts it)."""
        return self.letter.reply_due_on is not None and not self.answers

    def waiting_days(self, today: date) -> Optional[int]:
        return max((today - self.letter.date).days, 0) if self.awaiting() else None


PERSON_NAMED = ("title", "given_name", "family_name", "erased_on")   # what person_name() reads


@dataclass
class Loaded:
    """What one load reads besides the rows: names for the filters and the detail."""
    partners: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)


def _reply_sort(r: LetterRow) -> Any:
    # Longest waiting first when sorted descending; answered ones after the waiting, and letters
    # expecting no reply (None) last either way.
    if r.answers:
        return -1
    days = r.waiting_days(date.today())
    return days


COLUMNS = (
    date_column(N_("Date"), lambda r: r.letter.date),
    Column(N_("Direction"), lambda r: label(r.letter.direction)),
    Column(N_("Reference"), lambda r: r.letter.reference or ""),
    Column(N_("Partner"), lambda r: r.partner),
    Column(N_("Subject"), lambda r: r.letter.subject),
    # Whether it was answered comes before the rest: it is what the register is watched for.
    Column(N_("Reply"), lambda r: reply_state(r.letter, r.answers, date.today()), sort=_reply_sort),
    date_column(N_("Reply due"), lambda r: r.letter.reply_due_on),
    Column(N_("Channel"), lambda r: label(r.letter.channel)),
)
(COL_DATE, COL_DIRECTION, COL_REFERENCE, COL_PARTNER, COL_SUBJECT, COL_REPLY, COL_DUE,
 COL_CHANNEL) = range(8)
SUBJECT_WIDTH = 180          # the first sizing leaves room for the reply column beside the subject


def reply_filter(r: LetterRow, wanted: str) -> bool:
    if wanted == REPLIED:
        return bool(r.answers)
    if wanted == OVERDUE:
        return r.awaiting() and date.today() > r.letter.reply_due_on  # type: ignore[operator]
    return r.awaiting()


class CorrespondencePage(ListPage[LetterRow]):
    kind = "letter"

    def __init__(self, desk: Desk, parent: Optional[QWidget] = None) -> None:
        self._partner_keys: list[tuple[str, str]] = []
        self._years: list[int] = []
        self._names = Loaded()
        self._created: set[str] = set()           # letters this page just saved, to name their number
        self._letters: dict[str, LetterData] = {}  # every letter loaded, for threads
        self._replies: dict[str, list[LetterData]] = {}
        self.note_key: Optional[str] = None
        self.note = ""
        super().__init__(desk, parent)
        self.kinds = frozenset({"letter", "task", "partner", "person"})
        self.table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
        # A wider list than other registers: whether a letter was answered is the point of it.
        self.splitter.setSizes([700, 500])
        self.detail.sig_open_letter.connect(lambda key: self.open_record("letter", key))
        self.detail.sig_reply.connect(self.reply)
        self.detail.sig_add_task.connect(self.add_task)
        self.detail.sig_edit_task.connect(self.edit_task)

    def columns(self) -> Sequence[Column[LetterRow]]:
        return COLUMNS

    def key_of(self, record: LetterRow) -> str:
        return record.letter.key

    def load(self) -> list[LetterRow]:
        names = Loaded({p.key: partner_name(p) for p in self.desk.partners.all()},
                       {p.key: person_name(p) for p in self.desk.people.briefs(*PERSON_NAMED)})
        self._names = names
        letters = self.desk.letters.all()
        replies = replies_index(letters)
        tasks: dict[str, list[TaskData]] = {}
        for task in self.desk.tasks.all():
            if task.letter:
                tasks.setdefault(task.letter, []).append(task)
        return [LetterRow(m, names.partners.get(m.partner, m.partner) if m.partner else "",
                          tuple(replies.get(m.key, ())), tuple(tasks.get(m.key, ()))) for m in letters]

    def filters(self) -> list[tuple[FilterCombo, Callable[[LetterRow, Any], bool]]]:
        self.direction_combo = FilterCombo(_("Both directions"), choices(e.Direction))
        self.partner_combo = FilterCombo(_("All partners"), [])
        self.year_combo = FilterCombo(_("All years"), [])
        self.reply_combo = FilterCombo(_("Replied or not"), [
            (AWAITING, _("awaiting a reply")), (OVERDUE, _("reply overdue")), (REPLIED, _("replied"))])
        set_names([(self.direction_combo, _("Direction")), (self.partner_combo, _("Partner")),
                   (self.year_combo, _("Year")), (self.reply_combo, _("Reply"))])
        return [
            (self.direction_combo, lambda r, v: r.letter.direction == v),
            (self.partner_combo, lambda r, v: r.letter.partner == v),
            (self.year_combo, lambda r, v: r.letter.date.year == v),
            (self.reply_combo, reply_filter),
        ]

    def _loaded_records(self, records: list[LetterRow]) -> None:
        # Only partners and years that occur are offered.
        partners = sorted({(r.letter.partner, r.partner) for r in records if r.letter.partner},
                          key=lambda item: sort_key(item[1]))
        if partners != self._partner_keys:
            self._partner_keys = partners
            self.partner_combo.refill(_("All partners"), partners)
        years = sorted({r.letter.date.year for r in records}, reverse=True)
        if years != self._years:
            self._years = years
            self.year_combo.refill(_("All years"), [(year, str(year)) for year in years])
        self._letters = {r.key: r.letter for r in records}
        self._replies = {r.key: list(r.answers) for r in records if r.answers}
        created = [r for r in records if r.key in self._created]
        self._created.clear()
        if created:
            row = created[0]
            self.note_key = row.key
            self.note = (_("Saved with the reference {reference}.").format(reference=row.letter.reference)
                         if row.letter.reference else _("Saved without a reference."))
        sized = self._sized
        super()._loaded_records(records)
        if self._sized and not sized:
            header = self.table.horizontalHeader()
            header.resizeSection(COL_SUBJECT, min(header.sectionSize(COL_SUBJECT), SUBJECT_WIDTH))

    def search_text(self, r: LetterRow) -> str:
        m = r.letter
        return " ".join(filter(None, (m.subject, m.reference, r.partner, m.summary, label(m.channel))))

    def make_detail(self) -> LetterDetail:
        return LetterDetail(self.desk, self)

    def show_detail(self, record: Optional[LetterRow]) -> None:
        if record is None:
            self.detail.show_letter(None)
            return
        if self.note and record.key != self.note_key:
            self.note, self.note_key = "", None      # said once; another letter is being looked at
            self._announce()
        notice = self.note if record.key == self.note_key else ""
        self.detail.show_letter(record.letter, record.partner, thread_of(record.key, self._letters, self._replies),
                                record.answers, record.tasks, self._names.people, notice)

    def count_text(self, n: int) -> str:
        return ngettext("{n} letter", "{n} letters", n).format(n=n)

    def status_text(self) -> str:
        text = super().status_text()
        return f"{text} — {self.note}" if self.note and self._loaded else text

    def open_record(self, kind: str, key: str) -> bool:
        if kind == "task":
            task = self.desk.tasks.find(key)
            if task is None or not task.letter:
                return False
            super().open_record("letter", task.letter)
            self.detail.tabs.setCurrentIndex(TAB_TASKS)
            return True
        return super().open_record(kind, key)

    # --- writing ---------------------------------------------------------------------------

    def new_record(self) -> None:
        partner = self.partner_combo.value()
        self._run_form(None, {"partner": partner} if partner else None)

    def reply(self) -> None:
        """A new letter answering the selected one: the other direction, the same partner and people."""
        row = self.selected_record()
        if row is None:
            return
        m = row.letter
        self._run_form(None, {"reply_to": m.key, "direction": OPPOSITE[m.direction], "partner": m.partner,
                              "people": list(m.people), "channel": m.channel, "subject": reply_subject(m.subject)})

    def add_task(self) -> None:
        row = self.selected_record()
        if row is None:
            return
        initial = {"letter": row.key}
        if row.letter.partner:
            initial["partner"] = row.letter.partner
        self._run_form(None, initial, "task", row.key)

    def edit_task(self, key: str) -> None:
        self._run_form(key, None, "task", self.selected_key())

    def _after_write(self, changes: Changes) -> None:
        self._created |= {key for kind, key in changes.created if kind == "letter"}
        self.note, self.note_key = "", None
        super()._after_write(changes)
