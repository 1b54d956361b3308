"""The follow-up task form: what is to be done, by whom and when, and the record it follows up."""

from datetime import date
from typing import Any, Optional

from PySide6.QtWidgets import QVBoxLayout, QWidget

from krakow_desk.collation import sort_key
from krakow_desk.domain.enums import TaskStatus
from krakow_desk.i18n import _
from krakow_desk.services.desk import Desk
from krakow_desk.titles import agreement_title
from krakow_desk.ui.forms.base import RecordForm
from krakow_desk.ui.forms.editors import ChoiceField, DateField, LineField, SearchField, TextArea
from krakow_desk.ui.forms.layout import add_row, form_layout, scroll_page, section
from krakow_desk.ui.forms.person import partner_items

# The records a task can follow up, in the order the form shows them.
LINKS = ("partner", "agreement", "visit", "letter", "event")


def _sorted(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted(items, key=lambda item: sort_key(item[1]))


def link_items(desk: Desk, kind: str) -> list[tuple[str, str]]:
    """(key, how people name it) of every record of ``kind`` a task can be attached to."""
    if kind == "partner":
        return partner_items(desk)
    if kind == "agreement":
        return _sorted([(a.key, f"{a.partner}: {agreement_title(a)}") for a in desk.agreements.all()])
    if kind == "visit":
        return _sorted([(v.key, f"{v.title} ({v.start_on.iso()})" if v.start_on else v.title)
                        for v in desk.visits.all()])
    if kind == "event":
        return _sorted([(e.key, e.title) for e in desk.events.all()])
    if kind == "letter":
        return _sorted([(m.key, " ".join(filter(None, (m.reference, m.subject)))) for m in desk.letters.all()])
    raise ValueError(kind)


class TaskForm(RecordForm):
    kind, collection = "task", "tasks"
    preferred = (640, 560)

    def __init__(self, desk: Desk, key: Optional[str] = None, parent: Optional[QWidget] = None,
                 initial: Optional[dict[str, Any]] = None) -> None:
        # Links given by the page that opened the form (the visit a follow-up comes from) are
        # fixed; the others stay editable.
        self.fixed = {name for name in LINKS if (initial or {}).get(name)}
        super().__init__(desk, key, parent, initial)

    def new_title(self) -> str:
        return _("New follow-up task")

    def edit_title(self, title: str) -> str:
        return _("Task — {title}").format(title=self.original.get("title") or title)

    def key_source(self) -> str:
        return self.editors["title"].text()

    def build(self, layout: QVBoxLayout) -> None:
        page = QWidget()
        form = form_layout(page)
        add_row(form, _("Task:"), self.field("title", LineField(), _("e.g. Send the thank-you letter")))
        add_row(form, _("Due on:"), self.field("due_on", DateField(partial=False)))
        add_row(form, _("Assigned to:"), self.field("assignee", LineField()))
        status = ChoiceField(TaskStatus)
        add_row(form, _("Status:"), self.field("status", status))
        add_row(form, _("Done on:"), self.field(
            "done_on", DateField(partial=False), _("Filled in with today's date when the task is marked done")))
        status.currentIndexChanged.connect(self._status_changed)
        form.addRow(section(_("Follows up")))
        names = {"partner": _("Partner:"), "agreement": _("Agreement:"), "visit": _("Visit:"),
                 "letter": _("Letter:"), "event": _("Event:")}
        for name in LINKS:
            editor = SearchField(link_items(self.desk, name))
            editor.setEnabled(name not in self.fixed)
            add_row(form, names[name], self.field(name, editor))
        add_row(form, _("Notes:"), self.field("notes", TextArea(lines=3, grow=True)))
        add_row(form, _("Key:"), self.key_box())
        layout.addWidget(scroll_page(page))
        self.follow_name(self.editors["title"])

    def _status_changed(self) -> None:
        done = self.editors["done_on"]
        if self.editors["status"].value() == TaskStatus.DONE and not done.text().strip():
            done.set_value(date.today())
