"""The visit form: the visit, its delegation and hosts, the programme hour by hour (with clashes
flagged as they appear), logistics with the interpreting the languages call for, and outcomes."""

from typing import Any, Optional

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget
from pydantic import ValidationError

from krakow_desk.collation import sort_key
from krakow_desk.domain.enums import Direction, VisitKind, VisitStatus
from krakow_desk.domain.fuzzydate import FuzzyDate, FuzzyDateError
from krakow_desk.domain.protocol import interpreting
from krakow_desk.domain.schema import ParticipantData, ProgrammeItemData, VisitData
from krakow_desk.domain.text import KEY_PATTERN
from krakow_desk.i18n import _
from krakow_desk.labels import language_names
from krakow_desk.services.visit_file import resolve, speakers
from krakow_desk.titles import person_name
from krakow_desk.ui.forms.base import RecordForm
from krakow_desk.ui.forms.editors import ChoiceField, DateField, LineField, TextArea
from krakow_desk.ui.forms.layout import STYLE, add_row, form_layout, scroll_page, section
from krakow_desk.ui.forms.person import partner_items
from krakow_desk.ui.forms.visit_rows import ParticipantsEditor, PartnersEditor, ProgrammeEditor, mark_clash
from krakow_desk.ui.widgets import WARNING_COLOUR

CLASH_STYLE = STYLE + f"""
*[clash="true"] {{ background-color: #fff1c2; }}
QLabel[role="warning"] {{ color: {WARNING_COLOUR}; }}
"""
# The form is wide for the programme's table; pages of single fields keep to a readable width.
NARROW = 860
TITLE_WORDS = 4          # a key takes the title's first words: "la-serena-2005-09-wizyta-prezydenta-krakowa-w"


def people_items(desk: Any) -> list[tuple[str, str]]:
    """(key, name) of everyone in the register; a function tells apart people of one name."""
    people = desk.people.all()
    names = [person_name(p) for p in people]
    items = []
    for person, name in zip(people, names):
        if names.count(name) > 1 and person.function:
            name = f"{name} ({person.function})"
        items.append((person.key, name))
    return sorted(items, key=lambda item: sort_key(item[1]))


