"""The letter form: a letter or e-mail in or out, numbered when saved, with the partner, the people
it concerns, what it says, when a reply is due and which letter it answers; and the office's
correspondence rules in the settings (the reference pattern, when a partner counts as dormant)."""

import re
from datetime import date
from typing import Any, Optional, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidgetItem, QTabWidget, QVBoxLayout, QWidget

from krakow_desk.domain.enums import Channel, Direction
from krakow_desk.domain.references import PatternError, check_pattern, render
from krakow_desk.domain.schema import LetterData
from krakow_desk.i18n import _
from krakow_desk.services.collection import Changes
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import InvalidRecord
from krakow_desk.ui.forms.base import RecordForm
from krakow_desk.ui.forms.editors import ChoiceField, DateField, LineField, NumberField, SearchField, TextArea
from krakow_desk.ui.forms.layout import STYLE, FieldBox, add_row, form_layout, scroll_page
from krakow_desk.ui.forms.messages import problem_text
from krakow_desk.ui.forms.person import partner_items
from krakow_desk.ui.forms.picker import CheckPicker
from krakow_desk.ui.forms.policy import save_policy
from krakow_desk.ui.forms.visit import people_items

SUBJECT_WORDS = 6        # a key takes the subject's first words: "2026-03-02-zaproszenie-na-dni-krakowa-w"
_REPLY_PREFIX = re.compile(r"^(?:\s*(?:re|odp)\s*:\s*)+", re.IGNORECASE)
OPPOSITE = {Direction.INCOMING: Direction.OUTGOING, Direction.OUTGOING: Direction.INCOMING}


def reply_subject(subject: str) -> str:
    """"Re: …" once, however long the exchange ("Re: Odp: Re:" helps nobody)."""
    return "Re: " + _REPLY_PREFIX.sub("", subject.strip())


def letter_label(letter: LetterData) -> str:
    """How a letter is named in a pick list: date, reference and subject."""
    return " · ".join(part for part in (letter.date.isoformat(), letter.reference or "", letter.subject) if part)


def contacts_of(people: Sequence[Any], institutions: dict[str, Optional[str]], partner: Optional[str]) -> set[str]:
    """Keys of the people who work at or with ``partner`` (directly or through its institutions)."""
    if not partner:
        return set()
    return {p.key for p in people for a in p.affiliations
            if a.partner == partner or (a.institution and institutions.get(a.institution) == partner)}


