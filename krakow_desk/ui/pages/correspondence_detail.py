"""The selected letter: a header with Reply…, then its facts over its thread (the letters it answers
and the replies to it, in date order), its follow-up tasks and its documents, in tabs."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Optional, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from krakow_desk.domain.enums import Direction
from krakow_desk.domain.schema import LetterData, TaskData
from krakow_desk.formatting import format_date
from krakow_desk.i18n import N_, _, ngettext
from krakow_desk.labels import label
from krakow_desk.ui.pages.base import EmptyState
from krakow_desk.ui.follow_ups import FollowUpsPanel
from krakow_desk.ui.table_model import Column, date_column
from krakow_desk.ui.widgets import NOTICE_STYLE, DetailHeader, FactSheet, RelatedTable, message_box
from krakow_desk.ui.documents import DocumentsPanel
from krakow_desk.ui.history_view import HistoryPanel

TAB_LETTER, TAB_TASKS, TAB_DOCUMENTS, TAB_HISTORY = range(4)
CURRENT_MARK = "▶"


def replies_index(letters: Iterable[LetterData]) -> dict[str, list[LetterData]]:
    """For each letter, the letters that answer it, oldest first."""
    replies: dict[str, list[LetterData]] = defaultdict(list)
    for m in letters:
        if m.reply_to:
            replies[m.reply_to].append(m)
    for answers in replies.values():
        answers.sort(key=lambda m: (m.date, m.key))
    return dict(replies)


def thread_of(key: str, letters: dict[str, LetterData],
              replies: Optional[dict[str, list[LetterData]]] = None) -> list[LetterData]:
    """The letters linked to ``key`` by reply_to through it, both ways: what it answers (and what
    that answered), and every reply to it (and to those), in date order. A broken chain (a cycle
    typed by hand) ends where it would repeat."""
    if key not in letters:
        return []
    replies = replies if replies is not None else replies_index(letters.values())
    seen = {key}
    current = letters[key].reply_to
    while current and current in letters and current not in seen:
        seen.add(current)
        current = letters[current].reply_to
    stack = [key]
    while stack:
        for answer in replies.get(stack.pop(), []):
            if answer.key not in seen:
                seen.add(answer.key)
                stack.append(answer.key)
    return sorted((letters[k] for k in seen), key=lambda m: (m.date, m.reference or "", m.key))


def reply_state(letter: LetterData, answers: Sequence[LetterData], today: date) -> str:
    """"✓ 2026-03-10" (the first reply's date), "waiting 12 days" (and overdue), or nothing when no
    reply is expected."""
    if answers:
        return f"✓ {answers[0].date.isoformat()}"
    if letter.reply_due_on is None:
        return ""
    waiting = max((today - letter.date).days, 0)
    text = ngettext("waiting {n} day", "waiting {n} days", waiting).format(n=waiting)
    if today > letter.reply_due_on:
        text = _("{waiting}, overdue").format(waiting=text)
    return text


@dataclass(frozen=True)
class ThreadRow:
    letter: LetterData
    position: int                 # 1 for the oldest letter of the thread
    current: bool                 # the letter shown in the pane

    @property
    def key(self) -> str:
        return self.letter.key


THREAD_COLUMNS = (
    Column(N_("No."), lambda r: f"{CURRENT_MARK} {r.position}" if r.current else str(r.position),
           sort=lambda r: r.position),
    date_column(N_("Date"), lambda r: r.letter.date),
    Column(N_("Direction"), lambda r: label(r.letter.direction)),
    Column(N_("Reference"), lambda r: r.letter.reference or ""),
    Column(N_("Subject"), lambda r: r.letter.subject),
)


class LetterDetail(QWidget):
    """Shows one letter; the list page feeds it with ``show_letter``."""

    sig_open_letter = Signal(str)
    """The key of another letter of the thread the user wants to see."""
    sig_reply = Signal()
    """The user asked to record a reply to the letter shown."""
    sig_add_task = Signal()
    """The user asked for a follow-up task on the letter shown."""
    sig_edit_task = Signal(str)
    """The key of a follow-up task the user wants to edit."""

    def __init__(self, desk: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.letter: Optional[LetterData] = None

        self.header = DetailHeader(self)
        self.title, self.subtitle = self.header.title, self.header.subtitle
        self.reply_button = self.header.add_button(_("Reply…"))
        self.reply_button.clicked.connect(self.sig_reply.emit)
        self.notice = message_box(NOTICE_STYLE, self)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.facts = FactSheet(self)
        self.thread = RelatedTable(THREAD_COLUMNS, lambda r: r.key, _("No thread"),
                                   _("This letter answers no other letter, and no reply to it is recorded."),
                                   self)
        self.thread.sig_open.connect(self._open_thread_letter)
        self.thread_caption = QLabel(self)
        self.thread_box = QWidget(self)
        thread_layout = QVBoxLayout(self.thread_box)
        thread_layout.setContentsMargins(0, 0, 0, 0)
        caption_font = self.thread_caption.font()
        caption_font.setBold(True)
        self.thread_caption.setFont(caption_font)
        thread_layout.addWidget(self.thread_caption)
        thread_layout.addWidget(self.thread, 1)
        letter_page = QSplitter(Qt.Orientation.Vertical, self)
        letter_page.addWidget(self.facts)
        letter_page.addWidget(self.thread_box)
        letter_page.setChildrenCollapsible(False)
        letter_page.setStretchFactor(0, 3)
        letter_page.setStretchFactor(1, 2)
        self.tabs.addTab(letter_page, _("Letter and thread"))
        self.tabs.addTab(self._tasks(), _("Follow-ups"))
        self.documents = DocumentsPanel(desk, "letter", self)
        self.tabs.addTab(self.documents, _("Documents"))
        self.history = HistoryPanel(desk, "letter", self)
        self.tabs.addTab(self.history, _("History"))
        self.base_titles = [self.tabs.tabText(i) for i in range(self.tabs.count())]

        self.nothing = EmptyState(_("No letter selected"), _("Choose a letter from the list."), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.nothing, 1)
        self.show_letter(None)

    def _tasks(self) -> QWidget:
        panel = FollowUpsPanel(_("Nothing to follow up is recorded for this letter."), self)
        panel.sig_edit.connect(self.sig_edit_task.emit)
        panel.sig_add.connect(self.sig_add_task.emit)
        self.tasks, self.add_task_button = panel.table, panel.add_button
        return panel

    def _open_thread_letter(self, key: str) -> None:
        if self.letter is None or key != self.letter.key:
            self.sig_open_letter.emit(key)

    # --- content ---------------------------------------------------------------------------

    def show_letter(self, letter: Optional[LetterData], partner: str = "", thread: Sequence[LetterData] = (),
                    answers: Sequence[LetterData] = (), tasks: Sequence[TaskData] = (),
                    people: Optional[dict[str, str]] = None, notice: str = "") -> None:
        """Show ``letter`` with its ``thread`` (itself included), the letters that ``answers`` it,
        its follow-up ``tasks``, and ``people``'s names by key; ``notice`` above the tabs."""
        self.letter = letter
        shown = letter is not None
        for widget in (self.header, self.tabs):
            widget.setVisible(shown)
        self.nothing.setVisible(not shown)
        self.notice.setText(notice)
        self.notice.setVisible(shown and bool(notice))
        self.documents.show_record(letter.key if letter else None)
        self.history.show_record(letter.key if letter else None)
        if letter is None:
            return
        m = letter
        self.title.setText(m.subject)
        self.subtitle.setText(" · ".join(part for part in (
            format_date(m.date), label(m.direction), label(m.channel), m.reference or "", partner) if part))
        names = people or {}
        answered = next((x for x in thread if x.key == m.reply_to), None)
        in_reply_to = ""
        if m.reply_to:
            in_reply_to = (" · ".join(p for p in (answered.reference or "", answered.subject,
                                                  format_date(answered.date)) if p)
                           if answered is not None else m.reply_to)
        state = reply_state(m, answers, date.today())
        self.facts.set_sections(
            FactSheet.rows_html(_("Letter"), [
                (_("Date"), format_date(m.date)), (_("Direction"), label(m.direction)),
                (_("Channel"), label(m.channel)), (_("Our reference"), m.reference or ""),
                (_("Partner"), partner), (_("People"), ", ".join(names.get(k, k) for k in m.people)),
                (_("In reply to"), in_reply_to),
                (_("Reply due by"), format_date(m.reply_due_on) if m.reply_due_on else ""),
                (_("Reply"), "; ".join(" · ".join(p for p in (a.reference or "", a.subject, format_date(a.date))
                                                  if p) for a in answers) or state)]),
            FactSheet.rows_html(_("Summary"), [(_("Summary"), m.summary or ""), (_("Source"), m.source or "")]))
        rows = [ThreadRow(x, n, x.key == m.key) for n, x in enumerate(thread, 1)]
        self.thread_caption.setText(ngettext("Thread: {n} letter", "Thread: {n} letters", len(rows)).format(
            n=len(rows)) if len(rows) > 1 else _("Thread"))
        self.thread.set_records(rows if len(rows) > 1 else [])
        if len(rows) > 1:
            self.thread.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
            self.thread.select_key(m.key)
        self.tasks.set_records(list(tasks))
        counts = {TAB_TASKS: len(tasks)}
        for tab, n in counts.items():
            self.tabs.setTabText(tab, f"{self.base_titles[tab]} ({n})" if n else self.base_titles[tab])
        self.reply_button.setToolTip(_("Record our reply to this letter") if m.direction is Direction.INCOMING
                                     else _("Record the partner's reply to this letter"))

    def text(self) -> str:
        """What the pane shows, as plain text (for tests)."""
        return "\n".join((self.title.text(), self.subtitle.text(), self.facts.toPlainText()))
