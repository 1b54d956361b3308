"""The gift form: what was given or received, between whom, on which visit, worth how much, and
where it is now. While the user types, the register's warnings (a received gift above the
office's threshold, a gift that repeats one already given) are shown under the form."""

import re
from typing import Any, Optional, Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from krakow_desk.domain.enums import GiftCategory, GiftDirection
from krakow_desk.formatting import format_short_date
from krakow_desk.i18n import _, ngettext
from krakow_desk.services.collection import Changes
from krakow_desk.services.errors import DeskError, InvalidRecord
from krakow_desk.ui.forms.base import RecordForm
from krakow_desk.ui.forms.editors import ChoiceField, DateField, LineField, NumberField, SearchField, TextArea
from krakow_desk.ui.forms.event import source_items
from krakow_desk.ui.forms.layout import STYLE, FieldBox, add_row, form_layout, mark, scroll_page
from krakow_desk.ui.forms.messages import problem_text
from krakow_desk.ui.forms.others import currency_items
from krakow_desk.ui.forms.person import partner_items
from krakow_desk.ui.forms.policy import save_policy
from krakow_desk.ui.tasks import run_task
from krakow_desk.ui.widgets import WARNING_STYLE, message_box

CHECK_DELAY_MS = 350         # the warnings are checked once typing pauses, not on every key
_FIELD = re.compile(r"^([A-Za-z_]+)")


SHOWN_WARNINGS = 3           # more would push the form off the screen; the rest are counted


def warnings_text(warnings: Sequence[Any]) -> str:
    """The warnings, one a line, with a sign people notice; beyond a few, how many more."""
    lines = ["⚠ " + w.text for w in warnings[:SHOWN_WARNINGS]]
    more = len(warnings) - SHOWN_WARNINGS
    if more > 0:
        lines.append(ngettext("… and {n} more warning", "… and {n} more warnings", more).format(n=more))
    return "\n".join(lines)


def visit_text(visit: Any) -> str:
    """"2005-09 Wizyta prezydenta w La Serena": dated, as people remember visits."""
    when = format_short_date(visit.start_on)
    return f"{when} {visit.title}" if when else visit.title


