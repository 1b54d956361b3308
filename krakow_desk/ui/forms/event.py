"""The event form: what, when and where, with which partners, how it was funded, what came of it."""

from typing import Any, Optional, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QSizePolicy, QTabWidget, QVBoxLayout, QWidget,
)

from krakow_desk.collation import sort_key
from krakow_desk.domain.enums import Domain, EventKind
from krakow_desk.domain.text import fold
from krakow_desk.i18n import _
from krakow_desk.labels import country_name
from krakow_desk.ui.forms.base import RecordForm
from krakow_desk.ui.forms.editors import CheckGrid, ChoiceField, DateField, LineField, NumberField, SearchField, TextArea
from krakow_desk.ui.forms.layout import add_row, form_layout, scroll_page
from krakow_desk.ui.forms.others import currency_items
from krakow_desk.ui.forms.person import partner_items


def source_items(desk: Any) -> list[tuple[str, str]]:
    """(key, title) of every source the records cite."""
    return sorted(((s.key, s.title) for s in desk.sources.all()), key=lambda item: sort_key(item[1]))


class PartnersPicker(QWidget):
    """Several partners out of forty or more: a filter line over a list of check boxes, and the
    chosen ones named underneath. Typing part of a name or a country (without diacritics) narrows
    the list; Space or a click ticks; Enter in the filter line ticks the only partner left, Down
    goes on into the list."""

    editingFinished = Signal()   # never emitted: nothing here can be malformed
    sig_changed = Signal()
    """The set of chosen partners changed."""

    def __init__(self, items: Sequence[tuple[str, str]], also: Optional[dict[str, str]] = None,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.names = dict(items)
        self.also = also or {}      # more words a partner is found by (its country's name)
        self.loaded: list[str] = []
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(_("Type to find a partner…"))
        self.list = QListWidget(self)
        self.list.setUniformItemSizes(True)
        self.list.setMinimumHeight(self.fontMetrics().height() * 8)
        # The one tall field of its page: it takes the room the page has to spare.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.chosen = QLabel(self)
        self.chosen.setWordWrap(True)
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)
        self.chosen.setProperty("role", "hint")
        for key, name in items:
            self._add(key, name)
        self.filter.textChanged.connect(self._narrow)
        self.filter.installEventFilter(self)
        self.list.itemChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.chosen)
        self.setFocusProxy(self.filter)
        self._summarise()

    def _add(self, key: str, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name, self.list)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(Qt.ItemDataRole.UserRole + 1, fold(f"{name} {key} {self.also.get(key, '')}"))
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
        item.setCheckState(Qt.CheckState.Unchecked)
        return item

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def _narrow(self, text: str) -> None:
        words = fold(text).split()
        for item in self._items():
            haystack = item.data(Qt.ItemDataRole.UserRole + 1)
            item.setHidden(not all(word in haystack for word in words))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Enter in the filter line ticks the partner found; it must not reach the dialog, where it
        # would press Save.
        if (watched is self.filter and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):  # type: ignore[attr-defined]
            self._tick_single()
            return True
        if (watched is self.filter and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down):  # type: ignore[attr-defined]
            self.list.setFocus()      # on into the list, where Space ticks
            return True
        return super().eventFilter(watched, event)

    def _tick_single(self) -> None:
        shown = [item for item in self._items() if not item.isHidden()]
        if len(shown) == 1:
            item = shown[0]
            item.setCheckState(Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked
                               else Qt.CheckState.Checked)
            self.filter.clear()

    def _changed(self, _item: QListWidgetItem) -> None:
        self._summarise()
        self.sig_changed.emit()

    def _summarise(self) -> None:
        keys = self.value()
        self.chosen.setText(_("Chosen: {names}").format(names=", ".join(self.names.get(k, k) for k in keys))
                            if keys else _("No partner chosen."))

    def value(self) -> list[str]:
        checked = {item.data(Qt.ItemDataRole.UserRole) for item in self._items()
                   if item.checkState() == Qt.CheckState.Checked}
        # Partners already stored keep their order, so an untouched record compares equal.
        order = self.loaded + [item.data(Qt.ItemDataRole.UserRole) for item in self._items()
                               if item.data(Qt.ItemDataRole.UserRole) not in self.loaded]
        return [key for key in order if key in checked]

    def set_value(self, value: Any) -> None:
        self.loaded = list(value or [])
        known = {item.data(Qt.ItemDataRole.UserRole) for item in self._items()}
        for key in self.loaded:
            if key not in known:      # a key no partner has any more: shown, so it can be unticked
                self._add(key, key)
        self.list.blockSignals(True)
        for item in self._items():
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in self.loaded
                               else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._summarise()
        self.sig_changed.emit()

    def problem(self) -> Optional[str]:
        return None


