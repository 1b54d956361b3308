"""The events and projects register: presentations of Krakow abroad and of partners in Krakow,
fairs, conferences, festivals, jubilees, joint and EU-funded projects."""

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from krakow_desk.collation import sort_key
from krakow_desk.domain import enums as e
from krakow_desk.domain.enums import Precision
from krakow_desk.domain.fuzzydate import FuzzyDate
from krakow_desk.domain.schema import EventData
from krakow_desk.formatting import format_date, format_date_range, format_money, format_short_date
from krakow_desk.i18n import N_, _, ngettext
from krakow_desk.labels import choices, country_name, label
from krakow_desk.titles import partner_name
from krakow_desk.ui.pages.list_page import FilterCombo, ListPage, set_names
from krakow_desk.ui.pages.record_detail import RecordDetail
from krakow_desk.ui.table_model import Column, first_day
from krakow_desk.ui.widgets import section

COUNTRY, PARTNER = "country:", "partner:"    # prefixes of the partner-or-country filter's values


# --- helpers the gifts page shares ---------------------------------------------------------

def date_span(start: Optional[FuzzyDate], end: Optional[FuzzyDate]) -> str:
    """"22–24 listopada 2026" for exact days; "2004", "listopad 2005 – 2007" where the sources
    give only a month or a year."""
    if start is None and end is None:
        return ""
    if start is not None and end is not None and start.precision == end.precision == Precision.DAY:
        return format_date_range(start.start, end.start)
    if start is None or end is None or end == start:
        return format_date(start or end)
    return f"{format_date(start)} – {format_date(end)}"


def short_span(start: Optional[FuzzyDate], end: Optional[FuzzyDate]) -> str:
    """The same for a table cell: "2026-11-22 – 2026-11-24", "2004"."""
    first, last = format_short_date(start), format_short_date(end)
    return f"{first} – {last}" if first and last and last != first else first or last


def years_of(start: Optional[FuzzyDate], end: Optional[FuzzyDate]) -> range:
    """Every year a record's dates touch (a project from 2005 to 2007 counts in 2006)."""
    if start is None and end is None:
        return range(0)
    first = (start or end).start.year            # type: ignore[union-attr]
    last = (end or start).end.year               # type: ignore[union-attr]
    return range(first, max(first, last) + 1)


def partner_or_country_items(partners: dict[str, Any], used: Iterable[str]) -> list[tuple[str, str]]:
    """Each country of the partners in ``used``, followed by those partners (indented), countries
    in name order: one list serves both "everything with Germany" and "everything with Leipzig"."""
    by_country: dict[str, list[tuple[str, str]]] = {}
    for key in set(used):
        partner = partners.get(key)
        if partner is not None:
            by_country.setdefault(partner.country, []).append((key, partner_name(partner)))
    items = []
    for code in sorted(by_country, key=lambda c: sort_key(country_name(c))):
        items.append((COUNTRY + code, country_name(code)))
        for key, name in sorted(by_country[code], key=lambda item: sort_key(item[1])):
            items.append((PARTNER + key, "    " + name))
    return items


def matches_partner(value: str, keys: Iterable[str], countries: Iterable[str]) -> bool:
    if value.startswith(PARTNER):
        return value[len(PARTNER):] in keys
    return value[len(COUNTRY):] in countries


# --- the page -----------------------------------------------------------------------------

@dataclass(frozen=True)
class EventRow:
    event: EventData
    partners: tuple[str, ...]          # names in the interface's language, in the record's order
    countries: frozenset[str]
    source: str                         # the source's title

    @property
    def key(self) -> str:
        return self.event.key


COLUMNS = (
    Column(N_("Dates"), lambda r: short_span(r.event.start_on, r.event.end_on),
           sort=lambda r: first_day(r.event.start_on or r.event.end_on)),
    Column(N_("Kind"), lambda r: label(r.event.kind)),
    Column(N_("Title"), lambda r: r.event.title),
    Column(N_("Partners"), lambda r: ", ".join(r.partners)),
    Column(N_("Place"), lambda r: r.event.place or ""),
)