class GiftForm(RecordForm):
    kind, collection = "gift", "gifts"
    preferred = (720, 640)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.warnings: list[Any] = []      # GiftWarning, as last checked
        self._generation = 0
        super().__init__(*args, **kwargs)
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_warnings)
        for editor in self.editors.values():
            for name in ("textChanged", "editTextChanged", "currentIndexChanged"):
                signal = getattr(editor, name, None)
                if signal is not None:
                    signal.connect(lambda *_args: self._check_timer.start())
        self.check_warnings()

    def new_title(self) -> str:
        return _("New gift")

    def edit_title(self, title: str) -> str:
        return _("Gift — {title}").format(title=title)

    def key_source(self) -> str:
        # Keys in Krakow's data read "innsbruck-2003-12-fire-engines": partner, date, what.
        partner = self.editors["partner"].value() or ""
        when = self.editors["date"].text().strip()
        return " ".join(part for part in (partner, when, self.editors["description"].text()) if part)

    # --- building ------------------------------------------------------------------------

    def build(self, layout: QVBoxLayout) -> None:
        self.visits = sorted(self.desk.visits.all(), key=lambda v: (str(v.start_on or ""), v.title), reverse=True)
        try:
            self.policy_currency = self.desk.policy().gift_currency
        except DeskError:
            self.policy_currency = "PLN"
        self.tabs = QTabWidget(self)
        self.tabs.addTab(scroll_page(self._gift()), _("&Gift"))
        self.tabs.addTab(scroll_page(self._whereabouts()), _("&Where it is and notes"))
        layout.addWidget(self.tabs)
        self.warning_label = message_box(WARNING_STYLE, self, selectable=False)
        layout.addWidget(self.warning_label)
        self.follow_name(self.editors["date"], self.editors["description"], self.editors["partner"])
        self.editors["partner"].currentIndexChanged.connect(self._name_edited)
        self.editors["partner"].currentIndexChanged.connect(self._offer_visits)
        self.editors["partner"].lineEdit().editingFinished.connect(self._offer_visits)
        self.editors["value"].textEdited.connect(self._default_currency)

    def _gift(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        direction = ChoiceField(GiftDirection)
        direction.set_value(GiftDirection.GIVEN)     # the same default in both languages
        add_row(form, _("Direction:"), self.field("direction", direction))
        add_row(form, _("Date:"), self.field(
            "date", DateField(), _("YYYY-MM-DD; YYYY-MM or YYYY where the sources say no more")))
        add_row(form, _("Partner:"), self.field("partner", SearchField(partner_items(self.desk))))
        add_row(form, _("Visit:"), self.field(
            "visit", SearchField([]), _("The visit at which it was handed over, if any")))
        add_row(form, _("Description:"), self.field("description", LineField(), _("e.g. Album about Krakow")))
        category = ChoiceField(GiftCategory)
        category.set_value(GiftCategory.OTHER)       # as the register's default, not the first label
        add_row(form, _("Category:"), self.field("category", category))
        add_row(form, _("Quantity:"), self.field("quantity", NumberField(whole=True), _("Empty for a single gift")))
        add_row(form, _("Estimated value:"), self.field("value", NumberField(money=True)))
        add_row(form, _("Currency:"), self.field("currency", SearchField(currency_items()), _(
            "The office's policy counts in {currency}").format(currency=self.policy_currency)))
        add_row(form, _("Given by:"), self.field("giver", LineField(), _("A person, an office or a city")))
        add_row(form, _("Received by:"), self.field("recipient", LineField()))
        self._offer_visits()
        return page

    def _whereabouts(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        add_row(form, _("Where it is kept:"), self.field(
            "location", LineField(), _("e.g. the Mayor's office, the City History Museum")))
        add_row(form, _("Disposition:"), self.field(
            "disposition", TextArea(lines=2), _("What became of it: displayed, handed to a museum, used…")))
        add_row(form, _("Notes:"), self.field("notes", TextArea(lines=5, grow=True)))
        add_row(form, _("Source:"), self.field("source", SearchField(source_items(self.desk))))
        add_row(form, _("Key:"), self.key_box())
        return page

    # --- the visit list follows the partner ------------------------------------------------

    def _offer_visits(self, *_args: Any) -> None:
        """Offer the chosen partner's visits (all visits while no partner is chosen), keeping the
        visit already chosen even when it is another partner's."""
        field = self.editors["visit"]
        partner = self.editors["partner"].value()
        chosen = field.value()
        shown = [v for v in self.visits if not partner or partner in v.partners or v.key == chosen]
        if [field.itemData(i) for i in range(1, field.count())] == [v.key for v in shown]:
            return
        field.blockSignals(True)
        field.clear()
        field.addItem("", None)
        for visit in shown:
            field.addItem(visit_text(visit), visit.key)
        field.set_value(chosen)
        field.blockSignals(False)

    def load(self, data: dict[str, Any]) -> None:
        super().load(data)
        self._offer_visits()
        self.editors["visit"].set_value(data.get("visit"))

    def _default_currency(self, text: str) -> None:
        # A value typed into an empty currency means the office's currency; it can be changed.
        currency = self.editors["currency"]
        if text.strip() and not currency.currentText().strip():
            currency.set_value(self.policy_currency)

    # --- the warnings -----------------------------------------------------------------------

    def check_warnings(self) -> None:
        """Ask the services for the warnings on what the form holds now (off the GUI thread)."""
        self._generation += 1
        generation, data = self._generation, self._checkable()
        if data is None:
            self._show_warnings(generation, [])
            return
        run_task(lambda: self._warnings_for(data), lambda found: self._show_warnings(generation, found),
                 lambda _error: self._show_warnings(generation, []), owner=self)

    def _checkable(self) -> Optional[dict[str, Any]]:
        data = self.collect()
        data["key"] = self.key or "unsaved-gift"
        if not data.get("direction"):
            return None
        return data

    def _warnings_for(self, data: dict[str, Any]) -> list[Any]:
        """The warnings, leaving out fields the services refuse (a half-typed value must not hide
        the repeat warning); a gift without a description yet can still be above the threshold."""
        repeat_possible = bool(data.get("description"))
        if not repeat_possible:
            data["description"] = "-"
        for _attempt in range(4):
            try:
                found = self.desk.gift_warnings(data)
            except InvalidRecord as error:
                match = _FIELD.match(error.field or "")
                name = match.group(1) if match else ""
                if name in ("", "key", "direction", "description") or data.get(name) is None:
                    return []
                data[name] = None
                continue
            return [w for w in found if repeat_possible or w.kind != "repeat"]
        return []

    def _show_warnings(self, generation: int, found: list[Any]) -> None:
        if generation != self._generation:      # an answer for text since changed
            return
        self.warnings = list(found)
        self.warning_label.setText(warnings_text(found))
        self.warning_label.setVisible(bool(found))


class GiftPolicyBox(QGroupBox):
    """The gifts register's rules in the settings: the threshold for received gifts, the policy's
    currency and the limits of the value bands. They are the office's, kept in the database and
    shared by everyone using it, so the box says so."""

    def __init__(self, desk: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(_("Gifts register (the whole office)"), parent)
        self.desk = desk
        self.policy = desk.policy()
        self.changes = Changes()
        self.threshold = NumberField(money=True)
        self.currency = SearchField(currency_items(), optional=False)
        self.limits = [NumberField(money=True) for _limit in range(3)]
        self.threshold.set_value(self.policy.gift_threshold)
        self.currency.set_value(self.policy.gift_currency)
        for field, limit in zip(self.limits, self.policy.gift_bands):
            field.set_value(limit)
        self.boxes = {"gift_threshold": FieldBox(self.threshold, _(
                          "A received gift worth more than this is flagged in the register")),
                      "gift_currency": FieldBox(self.currency, _("Values in other currencies are not converted")),
                      "gift_bands": FieldBox(self._limits_row(), _(
                          "Upper limits of the token, modest and substantial bands; above the last, "
                          "a gift's value is high"))}
        note = QLabel(_("These rules are kept in the database and apply to everyone who uses it, "
                        "unlike the language, which is a setting of this computer."), self)
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        form = form_layout()
        add_row(form, _("Threshold for received gifts:"), self.boxes["gift_threshold"])
        add_row(form, _("Policy currency:"), self.boxes["gift_currency"])
        add_row(form, _("Value bands up to:"), self.boxes["gift_bands"], self.limits[0])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        self.setStyleSheet(STYLE)

    def _limits_row(self) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        for number, field in enumerate(self.limits):
            if number:
                line.addWidget(QLabel("<", row))
            line.addWidget(field)
        line.addStretch(1)
        return row

    def value(self) -> dict[str, Any]:
        return {"gift_threshold": self.threshold.value(), "gift_currency": self.currency.value(),
                "gift_bands": [field.value() for field in self.limits]}

    def _problem(self) -> Optional[tuple[str, str]]:
        """The cheap checks, in the user's language, before the services'."""
        for name, fields in (("gift_threshold", [self.threshold]), ("gift_bands", self.limits)):
            for field in fields:
                if field.problem():
                    return name, field.problem()  # type: ignore[return-value]
        if self.threshold.value() is None:
            return "gift_threshold", _("is required")
        limits = [field.value() for field in self.limits]
        if any(limit is None or limit <= 0 for limit in limits) or limits != sorted(set(limits)):
            return "gift_bands", _("give three amounts above zero, each larger than the one before")
        if self.currency.problem() or not self.currency.value():
            return "gift_currency", self.currency.problem() or _("is required")
        return None

    def save(self) -> bool:
        """Write the rules if they changed; False (with the problem at its field) if they are wrong."""
        for box in self.boxes.values():
            box.clear_error()
        for field in self.limits:
            mark(field, False)
        problem = self._problem()
        if problem is None:
            try:
                self.changes = save_policy(self.desk, self.value()) or self.changes
                return True
            except InvalidRecord as error:
                match = _FIELD.match(error.field or "")
                problem = (match.group(1) if match and match.group(1) in self.boxes else "gift_threshold",
                           error.problem)
        name, text = problem
        box = self.boxes[name]
        if name == "gift_bands":     # the three amounts get the red border, not the row around them
            box.error.setText(problem_text(text))
            box.error.show()
            for field in self.limits:
                mark(field, True)
            self.limits[0].setFocus()
        else:
            box.show_error(problem_text(text))
            box.editor.setFocus()
        # Wrapped hints do not make a shown dialog taller by themselves: make room for the message.
        window = self.window()
        window.resize(window.width(), max(window.height(), window.sizeHint().height()))
        return False