class EventForm(RecordForm):
    kind, collection = "event", "events"
    preferred = (780, 640)

    def new_title(self) -> str:
        return _("New event")

    def edit_title(self, title: str) -> str:
        return _("Event — {title}").format(title=title)

    def key_source(self) -> str:
        # Keys in Krakow's data read "bordeaux-2004-nova-polska-krakow": partner, date, title.
        partners = self.editors["partners"].value()
        start = self.editors["start_on"].text().strip()
        title = self.editors["title"].text()
        return " ".join(part for part in (partners[0] if partners else "", start, title) if part)

    def build(self, layout: QVBoxLayout) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.addTab(scroll_page(self._event()), _("&Event"))
        self.tabs.addTab(scroll_page(self._partners()), _("&Partners and domains"))
        self.tabs.addTab(scroll_page(self._funding()), _("&Funding and outcomes"))
        layout.addWidget(self.tabs)
        self.follow_name(self.editors["title"], self.editors["start_on"])
        self.editors["partners"].sig_changed.connect(self._name_edited)

    def _event(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        kind = ChoiceField(EventKind)
        kind.set_value(EventKind.OTHER)              # as the register's default, not the first label
        add_row(form, _("Kind:"), self.field("kind", kind))
        add_row(form, _("Title:"), self.field("title", LineField(), _("e.g. Days of Krakow in Frankfurt")))
        add_row(form, _("Starts on:"), self.field(
            "start_on", DateField(), _("YYYY-MM-DD; YYYY-MM or YYYY where the sources say no more")))
        add_row(form, _("Ends on:"), self.field("end_on", DateField(), _("Empty for a one-day event")))
        add_row(form, _("Place:"), self.field("place", LineField(), _("City, and the venue if known")))
        add_row(form, _("Organisers:"), self.field(
            "organisers", TextArea(lines=2), _("Krakow's departments and institutions, and the partner's")))
        add_row(form, _("Key:"), self.key_box())
        return page

    def _partners(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        countries = {p.key: country_name(p.country) for p in self.desk.partners.all()}
        picker = PartnersPicker(partner_items(self.desk), countries)
        picker.setToolTip(_("Type part of a partner's or its country's name; Enter ticks the only one found"))
        add_row(form, _("Partners:"), self.field("partners", picker), picker.filter)
        domains = CheckGrid(Domain)
        add_row(form, _("Domains:"), self.field("domains", domains), next(iter(domains.boxes.values())))
        return page

    def _funding(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        add_row(form, _("Programme:"), self.field(
            "programme_name", LineField(), _("The project's or funding programme's name, e.g. Town-Twinning")))
        add_row(form, _("Budget:"), self.field("budget", NumberField(money=True)))
        add_row(form, _("Currency:"), self.field("currency", SearchField(currency_items()), _("e.g. PLN, EUR")))
        add_row(form, _("Co-financing:"), self.field(
            "co_financing", TextArea(lines=2), _("Who else paid, and how much, e.g. 75% from the EU")))
        add_row(form, _("Outcomes:"), self.field("outcomes", TextArea(lines=3)))
        add_row(form, _("Notes:"), self.field("notes", TextArea(lines=4, grow=True)))
        add_row(form, _("Source:"), self.field("source", SearchField(source_items(self.desk))))
        return page