class EventDetail(QWidget):
    """The selected event's facts and its documents."""

    def __init__(self, desk: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.facts = RecordDetail([_("Event"), _("Partners and scope"), _("Funding"), _("Outcomes and notes")],
                                  self, desk, "event")
        from krakow_desk.ui.documents import DocumentsPanel
        self.documents = DocumentsPanel(desk, "event", self)
        parts = QSplitter(Qt.Orientation.Vertical, self)
        parts.addWidget(self.facts)
        parts.addWidget(section(_("Documents"), self.documents, self))
        parts.setChildrenCollapsible(False)
        parts.setSizes([460, 160])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(parts)

    def show_row(self, row: Optional[EventRow]) -> None:
        self.documents.show_record(row.key if row else None)
        if row is None:
            self.facts.show_nothing()
            return
        ev = row.event
        dates = date_span(ev.start_on, ev.end_on)
        subtitle = " · ".join(x for x in (label(ev.kind), dates, ev.place or "") if x)
        self.facts.show_record(ev.title, subtitle, [
            [(_("Kind"), label(ev.kind)), (_("Dates"), dates), (_("Place"), ev.place or ""),
             (_("Organisers"), ev.organisers or "")],
            [(_("Partners"), ", ".join(row.partners)), (_("Domains"), ", ".join(label(d) for d in ev.domains))],
            [(_("Programme"), ev.programme_name or ""),
             (_("Budget"), format_money(ev.budget, ev.currency)),
             (_("Co-financing"), ev.co_financing or "")],
            [(_("Outcomes"), ev.outcomes or ""), (_("Notes"), ev.notes or ""), (_("Source"), row.source)],
        ], key=row.key)


class EventsPage(ListPage[EventRow]):
    kind = "event"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._partners: dict[str, Any] = {}
        super().__init__(*args, **kwargs)
        self.kinds = frozenset({"event", "partner", "source"})
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.splitter.setSizes([700, 560])     # titles are long; the facts are few

    def columns(self) -> Sequence[Column[EventRow]]:
        return COLUMNS

    def load(self) -> list[EventRow]:
        partners = {p.key: p for p in self.desk.partners.all()}
        sources = {s.key: s.title for s in self.desk.sources.all()}
        self._partners = partners
        rows = []
        for ev in self.desk.events.all():
            known = [partners[k] for k in ev.partners if k in partners]
            rows.append(EventRow(
                ev, tuple(partner_name(partners[k]) if k in partners else k for k in ev.partners),
                frozenset(p.country for p in known), sources.get(ev.source or "", ev.source or "")))
        return rows

    def filters(self) -> list[tuple[FilterCombo, Callable[[EventRow, Any], bool]]]:
        self.kind_combo = FilterCombo(_("All kinds"), choices(e.EventKind))
        self.partner_combo = FilterCombo(_("All partners"), [])
        self.domain_combo = FilterCombo(_("All domains"), choices(e.Domain))
        self.year_combo = FilterCombo(_("All years"), [])
        set_names([(self.kind_combo, _("Kind")), (self.partner_combo, _("Partner or country")),
                   (self.domain_combo, _("Domain")), (self.year_combo, _("Year"))])
        return [
            (self.kind_combo, lambda r, v: r.event.kind == v),
            (self.partner_combo, lambda r, v: matches_partner(v, r.event.partners, r.countries)),
            (self.domain_combo, lambda r, v: v in r.event.domains),
            (self.year_combo, lambda r, v: v in years_of(r.event.start_on, r.event.end_on)),
        ]

    def _loaded_records(self, records: list[EventRow]) -> None:
        # Only values that occur are offered: an empty result from a filter helps nobody.
        used = (k for r in records for k in r.event.partners)
        self.partner_combo.refill(_("All partners"), partner_or_country_items(self._partners, used))
        years = sorted({y for r in records for y in years_of(r.event.start_on, r.event.end_on)}, reverse=True)
        self.year_combo.refill(_("All years"), [(y, str(y)) for y in years])
        super()._loaded_records(records)

    def search_text(self, r: EventRow) -> str:
        ev = r.event
        return " ".join(filter(None, (ev.title, ev.place, *r.partners, ev.organisers, ev.programme_name,
                                      ev.co_financing, ev.outcomes, ev.notes, label(ev.kind),
                                      short_span(ev.start_on, ev.end_on))))

    def make_detail(self) -> EventDetail:
        return EventDetail(self.desk, self)

    def show_detail(self, record: Optional[EventRow]) -> None:
        self.detail.show_row(record)

    def new_record(self) -> None:
        # A new event starts with the partner the list is filtered on, as the user is looking at it.
        chosen = self.partner_combo.value()
        if chosen and chosen.startswith(PARTNER):
            self._run_form(None, {"partners": [chosen[len(PARTNER):]]})
        else:
            self._run_form(None)

    def count_text(self, n: int) -> str:
        return ngettext("{n} event", "{n} events", n).format(n=n)