class RequiredChoice(ChoiceField):
    """A vocabulary value that must be chosen; starts empty, so nobody saves a default unread."""

    def __init__(self, enum_cls: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(enum_cls, optional=True, parent=parent)
        self.setItemText(0, _("— choose —"))

    def problem(self) -> Optional[str]:
        return None if self.value() is not None else _("is required")


class RequiredLine(LineField):
    """Text that must be given (a subject): said at once, with the other fields' problems."""

    def problem(self) -> Optional[str]:
        return None if self.value() else _("is required")


class ReferenceField(LineField):
    """Our reference number; empty means "number it when saved". A number another letter already
    has is caught here rather than by the database's unique index, which says it in SQL."""

    def __init__(self, taken: dict[str, str], parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.taken = taken           # reference → subject of the letter that has it

    def problem(self) -> Optional[str]:
        text = (self.text() or "").strip()
        if text and text in self.taken:
            return _("is already the reference of “{subject}”").format(subject=self.taken[text])
        return None


class PeoplePicker(CheckPicker):
    """Several people from the register, the partner's own contacts first (in bold)."""

    def __init__(self, items: Sequence[tuple[str, str]], parent: Optional[QWidget] = None) -> None:
        self.first: set[str] = set()
        super().__init__(items, _("Type to find a person…"), rows=7, parent=parent)

    def summary(self, names: list[str]) -> str:
        return (_("People chosen: {names}").format(names=", ".join(names)) if names
                else _("Nobody chosen."))

    def ordered(self) -> list[str]:
        keys = super().ordered()
        return [k for k in keys if k in self.first] + [k for k in keys if k not in self.first]

    def _add(self, key: str, name: str) -> QListWidgetItem:
        item = super()._add(key, name)
        if key in self.first:
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
            item.setToolTip(_("A contact of the letter's partner"))
        return item

    def put_first(self, keys: set[str]) -> None:
        """List these people (the partner's contacts) at the top."""
        if keys != self.first:
            self.first = set(keys)
            self._fill(set(self.value()))


class LetterForm(RecordForm):
    kind, collection = "letter", "letters"
    preferred = (720, 600)

    def __init__(self, desk: Desk, key: Optional[str] = None, parent: Optional[QWidget] = None,
                 initial: Optional[dict[str, Any]] = None) -> None:
        self.saved_reference: Optional[str] = None
        if key is None:
            initial = {"date": date.today(), "channel": Channel.LETTER, **(initial or {})}
        super().__init__(desk, key, parent, initial)

    def new_title(self) -> str:
        return _("New letter")

    def edit_title(self, title: str) -> str:
        return _("Letter — {subject}").format(subject=self.original.get("subject") or title)

    def key_source(self) -> str:
        day = self.editors["date"].text().strip()
        words = (self.editors["subject"].text() or "").split()[:SUBJECT_WORDS]
        return " ".join(part for part in (day, *words) if part)

    def build(self, layout: QVBoxLayout) -> None:
        self.letters = {m.key: m for m in self.desk.letters.all()}
        self.people = self.desk.people.all()
        self.institution_partner = {i.key: i.partner for i in self.desk.institutions.all()}
        self.tabs = QTabWidget(self)
        self.tabs.addTab(scroll_page(self._letter()), _("&Letter"))
        self.tabs.addTab(scroll_page(self._people()), _("&People and summary"))
        layout.addWidget(self.tabs)
        self.follow_name(self.editors["date"], self.editors["subject"])
        self.editors["partner"].currentIndexChanged.connect(self._partner_changed)
        self.editors["partner"].lineEdit().editingFinished.connect(self._partner_changed)
        self.editors["reply_to"].currentIndexChanged.connect(self._reply_to_changed)

    def _letter(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        add_row(form, _("Direction:"), self.field("direction", RequiredChoice(Direction), _(
            "Incoming: to Krakow; outgoing: from Krakow")))
        add_row(form, _("Date:"), self.field("date", DateField(partial=False), _(
            "Sent or received on")))
        add_row(form, _("Channel:"), self.field("channel", ChoiceField(Channel)))
        add_row(form, _("Partner:"), self.field("partner", SearchField(partner_items(self.desk))))
        add_row(form, _("Subject:"), self.field("subject", RequiredLine(), _("e.g. Invitation to the Days of Krakow")))
        taken = {m.reference: m.subject for m in self.letters.values() if m.reference and m.key != self.key}
        reference = ReferenceField(taken)
        if self.key is None:
            reference.setPlaceholderText(_("assigned when saved"))
            example = render(self.desk.policy().reference_pattern, date.today().year, 1)
            hint = _("Leave it empty: the next number of the year is given when the letter is saved "
                     "(e.g. {example}). An incoming letter's own number goes in the summary.").format(example=example)
        else:
            hint = _("Our number; an incoming letter's own number goes in the summary")
        add_row(form, _("Our reference:"), self.field("reference", reference, hint))
        add_row(form, _("In reply to:"), self.field("reply_to", SearchField(self._reply_items()), _(
            "The letter this one answers; the partner's letters come first")))
        add_row(form, _("Reply due by:"), self.field("reply_due_on", DateField(partial=False), _(
            "When a reply is expected; the agenda lists the letter until one is recorded")))
        return page

    def _people(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        self.picker = PeoplePicker(people_items(self.desk))
        add_row(form, _("People:"), self.field("people", self.picker, _(
            "Whom the letter concerns; the partner's contacts are listed first")), self.picker.filter)
        add_row(form, _("Summary:"), self.field("summary", TextArea(lines=5, grow=True)))
        add_row(form, _("Key:"), self.key_box())
        return page

    # --- lists that follow the partner -----------------------------------------------------

    def _excluded(self) -> set[str]:
        """This letter and the replies to it (and to those): none of them can be what it answers."""
        if self.key is None:
            return set()
        replies: dict[str, list[str]] = {}
        for m in self.letters.values():
            if m.reply_to:
                replies.setdefault(m.reply_to, []).append(m.key)
        out, stack = {self.key}, [self.key]
        while stack:
            for answer in replies.get(stack.pop(), []):
                if answer not in out:
                    out.add(answer)
                    stack.append(answer)
        return out

    def _reply_items(self, partner: Optional[str] = None) -> list[tuple[str, str]]:
        excluded = self._excluded()
        shown = sorted((m for m in self.letters.values() if m.key not in excluded),
                       key=lambda m: (m.partner != partner or partner is None, -m.date.toordinal(), m.key))
        return [(m.key, letter_label(m)) for m in shown]

    def _partner_changed(self, *_args: Any) -> None:
        partner = self.editors["partner"].value()
        if not isinstance(partner, str):
            return
        self.picker.put_first(contacts_of(self.people, self.institution_partner, partner))
        field: SearchField = self.editors["reply_to"]
        chosen = field.value()
        field.blockSignals(True)
        field.clear()
        field.addItem("", None)
        for value, text in self._reply_items(partner):
            field.addItem(text, value)
        field.set_value(chosen)
        field.blockSignals(False)

    def _reply_to_changed(self, *_args: Any) -> None:
        """Answering a letter: fill in what is still empty from it (direction, partner, subject)."""
        answered = self.letters.get(self.editors["reply_to"].value() or "")
        if answered is None:
            return
        direction = self.editors["direction"]
        if direction.value() is None:
            direction.set_value(OPPOSITE[answered.direction])
        if not self.editors["partner"].value() and answered.partner:
            self.editors["partner"].set_value(answered.partner)
            self._partner_changed()
        subject = self.editors["subject"]
        if not subject.text().strip():
            subject.setText(reply_subject(answered.subject))
            self._name_edited()

    def load(self, data: dict[str, Any]) -> None:
        super().load(data)
        self._partner_changed()

    # --- saving ----------------------------------------------------------------------------

    def save(self) -> bool:
        new = self.key is None
        if not super().save():
            return False
        if new and self.saved_key:
            saved = self.desk.letters.find(self.saved_key)
            self.saved_reference = saved.reference if saved is not None else None
        return True


# --- the office's correspondence rules, in the settings dialog -------------------------------

# check_pattern's reasons, said in the user's language (the domain has no catalog).
PATTERN_PROBLEMS = {
    "the pattern needs {number} exactly once, e.g. IR/{year}/{number:04}":
        lambda: _("needs {number} exactly once, e.g. IR/{year}/{number:04}"),
    "{year} may appear once": lambda: _("{year} may appear only once"),
    "only {year} and {number} may stand in braces": lambda: _("only {year} and {number} may stand in braces"),
    "a reference may have at most 80 characters": lambda: _("a reference may have at most 80 characters"),
}


def pattern_problem(pattern: str) -> Optional[str]:
    """What is wrong with a reference pattern, in the user's language; None if it numbers letters."""
    try:
        check_pattern(pattern.strip())
    except PatternError as error:
        say = PATTERN_PROBLEMS.get(str(error))
        return say() if say else str(error)
    return None


class CorrespondencePolicyBox(QGroupBox):
    """The correspondence rules in the settings: how letters are numbered, and after how many
    months without contact a partner is listed as dormant. They are the office's, kept in the
    database, so the box says so (as the gifts box does)."""

    def __init__(self, desk: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(_("Correspondence (the whole office)"), parent)
        self.desk = desk
        self.changes = Changes()
        policy = desk.policy()
        self.pattern = LineField()
        self.pattern.set_value(policy.reference_pattern)
        self.dormant = NumberField(whole=True)
        self.dormant.set_value(policy.dormant_months)
        self.example = QLabel(self)
        self.example.setTextFormat(Qt.TextFormat.PlainText)
        self.boxes = {
            "reference_pattern": FieldBox(self.pattern, _(
                "{year}: the year of the letter's date; {number}: its number in that year, "
                "{number:04} padded to four digits")),
            "dormant_months": FieldBox(self.dormant, _(
                "A partner with no visit, letter, event or gift for this long is listed on the agenda")),
        }
        form = form_layout()
        add_row(form, _("Reference numbers:"), self.boxes["reference_pattern"])
        add_row(form, "", self.example)
        add_row(form, _("Dormant after (months):"), self.boxes["dormant_months"])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.setStyleSheet(STYLE)
        self.pattern.textChanged.connect(self._show_example)
        self._show_example()

    def _show_example(self) -> None:
        """The pattern as the next letters would carry it, or what is wrong with it, as one types."""
        text = self.pattern.text()
        problem = pattern_problem(text)
        box = self.boxes["reference_pattern"]
        if problem:
            box.show_error(problem_text(problem))
        else:
            box.clear_error()
            year = date.today().year
            self.example.setText(_("The first letters of {year} will be numbered {first}, {second}, …").format(
                year=year, first=render(text.strip(), year, 1), second=render(text.strip(), year, 2)))
        # The error takes the example's line; a dialog already shown grows if it must, rather than
        # squeezing the fields above.
        self.example.setVisible(not problem)
        window = self.window()
        if window is not self and window.isVisible() and window.height() < window.sizeHint().height():
            window.resize(window.width(), window.sizeHint().height())

    def value(self) -> dict[str, Any]:
        return {"reference_pattern": (self.pattern.text() or "").strip(), "dormant_months": self.dormant.value()}

    def problem(self) -> Optional[tuple[str, str]]:
        """The cheap checks, in the user's language, before the services'."""
        problem = pattern_problem(self.pattern.text() or "")
        if problem:
            return "reference_pattern", problem
        months = self.dormant.value()
        if self.dormant.problem() or months is None or not 1 <= months <= 600:
            return "dormant_months", _("give a whole number of months from 1 to 600")
        return None

    def show_problem(self, problem: tuple[str, str]) -> None:
        name, text = problem
        self.boxes[name].show_error(problem_text(text))
        self.boxes[name].editor.setFocus()

    def save(self) -> bool:
        """Write the rules if they changed, over the policy as it is now (the gifts box may just have
        written its part); False, with the problem at its field, if they are wrong."""
        for box in self.boxes.values():
            box.clear_error()
        problem = self.problem()
        if problem is None:
            try:
                self.changes = save_policy(self.desk, self.value()) or self.changes
                return True
            except InvalidRecord as error:
                name = (error.field or "").split(".")[0]
                problem = (name if name in self.boxes else "reference_pattern", error.problem)
        self.show_problem(problem)
        return False