class VisitForm(RecordForm):
    kind, collection = "visit", "visits"
    preferred = (1080, 640)

    def new_title(self) -> str:
        return _("New visit")

    def edit_title(self, title: str) -> str:
        return _("Visit — {title}").format(title=self.original.get("title") or title)

    def key_source(self) -> str:
        # Krakow's keys read "la-serena-2005-09-president": partner, date, a word of the title.
        partners = self.editors["partners"].value()
        start = self.editors["start_on"].text().strip()
        words = (self.editors["title"].text() or "").split()[:TITLE_WORDS]
        return " ".join(part for part in (partners[0] if partners else "", start, *words) if part)

    def build(self, layout: QVBoxLayout) -> None:
        self.setStyleSheet(CLASH_STYLE)
        self.people = {p.key: p for p in self.desk.people.all()}
        self.partner_choices = partner_items(self.desk)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(scroll_page(self._visit()), _("&Visit"))
        self.tabs.addTab(scroll_page(self._delegation()), _("&Delegation"))
        self.tabs.addTab(scroll_page(self._programme()), _("&Programme"))
        self.tabs.addTab(scroll_page(self._logistics()), _("&Logistics"))
        self.tabs.addTab(scroll_page(self._outcomes()), _("&Outcomes and notes"))
        layout.addWidget(self.tabs)
        self.follow_name(self.editors["title"], self.editors["start_on"])
        self.clashes: list[Any] = []
        self._clash_timer = QTimer(self, singleShot=True, interval=250)
        self._clash_timer.timeout.connect(self.update_clashes)
        # Checks rerun as the user types: clashes after a pause, the interpreting at once.
        self.editors["programme"].sig_edited.connect(self._clash_timer.start)
        self.editors["participants"].sig_edited.connect(self._participants_changed)
        # A partner picked in any row remakes the key while it follows the name.
        self.editors["partners"].sig_edited.connect(self._name_edited)
        for name in ("start_on", "end_on"):
            self.editors[name].textChanged.connect(self._clash_timer.start)

    def load(self, data: dict[str, Any]) -> None:
        super().load(data)
        self.update_clashes()
        self.update_interpreting()

    # --- pages ---------------------------------------------------------------------------

    def _visit(self) -> QWidget:
        page = QWidget()
        page.setMaximumWidth(NARROW)
        form = form_layout(page)
        add_row(form, _("Direction:"), self.field("direction", ChoiceField(Direction)))
        partners = self.rows("partners", PartnersEditor(self.partner_choices))
        add_row(form, _("Partners:"), partners, partners.add_button)
        add_row(form, _("Title:"), self.field(
            "title", LineField(), _("e.g. Visit of the Mayor of Kyiv to Krakow")))
        add_row(form, _("Purpose:"), self.field("purpose", TextArea(lines=3)))
        add_row(form, _("Kind:"), self.field("kind", ChoiceField(VisitKind, optional=True)))
        add_row(form, _("Status:"), self.field("status", ChoiceField(VisitStatus)))
        add_row(form, _("From:"), self.field(
            "start_on", DateField(), _("YYYY-MM-DD; YYYY-MM or YYYY where the sources say no more")))
        add_row(form, _("Until:"), self.field("end_on", DateField(), _("Empty for a one-day visit")))
        add_row(form, _("Place:"), self.field("place", LineField(), _("City, or venue")))
        return page

    def _delegation(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        hint = QLabel(_("The guests and Krakow's hosts. Pick a person from the register, or type the name "
                        "of someone not recorded there. Precedence and languages left empty are taken "
                        "from the person's record."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        participants = self.rows("participants", ParticipantsEditor(people_items(self.desk)))
        layout.addWidget(participants)
        layout.addStretch(1)
        return page

    def _participants_changed(self, *_args: Any) -> None:
        self._clash_timer.start()
        self.update_interpreting()

    def _programme(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        hint = QLabel(_("Hour by hour. Items are put in order of day and time when the visit is saved."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        programme = self.rows("programme", ProgrammeEditor())
        layout.addWidget(programme)
        self.sort_button = QPushButton(_("Sort by day and time"), programme)
        self.sort_button.clicked.connect(programme.sort_rows)
        programme.buttons_row().insertWidget(1, self.sort_button)
        self.clash_label = QLabel(page)
        self.clash_label.setProperty("role", "warning")
        self.clash_label.setWordWrap(True)
        self.clash_label.setTextFormat(Qt.TextFormat.PlainText)
        self.clash_label.hide()
        layout.addWidget(self.clash_label)
        layout.addStretch(1)
        return page

    def _logistics(self) -> QWidget:
        page = QWidget()
        page.setMaximumWidth(NARROW)
        form = form_layout(page)
        add_row(form, _("Accommodation:"), self.field("accommodation", TextArea(lines=3)))
        add_row(form, _("Transport:"), self.field("transport", TextArea(lines=3)))
        add_row(form, _("Interpreters:"), self.field(
            "interpreters", TextArea(lines=3), _("Who interprets, for which language, and when")))
        form.addRow(section(_("Interpreting needed")))
        self.interpreting_label = QLabel(page)
        self.interpreting_label.setWordWrap(True)
        self.interpreting_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.interpreting_label)
        return page

    def _outcomes(self) -> QWidget:
        page = QWidget()
        page.setMaximumWidth(NARROW)
        form = form_layout(page)
        add_row(form, _("Outcomes:"), self.field("outcomes", TextArea(lines=5)))
        add_row(form, _("Notes:"), self.field("notes", TextArea(lines=5, grow=True)))
        add_row(form, _("Key:"), self.key_box())
        return page

    # --- the visit as typed so far ---------------------------------------------------------

    def draft(self) -> tuple[Optional[VisitData], list[int]]:
        """The visit as the form holds it, with whatever cannot be read yet left out, and the row
        of each programme item it kept. For checks before saving; never raises."""
        try:
            data = self.collect()
            programme: ProgrammeEditor = self.editors["programme"]
            items, rows = [], []
            for value, position in zip(data["programme"], programme.value_rows):
                try:
                    items.append(ProgrammeItemData.model_validate(value))
                    rows.append(position)
                except ValidationError:
                    pass
            participants = []
            for value in data["participants"]:
                try:
                    participants.append(ParticipantData.model_validate(value))
                except ValidationError:
                    pass
            dates = []
            for name in ("start_on", "end_on"):
                try:
                    dates.append(FuzzyDate.parse(data[name]) if data.get(name) else None)
                except FuzzyDateError:
                    dates.append(None)
            if dates[0] and dates[1] and dates[1] < dates[0]:
                dates[1] = None
            key = data.get("key") if data.get("key") and KEY_PATTERN.match(data["key"]) else "draft"
            known = {k for k, _name in self.partner_choices}
            visit = VisitData(
                key=self.key or key, direction=data.get("direction") or Direction.INCOMING,
                partners=[p for p in data["partners"] if p in known], title=data.get("title") or "…",
                start_on=dates[0], end_on=dates[1], participants=participants, programme=items)
            return visit, rows
        except Exception:  # noqa: BLE001 — a check while typing must never break the form
            return None, []

    def update_clashes(self) -> None:
        """Flag programme clashes under the table and tint the rows involved."""
        visit, rows = self.draft()
        clashes: list[Any] = []
        if visit is not None and visit.programme:
            try:
                clashes = self.desk.visit_clashes(visit)
            except Exception:  # noqa: BLE001 — the API may not be there yet; the check is a help
                clashes = []
        self.clashes = clashes
        programme: ProgrammeEditor = self.editors["programme"]
        involved = {rows[i] for clash in clashes for i in clash.items if i < len(rows)}
        for position, row in enumerate(programme.rows):
            for cell in row.cells.values():
                mark_clash(cell, position in involved)
        if clashes:
            lines = [_("Clashes in the programme (the visit can still be saved):")]
            lines += [f"⚠ {clash.text}" for clash in clashes]
            self.clash_label.setText("\n".join(lines))
        self.clash_label.setVisible(bool(clashes))

    def update_interpreting(self) -> None:
        self.interpreting_label.setText(interpreting_text(self.draft()[0], self.people))

    # --- saving ----------------------------------------------------------------------------

    def save(self) -> bool:
        self.editors["programme"].sort_rows()
        return super().save()


def interpreting_text(visit: Optional[VisitData], people: dict[str, Any]) -> str:
    """What the form's participants' languages call for, one language a line."""
    if visit is None:
        return ""
    participants = resolve(visit.participants, people)
    needs = interpreting(visit.direction, speakers(participants))
    if not needs:
        if any(p.languages for p in participants):
            return _("None: Krakow's side speaks a language of every participant on the partner's side.")
        return _("Give the participants' languages (Delegation tab) to see what interpreting is needed.")
    return "\n".join(need_text(need) for need in needs)


def need_text(need: Any) -> str:
    language = language_names([need.language])
    names = ", ".join(need.speakers)
    if need.needed:
        return _("⚠ {language}: an interpreter is needed (spoken by {speakers})").format(
            language=language, speakers=names)
    return _("{language}: covered by {who} (spoken by {speakers})").format(
        language=language, who=", ".join(need.covered_by), speakers=names)
